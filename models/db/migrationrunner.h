#pragma once

#include "db/databaseconnection.h"
#include "db/migrationsql.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <functional>

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

    // Called after each statement with how many of all of them ran; returning false stops the migration
    // before the next one: rolled back on SQLite and PostgreSQL, while on MySQL/MariaDB the statements
    // before it stay applied. Called on the runner's thread.
    using Progress = std::function<bool(int done, int total)>;
    void setProgress(Progress progress) { mProgress = std::move(progress); }
    // Set when apply() failed because the progress callback asked it to stop.
    bool wasStopped() const { return mStopped; }

    // Where the copy of an SQLite database goes before a migration changes it: beside it, named
    // "<name>.before-migration-<yyyyMMdd-HHmmss>.<suffix>" (with "-2", "-3"… when taken).
    static QString backupPath(const QString &databaseFile, const QDateTime &when);

private:
    // `stoppable`: whether the progress callback may stop it (not the statements around the transaction,
    // which put SQLite's foreign keys back).
    bool run(const QStringList &statements, QString *error, bool stoppable = true);

    DatabaseConnection &mConnection;
    Progress mProgress;
    int mDone = 0;
    int mTotal = 0;
    bool mStopped = false;
};

} // namespace modeldesk
