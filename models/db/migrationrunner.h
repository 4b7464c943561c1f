#pragma once

#include "db/databaseconnection.h"
#include "db/migrationsql.h"

#include <QCoreApplication>
#include <QString>

namespace modeldesk {

// Applies a MigrationPlan to a database, all or nothing where the engine can roll DDL back (SQLite and
// PostgreSQL: one transaction; on SQLite with foreign keys off for the table rebuilds and
// PRAGMA foreign_key_check before the commit). MySQL/MariaDB commits each DDL statement: a failure there
// names the statement it stopped at, and the steps before it stay applied. Nothing runs unless the database
// is at the plan's starting version (checkStartingVersion).
class MigrationRunner {
    Q_DECLARE_TR_FUNCTIONS(MigrationRunner)
public:
    explicit MigrationRunner(DatabaseConnection &connection)
        : mConnection(connection) {}

    bool apply(const MigrationPlan &plan, QString *error);
    // True when the database is at the plan's starting version (OLD): each of OLD's tables there with exactly
    // its columns, none of NEW's new table names taken. Otherwise false, with *error naming every
    // difference; it reads only. apply() calls it before changing anything.
    bool checkStartingVersion(const MigrationPlan &plan, QString *error);

private:
    bool run(const QStringList &statements, QString *error);

    DatabaseConnection &mConnection;
};

} // namespace modeldesk
