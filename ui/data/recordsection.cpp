#include "data/recordsection.h"

#include "data/caption.h"
#include "data/linkgrid.h"
#include "data/pickerchoice.h"
#include "data/valueeditor.h"
#include "records/recordbrowser.h"
#include "records/recordpath.h"
#include "schema/fieldvalue.h"
#include "schema/linkfacts.h"

#include <QCheckBox>
#include <QChildEvent>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

constexpr int kMaxDepth = 4;
const QString kNewChoice = u"__new__"_s;

} // namespace

RecordSection::RecordSection(const Schema &schema, const ResolvedSchema &resolved, const QString &model,
                             const QString &path, ChoiceProvider choices, QWidget *parent,
                             const QStringList &ancestors)
    : Card(QString(), parent)
    , mSchema(schema)
    , mResolved(resolved)
    , mModel(model)
    , mPath(path)
    , mChoices(std::move(choices))
    , mAncestors(ancestors) {
    setObjectName(u"section_"_s + (path.isEmpty() ? model : path));
    connect(this, &QGroupBox::toggled, this, &RecordSection::keepChildrenEnabled);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 12);
    layout->setSpacing(10);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    form->setHorizontalSpacing(10);
    layout->addLayout(form);
    mKeyLabel = new QLabel(tr("new record"), this);
    mKeyLabel->setObjectName(u"keyLabel"_s);
    mKeyLabel->setForegroundRole(QPalette::PlaceholderText);
    mKeyLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *keyCaption = new QLabel(tr("Key"), this);
    keyCaption->setForegroundRole(QPalette::PlaceholderText);
    keyCaption->setToolTip(tr("The record's primary key: given by the database when it is saved, unless a "
                              "field of the form sets it"));
    form->addRow(keyCaption, mKeyLabel);
    addFields(linkfacts::keysSetByLinks(mResolved, mModel, parentModel()));
    addLinks();
    layout->addStretch(1); // extra height goes below the form, not between its rows
}

QFormLayout *RecordSection::fieldForm() const {
    return static_cast<QFormLayout *>(static_cast<QVBoxLayout *>(layout())->itemAt(0)->layout());
}

QLabel *RecordSection::makeCaption(const QString &text, const QString &toolTip, const QWidget *input) {
    auto *label = new QLabel(text, this);
    label->setToolTip(toolTip);
    label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    label->setMinimumHeight(std::min(input->sizeHint().height(), fontMetrics().height() + 12));
    return label;
}

void RecordSection::addFields(const QStringList &hidden) {
    QFormLayout *form = fieldForm();
    const Model *model = mSchema.model(mModel);
    if (!model)
        return;
    for (const Field &field : model->fields) {
        if (hidden.contains(field.name))
            continue;
        ValueEditor *editor = ValueEditor::create(field, this);
        connect(editor, &ValueEditor::edited, this, &RecordSection::onEdited);
        // "First name *", with "firstName · STRING(32) · required" and the field's comment as its tooltip.
        QStringList about{field.name, field.type.toString()};
        if (field.isRequired())
            about << tr("required");
        QLabel *label = makeCaption(
            field.isRequired() ? caption(field.name) + u" *"_s : caption(field.name),
            about.join(u" · "_s) + (field.comment.isEmpty() ? QString() : u"\n"_s + field.comment), editor);
        form->addRow(label, editor);
        mEditors.insert(field.name, editor);
        mFieldOrder << field.name;
    }
}

void RecordSection::addLinks() {
    for (const ResolvedLink &link : mResolved.links) {
        if (link.source != mModel)
            continue;
        // "Orders", and "hasMany order" beside it.
        const QString title = caption(link.as);
        switch (link.kind) {
        case Link::Kind::HasOne:
            addChildSection(link, title);
            break;
        case Link::Kind::HasMany:
            addChildGrid(link, title);
            break;
        case Link::Kind::BelongsTo:
            // Under a parent whose hasOne/hasMany sets this same key, the picker would only repeat the
            // parent.
            if (!linkfacts::mirrorsParentLink(mResolved, link, mModel, parentModel()))
                addPicker(link);
            break;
        case Link::Kind::BelongsToMany:
            // A record created from its parent's junction grid (the order's "New product…") is linked to that
            // parent by the grid; its own list of the parent's records would only repeat it.
            if (!mirrorsParentJunction(link))
                addLinkedList(link, title);
            break;
        }
    }
    // The pickers and checklists are filled once here; the sections below filled their own.
    refreshChoicesOf(nullptr, false);
}

bool RecordSection::mirrorsParentJunction(const ResolvedLink &link) const {
    if (link.target != parentModel())
        return false;
    return std::any_of(mResolved.links.cbegin(), mResolved.links.cend(), [&](const ResolvedLink &other) {
        return other.kind == Link::Kind::BelongsToMany && other.source == parentModel() &&
               other.target == mModel && other.throughTable == link.throughTable;
    });
}

bool RecordSection::canNest(const QString &model) const {
    return !mAncestors.contains(model) && mAncestors.size() < kMaxDepth;
}

// hasOne: the child's own section, checked to save it with the parent.
void RecordSection::addChildSection(const ResolvedLink &link, const QString &title) {
    if (!canNest(link.target))
        return;
    auto *child = new RecordSection(mSchema, mResolved, link.target, joinPath(mPath, link.as), mChoices, this,
                                    mAncestors + QStringList{mModel});
    // The subtitle says what the tick means.
    child->setTitle(title);
    const QString kind = u"%1 %2"_s.arg(Link::kindName(link.kind), link.target);
    const auto retitle = [child, kind](bool on) {
        child->setSubtitle(on ? kind : tr("%1 · not saved: enter a value or tick it").arg(kind));
    };
    retitle(false);
    connect(child, &QGroupBox::toggled, child, retitle);
    // Not ticked until the user enters something in it (or ticks it): a new parent must not get an all-NULL
    // child. Its editors stay usable while unticked, so typing is what ticks it.
    child->setCheckable(true);
    child->setChecked(false);
    child->setToolTip(
        tr("%1: saved with this %2 when ticked; entering a value ticks it, untick to save without a %1")
            .arg(link.as, mModel));
    connect(child, &RecordSection::edited, this, [this, child] {
        if (!child->isChecked()) {
            child->setChecked(true);
        }
        onEdited();
    });
    connect(child, &QGroupBox::clicked, this, &RecordSection::onEdited);
    static_cast<QVBoxLayout *>(layout())->addWidget(child);
    mChildren.insert(link.as, child);
}

// hasMany: a grid of children, without the key that ties them to this record.
void RecordSection::addChildGrid(const ResolvedLink &link, const QString &title) {
    const Model *target = mSchema.model(link.target);
    const Table *targetTable = mResolved.tableForModel(link.target);
    if (!target || !targetTable)
        return;
    LinkGrid::Options options{title, link.as, {}, {}, {}, {}, {}, link.target};
    options.subtitle = u"%1 %2"_s.arg(Link::kindName(link.kind), link.target);
    for (const Field &field : target->fields)
        if (field.name != link.foreignKey)
            options.fields << field;
    if (const Column *key = targetTable->singleKey())
        options.keyAttribute = key->attribute;
    addGrid(link.as, options);
}

// belongsTo: a searchable picker of existing records among the fields, with "New …" opening a card for a new
// one right below it.
void RecordSection::addPicker(const ResolvedLink &link) {
    QFormLayout *form = fieldForm();
    auto *combo = new QComboBox(this);
    combo->setObjectName(u"picker_"_s + link.as);
    combo->setMinimumContentsLength(20);
    combo->setMaximumWidth(fontMetrics().averageCharWidth() * 40 + 40);
    const QString about =
        tr("%1 → %2 (belongsTo, foreign key %3)").arg(link.as, link.target, link.foreignKey);
    form->addRow(makeCaption(caption(link.as), about, combo), combo);
    mPickers.insert(link.as, combo);
    // Type to search; the database's matches beyond the first choices go before "New …".
    makeSearchable(combo,
                   mChoices ? std::function([choices = mChoices, model = link.target](const QString &text) {
                       return choices(model, text);
                   })
                            : nullptr,
                   [](QComboBox *c) { return c->count() - 1; });
    if (canNest(link.target)) {
        auto *child = new RecordSection(mSchema, mResolved, link.target, joinPath(mPath, link.as), mChoices,
                                        this, mAncestors + QStringList{mModel});
        child->setTitle(tr("New %1").arg(link.target));
        child->setSubtitle(tr("for %1, saved with this %2").arg(link.as, mModel));
        child->hide();
        form->addRow(child);
        mChildren.insert(link.as, child);
        connect(child, &RecordSection::edited, this, &RecordSection::onEdited);
        connect(combo, &QComboBox::currentIndexChanged, child,
                [combo, child] { child->setVisible(combo->currentData().toString() == kNewChoice); });
    }
    connect(combo, &QComboBox::activated, this, &RecordSection::onEdited);
}

// belongsToMany: a checklist of records to link, or, through a model with fields of its own (orderItem's
// quantity, unitPrice), a grid of linked records with those fields, since a checklist could not say them.
void RecordSection::addLinkedList(const ResolvedLink &link, const QString &title) {
    if (const QList<Field> fields = linkfacts::junctionFields(mSchema, link); !fields.isEmpty()) {
        const Table *picked = mResolved.tableForModel(link.target);
        LinkGrid::Options options{title,
                                  link.as,
                                  fields,
                                  link.targetKey,
                                  link.target,
                                  link.throughModel,
                                  picked ? RecordBrowser::labelAttribute(*picked) : QString(),
                                  QString()};
        options.subtitle =
            tr("%1 %2, through %3").arg(Link::kindName(link.kind), link.target, link.throughModel);
        if (canNest(link.target))
            options.createTarget = [this, target = link.target,
                                    path = joinPath(mPath, link.as)](QWidget *parent) {
                return askNewRecord(parent, target, path);
            };
        addGrid(link.as, options);
        return;
    }
    auto *box = new Card(title, this);
    box->setSubtitle(u"%1 %2"_s.arg(Link::kindName(link.kind), link.target));
    box->setToolTip(tr("%1: tick the %2 records to link").arg(link.as, link.target));
    auto *boxLayout = new QVBoxLayout(box);
    boxLayout->setContentsMargins(12, 10, 12, 12);
    auto *list = new QListWidget(box);
    list->setObjectName(u"checklist_"_s + link.as);
    list->setMaximumHeight(120);
    list->setProperty("targetModel", link.target);
    boxLayout->addWidget(list);
    static_cast<QVBoxLayout *>(layout())->addWidget(box);
    mChecklists.insert(link.as, list);
    connect(list, &QListWidget::itemChanged, this, &RecordSection::onEdited);
}

std::optional<QJsonObject> RecordSection::askNewRecord(QWidget *parent, const QString &model,
                                                       const QString &path) {
    QDialog dialog(parent);
    dialog.setObjectName(u"newRecordDialog"_s);
    dialog.setWindowTitle(tr("New %1").arg(model));
    auto *section = new RecordSection(mSchema, mResolved, model, path, mChoices, &dialog,
                                      mAncestors + QStringList{mModel});
    section->setTitle(QString());
    section->setFlat(true);
    auto *note = new QLabel(tr("Saved with this record, and linked to it, when you save."), &dialog);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add"));
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&dialog, section] {
        if (section->checkAll()) // a value that cannot be saved keeps the dialog open, marked at its field
            dialog.accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(section);
    layout->addWidget(note);
    layout->addWidget(buttons);
    section->focusFirstField();
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return section->record();
}

QTableWidget *RecordSection::childGrid(const QString &alias) const {
    LinkGrid *grid = mGrids.value(alias);
    return grid ? grid->table() : nullptr;
}

void RecordSection::addGrid(const QString &alias, const LinkGrid::Options &options) {
    auto *grid = new LinkGrid(options, mChoices, this);
    connect(grid, &LinkGrid::edited, this, &RecordSection::onEdited);
    static_cast<QVBoxLayout *>(layout())->addWidget(grid);
    mGrids.insert(alias, grid);
}

void RecordSection::fillChoices(QComboBox *combo, const QString &model) {
    const QVariant current = combo->currentData();
    const QString currentLabel = combo->currentText();
    combo->clear();
    combo->addItem(tr("(none)"), QVariant());
    for (const RecordChoice &choice : mChoices ? mChoices(model, QString()) : QList<RecordChoice>())
        combo->addItem(choice.label, choice.key.toVariant());
    combo->addItem(tr("New %1…").arg(model), kNewChoice);
    combo->setCurrentIndex(0);
    if (current.toString() == kNewChoice)
        combo->setCurrentIndex(combo->count() - 1);
    else if (current.isValid()) // kept even when it is not among the choices listed
        selectChoice(combo, QJsonValue::fromVariant(current), currentLabel, combo->count() - 1);
}

void RecordSection::refreshChoices() {
    refreshChoicesOf(nullptr, true);
}

void RecordSection::refreshChoices(const QSet<QString> &models) {
    refreshChoicesOf(&models, true);
}

void RecordSection::refreshChoicesOf(const QSet<QString> *models, bool children) {
    for (const ResolvedLink &link : mResolved.links) {
        if (link.source != mModel || (models && !models->contains(link.target)))
            continue;
        if (QComboBox *combo = mPickers.value(link.as))
            fillChoices(combo, link.target);
        if (QListWidget *list = mChecklists.value(link.as)) {
            QSet<QString> checked;
            for (int i = 0; i < list->count(); ++i)
                if (list->item(i)->checkState() == Qt::Checked)
                    checked.insert(list->item(i)->data(Qt::UserRole).toString());
            // Checked records that are not among the choices listed stay in the list, checked.
            QList<QListWidgetItem *> kept;
            for (int i = 0; i < list->count(); ++i)
                if (list->item(i)->checkState() == Qt::Checked)
                    kept << list->item(i)->clone();
            const QSignalBlocker block(list);
            list->clear();
            for (const RecordChoice &choice :
                 mChoices ? mChoices(link.target, QString()) : QList<RecordChoice>()) {
                auto *item = new QListWidgetItem(choice.label, list);
                item->setData(Qt::UserRole, choice.key.toVariant());
                item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
                const bool isChecked = checked.remove(choice.key.toVariant().toString());
                item->setCheckState(isChecked ? Qt::Checked : Qt::Unchecked);
            }
            for (QListWidgetItem *item : std::as_const(kept)) {
                if (checked.contains(item->data(Qt::UserRole).toString()))
                    list->addItem(item);
                else
                    delete item;
            }
        }
    }
    for (LinkGrid *grid : std::as_const(mGrids))
        if (!models || models->contains(grid->pickModel()))
            grid->refreshChoices();
    if (children)
        for (RecordSection *child : std::as_const(mChildren))
            child->refreshChoicesOf(models, true);
}

QJsonObject RecordSection::record() const {
    QJsonObject object;
    const bool loaded = !mKey.isUndefined() && !mKey.isNull();
    const Table *table = mResolved.tableForModel(mModel);
    const Column *key = table ? table->singleKey() : nullptr;
    if (loaded && key)
        object.insert(key->attribute, mKey);
    for (const QString &name : mFieldOrder) {
        const QJsonValue value = mEditors.value(name)->value();
        // A new record leaves empty fields out so that defaults apply; a loaded one sends NULL to clear them.
        if (!value.isNull() || loaded)
            object.insert(name, value);
    }
    for (const ResolvedLink &link : mResolved.links) {
        if (link.source != mModel)
            continue;
        switch (link.kind) {
        case Link::Kind::HasOne:
            if (RecordSection *child = mChildren.value(link.as); child && child->isChecked())
                object.insert(link.as, child->record());
            break;
        case Link::Kind::HasMany:
            if (LinkGrid *grid = mGrids.value(link.as)) {
                const QJsonArray rows = grid->rows();
                if (!rows.isEmpty() || loaded)
                    object.insert(link.as, rows);
            }
            break;
        case Link::Kind::BelongsTo:
            if (QComboBox *combo = mPickers.value(link.as)) {
                const QVariant data = combo->currentData();
                if (data.toString() == kNewChoice) {
                    if (RecordSection *child = mChildren.value(link.as))
                        object.insert(link.as, child->record());
                } else if (data.isValid()) {
                    object.insert(link.foreignKey, QJsonValue::fromVariant(data));
                } else if (loaded) {
                    object.insert(link.foreignKey, QJsonValue(QJsonValue::Null));
                }
            }
            break;
        case Link::Kind::BelongsToMany:
            if (LinkGrid *grid = mGrids.value(link.as)) {
                const QJsonArray rows = grid->rows();
                if (!rows.isEmpty() || loaded)
                    object.insert(link.as, rows);
            }
            if (QListWidget *list = mChecklists.value(link.as)) {
                QJsonArray ids;
                for (int i = 0; i < list->count(); ++i)
                    if (list->item(i)->checkState() == Qt::Checked)
                        ids.append(QJsonValue::fromVariant(list->item(i)->data(Qt::UserRole)));
                if (!ids.isEmpty() || loaded)
                    object.insert(link.as, ids);
            }
            break;
        }
    }
    return object;
}

void RecordSection::onEdited() {
    if (!mFilling)
        emit edited();
}

// A checkable QGroupBox disables its children when unticked (on toggling, and as each child is added or
// polished); here unticked only means "not saved", and typing in it is what ticks it.
void RecordSection::keepChildrenEnabled() {
    for (QWidget *widget : findChildren<QWidget *>(Qt::FindDirectChildrenOnly))
        widget->setEnabled(true);
}

void RecordSection::childEvent(QChildEvent *event) {
    QGroupBox::childEvent(event);
    if (isCheckable() && event->child()->isWidgetType() &&
        !static_cast<QWidget *>(event->child())->isWindow())
        static_cast<QWidget *>(event->child())->setEnabled(true);
}

void RecordSection::setRecord(const QJsonObject &record) {
    const QScopedValueRollback filling(mFilling, true);
    const Table *table = mResolved.tableForModel(mModel);
    const Column *key = table ? table->singleKey() : nullptr;
    mKey = key ? record.value(key->attribute) : QJsonValue(QJsonValue::Undefined);
    mKeyLabel->setText(mKey.isUndefined() || mKey.isNull() ? tr("new record")
                                                           : u"#"_s + FieldValue::keyText(mKey));
    for (const QString &name : std::as_const(mFieldOrder))
        mEditors.value(name)->setValue(record.value(name));
    for (const ResolvedLink &link : mResolved.links) {
        if (link.source != mModel)
            continue;
        const QJsonValue value = record.value(link.as);
        switch (link.kind) {
        case Link::Kind::HasOne:
            if (RecordSection *child = mChildren.value(link.as)) {
                child->setChecked(value.isObject());
                child->setRecord(value.toObject());
            }
            break;
        case Link::Kind::HasMany:
            if (LinkGrid *grid = mGrids.value(link.as))
                grid->setRows(value.toArray());
            break;
        case Link::Kind::BelongsTo:
            if (QComboBox *combo = mPickers.value(link.as)) {
                const QJsonValue fk = record.value(link.foreignKey);
                combo->setCurrentIndex(0);
                selectChoice(combo, fk, choiceLabel(mResolved, link.target, fk, value.toObject()),
                             combo->count() - 1);
            }
            break;
        case Link::Kind::BelongsToMany:
            if (LinkGrid *grid = mGrids.value(link.as))
                grid->setRows(value.toArray());
            if (QListWidget *list = mChecklists.value(link.as)) {
                QSet<QString> keys;
                for (const QJsonValue &item : value.toArray()) {
                    const QJsonValue key =
                        item.isObject() && table ? item.toObject().value(link.targetKey) : item;
                    keys.insert(key.toVariant().toString());
                }
                const QSignalBlocker block(list);
                for (int i = 0; i < list->count(); ++i)
                    list->item(i)->setCheckState(keys.remove(list->item(i)->data(Qt::UserRole).toString())
                                                     ? Qt::Checked
                                                     : Qt::Unchecked);
                // Linked records beyond the choices listed: shown and checked, so that saving keeps them.
                for (const QJsonValue &item : value.toArray()) {
                    const QJsonValue key =
                        item.isObject() && table ? item.toObject().value(link.targetKey) : item;
                    if (!keys.remove(key.toVariant().toString()))
                        continue;
                    auto *entry =
                        new QListWidgetItem(choiceLabel(mResolved, link.target, key, item.toObject()), list);
                    entry->setData(Qt::UserRole, key.toVariant());
                    entry->setFlags(entry->flags() | Qt::ItemIsUserCheckable);
                    entry->setCheckState(Qt::Checked);
                }
            }
            break;
        }
    }
    clearProblems();
}

void RecordSection::clearRecord() {
    setRecord({});
}

void RecordSection::focusFirstField() {
    if (mFieldOrder.isEmpty())
        return;
    if (QWidget *target = mEditors.value(mFieldOrder.first())->focusTarget())
        target->setFocus(Qt::OtherFocusReason);
}

void RecordSection::clearProblems() {
    for (ValueEditor *editor : std::as_const(mEditors))
        editor->setProblem({});
    for (RecordSection *child : std::as_const(mChildren))
        child->clearProblems();
    for (LinkGrid *grid : std::as_const(mGrids))
        grid->clearProblems();
}

bool RecordSection::checkAll() {
    bool ok = true;
    for (const QString &name : std::as_const(mFieldOrder))
        ok = mEditors.value(name)->check().isEmpty() && ok;
    for (RecordSection *child : std::as_const(mChildren))
        if (child->isVisible() && (!child->isCheckable() || child->isChecked()))
            ok = child->checkAll() && ok;
    return ok;
}

QWidget *RecordSection::showProblems(const QList<RecordProblem> &problems) {
    QWidget *first = nullptr;
    for (const RecordProblem &problem : problems) {
        QString path = problem.path;
        // A database error about this record names the field it was about, when the database said.
        if (path.isEmpty())
            path = problem.field;
        // A field of this record.
        if (ValueEditor *editor = mEditors.value(path)) {
            editor->setProblem(problem.message);
            if (!first)
                first = editor->focusTarget();
            continue;
        }
        const QList<PathStep> steps = splitPath(path);
        if (steps.isEmpty())
            continue;
        const PathStep &head = steps.first();
        if (RecordSection *child = mChildren.value(head.key); child && head.index < 0) {
            RecordProblem below = problem;
            below.path = joinPath(steps.mid(1));
            QWidget *w = child->showProblems({below});
            if (!first)
                first = w;
        } else if (LinkGrid *grid = mGrids.value(head.key); grid && head.index >= 0) {
            // "orders[1].total", or "products[0].orderItem.unitPrice" for a junction's own field.
            // The cell: the path's last step, or the column a database error named ("orders[1]").
            QWidget *w = grid->markProblem(
                int(head.index), steps.size() > 1 ? steps.last().key : problem.field, problem.message);
            if (!first)
                first = w;
        } else if (QComboBox *picker = mPickers.value(head.key); picker && !first) {
            picker->setToolTip(problem.message);
            first = picker;
        }
    }
    return first;
}

} // namespace modeldesk
