#pragma once

#include "project/recoveryfile.h"

#include <QDialog>

class QPlainTextEdit;
class QPushButton;

namespace modeldesk {

// Offered at start for each piece of work a crashed ModelDesk left behind: Restore it, Discard it, or Compare
// it with the file on disk first (models, fields and links added, removed or changed). Closing the dialog
// decides later: the recovery file stays for the next start.
class RecoveryDialog : public QDialog {
    Q_OBJECT

public:
    enum class Choice { Restore, Discard, Later };

    RecoveryDialog(const RecoveryFile &file, QWidget *parent = nullptr);

    Choice choice() const { return mChoice; }
    QPushButton *restoreButton() const { return mRestore; }
    QPushButton *discardButton() const { return mDiscard; }
    QPushButton *compareButton() const { return mCompare; }
    QPlainTextEdit *comparisonView() const { return mComparison; }

    // What restoring would change compared with the file on disk, one line per difference.
    static QString comparison(const RecoveryFile &file);

private:
    RecoveryFile mFile;
    Choice mChoice = Choice::Later;
    QPushButton *mRestore;
    QPushButton *mDiscard;
    QPushButton *mCompare;
    QPlainTextEdit *mComparison;
};

} // namespace modeldesk
