#pragma once

#include "import/schemainference.h"

#include <QDialog>
#include <memory>
#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTimer;
class QTreeWidget;

namespace modeldesk {

// File > Import Sequelize Models...: pick a project's models folder (or a .js file), read it with Node
// (SequelizeCodeImport), see the models, links and warnings found, and open the design. Before the first
// read it says, once (QSettings remembers), that this runs the project's JavaScript with Node. Node runs on a
// pool thread, so the window stays responsive: a busy bar and Stop (or Escape) while it reads.
class SequelizeImportDialog : public QDialog {
    Q_OBJECT

public:
    explicit SequelizeImportDialog(QWidget *parent = nullptr);
    ~SequelizeImportDialog() override;

    // Starts reading `path` (asking first when the user has not agreed to run code yet); false, with the
    // reason shown, when nothing was started (no path, the user declined). readDone() tells how it ended.
    bool readModels(const QString &path);
    bool isReading() const { return bool(mRun); }
    // Stops Node; the dialog says it was stopped.
    void stopReading();
    // The design read last, if any: what Open takes.
    const std::optional<ImportResult> &result() const { return mResult; }
    QString path() const;

    QLineEdit *pathEdit() const { return mPath; }
    QTreeWidget *summary() const { return mSummary; }
    QLabel *status() const { return mStatus; }
    QPushButton *openButton() const { return mOpen; }

    static QString consentKey(); // the QSettings key of "may run the project's code with Node"

signals:
    void readDone(bool ok);

protected:
    void reject() override;

private:
    struct Run;
    void poll();
    void setReading(bool reading);
    bool askToRunCode();
    void browse();
    void showResult();

    QLineEdit *mPath;
    QTreeWidget *mSummary;
    QLabel *mStatus;
    QPushButton *mOpen;
    QDialogButtonBox *mButtons;
    QPushButton *mBrowse;
    QPushButton *mRead;
    QPushButton *mStop;
    QProgressBar *mBusy;
    QTimer *mPoll;
    std::shared_ptr<Run> mRun; // the read under way, shared with its thread
    std::optional<ImportResult> mResult;
};

} // namespace modeldesk
