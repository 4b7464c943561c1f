#include "window/sequelizeimportdialog.h"

#include "import/sequelizecode.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace modeldesk {

using namespace Qt::StringLiterals;

SequelizeImportDialog::SequelizeImportDialog(QWidget *parent)
    : QDialog(parent) {
    setWindowTitle(tr("Import Sequelize Models"));
    auto *intro =
        new QLabel(tr("Choose the <b>models</b> folder of a Sequelize 6 project (or the project folder, "
                      "or a .js file exporting the models). ModelDesk runs it with Node.js and the "
                      "project's own sequelize package; no database is contacted."),
                   this);
    intro->setWordWrap(true);
    mPath = new QLineEdit(this);
    mPath->setPlaceholderText(tr("Folder of model files"));
    auto *browse = new QPushButton(tr("Browse…"), this);
    auto *read = new QPushButton(tr("Read Models"), this);
    auto *row = new QHBoxLayout;
    row->addWidget(mPath, 1);
    row->addWidget(browse);
    row->addWidget(read);
    mSummary = new QTreeWidget(this);
    mSummary->setHeaderLabels({tr("Found"), tr("Details")});
    mSummary->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    mSummary->setRootIsDecorated(true);
    mStatus = new QLabel(this);
    mStatus->setWordWrap(true);
    mStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mButtons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    mOpen = mButtons->addButton(tr("Open as New Design"), QDialogButtonBox::AcceptRole);
    mOpen->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(row);
    layout->addWidget(mSummary, 1);
    layout->addWidget(mStatus);
    layout->addWidget(mButtons);
    resize(760, 520);

    connect(browse, &QPushButton::clicked, this, &SequelizeImportDialog::browse);
    connect(read, &QPushButton::clicked, this, [this] { readModels(mPath->text().trimmed()); });
    connect(mPath, &QLineEdit::returnPressed, this, [this] { readModels(mPath->text().trimmed()); });
    connect(mButtons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(mButtons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString SequelizeImportDialog::consentKey() {
    return u"import/runSequelizeCode"_s;
}

QString SequelizeImportDialog::path() const {
    return mPath->text().trimmed();
}

bool SequelizeImportDialog::askToRunCode() {
    QSettings settings;
    if (settings.value(consentKey()).toBool())
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Run the Project's Code?"),
        tr("To read the models, ModelDesk runs the project's JavaScript (the model files and what they "
           "require) with Node.js, as your application would when it starts. It never connects to a "
           "database. Only continue with code you trust.\n\nRun it now and from now on?"),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return false;
    settings.setValue(consentKey(), true);
    return true;
}

void SequelizeImportDialog::browse() {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Models Folder"), path());
    if (folder.isEmpty())
        return;
    mPath->setText(QDir::toNativeSeparators(folder));
    readModels(folder);
}

bool SequelizeImportDialog::readModels(const QString &path) {
    mResult.reset();
    mSummary->clear();
    mOpen->setEnabled(false);
    if (path.isEmpty()) {
        mStatus->setText(tr("Choose a folder first."));
        return false;
    }
    if (!askToRunCode()) {
        mStatus->setText(tr("Nothing was run."));
        return false;
    }
    mStatus->setText(tr("Reading the models with Node.js…"));
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QString error;
    mResult = SequelizeCodeImport::read(path, SequelizeCodeImport::Options(), &error);
    QApplication::restoreOverrideCursor();
    if (!mResult) {
        mStatus->setText(tr("Cannot read the models: %1").arg(error.toHtmlEscaped()));
        return false;
    }
    showResult();
    return true;
}

void SequelizeImportDialog::showResult() {
    const Schema &schema = mResult->project.schema;
    auto *models = new QTreeWidgetItem(mSummary, {tr("Models"), QString::number(schema.models.size())});
    for (const Model &model : schema.models) {
        const QString fields =
            model.fields.size() == 1 ? tr("1 field") : tr("%1 fields").arg(model.fields.size());
        new QTreeWidgetItem(models, {model.name, tr("%1, table %2").arg(fields, model.effectiveTableName())});
    }
    auto *links = new QTreeWidgetItem(mSummary, {tr("Links"), QString::number(schema.links.size())});
    for (const Link &link : schema.links) {
        QStringList details;
        if (!link.as.isEmpty())
            details << tr("as %1").arg(link.as);
        if (!link.through.isEmpty())
            details << tr("through %1").arg(link.through);
        if (!link.foreignKey.isEmpty())
            details << tr("foreign key %1").arg(link.foreignKey);
        new QTreeWidgetItem(links, {link.source + u' ' + Link::kindName(link.kind) + u' ' + link.target,
                                    details.join(u", "_s)});
    }
    auto *warnings =
        new QTreeWidgetItem(mSummary, {tr("Warnings"), QString::number(mResult->warnings.size())});
    for (const ImportWarning &warning : mResult->warnings) {
        auto *item = new QTreeWidgetItem(
            warnings, {warning.column.isEmpty() ? warning.table : warning.table + u'.' + warning.column,
                       warning.message});
        item->setToolTip(1, warning.message);
    }
    mSummary->expandAll();
    mSummary->resizeColumnToContents(0);
    mStatus->setText(mResult->warnings.isEmpty()
                         ? tr("Everything the code declares is in the design.")
                         : tr("What the warnings list is not in the design; the rest is."));
    mOpen->setEnabled(true);
    mOpen->setFocus();
}

} // namespace modeldesk
