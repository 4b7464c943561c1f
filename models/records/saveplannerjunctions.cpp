// SavePlanner, belongsToMany: the junction rows a save inserts, updates and removes. A linked record is
// inserted like any other (or named by its key); its junction row gets both keys and the through model's own
// values; on update, links no longer listed are removed and already-linked rows get their new values.
#include "records/saveplanner.h"

#include "records/recordpath.h"
#include "schema/fieldvalue.h"
#include "sql/drivervalue.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

namespace modeldesk {

using namespace Qt::StringLiterals;

void SavePlanner::planBelongsToMany(Context &context, int record, const ResolvedLink &link,
                                    const QJsonValue &value, const QString &path) const {
    const Table &sourceTable = *tableOf(link.source);
    const Table &targetTable = *tableOf(link.target);
    const Column *sourceKey = sourceTable.columnForAttribute(link.sourceKey);
    const Column *targetKey = targetTable.columnForAttribute(link.targetKey);
    if (!sourceKey || !targetKey) {
        context.problem(path, tr("the link \"%1\" has no usable keys").arg(link.as));
        return;
    }
    Junction junction{link, *mResolved.table(link.throughTable),
                      link.throughModel.isEmpty() ? nullptr : modelOf(link.throughModel), *targetKey,
                      keyOf(context, record, sourceKey->name)};
    junction.ownKey.column = link.foreignKeyColumn;

    QList<QVariant> existing;
    const bool updating =
        context.plan->records.at(record).step < 0 ||
        context.plan->steps.at(context.plan->records.at(record).step).action == PlanStep::Action::Update;
    if (context.update && updating && context.existing) {
        QString error;
        const auto found = (*context.existing)(link, context.plan->records.at(record).key, &error);
        if (!found) {
            context.problem(path, error);
            return;
        }
        existing = *found;
    }
    // The check an update runs before its transaction has no database to ask which items are linked already:
    // an item named by its key is then checked as a change of its junction values only; the plan made inside
    // the transaction knows, and checks a new link's junction row in full.
    const bool linkedUnknown = context.update && updating && !context.existing;
    QSet<QString> existingText;
    for (const QVariant &v : std::as_const(existing))
        existingText.insert(v.toString());

    PlanRecord::Children group{link.as, true, {}};
    QSet<QString> kept;
    const QJsonArray items = value.toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString itemPath = indexedPath(path, i);
        QJsonObject throughValues;
        PlanValue other;
        const int target =
            planJunctionTarget(context, junction, items.at(i), itemPath, &throughValues, &other);
        if (target < 0)
            continue;
        group.records << target;
        other.column = link.otherKeyColumn;
        const QString otherText = other.isReference() ? QString() : other.value.toString();
        if (!otherText.isEmpty())
            kept.insert(otherText);
        if (!otherText.isEmpty() && (existingText.contains(otherText) || linkedUnknown)) {
            // Already linked: only the junction row's own values (the grid's quantity, unitPrice) may change.
            if (!throughValues.isEmpty())
                planJunctionUpdate(context, link, junction.table, junction.throughModel, throughValues,
                                   junction.ownKey, other, itemPath);
            continue;
        }
        planJunctionInsert(context, junction, throughValues, other, itemPath);
    }
    for (const QVariant &old : std::as_const(existing)) {
        if (kept.contains(old.toString()))
            continue;
        PlanStep removal;
        removal.action = PlanStep::Action::Delete;
        removal.path = path;
        removal.model = link.throughModel;
        removal.table = junction.table.name;
        removal.sql = mStatements.remove(junction.table.name, {link.foreignKeyColumn, link.otherKeyColumn});
        removal.values << junction.ownKey
                       << literal(*targetKey, DriverValue::fromDatabase(targetKey->type, old, mDialect));
        removal.values.last().column = link.otherKeyColumn;
        context.plan->steps << removal;
    }
    context.plan->records[record].children << group;
}

int SavePlanner::planJunctionTarget(Context &context, const Junction &junction, const QJsonValue &item,
                                    const QString &itemPath, QJsonObject *throughValues,
                                    PlanValue *other) const {
    const ResolvedLink &link = junction.link;
    const Column &targetKey = junction.targetKey;
    QJsonObject object = item.toObject();
    if (junction.throughModel && object.contains(junction.throughModel->name)) {
        *throughValues = object.value(junction.throughModel->name).toObject();
        object.remove(junction.throughModel->name);
    }
    if (item.isObject() && !(object.size() == 1 && object.contains(targetKey.attribute))) {
        const int target = planRecord(context, link.target, object, itemPath, {});
        *other = keyOf(context, target, targetKey.name);
        return target;
    }
    // An existing target named by its key: link it, do not insert it.
    const FieldCheck key =
        FieldValue::check(targetKey, item.isObject() ? object.value(targetKey.attribute) : item);
    if (!key.ok() || key.isNull()) {
        context.problem(itemPath, key.ok() ? tr("a key cannot be null") : key.message);
        return -1;
    }
    const int target = int(context.plan->records.size());
    context.plan->records.append(PlanRecord{itemPath, link.target, -1, key.value, targetKey.name, {}});
    *other = literal(targetKey, key.value);
    return target;
}

void SavePlanner::planJunctionInsert(Context &context, const Junction &junction,
                                     const QJsonObject &throughValues, const PlanValue &other,
                                     const QString &itemPath) const {
    const ResolvedLink &link = junction.link;
    const Table &table = junction.table;
    PlanStep row;
    row.path = itemPath;
    row.model = link.throughModel;
    row.table = table.name;
    QStringList columns;
    quint64 columnMask = 0;
    for (const Column &column : table.columns) {
        const quint64 bit = quint64(1) << ((&column - table.columns.constData()) % 64);
        PlanValue v;
        if (column.name == link.foreignKeyColumn) {
            v = junction.ownKey;
        } else if (column.name == link.otherKeyColumn) {
            v = other;
        } else if (column.autoIncrement) {
            row.generatedColumn = column.name;
            continue;
        } else if (column.name == table.createdAtColumn || column.name == table.updatedAtColumn) {
            v = literal(column, context.now);
            v.saveTime = column.type.kind == DataType::Kind::Date;
        } else {
            const Field *field = junction.throughModel && column.fieldIndex >= 0
                                     ? &junction.throughModel->fields.at(column.fieldIndex)
                                     : nullptr;
            QJsonValue given = throughValues.value(column.attribute);
            if (given.isUndefined() && column.hasDefault() && !column.defaultValue.isObject())
                given = column.defaultValue;
            const FieldCheck check = FieldValue::check(column, given, field);
            if (!check.ok())
                context.problem(
                    joinPath(
                        joinPath(itemPath, junction.throughModel ? junction.throughModel->name : table.name),
                        column.attribute),
                    check.message);
            v = literal(column, check.value);
        }
        v.column = column.name;
        v.type = column.type;
        row.values << v;
        columns << column.name;
        columnMask |= bit;
    }
    row.sql = cachedInsertSql(table, columnMask, columns, row.generatedColumn);
    context.plan->steps << row;
}

void SavePlanner::planJunctionUpdate(Context &context, const ResolvedLink &link, const Table &junction,
                                     const Model *throughModel, const QJsonObject &values,
                                     const PlanValue &ownKey, const PlanValue &otherKey,
                                     const QString &path) const {
    PlanStep row;
    row.action = PlanStep::Action::Update;
    row.path = path;
    row.model = link.throughModel;
    row.table = junction.name;
    // The row as it is now, when both keys are known before the save runs: unchanged values are not written.
    std::optional<QList<QVariant>> stored;
    if (context.stored && !ownKey.isReference() && !otherKey.isReference()) {
        QString error;
        stored = (*context.stored)(junction, {link.foreignKeyColumn, link.otherKeyColumn},
                                   {ownKey.value, otherKey.value}, &error);
        if (!error.isEmpty()) {
            context.problem(path, error);
            return;
        }
        if (stored && stored->size() != junction.columns.size())
            stored.reset();
    }
    QStringList columns;
    bool changes = false;
    for (const Column &column : junction.columns) {
        if (column.name == link.foreignKeyColumn || column.name == link.otherKeyColumn ||
            column.autoIncrement || column.name == junction.createdAtColumn)
            continue;
        PlanValue v;
        if (column.name == junction.updatedAtColumn) {
            v = literal(column, context.now);
        } else if (values.contains(column.attribute)) {
            const Field *field = throughModel && column.fieldIndex >= 0
                                     ? &throughModel->fields.at(column.fieldIndex)
                                     : nullptr;
            const FieldCheck check = FieldValue::check(column, values.value(column.attribute), field);
            if (!check.ok())
                context.problem(joinPath(joinPath(path, throughModel ? throughModel->name : junction.name),
                                         column.attribute),
                                check.message);
            else if (stored && FieldValue::sameValue(
                                   column.type, stored->at(&column - junction.columns.data()), check.value))
                continue; // as stored
            v = literal(column, check.value);
            changes = true;
        } else {
            continue;
        }
        columns << column.name;
        row.values << v;
    }
    if (!changes) // updatedAt alone: nothing of the row changes
        return;
    row.sql = mStatements.update(junction.name, columns, {link.foreignKeyColumn, link.otherKeyColumn});
    row.values << ownKey << otherKey;
    context.plan->steps << row;
}

} // namespace modeldesk
