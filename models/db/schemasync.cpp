#include "db/schemasync.h"

#include "sql/ddlgenerator.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace modeldesk {

using namespace Qt::StringLiterals;

QString SyncDifference::toString() const {
    switch (kind) {
    case Kind::MissingTable:
        return SchemaSync::tr("table %1 is missing").arg(table);
    case Kind::MissingColumn:
        return SchemaSync::tr("table %1: column %2 is missing (sync --alter adds it)").arg(table, column);
    case Kind::ExtraColumn:
        return SchemaSync::tr("table %1: column %2 is not in the design (left as it is)").arg(table, column);
    case Kind::TypeDiffers:
        return SchemaSync::tr("table %1: column %2 is %3 in the database but %4 in the design")
            .arg(table, column, actual, expected);
    }
    return {};
}

SchemaSync::SchemaSync(const Schema &schema, DatabaseConnection &connection)
    : mResolved(SchemaResolver::resolve(schema))
    , mConnection(connection) {
}

QString SchemaSync::typeFamily(const QString &type, SqlDialect::Kind dialect) {
    QString t = type.trimmed().toLower();
    t.remove(u" binary"_s);
    t.remove(u" unsigned"_s);
    t.remove(QChar(u' ')); // "decimal(10, 2)" == "decimal(10,2)", "double precision" == "doubleprecision"
    if (t.startsWith(u"enum("_s) || t.startsWith(u"\"enum_"_s) || t.startsWith(u"enum_"_s) ||
        t == u"user-defined"_s)
        return u"enum"_s;
    if (t == u"serial"_s || t == u"int"_s || t == u"int4"_s || t == u"integer"_s || t.startsWith(u"int("_s))
        return u"integer"_s;
    if (t == u"bigserial"_s || t == u"int8"_s || t.startsWith(u"bigint"_s))
        return u"bigint"_s;
    if (t == u"smallserial"_s || t == u"int2"_s || t.startsWith(u"smallint"_s))
        return u"smallint"_s;
    if (t.startsWith(u"charactervarying"_s))
        return u"varchar"_s + t.mid(16);
    if (t.startsWith(u"character("_s))
        return u"char"_s + t.mid(9);
    if (t == u"character"_s || t == u"bpchar"_s)
        return u"char(1)"_s;
    if (t.startsWith(u"numeric"_s))
        return u"decimal"_s + t.mid(7);
    if (t == u"doubleprecision"_s || t == u"double"_s || t == u"float8"_s)
        return u"double"_s;
    if (t == u"float"_s)
        return dialect == SqlDialect::Kind::Postgres ? u"double"_s
                                                     : u"float"_s; // PostgreSQL's FLOAT is double
    if (t == u"real"_s || t == u"float4"_s)
        return u"float"_s;
    if (t == u"timestampwithtimezone"_s || t == u"timestamptz"_s || t == u"datetime"_s)
        return u"datetime"_s;
    if (t == u"timewithouttimezone"_s)
        return u"time"_s;
    if (t == u"tinyint(1)"_s || t == u"bool"_s || t == u"boolean"_s)
        return u"boolean"_s;
    if (t == u"bytea"_s)
        return u"blob"_s;
    if (t == u"jsonb"_s || (t == u"longtext"_s && dialect == SqlDialect::Kind::MySql))
        return u"json"_s; // MariaDB stores JSON as LONGTEXT with a check
    if (t == u"char(36)"_s && dialect == SqlDialect::Kind::MySql)
        return u"uuid"_s;
    return t;
}

bool SchemaSync::existingTables(QStringList *tables, QString *error) {
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
    if (!query.exec(sql)) {
        *error = DatabaseConnection::describe(query.lastError());
        return false;
    }
    while (query.next())
        tables->append(query.value(0).toString());
    return true;
}

bool SchemaSync::catalogColumns(const QString &table, QList<CatalogColumn> *columns, QString *error) {
    QString sql;
    switch (mConnection.dialect().kind()) {
    case SqlDialect::Kind::Sqlite:
        sql = u"SELECT name, type FROM pragma_table_info(?)"_s;
        break;
    case SqlDialect::Kind::Postgres:
        sql = u"SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
              "JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
              "WHERE n.nspname = current_schema() AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped "
              "ORDER BY a.attnum"_s;
        break;
    case SqlDialect::Kind::MySql:
        sql = u"SELECT column_name, column_type FROM information_schema.columns "
              "WHERE table_schema = DATABASE() AND table_name = ? ORDER BY ordinal_position"_s;
        break;
    }
    QSqlQuery query(mConnection.database());
    query.prepare(sql);
    query.addBindValue(table);
    if (!query.exec()) {
        *error = DatabaseConnection::describe(query.lastError());
        return false;
    }
    while (query.next())
        columns->append({query.value(0).toString(), query.value(1).toString()});
    return true;
}

SyncReport SchemaSync::sync(bool alter) {
    SyncReport report;
    report.ok = run(alter, true, &report);
    return report;
}

SyncReport SchemaSync::compare() {
    SyncReport report;
    report.ok = run(false, false, &report);
    return report;
}

bool SchemaSync::run(bool alter, bool change, SyncReport *report) {
    QString error;
    if (!mConnection.ensureOpen(&error)) {
        report->error = error;
        return false;
    }
    const SqlDialect dialect = mConnection.dialect();
    const DdlGenerator ddl(dialect);
    QStringList tables;
    if (!existingTables(&tables, &error)) {
        report->error = tr("cannot read the list of tables: %1").arg(error);
        return false;
    }
    auto runStatement = [&](const QString &sql) {
        report->statements << sql;
        if (mConnection.execute(sql, &error))
            return true;
        // The reason first: a CREATE TABLE can run to kilobytes, and the reason is what the reader needs.
        report->error = tr("%1\nThe statement was:\n%2").arg(error, sql);
        return false;
    };
    for (const Table &table : mResolved.tables) {
        if (!tables.contains(table.name)) {
            if (!change) {
                report->differences << SyncDifference{SyncDifference::Kind::MissingTable, table.name};
                continue;
            }
            for (const QString &sql : ddl.createTableStatements(table))
                if (!runStatement(sql))
                    return false;
            report->createdTables << table.name;
            continue;
        }
        QList<CatalogColumn> existing;
        if (!catalogColumns(table.name, &existing, &error)) {
            report->error = tr("cannot read the columns of %1: %2").arg(table.name, error);
            return false;
        }
        for (const Column &column : table.columns) {
            const auto found = std::find_if(existing.cbegin(), existing.cend(),
                                            [&](const CatalogColumn &c) { return c.name == column.name; });
            if (found == existing.cend()) {
                if (alter && change) {
                    for (const QString &sql : ddl.addColumnStatements(table, column))
                        if (!runStatement(sql))
                            return false;
                    report->addedColumns << table.name + u'.' + column.name;
                } else {
                    report->differences
                        << SyncDifference{SyncDifference::Kind::MissingColumn, table.name, column.name};
                }
                continue;
            }
            const QString expected = dialect.columnType(table, column);
            if (typeFamily(expected, dialect.kind()) != typeFamily(found->type, dialect.kind()))
                report->differences << SyncDifference{SyncDifference::Kind::TypeDiffers, table.name,
                                                      column.name, expected, found->type};
        }
        for (const CatalogColumn &c : std::as_const(existing))
            if (!table.column(c.name))
                report->differences << SyncDifference{SyncDifference::Kind::ExtraColumn, table.name, c.name};
    }
    return true;
}

} // namespace modeldesk
