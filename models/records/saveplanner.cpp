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
    , mDialect(dialect) {
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

QString SavePlanner::insertSql(const Table &table, const QStringList &columns,
                               const QString &generated) const {
    QString sql = u"INSERT INTO "_s + mDialect.quote(table.name);
    if (columns.isEmpty()) {
        sql += mDialect.kind() == SqlDialect::Kind::MySql ? u" () VALUES ()"_s : u" DEFAULT VALUES"_s;
    } else {
        QString names;
        QString marks;
        for (const QString &column : columns) {
            if (!names.isEmpty()) {
                names += u", "_s;
                marks += u", "_s;
            }
            names += mDialect.quote(column);
            marks += u'?';
        }
        sql += u" ("_s + names + u") VALUES ("_s + marks + u')';
    }
    // PostgreSQL hands the new key back with the insert itself: no second round trip for lastval().
    if (!generated.isEmpty() && mDialect.kind() == SqlDialect::Kind::Postgres)
        sql += u" RETURNING "_s + mDialect.quote(generated);
    return sql;
}

QString SavePlanner::cachedInsertSql(const Table &table, quint64 columnMask, const QStringList &columns,
                                     const QString &generated) const {
    if (table.columns.size() > 64)
        return insertSql(table, columns, generated);
    const QPair<const Table *, quint64> key(&table, columnMask);
    auto found = mInsertSql.constFind(key);
    if (found == mInsertSql.cend()) {
        QStringList named;
        for (qsizetype i = 0; i < table.columns.size(); ++i)
            if (columnMask & (quint64(1) << i))
                named << table.columns.at(i).name;
        found = mInsertSql.insert(key, insertSql(table, named, generated));
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
                             const ExistingKeys &existing, SavePlan *plan,
                             QList<RecordProblem> *problems) const {
    Context context;
    context.update = true;
    context.now = now;
    context.existing = existing ? &existing : nullptr;
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

int SavePlanner::planRecord(Context &context, const QString &model, const QJsonObject &object,
                            const QString &path, const QList<PlanValue> &overrides) const {
    const Table &table = *tableOf(model);
    const Model *design = modelOf(model);
    const int record = int(context.plan->records.size());
    context.plan->records.append(PlanRecord{path, model});

    const QString keyColumnName = primaryKeyColumn(table);
    const Column *keyColumn = table.column(keyColumnName);
    const QJsonValue givenKey = keyColumn ? object.value(keyColumn->attribute) : QJsonValue();
    const bool updating = context.update && keyColumn && !givenKey.isNull() && !givenKey.isUndefined();

    // Sort the keys into fields and links; anything else is a mistake worth naming.
    QList<const ResolvedLink *> belongsTo, children, manyToMany;
    QList<std::pair<const ResolvedLink *, QJsonValue>> linkValues; // a handful: a list beats a hash
    const auto linkValue = [&linkValues](const ResolvedLink *link) {
        for (const auto &[known, value] : std::as_const(linkValues))
            if (known == link)
                return value;
        return QJsonValue();
    };
    // The given value of each column by index (looking each column up in the object again costs more).
    QVarLengthArray<QJsonValue, 16> givenValues(table.columns.size(), QJsonValue(QJsonValue::Undefined));
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (const Column *column = table.columnForAttribute(it.key())) {
            givenValues[column - table.columns.constData()] = it.value();
            continue;
        }
        const ResolvedLink *link = linkOf(model, it.key());
        if (!link) {
            context.problem(joinPath(path, it.key()),
                            tr("unknown key: %1 has no field or link named \"%2\"").arg(model, it.key()));
            continue;
        }
        const QJsonValue value = it.value();
        linkValues.append({link, value});
        if (value.isNull())
            continue; // no linked record, as in Sequelize
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
            belongsTo << link;
        else if (link->kind == Link::Kind::BelongsToMany)
            manyToMany << link;
        else
            children << link;
    }

    // belongsTo targets go first: their keys become this record's foreign keys.
    QList<PlanValue> ownOverrides = overrides;
    QList<PlanRecord::Children> links;
    for (const ResolvedLink *link : std::as_const(belongsTo)) {
        const int target =
            planRecord(context, link->target, linkValue(link).toObject(), joinPath(path, link->as), {});
        const Table &targetTable = *tableOf(link->target);
        const Column *targetKey = targetTable.columnForAttribute(link->targetKey);
        PlanValue fk = keyOf(context, target, targetKey ? targetKey->name : link->targetKey);
        fk.column = link->foreignKeyColumn;
        ownOverrides.erase(std::remove_if(ownOverrides.begin(), ownOverrides.end(),
                                          [&](const PlanValue &v) { return v.column == fk.column; }),
                           ownOverrides.end());
        ownOverrides << fk;
        links << PlanRecord::Children{link->as, false, {target}};
    }

    // This record's own values.
    PlanStep step;
    step.action = updating ? PlanStep::Action::Update : PlanStep::Action::Insert;
    step.path = path;
    step.model = model;
    step.table = table.name;
    step.record = record;
    step.values.reserve(table.columns.size());
    // The column names themselves are only needed for an UPDATE or a table too wide for the column mask;
    // listing them for every insert was a tenth of a save's work.
    const bool listColumns = updating || table.columns.size() > 64;
    QStringList columns;
    quint64 columnMask = 0;
    bool changes = false; // an update with nothing of its own to change writes nothing
    for (const Column &column : table.columns) {
        const quint64 bit = quint64(1) << ((&column - table.columns.constData()) % 64);
        const auto overridden = std::find_if(ownOverrides.cbegin(), ownOverrides.cend(),
                                             [&](const PlanValue &v) { return v.column == column.name; });
        const Field *field =
            design && column.fieldIndex >= 0 ? &design->fields.at(column.fieldIndex) : nullptr;
        const QJsonValue &givenValue = givenValues.at(&column - table.columns.constData());
        const bool given = !givenValue.isUndefined();
        if (overridden != ownOverrides.cend()) {
            PlanValue value = *overridden;
            value.type = column.type;
            step.values << value;
            if (listColumns)
                columns << column.name;
            columnMask |= bit;
            changes = true;
            continue;
        }
        if (updating) {
            if (column.name == table.updatedAtColumn) {
                step.values << literal(column, context.now);
            } else if (given && column.name != keyColumnName && column.name != table.createdAtColumn) {
                const FieldCheck check = FieldValue::check(column, givenValue, field);
                if (!check.ok())
                    context.problem(joinPath(path, column.attribute), check.message);
                step.values << literal(column, check.value);
                changes = true;
            } else {
                continue;
            }
            if (listColumns)
                columns << column.name;
            continue;
        }
        QVariant value;
        bool saveTime = false;
        if (given && column.name != table.updatedAtColumn) {
            const FieldCheck check = FieldValue::check(column, givenValue, field);
            if (!check.ok())
                context.problem(joinPath(path, column.attribute), check.message);
            value = check.value;
            if (check.ok() && value.isNull() && column.autoIncrement)
                continue; // {"id": null}: let the database number it
        } else if (column.autoIncrement) {
            step.generatedColumn = column.name;
            continue;
        } else if (column.name == table.createdAtColumn || column.name == table.updatedAtColumn) {
            value = context.now;
            saveTime = column.type.kind == DataType::Kind::Date;
        } else if (column.name == table.deletedAtColumn) {
            value = QVariant();
        } else if (column.hasDefault()) {
            const QJsonValue def = column.defaultValue;
            const QString fn = def.toObject().value(u"fn"_s).toString();
            if (fn == u"NOW"_s) {
                value = column.type.kind == DataType::Kind::DateOnly ? QVariant(context.now.date())
                        : column.type.kind == DataType::Kind::Time   ? QVariant(context.now.time())
                                                                     : QVariant(context.now);
            } else if (fn == u"UUIDV4"_s || fn == u"UUIDV1"_s) {
                // Sequelize generates these in the application; so do we (a v4 UUID for both).
                value = QUuid::createUuid().toString(QUuid::WithoutBraces);
            } else {
                const FieldCheck check = FieldValue::check(column, def);
                if (!check.ok())
                    context.problem(joinPath(path, column.attribute),
                                    tr("the default value does not fit: %1").arg(check.message));
                value = check.value;
            }
        } else {
            const FieldCheck check = FieldValue::check(column, QJsonValue::Undefined, field);
            if (!check.ok())
                context.problem(joinPath(path, column.attribute), check.message);
        }
        step.values << literal(column, value);
        step.values.last().saveTime = saveTime;
        if (listColumns)
            columns << column.name;
        columnMask |= bit;
    }
    if (updating) {
        const FieldCheck key = FieldValue::check(*keyColumn, givenKey);
        if (!key.ok())
            context.problem(joinPath(path, keyColumn->attribute), key.message);
        context.plan->records[record].key = key.value;
        context.plan->records[record].keyColumn = keyColumnName;
        // Nothing of its own changes: no statement, the key is referenced as given.
        if (changes) {
            QString sets;
            for (const QString &column : std::as_const(columns))
                sets += (sets.isEmpty() ? QString() : u", "_s) + mDialect.quote(column) + u" = ?"_s;
            step.sql = u"UPDATE %1 SET %2 WHERE %3 = ?"_s.arg(mDialect.quote(table.name), sets,
                                                              mDialect.quote(keyColumnName));
            step.values << literal(*keyColumn, key.value);
        }
    } else {
        step.sql = cachedInsertSql(table, columnMask, columns, step.generatedColumn);
    }
    if (!step.sql.isEmpty()) {
        context.plan->records[record].step = int(context.plan->steps.size());
        context.plan->steps.append(std::move(step));
    }

    // hasOne/hasMany children, each with its foreign key set to this record's key (whatever it said).
    for (const ResolvedLink *link : std::as_const(children)) {
        const QString linkPath = joinPath(path, link->as);
        const Column *sourceKey = table.columnForAttribute(link->sourceKey);
        PlanValue fk = keyOf(context, record, sourceKey ? sourceKey->name : link->sourceKey);
        fk.column = link->foreignKeyColumn;
        const QJsonValue value = linkValue(link);
        QList<QJsonObject> items;
        if (value.isArray()) {
            const QJsonArray array = value.toArray();
            for (qsizetype i = 0; i < array.size(); ++i) {
                if (!array.at(i).isObject())
                    context.problem(indexedPath(linkPath, i),
                                    tr("each item of \"%1\" must be an object").arg(link->as));
                items << array.at(i).toObject();
            }
        } else {
            items << value.toObject();
        }
        PlanRecord::Children group{link->as, link->kind == Link::Kind::HasMany, {}};
        QSet<QString> keptKeys;
        const Table &targetTable = *tableOf(link->target);
        const Column *targetKey = targetTable.column(primaryKeyColumn(targetTable));
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QString itemPath = group.toMany ? indexedPath(linkPath, i) : linkPath;
            group.records << planRecord(context, link->target, items.at(i), itemPath, {fk});
            if (targetKey && items.at(i).contains(targetKey->attribute))
                keptKeys.insert(items.at(i).value(targetKey->attribute).toVariant().toString());
        }
        links << group;
        if (!updating || !context.existing || !targetKey)
            continue;
        QString error;
        const auto existing = (*context.existing)(*link, context.plan->records.at(record).key, &error);
        if (!existing) {
            context.problem(linkPath, error);
            continue;
        }
        for (const QVariant &old : *existing) {
            if (keptKeys.contains(old.toString()))
                continue;
            PlanStep removal;
            removal.path = linkPath;
            removal.model = link->target;
            removal.table = targetTable.name;
            const QString onDelete = link->onDelete.toUpper();
            if (onDelete == u"CASCADE"_s) {
                removal.action = PlanStep::Action::Delete;
                removal.sql = u"DELETE FROM %1 WHERE %2 = ?"_s.arg(mDialect.quote(targetTable.name),
                                                                   mDialect.quote(targetKey->name));
            } else if (onDelete == u"SET NULL"_s) {
                removal.action = PlanStep::Action::Unlink;
                removal.sql = u"UPDATE %1 SET %2 = NULL WHERE %3 = ?"_s.arg(
                    mDialect.quote(targetTable.name), mDialect.quote(link->foreignKeyColumn),
                    mDialect.quote(targetKey->name));
            } else {
                context.problem(linkPath,
                                tr("%1 %2 is no longer listed, but the link's onDelete is %3, so it "
                                   "cannot be removed")
                                    .arg(link->target, old.toString(), link->onDelete));
                continue;
            }
            removal.values << literal(*targetKey, DriverValue::fromDatabase(targetKey->type, old, mDialect));
            context.plan->steps << removal;
        }
    }

    for (const ResolvedLink *link : std::as_const(manyToMany))
        planBelongsToMany(context, record, *link, linkValue(link), joinPath(path, link->as));
    for (const PlanRecord::Children &group : std::as_const(links))
        context.plan->records[record].children << group;
    return record;
}

} // namespace modeldesk
