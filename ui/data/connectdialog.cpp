#include "connectdialog.h"

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
    setWindowTitle(tr("Connect to a database"));
    mKind->addItem(tr("SQLite file"), int(SqlDialect::Kind::Sqlite));
    mKind->addItem(tr("PostgreSQL"), int(SqlDialect::Kind::Postgres));
    mKind->addItem(tr("MySQL / MariaDB"), int(SqlDialect::Kind::MySql));
    mKind->setCurrentIndex(mKind->findData(int(current.kind)));
    mPath->setText(current.path);
    mHost->setText(current.host.isEmpty() ? u"127.0.0.1"_s : current.host);
    mPort->setRange(1, 65535);
    mPort->setValue(current.port > 0 ? current.port : 5432);
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
        const auto kind = SqlDialect::Kind(mKind->currentData().toInt());
        if (kind == SqlDialect::Kind::MySql && mPort->value() == 5432)
            mPort->setValue(3306);
        if (kind == SqlDialect::Kind::Postgres && mPort->value() == 3306)
            mPort->setValue(5432);
        updateFields();
    });
    updateFields();
}

void ConnectDialog::updateFields() {
    const bool file = SqlDialect::Kind(mKind->currentData().toInt()) == SqlDialect::Kind::Sqlite;
    for (QWidget *w : std::as_const(mFileRows))
        w->setVisible(file);
    for (QWidget *w : std::as_const(mServerRows))
        w->setVisible(!file);
}

ConnectionUrl ConnectDialog::url() const {
    ConnectionUrl url;
    url.kind = SqlDialect::Kind(mKind->currentData().toInt());
    if (url.kind == SqlDialect::Kind::Sqlite) {
        url.path = mPath->text().trimmed();
        return url;
    }
    url.host = mHost->text().trimmed();
    url.port = mPort->value();
    url.database = mDatabase->text().trimmed();
    url.user = mUser->text().trimmed();
    url.password = mPassword->text();
    return url;
}

} // namespace modeldesk
