#pragma once

#include "migrate/schemadiff.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace modeldesk {

class Document;

// File ▸ Migrations…: compares the open design (NEW) with its last saved version or another project file
// (OLD), lists the steps (data-losing ones in red, the reason in the tooltip) and saves them as SQL for a
// dialect or as a sequelize-cli migration. Saving a data-losing migration asks first (the window's
// --allow-data-loss). Comparing with the connected database and applying are not here yet.
class MigrationDialog : public QDialog {
    Q_OBJECT

public:
    explicit MigrationDialog(const Document *document, QWidget *parent = nullptr);

    // OLD = the document's file as saved on disk; false (and a message in the dialog) for an untitled
    // document or a file that does not read.
    bool compareWithSaved();
    // OLD = another project file.
    bool compareWithFile(const QString &path);

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

private:
    bool compareWith(const QString &oldPath, const QString &label);
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
};

} // namespace modeldesk
