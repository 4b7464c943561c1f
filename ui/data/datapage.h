#pragma once

#include "db/connectionurl.h"

#include <QHash>
#include <QJsonObject>
#include <QWidget>
#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLayout;
class QLineEdit;
class QPushButton;
class QScrollArea;
class QSplitter;
class QTableView;

namespace modeldesk {

class DataSession;
class Document;
class RecordListModel;
class RecordNavigator;
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
    // The database the page is connected to; nullopt before it first connects.
    std::optional<ConnectionUrl> connectedUrl() const;
    // The database Data mode works with: the connected one, or else the project's default file when it
    // exists (nullopt when there is none yet).
    std::optional<ConnectionUrl> databaseUrl() const;
    // Something other than the page changed the database's tables (a migration): the page reconnects, now
    // when it is shown, else when it is next shown.
    void databaseChanged();
    // Stays with the connected database when the design changes, also an SQLite file other than the
    // project's default one (an imported database), until another project is opened.
    void keepConnection() { mKeepConnection = true; }
    // The SQLite file the project's data lives in by default: <project>.db beside it, or one in the user's
    // data folder for an unsaved project.
    ConnectionUrl defaultUrl() const;
    QString where() const;
    // After Save As: the records entered so far are in `before` (the project's default file until now).
    // When the new name has no records file yet, asks whether to copy them beside the new project file
    // (a SQLite copy) or start it empty; returns what happened, in words, for the status bar. Empty when
    // there was nothing to take (a server connection, no records file, the same file).
    QString takeRecordsAlong(const ConnectionUrl &before);

    void setModel(const QString &model);
    QString model() const { return mModel; }
    bool saveRecord();
    // Clears the form for a new record (what New does once unsaved input is settled).
    void newRecord();
    void revert();
    // Whether the form holds input the user typed and has not saved; the window shows it and asks before it
    // would be lost.
    bool hasUnsavedInput() const { return mDirty; }
    // The key of the record the form shows; undefined for a new record.
    QJsonValue loadedKey() const { return mLoadedKey; }
    // Asks Save / Discard / Cancel when the form holds unsaved input. True when the caller may go on (saved,
    // discarded, or nothing to ask); false when the user cancelled or the save was refused.
    bool maybeKeepInput();
    bool deleteRecord(bool confirm = true);
    // Brings the loaded deleted record back (RecordStore::restore), then lists and shows it as live.
    bool restoreRecord();
    // Loads a record into the form; a deleted one (listed with Show deleted) is shown read-only, with
    // Restore instead of Delete.
    bool loadRecord(const QJsonValue &key);
    // Whether the form shows a deleted record of a paranoid model.
    bool showsDeletedRecord() const { return !mLoadedDeletedAt.isNull() && !mLoadedDeletedAt.isUndefined(); }
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
    QCheckBox *showDeletedBox() const { return mShowDeleted; }
    RecordNavigator *navigator() const { return mNavigator; }

signals:
    void whereChanged(const QString &where);
    // What a record operation did, for the window's status bar.
    void statusMessage(const QString &text);
    void unsavedInputChanged(bool unsaved);
    // The form shows another record (loaded, saved, or a new one).
    void recordShown();

protected:
    // The message line's colour follows the palette (View ▸ Theme).
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QLayout *makeTopBar();
    QWidget *makeRecordList();
    QWidget *makeFormPanel();
    void chooseConnection();
    // takeRecordsAlong()'s question and copy; what happened, in words.
    QString copyRecords(const ConnectionUrl &before, const ConnectionUrl &after);
    void askNewRecord();
    void setDirty(bool dirty);
    // Selects the loaded record's row again (after a change of record was cancelled).
    void selectLoadedRow();
    void showSql();
    void rebuildForm();
    void refreshList();
    enum class MessageKind { Error, Success, Note };
    void showMessage(const QString &text, bool error);
    void setMessageKind(MessageKind kind);
    // Columns as wide as their contents, none wider than about 24 characters (a UUID key is elided).
    void fitListColumns();
    void fitSplitterToList();
    // A deleted record is read-only: no editing, Save, Revert or Delete; Restore instead.
    void updateForDeleted();
    // With Show deleted, the deletedAt column comes second, so when each was deleted is in view.
    void placeDeletedAtColumn();
    void showResult(const RecordResult &result);
    bool ensureTables(QString *error);
    std::optional<DeletePreview> deletePreview(QString *error) const;
    QString deleteText(const DeletePreview &preview) const;
    // Shows a saved or updated graph as the store returned it, and re-reads the lists that show its models.
    void showSaved(const QJsonObject &graph, bool update);

    Document *mDocument;
    std::unique_ptr<DataSession> mSession;
    bool mStale = true;
    bool mKeepConnection = false; // keepConnection(); reset by a new document
    QString mMismatch;            // why the connected database does not match the design, when it does not
    QString mModel;
    QJsonValue mLoadedKey = QJsonValue(QJsonValue::Undefined);
    QJsonObject mLoadedRecord;
    QJsonValue mLoadedDeletedAt; // when the loaded record was deleted; null for a live one
    Reads mReads;
    bool mDirty = false;

    QLabel *mWhere;
    QComboBox *mModelCombo;
    QLineEdit *mSearch;
    QCheckBox *mShowDeleted;
    QTableView *mList;
    QSplitter *mSplitter = nullptr;
    bool mSplitterMoved = false; // by the user: then the list keeps the width they gave it
    RecordListModel *mListModel;
    QScrollArea *mScroll;
    RecordSection *mForm = nullptr;
    QLabel *mMessage;
    MessageKind mMessageKind = MessageKind::Note;
    RecordNavigator *mNavigator = nullptr;
    QPushButton *mSaveButton;
    QPushButton *mDeleteButton;
    QPushButton *mRestoreButton;
    QList<QPushButton *> mEditButtons; // Revert, Show SQL: nothing to do for a deleted record
};

} // namespace modeldesk
