#pragma once

#include "db/databaseconnection.h"
#include "db/syncplanner.h"
#include "schema/resolvedschema.h"
#include "schema/schema.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace modeldesk {

// How far a sync goes.
enum class SyncMode {
    CreateTables, // create the missing tables; report every other difference (`sync`)
    AddMissing,   // also add the missing columns (what the data form offers)
    Alter,        // also change NOT NULL, DEFAULT and UNIQUE where that is safe (`sync --alter`)
};

struct SyncReport {
    bool ok = false;
    QString error;             // when !ok: what failed or was refused, and whether anything was changed
    QStringList createdTables; // in the order they were created
    QStringList addedColumns;  // "table.column"
    QStringList changes;       // other changes made, e.g. "users.email: now NOT NULL"
    QStringList refusals;      // why nothing was changed: each names the table, the column and the way out
    QStringList statements;    // every DDL statement run, in order
    QList<SyncDifference> differences; // what still differs, each with what sync --alter does about it
};

// Brings a database up to a design the way Sequelize's sync() does, but never destructively: creates the
// missing tables in dependency order with the DDL the exporter writes (so it is idempotent), reports how
// existing tables differ (columns, types, NOT NULL, DEFAULT, UNIQUE) by reading the catalog, and on request
// changes what can be changed without inventing or losing data. Everything is planned before the first
// statement; any refusal changes nothing. The statements run in one transaction where the engine's DDL is
// transactional (PostgreSQL, SQLite); MySQL/MariaDB commit each one.
class SchemaSync {
    Q_DECLARE_TR_FUNCTIONS(SchemaSync)
public:
    SchemaSync(const Schema &schema, DatabaseConnection &connection);

    SyncReport sync(SyncMode mode);
    SyncReport sync(bool alter) { return sync(alter ? SyncMode::Alter : SyncMode::CreateTables); }
    // The differences only; changes nothing.
    SyncReport compare();

    // The type family a column type belongs to, e.g. "varchar(255)", "integer", "datetime", "enum":
    // catalog spellings ("character varying(255)", "int(11)", "tinyint(1)") and DDL spellings meet here.
    static QString typeFamily(const QString &type, SqlDialect::Kind dialect);

private:
    bool planAndApply(SyncMode mode, SyncReport *report);
    bool apply(const SyncDifference &difference, SyncReport *report);

    ResolvedSchema mResolved;
    DatabaseConnection &mConnection;
};

} // namespace modeldesk
