#pragma once

#include "db/databaseconnection.h"
#include "sql/livecolumn.h"

#include <QCoreApplication>
#include <QStringList>
#include <optional>

namespace modeldesk {

// Reads what schema sync needs to know about an existing database, the same way on SQLite, PostgreSQL and
// MySQL/MariaDB: its tables, each table's columns (type, NOT NULL, DEFAULT, single-column UNIQUE), and the
// facts about the rows that decide whether a change is safe. Reads only; every value bound, every
// identifier quoted.
class CatalogReader {
    Q_DECLARE_TR_FUNCTIONS(CatalogReader)
public:
    explicit CatalogReader(DatabaseConnection &connection)
        : mConnection(connection) {}

    bool tables(QStringList *tables, QString *error);
    bool table(const QString &name, LiveTable *table, QString *error);

    // How many rows the table has, counting no further than atMost.
    std::optional<qint64> rowCount(const QString &table, int atMost, QString *error);
    // How many rows hold NULL in the column.
    std::optional<qint64> nullCount(const QString &table, const QString &column, QString *error);
    // How many values occur in more than one row of the column (NULLs aside).
    std::optional<qint64> duplicateCount(const QString &table, const QString &column, QString *error);

private:
    bool readColumns(const QString &name, LiveTable *table, QString *error);
    bool readUnique(const QString &name, LiveTable *table, QString *error);
    bool readChecks(const QString &name, LiveTable *table);
    std::optional<qint64> count(const QString &sql, const QVariantList &values, QString *error);

    DatabaseConnection &mConnection;
};

} // namespace modeldesk
