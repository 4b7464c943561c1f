#include "schema/fieldvalue.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUrl>

#include <cmath>
#include <limits>

namespace modeldesk {

using namespace Qt::StringLiterals;
using Kind = DataType::Kind;

namespace {

constexpr double kMaxSafeInteger = 9007199254740991.0; // 2^53 - 1: beyond, a JSON number may have lost digits

FieldCheck bad(const QString &message) {
    return {QVariant(), message};
}

FieldCheck good(QVariant value) {
    return {std::move(value), QString()};
}

qsizetype codePoints(const QString &text) {
    return text.toUcs4().size();
}

QString jsonTypeName(const QJsonValue &value) {
    switch (value.type()) {
    case QJsonValue::Bool:
        return FieldValue::tr("true/false");
    case QJsonValue::Double:
        return FieldValue::tr("a number");
    case QJsonValue::String:
        return FieldValue::tr("text");
    case QJsonValue::Array:
        return FieldValue::tr("a list");
    case QJsonValue::Object:
        return FieldValue::tr("an object");
    default:
        return FieldValue::tr("null");
    }
}

FieldCheck checkInteger(const DataType &type, const QJsonValue &value) {
    qint64 number = 0;
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (std::trunc(d) != d)
            return bad(FieldValue::tr("must be a whole number, not %1").arg(d));
        if (std::fabs(d) > kMaxSafeInteger)
            return bad(
                FieldValue::tr("%1 is beyond 2^53, where JSON numbers lose digits; give it as a string")
                    .arg(d, 0, 'f', 0));
        number = static_cast<qint64>(d);
    } else if (value.isString()) {
        static const QRegularExpression digits(u"^[+-]?[0-9]+$"_s);
        const QString text = value.toString().trimmed();
        bool ok = digits.match(text).hasMatch();
        if (ok)
            number = text.toLongLong(&ok);
        if (!ok)
            return bad(FieldValue::tr("must be a whole number, not \"%1\"").arg(value.toString()));
    } else {
        return bad(FieldValue::tr("must be a whole number, not %1").arg(jsonTypeName(value)));
    }
    qint64 low = std::numeric_limits<qint64>::min();
    qint64 high = std::numeric_limits<qint64>::max();
    if (type.kind == Kind::Integer) {
        low = std::numeric_limits<qint32>::min();
        high = std::numeric_limits<qint32>::max();
    } else if (type.kind == Kind::SmallInt) {
        low = std::numeric_limits<qint16>::min();
        high = std::numeric_limits<qint16>::max();
    }
    if (number < low || number > high)
        return bad(FieldValue::tr("%1 is out of range for %2 (%3 to %4)")
                       .arg(number)
                       .arg(DataType::kindName(type.kind))
                       .arg(low)
                       .arg(high));
    return good(QVariant::fromValue<qint64>(number));
}

FieldCheck checkDecimal(const DataType &type, const QJsonValue &value) {
    QString text;
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (!std::isfinite(d))
            return bad(FieldValue::tr("must be a finite number"));
        // The shortest text that reads back as the same double: what JavaScript would print.
        text = QString::number(d, 'g', QLocale::FloatingPointShortest);
        if (text.contains(u'e'))
            text = QString::number(d, 'f', type.scale >= 0 ? type.scale : 6);
    } else if (value.isString()) {
        text = value.toString().trimmed();
    } else {
        return bad(FieldValue::tr("must be a decimal number, not %1").arg(jsonTypeName(value)));
    }
    static const QRegularExpression decimal(u"^([+-]?)([0-9]*)(?:\\.([0-9]*))?$"_s);
    const QRegularExpressionMatch m = decimal.match(text);
    if (!m.hasMatch() || (m.captured(2).isEmpty() && m.captured(3).isEmpty()))
        return bad(FieldValue::tr("must be a decimal number such as 12.50, not \"%1\"").arg(text));
    QString whole = m.captured(2);
    while (whole.size() > 1 && whole.startsWith(u'0'))
        whole.remove(0, 1);
    if (whole.isEmpty())
        whole = u"0"_s;
    QString fraction = m.captured(3);
    if (type.precision > 0) {
        const int scale = std::max(type.scale, 0);
        const int maxFraction = scale;
        while (fraction.size() > maxFraction && fraction.endsWith(u'0'))
            fraction.chop(1);
        if (fraction.size() > maxFraction)
            return bad(FieldValue::tr("%1 has more than %2 decimal places (%3)")
                           .arg(text)
                           .arg(maxFraction)
                           .arg(type.toString()));
        const int maxWhole = type.precision - scale;
        if (whole != u"0"_s && whole.size() > maxWhole)
            return bad(FieldValue::tr("%1 has more than %2 digits before the point (%3)")
                           .arg(text)
                           .arg(maxWhole)
                           .arg(type.toString()));
    }
    QString canonical =
        (m.captured(1) == u"-"_s && (whole != u"0"_s || fraction.contains(QRegularExpression(u"[1-9]"_s)))
             ? u"-"_s
             : QString()) +
        whole;
    if (!fraction.isEmpty())
        canonical += u'.' + fraction;
    return good(canonical);
}

FieldCheck checkFloat(const QJsonValue &value) {
    if (value.isDouble())
        return good(value.toDouble());
    if (value.isString()) {
        bool ok = false;
        const double d = value.toString().trimmed().toDouble(&ok);
        if (ok && std::isfinite(d))
            return good(d);
        return bad(FieldValue::tr("must be a number, not \"%1\"").arg(value.toString()));
    }
    return bad(FieldValue::tr("must be a number, not %1").arg(jsonTypeName(value)));
}

FieldCheck checkBoolean(const QJsonValue &value) {
    if (value.isBool())
        return good(value.toBool());
    if (value.isDouble() && (value.toDouble() == 0 || value.toDouble() == 1))
        return good(value.toDouble() == 1);
    if (value.isString()) {
        const QString text = value.toString().trimmed().toLower();
        if (text == u"true"_s || text == u"1"_s)
            return good(true);
        if (text == u"false"_s || text == u"0"_s)
            return good(false);
    }
    return bad(FieldValue::tr("must be true or false"));
}

// Accepts ISO 8601 ("2024-05-01T10:00:00Z", "2024-05-01 10:00:00.123+02:00", "2024-05-01") and milliseconds
// since the epoch, like JavaScript's Date. Without an offset the time is taken as UTC (Sequelize's default
// timezone is +00:00).
FieldCheck checkDate(const QJsonValue &value) {
    if (value.isDouble()) {
        const double ms = value.toDouble();
        if (std::trunc(ms) != ms || std::fabs(ms) > 8.64e15)
            return bad(FieldValue::tr("must be a date; %1 is not a valid time in milliseconds").arg(ms));
        return good(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(ms), Qt::UTC));
    }
    if (!value.isString())
        return bad(FieldValue::tr("must be a date such as \"2024-05-01T10:00:00Z\", not %1")
                       .arg(jsonTypeName(value)));
    QString text = value.toString().trimmed();
    text.replace(u' ', u'T');
    // "…T10:00:00.000T+00:00" (Sequelize's SQLite text) → "…T10:00:00.000+00:00"
    text.replace(QRegularExpression(u"T([+-][0-9]{2}:?[0-9]{2})$"_s), u"\\1"_s);
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid()) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (date.isValid())
            dt = QDateTime(date, QTime(0, 0), Qt::UTC);
    }
    if (!dt.isValid())
        return bad(FieldValue::tr("must be a date such as \"2024-05-01T10:00:00Z\", not \"%1\"")
                       .arg(value.toString()));
    if (dt.timeSpec() == Qt::LocalTime)
        dt = QDateTime(dt.date(), dt.time(), Qt::UTC);
    return good(dt.toUTC());
}

FieldCheck checkDateOnly(const QJsonValue &value) {
    const QString text = value.toString().trimmed();
    QDate date = QDate::fromString(text.left(10), Qt::ISODate);
    if (!value.isString() || !date.isValid() ||
        (text.size() > 10 && text.at(10) != u'T' && text.at(10) != u' '))
        return bad(FieldValue::tr("must be a date such as \"2024-05-01\""));
    return good(date);
}

FieldCheck checkTime(const QJsonValue &value) {
    const QString text = value.toString().trimmed();
    QTime time = QTime::fromString(text, Qt::ISODateWithMs);
    if (!value.isString() || !time.isValid())
        return bad(FieldValue::tr("must be a time such as \"13:45:00\""));
    return good(time);
}

FieldCheck checkText(const Column &column, const QJsonValue &value) {
    QString text;
    if (value.isString())
        text = value.toString();
    else if (value.isDouble()) // Sequelize's STRING accepts numbers and stores their text
        text = QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    else
        return bad(FieldValue::tr("must be text, not %1").arg(jsonTypeName(value)));
    const DataType &type = column.type;
    if (type.kind == Kind::String || type.kind == Kind::Char) {
        const qsizetype length = codePoints(text);
        if (length > type.effectiveLength())
            return bad(FieldValue::tr("is %1 characters long; %2 allows at most %3")
                           .arg(length)
                           .arg(type.toString())
                           .arg(type.effectiveLength()));
    }
    if (type.kind == Kind::Enum && !type.values.contains(text))
        return bad(FieldValue::tr("\"%1\" is not one of %2").arg(text, type.values.join(u", "_s)));
    return good(text);
}

FieldCheck checkUuid(const QJsonValue &value) {
    static const QRegularExpression uuid(
        u"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"_s);
    if (!value.isString() || !uuid.match(value.toString()).hasMatch())
        return bad(FieldValue::tr("must be a UUID such as \"3f0c6b1e-2d4a-4c8e-9b7a-1e2f3a4b5c6d\""));
    return good(value.toString().toLower());
}

FieldCheck checkJson(const QJsonValue &value) {
    QJsonDocument document;
    if (value.isObject())
        document = QJsonDocument(value.toObject());
    else if (value.isArray())
        document = QJsonDocument(value.toArray());
    else {
        // A scalar: wrap and strip, since QJsonDocument holds only objects and arrays.
        const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
        return good(QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2)));
    }
    return good(QString::fromUtf8(document.toJson(QJsonDocument::Compact)));
}

FieldCheck checkBlob(const QJsonValue &value) {
    if (!value.isString())
        return bad(FieldValue::tr("must be base64 text"));
    const auto decoded =
        QByteArray::fromBase64Encoding(value.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return bad(FieldValue::tr("must be base64 text"));
    return good(*decoded);
}

bool isEmail(const QString &text) {
    static const QRegularExpression email(
        u"^[^\\s@\"(),:;<>\\[\\\\\\]]+@(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+"
        "[\\p{L}]{2,63}$"_s);
    return text.size() <= 254 && email.match(text).hasMatch();
}

bool isUrl(const QString &text) {
    if (text.isEmpty() || text.contains(QRegularExpression(u"\\s"_s)))
        return false;
    const QUrl url(text.contains(u"://"_s) ? text : u"http://"_s + text, QUrl::StrictMode);
    if (!url.isValid())
        return false;
    const QString scheme = url.scheme().toLower();
    if (scheme != u"http"_s && scheme != u"https"_s && scheme != u"ftp"_s)
        return false;
    const QString host = url.host();
    // validator.js requires a top-level domain (or an IP address).
    return host.contains(u'.') && !host.startsWith(u'.') && !host.endsWith(u'.');
}

QString ruleText(const QVariant &value) {
    if (value.metaType().id() == QMetaType::Double)
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    if (value.metaType().id() == QMetaType::Bool)
        return value.toBool() ? u"true"_s : u"false"_s;
    return value.toString();
}

QString jsonRuleText(const QJsonValue &value) {
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    return value.toString();
}

// "2024-05-06 07:08:09.123" for a UTC time plus `suffix`, written by hand into one allocation:
// QDateTime::toString goes through the locale and calendar machinery and was the largest single cost of a
// save (four timestamps per parent and child).
QString utcText(const QDateTime &value, char16_t separator, QStringView suffix = {}) {
    const QDateTime utc = value.timeSpec() == Qt::UTC ? value : value.toUTC();
    int year = 0, month = 0, day = 0;
    utc.date().getDate(&year, &month, &day);
    const QTime time = utc.time();
    if (year < 0 || year > 9999)
        return utc.toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s).replace(10, 1, QChar(separator)).append(suffix);
    QString result(23 + suffix.size(), Qt::Uninitialized);
    char16_t *text = reinterpret_cast<char16_t *>(result.data());
    auto put = [&text](int at, int number, int digits) {
        for (int i = digits - 1; i >= 0; --i, number /= 10)
            text[at + i] = char16_t(u'0' + number % 10);
    };
    put(0, year, 4);
    text[4] = u'-';
    put(5, month, 2);
    text[7] = u'-';
    put(8, day, 2);
    text[10] = separator;
    put(11, time.hour(), 2);
    text[13] = u':';
    put(14, time.minute(), 2);
    text[16] = u':';
    put(17, time.second(), 2);
    text[19] = u'.';
    put(20, time.msec(), 3);
    std::copy(suffix.utf16(), suffix.utf16() + suffix.size(), text + 23);
    return result;
}

} // namespace

FieldCheck FieldValue::parseDecimal(const QJsonValue &value) {
    return checkDecimal(DataType::ofKind(Kind::Decimal), value);
}

FieldCheck FieldValue::parseDate(const QJsonValue &value) {
    return checkDate(value);
}

QString FieldValue::utcTimestampText(const QDateTime &value, char16_t separator, QStringView suffix) {
    return utcText(value, separator, suffix);
}

QString FieldValue::checkRules(const Field &field, const QVariant &value) {
    if (value.isNull())
        return {}; // Sequelize skips validators on null; allowNull decides
    const QString text = ruleText(value);
    for (const ValidateRule &rule : field.validate) {
        const QJsonValue arg = rule.argument;
        if (arg.isBool() && !arg.toBool())
            continue; // isEmail: false switches a rule off
        if (rule.name == u"isEmail"_s) {
            if (!isEmail(text))
                return tr("\"%1\" is not an e-mail address").arg(text);
        } else if (rule.name == u"isUrl"_s) {
            if (!isUrl(text))
                return tr("\"%1\" is not a URL").arg(text);
        } else if (rule.name == u"notEmpty"_s) {
            if (text.trimmed().isEmpty())
                return tr("must not be empty");
        } else if (rule.name == u"len"_s) {
            const QJsonArray range = arg.toArray();
            const qsizetype length = codePoints(text);
            const double low = range.at(0).toDouble();
            const double high = range.at(1).toDouble();
            if (length < low || length > high)
                return tr("must be %1 to %2 characters long (it is %3)").arg(low).arg(high).arg(length);
        } else if (rule.name == u"min"_s || rule.name == u"max"_s) {
            bool ok = false;
            const double number = text.toDouble(&ok);
            const double limit = arg.toDouble();
            if (!ok)
                return tr("must be a number to compare with %1").arg(limit);
            if (rule.name == u"min"_s && number < limit)
                return tr("must be at least %1").arg(limit);
            if (rule.name == u"max"_s && number > limit)
                return tr("must be at most %1").arg(limit);
        } else if (rule.name == u"is"_s) {
            QString pattern = arg.toString();
            QRegularExpression::PatternOptions options;
            if (arg.isArray()) { // ["^[a-z]+$", "i"], as Sequelize accepts
                pattern = arg.toArray().at(0).toString();
                if (arg.toArray().at(1).toString().contains(u'i'))
                    options |= QRegularExpression::CaseInsensitiveOption;
            }
            const QRegularExpression re(pattern, options);
            if (!re.isValid() || !re.match(text).hasMatch())
                return tr("\"%1\" does not match %2").arg(text, pattern);
        } else if (rule.name == u"isIn"_s) {
            const QJsonArray allowed = arg.toArray().at(0).toArray();
            QStringList names;
            for (const QJsonValue &v : allowed)
                names << jsonRuleText(v);
            if (!names.contains(text))
                return tr("\"%1\" is not one of %2").arg(text, names.join(u", "_s));
        }
    }
    return {};
}

FieldCheck FieldValue::check(const Column &column, const QJsonValue &value, const Field *field) {
    if (value.isNull() || value.isUndefined()) {
        if (!column.nullable)
            return bad(tr("cannot be null"));
        return good(QVariant());
    }
    FieldCheck result;
    switch (column.type.kind) {
    case Kind::Integer:
    case Kind::BigInt:
    case Kind::SmallInt:
        result = checkInteger(column.type, value);
        break;
    case Kind::Decimal:
        result = checkDecimal(column.type, value);
        break;
    case Kind::Float:
    case Kind::Double:
        result = checkFloat(value);
        break;
    case Kind::Boolean:
        result = checkBoolean(value);
        break;
    case Kind::Date:
        result = checkDate(value);
        break;
    case Kind::DateOnly:
        result = checkDateOnly(value);
        break;
    case Kind::Time:
        result = checkTime(value);
        break;
    case Kind::Uuid:
        result = checkUuid(value);
        break;
    case Kind::Json:
        result = checkJson(value);
        break;
    case Kind::Blob:
        result = checkBlob(value);
        break;
    case Kind::String:
    case Kind::Char:
    case Kind::Text:
    case Kind::Enum:
        result = checkText(column, value);
        break;
    }
    if (result.ok() && field) {
        const QString message = checkRules(*field, result.value);
        if (!message.isEmpty())
            return bad(message);
    }
    return result;
}

FieldCheck FieldValue::check(const Field &field, const QJsonValue &value) {
    Column column;
    column.attribute = field.name;
    column.name = field.name;
    column.type = field.type;
    // A primary key that the database or Sequelize generates may be left empty in a form.
    column.nullable = field.isNullable() || field.autoIncrement || field.hasDefault();
    return check(column, value, &field);
}

QString FieldValue::toText(const QJsonValue &value) {
    if (value.isNull() || value.isUndefined())
        return {};
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    if (value.isDouble())
        return value.toDouble() == double(value.toInteger()) ? QString::number(value.toInteger())
                                                             : QString::number(value.toDouble(), 'g', 17);
    return value.toString();
}

QJsonValue FieldValue::fromText(const DataType &type, const QString &raw) {
    const QString text = raw.trimmed();
    if (text.isEmpty())
        return QJsonValue(QJsonValue::Null);
    if (type.isIntegral()) {
        bool ok = false;
        const qint64 n = text.toLongLong(&ok);
        // Beyond 2^53 a JSON number loses digits; such integers go on as exact text.
        return ok && std::llabs(n) <= (qint64(1) << 53) ? QJsonValue(n) : QJsonValue(text);
    }
    if (type.kind == DataType::Kind::Float || type.kind == DataType::Kind::Double) {
        bool ok = false;
        const double d = text.toDouble(&ok);
        return ok ? QJsonValue(d) : QJsonValue(text);
    }
    if (type.kind == DataType::Kind::Boolean) {
        if (text.compare(u"true"_s, Qt::CaseInsensitive) == 0 || text == u"1"_s)
            return true;
        if (text.compare(u"false"_s, Qt::CaseInsensitive) == 0 || text == u"0"_s)
            return false;
    }
    return text;
}

QJsonValue FieldValue::toJson(const DataType &type, const QVariant &value) {
    if (value.isNull())
        return QJsonValue::Null;
    switch (type.kind) {
    case Kind::Integer:
    case Kind::BigInt:
    case Kind::SmallInt: {
        const qint64 number = value.toLongLong();
        if (std::fabs(static_cast<double>(number)) > kMaxSafeInteger)
            return QString::number(number);
        return static_cast<double>(number);
    }
    case Kind::Float:
    case Kind::Double:
        return value.toDouble();
    case Kind::Boolean:
        return value.toBool();
    case Kind::Date:
        return utcText(value.toDateTime(), u'T', u"Z");
    case Kind::DateOnly:
        return value.toDate().toString(Qt::ISODate);
    case Kind::Time:
        return value.toTime().toString(u"HH:mm:ss"_s);
    case Kind::Json: {
        const QByteArray wrapped = "[" + value.toString().toUtf8() + "]";
        return QJsonDocument::fromJson(wrapped).array().at(0);
    }
    case Kind::Blob:
        return QString::fromLatin1(value.toByteArray().toBase64());
    case Kind::Decimal:
        return decimalAtScale(type, value.toString());
    default:
        return value.toString();
    }
}

bool FieldValue::sameValue(const DataType &type, const QVariant &a, const QVariant &b) {
    if (a.isNull() || b.isNull())
        return a.isNull() == b.isNull();
    return toJson(type, a) == toJson(type, b);
}

QString FieldValue::decimalAtScale(const DataType &type, QString text) {
    if (type.scale <= 0 || text.isEmpty())
        return text;
    const qsizetype point = text.indexOf(u'.');
    const qsizetype decimals = point < 0 ? 0 : text.size() - point - 1;
    if (decimals >= type.scale)
        return text;
    if (point < 0)
        text += u'.';
    text += QString(type.scale - decimals, u'0');
    return text;
}

QString FieldValue::keyText(const QJsonValue &key) {
    return key.isString() ? key.toString() : QString::number(key.toInteger());
}

} // namespace modeldesk
