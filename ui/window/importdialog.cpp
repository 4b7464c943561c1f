#include "window/importdialog.h"

#include "data/connectionform.h"
#include "schema/schemavalidator.h"
#include "window/catalogloader.h"
#include "window/importpreview.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMap>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

constexpr int kTableRole = Qt::UserRole; // the table's name; empty for a skipped view or trigger

// "1 view, 2 triggers": what a catalog lists but the import does not take, counted by kind.
QString skippedText(const QList<CatalogSkipped> &skipped) {
    QMap<QString, int> counts;
    for (const CatalogSkipped &s : skipped)
        ++counts[s.kind];
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts << (it.value() == 1 ? ImportDialog::tr("1 %1").arg(it.key())
                                  : ImportDialog::tr("%1 %2s").arg(it.value()).arg(it.key()));
    return parts.join(u", "_s);
}

} // namespace

ImportDialog::ImportDialog(const ConnectionUrl &initial, QWidget *parent)
    : QDialog(parent)
    , mUrl(initial)
    , mLoader(new CatalogLoader(this))
    , mPages(new QStackedWidget(this))
    , mHeading(new QLabel(this))
    , mForm(new ConnectionForm(initial, ConnectionForm::FileUse::OpenExisting, this))
    , mStatus(new QLabel(this))
    , mProgress(new QProgressBar(this))
    , mError(new QLabel(this))
    , mFilter(new QLineEdit(this))
    , mTables(new QListWidget(this))
    , mTableCount(new QLabel(this))
    , mPreview(new ImportPreview(this))
    , mBack(new QPushButton(tr("< &Back"), this))
    , mNext(new QPushButton(this))
    , mCancel(new QPushButton(tr("Cancel"), this)) {
    setWindowTitle(tr("Import from Database"));
    QFont headingFont = mHeading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
    mHeading->setFont(headingFont);
    mPages->addWidget(makeConnectionPage());
    mPages->addWidget(makeTablesPage());
    mPages->addWidget(mPreview);

    mNext->setObjectName(u"importNext"_s);
    mBack->setObjectName(u"importBack"_s);
    mCancel->setObjectName(u"importCancel"_s);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(mBack);
    buttons->addWidget(mNext);
    buttons->addWidget(mCancel);
    connect(mNext, &QPushButton::clicked, this, &ImportDialog::next);
    connect(mBack, &QPushButton::clicked, this, &ImportDialog::back);
    connect(mCancel, &QPushButton::clicked, this, &ImportDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(mHeading);
    layout->addWidget(mPages, 1);
    layout->addLayout(buttons);

    connect(mLoader, &CatalogLoader::progress, this, [this](int done, int total) {
        if (total > 0) {
            mProgress->setRange(0, total);
            mProgress->setValue(done);
        }
    });
    connect(mLoader, &CatalogLoader::loaded, this, &ImportDialog::catalogRead);
    connect(mLoader, &CatalogLoader::failed, this, [this](const QString &error) {
        setReading(false);
        showError(error);
    });
    connect(mPreview, &ImportPreview::linkEdited, this,
            [this](const QString &key, const ImportChoices::LinkChoice &choice) {
                mChoices.links.insert(key, choice);
                mResult = mChoices.apply(mCatalog);
                updateNotes();
            });
    resize(860, 600);
    showPage(Page::Connection);
}

ImportDialog::~ImportDialog() {
    // An editor still open in the preview commits while the children go, after the catalog and the choices
    // (members) are gone already: nothing may answer it then.
    mPreview->disconnect(this);
}

QWidget *ImportDialog::makeConnectionPage() {
    auto *page = new QWidget(this);
    auto *intro =
        new QLabel(tr("ModelDesk reads the database's tables, keys and indexes and makes a design of "
                      "them. It only reads: nothing in the database is changed."),
                   page);
    intro->setWordWrap(true);
    mProgress->setObjectName(u"importProgress"_s);
    mProgress->setRange(0, 0); // busy until the reader knows how many tables there are
    mProgress->setTextVisible(false);
    mProgress->hide();
    mStatus->setObjectName(u"importStatus"_s);
    mStatus->hide();
    mError->setObjectName(u"importError"_s);
    mError->setWordWrap(true);
    mError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mError->setStyleSheet(u"color: #b02020;"_s);
    mError->hide();
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(intro);
    layout->addSpacing(8);
    layout->addWidget(mForm);
    layout->addSpacing(8);
    layout->addWidget(mStatus);
    layout->addWidget(mProgress);
    layout->addWidget(mError);
    layout->addStretch(1);
    connect(mForm, &ConnectionForm::changed, this, [this] { mError->hide(); });
    return page;
}

QWidget *ImportDialog::makeTablesPage() {
    auto *page = new QWidget(this);
    mFilter->setObjectName(u"importTableFilter"_s);
    mFilter->setPlaceholderText(tr("Filter tables"));
    mFilter->setClearButtonEnabled(true);
    mTables->setObjectName(u"importTables"_s);
    mTables->setAlternatingRowColors(true);
    mTableCount->setObjectName(u"importTableCount"_s);
    auto *all = new QPushButton(tr("Select &All"), page);
    auto *none = new QPushButton(tr("Select &None"), page);
    all->setObjectName(u"importSelectAll"_s);
    none->setObjectName(u"importSelectNone"_s);
    all->setAutoDefault(false);
    none->setAutoDefault(false);
    all->setToolTip(tr("Tick every table the filter shows"));
    none->setToolTip(tr("Untick every table the filter shows"));
    connect(mFilter, &QLineEdit::textChanged, this, &ImportDialog::filterTables);
    connect(all, &QPushButton::clicked, this, [this] { setAllShownChecked(true); });
    connect(none, &QPushButton::clicked, this, [this] { setAllShownChecked(false); });
    connect(mTables, &QListWidget::itemChanged, this, &ImportDialog::updateTableCount);

    auto *top = new QHBoxLayout;
    top->addWidget(mFilter, 1);
    top->addWidget(all);
    top->addWidget(none);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(mTables, 1);
    layout->addWidget(mTableCount);
    setTabOrder(mFilter, all);
    setTabOrder(all, none);
    setTabOrder(none, mTables);
    return page;
}

ImportDialog::Page ImportDialog::page() const {
    return Page(mPages->currentIndex());
}

QString ImportDialog::databaseName() const {
    if (mUrl.isFile())
        return QFileInfo(mUrl.path).fileName();
    return tr("%1 on %2").arg(mUrl.database, mUrl.host);
}

void ImportDialog::showPage(Page page) {
    mPages->setCurrentIndex(int(page));
    mBack->setEnabled(page != Page::Connection);
    switch (page) {
    case Page::Connection:
        mHeading->setText(tr("1 of 3: Where is the database?"));
        mNext->setText(tr("&Read Tables >"));
        mForm->firstField()->setFocus();
        break;
    case Page::Tables:
        mHeading->setText(tr("2 of 3: Which tables become models? (%1)").arg(mUrl.displayString()));
        mNext->setText(tr("&Preview >"));
        mFilter->setFocus();
        break;
    case Page::Preview:
        mHeading->setText(tr("3 of 3: What will be made"));
        mNext->setText(tr("&Import"));
        mPreview->linkTable()->setFocus();
        break;
    }
    mNext->setDefault(true);
    updateTableCount();
}

void ImportDialog::next() {
    switch (page()) {
    case Page::Connection:
        startReading();
        break;
    case Page::Tables:
        mChoices.tables = checkedTables();
        refreshPreview();
        showPage(Page::Preview);
        break;
    case Page::Preview:
        if (!mResult.project.schema.models.isEmpty())
            accept();
        break;
    }
}

void ImportDialog::back() {
    if (page() == Page::Preview)
        showPage(Page::Tables);
    else if (page() == Page::Tables)
        showPage(Page::Connection);
}

void ImportDialog::reject() {
    // Escape or Cancel while reading stops the read and stays; otherwise it closes.
    if (mLoader->isRunning()) {
        mLoader->cancel();
        setReading(false);
        showError(tr("Reading the tables was cancelled."));
        return;
    }
    QDialog::reject();
}

void ImportDialog::startReading() {
    const ConnectionUrl url = mForm->url();
    if (url.isFile() ? url.path.isEmpty() : url.host.isEmpty() || url.database.isEmpty()) {
        showError(url.isFile() ? tr("Choose the SQLite file to import.")
                               : tr("Give the server's host and the database to import."));
        return;
    }
    if (url.isFile() && !QFileInfo(url.path).isFile()) {
        showError(tr("There is no SQLite file at %1.").arg(url.path));
        return;
    }
    mUrl = url;
    mError->hide();
    setReading(true);
    mLoader->start(url);
}

void ImportDialog::setReading(bool reading) {
    mProgress->setRange(0, 0);
    mProgress->setVisible(reading);
    mStatus->setText(
        tr("Reading the tables, keys and indexes of %1… (Cancel or Escape stops)").arg(mUrl.displayString()));
    mStatus->setVisible(reading);
    mForm->setEnabled(!reading);
    mNext->setEnabled(!reading);
    if (reading)
        mCancel->setFocus();
}

void ImportDialog::showError(const QString &text) {
    mError->setText(text);
    mError->show();
}

void ImportDialog::catalogRead(const DatabaseCatalog &catalog) {
    setReading(false);
    if (catalog.tables.isEmpty()) {
        showError(catalog.skipped.isEmpty() ? tr("%1 has no tables to import.").arg(mUrl.displayString())
                                            : tr("%1 has no tables to import, only what is not imported: %2.")
                                                  .arg(mUrl.displayString(), skippedText(catalog.skipped)));
        return;
    }
    mCatalog = catalog;
    mChoices = {};
    fillTables();
    showPage(Page::Tables);
}

void ImportDialog::fillTables() {
    const QSignalBlocker block(mTables);
    mTables->clear();
    for (const CatalogTable &table : std::as_const(mCatalog.tables)) {
        auto *item = new QListWidgetItem(table.name, mTables);
        item->setData(kTableRole, table.name);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(Qt::Checked);
        if (!table.comment.isEmpty())
            item->setToolTip(table.comment);
    }
    for (const CatalogSkipped &skipped : std::as_const(mCatalog.skipped)) {
        auto *item = new QListWidgetItem(
            tr("%1 (%2, skipped: %3)").arg(skipped.name, skipped.kind, skipped.reason), mTables);
        item->setFlags(Qt::NoItemFlags); // shown, greyed, not to be ticked
        item->setToolTip(skipped.reason);
    }
    mFilter->clear();
}

void ImportDialog::filterTables(const QString &text) {
    const QString needle = text.trimmed();
    for (int i = 0; i < mTables->count(); ++i) {
        QListWidgetItem *item = mTables->item(i);
        item->setHidden(!needle.isEmpty() && !item->text().contains(needle, Qt::CaseInsensitive));
    }
}

void ImportDialog::setAllShownChecked(bool checked) {
    {
        const QSignalBlocker block(mTables);
        for (int i = 0; i < mTables->count(); ++i) {
            QListWidgetItem *item = mTables->item(i);
            if (!item->isHidden() && (item->flags() & Qt::ItemIsUserCheckable))
                item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
        }
    }
    updateTableCount();
}

QStringList ImportDialog::checkedTables() const {
    QStringList tables;
    for (int i = 0; i < mTables->count(); ++i) {
        const QListWidgetItem *item = mTables->item(i);
        if ((item->flags() & Qt::ItemIsUserCheckable) && item->checkState() == Qt::Checked)
            tables << item->data(kTableRole).toString();
    }
    return tables;
}

void ImportDialog::updateTableCount() {
    if (page() != Page::Tables)
        return;
    const qsizetype chosen = checkedTables().size();
    const qsizetype total = mCatalog.tables.size();
    QString text = total == 1 ? tr("%1 of 1 table chosen").arg(chosen)
                              : tr("%1 of %2 tables chosen").arg(chosen).arg(total);
    if (!mCatalog.skipped.isEmpty())
        text += tr("; not imported: %1").arg(skippedText(mCatalog.skipped));
    mTableCount->setText(text);
    mNext->setEnabled(chosen > 0);
}

void ImportDialog::refreshPreview() {
    QStringList keys;
    ImportChoices inferredOnly = mChoices;
    inferredOnly.links.clear();
    const ImportResult inferred = inferredOnly.apply(mCatalog);
    mResult = mChoices.apply(mCatalog, &keys);
    mPreview->setResult(mResult, keys, inferred.project.schema.links);
    updateNotes();
}

void ImportDialog::updateNotes() {
    QStringList notes;
    const QList<Problem> problems = SchemaValidator::validate(mResult.project.schema);
    for (const Problem &problem : problems)
        notes << problem.toString();
    for (const ImportWarning &warning : std::as_const(mResult.warnings))
        notes << tr("warning: %1").arg(warning.toString());
    const bool errors = SchemaValidator::hasErrors(problems);
    mPreview->setNotes(notes, errors);
    // A design with errors still opens (the person fixes it in Design mode, as after `modeldesk import`);
    // the notes say what to fix.
    mNext->setEnabled(!mResult.project.schema.models.isEmpty());
}

} // namespace modeldesk
