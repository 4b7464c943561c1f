// DatabaseCatalogReader: the read-only transaction, the tables asked for, and SQLite's PRAGMAs. PostgreSQL is
// read in postgrescatalog.cpp, MySQL/MariaDB in mysqlcatalog.cpp.
#include "db/databasecatalogreader.h"

#include "db/catalogstatement.h"

#include "sql/catalogtypes.h"

#include <QHash>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>

namespace modeldesk {

using namespace Qt::StringLiterals;
using catalogread::action;
using catalogread::Statement;

namespace {

// SQLite's CHECK (status IN ('a', 'b')), as written in the stored CREATE TABLE: column -> values.
QHash<QString, QStringList> sqliteEnumChecks(const QString &sql) {
    static const QRegularExpression check(
        uR"(CHECK\s*\(\s*[`"\[]?([^\s`"\]\(\)]+)[`"\]]?\s+IN\s*\(((?:[^()']|'(?:[^']|'')*')*)\)\s*\))"_s,
        QRegularExpression::CaseInsensitiveOption);
    QHash<QString, QStringList> values;
    auto it = check.globalMatch(sql);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (const auto list = CatalogTypes::quotedList(m.captured(2)))
            values.insert(m.captured(1), *list);
    }
    return values;
}

void sortTable(CatalogTable &table) {
    std::sort(table.uniqueKeys.begin(), table.uniqueKeys.end(),
              [](const CatalogUniqueKey &a, const CatalogUniqueKey &b) { return a.name < b.name; });
    std::sort(table.foreignKeys.begin(), table.foreignKeys.end(),
              [](const CatalogForeignKey &a, const CatalogForeignKey &b) {
                  return a.columns != b.columns ? a.columns < b.columns : a.name < b.name;
              });
}

} // namespace

DatabaseCatalogReader::DatabaseCatalogReader(DatabaseConnection &connection)
    : mConnection(connection) {
}

std::optional<DatabaseCatalog> DatabaseCatalogReader::read(const Options &options, QString *error) {
    if (!mConnection.ensureOpen(error))
        return std::nullopt;
    const SqlDialect dialect = mConnection.dialect();
    DatabaseCatalog catalog;
    catalog.dialect = dialect;
    catalog.schema = options.schema;
    // One snapshot, and a promise to the engine (and to the user) that nothing is written.
    QString begin;
    switch (dialect.kind()) {
    case SqlDialect::Kind::Sqlite:
        begin = u"BEGIN"_s;
        break;
    case SqlDialect::Kind::Postgres:
        begin = u"START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"_s;
        break;
    case SqlDialect::Kind::MySql:
        begin = u"START TRANSACTION READ ONLY"_s;
        break;
    }
    if (!mConnection.execute(begin, error))
        return std::nullopt;
    bool ok = false;
    switch (dialect.kind()) {
    case SqlDialect::Kind::Sqlite:
        ok = readSqlite(catalog, error);
        break;
    case SqlDialect::Kind::Postgres:
        ok = readPostgres(catalog, error);
        break;
    case SqlDialect::Kind::MySql:
        ok = readMySql(catalog, error);
        break;
    }
    mConnection.execute(u"ROLLBACK"_s, nullptr);
    if (!ok)
        return std::nullopt;

    std::sort(catalog.tables.begin(), catalog.tables.end(),
              [](const CatalogTable &a, const CatalogTable &b) { return a.name < b.name; });
    if (!options.tables.isEmpty()) {
        QStringList missing;
        for (const QString &name : options.tables)
            if (!catalog.table(name))
                missing << name;
        if (!missing.isEmpty()) {
            QStringList present;
            for (const CatalogTable &table : std::as_const(catalog.tables))
                present << table.name;
            if (error)
                *error = tr("no table %1 in %2 (it has: %3)")
                             .arg(missing.join(u", "_s), mConnection.url().displayString(),
                                  present.isEmpty() ? tr("no tables") : present.join(u", "_s));
            return std::nullopt;
        }
        const QSet<QString> wanted(options.tables.cbegin(), options.tables.cend());
        catalog.tables.erase(std::remove_if(catalog.tables.begin(), catalog.tables.end(),
                                            [&](const CatalogTable &t) { return !wanted.contains(t.name); }),
                             catalog.tables.end());
    }
    for (CatalogTable &table : catalog.tables)
        sortTable(table);
    if (options.progress)
        options.progress(int(catalog.tables.size()), int(catalog.tables.size()));
    return catalog;
}

namespace {

// One table's columns and primary key, from PRAGMA table_info and the stored CREATE TABLE (enum CHECKs,
// AUTOINCREMENT, WITHOUT ROWID).
bool readSqliteColumns(DatabaseConnection &connection, CatalogTable &table, const QString &sql,
                       QString *error) {
    static const QRegularExpression autoincrement(uR"(\bAUTOINCREMENT\b)"_s,
                                                  QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression withoutRowid(uR"(\bWITHOUT\s+ROWID\b)"_s,
                                                 QRegularExpression::CaseInsensitiveOption);
    const QHash<QString, QStringList> checks = sqliteEnumChecks(sql);
    Statement columns(
        connection,
        u"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?) ORDER BY cid"_s,
        {table.name});
    if (!columns.ok(error, DatabaseCatalogReader::tr("the columns of %1").arg(table.name)))
        return false;
    QMap<int, QString> key;
    while (columns.next()) {
        CatalogColumn column;
        column.name = columns.text(0);
        column.type = columns.text(1);
        column.notNull = columns.flag(2);
        if (!columns.isNull(3))
            column.defaultText = columns.text(3);
        column.enumValues = checks.value(column.name);
        if (columns.number(4) > 0)
            key.insert(columns.number(4), column.name);
        table.columns.append(column);
    }
    table.primaryKey = key.values();
    // INTEGER PRIMARY KEY is the rowid, which SQLite fills in (AUTOINCREMENT or not); never in a table
    // WITHOUT ROWID.
    if (table.primaryKey.size() == 1 && !withoutRowid.match(sql).hasMatch())
        for (CatalogColumn &column : table.columns)
            if (column.name == table.primaryKey.first() &&
                (column.type.compare(u"INTEGER"_s, Qt::CaseInsensitive) == 0 ||
                 autoincrement.match(sql).hasMatch()))
                column.autoIncrement = true;
    return true;
}

// One table's unique indexes (constraints too: SQLite makes an index of each), not partial, not on an
// expression, not the primary key again.
bool readSqliteUniqueKeys(DatabaseConnection &connection, CatalogTable &table, QString *error) {
    Statement indexes(
        connection,
        u"SELECT name, origin FROM pragma_index_list(?) WHERE \"unique\" = 1 AND origin <> 'pk' "
        "AND partial = 0 ORDER BY name"_s,
        {table.name});
    if (!indexes.ok(error, DatabaseCatalogReader::tr("the indexes of %1").arg(table.name)))
        return false;
    QList<CatalogUniqueKey> unique;
    while (indexes.next())
        unique.append({indexes.text(0), {}, indexes.text(1) == u"c"_s});
    for (CatalogUniqueKey &index : unique) {
        Statement parts(connection, u"SELECT name FROM pragma_index_info(?) ORDER BY seqno"_s, {index.name});
        if (!parts.ok(error, DatabaseCatalogReader::tr("the index %1").arg(index.name)))
            return false;
        bool expression = false;
        while (parts.next()) {
            expression = expression || parts.isNull(0);
            index.columns << parts.text(0);
        }
        if (!expression && !index.columns.isEmpty() && index.columns != table.primaryKey)
            table.uniqueKeys.append(index);
    }
    return true;
}

bool readSqliteForeignKeys(DatabaseConnection &connection, CatalogTable &table, QString *error) {
    Statement keys(connection,
                   u"SELECT id, \"table\", \"from\", \"to\", on_delete, on_update FROM "
                   "pragma_foreign_key_list(?) ORDER BY id, seq"_s,
                   {table.name});
    if (!keys.ok(error, DatabaseCatalogReader::tr("the foreign keys of %1").arg(table.name)))
        return false;
    QMap<int, CatalogForeignKey> byId;
    while (keys.next()) {
        CatalogForeignKey &key = byId[keys.number(0)];
        key.referencedTable = keys.text(1);
        key.columns << keys.text(2);
        key.referencedColumns << (keys.isNull(3) ? QString() : keys.text(3));
        key.onDelete = action(keys.text(4));
        key.onUpdate = action(keys.text(5));
    }
    table.foreignKeys = byId.values();
    return true;
}

// `REFERENCES t` without a column names t's primary key; SQLite matches table names ignoring case.
void resolveSqliteReferences(QList<CatalogTable> &tables) {
    QHash<QString, const CatalogTable *>
        byName; // lower-cased name -> the table (the last of a name, as before)
    for (const CatalogTable &table : std::as_const(tables))
        byName.insert(table.name.toLower(), &table);
    for (CatalogTable &table : tables) {
        for (CatalogForeignKey &key : table.foreignKeys) {
            const CatalogTable *referenced = byName.value(key.referencedTable.toLower());
            if (referenced)
                key.referencedTable = referenced->name;
            if (referenced && key.referencedColumns.contains(QString()) &&
                referenced->primaryKey.size() == key.columns.size())
                key.referencedColumns = referenced->primaryKey;
        }
    }
}

} // namespace

bool DatabaseCatalogReader::readSqlite(DatabaseCatalog &catalog, QString *error) {
    if (catalog.schema.isEmpty())
        catalog.schema = u"main"_s;
    Statement objects(mConnection,
                      u"SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
                      "AND type IN ('table', 'view', 'trigger') ORDER BY name"_s);
    if (!objects.ok(error, tr("the list of tables")))
        return false;
    QHash<QString, QString> sqlOf;
    while (objects.next()) {
        const QString type = objects.text(0);
        const QString name = objects.text(1);
        if (type == u"view"_s) {
            catalog.skipped.append({u"view"_s, name, tr("views are not imported")});
        } else if (type == u"trigger"_s) {
            catalog.skipped.append(
                {u"trigger"_s, name, tr("trigger on %1; not imported").arg(objects.text(2))});
        } else if (objects.text(3).startsWith(u"CREATE VIRTUAL"_s, Qt::CaseInsensitive)) {
            catalog.skipped.append({u"table"_s, name, tr("a virtual table; not imported")});
        } else {
            sqlOf.insert(name, objects.text(3));
            catalog.tables.append(CatalogTable{name});
        }
    }
    for (CatalogTable &table : catalog.tables)
        if (!readSqliteColumns(mConnection, table, sqlOf.value(table.name), error) ||
            !readSqliteUniqueKeys(mConnection, table, error) ||
            !readSqliteForeignKeys(mConnection, table, error))
            return false;
    resolveSqliteReferences(catalog.tables);
    return true;
}

} // namespace modeldesk
