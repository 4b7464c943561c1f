#include "data/datapage.h"

#include "data/caption.h"
#include "data/datasession.h"
#include "data/recordlistmodel.h"
#include "data/recordnavigator.h"
#include "data/recordsection.h"
#include "db/databaseconnection.h"
#include "document/appearance.h"
#include "document/document.h"
#include "records/deletepreview.h"
#include "records/savedgraph.h"
#include "schema/fieldvalue.h"
#include "schema/schemavalidator.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace modeldesk {

using namespace Qt::StringLiterals;

DataPage::DataPage(Document *document, QWidget *parent)
    : QWidget(parent)
    , mDocument(document)
    , mWhere(new QLabel(this))
    , mModelCombo(new QComboBox(this))
    , mSearch(new QLineEdit(this))
    , mShowDeleted(new QCheckBox(tr("Show deleted"), this))
    , mList(new QTableView(this))
    , mListModel(new RecordListModel(this))
    , mScroll(new QScrollArea(this))
    , mMessage(new QLabel(this))
    , mSaveButton(new QPushButton(tr("Save"), this))
    , mDeleteButton(new QPushButton(tr("Delete…"), this))
    , mRestoreButton(new QPushButton(tr("Restore"), this)) {
    setObjectName(u"dataPage"_s);
    mSplitter = new QSplitter(this);
    mSplitter->setObjectName(u"dataSplitter"_s);
    mSplitter->addWidget(makeRecordList());
    mSplitter->addWidget(makeFormPanel());
    mSplitter->setStretchFactor(0, 2);
    mSplitter->setStretchFactor(1, 3);
    connect(mSplitter, &QSplitter::splitterMoved, this, [this] { mSplitterMoved = true; });
    mSplitter->installEventFilter(this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(makeTopBar());
    layout->addWidget(mSplitter, 1);

    connect(mModelCombo, &QComboBox::activated, this, [this] {
        const QString chosen = mModelCombo->currentText();
        if (chosen == mModel)
            return;
        if (!maybeKeepInput())
            return mModelCombo->setCurrentText(mModel);
        setModel(chosen);
    });
    connect(mSearch, &QLineEdit::textChanged, this, &DataPage::refreshList);
    connect(mShowDeleted, &QCheckBox::toggled, this, [this](bool on) {
        // A deleted record shown read-only leaves the list with the others; it holds nothing typed.
        if (!on && showsDeletedRecord())
            newRecord();
        refreshList();
        selectLoadedRow();
    });
    connect(mList->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const QModelIndexList rows = mList->selectionModel()->selectedRows();
        if (rows.isEmpty())
            return;
        const QJsonValue key = mListModel->keyAt(rows.first().row());
        if (key == mLoadedKey)
            return;
        if (!maybeKeepInput())
            return selectLoadedRow();
        loadRecord(key);
    });
    connect(mListModel, &RecordListModel::failed, this, [this](const QString &e) {
        // A list that fails on a database the design does not match says why it does not match, too.
        showMessage(mMismatch.isEmpty() ? e : e + u'\n' + mMismatch, true);
    });
    connect(mListModel, &RecordListModel::modelReset, this, &DataPage::placeDeletedAtColumn);
    auto *saveShortcut = new QShortcut(QKeySequence::Save, this, this, &DataPage::saveRecord);
    saveShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    auto *newShortcut = new QShortcut(QKeySequence::New, this, this, &DataPage::askNewRecord);
    newShortcut->setContext(Qt::WidgetWithChildrenShortcut);

    connect(document, &Document::resetDone, this, [this] { mKeepConnection = false; });
    connect(document, &Document::schemaChanged, this, [this] { mStale = true; });
    connect(document, &Document::filePathChanged, this, [this] { mStale = true; });
}

// Model ▾, where the records are, Connect…
QLayout *DataPage::makeTopBar() {
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Model"), this));
    mModelCombo->setObjectName(u"modelCombo"_s);
    mModelCombo->setMinimumContentsLength(16);
    top->addWidget(mModelCombo);
    top->addSpacing(16);
    mWhere->setObjectName(u"whereLabel"_s);
    mWhere->setTextInteractionFlags(Qt::TextSelectableByMouse);
    top->addWidget(mWhere, 1);
    auto *connectButton = new QPushButton(appearance::icon(u"modeldesk-database"_s), tr("Connect…"), this);
    connectButton->setToolTip(
        tr("Keep the records in another database: an SQLite file, PostgreSQL or MySQL"));
    top->addWidget(connectButton);
    connect(connectButton, &QPushButton::clicked, this, &DataPage::chooseConnection);
    return top;
}

// The search box over the list of the model's records.
QWidget *DataPage::makeRecordList() {
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    mSearch->setObjectName(u"searchBox"_s);
    mSearch->setPlaceholderText(tr("Search text fields…"));
    mSearch->setClearButtonEnabled(true);
    mSearch->addAction(appearance::icon(u"edit-find"_s), QLineEdit::LeadingPosition);
    mShowDeleted->setObjectName(u"showDeletedBox"_s);
    mShowDeleted->setEnabled(false); // until a paranoid model is chosen
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(mSearch, 1);
    searchRow->addWidget(mShowDeleted);
    leftLayout->addLayout(searchRow);
    mList->setObjectName(u"recordList"_s);
    mList->setModel(mListModel);
    mList->setSelectionBehavior(QAbstractItemView::SelectRows);
    mList->setSelectionMode(QAbstractItemView::SingleSelection);
    mList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mList->setSortingEnabled(true);
    mList->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    mList->verticalHeader()->hide();
    mList->setAlternatingRowColors(true);
    leftLayout->addWidget(mList);
    return left;
}

// The generated form, the message line and the buttons.
QWidget *DataPage::makeFormPanel() {
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    mNavigator = new RecordNavigator(this, mList, mListModel, right);
    rightLayout->addWidget(mNavigator);
    mScroll->setWidgetResizable(true);
    mScroll->setFrameShape(QFrame::NoFrame);
    rightLayout->addWidget(mScroll, 1);
    mMessage->setObjectName(u"messageLabel"_s);
    mMessage->setWordWrap(true);
    mMessage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mMessage->hide();
    rightLayout->addWidget(mMessage);
    auto *buttons = new QHBoxLayout;
    auto *newButton = new QPushButton(appearance::icon(u"list-add"_s), tr("New"), this);
    newButton->setObjectName(u"newRecordButton"_s);
    newButton->setToolTip(tr("Start a new record (Ctrl+N)"));
    auto *revertButton = new QPushButton(appearance::icon(u"document-revert"_s), tr("Revert"), this);
    revertButton->setObjectName(u"revertButton"_s);
    revertButton->setToolTip(tr("Drop what was typed: the record as it was loaded, or an empty form"));
    auto *sqlButton = new QPushButton(appearance::icon(u"modeldesk-show-sql"_s), tr("Show SQL"), this);
    sqlButton->setToolTip(
        tr("The statements Save will run, in order, with the keys flowing from parent to children"));
    mSaveButton->setObjectName(u"saveButton"_s);
    mSaveButton->setToolTip(tr("Save the record and its linked records in one transaction (Ctrl+S)"));
    mSaveButton->setDefault(true);
    mSaveButton->setIcon(appearance::icon(u"document-save"_s));
    mDeleteButton->setObjectName(u"deleteButton"_s);
    mDeleteButton->setIcon(appearance::icon(u"edit-delete"_s));
    mRestoreButton->setIcon(appearance::icon(u"modeldesk-restore"_s));
    mRestoreButton->setObjectName(u"restoreButton"_s);
    mRestoreButton->setToolTip(tr("Bring the deleted record back (its deletedAt is cleared); records deleted "
                                  "with it stay deleted until restored themselves"));
    mRestoreButton->hide();
    mEditButtons = {revertButton, sqlButton};
    for (QPushButton *b : {newButton, revertButton, mDeleteButton, mRestoreButton})
        buttons->addWidget(b);
    buttons->addStretch();
    buttons->addWidget(sqlButton);
    buttons->addWidget(mSaveButton);
    rightLayout->addLayout(buttons);
    connect(newButton, &QPushButton::clicked, this, &DataPage::askNewRecord);
    connect(revertButton, &QPushButton::clicked, this, &DataPage::revert);
    connect(mSaveButton, &QPushButton::clicked, this, &DataPage::saveRecord);
    connect(mDeleteButton, &QPushButton::clicked, this, [this] { deleteRecord(true); });
    connect(mRestoreButton, &QPushButton::clicked, this, &DataPage::restoreRecord);
    connect(sqlButton, &QPushButton::clicked, this, &DataPage::showSql);
    return right;
}

void DataPage::showSql() {
    QString error;
    const QString sql = sqlPreview(&error);
    if (sql.isEmpty()) {
        showMessage(error, true);
        return;
    }
    QDialog dialog(this);
    dialog.setWindowTitle(tr("SQL That Save Will Run"));
    auto *text = new QPlainTextEdit(sql, &dialog);
    text->setReadOnly(true);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *box = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(box, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *l = new QVBoxLayout(&dialog);
    l->addWidget(text);
    l->addWidget(box);
    dialog.resize(760, 420);
    dialog.exec();
}

DataPage::~DataPage() = default;

void DataPage::setModel(const QString &model) {
    mModel = model;
    mModelCombo->setCurrentText(model);
    mLoadedKey = QJsonValue(QJsonValue::Undefined);
    mLoadedRecord = {};
    mLoadedDeletedAt = QJsonValue();
    // Only a paranoid model keeps deleted records to show.
    const bool keepsDeleted = mSession && mSession->browser().keepsDeleted(model);
    mShowDeleted->setEnabled(keepsDeleted);
    mShowDeleted->setToolTip(
        keepsDeleted ? tr("List deleted %1 records too (greyed and struck through); select one to see it "
                          "read-only and restore it")
                           .arg(model)
                     : tr("%1 is not paranoid: its deleted records are gone, none to show").arg(model));
    if (!keepsDeleted) {
        const QSignalBlocker block(mShowDeleted);
        mShowDeleted->setChecked(false);
    }
    rebuildForm();
    updateForDeleted();
    refreshList();
}

void DataPage::rebuildForm() {
    if (!mSession || mModel.isEmpty())
        return;
    DataSession *session = mSession.get();
    auto choices = [this, session](const QString &model, const QString &search) {
        ++mReads.choices[model];
        QString error;
        return session->browser().choices(model, search, 500, &error).value_or(QList<RecordChoice>());
    };
    mForm = new RecordSection(session->schema(), session->resolved(), mModel, QString(), choices);
    if (const Table *table = session->resolved().tableForModel(mModel))
        mForm->setSubtitle(tr("model %1 · table %2").arg(mModel, table->name));
    connect(mForm, &RecordSection::edited, this, [this] {
        mMessage->hide();
        setDirty(true);
    });
    setDirty(false);
    mScroll->setWidget(mForm); // deletes the previous form
}

void DataPage::refreshList() {
    if (!mSession || mModel.isEmpty())
        return;
    DataSession *session = mSession.get();
    BrowseQuery query;
    query.model = mModel;
    query.search = mSearch->text();
    query.withDeleted = mShowDeleted->isChecked();
    RecordListModel::Source source{
        [session](const BrowseQuery &q, QString *error) { return session->browser().page(q, error); },
        [session](const BrowseQuery &q, QString *error) { return session->browser().count(q, error); },
        {}};
    if (const Table *table = session->resolved().tableForModel(mModel))
        for (const Column &column : table->columns)
            source.types.insert(column.attribute, column.type);
    mListModel->reset(source, query);
    fitListColumns();
}

void DataPage::fitListColumns() {
    mList->resizeColumnsToContents();
    const int widest = mList->fontMetrics().averageCharWidth() * 24;
    for (int column = 0; column < mListModel->columnCount(); ++column)
        if (mList->columnWidth(column) > widest)
            mList->setColumnWidth(column, widest);
    fitSplitterToList();
}

// Until the user drags the splitter, the list is as wide as its columns (no sideways scrolling), but never
// more than 45 % of the page: the form keeps the larger part.
void DataPage::fitSplitterToList() {
    const int total = mSplitter->contentsRect().width() - mSplitter->handleWidth();
    if (mSplitterMoved || total <= 0)
        return;
    int wanted = 2 * mList->frameWidth() + mList->verticalScrollBar()->sizeHint().width();
    for (int column = 0; column < mListModel->columnCount(); ++column)
        if (!mList->isColumnHidden(column))
            wanted += mList->columnWidth(column);
    const int left = std::clamp(wanted, std::min(200, total * 9 / 20), total * 9 / 20);
    mSplitter->setSizes({left, total - left});
}

void DataPage::placeDeletedAtColumn() {
    const int column = mListModel->deletedAtColumn();
    if (column < 0)
        return;
    QHeaderView *header = mList->horizontalHeader();
    header->moveSection(header->visualIndex(column),
                        mShowDeleted->isChecked() ? std::min(1, column) : column);
}

void DataPage::showMessage(const QString &text, bool error) {
    mMessage->setText(text);
    mMessage->setToolTip(QString());
    setMessageKind(error ? MessageKind::Error : MessageKind::Success);
    mMessage->setVisible(!text.isEmpty());
}

void DataPage::setMessageKind(MessageKind kind) {
    mMessageKind = kind;
    const appearance::Tone tone = kind == MessageKind::Error     ? appearance::Tone::Error
                                  : kind == MessageKind::Success ? appearance::Tone::Success
                                                                 : appearance::Tone::Muted;
    mMessage->setStyleSheet(appearance::toneStyle(tone, palette()) + u" padding: 4px;"_s);
}

bool DataPage::eventFilter(QObject *watched, QEvent *event) {
    if (watched == mSplitter && event->type() == QEvent::Resize)
        fitSplitterToList();
    return QWidget::eventFilter(watched, event);
}

void DataPage::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        setMessageKind(mMessageKind);
}

void DataPage::updateForDeleted() {
    const bool deleted = showsDeletedRecord();
    const bool wasDeleted = !mRestoreButton->isHidden();
    if (mForm) {
        mForm->setEnabled(!deleted);
        const QString title = caption(mModel);
        mForm->setTitle(deleted ? u"%1 — %2"_s.arg(title, RecordListModel::deletedText(mLoadedDeletedAt))
                                : title);
    }
    mSaveButton->setEnabled(!deleted);
    for (QPushButton *button : std::as_const(mEditButtons))
        button->setEnabled(!deleted);
    mDeleteButton->setVisible(!deleted);
    mRestoreButton->setVisible(deleted);
    if (deleted) {
        mMessage->setText(
            tr("%1 #%2 was %3. It is shown read-only; Restore brings it back (only this record: "
               "records deleted with it stay deleted until restored themselves).")
                .arg(mModel, FieldValue::keyText(mLoadedKey),
                     RecordListModel::deletedText(mLoadedDeletedAt)));
        setMessageKind(MessageKind::Note);
        mMessage->show();
    } else if (wasDeleted) {
        mMessage->hide(); // the notice was about the deleted record
    }
}

void DataPage::showResult(const RecordResult &result) {
    mForm->clearProblems();
    QWidget *focus = mForm->showProblems(result.problems);
    if (focus)
        focus->setFocus();
    QStringList lines, details;
    for (const RecordProblem &p : result.problems) {
        lines << p.toString();
        if (!p.detail.isEmpty())
            details << p.detail;
    }
    QString text = result.validationFailed ? tr("Nothing was saved. Fix these first:\n%1")
                                           : tr("Nothing was saved (the transaction was rolled back):\n%1");
    if (result.connectionLost)
        text += u"\n"_s + tr("The connection was lost; the next save reconnects.");
    showMessage(text.arg(lines.join(u'\n')), true);
    // The database's own words, for whoever needs them.
    mMessage->setToolTip(details.isEmpty() ? QString()
                                           : tr("The database said:\n%1").arg(details.join(u'\n')));
}

bool DataPage::saveRecord() {
    if (!mSession || !mForm) {
        showMessage(tr("Not connected to a database."), true);
        return false;
    }
    if (showsDeletedRecord()) {
        showMessage(tr("%1 #%2 is deleted: restore it before changing it.")
                        .arg(mModel, FieldValue::keyText(mLoadedKey)),
                    true);
        return false;
    }
    mForm->clearProblems();
    if (!mForm->checkAll()) {
        showMessage(tr("Nothing was saved. Some fields are not valid yet (marked in red)."), true);
        return false;
    }
    const QJsonObject record = mForm->record();
    const bool update = !mLoadedKey.isUndefined();
    const RecordResult result =
        update ? mSession->controller().update(mModel, record) : mSession->controller().save(mModel, record);
    if (!result.ok) {
        showResult(result);
        return false;
    }
    showSaved(result.record(), update);
    return true;
}

// The graph the store returned is what the database now holds (its generated keys and timestamps, the
// junction values), so it is shown as is: no second read. Only pickers listing a model the graph holds can
// have changed.
void DataPage::showSaved(const QJsonObject &graph, bool update) {
    const ResolvedSchema &resolved = mSession->resolved();
    auto keyOf = [&resolved](const QString &model, const QJsonObject &record) {
        const Table *table = resolved.tableForModel(model);
        const Column *key = table ? table->singleKey() : nullptr;
        return key ? record.value(key->attribute) : QJsonValue(QJsonValue::Undefined);
    };
    mLoadedKey = keyOf(mModel, graph);
    mLoadedRecord = graph;
    QStringList saved{u"%1 #%2"_s.arg(mModel, FieldValue::keyText(mLoadedKey))};
    for (auto it = graph.constBegin(); it != graph.constEnd(); ++it)
        if (const ResolvedLink *link = resolved.link(mModel, it.key()); link && it.value().isObject())
            saved << u"%1 #%2"_s.arg(it.key(),
                                     FieldValue::keyText(keyOf(link->target, it.value().toObject())));
    showMessage((update ? tr("Updated %1.") : tr("Saved %1.")).arg(saved.join(u", "_s)), false);
    mForm->refreshChoices(graphModels(resolved, mModel, graph));
    mForm->setRecord(graph);
    setDirty(false);
    const QJsonValue key = mLoadedKey;
    refreshList();
    const int row = mListModel->rowOfKey(key);
    if (row >= 0) {
        const QSignalBlocker block(mList->selectionModel());
        mList->selectRow(row);
    }
    emit recordShown();
}

bool DataPage::loadRecord(const QJsonValue &key) {
    if (!mSession || !mForm || key.isUndefined())
        return false;
    ++mReads.loads;
    // A record listed as deleted is read as Sequelize's paranoid: false would; its links as always.
    const int row = mListModel->rowOfKey(key);
    const bool listedDeleted = row >= 0 && !mListModel->deletedAt(row).isNull();
    const RecordResult result = mSession->controller().load(mModel, key, 2, listedDeleted);
    if (!result.ok) {
        showResult(result);
        return false;
    }
    mLoadedKey = key;
    mLoadedRecord = result.record();
    mLoadedDeletedAt = listedDeleted ? result.record().value(mListModel->deletedAtAttribute()) : QJsonValue();
    mForm->setRecord(result.record()); // clears the fields' problems
    setDirty(false);
    mMessage->hide(); // what a save of another record said is not about this one
    updateForDeleted();
    emit recordShown();
    return true;
}

void DataPage::newRecord() {
    mLoadedKey = QJsonValue(QJsonValue::Undefined);
    mLoadedRecord = {};
    mLoadedDeletedAt = QJsonValue();
    updateForDeleted();
    if (mForm) {
        mForm->clearRecord();
        mForm->focusFirstField();
    }
    setDirty(false);
    const QSignalBlocker block(mList->selectionModel());
    mList->selectionModel()->clear();
    mMessage->hide();
    emit recordShown();
}

void DataPage::askNewRecord() {
    if (maybeKeepInput())
        newRecord();
}

void DataPage::setDirty(bool dirty) {
    if (mDirty == dirty)
        return;
    mDirty = dirty;
    emit unsavedInputChanged(dirty);
}

bool DataPage::maybeKeepInput() {
    if (!mDirty || !mForm)
        return true;
    const QString what =
        mLoadedKey.isUndefined()
            ? tr("The new %1 has not been saved.").arg(mModel)
            : tr("The changes to %1 #%2 have not been saved.").arg(mModel, FieldValue::keyText(mLoadedKey));
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved record"), what + u"\n\n"_s + tr("Save it now?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return saveRecord(); // a refused save keeps the form, with its problems shown
    if (answer == QMessageBox::Discard) {
        setDirty(false);
        return true;
    }
    return false;
}

void DataPage::selectLoadedRow() {
    const QSignalBlocker block(mList->selectionModel());
    mList->selectionModel()->clear();
    if (const int row = mListModel->rowOfKey(mLoadedKey); row >= 0 && !mLoadedKey.isUndefined())
        mList->selectRow(row);
}

void DataPage::revert() {
    if (!mForm)
        return;
    if (mLoadedKey.isUndefined())
        mForm->clearRecord();
    else
        mForm->setRecord(mLoadedRecord);
    setDirty(false);
    mMessage->hide();
}

std::optional<DeletePreview> DataPage::deletePreview(QString *error) const {
    if (!mSession || mLoadedKey.isUndefined()) {
        *error = tr("Select a saved record to delete.");
        return std::nullopt;
    }
    return previewDelete(mSession->resolved(), mSession->controller().connection(), mModel, mLoadedKey,
                         error);
}

// The question, with the store's preview in words: one line per foreign key that something refers through.
// A refused delete says only why it is refused (what would have followed it is beside the point, and listing
// "deleted too" under "cannot be deleted" read as a contradiction).
QString DataPage::deleteText(const DeletePreview &preview) const {
    const QString record = u"%1 #%2"_s.arg(mModel, FieldValue::keyText(mLoadedKey));
    if (preview.softDelete)
        return tr("Delete %1?").arg(record) + u"\n\n"_s +
               tr("It is marked deleted (%1 is paranoid); the records linked to it stay as they are.")
                   .arg(mModel);
    QStringList lines;
    for (const DeleteEffect &effect : preview.effects) {
        if (effect.count == 0 || (preview.blocked() && effect.action != DeleteEffect::Action::Block))
            continue;
        const QString records = effect.model.isEmpty() ? effect.table : effect.model;
        const QString via =
            effect.depth > 1 ? tr(" (linked to a deleted %1)").arg(effect.parentModel) : QString();
        switch (effect.action) {
        case DeleteEffect::Action::Delete:
            lines << tr("%n %1 record(s) deleted too (ON DELETE CASCADE)%2", nullptr, int(effect.count))
                         .arg(records, via);
            break;
        case DeleteEffect::Action::SetNull:
            lines << tr("%n %1 record(s) stay, with %2 set to NULL%3", nullptr, int(effect.count))
                         .arg(records, effect.column, via);
            break;
        case DeleteEffect::Action::SetDefault:
            lines << tr("%n %1 record(s) stay, with %2 set to its default%3", nullptr, int(effect.count))
                         .arg(records, effect.column, via);
            break;
        case DeleteEffect::Action::Block:
            lines
                << (effect.depth > 1
                        ? tr("%n %1 record(s) refer through %2 (ON DELETE %3) to a %4 that would be deleted "
                             "with it",
                             nullptr, int(effect.count))
                              .arg(records, effect.column, effect.onDelete, effect.parentModel)
                        : tr("%n %1 record(s) refer to it through %2 (ON DELETE %3)", nullptr,
                             int(effect.count))
                              .arg(records, effect.column, effect.onDelete));
            break;
        }
    }
    if (preview.blocked())
        return tr("%1 cannot be deleted: the database refuses while these records refer to it.").arg(record) +
               u"\n\n"_s + lines.join(u'\n') + u"\n\n"_s + tr("Delete them or link them elsewhere first.");
    const QString question = tr("Delete %1?").arg(record);
    return lines.isEmpty() ? question : question + u"\n\n"_s + lines.join(u'\n');
}

QString DataPage::deleteQuestion(QString *error, bool *blocked) const {
    const std::optional<DeletePreview> preview = deletePreview(error);
    if (!preview)
        return {};
    if (blocked)
        *blocked = preview->blocked();
    return deleteText(*preview);
}

bool DataPage::deleteRecord(bool confirm) {
    if (!mSession || mLoadedKey.isUndefined()) {
        showMessage(tr("Select a saved record to delete."), true);
        return false;
    }
    if (showsDeletedRecord()) {
        showMessage(tr("%1 #%2 is already deleted.").arg(mModel, FieldValue::keyText(mLoadedKey)), true);
        return false;
    }
    QString error;
    const std::optional<DeletePreview> preview = deletePreview(&error);
    if (!preview) {
        showMessage(error, true);
        return false;
    }
    if (confirm) {
        const QString text = deleteText(*preview);
        if (preview->blocked()) {
            QMessageBox::information(this, tr("Delete Record"), text);
            return false;
        }
        if (QMessageBox::question(this, tr("Delete Record"), text) != QMessageBox::Yes)
            return false;
    }
    const RecordResult result = mSession->controller().remove(mModel, mLoadedKey);
    if (!result.ok) {
        showResult(result);
        return false;
    }
    const QString deleted = tr("Deleted %1 #%2.").arg(mModel, FieldValue::keyText(mLoadedKey));
    // Pickers listing the deleted record, or records deleted with it, are read again.
    QSet<QString> changed{mModel};
    for (const DeleteEffect &effect : preview->effects)
        if (effect.action == DeleteEffect::Action::Delete && effect.count > 0 && !effect.model.isEmpty())
            changed.insert(effect.model);
    newRecord();
    refreshList();
    mForm->refreshChoices(changed);
    showMessage(deleted, false); // after newRecord(), which hides the message line
    emit statusMessage(deleted);
    return true;
}

bool DataPage::restoreRecord() {
    if (!mSession || !showsDeletedRecord()) {
        showMessage(tr("Select a deleted record to restore (Show deleted lists them)."), true);
        return false;
    }
    const QJsonValue key = mLoadedKey;
    const QString record = u"%1 #%2"_s.arg(mModel, FieldValue::keyText(key));
    const RecordResult result = mSession->controller().restore(mModel, key);
    refreshList();
    if (!result.ok) {
        // Restored or removed meanwhile (another window, the CLI): show what the database holds now.
        if (mListModel->rowOfKey(key) >= 0)
            loadRecord(key);
        else
            newRecord();
        selectLoadedRow();
        showMessage(tr("%1 was not restored: %2").arg(record, result.errorString()), true);
        return false;
    }
    mForm->refreshChoices({mModel}); // pickers of this model offer it again
    loadRecord(key);                 // live now: editable, with Delete
    selectLoadedRow();
    const QString restored = tr("Restored %1.").arg(record);
    showMessage(restored, false);
    emit statusMessage(restored);
    return true;
}

QString DataPage::sqlPreview(QString *error) const {
    if (!mSession || !mForm) {
        *error = tr("Not connected to a database.");
        return {};
    }
    QList<RecordProblem> problems;
    const auto plan = mSession->controller().plan(mModel, mForm->record(), &problems);
    if (!plan) {
        QStringList lines;
        for (const RecordProblem &p : problems)
            lines << p.toString();
        *error = tr("The record cannot be saved yet:\n%1").arg(lines.join(u'\n'));
        return {};
    }
    return mSession->controller().planText(*plan); // what Save sends, as the CLI's --plan shows it
}

} // namespace modeldesk
