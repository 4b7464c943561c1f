#pragma once

#include "db/connectionurl.h"
#include "import/importchoices.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace modeldesk {

class CatalogLoader;
class ConnectionForm;
class ImportPreview;

// File ▸ Import from Database…: where the database is (the form Connect… uses), which of its tables to take
// (a filtered checklist; views and triggers listed as skipped), and a preview of the models and links that
// will be made, with why each link was inferred and a choice of its kind and alias. The catalog is read off
// the window's thread (CatalogLoader), with a progress bar and Cancel; errors are shown on the first page.
// Accepted, result() is the design to open and url() the database the Data mode connects to.
class ImportDialog : public QDialog {
    Q_OBJECT

public:
    enum class Page { Connection, Tables, Preview };

    explicit ImportDialog(const ConnectionUrl &initial, QWidget *parent = nullptr);
    ~ImportDialog() override;

    Page page() const;
    ConnectionUrl url() const { return mUrl; }
    // The design with the person's choices; meaningful once accepted.
    const ImportResult &result() const { return mResult; }
    // "chinook.db", "shop on 127.0.0.1": for the new document's name.
    QString databaseName() const;

    ConnectionForm *connectionForm() const { return mForm; }
    QListWidget *tableList() const { return mTables; }
    QLineEdit *tableFilter() const { return mFilter; }
    ImportPreview *preview() const { return mPreview; }
    QLabel *errorLabel() const { return mError; }
    QPushButton *nextButton() const { return mNext; }
    QPushButton *backButton() const { return mBack; }
    QPushButton *cancelButton() const { return mCancel; }

public slots:
    void reject() override;

private:
    QWidget *makeConnectionPage();
    QWidget *makeTablesPage();
    void showPage(Page page);
    void next();
    void back();
    void startReading();
    void setReading(bool reading);
    void catalogRead(const DatabaseCatalog &catalog);
    void showError(const QString &text);
    void fillTables();
    void filterTables(const QString &text);
    void setAllShownChecked(bool checked);
    void updateTableCount();
    QStringList checkedTables() const;
    // Re-runs the inference for the chosen tables and choices, and shows it.
    void refreshPreview();
    // The design changed by a link choice: notes and whether Import may go on.
    void updateNotes();

    ConnectionUrl mUrl;
    DatabaseCatalog mCatalog;
    ImportChoices mChoices;
    ImportResult mResult;
    CatalogLoader *mLoader;

    QStackedWidget *mPages;
    QLabel *mHeading;
    ConnectionForm *mForm;
    QLabel *mStatus; // what is being read, while it is
    QProgressBar *mProgress;
    QLabel *mError;
    QLineEdit *mFilter;
    QListWidget *mTables;
    QLabel *mTableCount;
    ImportPreview *mPreview;
    QPushButton *mBack;
    QPushButton *mNext;
    QPushButton *mCancel;
};

} // namespace modeldesk
