#include "records/recordloader.h"

#include "schema/fieldvalue.h"
#include "sql/drivervalue.h"

#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>

namespace modeldesk {

using namespace Qt::StringLiterals;

bool RecordLoader::select(const Table &table, const QString &where, const QVariantList &values,
                          QList<Row> *rows, QString *error, const QString &join, const Table *joined) {
    const SqlDialect dialect = mConnection.dialect();
    QString columns;
    for (const Column &column : table.columns)
        columns += (columns.isEmpty() ? QString() : u", "_s) + u"t."_s + dialect.quote(column.name);
    if (joined)
        for (const Column &column : joined->columns)
            columns += u", j."_s + dialect.quote(column.name);
    QString sql = u"SELECT %1 FROM %2 t"_s.arg(columns, dialect.quote(table.name));
    if (!join.isEmpty())
        sql += u' ' + join;
    sql += u" WHERE "_s + where;
    // A paranoid model's deleted records are gone for reads, as for Sequelize's findByPk and include.
    if (!table.deletedAtColumn.isEmpty())
        sql += u" AND t."_s + dialect.quote(table.deletedAtColumn) + u" IS NULL"_s;
    if (const Column *key = table.singleKey())
        sql += u" ORDER BY t."_s + dialect.quote(key->name);
    QSqlQuery *query = mConnection.prepared(sql, error);
    if (!query)
        return false;
    query->setNumericalPrecisionPolicy(QSql::HighPrecision); // DECIMAL and BIGINT exactly, as text
    for (const QVariant &value : values)
        query->addBindValue(value);
    if (!query->exec()) {
        *error = DatabaseConnection::describe(query->lastError());
        query->finish();
        return false;
    }
    // Read everything before following links: the same cached statement may be needed again below.
    while (query->next()) {
        Row row;
        row.reserve(table.columns.size());
        for (int i = 0; i < table.columns.size(); ++i)
            row << DriverValue::fromDatabase(table.columns.at(i).type, query->value(i), dialect);
        if (joined)
            for (int i = 0; i < joined->columns.size(); ++i)
                row << DriverValue::fromDatabase(joined->columns.at(i).type,
                                                 query->value(int(table.columns.size()) + i), dialect);
        rows->append(row);
    }
    query->finish();
    return true;
}

std::optional<QJsonObject> RecordLoader::load(const QString &model, const QVariant &key, int depth,
                                              QString *error, bool withDeleted) {
    error->clear();
    const Table *table = mResolved.tableForModel(model);
    const Column *keyColumn = table ? table->singleKey() : nullptr;
    if (!keyColumn)
        return std::nullopt;
    // paranoid: false reads the record as a table without deletedAt would; its links still come from the
    // resolved schema, so their deleted records stay out.
    Table withDeletedRows;
    if (withDeleted) {
        withDeletedRows = *table;
        withDeletedRows.deletedAtColumn.clear();
        table = &withDeletedRows;
    }
    QList<Row> rows;
    const QString where = u"t."_s + mConnection.dialect().quote(keyColumn->name) + u" = ?"_s;
    if (!select(*table, where, {DriverValue::toDatabase(keyColumn->type, key, mConnection.dialect())}, &rows,
                error) ||
        rows.isEmpty())
        return std::nullopt;
    bool ok = true;
    QJsonObject object = toJson(model, *table, rows.first(), depth, error, &ok);
    if (!ok)
        return std::nullopt;
    return object;
}

std::optional<QList<QVariant>> RecordLoader::storedRow(const Table &table, const QStringList &columns,
                                                       const QVariantList &values, QString *error) {
    error->clear();
    const SqlDialect dialect = mConnection.dialect();
    QString where;
    QVariantList bound;
    for (qsizetype i = 0; i < columns.size(); ++i) {
        const Column *column = table.column(columns.at(i));
        if (!column)
            return std::nullopt;
        where += (where.isEmpty() ? u"t."_s : u" AND t."_s) + dialect.quote(column->name) + u" = ?"_s;
        bound << DriverValue::toDatabase(column->type, values.value(i), dialect);
    }
    QList<Row> rows;
    if (where.isEmpty() || !select(table, where, bound, &rows, error) || rows.isEmpty())
        return std::nullopt;
    return rows.first();
}

RecordLoader::Linked RecordLoader::selectLinked(const ResolvedLink &link, const Table &table, const Row &row,
                                                const Table &target, const Table *junction, QList<Row> *rows,
                                                QString *error) {
    const SqlDialect dialect = mConnection.dialect();
    const auto valueOf = [&](const QString &column) {
        for (int i = 0; i < table.columns.size(); ++i)
            if (table.columns.at(i).name == column)
                return DriverValue::toDatabase(table.columns.at(i).type, row.at(i), dialect);
        return QVariant();
    };
    bool selected = false;
    if (link.kind == Link::Kind::BelongsTo) {
        const QVariant fk = valueOf(link.foreignKeyColumn);
        const Column *targetKey = target.columnForAttribute(link.targetKey);
        if (fk.isNull() || !targetKey)
            return Linked::None;
        selected = select(target, u"t."_s + dialect.quote(targetKey->name) + u" = ?"_s, {fk}, rows, error);
    } else if (link.kind == Link::Kind::BelongsToMany) {
        const Column *sourceKey = table.columnForAttribute(link.sourceKey);
        const Column *targetKey = target.columnForAttribute(link.targetKey);
        if (!sourceKey || !targetKey)
            return Linked::Skipped;
        const QString join = u"JOIN %1 j ON j.%2 = t.%3"_s.arg(dialect.quote(link.throughTable),
                                                               dialect.quote(link.otherKeyColumn),
                                                               dialect.quote(targetKey->name));
        selected = select(target, u"j."_s + dialect.quote(link.foreignKeyColumn) + u" = ?"_s,
                          {valueOf(sourceKey->name)}, rows, error, join, junction);
    } else {
        const Column *sourceKey = table.columnForAttribute(link.sourceKey);
        if (!sourceKey)
            return Linked::Skipped;
        selected = select(target, u"t."_s + dialect.quote(link.foreignKeyColumn) + u" = ?"_s,
                          {valueOf(sourceKey->name)}, rows, error);
    }
    return selected ? Linked::Selected : Linked::Failed;
}

QJsonObject RecordLoader::toJson(const QString &model, const Table &table, const Row &row, int depth,
                                 QString *error, bool *ok) {
    QJsonObject object;
    for (int i = 0; i < table.columns.size(); ++i)
        object.insert(table.columns.at(i).attribute, FieldValue::toJson(table.columns.at(i).type, row.at(i)));
    if (depth <= 0)
        return object;
    for (const ResolvedLink &link : mResolved.links) {
        if (link.source != model)
            continue;
        const Table *target = mResolved.tableForModel(link.target);
        if (!target)
            continue;
        // A through model of the design: each linked record carries the junction row's values under the
        // model's name, as Sequelize returns them (`products[0].orderItem.unitPrice`).
        const Table *junction = link.kind == Link::Kind::BelongsToMany && !link.throughModel.isEmpty()
                                    ? mResolved.tableForModel(link.throughModel)
                                    : nullptr;
        QList<Row> rows;
        switch (selectLinked(link, table, row, *target, junction, &rows, error)) {
        case Linked::Failed:
            *ok = false;
            return object;
        case Linked::Skipped:
            continue;
        case Linked::None:
            object.insert(link.as, QJsonValue::Null);
            continue;
        case Linked::Selected:
            break;
        }
        if (link.kind == Link::Kind::HasMany || link.kind == Link::Kind::BelongsToMany) {
            QJsonArray items;
            for (const Row &r : std::as_const(rows)) {
                QJsonObject item =
                    toJson(link.target, *target, r.first(target->columns.size()), depth - 1, error, ok);
                if (!*ok)
                    return object;
                if (junction) {
                    QJsonObject values;
                    for (qsizetype i = 0; i < junction->columns.size(); ++i)
                        values.insert(junction->columns.at(i).attribute,
                                      FieldValue::toJson(junction->columns.at(i).type,
                                                         r.value(target->columns.size() + i)));
                    item.insert(link.throughModel, values);
                }
                items.append(item);
            }
            object.insert(link.as, items);
        } else if (rows.isEmpty()) {
            object.insert(link.as, QJsonValue::Null);
        } else {
            object.insert(link.as, toJson(link.target, *target, rows.first(), depth - 1, error, ok));
            if (!*ok)
                return object;
        }
    }
    return object;
}

std::optional<QList<QVariant>> RecordLoader::linkedKeys(const ResolvedLink &link, const QVariant &parentKey,
                                                        QString *error) {
    const SqlDialect dialect = mConnection.dialect();
    const Table *target = mResolved.tableForModel(link.target);
    const Table *source = mResolved.tableForModel(link.source);
    if (!target || !source)
        return QList<QVariant>();
    QString sql;
    DataType keyType;
    if (link.kind == Link::Kind::BelongsToMany) {
        sql = u"SELECT %1 FROM %2 WHERE %3 = ?"_s.arg(dialect.quote(link.otherKeyColumn),
                                                      dialect.quote(link.throughTable),
                                                      dialect.quote(link.foreignKeyColumn));
        const Column *targetKey = target->columnForAttribute(link.targetKey);
        keyType = targetKey ? targetKey->type : DataType::integer();
    } else {
        const Column *key = target->singleKey();
        if (!key)
            return QList<QVariant>();
        sql = u"SELECT %1 FROM %2 WHERE %3 = ?"_s.arg(dialect.quote(key->name), dialect.quote(target->name),
                                                      dialect.quote(link.foreignKeyColumn));
        // A soft-deleted child is no longer linked: an update neither lists nor removes it again.
        if (!target->deletedAtColumn.isEmpty())
            sql += u" AND "_s + dialect.quote(target->deletedAtColumn) + u" IS NULL"_s;
        keyType = key->type;
    }
    const Column *sourceKey = source->columnForAttribute(link.sourceKey);
    QSqlQuery *query = mConnection.prepared(sql, error);
    if (!query)
        return std::nullopt;
    query->addBindValue(
        DriverValue::toDatabase(sourceKey ? sourceKey->type : DataType::integer(), parentKey, dialect));
    if (!query->exec()) {
        *error = DatabaseConnection::describe(query->lastError());
        query->finish();
        return std::nullopt;
    }
    QList<QVariant> keys;
    while (query->next())
        keys << DriverValue::fromDatabase(keyType, query->value(0), dialect);
    query->finish();
    return keys;
}

} // namespace modeldesk
