#pragma once

#include "import/catalog.h"
#include "project/project.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace modeldesk {

// Something of the database the design cannot say, one per table and column (or per table).
struct ImportWarning {
    QString table;
    QString column; // empty for the table as a whole
    QString message;

    // "orders.placedAt: timestamp without time zone is read as DATE ..." / "orders: ..."
    QString toString() const;
    friend bool operator==(const ImportWarning &, const ImportWarning &) = default;
};

// Why a link was made: the foreign key, and what made it hasOne, hasMany or belongsToMany.
struct LinkEvidence {
    int link = -1; // into the design's links
    QString text;
};

struct ImportResult {
    Project project; // laid out
    QList<ImportWarning> warnings;
    QList<LinkEvidence> evidence;  // one per link, in link order
    QList<CatalogSkipped> skipped; // views, triggers, unreadable tables: listed, not imported
};

// Turns a database catalog into a Sequelize design, deterministically (the same catalog always gives the
// same design), the way docs/import.md describes: a table becomes a model named by Sequelize's inflection,
// timestamps and paranoid come from createdAt/updatedAt/deletedAt (or their snake_case forms), a foreign key
// becomes a belongsTo and its inverse (hasOne when the key columns are unique, else hasMany), a table whose
// rows only join two others a pair of belongsToMany through it. The design resolves to the same tables: a
// design ModelDesk or Sequelize created comes back so that syncing it again gives the same catalog.
// Pure: no database, no SQL.
class SchemaInference {
    Q_DECLARE_TR_FUNCTIONS(SchemaInference)
public:
    static ImportResult infer(const DatabaseCatalog &catalog);
};

} // namespace modeldesk
