#include "schema/datatype.h"

#include <QCoreApplication>
#include <algorithm>
#include <array>
#include <utility>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

struct KindName {
    DataType::Kind kind;
    const char *name;
};

constexpr std::array kKindNames{
    KindName{DataType::Kind::String, "STRING"},   KindName{DataType::Kind::Char, "CHAR"},
    KindName{DataType::Kind::Text, "TEXT"},       KindName{DataType::Kind::Integer, "INTEGER"},
    KindName{DataType::Kind::BigInt, "BIGINT"},   KindName{DataType::Kind::SmallInt, "SMALLINT"},
    KindName{DataType::Kind::Float, "FLOAT"},     KindName{DataType::Kind::Double, "DOUBLE"},
    KindName{DataType::Kind::Decimal, "DECIMAL"}, KindName{DataType::Kind::Boolean, "BOOLEAN"},
    KindName{DataType::Kind::Date, "DATE"},       KindName{DataType::Kind::DateOnly, "DATEONLY"},
    KindName{DataType::Kind::Time, "TIME"},       KindName{DataType::Kind::Uuid, "UUID"},
    KindName{DataType::Kind::Enum, "ENUM"},       KindName{DataType::Kind::Json, "JSON"},
    KindName{DataType::Kind::Blob, "BLOB"},
};

bool fail(QString *error, const QString &message) {
    if (error)
        *error = message;
    return false;
}

// Splits "a, 'b,c', d" at top-level commas, honouring single/double quotes with backslash escapes (a doubled
// quote closes and reopens the quotes, so 'it''s' stays one argument).
bool splitArguments(const QString &text, QStringList *out, QString *error) {
    QString current;
    QChar quote;
    bool escaped = false;
    bool sawAny = false;
    for (const QChar c : text) {
        if (!quote.isNull()) {
            current += c;
            if (escaped)
                escaped = false;
            else if (c == u'\\')
                escaped = true;
            else if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == u'\'' || c == u'"') {
            quote = c;
            current += c;
        } else if (c == u',') {
            out->append(current.trimmed());
            current.clear();
        } else {
            current += c;
        }
        sawAny = true;
    }
    if (!quote.isNull())
        return fail(error, DataType::tr("unterminated quoted value in \"%1\"").arg(text));
    if (sawAny || !current.isEmpty())
        out->append(current.trimmed());
    return true;
}

std::optional<QString> unquote(const QString &arg) {
    if (arg.size() < 2)
        return std::nullopt;
    const QChar q = arg.front();
    if ((q != u'\'' && q != u'"') || arg.back() != q)
        return std::nullopt;
    QString value;
    bool escaped = false;
    for (qsizetype i = 1; i < arg.size() - 1; ++i) {
        const QChar c = arg.at(i);
        if (escaped) {
            value += c;
            escaped = false;
        } else if (c == u'\\') {
            escaped = true;
        } else if (c == q && i + 1 < arg.size() - 1 && arg.at(i + 1) == q) {
            value += c; // the SQL way: a quote doubled inside its own quotes is one quote ('it''s')
            ++i;
        } else {
            value += c;
        }
    }
    return value;
}

std::optional<int> parsePositive(const QString &arg) {
    bool ok = false;
    const int value = arg.toInt(&ok);
    if (!ok || value < 0)
        return std::nullopt;
    return value;
}

QString quoteEnumValue(const QString &value) {
    QString escaped = value;
    escaped.replace(u"\\"_s, u"\\\\"_s);
    escaped.replace(u"'"_s, u"\\'"_s);
    return u'\'' + escaped + u'\'';
}

} // namespace

int DataType::maxTextLength() const {
    switch (kind) {
    case Kind::String:
    case Kind::Char:
        return effectiveLength();
    case Kind::Integer:
        return 11; // -2147483648
    case Kind::SmallInt:
        return 6; // -32768
    case Kind::BigInt:
        return 20; // -9223372036854775808
    case Kind::Decimal: {
        // A sign, the digits and the point; one without a precision is counted as DECIMAL(10).
        const int digits = precision > 0 ? precision : 10;
        return digits + 1 + (scale > 0 ? 1 : 0);
    }
    case Kind::Float:
    case Kind::Double:
        return 24; // the shortest round-trip form of a double, with sign and exponent
    case Kind::Boolean:
        return 5; // false
    case Kind::Date:
        return 19; // 2024-05-06 07:08:09
    case Kind::DateOnly:
        return 10;
    case Kind::Time:
        return 8;
    case Kind::Uuid:
        return 36;
    case Kind::Enum: {
        qsizetype longest = 0;
        for (const QString &value : values)
            longest = std::max(longest, value.size());
        return int(longest);
    }
    case Kind::Text:
    case Kind::Json:
    case Kind::Blob:
        return -1;
    }
    return -1;
}

QString DataType::kindName(Kind kind) {
    for (const auto &entry : kKindNames)
        if (entry.kind == kind)
            return QString::fromLatin1(entry.name);
    return {};
}

std::optional<DataType::Kind> DataType::kindFromName(const QString &name) {
    for (const auto &entry : kKindNames)
        if (name.compare(QLatin1String(entry.name), Qt::CaseInsensitive) == 0)
            return entry.kind;
    return std::nullopt;
}

QStringList DataType::kindNames() {
    QStringList names;
    for (const auto &entry : kKindNames)
        names.append(QString::fromLatin1(entry.name));
    return names;
}

std::optional<DataType> DataType::parse(const QString &input, QString *error) {
    const QString text = input.trimmed();
    const qsizetype open = text.indexOf(u'(');
    const QString head = (open < 0 ? text : text.left(open)).trimmed();
    const auto kind = kindFromName(head);
    if (!kind) {
        fail(error, tr("unknown data type \"%1\" (expected one of %2)").arg(head, kindNames().join(u", "_s)));
        return std::nullopt;
    }
    DataType type = ofKind(*kind);
    if (open < 0) {
        if (type.kind == Kind::Enum) {
            fail(error, tr("ENUM needs its values, e.g. ENUM('a','b')"));
            return std::nullopt;
        }
        return type;
    }
    if (!text.endsWith(u')')) {
        fail(error, tr("missing \")\" in data type \"%1\"").arg(text));
        return std::nullopt;
    }
    QStringList args;
    if (!splitArguments(text.mid(open + 1, text.size() - open - 2), &args, error))
        return std::nullopt;

    switch (type.kind) {
    case Kind::String:
    case Kind::Char: {
        const auto length = args.size() == 1 ? parsePositive(args.front()) : std::nullopt;
        if (!length || *length == 0) {
            fail(error,
                 tr("%1 takes one positive length, e.g. %1(100); got \"%2\"").arg(head.toUpper(), text));
            return std::nullopt;
        }
        type.length = *length;
        return type;
    }
    case Kind::Decimal: {
        if (args.isEmpty() || args.size() > 2) {
            fail(error, tr("DECIMAL takes a precision and an optional scale, e.g. DECIMAL(10,2); got \"%1\"")
                            .arg(text));
            return std::nullopt;
        }
        const auto precision = parsePositive(args.at(0));
        const auto scale = args.size() == 2 ? parsePositive(args.at(1)) : std::optional<int>(0);
        if (!precision || *precision == 0 || !scale) {
            fail(error,
                 tr("DECIMAL precision and scale must be whole numbers, precision at least 1; got \"%1\"")
                     .arg(text));
            return std::nullopt;
        }
        type.precision = *precision;
        type.scale = args.size() == 2 ? *scale : -1;
        return type;
    }
    case Kind::Enum: {
        for (const QString &arg : std::as_const(args)) {
            const auto value = unquote(arg);
            if (!value) {
                fail(error,
                     tr("ENUM values must be quoted strings, e.g. ENUM('new','paid'); got %1").arg(arg));
                return std::nullopt;
            }
            type.values.append(*value);
        }
        return type;
    }
    default:
        fail(error, tr("%1 takes no parameters; got \"%2\"").arg(head.toUpper(), text));
        return std::nullopt;
    }
}

QString DataType::toString() const {
    const QString name = kindName(kind);
    switch (kind) {
    case Kind::String:
    case Kind::Char:
        return length > 0 ? u"%1(%2)"_s.arg(name).arg(length) : name;
    case Kind::Decimal:
        if (precision <= 0)
            return name;
        return scale >= 0 ? u"%1(%2,%3)"_s.arg(name).arg(precision).arg(scale)
                          : u"%1(%2)"_s.arg(name).arg(precision);
    case Kind::Enum: {
        QStringList quoted;
        for (const QString &value : values)
            quoted.append(quoteEnumValue(value));
        return name + u'(' + quoted.join(u',') + u')';
    }
    default:
        return name;
    }
}

} // namespace modeldesk
