#pragma once

#include "schema/field.h"
#include "schema/resolvedschema.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonValue>
#include <QString>
#include <QVariant>

namespace modeldesk {

// The outcome of checking one value: the converted value, or what is wrong with it in words for the user.
struct FieldCheck {
    QVariant value; // canonical form (see FieldValue); a null QVariant for NULL
    QString message;

    bool ok() const { return message.isEmpty(); }
    bool isNull() const { return value.isNull(); }
};

// Checks and converts one JSON value against a column, the way Sequelize's type and `validate` checks do,
// before any SQL runs. Pure and cheap, so the data-entry form can call it on every keystroke.
//
// Canonical values: integers are qint64 (never via double; a BIGINT beyond 2^53 must come as a string),
// DECIMAL stays a validated string, FLOAT/DOUBLE are double, BOOLEAN bool, DATE a UTC QDateTime, DATEONLY
// QDate, TIME QTime, JSON its compact text, BLOB bytes (given as base64), everything else QString.
class FieldValue {
    Q_DECLARE_TR_FUNCTIONS(FieldValue)
public:
    // `value` undefined (a missing key) is checked like null. `field` supplies the validate rules; without it
    // only the type, length, nullability and ENUM values are checked.
    static FieldCheck check(const Column &column, const QJsonValue &value, const Field *field = nullptr);
    // The same for a field of the design, before it is resolved into a column (the entry form).
    static FieldCheck check(const Field &field, const QJsonValue &value);

    // The canonical value as JSON, as the save controller returns it and `modeldesk get` prints it: BIGINT
    // beyond 2^53 and DECIMAL as strings, dates in ISO 8601 UTC with milliseconds.
    static QJsonValue toJson(const DataType &type, const QVariant &value);
    // Whether two canonical values of `type` are the same stored value (an update writes only what differs):
    // equal as toJson() gives them.
    static bool sameValue(const DataType &type, const QVariant &a, const QVariant &b);
    // A canonical DECIMAL as an engine returns it: with exactly the type's scale of decimals ("12.5" in a
    // DECIMAL(10,2) is "12.50"), as PostgreSQL and MySQL give it back and SQLite's REAL is read back.
    static QString decimalAtScale(const DataType &type, QString text);
    // What a person typed, as the JSON `check` takes (the entry form's editors and grid cells): trimmed,
    // empty is null; integers are numbers up to 2^53 and exact text beyond; FLOAT/DOUBLE numbers; BOOLEAN
    // from true/false/1/0; DECIMAL and everything else the text itself (so `check` reports what is wrong).
    static QJsonValue fromText(const DataType &type, const QString &text);
    // The other way: a value as the form shows it for editing (null empty; whole numbers without a fraction;
    // other numbers with every digit they have; true/false; text as is).
    static QString toText(const QJsonValue &value);
    // A DECIMAL in its canonical text (any precision), and a DATE in any form `check` accepts: for values
    // read back from a database (sql/drivervalue).
    static FieldCheck parseDecimal(const QJsonValue &value);
    static FieldCheck parseDate(const QJsonValue &value);
    // "2024-05-06 07:08:09.123" for the UTC time of `value`, with `separator` between date and time and
    // `suffix` appended (e.g. 'T' and "Z" for ISO 8601).
    static QString utcTimestampText(const QDateTime &value, char16_t separator, QStringView suffix = {});
    // A record's key (a JSON number or string, as toJson gives it) as people read it: "42", "a1b2-...".
    static QString keyText(const QJsonValue &key);

    // The validate rules alone, for a value that already has the right type. Empty when they all pass.
    static QString checkRules(const Field &field, const QVariant &value);
};

} // namespace modeldesk
