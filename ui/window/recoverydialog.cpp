#include "window/recoverydialog.h"

#include "project/projectdiff.h"
#include "project/projectfile.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace modeldesk {

using namespace Qt::StringLiterals;

RecoveryDialog::RecoveryDialog(const RecoveryFile &file, QWidget *parent)
    : QDialog(parent)
    , mFile(file)
    , mRestore(new QPushButton(tr("&Restore"), this))
    , mDiscard(new QPushButton(tr("&Discard"), this))
    , mCompare(new QPushButton(tr("&Compare…"), this))
    , mComparison(new QPlainTextEdit(this)) {
    setObjectName(u"recoveryDialog"_s);
    setWindowTitle(tr("Recover Unsaved Work"));
    const QString name =
        file.originalPath.isEmpty() ? file.displayName : QDir::toNativeSeparators(file.originalPath);
    auto *message = new QLabel(
        tr("<p>ModelDesk ended without saving <b>%1</b>.</p><p>The changes made until %2 can be restored. "
           "Restoring does not change the file on disk until you save.</p>")
            .arg(name.toHtmlEscaped(),
                 QLocale().toString(file.savedAt.toLocalTime(), QLocale::ShortFormat).toHtmlEscaped()),
        this);
    message->setWordWrap(true);
    mComparison->setObjectName(u"recoveryComparison"_s);
    mComparison->setReadOnly(true);
    mComparison->setVisible(false);
    mComparison->setMinimumHeight(160);

    auto *buttons = new QDialogButtonBox(this);
    mRestore->setDefault(true);
    buttons->addButton(mRestore, QDialogButtonBox::AcceptRole);
    buttons->addButton(mDiscard, QDialogButtonBox::DestructiveRole);
    buttons->addButton(mCompare, QDialogButtonBox::ActionRole);
    buttons->addButton(tr("Decide &Later"), QDialogButtonBox::RejectRole);
    connect(mRestore, &QPushButton::clicked, this, [this] {
        mChoice = Choice::Restore;
        accept();
    });
    connect(mDiscard, &QPushButton::clicked, this, [this] {
        mChoice = Choice::Discard;
        accept();
    });
    connect(mCompare, &QPushButton::clicked, this, [this] {
        if (mComparison->toPlainText().isEmpty())
            mComparison->setPlainText(comparison(mFile));
        mComparison->setVisible(!mComparison->isVisible());
    });
    connect(buttons, &QDialogButtonBox::rejected, this, [this] {
        mChoice = Choice::Later;
        reject();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(message);
    layout->addWidget(mComparison, 1);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
}

QString RecoveryDialog::comparison(const RecoveryFile &file) {
    QString error;
    const auto recovered = file.load(&error);
    if (!recovered)
        return tr("The recovered work cannot be read: %1").arg(error);
    QStringList lines;
    Project onDisk;
    const QString original = QDir::toNativeSeparators(file.originalPath);
    if (file.originalPath.isEmpty()) {
        lines << tr("This design was never saved. Restoring brings back:");
    } else if (!QFileInfo::exists(file.originalPath)) {
        lines << tr("%1 no longer exists. Restoring brings back:").arg(original);
    } else if (const auto loaded = ProjectFile::load(file.originalPath, &error)) {
        onDisk = *loaded;
        lines << tr("Compared with %1 on disk, the recovered work has:").arg(original);
    } else {
        lines << tr("%1 cannot be read (%2). Restoring never overwrites it: you choose where to save. The "
                    "recovered work has:")
                     .arg(original, error);
    }
    for (const QString &line : ProjectDiff::compare(onDisk, *recovered).lines())
        lines << u"• "_s + line;
    return lines.join(u'\n');
}

} // namespace modeldesk
