#pragma once

#include "import/schemainference.h"

#include <QDialog>
#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace modeldesk {

// File > Import Sequelize Models...: pick a project's models folder (or a .js file), read it with Node
// (SequelizeCodeImport), see the models, links and warnings found, and open the design. Before the first
// read it says, once (QSettings remembers), that this runs the project's JavaScript with Node.
class SequelizeImportDialog : public QDialog {
    Q_OBJECT

public:
    explicit SequelizeImportDialog(QWidget *parent = nullptr);

    // Reads `path` (asking first when the user has not agreed to run code yet); false with the error shown
    // in the dialog when it fails or the user declines.
    bool readModels(const QString &path);
    // The design read last, if any: what Open takes.
    const std::optional<ImportResult> &result() const { return mResult; }
    QString path() const;

    QLineEdit *pathEdit() const { return mPath; }
    QTreeWidget *summary() const { return mSummary; }
    QLabel *status() const { return mStatus; }
    QPushButton *openButton() const { return mOpen; }

    static QString consentKey(); // the QSettings key of "may run the project's code with Node"

private:
    bool askToRunCode();
    void browse();
    void showResult();

    QLineEdit *mPath;
    QTreeWidget *mSummary;
    QLabel *mStatus;
    QPushButton *mOpen;
    QDialogButtonBox *mButtons;
    std::optional<ImportResult> mResult;
};

} // namespace modeldesk
