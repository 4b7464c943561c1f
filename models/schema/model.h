#pragma once

#include "schema/field.h"

#include <QList>
#include <QString>

namespace modeldesk {

// A Sequelize model: `Model.init({fields}, {modelName, tableName, freezeTableName, timestamps, ...})`.
// Options hold the user's words; derived names (table, timestamp columns) come from the helpers below so
// that the project file stores only what the user chose.
struct Model {
    QString name;
    QString tableName; // empty = derived from the name as Sequelize does
    bool freezeTableName = false;
    bool timestamps = true;
    bool paranoid = false;
    bool underscored = false;
    QString comment;
    QList<Field> fields;
    QString id; // the stable id (schema/schemaids.h)

    // The table Sequelize 6 would use: tableName, else the name when frozen, else the pluralized name
    // (snake_cased when underscored).
    QString effectiveTableName() const;
    // The column an attribute is stored in (snake_case when underscored, as Sequelize 6 does).
    QString columnName(const QString &attribute) const;
    QString createdAtName() const;
    QString updatedAtName() const;
    QString deletedAtName() const;
    // Sequelize implies `id INTEGER PRIMARY KEY AUTOINCREMENT` when no field is a primary key.
    bool hasImpliedId() const;
    // The primary key attribute names, in field order ("id" when implied).
    QStringList primaryKeyNames() const;
    // The type of the single primary key (INTEGER for the implied id).
    DataType primaryKeyType() const;

    const Field *field(const QString &fieldName) const;
    Field *field(const QString &fieldName);
    int fieldIndex(const QString &fieldName) const;

    friend bool operator==(const Model &, const Model &) = default;
};

} // namespace modeldesk
