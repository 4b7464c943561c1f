#pragma once

#include "db/databaseconnection.h"
#include "schema/resolvedschema.h"
#include "schema/schema.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace modeldesk {

// Where an existing table differs from the design.
struct SyncDifference {
    enum class Kind { MissingTable, MissingColumn, ExtraColumn, TypeDiffers };
    Kind kind = Kind::MissingColumn;
    QString table;
    QString column;
    QString expected; // the design's type (TypeDiffers)
    QString actual;   // the database's type (TypeDiffers)

    QString toString() const;
};

struct SyncReport {
    bool ok = false;
    QString error;                     // when !ok: what failed, with the database's message
    QStringList createdTables;         // in the order they were created
    QStringList addedColumns;          // "table.column", by --alter
    QStringList statements;            // every DDL statement run, in order
    QList<SyncDifference> differences; // what still differs after the changes
};

// Brings a database up to a design the way Sequelize's sync() does, but never destructively: creates the
// missing tables in dependency order with the DDL the exporter writes (so it is idempotent), and reports how
// existing tables differ by reading the catalog. With alter it also adds missing columns; it never drops,
// retypes or rewrites anything.
class SchemaSync {
    Q_DECLARE_TR_FUNCTIONS(SchemaSync)
public:
    SchemaSync(const Schema &schema, DatabaseConnection &connection);

    SyncReport sync(bool alter);
    // The differences only; changes nothing.
    SyncReport compare();

    // The type family a column type belongs to, e.g. "varchar(255)", "integer", "datetime", "enum":
    // catalog spellings ("character varying(255)", "int(11)", "tinyint(1)") and DDL spellings meet here.
    static QString typeFamily(const QString &type, SqlDialect::Kind dialect);

private:
    struct CatalogColumn {
        QString name;
        QString type;
    };
    bool existingTables(QStringList *tables, QString *error);
    bool catalogColumns(const QString &table, QList<CatalogColumn> *columns, QString *error);
    bool run(bool alter, bool change, SyncReport *report);

    ResolvedSchema mResolved;
    DatabaseConnection &mConnection;
};

} // namespace modeldesk
