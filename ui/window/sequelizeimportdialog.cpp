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
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QThreadPool>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <atomic>

namespace modeldesk {

using namespace Qt::StringLiterals;

// What the pool thread and the dialog share: the dialog sets `cancelled`, the thread fills the answer and
// then sets `done`; the dialog polls.
struct SequelizeImportDialog::Run {
    QString path;
    std::atomic<bool> cancelled = false;
    std::atomic<bool> done = false;
    std::optional<ImportResult> result;
    QString error;
};

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
    mBrowse = new QPushButton(tr("Browse…"), this);
    mRead = new QPushButton(tr("Read Models"), this);
    mStop = new QPushButton(tr("Stop"), this);
    mStop->setToolTip(tr("Stop Node.js (Esc)"));
    mStop->hide();
    auto *row = new QHBoxLayout;
    row->addWidget(mPath, 1);
    row->addWidget(mBrowse);
    row->addWidget(mRead);
    row->addWidget(mStop);
    mBusy = new QProgressBar(this);
    mBusy->setRange(0, 0); // Node says nothing of its progress: a busy bar
    mBusy->setTextVisible(false);
    mBusy->hide();
    mPoll = new QTimer(this);
    mPoll->setInterval(50);
    connect(mPoll, &QTimer::timeout, this, &SequelizeImportDialog::poll);
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
    layout->addWidget(mBusy);
    layout->addWidget(mStatus);
    layout->addWidget(mButtons);
    resize(760, 520);

    connect(mBrowse, &QPushButton::clicked, this, &SequelizeImportDialog::browse);
    connect(mRead, &QPushButton::clicked, this, [this] { readModels(mPath->text().trimmed()); });
    connect(mStop, &QPushButton::clicked, this, &SequelizeImportDialog::stopReading);
    connect(mPath, &QLineEdit::returnPressed, this, [this] { readModels(mPath->text().trimmed()); });
    connect(mButtons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(mButtons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

SequelizeImportDialog::~SequelizeImportDialog() {
    if (mRun)
        mRun->cancelled = true; // the thread stops Node within 100 ms and drops the answer
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
    if (mRun)
        return false; // one read at a time
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
    auto run = std::make_shared<Run>();
    run->path = path;
    mRun = run;
    setReading(true);
    QThreadPool::globalInstance()->start([run] {
        SequelizeCodeImport::Options options;
        options.cancelled = [run] {
            return run->cancelled.load();
        };
        run->result = SequelizeCodeImport::read(run->path, options, &run->error);
        run->done = true;
    });
    mPoll->start();
    return true;
}

void SequelizeImportDialog::stopReading() {
    if (!mRun)
        return;
    mRun->cancelled = true;
    mStatus->setText(tr("Stopping Node.js…"));
}

void SequelizeImportDialog::reject() {
    if (mRun) { // Escape or Cancel while reading stops the read, and keeps the dialog
        stopReading();
        return;
    }
    QDialog::reject();
}

void SequelizeImportDialog::poll() {
    if (!mRun || !mRun->done)
        return;
    mPoll->stop();
    const std::shared_ptr<Run> run = std::move(mRun);
    setReading(false);
    if (run->cancelled) {
        mStatus->setText(tr("Stopped: nothing was read."));
        emit readDone(false);
        return;
    }
    mResult = run->result;
    if (!mResult) {
        mStatus->setText(tr("Cannot read the models: %1").arg(run->error.toHtmlEscaped()));
        emit readDone(false);
        return;
    }
    showResult();
    emit readDone(true);
}

void SequelizeImportDialog::setReading(bool reading) {
    mBusy->setVisible(reading);
    mStop->setVisible(reading);
    mRead->setEnabled(!reading);
    mBrowse->setEnabled(!reading);
    mPath->setEnabled(!reading);
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
