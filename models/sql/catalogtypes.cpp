#include "sql/catalogtypes.h"

#include "sql/columndefault.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

using K = DataType::Kind;

// "varchar(40)" -> {"varchar", [40]}; "decimal(10, 2)" -> {"decimal", [10, 2]}; "text" -> {"text", []}.
struct Spelling {
    QString head;
    QList<int> arguments;
    bool parsedArguments = true;
};

Spelling spell(const QString &type) {
    Spelling s;
    const QString t = type.trimmed().toLower();
    const qsizetype open = t.indexOf(u'(');
    if (open < 0) {
        s.head = t.simplified();
        return s;
    }
    s.head = t.left(open).simplified();
    const qsizetype close = t.indexOf(u')', open);
    const QString inner = t.mid(open + 1, (close < 0 ? t.size() : close) - open - 1);
    for (const QString &part : inner.split(u',')) {
        bool ok = false;
        const int n = part.trimmed().toInt(&ok);
        if (!ok)
            s.parsedArguments = false;
        s.arguments << n;
    }
    // What follows the parentheses: "int(10) unsigned", "character varying(20)[]".
    if (close >= 0 && close + 1 < t.size())
        s.head += u' ' + t.mid(close + 1).simplified();
    return s;
}

DataType withLength(K kind, const QList<int> &arguments) {
    DataType type = DataType::ofKind(kind);
    const int length = arguments.value(0, -1);
    type.length = length == 255 ? -1 : length; // Sequelize's STRING is VARCHAR(255)
    return type;
}

DataType decimal(const QList<int> &arguments) {
    DataType type = DataType::ofKind(K::Decimal);
    if (!arguments.isEmpty()) {
        type.precision = arguments.value(0);
        type.scale = arguments.value(1, 0);
    }
    return type;
}

CatalogTypes::TypeReading exact(DataType type) {
    return {std::move(type), {}, false};
}

CatalogTypes::TypeReading near(DataType type, const QString &note) {
    return {std::move(type), note, false};
}

CatalogTypes::TypeReading unknownType(const QString &spelled) {
    return {DataType::ofKind(K::Text),
            CatalogTypes::tr("type %1 has no Sequelize counterpart; kept as TEXT").arg(spelled), true};
}

CatalogTypes::TypeReading postgresType(const QString &type, const QStringList &enumValues) {
    if (!enumValues.isEmpty())
        return exact(DataType{K::Enum, -1, -1, -1, enumValues});
    const Spelling s = spell(type);
    const QString &h = s.head;
    if (h == u"integer"_s)
        return exact(DataType::integer());
    if (h == u"bigint"_s)
        return exact(DataType::ofKind(K::BigInt));
    if (h == u"smallint"_s)
        return exact(DataType::ofKind(K::SmallInt));
    if (h == u"character varying"_s)
        return s.arguments.isEmpty()
                   ? near(DataType::ofKind(K::Text),
                          CatalogTypes::tr("character varying without a length is read as TEXT"))
                   : exact(withLength(K::String, s.arguments));
    if (h == u"character"_s)
        return exact(withLength(K::Char, s.arguments.isEmpty() ? QList<int>{1} : s.arguments));
    if (h == u"text"_s)
        return exact(DataType::ofKind(K::Text));
    if (h == u"boolean"_s)
        return exact(DataType::ofKind(K::Boolean));
    if (h == u"timestamp with time zone"_s)
        return exact(DataType::ofKind(K::Date));
    if (h == u"timestamp without time zone"_s)
        return near(
            DataType::ofKind(K::Date),
            CatalogTypes::tr("timestamp without time zone is read as DATE (timestamp with time zone)"));
    if (h == u"date"_s)
        return exact(DataType::ofKind(K::DateOnly));
    if (h == u"time without time zone"_s)
        return exact(DataType::ofKind(K::Time));
    if (h == u"time with time zone"_s)
        return near(DataType::ofKind(K::Time),
                    CatalogTypes::tr("time with time zone is read as TIME (without time zone)"));
    if (h == u"double precision"_s)
        return exact(DataType::ofKind(K::Double));
    if (h == u"real"_s)
        return near(DataType::ofKind(K::Float),
                    CatalogTypes::tr("real is read as FLOAT, which PostgreSQL makes double precision"));
    if (h == u"numeric"_s)
        return exact(decimal(s.arguments));
    if (h == u"uuid"_s)
        return exact(DataType::ofKind(K::Uuid));
    if (h == u"json"_s)
        return exact(DataType::ofKind(K::Json));
    if (h == u"jsonb"_s)
        return near(DataType::ofKind(K::Json), CatalogTypes::tr("jsonb is read as JSON"));
    if (h == u"bytea"_s)
        return exact(DataType::ofKind(K::Blob));
    return unknownType(type);
}

CatalogTypes::TypeReading mysqlType(const QString &type, bool jsonChecked) {
    Spelling s = spell(type);
    QString note;
    if (s.head.endsWith(u" unsigned"_s) || s.head.endsWith(u" unsigned zerofill"_s)) {
        s.head = s.head.left(s.head.indexOf(u" unsigned"_s));
        note = CatalogTypes::tr("UNSIGNED is not kept");
    }
    const QString &h = s.head;
    auto reading = [&](DataType t, const QString &extra = {}) {
        QStringList notes;
        if (!note.isEmpty())
            notes << note;
        if (!extra.isEmpty())
            notes << extra;
        return CatalogTypes::TypeReading{std::move(t), notes.join(u"; "_s), false};
    };
    if (h == u"int"_s || h == u"integer"_s)
        return reading(DataType::integer());
    if (h == u"mediumint"_s)
        return reading(DataType::integer(), CatalogTypes::tr("mediumint is read as INTEGER"));
    if (h == u"bigint"_s)
        return reading(DataType::ofKind(K::BigInt));
    if (h == u"smallint"_s)
        return reading(DataType::ofKind(K::SmallInt));
    if (h == u"tinyint"_s)
        return s.arguments == QList<int>{1}
                   ? reading(DataType::ofKind(K::Boolean))
                   : reading(DataType::ofKind(K::SmallInt), CatalogTypes::tr("tinyint is read as SMALLINT"));
    if (h == u"bool"_s || h == u"boolean"_s)
        return reading(DataType::ofKind(K::Boolean));
    if (h == u"varchar"_s)
        return reading(withLength(K::String, s.arguments));
    if (h == u"char"_s)
        // Sequelize's UUID is CHAR(36) BINARY on MySQL: a 36-character CHAR is read as one.
        return s.arguments == QList<int>{36} ? reading(DataType::ofKind(K::Uuid))
                                             : reading(withLength(K::Char, s.arguments));
    if (h == u"text"_s)
        return reading(DataType::ofKind(K::Text));
    if (h == u"tinytext"_s || h == u"mediumtext"_s)
        return reading(DataType::ofKind(K::Text), CatalogTypes::tr("%1 is read as TEXT").arg(h));
    if (h == u"longtext"_s)
        return jsonChecked ? reading(DataType::ofKind(K::Json)) // MariaDB's JSON
                           : reading(DataType::ofKind(K::Text), CatalogTypes::tr("longtext is read as TEXT"));
    if (h == u"json"_s)
        return reading(DataType::ofKind(K::Json));
    if (h == u"float"_s)
        return reading(DataType::ofKind(K::Float));
    if (h == u"double"_s || h == u"double precision"_s || h == u"real"_s)
        return reading(DataType::ofKind(K::Double));
    if (h == u"decimal"_s || h == u"numeric"_s)
        return reading(decimal(s.arguments));
    if (h == u"datetime"_s)
        return reading(DataType::ofKind(K::Date));
    if (h == u"timestamp"_s)
        return reading(DataType::ofKind(K::Date), CatalogTypes::tr("timestamp is read as DATE (DATETIME)"));
    if (h == u"date"_s)
        return reading(DataType::ofKind(K::DateOnly));
    if (h == u"time"_s)
        return reading(DataType::ofKind(K::Time));
    if (h == u"enum"_s) {
        const qsizetype open = type.indexOf(u'(');
        if (const auto values =
                CatalogTypes::quotedList(type.mid(open + 1, type.lastIndexOf(u')') - open - 1)))
            return reading(DataType{K::Enum, -1, -1, -1, *values});
        return unknownType(type);
    }
    if (h == u"blob"_s)
        return reading(DataType::ofKind(K::Blob));
    if (h == u"tinyblob"_s || h == u"mediumblob"_s || h == u"longblob"_s || h == u"binary"_s ||
        h == u"varbinary"_s)
        return reading(DataType::ofKind(K::Blob), CatalogTypes::tr("%1 is read as BLOB").arg(type));
    return unknownType(type);
}

// SQLite keeps the declared type verbatim: first ModelDesk's and Sequelize's own spellings, then SQLite's
// type affinity rules (https://sqlite.org/datatype3.html, 3.1) for everything else.
CatalogTypes::TypeReading sqliteType(const QString &type, const QStringList &enumValues) {
    const Spelling s = spell(type);
    const QString &h = s.head;
    const bool textual = h == u"text"_s || h == u"varchar"_s || h == u"character varying"_s || h.isEmpty();
    if (!enumValues.isEmpty() && textual)
        return exact(DataType{K::Enum, -1, -1, -1, enumValues});
    if (h == u"integer"_s)
        return exact(DataType::integer());
    if (h == u"bigint"_s)
        return exact(DataType::ofKind(K::BigInt));
    if (h == u"smallint"_s)
        return exact(DataType::ofKind(K::SmallInt));
    if (h == u"varchar"_s || h == u"character varying"_s || h == u"nvarchar"_s)
        return s.arguments.isEmpty()
                   ? near(DataType::string(), CatalogTypes::tr("%1 without a length is read "
                                                               "as STRING (VARCHAR(255))")
                                                  .arg(type))
                   : exact(withLength(K::String, s.arguments));
    if (h == u"char"_s || h == u"character"_s || h == u"nchar"_s)
        return exact(withLength(K::Char, s.arguments.isEmpty() ? QList<int>{1} : s.arguments));
    if (h == u"text"_s)
        return exact(DataType::ofKind(K::Text));
    if (h == u"float"_s)
        return exact(DataType::ofKind(K::Float));
    if (h == u"double precision"_s || h == u"double"_s)
        return exact(DataType::ofKind(K::Double));
    if (h == u"real"_s)
        return near(DataType::ofKind(K::Double), CatalogTypes::tr("REAL is read as DOUBLE"));
    if (h == u"decimal"_s || h == u"numeric"_s)
        return h == u"decimal"_s ? exact(decimal(s.arguments))
                                 : near(decimal(s.arguments), CatalogTypes::tr("NUMERIC is read as DECIMAL"));
    if ((h == u"tinyint"_s && s.arguments == QList<int>{1}) || h == u"boolean"_s || h == u"bool"_s)
        return exact(DataType::ofKind(K::Boolean));
    if (h == u"datetime"_s)
        return exact(DataType::ofKind(K::Date));
    if (h == u"timestamp"_s)
        return near(DataType::ofKind(K::Date), CatalogTypes::tr("TIMESTAMP is read as DATE (DATETIME)"));
    if (h == u"date"_s)
        return exact(DataType::ofKind(K::DateOnly));
    if (h == u"time"_s)
        return exact(DataType::ofKind(K::Time));
    if (h == u"uuid"_s)
        return exact(DataType::ofKind(K::Uuid));
    if (h == u"json"_s)
        return exact(DataType::ofKind(K::Json));
    if (h == u"blob"_s)
        return exact(DataType::ofKind(K::Blob));
    // Affinity: INT anywhere -> INTEGER; CHAR, CLOB, TEXT -> TEXT; BLOB or none -> BLOB; REAL, FLOA, DOUB ->
    // REAL; else NUMERIC.
    const QString affinity = h.isEmpty() ? CatalogTypes::tr("no type") : type;
    if (h.contains(u"int"_s))
        return near(DataType::integer(), CatalogTypes::tr("%1 is read as INTEGER").arg(affinity));
    if (h.contains(u"char"_s) || h.contains(u"clob"_s) || h.contains(u"text"_s))
        return near(DataType::ofKind(K::Text), CatalogTypes::tr("%1 is read as TEXT").arg(affinity));
    if (h.contains(u"real"_s) || h.contains(u"floa"_s) || h.contains(u"doub"_s))
        return near(DataType::ofKind(K::Double), CatalogTypes::tr("%1 is read as DOUBLE").arg(affinity));
    if (h.isEmpty() || h.contains(u"blob"_s))
        return near(DataType::ofKind(K::Blob), CatalogTypes::tr("%1 is read as BLOB").arg(affinity));
    return unknownType(type);
}

bool isUuidFunction(const QString &lower) {
    return lower == u"gen_random_uuid()"_s || lower == u"uuid_generate_v4()"_s || lower == u"uuid()"_s ||
           lower == u"uuid_v4()"_s;
}

QJsonValue numberValue(const QString &text, bool *ok) {
    const double value = text.toDouble(ok);
    return *ok ? QJsonValue(value) : QJsonValue();
}

} // namespace

CatalogTypes::TypeReading CatalogTypes::dataType(const SqlDialect &dialect, const QString &type,
                                                 const QStringList &enumValues, bool jsonChecked) {
    switch (dialect.kind()) {
    case SqlDialect::Kind::Postgres:
        return postgresType(type, enumValues);
    case SqlDialect::Kind::MySql:
        return mysqlType(type, jsonChecked);
    case SqlDialect::Kind::Sqlite:
        break;
    }
    return sqliteType(type, enumValues);
}

std::optional<QStringList> CatalogTypes::quotedList(const QString &text) {
    QStringList values;
    qsizetype i = 0;
    const qsizetype n = text.size();
    auto skipSpace = [&] {
        while (i < n && text.at(i).isSpace())
            ++i;
    };
    skipSpace();
    while (i < n) {
        if (text.at(i) != u'\'')
            return std::nullopt;
        QString value;
        ++i;
        bool closed = false;
        while (i < n) {
            const QChar c = text.at(i++);
            if (c == u'\\' && i < n) {
                value += text.at(i++);
            } else if (c == u'\'') {
                if (i < n && text.at(i) == u'\'') {
                    value += c;
                    ++i;
                } else {
                    closed = true;
                    break;
                }
            } else {
                value += c;
            }
        }
        if (!closed)
            return std::nullopt;
        values << value;
        skipSpace();
        if (i < n && text.at(i) == u',') {
            ++i;
            skipSpace();
            if (i >= n)
                return std::nullopt;
        } else if (i < n) {
            return std::nullopt;
        }
    }
    if (values.isEmpty())
        return std::nullopt;
    return values;
}

CatalogTypes::DefaultReading CatalogTypes::defaultValue(const SqlDialect &dialect, const DataType &type,
                                                        const QString &text) {
    DefaultReading reading;
    // What the text says (a literal, NOW, an expression) is ColumnDefault's to read, as for sync's drift
    // check: one reading of casts, quotes, escapes and NOW spellings. Here it becomes the design's value.
    const ColumnDefault parsed = ColumnDefault::parse(text, dialect);
    switch (parsed.kind) {
    case ColumnDefault::Kind::None:
        return reading;
    case ColumnDefault::Kind::Now:
        if (type.kind == K::Date || type.kind == K::DateOnly || type.kind == K::Time)
            reading.value = QJsonObject{{u"fn"_s, u"NOW"_s}};
        else
            reading.note = tr("the default %1 is kept only on date columns").arg(text);
        return reading;
    case ColumnDefault::Kind::Expression: {
        const QString lower = parsed.value.toLower();
        if (lower.startsWith(u"nextval("_s))
            reading.autoIncrement = true;
        else if (isUuidFunction(lower))
            reading.value = QJsonObject{{u"fn"_s, u"UUIDV4"_s}};
        else
            reading.note = tr("the default %1 is an expression, not a value; not kept").arg(text);
        return reading;
    }
    case ColumnDefault::Kind::Value:
        break;
    }
    static const QRegularExpression number(uR"(^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$)"_s);
    const QString &value = parsed.value;
    bool ok = true;
    switch (type.kind) {
    case K::Boolean: {
        const QString v = value.toLower();
        if (v == u"1"_s || v == u"true"_s || v == u"t"_s)
            reading.value = true;
        else if (v == u"0"_s || v == u"false"_s || v == u"f"_s)
            reading.value = false;
        else
            reading.note = tr("the default %1 is not a boolean; not kept").arg(text);
        return reading;
    }
    case K::Integer:
    case K::BigInt:
    case K::SmallInt:
    case K::Float:
    case K::Double:
        reading.value = numberValue(value, &ok);
        if (!ok)
            reading.note = tr("the default %1 is not a number; not kept").arg(text);
        return reading;
    case K::Decimal:
        // Kept as text: a decimal's digits are exact, a double's are not.
        if (!number.match(value).hasMatch())
            reading.note = tr("the default %1 is not a number; not kept").arg(text);
        else
            reading.value = value;
        return reading;
    case K::Json: {
        const QJsonDocument document = QJsonDocument::fromJson(value.toUtf8());
        if (document.isArray())
            reading.value = document.array();
        else
            reading.note = tr("the JSON default %1 is not an array; not kept").arg(text);
        return reading;
    }
    case K::Blob:
        reading.note = tr("the default %1 of a BLOB is not kept").arg(text);
        return reading;
    default:
        reading.value = value;
        return reading;
    }
}

} // namespace modeldesk
