#pragma once

#include "sql/sqldialect.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace modeldesk {

// What a database's own catalog says about its tables, as plain values: the facts the import infers a design
// from. db/DatabaseCatalogReader fills it from SQLite, PostgreSQL or MariaDB; the inference
// (import/SchemaInference) never talks to a database, so a catalog can also be written by hand (the core
// tests do).

struct CatalogColumn {
    QString name;
    // The type as the catalog spells it: "INTEGER", "character varying(40)", "int(11)", "enum('a','b')".
    QString type;
    QStringList enumValues; // a PostgreSQL enum type's labels, or SQLite's CHECK (x IN (...)) values
    QString enumTypeName;   // PostgreSQL: the enum type the column uses
    bool notNull = false;
    // The default as the catalog gives it ("'new'::character varying", "current_timestamp()", "0"); nullopt
    // when the column has none.
    std::optional<QString> defaultText;
    bool autoIncrement = false; // SERIAL/identity, auto_increment, SQLite's INTEGER PRIMARY KEY
    bool jsonChecked = false;   // MariaDB: a LONGTEXT with CHECK (json_valid(column)), i.e. JSON
    QString comment;

    friend bool operator==(const CatalogColumn &, const CatalogColumn &) = default;
};

// A set of columns whose values are unique together: a UNIQUE constraint or a unique index.
struct CatalogUniqueKey {
    QString name;
    QStringList columns;
    bool index = false; // a CREATE UNIQUE INDEX rather than a UNIQUE constraint (sequelize-auto misses those)

    friend bool operator==(const CatalogUniqueKey &, const CatalogUniqueKey &) = default;
};

struct CatalogForeignKey {
    QString name;
    QStringList columns;           // in the referencing table, in key order
    QString referencedTable;       // in the same schema
    QStringList referencedColumns; // pairs with columns
    QString onDelete;              // CASCADE, SET NULL, RESTRICT, NO ACTION, SET DEFAULT
    QString onUpdate;

    friend bool operator==(const CatalogForeignKey &, const CatalogForeignKey &) = default;
};

struct CatalogTable {
    QString name;
    QString comment;
    QList<CatalogColumn> columns; // in table order
    QStringList primaryKey;       // in key order
    QList<CatalogUniqueKey> uniqueKeys;
    QList<CatalogForeignKey> foreignKeys;

    const CatalogColumn *column(const QString &columnName) const {
        for (const CatalogColumn &c : columns)
            if (c.name == columnName)
                return &c;
        return nullptr;
    }

    friend bool operator==(const CatalogTable &, const CatalogTable &) = default;
};

// Something the import saw and did not turn into a model, so that nothing is lost silently.
struct CatalogSkipped {
    QString kind; // "view", "trigger", "table" (unreadable), "sequence"...
    QString name;
    QString reason;

    friend bool operator==(const CatalogSkipped &, const CatalogSkipped &) = default;
};

struct DatabaseCatalog {
    SqlDialect dialect;
    QString schema;             // PostgreSQL's schema; the database name elsewhere
    QList<CatalogTable> tables; // sorted by name
    QList<CatalogSkipped> skipped;

    const CatalogTable *table(const QString &tableName) const {
        for (const CatalogTable &t : tables)
            if (t.name == tableName)
                return &t;
        return nullptr;
    }
};

} // namespace modeldesk
