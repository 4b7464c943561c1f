#pragma once

#include "schema/resolvedschema.h"
#include "sql/sqldialect.h"

#include <QStringList>

namespace modeldesk {

// Writes the CREATE statements for a resolved schema in one dialect, as Sequelize 6's sync() would, with
// every identifier quoted. Used by the SQL exporter (as a script) and by the save controller's sync
// (statement by statement), so a synced database is exactly what the export describes.
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
    // ALTER TABLE ... ADD COLUMN for sync --alter (a new column is added nullable unless it has a default,
    // because existing rows need a value).
    QStringList addColumnStatements(const Table &table, const Column &column) const;
    // The column's definition inside CREATE TABLE, e.g. "`userId` INTEGER REFERENCES `testUsers` (`id`) ...".
    QString columnDefinition(const Table &table, const Column &column) const;
    // A complete, commented .sql script.
    QString script(const ResolvedSchema &schema, const QString &origin = {}) const;

    const SqlDialect &dialect() const { return mDialect; }

private:
    QString references(const ColumnReference &reference) const;
    QStringList enumTypeStatements(const Table &table) const;

    SqlDialect mDialect;
};

} // namespace modeldesk
