#pragma once

#include "db/databaseconnection.h"
#include "import/catalog.h"

#include <QCoreApplication>
#include <QStringList>
#include <functional>
#include <optional>

namespace modeldesk {

// Reads a database's tables from the engine's own catalog into a DatabaseCatalog, for the import: SQLite's
// PRAGMAs and stored CREATE statements, PostgreSQL's pg_catalog, MariaDB's information_schema (with
// STATISTICS for unique indexes). A few queries for the whole schema, not a few per table, so that thousands
// of tables read in well under a second. Inside one read-only transaction; it never writes. Composite keys
// keep their column pairs (pg_constraint's conkey/confkey, not information_schema, which repeats them),
// unique indexes count as much as unique constraints, and SQLite's `REFERENCES t` without a column means t's
// primary key.
class DatabaseCatalogReader {
    Q_DECLARE_TR_FUNCTIONS(DatabaseCatalogReader)
public:
    struct Options {
        QStringList tables; // only these (empty: every table); a name the database lacks is an error
        QString
            schema; // PostgreSQL's schema (default: the current one); MariaDB's database (default: the URL's)
        // Called as tables are read; returning false cancels the read.
        std::function<bool(int done, int total)> progress;
    };

    explicit DatabaseCatalogReader(DatabaseConnection &connection);

    // The catalog, or nullopt with *error saying why (the database's own words included).
    std::optional<DatabaseCatalog> read(const Options &options, QString *error);

private:
    bool readSqlite(DatabaseCatalog &catalog, QString *error);
    bool readPostgres(DatabaseCatalog &catalog, QString *error);
    bool readMySql(DatabaseCatalog &catalog, QString *error);

    DatabaseConnection &mConnection;
};

} // namespace modeldesk
