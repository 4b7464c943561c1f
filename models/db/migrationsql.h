#pragma once

#include "migrate/schemadiff.h"
#include "sql/ddlgenerator.h"

#include <QStringList>

namespace modeldesk {

// The SQL of a MigrationPlan in one dialect, built from DdlGenerator's column definitions and the dialect's
// quoting. Statements are ordered so that foreign keys hold at every step: keys that go away are dropped
// first, then tables renamed, created and altered, new keys added, and dropped tables removed last (in
// reverse dependency order). SQLite rebuilds a table for anything beyond a rename, by its documented recipe
// (create the new table, copy, drop, rename) with foreign keys off, and checks them (PRAGMA
// foreign_key_check) before the commit. Names that swap or chain (a -> b, b -> a) pass through a temporary
// name. On PostgreSQL each ENUM column's type (enum_<table>_<column>) and SERIAL's sequence follow the
// renames of their table and column, and a changed ENUM gets NEW's type, so the catalog is the one a fresh
// sync of NEW has.
class MigrationSql {
public:
    explicit MigrationSql(SqlDialect dialect)
        : mDdl(dialect) {}

    // The statements between BEGIN and COMMIT, without semicolons. On SQLite they end with foreignKeyCheck().
    QStringList statements(const MigrationPlan &plan) const;
    // SQLite: statements that fail when PRAGMA foreign_key_check lists a row (through a temporary table
    // named kCheckTable with a CHECK).
    static QStringList foreignKeyCheck();
    static constexpr QLatin1String kCheckTable{"modeldesk_foreign_key_check"};
    // The temporary tables whose CHECK stops a migration that adds a NOT NULL column without a default to a
    // table with rows: "modeldesk_needs_empty_<table>.<column>".
    static constexpr const char *kPrecheckPrefix = "modeldesk_needs_empty_";
    // The SQLite statements that go around the transaction (foreign keys off before, on after); empty
    // elsewhere.
    QStringList beforeTransaction() const;
    QStringList afterTransaction() const;
    // A whole commented .sql file: the steps, the check that the database is at OLD (StartingVersionCheck),
    // then the statements in a transaction where the engine has transactional DDL (MySQL/MariaDB commits each
    // DDL statement: the file says so).
    QString script(const MigrationPlan &plan, const QString &origin) const;

    const SqlDialect &dialect() const { return mDdl.dialect(); }

private:
    QString q(const QString &identifier) const { return mDdl.dialect().quote(identifier); }
    QString lit(const QString &text) const { return mDdl.dialect().stringLiteral(text); }
    QString alter(const QString &table) const { return QStringLiteral("ALTER TABLE ") + q(table); }

    QStringList emptyTablePrechecks(const MigrationPlan &plan) const;
    QStringList dropForeignKey(const QString &table, const QString &column) const;
    QStringList dropUnique(const QString &table, const QString &column) const;
    QStringList pgDropConstraints(const QString &table, const QString &column, const QString &type,
                                  const QString &attnumMatch) const;
    static QStringList mysqlRunBuilt(const QString &lookup);
    QStringList renameTable(const Table &table, const QString &to) const;
    QStringList renameTables(const MigrationPlan &plan, QList<Table> *dropped) const;
    QStringList renameColumns(const TableChange &change) const;
    QStringList alterTable(const TableChange &change) const;
    QStringList addColumn(const Table &table, const Column &column) const;
    QStringList alterColumn(const Table &table, const ColumnChange &change) const;
    QString commentOnColumn(const Table &table, const Column &column) const;
    QStringList changeEnumType(const Table &table, const ColumnChange &change) const;
    QStringList rebuildSqliteTable(const TableChange &change) const;

    DdlGenerator mDdl;
};

} // namespace modeldesk
