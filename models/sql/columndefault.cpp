#include "sql/columndefault.h"

#include <QDate>
#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTime>
#include <optional>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

// Reads the string literal whose opening quote is at `start` into *content, undoing '' and, where
// `backslashes` (MySQL, PostgreSQL's E'...'), backslash escapes. Returns the index just past the closing
// quote, or -1 when the literal does not end.
qsizetype readQuoted(const QString &text, qsizetype start, bool backslashes, QString *content) {
    for (qsizetype i = start + 1; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\'') {
            if (i + 1 < text.size() && text.at(i + 1) == u'\'') {
                content->append(u'\'');
                ++i;
                continue;
            }
            return i + 1;
        }
        if (backslashes && c == u'\\' && i + 1 < text.size()) {
            const QChar e = text.at(++i);
            switch (e.unicode()) {
            case u'0':
                content->append(QChar(0));
                break;
            case u'n':
                content->append(u'\n');
                break;
            case u'r':
                content->append(u'\r');
                break;
            case u't':
                content->append(u'\t');
                break;
            case u'b':
                content->append(u'\b');
                break;
            case u'Z':
                content->append(QChar(0x1a));
                break;
            default:
                content->append(e);
            }
            continue;
        }
        content->append(c);
    }
    return -1;
}

// Where the parenthesis or quote at `start` closes, or -1; scans quotes so that "(')')" is one group.
qsizetype groupEnd(const QString &text, qsizetype start) {
    int depth = 0;
    for (qsizetype i = start; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\'') {
            QString ignored;
            const qsizetype end = readQuoted(text, i, false, &ignored);
            if (end < 0)
                return -1;
            i = end - 1;
        } else if (c == u'(') {
            ++depth;
        } else if (c == u')' && --depth == 0) {
            return i;
        }
    }
    return -1;
}

// "((-1))" -> "-1": parentheses around the whole text say nothing.
QString withoutOuterParens(QString text) {
    while (text.startsWith(u'(') && groupEnd(text, 0) == text.size() - 1)
        text = text.mid(1, text.size() - 2).trimmed();
    return text;
}

// "'abc'::character varying" -> "'abc'": PostgreSQL's casts (outside quotes and parentheses) say nothing.
QString withoutCast(const QString &text) {
    int depth = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\'') {
            QString ignored;
            const qsizetype end = readQuoted(text, i, false, &ignored);
            if (end < 0)
                return text;
            i = end - 1;
        } else if (c == u'(') {
            ++depth;
        } else if (c == u')') {
            --depth;
        } else if (depth == 0 && c == u':' && text.mid(i, 2) == u"::"_s) {
            return text.left(i).trimmed();
        }
    }
    return text;
}

bool isNumber(const QString &text) {
    static const QRegularExpression number(uR"(^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$)"_s);
    return number.match(text).hasMatch();
}

// A decimal number written without exponent, sign of zero, leading or trailing zeros: "5.00" and "5",
// "1e20" and "100000000000000000000", "-0.0" and "0" meet here. Exact: no floating point.
QString exactDecimal(const QString &text) {
    static const QRegularExpression parts(uR"(^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$)"_s);
    const QRegularExpressionMatch m = parts.match(text.trimmed());
    if (!m.hasMatch() || m.captured(2).size() + m.captured(3).size() == 0)
        return text;
    const int exponent = m.captured(4).isEmpty() ? 0 : m.captured(4).toInt();
    if (exponent > 1000 || exponent < -1000)
        return text;
    QString digits = m.captured(2) + m.captured(3);
    qsizetype point = m.captured(2).size() + exponent;
    if (point < 0) {
        digits.prepend(QString(-point, u'0'));
        point = 0;
    }
    if (point > digits.size())
        digits.append(QString(point - digits.size(), u'0'));
    QString whole = digits.left(point);
    QString fraction = digits.mid(point);
    while (whole.startsWith(u'0'))
        whole.remove(0, 1);
    while (fraction.endsWith(u'0'))
        fraction.chop(1);
    QString out = whole.isEmpty() ? u"0"_s : whole;
    if (!fraction.isEmpty())
        out += u'.' + fraction;
    if (m.captured(1) == u"-"_s && out != u"0"_s)
        out.prepend(u'-');
    return out;
}

std::optional<bool> truth(const QString &text) {
    const QString t = text.trimmed().toLower();
    if (t == u"true"_s || t == u"t"_s || t == u"1"_s)
        return true;
    if (t == u"false"_s || t == u"f"_s || t == u"0"_s)
        return false;
    return std::nullopt;
}

// Milliseconds since midnight of "10:00", "10:00:00", "10:00:00.123456".
std::optional<int> timeOfDay(const QString &text) {
    static const QRegularExpression time(uR"(^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?$)"_s);
    const QRegularExpressionMatch m = time.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const int ms = (m.captured(4) + u"000"_s).left(3).toInt();
    return ((m.captured(1).toInt() * 60 + m.captured(2).toInt()) * 60 + m.captured(3).toInt()) * 1000 + ms;
}

// A timestamp as written ("2020-01-01 10:00:00+00", "2020-01-01T10:00:00.000Z", "2020-01-01 10:00:00"):
// its wall-clock time, and its offset from UTC when it gives one.
struct Stamp {
    QDateTime wall; // in UTC's frame, only to compare and count
    std::optional<int> offsetSeconds;
};

std::optional<Stamp> stamp(const QString &text) {
    static const QRegularExpression re(
        uR"(^(\d{4}-\d{2}-\d{2})(?:[T ]([\d:.]+))?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$)"_s);
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const QDate date = QDate::fromString(m.captured(1), Qt::ISODate);
    const std::optional<int> ms = m.captured(2).isEmpty() ? 0 : timeOfDay(m.captured(2));
    if (!date.isValid() || !ms)
        return std::nullopt;
    Stamp s{QDateTime(date, QTime(0, 0), Qt::UTC).addMSecs(*ms), std::nullopt};
    const QString zone = m.captured(3);
    if (zone == u"Z"_s) {
        s.offsetSeconds = 0;
    } else if (!zone.isEmpty()) {
        const QString digits = zone.mid(1).remove(u':');
        const int seconds = digits.left(2).toInt() * 3600 + digits.mid(2, 2).toInt() * 60;
        s.offsetSeconds = zone.startsWith(u'-') ? -seconds : seconds;
    }
    return s;
}

bool sameStamp(const QString &a, const QString &b) {
    const std::optional<Stamp> x = stamp(a);
    const std::optional<Stamp> y = stamp(b);
    if (!x || !y)
        return a == b;
    // Without an offset the engine read the text in its session's time zone and echoes it in the same zone
    // (PostgreSQL adds that zone's offset): the wall-clock time is what must agree.
    if (!x->offsetSeconds || !y->offsetSeconds)
        return x->wall == y->wall;
    return x->wall.addSecs(-*x->offsetSeconds) == y->wall.addSecs(-*y->offsetSeconds);
}

bool sameJson(const QString &a, const QString &b) {
    QJsonParseError ea, eb;
    const QJsonDocument x = QJsonDocument::fromJson(QByteArray("[") + a.toUtf8() + ']', &ea);
    const QJsonDocument y = QJsonDocument::fromJson(QByteArray("[") + b.toUtf8() + ']', &eb);
    if (ea.error != QJsonParseError::NoError || eb.error != QJsonParseError::NoError)
        return a == b;
    return x == y;
}

// PostgreSQL echoes a BYTEA default as hex ('\x616263'); the design writes the text.
QString blobText(const QString &text) {
    static const QRegularExpression hex(uR"(^\\x([0-9a-fA-F]{2})*$)"_s);
    if (!hex.match(text).hasMatch())
        return text;
    return QString::fromUtf8(QByteArray::fromHex(text.mid(2).toLatin1()));
}

bool sameValue(const QString &a, const QString &b, const DataType &type) {
    using K = DataType::Kind;
    switch (type.kind) {
    case K::Boolean: {
        const std::optional<bool> x = truth(a);
        const std::optional<bool> y = truth(b);
        return x && y ? *x == *y : a == b;
    }
    case K::Integer:
    case K::BigInt:
    case K::SmallInt:
    case K::Decimal:
        return exactDecimal(a) == exactDecimal(b);
    case K::Float:
    case K::Double: {
        bool okA = false, okB = false;
        const double x = a.toDouble(&okA);
        const double y = b.toDouble(&okB);
        // FLOAT is single precision on MySQL: compare what each type can hold.
        const int digits = type.kind == K::Float ? 6 : 15;
        return okA && okB ? QString::number(x, 'g', digits) == QString::number(y, 'g', digits) : a == b;
    }
    case K::Date:
        return sameStamp(a, b);
    case K::DateOnly: {
        const QDate x = QDate::fromString(a.trimmed().left(10), Qt::ISODate);
        const QDate y = QDate::fromString(b.trimmed().left(10), Qt::ISODate);
        return x.isValid() && y.isValid() ? x == y : a == b;
    }
    case K::Time: {
        const std::optional<int> x = timeOfDay(a);
        const std::optional<int> y = timeOfDay(b);
        return x && y ? *x == *y : a == b;
    }
    case K::Uuid:
        return a.compare(b, Qt::CaseInsensitive) == 0;
    case K::Char: {
        QString x = a, y = b;
        while (x.endsWith(u' '))
            x.chop(1);
        while (y.endsWith(u' '))
            y.chop(1);
        return x == y;
    }
    case K::Json:
        return sameJson(a, b);
    case K::Blob:
        return blobText(a) == blobText(b);
    case K::String:
    case K::Text:
    case K::Enum:
        break;
    }
    return a == b;
}

} // namespace

ColumnDefault ColumnDefault::designed(const Column &column, const SqlDialect &dialect) {
    if (!column.hasDefault())
        return {};
    return parse(dialect.defaultLiteral(column), dialect);
}

ColumnDefault ColumnDefault::parse(const QString &text, const SqlDialect &dialect) {
    QString t = text.trimmed();
    for (QString peeled = withoutOuterParens(withoutCast(t)); peeled != t;
         peeled = withoutOuterParens(withoutCast(t)))
        t = peeled;
    if (t.isEmpty())
        return {};
    const bool mysql = dialect.kind() == SqlDialect::Kind::MySql;
    const bool escaped =
        dialect.kind() == SqlDialect::Kind::Postgres && (t.startsWith(u"E'"_s) || t.startsWith(u"e'"_s));
    if (t.startsWith(u'\'') || escaped) {
        QString content;
        const qsizetype start = escaped ? 1 : 0;
        if (readQuoted(t, start, mysql || escaped, &content) == t.size())
            return {Kind::Value, content};
        return {Kind::Expression, text.trimmed()};
    }
    const QString upper = t.toUpper();
    if (upper == u"NULL"_s)
        return {};
    // The clock at insert time, however the engine spells it (SQLite also as datetime('now') and the
    // strftime Sequelize-era schemas use).
    static const QRegularExpression now(
        uR"(^(CURRENT_TIMESTAMP|NOW|LOCALTIMESTAMP|CURRENT_DATE|CURDATE|CURRENT_TIME|CURTIME|LOCALTIME|TRANSACTION_TIMESTAMP|STATEMENT_TIMESTAMP|CLOCK_TIMESTAMP)(\(\d*\))?$)"_s);
    if (now.match(upper).hasMatch() || upper == u"DATETIME('NOW')"_s ||
        upper == u"STRFTIME('%Y-%M-%D %H:%M:%F', 'NOW')"_s)
        return {Kind::Now, {}};
    if (isNumber(t))
        return {Kind::Value, t};
    if (upper == u"TRUE"_s || upper == u"FALSE"_s)
        return {Kind::Value, t.toLower()};
    // MySQL (unlike MariaDB) reports a literal default without quotes.
    if (mysql && !t.contains(u'('))
        return {Kind::Value, t};
    return {Kind::Expression, text.trimmed()};
}

bool ColumnDefault::same(const ColumnDefault &a, const ColumnDefault &b, const DataType &type) {
    if (a.kind != b.kind)
        return false;
    switch (a.kind) {
    case Kind::None:
    case Kind::Now:
        return true;
    case Kind::Expression:
        return a.value.compare(b.value, Qt::CaseInsensitive) == 0;
    case Kind::Value:
        return sameValue(a.value, b.value, type);
    }
    return false;
}

QString ColumnDefault::toString() const {
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Now:
        return u"CURRENT_TIMESTAMP"_s;
    case Kind::Expression:
        return value;
    case Kind::Value:
        if (isNumber(value) || value == u"true"_s || value == u"false"_s)
            return value;
        return u'\'' + QString(value).replace(u'\'', u"''"_s) + u'\'';
    }
    return {};
}

} // namespace modeldesk
