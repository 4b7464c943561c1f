#pragma once

#include "schema/fieldvalue.h"
#include "sql/sqldialect.h"

#include <QVariant>

namespace modeldesk {

// Canonical values (see FieldValue) to and from the form each dialect's Qt driver binds and returns: booleans
// as 0/1 outside PostgreSQL, dates as text with the offset each engine parses, MySQL's zone-less DATETIME
// read as UTC.
class DriverValue {
public:
    // The canonical value in the form the dialect's Qt driver binds correctly.
    static QVariant toDatabase(const DataType &type, const QVariant &value, SqlDialect dialect);
    // A value read back through the Qt driver, in canonical form.
    static QVariant fromDatabase(const DataType &type, const QVariant &value, SqlDialect dialect);
};

} // namespace modeldesk
