#pragma once

// What an engine's catalog says about the tables of a database (columns with types, nullability and
// defaults, primary key, unique keys, foreign keys with actions), read the same way for SQLite, PostgreSQL
// and MariaDB, and compared with a ResolvedSchema. Shared by tst_ddl_engines and tst_sequelize_runtime.

#include "schema/resolvedschema.h"
#include "sql/sqldialect.h"

#include <QMap>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

#include <algorithm>

namespace modeldesk::test {

using namespace Qt::StringLiterals;

struct ForeignKey {
    QString column;
    QString table;
    QString referenced;
    QString onDelete;
    QString onUpdate;
    friend bool operator<(const ForeignKey &a, const ForeignKey &b) { return a.column < b.column; }
    QString toString() const {
        return u"%1 -> %2(%3) ON DELETE %4 ON UPDATE %5"_s.arg(column, table, referenced, onDelete, onUpdate);
    }
};

struct CatalogColumn {
    QString name;
    QString type; // as the engine's catalog spells it (see expectedType)
    bool notNull = false;
    QString defaultText; // empty when the column has no default (or DEFAULT NULL)
    QStringList enumValues;
};

struct CatalogTable {
    QList<CatalogColumn> columns;
    QStringList primaryKey;
    QList<QStringList> uniqueKeys; // each sorted; the list sorted
    QList<ForeignKey> foreignKeys; // sorted by column
};

// Reads what one engine's catalog says about the tables in the current database.
class Catalog {
public:
    Catalog(QSqlDatabase db, SqlDialect::Kind kind)
        : mDb(db)
        , mKind(kind) {}

    QStringList tables() {
        switch (mKind) {
        case SqlDialect::Kind::Sqlite:
            return strings(
                u"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"_s);
        case SqlDialect::Kind::Postgres:
            return strings(u"SELECT tablename FROM pg_tables WHERE schemaname = 'public'"_s);
        case SqlDialect::Kind::MySql:
            return strings(
                u"SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"_s);
        }
        return {};
    }

    CatalogTable table(const QString &name) {
        CatalogTable t;
        switch (mKind) {
        case SqlDialect::Kind::Sqlite:
            readSqlite(name, &t);
            break;
        case SqlDialect::Kind::Postgres:
            readPostgres(name, &t);
            break;
        case SqlDialect::Kind::MySql:
            readMySql(name, &t);
            break;
        }
        for (QStringList &key : t.uniqueKeys)
            key.sort();
        std::sort(t.uniqueKeys.begin(), t.uniqueKeys.end());
        std::sort(t.foreignKeys.begin(), t.foreignKeys.end());
        return t;
    }

    QString lastError() const { return mError; }

private:
    QSqlQuery run(const QString &sql, const QVariantList &values = {}) {
        QSqlQuery query(mDb);
        query.prepare(sql);
        for (const QVariant &v : values)
            query.addBindValue(v);
        if (!query.exec())
            mError += sql + u": "_s + query.lastError().text() + u'\n';
        return query;
    }

    QStringList strings(const QString &sql, const QVariantList &values = {}) {
        QSqlQuery query = run(sql, values);
        QStringList out;
        while (query.next())
            out << query.value(0).toString();
        out.sort();
        return out;
    }

    void readSqlite(const QString &name, CatalogTable *t) {
        QSqlQuery columns =
            run(u"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?)"_s, {name});
        QMap<int, QString> pk;
        while (columns.next()) {
            CatalogColumn c{columns.value(0).toString(), columns.value(1).toString(),
                            columns.value(2).toBool()};
            if (!columns.value(3).isNull() && columns.value(3).toString() != u"NULL"_s)
                c.defaultText = columns.value(3).toString();
            if (columns.value(4).toInt() > 0)
                pk.insert(columns.value(4).toInt(), c.name);
            t->columns << c;
        }
        t->primaryKey = pk.values();
        QSqlQuery indexes =
            run(u"SELECT name FROM pragma_index_list(?) WHERE \"unique\" = 1 AND origin = 'u'"_s, {name});
        while (indexes.next())
            t->uniqueKeys << strings(u"SELECT name FROM pragma_index_info(?)"_s, {indexes.value(0)});
        QSqlQuery fks =
            run(u"SELECT \"from\", \"table\", \"to\", on_delete, on_update FROM pragma_foreign_key_list(?)"_s,
                {name});
        while (fks.next())
            t->foreignKeys << ForeignKey{fks.value(0).toString(), fks.value(1).toString(),
                                         fks.value(2).toString(), fks.value(3).toString(),
                                         fks.value(4).toString()};
    }

    void readPostgres(const QString &name, CatalogTable *t) {
        const QString relation =
            u"(SELECT c.oid FROM pg_class c WHERE c.relname = ? AND c.relnamespace = 'public'::regnamespace)"_s;
        QSqlQuery columns =
            run(u"SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, "
                u"d.adrelid), "
                "t.typtype, t.typname, "
                "(SELECT string_agg(e.enumlabel, E'\\x1f' ORDER BY e.enumsortorder) FROM pg_enum e WHERE "
                "e.enumtypid = t.oid) "
                "FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid "
                "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                "WHERE a.attrelid = "_s +
                    relation + u" AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum"_s,
                {name});
        while (columns.next()) {
            CatalogColumn c{columns.value(0).toString(), columns.value(1).toString(),
                            columns.value(2).toBool(), columns.value(3).toString()};
            if (columns.value(4).toString() == u"e"_s) {
                c.type = columns.value(5).toString();
                c.enumValues = columns.value(6).toString().split(QChar(0x1f));
            }
            t->columns << c;
        }
        const QString keyColumns =
            u"SELECT array_to_string(ARRAY(SELECT a.attname FROM unnest(i.indkey::int2[]) WITH ORDINALITY "
            u"k(n, o) "
            "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n ORDER BY k.o), E'\\x1f') "
            "FROM pg_index i WHERE i.indrelid = "_s +
            relation;
        t->primaryKey = strings(keyColumns + u" AND i.indisprimary"_s, {name}).value(0).split(QChar(0x1f));
        for (const QString &key :
             strings(keyColumns + u" AND i.indisunique AND NOT i.indisprimary"_s, {name}))
            t->uniqueKeys << key.split(QChar(0x1f));
        QSqlQuery fks = run(
            u"SELECT a.attname, dst.relname, b.attname, c.confdeltype, c.confupdtype FROM pg_constraint c "
            "JOIN pg_class dst ON dst.oid = c.confrelid "
            "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] "
            "JOIN pg_attribute b ON b.attrelid = c.confrelid AND b.attnum = c.confkey[1] "
            "WHERE c.contype = 'f' AND c.conrelid = "_s +
                relation,
            {name});
        const QHash<QString, QString> actions{{u"a"_s, u"NO ACTION"_s},
                                              {u"r"_s, u"RESTRICT"_s},
                                              {u"c"_s, u"CASCADE"_s},
                                              {u"n"_s, u"SET NULL"_s},
                                              {u"d"_s, u"SET DEFAULT"_s}};
        while (fks.next())
            t->foreignKeys << ForeignKey{fks.value(0).toString(), fks.value(1).toString(),
                                         fks.value(2).toString(), actions.value(fks.value(3).toString()),
                                         actions.value(fks.value(4).toString())};
    }

    void readMySql(const QString &name, CatalogTable *t) {
        QSqlQuery columns = run(
            u"SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT FROM information_schema.COLUMNS "
            "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION"_s,
            {name});
        while (columns.next()) {
            CatalogColumn c{columns.value(0).toString(), columns.value(1).toString(),
                            columns.value(2).toString() == u"NO"_s};
            if (!columns.value(3).isNull() && columns.value(3).toString() != u"NULL"_s)
                c.defaultText = columns.value(3).toString();
            t->columns << c;
        }
        QSqlQuery keys = run(u"SELECT INDEX_NAME, COLUMN_NAME FROM information_schema.STATISTICS WHERE "
                             u"TABLE_SCHEMA = DATABASE() "
                             "AND TABLE_NAME = ? AND NON_UNIQUE = 0 ORDER BY INDEX_NAME, SEQ_IN_INDEX"_s,
                             {name});
        QMap<QString, QStringList> unique;
        while (keys.next()) {
            if (keys.value(0).toString() == u"PRIMARY"_s)
                t->primaryKey << keys.value(1).toString();
            else
                unique[keys.value(0).toString()] << keys.value(1).toString();
        }
        t->uniqueKeys = unique.values();
        QSqlQuery fks = run(
            u"SELECT k.COLUMN_NAME, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, r.DELETE_RULE, "
            u"r.UPDATE_RULE "
            "FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.REFERENTIAL_CONSTRAINTS r "
            "ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND "
            "r.TABLE_NAME = k.TABLE_NAME "
            "WHERE k.TABLE_SCHEMA = DATABASE() AND k.TABLE_NAME = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL"_s,
            {name});
        while (fks.next())
            t->foreignKeys << ForeignKey{fks.value(0).toString(), fks.value(1).toString(),
                                         fks.value(2).toString(), fks.value(3).toString(),
                                         fks.value(4).toString()};
    }

    QSqlDatabase mDb;
    SqlDialect::Kind mKind;
    QString mError;
};

// The type as each catalog reports it for a column ModelDesk created.
inline QString expectedType(const SqlDialect &dialect, const Table &table, const Column &column) {
    using K = DataType::Kind;
    const DataType &t = column.type;
    if (dialect.kind() == SqlDialect::Kind::Sqlite)
        return dialect.columnType(table, column); // SQLite keeps the declared type verbatim
    const bool pg = dialect.kind() == SqlDialect::Kind::Postgres;
    const QString decimal = t.precision > 0 ? u"(%1,%2)"_s.arg(t.precision).arg(std::max(t.scale, 0))
                                            : (pg ? QString() : u"(10,0)"_s);
    switch (t.kind) {
    case K::String:
        return (pg ? u"character varying(%1)"_s : u"varchar(%1)"_s).arg(t.effectiveLength());
    case K::Char:
        return (pg ? u"character(%1)"_s : u"char(%1)"_s).arg(t.effectiveLength());
    case K::Text:
        return u"text"_s;
    case K::Integer:
        return pg ? u"integer"_s : u"int(11)"_s;
    case K::BigInt:
        return pg ? u"bigint"_s : u"bigint(20)"_s;
    case K::SmallInt:
        return pg ? u"smallint"_s : u"smallint(6)"_s;
    case K::Float:
        return pg ? u"double precision"_s : u"float"_s;
    case K::Double:
        return pg ? u"double precision"_s : u"double"_s;
    case K::Decimal:
        return (pg ? u"numeric"_s : u"decimal"_s) + decimal;
    case K::Boolean:
        return pg ? u"boolean"_s : u"tinyint(1)"_s;
    case K::Date:
        return pg ? u"timestamp with time zone"_s : u"datetime"_s;
    case K::DateOnly:
        return u"date"_s;
    case K::Time:
        return pg ? u"time without time zone"_s : u"time"_s;
    case K::Uuid:
        return pg ? u"uuid"_s : u"char(36)"_s;
    case K::Enum: {
        if (pg)
            return SqlDialect::enumTypeName(table, column);
        QStringList values;
        for (QString v : t.values)
            values << u'\'' + v.replace(u"\\"_s, u"\\\\"_s).replace(u"'"_s, u"''"_s) + u'\'';
        return u"enum("_s + values.join(u',') + u')';
    }
    case K::Json:
        return pg ? u"json"_s : u"longtext"_s; // MariaDB's JSON is an alias of LONGTEXT
    case K::Blob:
        return pg ? u"bytea"_s : u"blob"_s;
    }
    return {};
}

// Compares one table; returns the differences, one per line.
// Who created the tables. Sequelize's sync() leaves out DEFAULT for NOW/UUIDV4 (it fills them in JavaScript),
// where ModelDesk's DDL keeps DEFAULT CURRENT_TIMESTAMP so that other clients get it too; and it spells some
// literals differently (DEFAULT '0.00' for a DECIMAL), so for it only the presence of a default is compared.
enum class Creator { ModelDesk, Sequelize };

inline QStringList compare(const SqlDialect &dialect, const Table &expected, const CatalogTable &actual,
                           Creator creator = Creator::ModelDesk) {
    QStringList problems;
    const auto where = [&](const QString &column) {
        return expected.name + u'.' + column + u": "_s;
    };
    QStringList expectedNames, actualNames;
    for (const Column &c : expected.columns)
        expectedNames << c.name;
    for (const CatalogColumn &c : actual.columns)
        actualNames << c.name;
    if (expectedNames != actualNames)
        return {expected.name + u": columns "_s + actualNames.join(u", "_s) + u", expected "_s +
                expectedNames.join(u", "_s)};
    for (qsizetype i = 0; i < expected.columns.size(); ++i) {
        const Column &e = expected.columns.at(i);
        const CatalogColumn &a = actual.columns.at(i);
        const QString type = expectedType(dialect, expected, e);
        if (a.type != type)
            problems << where(e.name) + u"type "_s + a.type + u", expected "_s + type;
        // SQLite's INTEGER PRIMARY KEY is the rowid: never NULL, though the catalog does not say NOT NULL.
        const bool rowid =
            dialect.kind() == SqlDialect::Kind::Sqlite && e.primaryKey && expected.primaryKey.size() == 1;
        if (!rowid && a.notNull != !e.nullable)
            problems << where(e.name) +
                            (a.notNull ? u"NOT NULL, expected nullable"_s : u"nullable, expected NOT NULL"_s);
        const QString literal = e.hasDefault() ? dialect.defaultLiteral(e) : QString();
        const bool generatedByJs = creator == Creator::Sequelize && e.defaultValue.isObject();
        const bool expectDefault = !literal.isEmpty() && literal != u"NULL"_s && !generatedByJs;
        const bool serial = e.autoIncrement && dialect.kind() == SqlDialect::Kind::Postgres;
        if (!serial && expectDefault != !a.defaultText.isEmpty())
            problems << where(e.name) + u"default \"%1\", expected \"%2\""_s.arg(a.defaultText, literal);
        // SQLite keeps the default's text as written, PostgreSQL adds a cast: either way the literal
        // (with every quote doubled) must come back whole.
        if (expectDefault && creator == Creator::ModelDesk && dialect.kind() != SqlDialect::Kind::MySql &&
            !a.defaultText.startsWith(literal) && !a.defaultText.startsWith(u'(' + literal) &&
            !(literal == u"CURRENT_TIMESTAMP"_s))
            problems << where(e.name) + u"default \"%1\", expected \"%2\""_s.arg(a.defaultText, literal);
        if (dialect.kind() == SqlDialect::Kind::Postgres && e.type.kind == DataType::Kind::Enum &&
            a.enumValues != e.type.values)
            problems << where(e.name) + u"enum values "_s + a.enumValues.join(u'|') + u", expected "_s +
                            e.type.values.join(u'|');
    }
    if (actual.primaryKey != expected.primaryKey)
        problems << expected.name + u": primary key "_s + actual.primaryKey.join(u", "_s) + u", expected "_s +
                        expected.primaryKey.join(u", "_s);
    QList<QStringList> unique = expected.uniqueKeys;
    for (const Column &c : expected.columns)
        if (c.unique && !c.primaryKey)
            unique << QStringList{c.name};
    for (QStringList &key : unique)
        key.sort();
    std::sort(unique.begin(), unique.end());
    if (actual.uniqueKeys != unique) {
        QStringList a, e;
        for (const QStringList &k : actual.uniqueKeys)
            a << u'(' + k.join(u", "_s) + u')';
        for (const QStringList &k : unique)
            e << u'(' + k.join(u", "_s) + u')';
        problems << expected.name + u": unique keys "_s + a.join(u' ') + u", expected "_s + e.join(u' ');
    }
    QList<ForeignKey> fks;
    for (const Column &c : expected.columns)
        if (c.references)
            fks << ForeignKey{c.name, c.references->table, c.references->column, c.references->onDelete,
                              c.references->onUpdate};
    std::sort(fks.begin(), fks.end());
    QStringList a, e;
    for (const ForeignKey &fk : actual.foreignKeys)
        a << fk.toString();
    for (const ForeignKey &fk : fks)
        e << fk.toString();
    if (a != e)
        problems << expected.name + u": foreign keys ["_s + a.join(u"; "_s) + u"], expected ["_s +
                        e.join(u"; "_s) + u']';
    return problems;
}

// A whole database's catalog as text, one line per fact, to compare two databases and name the first
// difference. `sortColumns` lists each table's columns by name (ALTER TABLE ADD COLUMN appends where a fresh
// CREATE TABLE puts the column in the design's order); `skipTables` leaves out bookkeeping tables.
struct CatalogTextOptions {
    QStringList skipTables;
    bool sortColumns = false;
    // PostgreSQL: every enum type of the schema with its labels, used by a column or not (a migration must
    // leave none behind that a fresh sync lacks).
    bool enumTypes = false;
    // PostgreSQL and MySQL/MariaDB: the tables' and columns' comments (SQLite keeps none).
    bool comments = false;
};

inline QStringList catalogLines(const QSqlDatabase &db, SqlDialect::Kind kind,
                                const CatalogTextOptions &options = {}) {
    Catalog catalog(db, kind);
    QStringList lines;
    for (const QString &name : catalog.tables()) {
        if (options.skipTables.contains(name))
            continue;
        const CatalogTable table = catalog.table(name);
        lines << u"table "_s + name;
        QStringList columns;
        for (const CatalogColumn &c : table.columns)
            columns << u"  %1 %2%3 default=%4 enum=%5"_s.arg(c.name, c.type,
                                                             c.notNull ? u" NOT NULL"_s : QString(),
                                                             c.defaultText, c.enumValues.join(u'|'));
        if (options.sortColumns)
            columns.sort();
        lines << columns;
        lines << u"  primary key ("_s + table.primaryKey.join(u", "_s) + u')';
        for (const QStringList &key : table.uniqueKeys)
            lines << u"  unique ("_s + key.join(u", "_s) + u')';
        for (const ForeignKey &key : table.foreignKeys)
            lines << u"  "_s + key.toString();
    }
    if (options.enumTypes && kind == SqlDialect::Kind::Postgres) {
        QSqlQuery types(db);
        if (!types.exec(
                u"SELECT t.typname, string_agg(e.enumlabel, '|' ORDER BY e.enumsortorder) FROM pg_type t "
                "JOIN pg_enum e ON e.enumtypid = t.oid WHERE t.typnamespace = current_schema()::regnamespace "
                "GROUP BY t.typname ORDER BY t.typname"_s))
            lines << u"catalog error: "_s + types.lastError().text();
        while (types.next())
            lines << u"enum type %1 (%2)"_s.arg(types.value(0).toString(), types.value(1).toString());
    }
    if (options.comments && kind != SqlDialect::Kind::Sqlite) {
        const QString sql =
            kind == SqlDialect::Kind::Postgres
                ? u"SELECT c.relname, a.attname, col_description(c.oid, a.attnum) FROM pg_class c JOIN "
                  "pg_attribute a ON a.attrelid = c.oid WHERE c.relnamespace = "
                  "current_schema()::regnamespace "
                  "AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND col_description(c.oid, "
                  "a.attnum) IS NOT NULL UNION ALL SELECT relname, '', obj_description(oid, 'pg_class') FROM "
                  "pg_class WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r' AND "
                  "obj_description(oid, 'pg_class') IS NOT NULL"_s
                : u"SELECT TABLE_NAME, COLUMN_NAME, COLUMN_COMMENT FROM information_schema.COLUMNS WHERE "
                  "TABLE_SCHEMA = DATABASE() AND COLUMN_COMMENT <> '' UNION ALL SELECT TABLE_NAME, '', "
                  "TABLE_COMMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND "
                  "TABLE_COMMENT <> ''"_s;
        QSqlQuery comments(db);
        if (!comments.exec(sql))
            lines << u"catalog error: "_s + comments.lastError().text();
        QStringList found;
        while (comments.next())
            if (!options.skipTables.contains(comments.value(0).toString()))
                found << u"comment on %1%2: %3"_s.arg(
                    comments.value(0).toString(),
                    comments.value(1).toString().isEmpty() ? QString() : u'.' + comments.value(1).toString(),
                    comments.value(2).toString());
        found.sort();
        lines << found;
    }
    if (!catalog.lastError().isEmpty())
        lines << u"catalog error: "_s + catalog.lastError();
    return lines;
}

// "line N:" with both sides' line, each named; empty when the two are equal.
inline QString firstDifferingLine(const QStringList &a, const QStringList &b, const QString &aName,
                                  const QString &bName) {
    const qsizetype width = std::max(aName.size(), bName.size()) + 2;
    for (qsizetype i = 0; i < std::max(a.size(), b.size()); ++i)
        if (a.value(i) != b.value(i))
            return u"line %1:\n  %2%3\n  %4%5"_s.arg(i + 1).arg(
                (aName + u':').leftJustified(width), a.value(i), (bName + u':').leftJustified(width),
                b.value(i));
    return {};
}

} // namespace modeldesk::test
