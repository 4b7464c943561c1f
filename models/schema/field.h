#pragma once

#include "schema/datatype.h"

#include <QJsonValue>
#include <QList>
#include <QString>
#include <optional>

namespace modeldesk {

// One `validate` rule as Sequelize names it: isEmail, isUrl, notEmpty (argument true), len ([min,max]),
// min / max (a number), is (a regex string), isIn ([[values...]]). The argument is kept as JSON so that the
// project file round-trips it verbatim.
struct ValidateRule {
    QString name;
    QJsonValue argument = true;

    static QStringList knownNames();
    friend bool operator==(const ValidateRule &, const ValidateRule &) = default;
};

// A model attribute, as in `Model.init({ name: { type, allowNull, ... } })`.
struct Field {
    QString name;
    DataType type;
    // Unset = Sequelize's default (nullable). Kept tri-state because Sequelize's default onDelete for a
    // foreign key depends on whether the user wrote allowNull at all.
    std::optional<bool> allowNull;
    // Undefined = no default. Kept as JSON: strings, numbers, booleans, or {"fn":"NOW"} / {"fn":"UUIDV4"}.
    QJsonValue defaultValue = QJsonValue(QJsonValue::Undefined);
    bool primaryKey = false;
    bool autoIncrement = false;
    bool unique = false;
    QString comment;
    QList<ValidateRule> validate;
    // The stable id (schema/schemaids.h): kept by renames, so a migration knows a renamed column.
    QString id;

    bool isNullable() const { return !primaryKey && allowNull.value_or(true); }
    bool hasDefault() const { return !defaultValue.isUndefined(); }
    // A new record must give it: NOT NULL, without a default, not generated.
    bool isRequired() const { return !isNullable() && !hasDefault() && !autoIncrement; }

    friend bool operator==(const Field &, const Field &) = default;
};

} // namespace modeldesk
