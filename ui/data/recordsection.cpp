#include "recordsection.h"

#include "valueeditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

constexpr int kMaxDepth = 4;
const QString kNewChoice = u"__new__"_s;

QString keyText(const QJsonValue &key) {
    return key.isString() ? key.toString() : QString::number(key.toInteger());
}

// A grid cell's text as the JSON value the controller takes for this field.
QJsonValue cellValue(const Field &field, const QString &raw) {
    const QString text = raw.trimmed();
    if (text.isEmpty())
        return QJsonValue(QJsonValue::Null);
    const DataType &t = field.type;
    if (t.isIntegral()) {
        bool ok = false;
        const qint64 n = text.toLongLong(&ok);
        return ok && std::llabs(n) <= (qint64(1) << 53) ? QJsonValue(n) : QJsonValue(text);
    }
    if (t.kind == DataType::Kind::Float || t.kind == DataType::Kind::Double) {
        bool ok = false;
        const double d = text.toDouble(&ok);
        return ok ? QJsonValue(d) : QJsonValue(text);
    }
    if (t.kind == DataType::Kind::Boolean) {
        if (text.compare(u"true"_s, Qt::CaseInsensitive) == 0 || text == u"1"_s)
            return true;
        if (text.compare(u"false"_s, Qt::CaseInsensitive) == 0 || text == u"0"_s)
            return false;
    }
    return text;
}

QString cellText(const QJsonValue &value) {
    if (value.isNull() || value.isUndefined())
        return {};
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    if (value.isDouble())
        return value.toDouble() == double(value.toInteger()) ? QString::number(value.toInteger())
                                                             : QString::number(value.toDouble(), 'g', 17);
    return value.toString();
}

QString subPath(const QString &path, const QString &part) {
    return path.isEmpty() ? part : path + u'.' + part;
}

} // namespace

RecordSection::RecordSection(const Schema &schema, const ResolvedSchema &resolved, const QString &model,
                             const QString &path, ChoiceProvider choices, QWidget *parent,
                             const QStringList &ancestors)
    : QGroupBox(parent)
    , mSchema(schema)
    , mResolved(resolved)
    , mModel(model)
    , mPath(path)
    , mChoices(std::move(choices))
    , mAncestors(ancestors) {
    setObjectName(u"section_"_s + (path.isEmpty() ? model : path));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    layout->addLayout(form);
    mKeyLabel = new QLabel(tr("new record"), this);
    mKeyLabel->setObjectName(u"keyLabel"_s);
    mKeyLabel->setStyleSheet(u"color: #6b7580;"_s);
    form->addRow(tr("Key"), mKeyLabel);
    addFields(linkSetFields());
    addLinks();
    layout->addStretch(1); // extra height goes below the form, not between its rows
}

// Foreign keys that a link fills in: the one to the parent this section hangs under, and those that a
// belongsTo picker sets.
QStringList RecordSection::linkSetFields() const {
    QStringList hidden;
    for (const ResolvedLink &link : mResolved.links) {
        if (link.kind == Link::Kind::BelongsTo && link.source == mModel)
            hidden << link.foreignKey;
        if (link.foreignKey.isEmpty() || link.target != mModel)
            continue;
        if ((link.kind == Link::Kind::HasOne || link.kind == Link::Kind::HasMany) && !mAncestors.isEmpty() &&
            mAncestors.last() == link.source)
            hidden << link.foreignKey;
    }
    return hidden;
}

void RecordSection::addFields(const QStringList &hidden) {
    auto *form = static_cast<QFormLayout *>(static_cast<QVBoxLayout *>(layout())->itemAt(0)->layout());
    const Model *model = mSchema.model(mModel);
    if (!model)
        return;
    for (const Field &field : model->fields) {
        if (hidden.contains(field.name))
            continue;
        ValueEditor *editor = ValueEditor::create(field, this);
        connect(editor, &ValueEditor::edited, this, &RecordSection::edited);
        const bool required = !field.isNullable() && !field.hasDefault() && !field.autoIncrement;
        auto *label = new QLabel(required ? field.name + u" *"_s : field.name, this);
        label->setToolTip(field.type.toString() +
                          (field.comment.isEmpty() ? QString() : u"\n"_s + field.comment));
        form->addRow(label, editor);
        mEditors.insert(field.name, editor);
        mFieldOrder << field.name;
    }
}

void RecordSection::addLinks() {
    auto *layout = static_cast<QVBoxLayout *>(this->layout());
    for (const ResolvedLink &link : mResolved.links) {
        if (link.source != mModel)
            continue;
        const QString title = u"%1 — %2 %3"_s.arg(link.as, Link::kindName(link.kind), link.target);
        const QString path = subPath(mPath, link.as);
        switch (link.kind) {
        case Link::Kind::HasOne: {
            if (mAncestors.contains(link.target) || mAncestors.size() >= kMaxDepth)
                break;
            auto *child = new RecordSection(mSchema, mResolved, link.target, path, mChoices, this,
                                            mAncestors + QStringList{mModel});
            child->setTitle(title);
            child->setCheckable(true);
            child->setChecked(true);
            child->setToolTip(tr("Uncheck to save without a %1").arg(link.as));
            connect(child, &RecordSection::edited, this, &RecordSection::edited);
            layout->addWidget(child);
            mChildren.insert(link.as, child);
            break;
        }
        case Link::Kind::HasMany: {
            const Model *target = mSchema.model(link.target);
            if (!target)
                break;
            auto *box = new QGroupBox(title, this);
            auto *boxLayout = new QVBoxLayout(box);
            auto *grid = new QTableWidget(0, 0, box);
            grid->setObjectName(u"grid_"_s + link.as);
            QStringList headers;
            QList<int> fieldIndexes;
            for (int i = 0; i < target->fields.size(); ++i) {
                if (target->fields.at(i).name == link.foreignKey)
                    continue;
                headers << target->fields.at(i).name;
                fieldIndexes << i;
            }
            grid->setColumnCount(int(headers.size()));
            grid->setHorizontalHeaderLabels(headers);
            grid->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
            grid->setMinimumHeight(110);
            grid->setProperty("fieldIndexes", QVariant::fromValue(fieldIndexes));
            connect(grid, &QTableWidget::cellChanged, this, &RecordSection::edited);
            auto *buttons = new QHBoxLayout;
            auto *add = new QPushButton(tr("Add %1").arg(link.target), box);
            add->setObjectName(u"add_"_s + link.as);
            auto *remove = new QPushButton(tr("Remove"), box);
            remove->setObjectName(u"remove_"_s + link.as);
            connect(add, &QPushButton::clicked, grid, [grid] {
                grid->insertRow(grid->rowCount());
                grid->setCurrentCell(grid->rowCount() - 1, 0);
            });
            connect(remove, &QPushButton::clicked, grid, [grid] {
                if (grid->currentRow() >= 0)
                    grid->removeRow(grid->currentRow());
            });
            buttons->addWidget(add);
            buttons->addWidget(remove);
            buttons->addStretch();
            boxLayout->addWidget(grid);
            boxLayout->addLayout(buttons);
            layout->addWidget(box);
            mGrids.insert(link.as, grid);
            break;
        }
        case Link::Kind::BelongsTo: {
            // Under a parent whose hasOne/hasMany sets this same key, the picker would only repeat the
            // parent.
            if (mirrorsParentLink(link))
                break;
            auto *row = new QWidget(this);
            auto *rowLayout = new QFormLayout(row);
            rowLayout->setContentsMargins(0, 0, 0, 0);
            auto *combo = new QComboBox(row);
            combo->setObjectName(u"picker_"_s + link.as);
            combo->setMinimumContentsLength(20);
            // Type to search: the list shows the records whose label contains what was typed.
            combo->setEditable(true);
            combo->setInsertPolicy(QComboBox::NoInsert);
            combo->completer()->setFilterMode(Qt::MatchContains);
            combo->completer()->setCompletionMode(QCompleter::PopupCompletion);
            combo->completer()->setCaseSensitivity(Qt::CaseInsensitive);
            rowLayout->addRow(link.as == link.target ? link.as : tr("%1 (%2)").arg(link.as, link.target),
                              combo);
            layout->addWidget(row);
            mPickers.insert(link.as, combo);
            fillChoices(combo, link.target);
            if (!mAncestors.contains(link.target) && mAncestors.size() < kMaxDepth) {
                auto *child = new RecordSection(mSchema, mResolved, link.target, path, mChoices, this,
                                                mAncestors + QStringList{mModel});
                child->setTitle(tr("New %1 for %2").arg(link.target, link.as));
                child->hide();
                layout->addWidget(child);
                mChildren.insert(link.as, child);
                connect(combo, &QComboBox::currentIndexChanged, child,
                        [combo, child] { child->setVisible(combo->currentData().toString() == kNewChoice); });
            }
            connect(combo, &QComboBox::activated, this, &RecordSection::edited);
            break;
        }
        case Link::Kind::BelongsToMany: {
            // Through a model with fields of its own (orderItem's quantity, unitPrice): a grid of linked
            // records with those fields, since a checklist could not say them.
            if (!junctionFields(link).isEmpty()) {
                addJunctionGrid(link, title);
                break;
            }
            auto *box = new QGroupBox(title, this);
            auto *boxLayout = new QVBoxLayout(box);
            auto *list = new QListWidget(box);
            list->setObjectName(u"checklist_"_s + link.as);
            list->setMaximumHeight(120);
            list->setProperty("targetModel", link.target);
            boxLayout->addWidget(list);
            layout->addWidget(box);
            mChecklists.insert(link.as, list);
            connect(list, &QListWidget::itemChanged, this, &RecordSection::edited);
            break;
        }
        }
    }
    refreshChoices();
}

QList<Field> RecordSection::junctionFields(const ResolvedLink &link) const {
    QList<Field> fields;
    const Model *through = link.throughModel.isEmpty() ? nullptr : mSchema.model(link.throughModel);
    if (!through)
        return fields;
    for (const Field &field : through->fields)
        if (field.name != link.foreignKey && field.name != link.otherKey)
            fields << field;
    return fields;
}

void RecordSection::addJunctionGrid(const ResolvedLink &link, const QString &title) {
    const QList<Field> fields = junctionFields(link);
    auto *box = new QGroupBox(title, this);
    auto *boxLayout = new QVBoxLayout(box);
    auto *grid = new QTableWidget(0, int(fields.size()) + 1, box);
    grid->setObjectName(u"junction_"_s + link.as);
    QStringList headers{link.target};
    for (const Field &f : fields)
        headers << f.name + (!f.isNullable() && !f.hasDefault() ? u" *"_s : QString());
    grid->setHorizontalHeaderLabels(headers);
    grid->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    grid->setMinimumHeight(110);
    connect(grid, &QTableWidget::cellChanged, this, &RecordSection::edited);
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add %1").arg(link.target), box);
    add->setObjectName(u"add_"_s + link.as);
    auto *remove = new QPushButton(tr("Remove"), box);
    remove->setObjectName(u"remove_"_s + link.as);
    const QString target = link.target;
    connect(add, &QPushButton::clicked, grid, [this, grid, target] { addJunctionRow(grid, target); });
    connect(remove, &QPushButton::clicked, grid, [grid] {
        if (grid->currentRow() >= 0)
            grid->removeRow(grid->currentRow());
    });
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    boxLayout->addWidget(grid);
    boxLayout->addLayout(buttons);
    static_cast<QVBoxLayout *>(layout())->addWidget(box);
    mJunctionGrids.insert(link.as, grid);
}

int RecordSection::addJunctionRow(QTableWidget *grid, const QString &target) {
    const int row = grid->rowCount();
    grid->insertRow(row);
    auto *combo = new QComboBox(grid);
    fillChoices(combo, target);
    combo->removeItem(combo->count() - 1); // no inline "New…" inside a grid row
    grid->setCellWidget(row, 0, combo);
    grid->setCurrentCell(row, 1);
    return row;
}

void RecordSection::fillChoices(QComboBox *combo, const QString &model) {
    const QVariant current = combo->currentData();
    combo->clear();
    combo->addItem(tr("(none)"), QVariant());
    for (const RecordChoice &choice : mChoices ? mChoices(model) : QList<RecordChoice>())
        combo->addItem(choice.label, choice.key.toVariant());
    combo->addItem(tr("New %1…").arg(model), kNewChoice);
    const int index = combo->findData(current);
    combo->setCurrentIndex(std::max(index, 0));
}

void RecordSection::refreshChoices() {
    for (const ResolvedLink &link : mResolved.links) {
        if (link.source != mModel)
            continue;
        if (QComboBox *combo = mPickers.value(link.as))
            fillChoices(combo, link.target);
        if (QListWidget *list = mChecklists.value(link.as)) {
            QSet<QString> checked;
            for (int i = 0; i < list->count(); ++i)
                if (list->item(i)->checkState() == Qt::Checked)
                    checked.insert(list->item(i)->data(Qt::UserRole).toString());
            const QSignalBlocker block(list);
            list->clear();
            for (const RecordChoice &choice : mChoices ? mChoices(link.target) : QList<RecordChoice>()) {
                auto *item = new QListWidgetItem(choice.label, list);
                item->setData(Qt::UserRole, choice.key.toVariant());
                item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
                item->setCheckState(checked.contains(choice.key.toVariant().toString()) ? Qt::Checked
                                                                                        : Qt::Unchecked);
            }
        }
    }
    for (const ResolvedLink &link : mResolved.links)
        if (QTableWidget *grid = link.source == mModel ? mJunctionGrids.value(link.as) : nullptr)
            for (int r = 0; r < grid->rowCount(); ++r)
                if (auto *combo = qobject_cast<QComboBox *>(grid->cellWidget(r, 0))) {
                    fillChoices(combo, link.target);
                    combo->removeItem(combo->count() - 1);
                }
    for (RecordSection *child : std::as_const(mChildren))
        child->refreshChoices();
}

QJsonObject RecordSection::gridRow(QTableWidget *grid, int row) const {
    QJsonObject object;
    const Model *target = nullptr;
    for (const ResolvedLink &link : mResolved.links)
        if (link.source == mModel && mGrids.value(link.as) == grid)
            target = mSchema.model(link.target);
    if (!target)
        return object;
    const QList<int> fieldIndexes = grid->property("fieldIndexes").value<QList<int>>();
    for (int c = 0; c < fieldIndexes.size(); ++c) {
        const Field &field = target->fields.at(fieldIndexes.at(c));
        const QTableWidgetItem *item = grid->item(row, c);
        const QJsonValue value = cellValue(field, item ? item->text() : QString());
        if (!value.isNull())
            object.insert(field.name, value);
    }
    if (const QTableWidgetItem *first = grid->item(row, 0); first && first->data(Qt::UserRole).isValid()) {
        const Table *table = mResolved.tableForModel(target->name);
        if (table && table->primaryKey.size() == 1)
            object.insert(table->column(table->primaryKey.first())->attribute,
                          QJsonValue::fromVariant(first->data(Qt::UserRole)));
    }
    return object;
}

QJsonObject RecordSection::record() const {
    QJsonObject object;
    const bool loaded = !mKey.isUndefined() && !mKey.isNull();
    const Table *table = mResolved.tableForModel(mModel);
    if (loaded && table && table->primaryKey.size() == 1)
        object.insert(table->column(table->primaryKey.first())->attribute, mKey);
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
            if (QTableWidget *grid = mGrids.value(link.as)) {
                QJsonArray rows;
                for (int r = 0; r < grid->rowCount(); ++r)
                    rows.append(gridRow(grid, r));
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
            if (QTableWidget *grid = mJunctionGrids.value(link.as)) {
                const QList<Field> fields = junctionFields(link);
                QJsonArray items;
                for (int r = 0; r < grid->rowCount(); ++r) {
                    auto *combo = qobject_cast<QComboBox *>(grid->cellWidget(r, 0));
                    if (!combo || !combo->currentData().isValid())
                        continue;
                    QJsonObject values;
                    for (int c = 0; c < fields.size(); ++c) {
                        const QTableWidgetItem *cell = grid->item(r, c + 1);
                        const QJsonValue v = cellValue(fields.at(c), cell ? cell->text() : QString());
                        if (!v.isNull())
                            values.insert(fields.at(c).name, v);
                    }
                    items.append(QJsonObject{{link.targetKey, QJsonValue::fromVariant(combo->currentData())},
                                             {link.throughModel, values}});
                }
                if (!items.isEmpty() || loaded)
                    object.insert(link.as, items);
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

void RecordSection::setRecord(const QJsonObject &record) {
    const Table *table = mResolved.tableForModel(mModel);
    mKey = QJsonValue(QJsonValue::Undefined);
    if (table && table->primaryKey.size() == 1)
        mKey = record.value(table->column(table->primaryKey.first())->attribute);
    mKeyLabel->setText(mKey.isUndefined() || mKey.isNull() ? tr("new record") : u"#"_s + keyText(mKey));
    for (const QString &name : std::as_const(mFieldOrder))
        mEditors.value(name)->setValue(record.value(name));
    for (const ResolvedLink &link : mResolved.links) {
        if (link.source != mModel)
            continue;
        const QJsonValue value = record.value(link.as);
        switch (link.kind) {
        case Link::Kind::HasOne:
            if (RecordSection *child = mChildren.value(link.as)) {
                child->setChecked(value.isObject() || record.isEmpty());
                child->setRecord(value.toObject());
            }
            break;
        case Link::Kind::HasMany:
            if (QTableWidget *grid = mGrids.value(link.as)) {
                const QSignalBlocker block(grid);
                const QJsonArray rows = value.toArray();
                grid->setRowCount(int(rows.size()));
                const Model *target = mSchema.model(link.target);
                const Table *targetTable = mResolved.tableForModel(link.target);
                const QList<int> fieldIndexes = grid->property("fieldIndexes").value<QList<int>>();
                for (int r = 0; r < rows.size(); ++r) {
                    const QJsonObject row = rows.at(r).toObject();
                    for (int c = 0; c < fieldIndexes.size(); ++c)
                        grid->setItem(r, c,
                                      new QTableWidgetItem(
                                          cellText(row.value(target->fields.at(fieldIndexes.at(c)).name))));
                    if (targetTable && targetTable->primaryKey.size() == 1 && grid->item(r, 0))
                        grid->item(r, 0)->setData(
                            Qt::UserRole,
                            row.value(targetTable->column(targetTable->primaryKey.first())->attribute)
                                .toVariant());
                }
            }
            break;
        case Link::Kind::BelongsTo:
            if (QComboBox *combo = mPickers.value(link.as)) {
                const QJsonValue fk = record.value(link.foreignKey);
                const int index = fk.isNull() || fk.isUndefined() ? 0 : combo->findData(fk.toVariant());
                combo->setCurrentIndex(std::max(index, 0));
            }
            break;
        case Link::Kind::BelongsToMany:
            if (QTableWidget *grid = mJunctionGrids.value(link.as)) {
                const QSignalBlocker block(grid);
                grid->setRowCount(0);
                const QList<Field> fields = junctionFields(link);
                for (const QJsonValue &item : value.toArray()) {
                    const QJsonObject linked = item.toObject();
                    const int row = addJunctionRow(grid, link.target);
                    auto *combo = qobject_cast<QComboBox *>(grid->cellWidget(row, 0));
                    const QJsonValue key = item.isObject() ? linked.value(link.targetKey) : item;
                    combo->setCurrentIndex(std::max(0, combo->findData(key.toVariant())));
                    const QJsonObject values = linked.value(link.throughModel).toObject();
                    for (int c = 0; c < fields.size(); ++c)
                        grid->setItem(row, c + 1,
                                      new QTableWidgetItem(cellText(values.value(fields.at(c).name))));
                }
            }
            if (QListWidget *list = mChecklists.value(link.as)) {
                QSet<QString> keys;
                for (const QJsonValue &item : value.toArray()) {
                    const QJsonValue key =
                        item.isObject() && table ? item.toObject().value(link.targetKey) : item;
                    keys.insert(key.toVariant().toString());
                }
                const QSignalBlocker block(list);
                for (int i = 0; i < list->count(); ++i)
                    list->item(i)->setCheckState(keys.contains(list->item(i)->data(Qt::UserRole).toString())
                                                     ? Qt::Checked
                                                     : Qt::Unchecked);
            }
            break;
        }
    }
    clearProblems();
}

void RecordSection::clearRecord() {
    setRecord({});
}

void RecordSection::clearProblems() {
    for (ValueEditor *editor : std::as_const(mEditors))
        editor->setProblem({});
    for (RecordSection *child : std::as_const(mChildren))
        child->clearProblems();
    for (QTableWidget *grid : QList<QTableWidget *>(mGrids.values()) + mJunctionGrids.values())
        for (int r = 0; r < grid->rowCount(); ++r)
            for (int c = 0; c < grid->columnCount(); ++c)
                if (QTableWidgetItem *item = grid->item(r, c)) {
                    item->setBackground(QBrush());
                    item->setToolTip({});
                }
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

bool RecordSection::mirrorsParentLink(const ResolvedLink &link) const {
    if (mAncestors.isEmpty() || link.target != mAncestors.last())
        return false;
    for (const ResolvedLink &other : mResolved.links)
        if ((other.kind == Link::Kind::HasOne || other.kind == Link::Kind::HasMany) &&
            other.source == link.target && other.target == mModel && other.foreignKey == link.foreignKey)
            return true;
    return false;
}

QString RecordSection::fieldNamedIn(const QString &message) const {
    const Table *table = mResolved.tableForModel(mModel);
    if (!table)
        return {};
    for (const Column &column : table->columns) {
        if (!mEditors.contains(column.attribute))
            continue;
        // SQLite: "tests.code"; PostgreSQL: Key (code)= / column "code"; MySQL: key 'code' / Column 'code'.
        const QString c = QRegularExpression::escape(column.name);
        const QRegularExpression named(u"(\\b%1\\.%2\\b|\\(%2\\)|\"%2\"|'(%1\\.)?%2')"_s.arg(
            QRegularExpression::escape(table->name), c));
        if (named.match(message).hasMatch())
            return column.attribute;
    }
    return {};
}

QWidget *RecordSection::showProblems(const QList<RecordProblem> &problems) {
    QWidget *first = nullptr;
    for (const RecordProblem &problem : problems) {
        QString path = problem.path;
        // A database error about this record as a whole usually names the column; put it at that field.
        if (path.isEmpty())
            path = fieldNamedIn(problem.message);
        // A field of this record.
        if (ValueEditor *editor = mEditors.value(path)) {
            editor->setProblem(problem.message);
            if (!first)
                first = editor->focusTarget();
            continue;
        }
        const qsizetype dot = path.indexOf(u'.');
        const qsizetype bracket = path.indexOf(u'[');
        const QString head =
            path.left(std::min(dot < 0 ? path.size() : dot, bracket < 0 ? path.size() : bracket));
        if (RecordSection *child = mChildren.value(head); child && (dot == head.size() || path == head)) {
            const QString rest = path == head ? QString() : path.mid(dot + 1);
            QWidget *w = child->showProblems({RecordProblem{rest, problem.message}});
            if (!first)
                first = w;
        } else if (QTableWidget *grid = mGrids.value(head); grid && bracket == head.size()) {
            const qsizetype close = path.indexOf(u']', bracket);
            const int row = path.mid(bracket + 1, close - bracket - 1).toInt();
            const QString column = close + 2 <= path.size() ? path.mid(close + 2) : QString();
            for (int c = 0; c < grid->columnCount(); ++c) {
                if (grid->horizontalHeaderItem(c)->text() != column)
                    continue;
                if (!grid->item(row, c))
                    grid->setItem(row, c, new QTableWidgetItem);
                grid->item(row, c)->setBackground(QColor(0xf8, 0xd7, 0xd7));
                grid->item(row, c)->setToolTip(problem.message);
                if (!first) {
                    grid->setCurrentCell(row, c);
                    first = grid;
                }
            }
        } else if (QTableWidget *junction = mJunctionGrids.value(head); junction && bracket == head.size()) {
            const qsizetype close = path.indexOf(u']', bracket);
            const int row = path.mid(bracket + 1, close - bracket - 1).toInt();
            const QString field = path.mid(path.lastIndexOf(u'.') + 1);
            for (int c = 1; c < junction->columnCount(); ++c) {
                QString header = junction->horizontalHeaderItem(c)->text();
                header.remove(u" *"_s);
                if (header != field)
                    continue;
                if (!junction->item(row, c))
                    junction->setItem(row, c, new QTableWidgetItem);
                junction->item(row, c)->setBackground(QColor(0xf8, 0xd7, 0xd7));
                junction->item(row, c)->setToolTip(problem.message);
                if (!first) {
                    junction->setCurrentCell(row, c);
                    first = junction;
                }
            }
        } else if (QComboBox *picker = mPickers.value(head); picker && !first) {
            picker->setToolTip(problem.message);
            first = picker;
        }
    }
    return first;
}

} // namespace modeldesk
