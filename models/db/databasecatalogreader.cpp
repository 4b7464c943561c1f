#include "db/databasecatalogreader.h"

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

namespace {

constexpr QChar kSeparator(0x1f); // between the names of a key's columns in one aggregated value

// One statement with bound values: every name that comes from the user or the catalog is bound.
class Statement {
public:
    Statement(DatabaseConnection &connection, const QString &sql, const QVariantList &values = {})
        : mQuery(connection.database()) {
        mQuery.setForwardOnly(true);
        mOk = mQuery.prepare(sql);
        for (const QVariant &value : values)
            mQuery.addBindValue(value);
        mOk = mOk && mQuery.exec();
    }
    bool ok(QString *error, const QString &what) const {
        if (!mOk && error)
            *error = DatabaseCatalogReader::tr("cannot read %1: %2")
                         .arg(what, DatabaseConnection::describe(mQuery.lastError()));
        return mOk;
    }
    bool next() { return mQuery.next(); }
    QString text(int i) const { return mQuery.value(i).toString(); }
    bool isNull(int i) const { return mQuery.value(i).isNull(); }
    bool flag(int i) const {
        const QVariant v = mQuery.value(i);
        const QString s = v.toString().toLower();
        return s == u"t"_s || s == u"true"_s || s == u"yes"_s || (v.canConvert<int>() && v.toInt() != 0);
    }
    int number(int i) const { return mQuery.value(i).toInt(); }

private:
    QSqlQuery mQuery;
    bool mOk = false;
};

QString action(const QString &text) {
    const QString upper = text.trimmed().toUpper();
    return upper.isEmpty() ? u"NO ACTION"_s : upper;
}

QString postgresAction(const QString &code) {
    static const QHash<QString, QString> actions{{u"a"_s, u"NO ACTION"_s},
                                                 {u"r"_s, u"RESTRICT"_s},
                                                 {u"c"_s, u"CASCADE"_s},
                                                 {u"n"_s, u"SET NULL"_s},
                                                 {u"d"_s, u"SET DEFAULT"_s}};
    return actions.value(code, u"NO ACTION"_s);
}

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
    static const QRegularExpression autoincrement(uR"(\bAUTOINCREMENT\b)"_s,
                                                  QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression withoutRowid(uR"(\bWITHOUT\s+ROWID\b)"_s,
                                                 QRegularExpression::CaseInsensitiveOption);
    for (CatalogTable &table : catalog.tables) {
        const QString sql = sqlOf.value(table.name);
        const QHash<QString, QStringList> checks = sqliteEnumChecks(sql);
        Statement columns(
            mConnection,
            u"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?) ORDER BY cid"_s,
            {table.name});
        if (!columns.ok(error, tr("the columns of %1").arg(table.name)))
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

        Statement indexes(
            mConnection,
            u"SELECT name, origin FROM pragma_index_list(?) WHERE \"unique\" = 1 AND origin <> 'pk' "
            "AND partial = 0 ORDER BY name"_s,
            {table.name});
        if (!indexes.ok(error, tr("the indexes of %1").arg(table.name)))
            return false;
        QList<CatalogUniqueKey> unique;
        while (indexes.next())
            unique.append({indexes.text(0), {}, indexes.text(1) == u"c"_s});
        for (CatalogUniqueKey &index : unique) {
            Statement parts(mConnection, u"SELECT name FROM pragma_index_info(?) ORDER BY seqno"_s,
                            {index.name});
            if (!parts.ok(error, tr("the index %1").arg(index.name)))
                return false;
            bool expression = false;
            while (parts.next()) {
                expression = expression || parts.isNull(0);
                index.columns << parts.text(0);
            }
            if (!expression && !index.columns.isEmpty() && index.columns != table.primaryKey)
                table.uniqueKeys.append(index);
        }

        Statement keys(mConnection,
                       u"SELECT id, \"table\", \"from\", \"to\", on_delete, on_update FROM "
                       "pragma_foreign_key_list(?) ORDER BY id, seq"_s,
                       {table.name});
        if (!keys.ok(error, tr("the foreign keys of %1").arg(table.name)))
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
    }
    // `REFERENCES t` without a column names t's primary key.
    for (CatalogTable &table : catalog.tables) {
        for (CatalogForeignKey &key : table.foreignKeys) {
            const CatalogTable *referenced = nullptr;
            for (const CatalogTable &candidate : std::as_const(catalog.tables))
                if (candidate.name.compare(key.referencedTable, Qt::CaseInsensitive) == 0)
                    referenced = &candidate;
            if (referenced)
                key.referencedTable = referenced->name; // SQLite matches table names ignoring case
            if (referenced && key.referencedColumns.contains(QString()) &&
                referenced->primaryKey.size() == key.columns.size())
                key.referencedColumns = referenced->primaryKey;
        }
    }
    return true;
}

bool DatabaseCatalogReader::readPostgres(DatabaseCatalog &catalog, QString *error) {
    if (catalog.schema.isEmpty()) {
        Statement current(mConnection, u"SELECT current_schema()"_s);
        if (!current.ok(error, tr("the current schema")) || !current.next())
            return false;
        catalog.schema = current.text(0);
    }
    const QVariantList schema{catalog.schema};
    const QString inSchema = u"(SELECT oid FROM pg_namespace WHERE nspname = ?)"_s;
    Statement relations(
        mConnection,
        u"SELECT c.oid, c.relname, c.relkind, c.relispartition, "
        "COALESCE(obj_description(c.oid, 'pg_class'), ''), "
        "has_schema_privilege(c.relnamespace, 'USAGE') AND has_table_privilege(c.oid, 'SELECT') "
        "FROM pg_class c "
        "WHERE c.relnamespace = "_s +
            inSchema + u" AND c.relkind IN ('r', 'p', 'v', 'm', 'f') ORDER BY c.relname"_s,
        schema);
    if (!relations.ok(error, tr("the list of tables")))
        return false;
    QHash<QString, int> tableOf; // oid -> index into catalog.tables
    bool any = false;
    while (relations.next()) {
        any = true;
        const QString kind = relations.text(2);
        const QString name = relations.text(1);
        if (kind == u"v"_s || kind == u"m"_s)
            catalog.skipped.append({u"view"_s, name, tr("views are not imported")});
        else if (kind == u"f"_s)
            catalog.skipped.append({u"table"_s, name, tr("a foreign table; not imported")});
        else if (relations.flag(3))
            catalog.skipped.append({u"table"_s, name, tr("a partition; its partitioned table is imported")});
        else if (!relations.flag(5))
            // The catalog shows it, but the Data mode could not read its rows: the design would promise what
            // the user cannot use. The rest imports; this one is named.
            catalog.skipped.append(
                {u"table"_s, name,
                 tr("%1 may not read it (no USAGE on schema %2 or no SELECT on the table); not imported")
                     .arg(mConnection.url().user.isEmpty() ? tr("this user") : mConnection.url().user,
                          catalog.schema)});
        else {
            tableOf.insert(relations.text(0), int(catalog.tables.size()));
            catalog.tables.append(CatalogTable{name, relations.text(4)});
        }
    }
    if (!any) {
        Statement exists(mConnection, u"SELECT 1 FROM pg_namespace WHERE nspname = ?"_s, schema);
        if (exists.ok(error, tr("the schema")) && !exists.next()) {
            if (error)
                *error =
                    tr("there is no schema %1 in %2").arg(catalog.schema, mConnection.url().displayString());
            return false;
        }
    }

    QHash<QString, QStringList> enumLabels; // type oid -> labels in order
    Statement labels(
        mConnection,
        u"SELECT e.enumtypid, e.enumlabel FROM pg_enum e ORDER BY e.enumtypid, e.enumsortorder"_s);
    if (!labels.ok(error, tr("the enum types")))
        return false;
    while (labels.next())
        enumLabels[labels.text(0)] << labels.text(1);

    // Domains read as their base type.
    Statement columns(
        mConnection,
        u"SELECT a.attrelid, a.attname, "
        "CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) "
        "ELSE format_type(a.atttypid, a.atttypmod) END, "
        "a.attnotnull OR (t.typtype = 'd' AND t.typnotnull), pg_get_expr(d.adbin, d.adrelid), a.attidentity, "
        "a.attgenerated, t.typtype, t.typname, a.atttypid, COALESCE(col_description(a.attrelid, a.attnum), "
        "'') "
        "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_type t ON t.oid = a.atttypid "
        "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
        "WHERE c.relnamespace = "_s +
            inSchema +
            u" AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped "
            "ORDER BY a.attrelid, a.attnum"_s,
        schema);
    if (!columns.ok(error, tr("the columns")))
        return false;
    while (columns.next()) {
        const int index = tableOf.value(columns.text(0), -1);
        if (index < 0)
            continue;
        CatalogColumn column;
        column.name = columns.text(1);
        column.type = columns.text(2);
        column.notNull = columns.flag(3);
        const bool generated = !columns.text(6).isEmpty();
        if (!columns.isNull(4) && !generated)
            column.defaultText = columns.text(4);
        column.autoIncrement = !columns.text(5).isEmpty(); // GENERATED ... AS IDENTITY
        if (columns.text(7) == u"e"_s) {
            column.enumTypeName = columns.text(8);
            column.enumValues = enumLabels.value(columns.text(9));
            column.type = column.enumTypeName;
        }
        column.comment = columns.text(10);
        catalog.tables[index].columns.append(column);
    }

    // Keys from pg_constraint: conkey and confkey pair the columns of a composite key in order.
    const QString keyColumns =
        u"(SELECT string_agg(a.attname, E'\\x1f' ORDER BY k.o) FROM unnest(%1) WITH ORDINALITY k(n, o) "
        "JOIN pg_attribute a ON a.attrelid = %2 AND a.attnum = k.n)"_s;
    Statement constraints(
        mConnection,
        u"SELECT con.conrelid, con.conname, con.contype, "_s +
            keyColumns.arg(u"con.conkey"_s, u"con.conrelid"_s) + u", "_s +
            keyColumns.arg(u"con.confkey"_s, u"con.confrelid"_s) +
            u", CASE WHEN rn.nspname = ? THEN r.relname ELSE rn.nspname || '.' || r.relname END, "
            "con.confdeltype, con.confupdtype FROM pg_constraint con "
            "LEFT JOIN pg_class r ON r.oid = con.confrelid "
            "LEFT JOIN pg_namespace rn ON rn.oid = r.relnamespace "
            "WHERE con.connamespace = "_s +
            inSchema + u" AND con.contype IN ('p', 'u', 'f') ORDER BY con.conname"_s,
        {catalog.schema, catalog.schema});
    if (!constraints.ok(error, tr("the keys")))
        return false;
    while (constraints.next()) {
        const int index = tableOf.value(constraints.text(0), -1);
        if (index < 0)
            continue;
        CatalogTable &table = catalog.tables[index];
        const QString type = constraints.text(2);
        const QStringList own = constraints.text(3).split(kSeparator);
        if (type == u"p"_s)
            table.primaryKey = own;
        else if (type == u"u"_s)
            table.uniqueKeys.append({constraints.text(1), own, false});
        else
            table.foreignKeys.append(
                {constraints.text(1), own, constraints.text(5), constraints.text(4).split(kSeparator),
                 postgresAction(constraints.text(6)), postgresAction(constraints.text(7))});
    }

    // Unique indexes that no constraint stands for (sequelize-auto cannot see these); partial and expression
    // indexes are not unique columns.
    Statement indexes(
        mConnection,
        u"SELECT i.indrelid, ic.relname, "_s + keyColumns.arg(u"i.indkey::int2[]"_s, u"i.indrelid"_s) +
            u" FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid "
            "WHERE ic.relnamespace = "_s +
            inSchema +
            u" AND i.indisunique AND NOT i.indisprimary AND i.indpred IS NULL AND i.indexprs IS NULL "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid "
            "AND con.contype IN ('p', 'u')) ORDER BY ic.relname"_s,
        schema);
    if (!indexes.ok(error, tr("the unique indexes")))
        return false;
    while (indexes.next()) {
        const int index = tableOf.value(indexes.text(0), -1);
        if (index >= 0)
            catalog.tables[index].uniqueKeys.append(
                {indexes.text(1), indexes.text(2).split(kSeparator), true});
    }

    Statement triggers(mConnection,
                       u"SELECT t.tgname, c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                       "WHERE NOT t.tgisinternal AND c.relnamespace = "_s +
                           inSchema + u" ORDER BY t.tgname"_s,
                       schema);
    if (!triggers.ok(error, tr("the triggers")))
        return false;
    while (triggers.next())
        catalog.skipped.append(
            {u"trigger"_s, triggers.text(0), tr("trigger on %1; not imported").arg(triggers.text(1))});
    return true;
}

bool DatabaseCatalogReader::readMySql(DatabaseCatalog &catalog, QString *error) {
    if (catalog.schema.isEmpty())
        catalog.schema = mConnection.url().database;
    const QVariantList schema{catalog.schema};
    Statement version(mConnection, u"SELECT VERSION()"_s);
    if (!version.ok(error, tr("the server version")) || !version.next())
        return false;
    // MariaDB 10.2.7 and later quote a literal default ('new') and spell NULL for "no default" on a nullable
    // column; MySQL gives the bare value and marks expressions DEFAULT_GENERATED.
    const bool mariadb = version.text(0).contains(u"MariaDB"_s, Qt::CaseInsensitive);

    Statement tables(mConnection,
                     u"SELECT TABLE_NAME, TABLE_TYPE, TABLE_COMMENT FROM information_schema.TABLES "
                     "WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME"_s,
                     schema);
    if (!tables.ok(error, tr("the list of tables")))
        return false;
    QHash<QString, int> tableOf;
    while (tables.next()) {
        const QString name = tables.text(0);
        const QString type = tables.text(1);
        if (type == u"VIEW"_s) {
            catalog.skipped.append({u"view"_s, name, tr("views are not imported")});
        } else if (type == u"SEQUENCE"_s) {
            catalog.skipped.append({u"sequence"_s, name, tr("sequences are not imported")});
        } else {
            tableOf.insert(name, int(catalog.tables.size()));
            catalog.tables.append(CatalogTable{name, tables.text(2)});
        }
    }
    if (tableOf.isEmpty()) {
        Statement exists(mConnection, u"SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?"_s,
                         schema);
        if (exists.ok(error, tr("the database")) && !exists.next()) {
            if (error)
                *error = tr("there is no database %1 on %2")
                             .arg(catalog.schema, mConnection.url().displayString());
            return false;
        }
    }

    QSet<QString> jsonColumns; // "table\x1fcolumn": MariaDB's JSON is LONGTEXT with CHECK (json_valid(...))
    static const QRegularExpression jsonValid(uR"(^\s*json_valid\(\s*`((?:[^`]|``)+)`\s*\)\s*$)"_s,
                                              QRegularExpression::CaseInsensitiveOption);
    {
        Statement checks(mConnection,
                         u"SELECT TABLE_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS "
                         "WHERE CONSTRAINT_SCHEMA = ?"_s,
                         schema);
        // MySQL 8's CHECK_CONSTRAINTS has no TABLE_NAME; it has a JSON type of its own, so nothing is lost.
        if (checks.ok(nullptr, {}))
            while (checks.next()) {
                const QRegularExpressionMatch m = jsonValid.match(checks.text(1));
                if (m.hasMatch())
                    jsonColumns.insert(checks.text(0) + kSeparator + m.captured(1).replace(u"``"_s, u"`"_s));
            }
    }

    Statement columns(mConnection,
                      u"SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, "
                      "COLUMN_COMMENT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? "
                      "ORDER BY TABLE_NAME, ORDINAL_POSITION"_s,
                      schema);
    if (!columns.ok(error, tr("the columns")))
        return false;
    while (columns.next()) {
        const int index = tableOf.value(columns.text(0), -1);
        if (index < 0)
            continue;
        CatalogColumn column;
        column.name = columns.text(1);
        column.type = columns.text(2);
        column.notNull = columns.text(3) == u"NO"_s;
        const QString extra = columns.text(5).toLower();
        column.autoIncrement = extra.contains(u"auto_increment"_s);
        const bool generated =
            extra.contains(u"virtual"_s) || extra.contains(u"stored"_s) || extra.contains(u"persistent"_s);
        if (!columns.isNull(4) && !generated) {
            QString text = columns.text(4);
            if (!mariadb && !extra.contains(u"default_generated"_s))
                text = u'\'' + text.replace(u"'"_s, u"''"_s) + u'\''; // MySQL: the bare literal
            column.defaultText = text;
        }
        column.jsonChecked = jsonColumns.contains(columns.text(0) + kSeparator + column.name);
        column.comment = columns.text(6);
        catalog.tables[index].columns.append(column);
    }

    // Unique keys, constraints or indexes alike (MariaDB makes an index of each), and the primary key. A
    // prefix index (SUB_PART) does not make the column unique.
    Statement keys(
        mConnection,
        u"SELECT TABLE_NAME, INDEX_NAME, COLUMN_NAME, SUB_PART FROM information_schema.STATISTICS "
        "WHERE TABLE_SCHEMA = ? AND NON_UNIQUE = 0 ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX"_s,
        schema);
    if (!keys.ok(error, tr("the unique indexes")))
        return false;
    QMap<QPair<int, QString>, CatalogUniqueKey> unique;
    QSet<QPair<int, QString>> prefixed;
    while (keys.next()) {
        const int index = tableOf.value(keys.text(0), -1);
        if (index < 0)
            continue;
        if (keys.text(1) == u"PRIMARY"_s) {
            catalog.tables[index].primaryKey << keys.text(2);
            continue;
        }
        CatalogUniqueKey &key = unique[{index, keys.text(1)}];
        key.name = keys.text(1);
        key.index = true;
        key.columns << keys.text(2);
        if (!keys.isNull(3) || keys.isNull(2))
            prefixed.insert({index, keys.text(1)});
    }
    for (auto it = unique.cbegin(); it != unique.cend(); ++it)
        if (!prefixed.contains(it.key()))
            catalog.tables[it.key().first].uniqueKeys.append(it.value());

    Statement foreign(
        mConnection,
        u"SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_SCHEMA, "
        "k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, r.DELETE_RULE, r.UPDATE_RULE "
        "FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.REFERENTIAL_CONSTRAINTS r "
        "ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME "
        "AND r.TABLE_NAME = k.TABLE_NAME WHERE k.TABLE_SCHEMA = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL "
        "ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION"_s,
        schema);
    if (!foreign.ok(error, tr("the foreign keys")))
        return false;
    QMap<QPair<int, QString>, CatalogForeignKey> byName;
    while (foreign.next()) {
        const int index = tableOf.value(foreign.text(0), -1);
        if (index < 0)
            continue;
        CatalogForeignKey &key = byName[{index, foreign.text(1)}];
        key.name = foreign.text(1);
        key.columns << foreign.text(2);
        key.referencedTable =
            foreign.text(3) == catalog.schema ? foreign.text(4) : foreign.text(3) + u'.' + foreign.text(4);
        key.referencedColumns << foreign.text(5);
        key.onDelete = action(foreign.text(6));
        key.onUpdate = action(foreign.text(7));
    }
    for (auto it = byName.cbegin(); it != byName.cend(); ++it)
        catalog.tables[it.key().first].foreignKeys.append(it.value());

    Statement triggers(mConnection,
                       u"SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE FROM information_schema.TRIGGERS "
                       "WHERE TRIGGER_SCHEMA = ? ORDER BY TRIGGER_NAME"_s,
                       schema);
    if (!triggers.ok(error, tr("the triggers")))
        return false;
    while (triggers.next())
        catalog.skipped.append(
            {u"trigger"_s, triggers.text(0), tr("trigger on %1; not imported").arg(triggers.text(1))});
    return true;
}

} // namespace modeldesk
