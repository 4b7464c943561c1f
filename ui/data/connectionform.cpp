#include "data/connectionform.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace modeldesk {

using namespace Qt::StringLiterals;

ConnectionForm::ConnectionForm(const ConnectionUrl &current, FileUse fileUse, QWidget *parent)
    : QWidget(parent)
    , mFileUse(fileUse)
    , mKind(new QComboBox(this))
    , mPath(new QLineEdit(this))
    , mHost(new QLineEdit(this))
    , mPort(new QSpinBox(this))
    , mDatabase(new QLineEdit(this))
    , mUser(new QLineEdit(this))
    , mPassword(new QLineEdit(this)) {
    mKind->setObjectName(u"connectionKind"_s);
    mPath->setObjectName(u"connectionPath"_s);
    mHost->setObjectName(u"connectionHost"_s);
    mPort->setObjectName(u"connectionPort"_s);
    mDatabase->setObjectName(u"connectionDatabase"_s);
    mUser->setObjectName(u"connectionUser"_s);
    mPassword->setObjectName(u"connectionPassword"_s);
    for (const SqlDialect &dialect : SqlDialect::all())
        mKind->addItem(dialect.isFileBased() ? tr("%1 file").arg(dialect.title()) : dialect.title(),
                       dialect.name());
    mKind->setCurrentIndex(mKind->findData(current.dialect().name()));
    mPath->setText(current.path);
    mPath->setPlaceholderText(tr("path of the .db / .sqlite file"));
    mHost->setText(current.host.isEmpty() ? u"127.0.0.1"_s : current.host);
    mPort->setRange(1, 65535);
    mPort->setValue(current.port > 0 ? current.port : std::max(current.dialect().defaultPort(), 1));
    mDatabase->setText(current.database);
    mUser->setText(current.user);
    mPassword->setEchoMode(QLineEdit::Password);
    mPassword->setText(current.password);
    mPassword->setPlaceholderText(tr("kept in memory only"));

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&Kind"), mKind);
    auto *fileRow = new QWidget(this);
    auto *fileLayout = new QHBoxLayout(fileRow);
    fileLayout->setContentsMargins(0, 0, 0, 0);
    fileLayout->addWidget(mPath);
    auto *browse = new QPushButton(tr("&Browse…"), fileRow);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString filter = tr("SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)");
        const QString path =
            mFileUse == FileUse::OpenExisting
                ? QFileDialog::getOpenFileName(this, tr("SQLite Database"), mPath->text(), filter)
                : QFileDialog::getSaveFileName(this, tr("SQLite Database"), mPath->text(), filter, nullptr,
                                               QFileDialog::DontConfirmOverwrite);
        if (!path.isEmpty())
            mPath->setText(path);
    });
    fileLayout->addWidget(browse);
    form->addRow(tr("&File"), fileRow);
    form->addRow(tr("&Host"), mHost);
    form->addRow(tr("&Port"), mPort);
    form->addRow(tr("&Database"), mDatabase);
    form->addRow(tr("&User"), mUser);
    form->addRow(tr("Pass&word"), mPassword);
    mFileRows = {fileRow, form->labelForField(fileRow)};
    for (QWidget *w :
         {static_cast<QWidget *>(mHost), static_cast<QWidget *>(mPort), static_cast<QWidget *>(mDatabase),
          static_cast<QWidget *>(mUser), static_cast<QWidget *>(mPassword)})
        mServerRows << w << form->labelForField(w);
    setTabOrder(mKind, mPath);
    setTabOrder(mPath, browse);
    setTabOrder(browse, mHost);
    setTabOrder(mHost, mPort);
    setTabOrder(mPort, mDatabase);
    setTabOrder(mDatabase, mUser);
    setTabOrder(mUser, mPassword);

    connect(mKind, &QComboBox::currentIndexChanged, this, [this] {
        // A port left at another engine's usual one follows the engine.
        const SqlDialect dialect = this->dialect();
        for (const SqlDialect &other : SqlDialect::all()) {
            if (!dialect.isFileBased() && other != dialect && mPort->value() == other.defaultPort())
                mPort->setValue(dialect.defaultPort());
        }
        updateFields();
        emit changed();
    });
    for (QLineEdit *edit : {mPath, mHost, mDatabase, mUser, mPassword})
        connect(edit, &QLineEdit::textChanged, this, &ConnectionForm::changed);
    connect(mPort, &QSpinBox::valueChanged, this, &ConnectionForm::changed);
    updateFields();
}

QWidget *ConnectionForm::firstField() const {
    return dialect().isFileBased() ? static_cast<QWidget *>(mPath) : mHost;
}

void ConnectionForm::updateFields() {
    const bool file = dialect().isFileBased();
    for (QWidget *w : std::as_const(mFileRows))
        w->setVisible(file);
    for (QWidget *w : std::as_const(mServerRows))
        w->setVisible(!file);
}

SqlDialect ConnectionForm::dialect() const {
    return SqlDialect::fromName(mKind->currentData().toString()).value_or(SqlDialect());
}

ConnectionUrl ConnectionForm::url() const {
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
