#pragma once

#include "schema/resolvedschema.h"
#include "sql/livecolumn.h"
#include "sql/sqldialect.h"

#include <QStringList>

namespace modeldesk {

// Writes the CREATE statements for a resolved schema in one dialect, as Sequelize 6's sync() would, with
// every identifier quoted, and the ALTER statements of sync --alter. Used by the SQL exporter (as a script)
// and by schema sync (statement by statement), so a synced database is exactly what the export describes.
class DdlGenerator {
public:
    explicit DdlGenerator(SqlDialect dialect)
        : mDialect(dialect) {}

    // Everything needed for the schema, in dependency order: PostgreSQL enum types, tables, then comments.
    // Statements carry no trailing semicolon.
    QStringList createStatements(const ResolvedSchema &schema) const;
    // Statements for one table (its enum types, the table, its comments).
    QStringList createTableStatements(const Table &table) const;
    QString createTable(const Table &table) const;
    // ALTER TABLE ... ADD COLUMN for sync --alter, NOT NULL and DEFAULT as designed: schema sync first checks
    // that the existing rows can take it (a NOT NULL column without a default only goes into an empty table).
    // SQLite cannot add a UNIQUE column; it gets a unique index.
    QStringList addColumnStatements(const Table &table, const Column &column) const;
    // Makes an existing column NOT NULL or nullable as the design says. MySQL restates the whole column
    // (MODIFY COLUMN), so it takes the rest of the definition from `live`; SQLite cannot (empty list).
    QStringList setNullabilityStatements(const Table &table, const Column &column,
                                         const LiveColumn &live) const;
    // Sets the design's DEFAULT on an existing column, or drops the one it has when the design keeps none.
    QStringList setDefaultStatements(const Table &table, const Column &column) const;
    // A unique constraint on one existing column (on SQLite a unique index).
    QStringList addUniqueStatements(const Table &table, const Column &column) const;
    // The column's definition inside CREATE TABLE, e.g. "`userId` INTEGER REFERENCES `testUsers` (`id`) ...".
    QString columnDefinition(const Table &table, const Column &column) const;
    // A complete, commented .sql script.
    QString script(const ResolvedSchema &schema, const QString &origin = {}) const;

    const SqlDialect &dialect() const { return mDialect; }

    // "REFERENCES `t` (`id`) ON DELETE ... ON UPDATE ...", as a column or FOREIGN KEY clause ends.
    QString references(const ColumnReference &reference) const;

private:
    QStringList enumTypeStatements(const Table &table) const;

    SqlDialect mDialect;
};

} // namespace modeldesk
