#include "sql/drivervalue.h"

#include <QDateTime>

namespace modeldesk {

using namespace Qt::StringLiterals;
using Kind = DataType::Kind;

QVariant DriverValue::toDatabase(const DataType &type, const QVariant &value, SqlDialect dialect) {
    const SqlDialect::Kind kind = dialect.kind();
    if (value.isNull()) {
        switch (type.kind) {
        case Kind::Integer:
        case Kind::BigInt:
        case Kind::SmallInt:
            return QVariant(QMetaType::fromType<qint64>());
        case Kind::Blob:
            return QVariant(QMetaType::fromType<QByteArray>());
        default:
            return QVariant(QMetaType::fromType<QString>());
        }
    }
    switch (type.kind) {
    case Kind::Boolean:
        if (kind == SqlDialect::Kind::Postgres)
            return value.toBool();
        return value.toBool() ? 1 : 0;
    case Kind::Date: {
        // Text with an explicit offset, the way Sequelize writes it, so that no driver applies the local
        // zone.
        if (kind == SqlDialect::Kind::Sqlite)
            return FieldValue::utcTimestampText(value.toDateTime(), u' ', u" +00:00");
        if (kind == SqlDialect::Kind::Postgres)
            return FieldValue::utcTimestampText(value.toDateTime(), u' ', u"+00:00");
        return FieldValue::utcTimestampText(value.toDateTime(), u' ');
    }
    case Kind::DateOnly:
        return value.toDate().toString(Qt::ISODate);
    case Kind::Time:
        return value.toTime().toString(u"HH:mm:ss"_s);
    default:
        return value;
    }
}

QVariant DriverValue::fromDatabase(const DataType &type, const QVariant &value, SqlDialect dialect) {
    if (value.isNull())
        return QVariant();
    switch (type.kind) {
    case Kind::Integer:
    case Kind::BigInt:
    case Kind::SmallInt:
        return QVariant::fromValue<qint64>(value.toLongLong());
    case Kind::Float:
    case Kind::Double:
        return value.toDouble();
    case Kind::Decimal: {
        const FieldCheck decimal = FieldValue::parseDecimal(value.toString());
        // 12.5 from SQLite's REAL storage reads back as "12.50"
        return FieldValue::decimalAtScale(type, decimal.ok() ? decimal.value.toString() : value.toString());
    }
    case Kind::Boolean:
        if (value.metaType().id() == QMetaType::QString)
            return value.toString() == u"1"_s || value.toString().startsWith(u't');
        return value.toBool();
    case Kind::Date: {
        if (value.metaType().id() == QMetaType::QDateTime) {
            const QDateTime dt = value.toDateTime();
            // MySQL DATETIME has no zone; the session runs in UTC, so the wall time is UTC.
            if (dialect.kind() == SqlDialect::Kind::MySql || dt.timeSpec() == Qt::LocalTime)
                return QDateTime(dt.date(), dt.time(), Qt::UTC);
            return dt.toUTC();
        }
        const FieldCheck parsed = FieldValue::parseDate(value.toString());
        return parsed.ok() ? parsed.value : QVariant(value.toString());
    }
    case Kind::DateOnly:
        return value.metaType().id() == QMetaType::QDate
                   ? value
                   : QVariant(QDate::fromString(value.toString().left(10), Qt::ISODate));
    case Kind::Time:
        return value.metaType().id() == QMetaType::QTime
                   ? value
                   : QVariant(QTime::fromString(value.toString(), Qt::ISODateWithMs));
    case Kind::Blob:
        return value.toByteArray();
    default:
        return value.toString();
    }
}

} // namespace modeldesk
