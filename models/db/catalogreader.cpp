#include "db/catalogreader.h"

#include <QSqlQuery>
#include <QSqlRecord>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

bool exec(QSqlQuery &query, const QString &sql, const QVariantList &values, QString *error) {
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (query.exec())
        return true;
    *error = DatabaseConnection::describe(query.lastError());
    return false;
}

} // namespace

bool CatalogReader::tables(QStringList *tables, QString *error) {
    QString sql;
    switch (mConnection.dialect().kind()) {
    case SqlDialect::Kind::Sqlite:
        sql = u"SELECT name FROM sqlite_master WHERE type = 'table'"_s;
        break;
    case SqlDialect::Kind::Postgres:
        sql = u"SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"_s;
        break;
    case SqlDialect::Kind::MySql:
        sql = u"SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"_s;
        break;
    }
    QSqlQuery query(mConnection.database());
    if (!exec(query, sql, {}, error))
        return false;
    while (query.next())
        tables->append(query.value(0).toString());
    return true;
}

bool CatalogReader::table(const QString &name, LiveTable *table, QString *error) {
    table->name = name;
    table->columns.clear();
    if (!readColumns(name, table, error) || !readUnique(name, table, error))
        return false;
    if (mConnection.dialect().kind() == SqlDialect::Kind::MySql)
        readChecks(name, table);
    return true;
}

bool CatalogReader::readColumns(const QString &name, LiveTable *table, QString *error) {
    QString sql;
    switch (mConnection.dialect().kind()) {
    case SqlDialect::Kind::Sqlite:
        sql = u"SELECT name, type, \"notnull\", dflt_value FROM pragma_table_info(?)"_s;
        break;
    case SqlDialect::Kind::Postgres:
        sql = u"SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
              "pg_get_expr(d.adbin, d.adrelid) FROM pg_attribute a "
              "JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
              "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
              "WHERE n.nspname = current_schema() AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped "
              "ORDER BY a.attnum"_s;
        break;
    case SqlDialect::Kind::MySql:
        sql = u"SELECT column_name, column_type, is_nullable = 'NO', column_default, character_set_name, "
              "collation_name, column_comment, extra FROM information_schema.columns "
              "WHERE table_schema = DATABASE() AND table_name = ? ORDER BY ordinal_position"_s;
        break;
    }
    QSqlQuery query(mConnection.database());
    if (!exec(query, sql, {name}, error))
        return false;
    while (query.next()) {
        LiveColumn column;
        column.name = query.value(0).toString();
        column.type = query.value(1).toString();
        column.notNull = query.value(2).toBool();
        column.defaultText = query.value(3).toString();
        if (query.record().count() > 4) {
            column.charset = query.value(4).toString();
            column.collation = query.value(5).toString();
            column.comment = query.value(6).toString();
            column.extra = query.value(7).toString();
        }
        table->columns.append(column);
    }
    return true;
}

bool CatalogReader::readUnique(const QString &name, LiveTable *table, QString *error) {
    // A unique constraint or index on exactly this one column (a composite key or a partial, expression
    // or prefix index does not make the column unique).
    QString sql;
    switch (mConnection.dialect().kind()) {
    case SqlDialect::Kind::Sqlite:
        sql = u"SELECT MAX(ii.name) FROM pragma_index_list(?) AS il JOIN pragma_index_info(il.name) AS ii "
              "WHERE il.\"unique\" = 1 AND il.origin <> 'pk' AND il.partial = 0 GROUP BY il.name "
              "HAVING COUNT(*) = 1 AND MAX(ii.name) IS NOT NULL"_s;
        break;
    case SqlDialect::Kind::Postgres:
        sql = u"SELECT a.attname FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid "
              "JOIN pg_namespace n ON n.oid = c.relnamespace "
              "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0] "
              "WHERE n.nspname = current_schema() AND c.relname = ? AND i.indisunique AND NOT i.indisprimary "
              "AND i.indnkeyatts = 1 AND i.indpred IS NULL AND i.indexprs IS NULL"_s;
        break;
    case SqlDialect::Kind::MySql:
        sql = u"SELECT MAX(column_name) FROM information_schema.statistics WHERE table_schema = DATABASE() "
              "AND table_name = ? AND non_unique = 0 AND index_name <> 'PRIMARY' GROUP BY index_name "
              "HAVING COUNT(*) = 1 AND MAX(sub_part) IS NULL"_s;
        break;
    }
    QSqlQuery query(mConnection.database());
    if (!exec(query, sql, {name}, error))
        return false;
    while (query.next()) {
        const QString unique = query.value(0).toString();
        for (LiveColumn &column : table->columns)
            if (column.name == unique)
                column.unique = true;
    }
    return true;
}

bool CatalogReader::readChecks(const QString &name, LiveTable *table) {
    // MariaDB keeps a column's CHECK (and JSON's json_valid) here, named after the column. MySQL has no
    // LEVEL column and keeps no column-level checks this way; there the query fails and nothing is read.
    QSqlQuery query(mConnection.database());
    QString ignored;
    if (!exec(query,
              u"SELECT constraint_name, check_clause FROM information_schema.check_constraints "
              "WHERE constraint_schema = DATABASE() AND table_name = ? AND level = 'Column'"_s,
              {name}, &ignored))
        return false;
    while (query.next())
        for (LiveColumn &column : table->columns)
            if (column.name == query.value(0).toString())
                column.check = query.value(1).toString();
    return true;
}

std::optional<qint64> CatalogReader::count(const QString &sql, const QVariantList &values, QString *error) {
    QSqlQuery query(mConnection.database());
    if (!exec(query, sql, values, error))
        return std::nullopt;
    if (!query.next()) {
        *error = tr("no result from %1").arg(sql);
        return std::nullopt;
    }
    return query.value(0).toLongLong();
}

std::optional<qint64> CatalogReader::rowCount(const QString &table, int atMost, QString *error) {
    const SqlDialect d = mConnection.dialect();
    return count(
        u"SELECT COUNT(*) FROM (SELECT 1 FROM %1 LIMIT %2) AS probe"_s.arg(d.quote(table)).arg(atMost), {},
        error);
}

std::optional<qint64> CatalogReader::nullCount(const QString &table, const QString &column, QString *error) {
    const SqlDialect d = mConnection.dialect();
    return count(u"SELECT COUNT(*) FROM %1 WHERE %2 IS NULL"_s.arg(d.quote(table), d.quote(column)), {},
                 error);
}

std::optional<qint64> CatalogReader::duplicateCount(const QString &table, const QString &column,
                                                    QString *error) {
    const SqlDialect d = mConnection.dialect();
    return count(u"SELECT COUNT(*) FROM (SELECT %2 FROM %1 WHERE %2 IS NOT NULL GROUP BY %2 "
                 "HAVING COUNT(*) > 1) AS duplicates"_s.arg(d.quote(table), d.quote(column)),
                 {}, error);
}

} // namespace modeldesk
