#include "records/saveplanner.h"

#include "records/recordpath.h"
#include "schema/fieldvalue.h"
#include "sql/drivervalue.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>
#include <QUuid>
#include <QVarLengthArray>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

QString kindWord(Link::Kind kind) {
    return Link::kindName(kind);
}

} // namespace

PlanValue SavePlanner::literal(const Column &column, QVariant value) {
    PlanValue v;
    v.column = column.name;
    v.type = column.type;
    v.value = std::move(value);
    return v;
}

SavePlanner::SavePlanner(const Schema &schema, const ResolvedSchema &resolved, SqlDialect dialect)
    : mSchema(schema)
    , mResolved(resolved)
    , mDialect(dialect)
    , mStatements(dialect) {
    for (const Model &model : schema.models)
        mModels.insert(model.name, &model);
    for (const Table &table : resolved.tables)
        if (!table.model.isEmpty())
            mTables.insert(table.model, &table);
    for (const ResolvedLink &link : resolved.links) // the first of duplicates wins, as ResolvedSchema::link()
        if (!mLinks.value(link.source).contains(link.as))
            mLinks[link.source].insert(link.as, &link);
}

const Table *SavePlanner::tableOf(const QString &model) const {
    return mTables.value(model);
}

const Model *SavePlanner::modelOf(const QString &model) const {
    return mModels.value(model);
}

const ResolvedLink *SavePlanner::linkOf(const QString &model, const QString &alias) const {
    const auto links = mLinks.constFind(model);
    return links == mLinks.cend() ? nullptr : links->value(alias);
}

QString SavePlanner::primaryKeyColumn(const Table &table) const {
    const Column *key = table.singleKey();
    return key ? key->name : QString();
}

QString SavePlanner::cachedInsertSql(const Table &table, quint64 columnMask, const QStringList &columns,
                                     const QString &generated) const {
    if (table.columns.size() > 64)
        return mStatements.insert(table.name, columns, generated);
    const QPair<const Table *, quint64> key(&table, columnMask);
    auto found = mInsertSql.constFind(key);
    if (found == mInsertSql.cend()) {
        QStringList named;
        for (qsizetype i = 0; i < table.columns.size(); ++i)
            if (columnMask & (quint64(1) << i))
                named << table.columns.at(i).name;
        found = mInsertSql.insert(key, mStatements.insert(table.name, named, generated));
    }
    return *found;
}

PlanValue SavePlanner::keyOf(const Context &context, int record, const QString &column) const {
    const PlanRecord &r = context.plan->records.at(record);
    PlanValue value;
    value.column = column;
    if (r.step < 0) {
        value.value = r.key;
        return value;
    }
    const PlanStep &step = context.plan->steps.at(r.step);
    if (step.generatedColumn == column) {
        value.fromStep = r.step;
        value.fromColumn = column;
        return value;
    }
    for (const PlanValue &v : step.values)
        if (v.column == column) {
            value = v;
            value.column = column;
            return value;
        }
    return value; // not given: NULL, as Sequelize would bind
}

bool SavePlanner::planCreate(const QString &model, const QJsonObject &record, const QDateTime &now,
                             SavePlan *plan, QList<RecordProblem> *problems) const {
    Context context;
    context.now = now;
    context.plan = plan;
    context.problems = problems;
    const qsizetype before = problems->size();
    if (!tableOf(model)) {
        context.problem(QString(), tr("the design has no model \"%1\"").arg(model));
        return false;
    }
    planRecord(context, model, record, QString(), {});
    return problems->size() == before;
}

bool SavePlanner::planUpdate(const QString &model, const QJsonObject &record, const QDateTime &now,
                             const ExistingKeys &existing, SavePlan *plan, QList<RecordProblem> *problems,
                             const StoredRow &stored) const {
    Context context;
    context.update = true;
    context.now = now;
    context.existing = existing ? &existing : nullptr;
    context.stored = stored ? &stored : nullptr;
    context.plan = plan;
    context.problems = problems;
    const qsizetype before = problems->size();
    const Table *table = tableOf(model);
    if (!table) {
        context.problem(QString(), tr("the design has no model \"%1\"").arg(model));
        return false;
    }
    const Column *key = table->column(primaryKeyColumn(*table));
    if (!key || record.value(key->attribute).isNull() || record.value(key->attribute).isUndefined()) {
        context.problem(QString(), tr("an update needs the record's primary key (%1)")
                                       .arg(key ? key->attribute : tr("a single-column key")));
        return false;
    }
    planRecord(context, model, record, QString(), {});
    return problems->size() == before;
}

QJsonValue SavePlanner::RecordInput::linkValue(const ResolvedLink *link) const {
    for (const auto &[known, value] : linkValues)
        if (known == link)
            return value;
    return QJsonValue();
}

SavePlanner::RecordInput SavePlanner::sortKeys(Context &context, const Table &table, const QString &model,
                                               const QJsonObject &object, const QString &path) const {
    RecordInput input;
    // The given value of each column by index (looking each column up in the object again costs more).
    input.given.resize(table.columns.size());
    std::fill(input.given.begin(), input.given.end(), QJsonValue(QJsonValue::Undefined));
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (const Column *column = table.columnForAttribute(it.key())) {
            input.given[column - table.columns.constData()] = it.value();
            continue;
        }
        const ResolvedLink *link = linkOf(model, it.key());
        if (!link) {
            context.problem(joinPath(path, it.key()),
                            tr("unknown key: %1 has no field or link named \"%2\"").arg(model, it.key()));
            continue;
        }
        const QJsonValue value = it.value();
        input.linkValues.append({link, value});
        if (value.isNull()) {
            input.cleared << link; // no linked record, as in Sequelize; an update unlinks what was there
            continue;
        }
        const bool wantsArray = link->kind == Link::Kind::HasMany || link->kind == Link::Kind::BelongsToMany;
        if (wantsArray && !value.isArray()) {
            context.problem(joinPath(path, it.key()),
                            tr("%1 link \"%2\" takes a list").arg(kindWord(link->kind), link->as));
            continue;
        }
        if (!wantsArray && !value.isObject()) {
            context.problem(joinPath(path, it.key()),
                            tr("%1 link \"%2\" takes one object").arg(kindWord(link->kind), link->as));
            continue;
        }
        if (link->kind == Link::Kind::BelongsTo)
            input.belongsTo << link;
        else if (link->kind == Link::Kind::BelongsToMany)
            input.manyToMany << link;
        else
            input.children << link;
    }
    return input;
}

void SavePlanner::planBelongsTo(Context &context, const RecordInput &input, const QString &path,
                                QList<PlanValue> *overrides, QList<PlanRecord::Children> *links) const {
    for (const ResolvedLink *link : std::as_const(input.belongsTo)) {
        const int target =
            planRecord(context, link->target, input.linkValue(link).toObject(), joinPath(path, link->as), {});
        const Table &targetTable = *tableOf(link->target);
        const Column *targetKey = targetTable.columnForAttribute(link->targetKey);
        PlanValue fk = keyOf(context, target, targetKey ? targetKey->name : link->targetKey);
        fk.column = link->foreignKeyColumn;
        overrides->erase(std::remove_if(overrides->begin(), overrides->end(),
                                        [&](const PlanValue &v) { return v.column == fk.column; }),
                         overrides->end());
        *overrides << fk;
        *links << PlanRecord::Children{link->as, false, {target}};
    }
}

QVariant SavePlanner::defaultValue(Context &context, const Column &column, const QString &path) const {
    const QJsonValue def = column.defaultValue;
    const QString fn = def.toObject().value(u"fn"_s).toString();
    if (fn == u"NOW"_s)
        return column.type.kind == DataType::Kind::DateOnly ? QVariant(context.now.date())
               : column.type.kind == DataType::Kind::Time   ? QVariant(context.now.time())
                                                            : QVariant(context.now);
    // Sequelize generates these in the application; so do we (a v4 UUID for both).
    if (fn == u"UUIDV4"_s || fn == u"UUIDV1"_s)
        return QUuid::createUuid().toString(QUuid::WithoutBraces);
    const FieldCheck check = FieldValue::check(column, def);
    if (!check.ok())
        context.problem(joinPath(path, column.attribute),
                        tr("the default value does not fit: %1").arg(check.message));
    return check.value;
}

bool SavePlanner::insertValue(Context &context, const Table &table, const Column &column, const Field *field,
                              const QJsonValue &given, const QString &path, PlanStep &step) const {
    QVariant value;
    bool saveTime = false;
    if (!given.isUndefined() && column.name != table.updatedAtColumn) {
        const FieldCheck check = FieldValue::check(column, given, field);
        if (!check.ok())
            context.problem(joinPath(path, column.attribute), check.message);
        value = check.value;
        if (check.ok() && value.isNull() && column.autoIncrement)
            return false; // {"id": null}: let the database number it
    } else if (column.autoIncrement) {
        step.generatedColumn = column.name;
        return false;
    } else if (column.name == table.createdAtColumn || column.name == table.updatedAtColumn) {
        value = context.now;
        saveTime = column.type.kind == DataType::Kind::Date;
    } else if (column.name == table.deletedAtColumn) {
        value = QVariant();
    } else if (column.hasDefault()) {
        value = defaultValue(context, column, path);
    } else {
        const FieldCheck check = FieldValue::check(column, QJsonValue::Undefined, field);
        if (!check.ok())
            context.problem(joinPath(path, column.attribute), check.message);
    }
    step.values << literal(column, value);
    step.values.last().saveTime = saveTime;
    return true;
}

bool SavePlanner::updateValue(Context &context, const Table &table, const Column &column, const Field *field,
                              const QJsonValue &given, const QVariant *stored, const QString &path,
                              PlanStep &step, bool *changes) const {
    if (column.name == table.updatedAtColumn) {
        step.values << literal(column, context.now);
        return true;
    }
    if (given.isUndefined() || column.name == primaryKeyColumn(table) || column.name == table.createdAtColumn)
        return false;
    const FieldCheck check = FieldValue::check(column, given, field);
    if (!check.ok())
        context.problem(joinPath(path, column.attribute), check.message);
    else if (stored && FieldValue::sameValue(column.type, *stored, check.value))
        return false; // as stored: Sequelize's save() leaves an unchanged attribute out
    step.values << literal(column, check.value);
    *changes = true;
    return true;
}

bool SavePlanner::planOwnValues(Context &context, const Table &table, const Model *design,
                                const RecordInput &input, const QList<PlanValue> &overrides, bool updating,
                                const QList<QVariant> *stored, const QString &path, PlanStep &step,
                                QStringList *columns, quint64 *columnMask) const {
    step.values.reserve(table.columns.size());
    // The column names themselves are only needed for an UPDATE or a table too wide for the column mask;
    // listing them for every insert was a tenth of a save's work.
    const bool listColumns = updating || table.columns.size() > 64;
    bool changes = false; // an update with nothing of its own to change writes nothing
    for (const Column &column : table.columns) {
        const qsizetype index = &column - table.columns.constData();
        const auto overridden = std::find_if(overrides.cbegin(), overrides.cend(),
                                             [&](const PlanValue &v) { return v.column == column.name; });
        const Field *field =
            design && column.fieldIndex >= 0 ? &design->fields.at(column.fieldIndex) : nullptr;
        const QVariant *storedValue = stored ? &stored->at(index) : nullptr;
        bool written = false;
        if (overridden != overrides.cend()) {
            if (storedValue && !overridden->isReference() &&
                FieldValue::sameValue(column.type, *storedValue, overridden->value))
                continue; // the foreign key it has already
            PlanValue value = *overridden;
            value.type = column.type;
            step.values << value;
            written = changes = true;
        } else if (updating) {
            written = updateValue(context, table, column, field, input.given.at(index), storedValue, path,
                                  step, &changes);
        } else {
            written = insertValue(context, table, column, field, input.given.at(index), path, step);
        }
        if (!written)
            continue;
        if (listColumns)
            *columns << column.name;
        *columnMask |= quint64(1) << (index % 64);
    }
    return changes;
}

std::optional<QList<QVariant>> SavePlanner::storedRow(Context &context, const Table &table,
                                                      const QString &model, const Column &keyColumn,
                                                      const QJsonValue &givenKey, const QString &path) const {
    const FieldCheck key = FieldValue::check(keyColumn, givenKey);
    if (!context.stored || !key.ok()) // a bad key is reported with the record's statement
        return std::nullopt;
    QString error;
    std::optional<QList<QVariant>> row = (*context.stored)(table, {keyColumn.name}, {key.value}, &error);
    if (!row)
        context.problem(
            path, error.isEmpty()
                      ? tr("there is no %1 with key %2")
                            .arg(model, FieldValue::keyText(FieldValue::toJson(keyColumn.type, key.value)))
                      : error);
    else if (row->size() != table.columns.size())
        return std::nullopt;
    return row;
}

void SavePlanner::finishOwnStep(Context &context, const Table &table, int record, bool updating, bool changes,
                                const QJsonValue &givenKey, const QStringList &columns, quint64 columnMask,
                                PlanStep &step) const {
    if (updating) {
        const Column &keyColumn = *table.column(primaryKeyColumn(table));
        const FieldCheck key = FieldValue::check(keyColumn, givenKey);
        if (!key.ok())
            context.problem(joinPath(step.path, keyColumn.attribute), key.message);
        context.plan->records[record].key = key.value;
        context.plan->records[record].keyColumn = keyColumn.name;
        // Nothing of its own changes: no statement, the key is referenced as given.
        if (changes) {
            step.sql = mStatements.update(table.name, columns, {keyColumn.name});
            step.values << literal(keyColumn, key.value);
        }
    } else {
        step.sql = cachedInsertSql(table, columnMask, columns, step.generatedColumn);
    }
    if (!step.sql.isEmpty()) {
        context.plan->records[record].step = int(context.plan->steps.size());
        context.plan->steps.append(std::move(step));
    }
}

void SavePlanner::planChildren(Context &context, const Table &table, int record, bool updating,
                               const ResolvedLink &link, const QJsonValue &value, const QString &path,
                               QList<PlanRecord::Children> *links) const {
    const QString linkPath = joinPath(path, link.as);
    const Column *sourceKey = table.columnForAttribute(link.sourceKey);
    PlanValue fk = keyOf(context, record, sourceKey ? sourceKey->name : link.sourceKey);
    fk.column = link.foreignKeyColumn;
    QList<QJsonObject> items;
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array.at(i).isObject())
                context.problem(indexedPath(linkPath, i),
                                tr("each item of \"%1\" must be an object").arg(link.as));
            items << array.at(i).toObject();
        }
    } else {
        items << value.toObject();
    }
    PlanRecord::Children group{link.as, link.kind == Link::Kind::HasMany, {}};
    QSet<QString> keptKeys;
    const Table &targetTable = *tableOf(link.target);
    const Column *targetKey = targetTable.column(primaryKeyColumn(targetTable));
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString itemPath = group.toMany ? indexedPath(linkPath, i) : linkPath;
        group.records << planRecord(context, link.target, items.at(i), itemPath, {fk});
        if (targetKey && items.at(i).contains(targetKey->attribute))
            keptKeys.insert(items.at(i).value(targetKey->attribute).toVariant().toString());
    }
    *links << group;
    if (updating && context.existing && targetKey)
        planRemovals(context, link, context.plan->records.at(record).key, targetTable, *targetKey, keptKeys,
                     linkPath);
}

void SavePlanner::planClearedBelongsTo(Context &context, const Table &table, const RecordInput &input,
                                       const QString &path, QList<PlanValue> *overrides) const {
    for (const ResolvedLink *link : input.cleared) {
        if (link->kind != Link::Kind::BelongsTo)
            continue;
        const Column *key = table.column(link->foreignKeyColumn);
        if (!key || std::any_of(overrides->cbegin(), overrides->cend(),
                                [&](const PlanValue &v) { return v.column == key->name; }))
            continue; // set by the parent this record is saved under
        if (!key->nullable) {
            context.problem(
                joinPath(path, link->as),
                tr("cannot unlink %1: %2 is required (allowNull: false)").arg(link->as, key->attribute));
            continue;
        }
        *overrides << literal(*key, QVariant());
    }
}

void SavePlanner::planClearedChildren(Context &context, int record, const RecordInput &input,
                                      const QString &path) const {
    for (const ResolvedLink *link : input.cleared) {
        const QString linkPath = joinPath(path, link->as);
        if (link->kind == Link::Kind::BelongsToMany) {
            planBelongsToMany(context, record, *link, QJsonArray(), linkPath);
            continue;
        }
        if (link->kind == Link::Kind::BelongsTo || !context.existing)
            continue;
        const Table &targetTable = *tableOf(link->target);
        const Column *targetKey = targetTable.column(primaryKeyColumn(targetTable));
        if (targetKey)
            planRemovals(context, *link, context.plan->records.at(record).key, targetTable, *targetKey, {},
                         linkPath);
    }
}

void SavePlanner::planRemovals(Context &context, const ResolvedLink &link, const QVariant &parentKey,
                               const Table &targetTable, const Column &targetKey,
                               const QSet<QString> &keptKeys, const QString &linkPath) const {
    QString error;
    const auto existing = (*context.existing)(link, parentKey, &error);
    if (!existing) {
        context.problem(linkPath, error);
        return;
    }
    for (const QVariant &old : *existing) {
        if (keptKeys.contains(old.toString()))
            continue;
        PlanStep removal;
        removal.path = linkPath;
        removal.model = link.target;
        removal.table = targetTable.name;
        const QString onDelete = link.onDelete.toUpper();
        // A record marked deleted or unlinked is written, so its updatedAt changes too (as Sequelize's
        // destroy() of a paranoid record and its setX/removeX do).
        const Column *updatedAt = targetTable.column(targetTable.updatedAtColumn);
        const QString updatedAtName = updatedAt ? updatedAt->name : QString();
        if (onDelete == u"CASCADE"_s && !targetTable.deletedAtColumn.isEmpty()) {
            // A paranoid model's record is marked deleted, never removed, as `delete` does.
            removal.action = PlanStep::Action::SoftDelete;
            removal.sql = mStatements.softDelete(targetTable.name, targetTable.deletedAtColumn,
                                                 targetKey.name, updatedAtName);
            const Column *deletedAt = targetTable.column(targetTable.deletedAtColumn);
            removal.values << literal(*deletedAt, context.now);
            removal.values.last().saveTime = true;
        } else if (onDelete == u"CASCADE"_s) {
            removal.action = PlanStep::Action::Delete;
            removal.sql = mStatements.remove(targetTable.name, {targetKey.name});
        } else if (onDelete == u"SET NULL"_s) {
            removal.action = PlanStep::Action::Unlink;
            removal.sql =
                mStatements.clear(targetTable.name, link.foreignKeyColumn, {targetKey.name}, updatedAtName);
        } else {
            context.problem(linkPath, tr("%1 %2 is no longer listed, but the link's onDelete is %3, so it "
                                         "cannot be removed")
                                          .arg(link.target, old.toString(), link.onDelete));
            continue;
        }
        if (updatedAt && removal.action != PlanStep::Action::Delete) {
            removal.values << literal(*updatedAt, context.now);
            removal.values.last().saveTime = true;
        }
        removal.values << literal(targetKey, DriverValue::fromDatabase(targetKey.type, old, mDialect));
        context.plan->steps << removal;
    }
}

int SavePlanner::planRecord(Context &context, const QString &model, const QJsonObject &object,
                            const QString &path, const QList<PlanValue> &overrides) const {
    const Table &table = *tableOf(model);
    const int record = int(context.plan->records.size());
    context.plan->records.append(PlanRecord{path, model});

    const Column *keyColumn = table.column(primaryKeyColumn(table));
    const QJsonValue givenKey = keyColumn ? object.value(keyColumn->attribute) : QJsonValue();
    const bool updating = context.update && keyColumn && !givenKey.isNull() && !givenKey.isUndefined();

    // Sort the keys into fields and links; anything else is a mistake worth naming.
    const RecordInput input = sortKeys(context, table, model, object, path);
    // belongsTo targets go first: their keys become this record's foreign keys.
    QList<PlanValue> ownOverrides = overrides;
    QList<PlanRecord::Children> links;
    planBelongsTo(context, input, path, &ownOverrides, &links);
    if (updating)
        planClearedBelongsTo(context, table, input, path, &ownOverrides);

    // This record's own values.
    PlanStep step;
    step.action = updating ? PlanStep::Action::Update : PlanStep::Action::Insert;
    step.path = path;
    step.model = model;
    step.table = table.name;
    step.record = record;
    QStringList columns;
    quint64 columnMask = 0;
    const std::optional<QList<QVariant>> stored =
        updating ? storedRow(context, table, model, *keyColumn, givenKey, path) : std::nullopt;
    const bool changes = planOwnValues(context, table, modelOf(model), input, ownOverrides, updating,
                                       stored ? &*stored : nullptr, path, step, &columns, &columnMask);
    finishOwnStep(context, table, record, updating, changes, givenKey, columns, columnMask, step);

    // hasOne/hasMany children, each with its foreign key set to this record's key (whatever it said).
    for (const ResolvedLink *link : std::as_const(input.children))
        planChildren(context, table, record, updating, *link, input.linkValue(link), path, &links);
    for (const ResolvedLink *link : std::as_const(input.manyToMany))
        planBelongsToMany(context, record, *link, input.linkValue(link), joinPath(path, link->as));
    if (updating)
        planClearedChildren(context, record, input, path);
    for (const PlanRecord::Children &group : std::as_const(links))
        context.plan->records[record].children << group;
    return record;
}

} // namespace modeldesk
