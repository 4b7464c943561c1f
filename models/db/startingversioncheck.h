#pragma once

#include "migrate/schemadiff.h"
#include "sql/sqldialect.h"

#include <QLatin1String>
#include <QStringList>

namespace modeldesk {

// A migration starts from OLD, so before it changes anything the database must be at OLD: every table of OLD
// there with exactly OLD's columns (none missing, none extra), and no table yet of a name that only NEW has.
// One query per dialect lists what differs, read from the engine's own catalog (sqlite_master and
// pragma_table_info, information_schema elsewhere). MigrationRunner reads that list and refuses with it; the
// .sql script wraps the same query in a statement that fails with the list as its message, because a script
// has no other way to stop: a PostgreSQL DO block raising it, a MySQL/MariaDB SIGNAL run as a prepared
// statement, and on SQLite (whose shell cannot raise a message of its own) a malformed JSON path carrying it,
// which sqlite3 reports as "JSON path error near '<message>'". The Sequelize file checks the same in
// JavaScript (db/sequelizemigration.cpp).
class StartingVersionCheck {
public:
    explicit StartingVersionCheck(SqlDialect dialect)
        : mDialect(dialect) {}

    // One row and one column: the problems joined by "; ", NULL when there are none. Empty when the plan
    // expects nothing (no table in OLD, none new in NEW).
    QString problemsQuery(const MigrationPlan &plan) const;
    // The script's statements: they fail with kMessage followed by the problems.
    QStringList statements(const MigrationPlan &plan) const;

    static constexpr QLatin1String kMessage{"the database is not at the starting version: "};

private:
    // "WITH ... SELECT <selected> FROM p", `selected` holding %1 for the problems joined by "; ".
    QString query(const MigrationPlan &plan, const QString &selected) const;
    QString lit(const QString &text) const { return mDialect.stringLiteral(text); }
    QString concat(const QStringList &parts) const;

    SqlDialect mDialect;
};

} // namespace modeldesk
