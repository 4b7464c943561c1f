#include "data/connectdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace modeldesk {

using namespace Qt::StringLiterals;

ConnectDialog::ConnectDialog(const ConnectionUrl &current, QWidget *parent)
    : QDialog(parent)
    , mKind(new QComboBox(this))
    , mPath(new QLineEdit(this))
    , mHost(new QLineEdit(this))
    , mPort(new QSpinBox(this))
    , mDatabase(new QLineEdit(this))
    , mUser(new QLineEdit(this))
    , mPassword(new QLineEdit(this)) {
    setWindowTitle(tr("Connect to a Database"));
    for (const SqlDialect &dialect : SqlDialect::all())
        mKind->addItem(dialect.isFileBased() ? tr("%1 file").arg(dialect.title()) : dialect.title(),
                       dialect.name());
    mKind->setCurrentIndex(mKind->findData(current.dialect().name()));
    mPath->setText(current.path);
    mHost->setText(current.host.isEmpty() ? u"127.0.0.1"_s : current.host);
    mPort->setRange(1, 65535);
    mPort->setValue(current.port > 0 ? current.port : std::max(current.dialect().defaultPort(), 1));
    mDatabase->setText(current.database);
    mUser->setText(current.user);
    mPassword->setEchoMode(QLineEdit::Password);
    mPassword->setText(current.password);
    mPassword->setPlaceholderText(tr("kept in memory only"));

    auto *form = new QFormLayout;
    form->addRow(tr("Kind"), mKind);
    auto *fileRow = new QWidget(this);
    auto *fileLayout = new QHBoxLayout(fileRow);
    fileLayout->setContentsMargins(0, 0, 0, 0);
    fileLayout->addWidget(mPath);
    auto *browse = new QPushButton(tr("Browse…"), fileRow);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("SQLite database"), mPath->text(), tr("SQLite databases (*.db *.sqlite);;All files (*)"),
            nullptr, QFileDialog::DontConfirmOverwrite);
        if (!path.isEmpty())
            mPath->setText(path);
    });
    fileLayout->addWidget(browse);
    form->addRow(tr("File"), fileRow);
    form->addRow(tr("Host"), mHost);
    form->addRow(tr("Port"), mPort);
    form->addRow(tr("Database"), mDatabase);
    form->addRow(tr("User"), mUser);
    form->addRow(tr("Password"), mPassword);
    mFileRows = {fileRow, form->labelForField(fileRow)};
    for (QWidget *w :
         {static_cast<QWidget *>(mHost), static_cast<QWidget *>(mPort), static_cast<QWidget *>(mDatabase),
          static_cast<QWidget *>(mUser), static_cast<QWidget *>(mPassword)})
        mServerRows << w << form->labelForField(w);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(mKind, &QComboBox::currentIndexChanged, this, [this] {
        // A port left at another engine's usual one follows the engine.
        const SqlDialect dialect = this->dialect();
        for (const SqlDialect &other : SqlDialect::all()) {
            if (!dialect.isFileBased() && other != dialect && mPort->value() == other.defaultPort())
                mPort->setValue(dialect.defaultPort());
        }
        updateFields();
    });
    updateFields();
}

void ConnectDialog::updateFields() {
    const bool file = dialect().isFileBased();
    for (QWidget *w : std::as_const(mFileRows))
        w->setVisible(file);
    for (QWidget *w : std::as_const(mServerRows))
        w->setVisible(!file);
}

SqlDialect ConnectDialog::dialect() const {
    return SqlDialect::fromName(mKind->currentData().toString()).value_or(SqlDialect());
}

ConnectionUrl ConnectDialog::url() const {
    if (dialect().isFileBased())
        return ConnectionUrl::file(mPath->text().trimmed());
    ConnectionUrl url;
    url.kind = dialect().kind();
    url.host = mHost->text().trimmed();
    url.port = mPort->value();
    url.database = mDatabase->text().trimmed();
    url.user = mUser->text().trimmed();
    url.password = mPassword->text();
    return url;
}

} // namespace modeldesk
