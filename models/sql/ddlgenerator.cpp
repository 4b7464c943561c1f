#include "sql/ddlgenerator.h"

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

bool inlinePrimaryKey(const Table &table, const Column &column, SqlDialect::Kind kind) {
    // SQLite's AUTOINCREMENT only exists on an inline INTEGER PRIMARY KEY.
    return kind == SqlDialect::Kind::Sqlite && column.primaryKey && table.singleKey();
}

} // namespace

QString DdlGenerator::references(const ColumnReference &reference) const {
    QString sql =
        u"REFERENCES %1 (%2)"_s.arg(mDialect.quote(reference.table), mDialect.quote(reference.column));
    if (!reference.onDelete.isEmpty())
        sql += u" ON DELETE "_s + reference.onDelete;
    if (!reference.onUpdate.isEmpty())
        sql += u" ON UPDATE "_s + reference.onUpdate;
    return sql;
}

QString DdlGenerator::columnDefinition(const Table &table, const Column &column) const {
    const SqlDialect::Kind kind = mDialect.kind();
    QString sql = mDialect.quote(column.name) + u' ' + mDialect.columnType(table, column);
    if (inlinePrimaryKey(table, column, kind)) {
        sql += u" PRIMARY KEY"_s;
        if (column.autoIncrement)
            sql += u" AUTOINCREMENT"_s;
    } else {
        // SERIAL implies NOT NULL; Sequelize leaves it out there.
        const bool serial = column.autoIncrement && kind == SqlDialect::Kind::Postgres;
        if (!column.nullable && !serial)
            sql += u" NOT NULL"_s;
        if (column.autoIncrement && kind == SqlDialect::Kind::MySql)
            sql += u" auto_increment"_s;
    }
    if (column.hasDefault()) {
        const QString literal = mDialect.defaultLiteral(column);
        if (!literal.isEmpty())
            sql += u" DEFAULT "_s + literal;
    }
    if (column.unique && !column.primaryKey)
        sql += u" UNIQUE"_s;
    if (kind == SqlDialect::Kind::MySql && !column.comment.isEmpty())
        sql += u" COMMENT "_s + mDialect.stringLiteral(column.comment);
    // MySQL ignores REFERENCES on a column; it gets a table-level FOREIGN KEY instead.
    if (column.references && kind != SqlDialect::Kind::MySql)
        sql += u' ' + references(*column.references);
    return sql;
}

QString DdlGenerator::createTable(const Table &table) const {
    const SqlDialect::Kind kind = mDialect.kind();
    QStringList parts;
    for (const Column &column : table.columns)
        parts << columnDefinition(table, column);
    const bool pkInline = kind == SqlDialect::Kind::Sqlite && table.singleKey();
    if (!table.primaryKey.isEmpty() && !pkInline) {
        QStringList quoted;
        for (const QString &c : table.primaryKey)
            quoted << mDialect.quote(c);
        parts << u"PRIMARY KEY (%1)"_s.arg(quoted.join(u", "_s));
    }
    for (const QStringList &unique : table.uniqueKeys) {
        QStringList quoted;
        for (const QString &c : unique)
            quoted << mDialect.quote(c);
        parts << u"UNIQUE (%1)"_s.arg(quoted.join(u", "_s));
    }
    if (kind == SqlDialect::Kind::MySql)
        for (const Column &column : table.columns)
            if (column.references)
                parts << u"FOREIGN KEY (%1) %2"_s.arg(mDialect.quote(column.name),
                                                      references(*column.references));

    QString sql =
        u"CREATE TABLE IF NOT EXISTS %1 (%2)"_s.arg(mDialect.quote(table.name), parts.join(u", "_s));
    if (kind == SqlDialect::Kind::MySql) {
        sql += u" ENGINE=InnoDB"_s;
        if (!table.comment.isEmpty())
            sql += u" COMMENT "_s + mDialect.stringLiteral(table.comment);
    }
    return sql;
}

QStringList DdlGenerator::enumTypeStatements(const Table &table) const {
    QStringList statements;
    if (mDialect.kind() != SqlDialect::Kind::Postgres)
        return statements;
    for (const Column &column : table.columns) {
        if (column.type.kind != DataType::Kind::Enum)
            continue;
        QStringList values;
        for (const QString &v : column.type.values)
            values << mDialect.stringLiteral(v);
        // PostgreSQL has no CREATE TYPE IF NOT EXISTS; the exception block keeps sync idempotent.
        const QString body =
            u" BEGIN CREATE TYPE %1 AS ENUM (%2); EXCEPTION WHEN duplicate_object THEN NULL; END "_s.arg(
                mDialect.quote(SqlDialect::enumTypeName(table, column)), values.join(u", "_s));
        const QString tag = SqlDialect::dollarQuoteTag(body);
        statements << u"DO "_s + tag + body + tag;
    }
    return statements;
}

QStringList DdlGenerator::createTableStatements(const Table &table) const {
    QStringList statements = enumTypeStatements(table);
    statements << createTable(table);
    if (mDialect.kind() == SqlDialect::Kind::Postgres) {
        if (!table.comment.isEmpty())
            statements << u"COMMENT ON TABLE %1 IS %2"_s.arg(mDialect.quote(table.name),
                                                             mDialect.stringLiteral(table.comment));
        for (const Column &column : table.columns)
            if (!column.comment.isEmpty())
                statements << u"COMMENT ON COLUMN %1.%2 IS %3"_s.arg(mDialect.quote(table.name),
                                                                     mDialect.quote(column.name),
                                                                     mDialect.stringLiteral(column.comment));
    }
    return statements;
}

QStringList DdlGenerator::createStatements(const ResolvedSchema &schema) const {
    QStringList statements;
    for (const Table &table : schema.tables)
        statements << createTableStatements(table);
    return statements;
}

QStringList DdlGenerator::addColumnStatements(const Table &table, const Column &column) const {
    Column added = column;
    added.primaryKey = false;
    added.autoIncrement = false;
    const bool uniqueIndex = added.unique && mDialect.kind() == SqlDialect::Kind::Sqlite;
    if (uniqueIndex)
        added.unique = false; // "Cannot add a UNIQUE column"
    QStringList statements;
    if (added.type.kind == DataType::Kind::Enum)
        statements << enumTypeStatements(Table{table.model, table.name, {}, {added}});
    statements << u"ALTER TABLE %1 ADD COLUMN %2"_s.arg(mDialect.quote(table.name),
                                                        columnDefinition(table, added));
    if (mDialect.kind() == SqlDialect::Kind::MySql && added.references)
        statements << u"ALTER TABLE %1 ADD FOREIGN KEY (%2) %3"_s.arg(
            mDialect.quote(table.name), mDialect.quote(added.name), references(*added.references));
    if (uniqueIndex)
        statements << addUniqueStatements(table, column);
    return statements;
}

QStringList DdlGenerator::setNullabilityStatements(const Table &table, const Column &column,
                                                   const LiveColumn &live) const {
    const QString alter = u"ALTER TABLE "_s + mDialect.quote(table.name);
    switch (mDialect.kind()) {
    case SqlDialect::Kind::Sqlite:
        return {};
    case SqlDialect::Kind::Postgres:
        return {alter + u" ALTER COLUMN %1 %2 NOT NULL"_s.arg(mDialect.quote(column.name),
                                                              column.nullable ? u"DROP"_s : u"SET"_s)};
    case SqlDialect::Kind::MySql:
        break;
    }
    // The type as the catalog has it (sync never retypes), the design's NULL and DEFAULT, and everything else
    // the column already has, which MODIFY would otherwise drop.
    QString sql = alter + u" MODIFY COLUMN %1 %2"_s.arg(mDialect.quote(column.name), live.type);
    if (!live.charset.isEmpty())
        sql += u" CHARACTER SET "_s + live.charset;
    if (!live.collation.isEmpty())
        sql += u" COLLATE "_s + live.collation;
    sql += column.nullable ? u" NULL"_s : u" NOT NULL"_s;
    if (column.hasDefault()) {
        const QString literal = mDialect.defaultLiteral(column);
        if (!literal.isEmpty())
            sql += u" DEFAULT "_s + literal;
    }
    if (!live.comment.isEmpty())
        sql += u" COMMENT "_s + mDialect.stringLiteral(live.comment);
    if (!live.check.isEmpty())
        sql += u" CHECK ("_s + live.check + u')';
    return {sql};
}

QStringList DdlGenerator::setDefaultStatements(const Table &table, const Column &column) const {
    const QString literal = column.hasDefault() ? mDialect.defaultLiteral(column) : QString();
    const QString change =
        literal.isEmpty() || literal == u"NULL"_s ? u"DROP DEFAULT"_s : u"SET DEFAULT "_s + literal;
    return {u"ALTER TABLE %1 ALTER COLUMN %2 %3"_s.arg(mDialect.quote(table.name),
                                                       mDialect.quote(column.name), change)};
}

QStringList DdlGenerator::addUniqueStatements(const Table &table, const Column &column) const {
    if (mDialect.kind() == SqlDialect::Kind::Sqlite)
        return {u"CREATE UNIQUE INDEX %1 ON %2 (%3)"_s.arg(
            mDialect.quote(table.name + u'_' + column.name + u"_unique"_s), mDialect.quote(table.name),
            mDialect.quote(column.name))};
    return {u"ALTER TABLE %1 ADD UNIQUE (%2)"_s.arg(mDialect.quote(table.name), mDialect.quote(column.name))};
}

QString DdlGenerator::script(const ResolvedSchema &schema, const QString &origin) const {
    QString out = u"-- Generated by ModelDesk"_s;
    if (!origin.isEmpty())
        out += u" from "_s + SqlDialect::commentText(origin);
    out += u" for "_s + mDialect.name() +
           u".\n-- Tables are in dependency order; every identifier is quoted.\n"_s;
    if (mDialect.kind() == SqlDialect::Kind::Sqlite)
        out += u"PRAGMA foreign_keys = ON;\n"_s;
    for (const Table &table : schema.tables) {
        out += u'\n';
        for (const QString &statement : createTableStatements(table))
            out += statement + u";\n"_s;
    }
    return out;
}

} // namespace modeldesk
