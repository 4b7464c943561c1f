#include "sql/sqldialect.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace modeldesk {

using namespace Qt::StringLiterals;

std::optional<SqlDialect> SqlDialect::fromName(const QString &name) {
    const QString n = name.toLower();
    if (n == u"sqlite"_s || n == u"sqlite3"_s)
        return SqlDialect(Kind::Sqlite);
    if (n == u"postgres"_s || n == u"postgresql"_s || n == u"pg"_s)
        return SqlDialect(Kind::Postgres);
    if (n == u"mysql"_s || n == u"mariadb"_s)
        return SqlDialect(Kind::MySql);
    return std::nullopt;
}

QString SqlDialect::name() const {
    switch (mKind) {
    case Kind::Sqlite:
        return u"sqlite"_s;
    case Kind::Postgres:
        return u"postgres"_s;
    case Kind::MySql:
        return u"mysql"_s;
    }
    return {};
}

QString SqlDialect::title() const {
    switch (mKind) {
    case Kind::Sqlite:
        return QCoreApplication::translate("SqlDialect", "SQLite");
    case Kind::Postgres:
        return QCoreApplication::translate("SqlDialect", "PostgreSQL");
    case Kind::MySql:
        return QCoreApplication::translate("SqlDialect", "MySQL / MariaDB");
    }
    return {};
}

int SqlDialect::defaultPort() const {
    switch (mKind) {
    case Kind::Sqlite:
        return 0;
    case Kind::Postgres:
        return 5432;
    case Kind::MySql:
        return 3306;
    }
    return 0;
}

QString SqlDialect::qtDriver() const {
    switch (mKind) {
    case Kind::Sqlite:
        return u"QSQLITE"_s;
    case Kind::Postgres:
        return u"QPSQL"_s;
    case Kind::MySql:
        return u"QMYSQL"_s;
    }
    return {};
}

QString SqlDialect::quote(const QString &identifier) const {
    // SQLite accepts backticks as MySQL does; Sequelize uses them there too.
    const QChar q = mKind == Kind::Postgres ? u'"' : u'`';
    QString escaped = identifier;
    escaped.replace(q, QString(2, q));
    return q + escaped + q;
}

QString SqlDialect::stringLiteral(const QString &text) const {
    QString escaped = text;
    if (mKind == Kind::MySql)
        escaped.replace(u'\\', u"\\\\"_s); // MySQL treats backslash as an escape inside literals
    escaped.replace(u'\'', u"''"_s);
    return u'\'' + escaped + u'\'';
}

QString SqlDialect::dollarQuoteTag(const QString &body, const QString &first) {
    QString tag = first;
    for (int n = 1; body.contains(tag); ++n)
        tag = u"$md%1$"_s.arg(n);
    return tag;
}

QString SqlDialect::commentText(const QString &text) {
    QString out = text;
    for (QChar &c : out)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c.unicode() == 0x85 || c.unicode() == 0x2028 ||
            c.unicode() == 0x2029)
            c = u' ';
    return out;
}

QString SqlDialect::enumTypeName(const Table &table, const Column &column) {
    return u"enum_%1_%2"_s.arg(table.name, column.name);
}

QString SqlDialect::columnType(const Table &table, const Column &column) const {
    const DataType &t = column.type;
    using K = DataType::Kind;
    if (column.autoIncrement && mKind == Kind::Postgres) {
        if (t.kind == K::BigInt)
            return u"BIGSERIAL"_s;
        if (t.kind == K::SmallInt)
            return u"SMALLSERIAL"_s;
        return u"SERIAL"_s;
    }
    switch (t.kind) {
    case K::String:
        return u"VARCHAR(%1)"_s.arg(t.effectiveLength());
    case K::Char:
        return u"CHAR(%1)"_s.arg(t.effectiveLength());
    case K::Text:
        return u"TEXT"_s;
    case K::Integer:
        return u"INTEGER"_s;
    case K::BigInt:
        return u"BIGINT"_s;
    case K::SmallInt:
        return u"SMALLINT"_s;
    case K::Float:
        return u"FLOAT"_s;
    case K::Double:
        return u"DOUBLE PRECISION"_s;
    case K::Decimal:
        if (t.precision <= 0)
            return u"DECIMAL"_s;
        return t.scale >= 0 ? u"DECIMAL(%1,%2)"_s.arg(t.precision).arg(t.scale)
                            : u"DECIMAL(%1)"_s.arg(t.precision);
    case K::Boolean:
        return mKind == Kind::Postgres ? u"BOOLEAN"_s : u"TINYINT(1)"_s;
    case K::Date:
        return mKind == Kind::Postgres ? u"TIMESTAMP WITH TIME ZONE"_s : u"DATETIME"_s;
    case K::DateOnly:
        return u"DATE"_s;
    case K::Time:
        return u"TIME"_s;
    case K::Uuid:
        return mKind == Kind::MySql ? u"CHAR(36) BINARY"_s : u"UUID"_s;
    case K::Enum: {
        if (mKind == Kind::Postgres)
            return quote(enumTypeName(table, column));
        if (mKind == Kind::Sqlite)
            return u"TEXT"_s;
        QStringList values;
        for (const QString &v : t.values)
            values << stringLiteral(v);
        return u"ENUM(%1)"_s.arg(values.join(u", "_s));
    }
    case K::Json:
        return u"JSON"_s;
    case K::Blob:
        return mKind == Kind::Postgres ? u"BYTEA"_s : u"BLOB"_s;
    }
    return {};
}

QString SqlDialect::defaultLiteral(const Column &column) const {
    const QJsonValue value = column.defaultValue;
    using K = DataType::Kind;
    switch (value.type()) {
    case QJsonValue::Null:
        return u"NULL"_s;
    case QJsonValue::Bool:
        if (mKind == Kind::Postgres)
            return value.toBool() ? u"true"_s : u"false"_s;
        return value.toBool() ? u"1"_s : u"0"_s;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        const QString text = d == static_cast<double>(static_cast<qint64>(d))
                                 ? QString::number(static_cast<qint64>(d))
                                 : QString::number(d, 'g', 17);
        return column.type.isNumeric() ? text : stringLiteral(text);
    }
    case QJsonValue::String:
        if (column.type.kind == K::Decimal || column.type.isIntegral())
            return value.toString(); // validated as a number by the validator
        return stringLiteral(value.toString());
    case QJsonValue::Object: {
        const QString fn = value.toObject().value(u"fn"_s).toString();
        if (fn == u"NOW"_s)
            return u"CURRENT_TIMESTAMP"_s;
        return {}; // UUIDV4/UUIDV1: generated by the application, as in Sequelize
    }
    case QJsonValue::Array:
        return stringLiteral(
            QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)));
    default:
        return {};
    }
}

QString SqlDialect::emptyInsertValues() const {
    return mKind == Kind::MySql ? u" () VALUES ()"_s : u" DEFAULT VALUES"_s;
}

QString SqlDialect::caseInsensitiveLike(const QString &quotedColumn, QChar escape) const {
    const QString escapeClause = u" ESCAPE "_s + stringLiteral(QString(escape));
    switch (mKind) {
    case Kind::Postgres:
        return u"CAST(%1 AS TEXT) ILIKE ?"_s.arg(quotedColumn) + escapeClause;
    case Kind::MySql:
        return u"CAST(%1 AS CHAR) LIKE ?"_s.arg(quotedColumn) + escapeClause;
    case Kind::Sqlite:
        break;
    }
    return quotedColumn + u" LIKE ?"_s + escapeClause;
}

QDateTime SqlDialect::storedTimestamp(const QDateTime &timestamp) const {
    if (mKind != Kind::MySql)
        return timestamp;
    QDateTime whole = timestamp;
    whole.setTime(QTime(timestamp.time().hour(), timestamp.time().minute(), timestamp.time().second()));
    return whole;
}

} // namespace modeldesk
