#pragma once

#include "db/connectionurl.h"

#include <QHash>
#include <QJsonObject>
#include <QWidget>
#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QLayout;
class QLineEdit;
class QPushButton;
class QScrollArea;
class QTableView;

namespace modeldesk {

class DataSession;
class Document;
class RecordListModel;
class RecordSection;
struct DeletePreview;
struct RecordResult;

// The Data mode: where the project's records live, a searchable list of one model's records, and the
// master-detail form generated from the design. Save sends the whole graph to the save controller: one
// transaction, all or nothing, with problems shown at the fields they are about.
class DataPage : public QWidget {
    Q_OBJECT

public:
    explicit DataPage(Document *document, QWidget *parent = nullptr);
    ~DataPage() override;

    // Called when the mode becomes visible: (re)connects for the current design when needed.
    void activate();
    bool connectTo(const ConnectionUrl &url, QString *error);
    // The SQLite file the project's data lives in by default: <project>.db beside it, or one in the user's
    // data folder for an unsaved project.
    ConnectionUrl defaultUrl() const;
    QString where() const;

    void setModel(const QString &model);
    QString model() const { return mModel; }
    bool saveRecord();
    // Clears the form for a new record (what New does once unsaved input is settled).
    void newRecord();
    void revert();
    // Whether the form holds input the user typed and has not saved; the window shows it and asks before it
    // would be lost.
    bool hasUnsavedInput() const { return mDirty; }
    // Asks Save / Discard / Cancel when the form holds unsaved input. True when the caller may go on (saved,
    // discarded, or nothing to ask); false when the user cancelled or the save was refused.
    bool maybeKeepInput();
    bool deleteRecord(bool confirm = true);
    bool loadRecord(const QJsonValue &key);
    // The statements Save would run, as text (what "Show SQL" displays).
    QString sqlPreview(QString *error) const;
    // What Delete asks before deleting the loaded record: the store's preview of what happens to the records
    // linked to it, in words. Empty (with *error) when there is nothing to delete or the preview failed;
    // *blocked says the database would refuse (RESTRICT / NO ACTION keys with records referring).
    QString deleteQuestion(QString *error, bool *blocked = nullptr) const;

    // What the page asked the database for since it connected, so tests can check that it asks no more than
    // needed: records loaded into the form, and picker lists per model.
    struct Reads {
        int loads = 0;
        QHash<QString, int> choices;
    };
    const Reads &reads() const { return mReads; }

    RecordSection *form() const { return mForm; }
    QTableView *recordList() const { return mList; }
    QLabel *messageLabel() const { return mMessage; }
    QPushButton *saveButton() const { return mSaveButton; }

signals:
    void whereChanged(const QString &where);
    void unsavedInputChanged(bool unsaved);

private:
    QLayout *makeTopBar();
    QWidget *makeRecordList();
    QWidget *makeFormPanel();
    void chooseConnection();
    void askNewRecord();
    void setDirty(bool dirty);
    // Selects the loaded record's row again (after a change of record was cancelled).
    void selectLoadedRow();
    void showSql();
    void rebuildForm();
    void refreshList();
    void showMessage(const QString &text, bool error);
    void showResult(const RecordResult &result);
    bool ensureTables(QString *error);
    std::optional<DeletePreview> deletePreview(QString *error) const;
    QString deleteText(const DeletePreview &preview) const;
    // Shows a saved or updated graph as the store returned it, and re-reads the lists that show its models.
    void showSaved(const QJsonObject &graph, bool update);

    Document *mDocument;
    std::unique_ptr<DataSession> mSession;
    bool mStale = true;
    QString mMismatch; // why the connected database does not match the design, when it does not
    QString mModel;
    QJsonValue mLoadedKey = QJsonValue(QJsonValue::Undefined);
    QJsonObject mLoadedRecord;
    Reads mReads;
    bool mDirty = false;

    QLabel *mWhere;
    QComboBox *mModelCombo;
    QLineEdit *mSearch;
    QTableView *mList;
    RecordListModel *mListModel;
    QScrollArea *mScroll;
    RecordSection *mForm = nullptr;
    QLabel *mMessage;
    QPushButton *mSaveButton;
    QPushButton *mDeleteButton;
};

} // namespace modeldesk
