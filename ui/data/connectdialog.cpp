#include "data/connectdialog.h"

#include "data/connectionform.h"

#include <QDialogButtonBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace modeldesk {

ConnectDialog::ConnectDialog(const ConnectionUrl &current, QWidget *parent)
    : QDialog(parent)
    , mForm(new ConnectionForm(current, ConnectionForm::FileUse::OpenOrCreate, this)) {
    setWindowTitle(tr("Connect to a Database"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(mForm);
    layout->addWidget(buttons);
}

ConnectionUrl ConnectDialog::url() const {
    return mForm->url();
}

} // namespace modeldesk
