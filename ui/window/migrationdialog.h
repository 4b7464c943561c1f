#pragma once

#include "db/connectionurl.h"
#include "migrate/schemadiff.h"

#include <QDialog>
#include <optional>

class QComboBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace modeldesk {

class CatalogLoader;
class Document;
class MigrationApplier;

// File ▸ Migrations…: compares the open design (NEW) with its last saved version, another project file or
// the connected database (OLD, as the importer reads it), lists the steps (data-losing ones in red, the
// reason in the tooltip), saves them as SQL for a dialect or as a sequelize-cli migration, and applies them
// to the connected database with a progress bar (SQLite: a copy of the file first). Saving or applying a
// data-losing migration asks first (the window's --allow-data-loss).
class MigrationDialog : public QDialog {
    Q_OBJECT

public:
    explicit MigrationDialog(const Document *document, QWidget *parent = nullptr);

    // OLD = the document's file as saved on disk; false (and a message in the dialog) for an untitled
    // document or a file that does not read.
    bool compareWithSaved();
    // OLD = another project file.
    bool compareWithFile(const QString &path);

    // The database Data mode works with (`where` as the status bar shows it); enables comparing with it and
    // applying to it. An untitled design is compared with it at once.
    void setDatabase(const ConnectionUrl &url, const QString &where);
    // OLD = what the database holds, read on a thread (compared() is emitted when the plan is shown, or
    // the read failed).
    void compareWithDatabase();
    // Asks (the steps, the data-losing ones, the copy or what the engine cannot roll back), then applies the
    // plan on a thread; false when nothing was started. applyFinished() tells how it ended.
    bool applyToDatabase();
    bool isApplying() const;
    QPushButton *applyButton() const { return mApply; }
    QPushButton *stopButton() const { return mStop; }
    QProgressBar *progressBar() const { return mProgress; }
    // The last count the progress bar showed while applying: statements run, of all of them.
    QPair<int, int> lastProgress() const { return mLastProgress; }
    // The SQLite copy written before the last apply; empty for a server.
    QString lastBackup() const { return mBackup; }

    const MigrationPlan &plan() const { return mPlan; }
    bool hasPlan() const { return mHasPlan; }
    QListWidget *stepList() const { return mSteps; }
    QComboBox *dialectBox() const { return mDialect; }
    QString message() const;

    // What the Save buttons do once a path is chosen; false with a message box when nothing was written
    // (the person declined the data-losing steps, or the file could not be written).
    bool saveSql(const QString &path);
    // Writes YYYYMMDDHHMMSS-<name>.js into `folder`; returns its path, empty when nothing was written.
    QString saveSequelizeMigration(const QString &folder);

    // Closes the window, except while a migration runs (Stop ends it where the engine can roll back).
    void reject() override;

signals:
    // The plan is shown (or why there is none) after compareWithDatabase().
    void compared();
    // An apply ended: `error` is empty when the database was migrated.
    void applyFinished(const QString &error);

private:
    bool compareWith(const QString &oldPath, const QString &label);
    bool usePlan(const Schema &before, const QString &shown);
    void setBusy(bool busy, const QString &text);
    void updateButtons();
    void finishApply(const QString &error, bool stopped);
    void showPlan();
    void showMessage(const QString &text);
    bool confirmWritable();
    void chooseFile();
    void chooseSqlFile();
    void chooseMigrationFolder();

    const Document *mDocument;
    Schema mBefore;
    MigrationPlan mPlan;
    bool mHasPlan = false;
    QString mOldPath;
    QLabel *mSource;
    QLabel *mSummary;
    QListWidget *mSteps;
    QComboBox *mDialect;
    QPushButton *mSaveSql;
    QPushButton *mSaveMigration;
    QPushButton *mSavedButton;
    QPushButton *mFileButton;
    QPushButton *mDatabaseButton;
    QPushButton *mApply;
    QPushButton *mStop;
    QProgressBar *mProgress;
    CatalogLoader *mLoader;
    MigrationApplier *mApplier;
    std::optional<ConnectionUrl> mDatabase;
    QString mDatabaseWhere;
    QString mBackup;
    int mAppliedSteps = 0;
    QPair<int, int> mLastProgress;
};

} // namespace modeldesk
