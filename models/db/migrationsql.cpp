// MigrationSql: a MigrationPlan as statements per dialect.
#include "db/migrationsql.h"

#include "db/startingversioncheck.h"

#include <QJsonObject>
#include <QSet>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

using DialectKind = SqlDialect::Kind;

struct Rename {
    QString from;
    QString to;
    int index = -1; // of the table or column it renames
};

// A column the way ADD COLUMN or MODIFY states it: no key, no foreign key (added separately, after every
// column exists) and, for MODIFY, no UNIQUE (which would add a second unique index).
Column plainColumn(const Column &column, bool keepUnique) {
    Column out = column;
    out.primaryKey = false;
    out.references.reset();
    if (!keepUnique)
        out.unique = false;
    return out;
}

bool fillsWithNow(const Column &column) {
    return column.origin == Column::Origin::Timestamp && !column.nullable && !column.hasDefault();
}

// Renames in an order that never renames onto a name still in use (`inUse`: every name there before they
// run). One whose new name is still taken (two swapping names, a chain a -> b -> c) first moves to a
// temporary name that neither `inUse` nor any new name has, and takes its new name once every other rename
// is done.
QList<Rename> renameOrder(const QList<Rename> &renames, const QStringList &inUse) {
    QSet<QString> avoid(inUse.cbegin(), inUse.cend());
    for (const Rename &r : renames)
        avoid.insert(r.to);
    QList<Rename> direct, parked, unparked;
    int n = 0;
    for (const Rename &r : renames) {
        if (!inUse.contains(r.to)) {
            direct.append(r);
            continue;
        }
        QString temporary;
        do
            temporary = u"md_tmp_%1"_s.arg(++n);
        while (avoid.contains(temporary));
        parked.append({r.from, temporary, r.index});
        unparked.append({temporary, r.to, r.index});
    }
    return parked + direct + unparked;
}

} // namespace

QStringList MigrationSql::beforeTransaction() const {
    if (dialect().kind() == DialectKind::Sqlite)
        return {u"PRAGMA foreign_keys = OFF"_s};
    return {};
}

QStringList MigrationSql::afterTransaction() const {
    if (dialect().kind() == DialectKind::Sqlite)
        return {u"PRAGMA foreign_keys = ON"_s};
    return {};
}

QStringList MigrationSql::emptyTablePrechecks(const MigrationPlan &plan) const {
    // ADD COLUMN ... NOT NULL without a default fails on a table with rows on SQLite and PostgreSQL, but
    // MySQL fills in the type's zero; a CHECK on a temporary table counting the rows stops every engine
    // first.
    QStringList out;
    const bool mysql = dialect().kind() == DialectKind::MySql;
    for (const TableChange &change : plan.changed)
        for (const ColumnChange &c : change.columns) {
            if (c.before || !c.after || c.after->nullable || c.after->hasDefault() ||
                c.after->autoIncrement || fillsWithNow(*c.after))
                continue;
            const QString name =
                (QString::fromLatin1(kPrecheckPrefix) + change.after.name + u'.' + c.after->name).left(60);
            out << u"CREATE TEMPORARY TABLE %1 (%2 INTEGER CHECK (%2 = 0))"_s.arg(q(name), q(u"rows"_s))
                << u"INSERT INTO %1 SELECT COUNT(*) FROM %2"_s.arg(q(name), q(change.before.name))
                << (mysql ? u"DROP TEMPORARY TABLE "_s : u"DROP TABLE "_s) + q(name);
        }
    return out;
}

QStringList MigrationSql::foreignKeyCheck() {
    // PRAGMA foreign_key_check only lists the rows; a CHECK turns a listed row into an error, so the sqlite3
    // shell (with -bail) and MigrationRunner both stop before the COMMIT.
    return {u"CREATE TEMP TABLE %1 (violations INTEGER CHECK (violations = 0))"_s.arg(kCheckTable),
            u"INSERT INTO temp.%1 SELECT COUNT(*) FROM pragma_foreign_key_check"_s.arg(kCheckTable),
            u"DROP TABLE temp.%1"_s.arg(kCheckTable)};
}

// PostgreSQL: a DO block dropping each constraint of `type` ('f', 'u') on `table` that holds `column` as
// `attnumMatch` says (the names are the engine's choice, so they are looked up).
QStringList MigrationSql::pgDropConstraints(const QString &table, const QString &column, const QString &type,
                                            const QString &attnumMatch) const {
    const QString body =
        u" DECLARE r record; BEGIN FOR r IN SELECT c.conname FROM pg_constraint c JOIN pg_attribute a ON "
        "a.attrelid = c.conrelid AND %3 WHERE c.conrelid = to_regclass(%1) AND c.contype = '%4' AND "
        "a.attname = %2 LOOP EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', %1, r.conname); END LOOP; "
        "END "_s.arg(lit(q(table)), lit(column), attnumMatch, type);
    const QString tag = SqlDialect::dollarQuoteTag(body, u"$md$"_s);
    return {u"DO "_s + tag + body + tag};
}

// MySQL/MariaDB: `lookup` sets @md_sql to the ALTER statement it builds from the catalog (or DO 0 when
// there is nothing to drop), which then runs as a prepared statement.
QStringList MigrationSql::mysqlRunBuilt(const QString &lookup) {
    return {lookup, u"PREPARE md_stmt FROM @md_sql"_s, u"EXECUTE md_stmt"_s, u"DEALLOCATE PREPARE md_stmt"_s};
}

QStringList MigrationSql::dropForeignKey(const QString &table, const QString &column) const {
    switch (dialect().kind()) {
    case DialectKind::Sqlite:
        return {}; // the table is rebuilt without it
    case DialectKind::Postgres:
        return pgDropConstraints(table, column, u"f"_s, u"a.attnum = ANY (c.conkey)"_s);
    case DialectKind::MySql:
        break;
    }
    return mysqlRunBuilt(
        u"SET @md_sql = (SELECT COALESCE(MAX(CONCAT(%1, ' DROP FOREIGN KEY `', REPLACE(CONSTRAINT_NAME, '`', "
        "'``'), '`')), 'DO 0') FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = DATABASE() AND "
        "TABLE_NAME = %2 AND COLUMN_NAME = %3 AND REFERENCED_TABLE_NAME IS NOT NULL)"_s.arg(
            lit(alter(table)), lit(table), lit(column)));
}

QStringList MigrationSql::dropUnique(const QString &table, const QString &column) const {
    switch (dialect().kind()) {
    case DialectKind::Sqlite:
        return {};
    case DialectKind::Postgres:
        return pgDropConstraints(table, column, u"u"_s, u"c.conkey = ARRAY[a.attnum]"_s);
    case DialectKind::MySql:
        break;
    }
    return mysqlRunBuilt(
        u"SET @md_sql = (SELECT COALESCE(MAX(CONCAT(%1, ' DROP INDEX `', REPLACE(s.INDEX_NAME, '`', '``'), "
        "'`')), 'DO 0') FROM information_schema.STATISTICS s WHERE s.TABLE_SCHEMA = DATABASE() AND "
        "s.TABLE_NAME = %2 AND s.COLUMN_NAME = %3 AND s.NON_UNIQUE = 0 AND s.INDEX_NAME <> 'PRIMARY' AND "
        "(SELECT COUNT(*) FROM information_schema.STATISTICS o WHERE o.TABLE_SCHEMA = s.TABLE_SCHEMA AND "
        "o.TABLE_NAME = s.TABLE_NAME AND o.INDEX_NAME = s.INDEX_NAME) = 1)"_s.arg(lit(alter(table)),
                                                                                  lit(table), lit(column)));
}

QStringList MigrationSql::renameTable(const Table &table, const QString &to) const {
    QStringList out{alter(table.name) + u" RENAME TO "_s + q(to)};
    if (dialect().kind() != DialectKind::Postgres)
        return out;
    // SERIAL's sequence and each ENUM's type are named after the table; sync of NEW names them after the new
    // one.
    Table renamed = table;
    renamed.name = to;
    for (const Column &column : table.columns) {
        if (column.autoIncrement)
            out << u"ALTER SEQUENCE IF EXISTS %1 RENAME TO %2"_s.arg(
                q(table.name + u'_' + column.name + u"_seq"_s), q(to + u'_' + column.name + u"_seq"_s));
        if (column.type.kind == DataType::Kind::Enum)
            out << u"ALTER TYPE %1 RENAME TO %2"_s.arg(q(SqlDialect::enumTypeName(table, column)),
                                                       q(SqlDialect::enumTypeName(renamed, column)));
    }
    return out;
}

QStringList MigrationSql::renameTables(const MigrationPlan &plan, QList<Table> *dropped) const {
    QStringList oldNames, newNames;
    for (const Table &table : plan.before.tables)
        oldNames << table.name;
    for (const Table &table : plan.after.tables)
        newNames << table.name;
    QStringList out;
    // A dropped table whose name NEW gives to another moves aside; it is dropped under that name at the end.
    for (Table &table : *dropped)
        if (newNames.contains(table.name)) {
            QString aside;
            for (int n = 1; aside.isEmpty() || oldNames.contains(aside) || newNames.contains(aside); ++n)
                aside = u"md_dropped_%1"_s.arg(n);
            out << renameTable(table, aside);
            oldNames << aside;
            table.name = aside;
        }
    QList<Rename> renames;
    for (qsizetype i = 0; i < plan.changed.size(); ++i)
        if (plan.changed.at(i).renamed())
            renames.append({plan.changed.at(i).before.name, plan.changed.at(i).after.name, int(i)});
    for (const Rename &r : renameOrder(renames, oldNames)) {
        Table current = plan.changed.at(r.index).before;
        current.name = r.from;
        out << renameTable(current, r.to);
    }
    return out;
}

QStringList MigrationSql::renameColumns(const TableChange &change) const {
    // Before any column is added: in use are the columns the table keeps (servers drop the others first;
    // SQLite only renames in place when it drops none).
    QStringList inUse;
    QList<Rename> renames;
    for (qsizetype i = 0; i < change.columns.size(); ++i) {
        const ColumnChange &c = change.columns.at(i);
        if (c.before && c.after)
            inUse << c.before->name;
        if (c.renamed())
            renames.append({c.before->name, c.after->name, int(i)});
    }
    QStringList out;
    const Table &table = change.after;
    for (const Rename &r : renameOrder(renames, inUse)) {
        out << alter(table.name) + u" RENAME COLUMN %1 TO %2"_s.arg(q(r.from), q(r.to));
        const Column &before = *change.columns.at(r.index).before;
        if (dialect().kind() == DialectKind::Postgres && before.type.kind == DataType::Kind::Enum) {
            Column from = before, to = before;
            from.name = r.from;
            to.name = r.to;
            out << u"ALTER TYPE %1 RENAME TO %2"_s.arg(q(SqlDialect::enumTypeName(table, from)),
                                                       q(SqlDialect::enumTypeName(table, to)));
        }
    }
    return out;
}

QStringList MigrationSql::addColumn(const Table &table, const Column &column) const {
    Column added = plainColumn(column, true);
    added.autoIncrement = false;
    QStringList out;
    if (fillsWithNow(column)) {
        // createdAt/updatedAt switched on for a table with rows: they are stamped now, then the default goes.
        added.defaultValue = QJsonObject{{u"fn"_s, u"NOW"_s}};
        out << alter(table.name) + u" ADD COLUMN "_s + mDdl.columnDefinition(table, added);
        added.defaultValue = QJsonValue(QJsonValue::Undefined);
        out << mDdl.setDefaultStatements(table, added);
        return out;
    }
    if (column.type.kind == DataType::Kind::Enum && dialect().kind() == DialectKind::Postgres) {
        const QStringList create = mDdl.createTableStatements(Table{table.model, table.name, {}, {added}});
        for (const QString &statement : create)
            if (statement.startsWith(u"DO "_s))
                out << statement;
    }
    out << alter(table.name) + u" ADD COLUMN "_s + mDdl.columnDefinition(table, added);
    if (dialect().kind() == DialectKind::Postgres && !column.comment.isEmpty())
        out << commentOnColumn(table, column);
    return out;
}

// PostgreSQL's COMMENT ON COLUMN; an empty comment removes it (IS NULL), as a fresh sync writes none.
QString MigrationSql::commentOnColumn(const Table &table, const Column &column) const {
    return u"COMMENT ON COLUMN %1.%2 IS %3"_s.arg(q(table.name), q(column.name),
                                                  column.comment.isEmpty() ? u"NULL"_s : lit(column.comment));
}

// PostgreSQL: a column's ENUM values change, or it becomes or stops being an ENUM. Its type is named after
// the column (enum_<table>_<column>), so OLD's type moves aside, NEW's is created under the name, the column
// converts through text (no cast joins two enum types; a value NEW lacks stops the migration), and OLD's type
// goes. A default cannot be cast along: it is dropped first and NEW's set after.
QStringList MigrationSql::changeEnumType(const Table &table, const ColumnChange &change) const {
    const Column &before = *change.before;
    const Column &after = *change.after;
    const QString name = SqlDialect::enumTypeName(table, after);
    const QString aside = u"modeldesk_enum_old"_s;
    QStringList out;
    if (before.type.kind == DataType::Kind::Enum && after.type.kind == DataType::Kind::Enum)
        out << u"ALTER TYPE %1 RENAME TO %2"_s.arg(q(name), q(aside));
    if (after.type.kind == DataType::Kind::Enum)
        for (const QString &statement :
             mDdl.createTableStatements(Table{table.model, table.name, {}, {after}}))
            if (statement.startsWith(u"DO "_s))
                out << statement;
    if (before.hasDefault())
        out << alter(table.name) + u" ALTER COLUMN %1 DROP DEFAULT"_s.arg(q(after.name));
    const QString type = dialect().columnType(table, after);
    out << alter(table.name) + u" ALTER COLUMN %1 TYPE %2 USING %1::text::%2"_s.arg(q(after.name), type);
    if (before.type.kind == DataType::Kind::Enum)
        out << u"DROP TYPE IF EXISTS "_s + q(after.type.kind == DataType::Kind::Enum ? aside : name);
    if (after.hasDefault())
        out << mDdl.setDefaultStatements(table, after);
    return out;
}

QStringList MigrationSql::alterColumn(const Table &table, const ColumnChange &change) const {
    const Column &after = *change.after;
    const QString t = table.name;
    QStringList out;
    if (dialect().kind() == DialectKind::MySql) {
        // MODIFY restates the column: type, NULL, DEFAULT, comment in one statement.
        if (change.typeChanged() || change.nullabilityChanged() || change.defaultChanged() ||
            change.commentChanged())
            out << alter(t) + u" MODIFY COLUMN "_s + mDdl.columnDefinition(table, plainColumn(after, false));
    } else {
        const bool enums = change.typeChanged() && (change.before->type.kind == DataType::Kind::Enum ||
                                                    after.type.kind == DataType::Kind::Enum);
        if (enums)
            out << changeEnumType(table, change);
        else if (change.typeChanged()) {
            const QString type = dialect().columnType(table, after);
            out << alter(t) + u" ALTER COLUMN %1 TYPE %2 USING %1::%2"_s.arg(q(after.name), type);
        }
        if (change.nullabilityChanged())
            out << alter(t) + u" ALTER COLUMN %1 %2 NOT NULL"_s.arg(q(after.name),
                                                                    after.nullable ? u"DROP"_s : u"SET"_s);
        if (change.defaultChanged() && !enums)
            out << mDdl.setDefaultStatements(table, after);
        if (change.commentChanged())
            out << commentOnColumn(table, after);
    }
    if (change.uniqueChanged()) {
        if (after.unique)
            out << mDdl.addUniqueStatements(table, after);
        else
            out << dropUnique(t, after.name);
    }
    return out;
}

QStringList MigrationSql::alterTable(const TableChange &change) const {
    const Table &table = change.after;
    QStringList out;
    for (const ColumnChange &c : change.columns)
        if (!c.after) {
            out << alter(table.name) + u" DROP COLUMN "_s + q(c.before->name);
            if (dialect().kind() == DialectKind::Postgres && c.before->type.kind == DataType::Kind::Enum)
                out << u"DROP TYPE IF EXISTS "_s + q(SqlDialect::enumTypeName(table, *c.before));
        }
    out << renameColumns(change);
    for (const ColumnChange &c : change.columns)
        if (!c.before)
            out << addColumn(table, *c.after);
    for (const ColumnChange &c : change.columns)
        if (c.before && c.after)
            out << alterColumn(table, c);
    if (change.before.comment != table.comment) {
        if (dialect().kind() == DialectKind::MySql)
            out << alter(table.name) + u" COMMENT = "_s + lit(table.comment);
        else
            out << u"COMMENT ON TABLE %1 IS %2"_s.arg(
                q(table.name), table.comment.isEmpty() ? u"NULL"_s : lit(table.comment));
    }
    return out;
}

QStringList MigrationSql::rebuildSqliteTable(const TableChange &change) const {
    const Table &table = change.after;
    Table fresh = table;
    fresh.name = table.name + u"__modeldesk_new"_s;
    QStringList columns;
    QStringList values;
    for (const ColumnChange &c : change.columns) {
        if (!c.after)
            continue;
        if (c.before) {
            columns << q(c.after->name);
            values << q(c.before->name);
        } else if (fillsWithNow(*c.after)) {
            columns << q(c.after->name);
            values << u"strftime('%Y-%m-%d %H:%M:%f +00:00', 'now')"_s;
        }
    }
    QStringList out{mDdl.createTable(fresh)};
    if (!columns.isEmpty())
        out << u"INSERT INTO %1 (%2) SELECT %3 FROM %4"_s.arg(q(fresh.name), columns.join(u", "_s),
                                                              values.join(u", "_s), q(table.name));
    out << u"DROP TABLE "_s + q(table.name);
    out << alter(fresh.name) + u" RENAME TO "_s + q(table.name);
    return out;
}

QStringList MigrationSql::statements(const MigrationPlan &plan) const {
    const bool sqlite = dialect().kind() == DialectKind::Sqlite;
    // 0. What the rows must allow, before anything changes.
    QStringList out = emptyTablePrechecks(plan);
    // 1. Foreign keys that change or go away, by OLD's names, before anything they hold to moves.
    if (!sqlite)
        for (const TableChange &change : plan.changed)
            for (const ColumnChange &c : change.columns)
                if (c.before && c.before->references && c.referenceChanged)
                    out << dropForeignKey(change.before.name, c.before->name);
    // 2. Renamed tables, 3. new tables.
    QList<Table> dropped = plan.dropped;
    out << renameTables(plan, &dropped);
    for (const Table &table : plan.created)
        out << mDdl.createTableStatements(table);
    // 4. Columns.
    for (const TableChange &change : plan.changed) {
        if (sqlite && change.reshaped())
            out << rebuildSqliteTable(change);
        else if (sqlite)
            out << renameColumns(change);
        else
            out << alterTable(change);
    }
    // 5. New foreign keys, now that every column they join exists.
    if (!sqlite)
        for (const TableChange &change : plan.changed)
            for (const ColumnChange &c : change.columns)
                if (c.after && c.after->references && c.referenceChanged)
                    out << alter(change.after.name) +
                               u" ADD FOREIGN KEY (%1) %2"_s.arg(q(c.after->name),
                                                                 mDdl.references(*c.after->references));
    // 6. Dropped tables, the referring ones first.
    for (auto it = dropped.crbegin(); it != dropped.crend(); ++it) {
        out << u"DROP TABLE "_s + q(it->name);
        if (dialect().kind() == DialectKind::Postgres)
            for (const Column &column : it->columns)
                if (column.type.kind == DataType::Kind::Enum)
                    out << u"DROP TYPE IF EXISTS "_s + q(SqlDialect::enumTypeName(*it, column));
    }
    if (sqlite)
        out << foreignKeyCheck();
    return out;
}

QString MigrationSql::script(const MigrationPlan &plan, const QString &origin) const {
    QString out = u"-- Migration generated by ModelDesk for "_s + dialect().name();
    if (!origin.isEmpty())
        out += u": "_s + SqlDialect::commentText(origin);
    out += u"\n-- Steps:\n"_s;
    for (const MigrationStep &step : plan.steps)
        out += u"--   "_s + SqlDialect::commentText(step.description) +
               (step.dataLoss ? u"  [DATA LOSS: "_s + SqlDialect::commentText(step.lossReason) + u']'
                              : QString()) +
               u'\n';
    const bool transactional = dialect().transactionalDdl();
    if (!transactional)
        out += u"-- MySQL/MariaDB commits every DDL statement: a failure part-way leaves the steps before "
               "it applied.\n"_s;
    if (dialect().kind() == DialectKind::Sqlite)
        out +=
            u"-- Run it with sqlite3 -bail: a row whose foreign key points nowhere stops it before the COMMIT.\n"_s;
    out += u'\n';
    const QStringList check = StartingVersionCheck(dialect()).statements(plan);
    if (!check.isEmpty())
        out += u"-- First the database must be at the starting version: this fails naming what differs.\n"_s +
               check.join(u";\n"_s) + u";\n"_s;
    for (const QString &statement : beforeTransaction())
        out += statement + u";\n"_s;
    if (transactional)
        out += u"BEGIN;\n"_s;
    for (const QString &statement : statements(plan))
        out += statement + u";\n"_s;
    if (transactional)
        out += u"COMMIT;\n"_s;
    for (const QString &statement : afterTransaction())
        out += statement + u";\n"_s;
    return out;
}

} // namespace modeldesk
