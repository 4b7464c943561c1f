#include "db/databaseerror.h"

#include <QRegularExpression>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

// "t.a, t.b" (SQLite): the table and the column names.
void sqliteColumns(const QString &list, ErrorSubject *subject) {
    for (const QString &item : list.split(u", "_s, Qt::SkipEmptyParts)) {
        const qsizetype dot = item.indexOf(u'.');
        if (dot < 0)
            continue;
        subject->table = item.left(dot);
        subject->columns << item.mid(dot + 1);
    }
}

ErrorSubject sqliteSubject(const QString &message) {
    static const QRegularExpression failed(
        u"^(NOT NULL|UNIQUE|PRIMARY KEY|CHECK|FOREIGN KEY) constraint failed(?:: (.*?))?(?: \\[\\d+\\])?$"_s);
    ErrorSubject subject;
    const QRegularExpressionMatch m = failed.match(message);
    if (!m.hasMatch())
        return subject;
    const QString kind = m.captured(1);
    if (kind == u"CHECK"_s)
        subject.constraint = m.captured(2);
    else if (kind != u"FOREIGN KEY"_s)
        sqliteColumns(m.captured(2), &subject);
    subject.kind = kind == u"NOT NULL"_s      ? ErrorSubject::Kind::NotNull
                   : kind == u"CHECK"_s       ? ErrorSubject::Kind::Check
                   : kind == u"FOREIGN KEY"_s ? ErrorSubject::Kind::ForeignKey
                                              : ErrorSubject::Kind::Unique;
    return subject;
}

// An identifier as PostgreSQL prints it in a key detail: bare, or "quoted" with "" for a quote.
QString pgIdentifier(QString text) {
    text = text.trimmed();
    if (text.size() >= 2 && text.startsWith(u'"') && text.endsWith(u'"'))
        text = text.mid(1, text.size() - 2).replace(u"\"\""_s, u"\""_s);
    return text;
}

ErrorSubject postgresSubject(const QString &message) {
    static const QRegularExpression notNull(
        u"null value in column \"((?:[^\"]|\"\")+)\"(?: of relation \"((?:[^\"]|\"\")+)\")? violates not-null"_s);
    static const QRegularExpression constraint(u"(?:on table|for relation) \"((?:[^\"]|\"\")+)\" violates "
                                               u"\\w+(?: \\w+)? constraint \"((?:[^\"]|\"\")+)\"|"
                                               u"violates \\w+(?: \\w+)? constraint \"((?:[^\"]|\"\")+)\""_s);
    static const QRegularExpression key(u"Key \\((.+?)\\)=\\("_s);
    static const QRegularExpression kindOf(u"violates (unique|foreign key|check) constraint"_s);
    ErrorSubject subject;
    if (message.startsWith(u"value too long"_s))
        subject.kind = ErrorSubject::Kind::TooLong;
    if (const QRegularExpressionMatch m = kindOf.match(message); m.hasMatch())
        subject.kind = m.captured(1) == u"unique"_s        ? ErrorSubject::Kind::Unique
                       : m.captured(1) == u"foreign key"_s ? ErrorSubject::Kind::ForeignKey
                                                           : ErrorSubject::Kind::Check;
    if (const QRegularExpressionMatch m = notNull.match(message); m.hasMatch()) {
        subject.kind = ErrorSubject::Kind::NotNull;
        subject.columns << pgIdentifier(u'"' + m.captured(1) + u'"');
        if (m.hasCaptured(2))
            subject.table = pgIdentifier(u'"' + m.captured(2) + u'"');
        return subject;
    }
    if (const QRegularExpressionMatch m = constraint.match(message); m.hasMatch()) {
        subject.table = m.hasCaptured(1) ? pgIdentifier(u'"' + m.captured(1) + u'"') : QString();
        subject.constraint = pgIdentifier(u'"' + (m.hasCaptured(2) ? m.captured(2) : m.captured(3)) + u'"');
    }
    if (const QRegularExpressionMatch m = key.match(message); m.hasMatch())
        for (const QString &column : m.captured(1).split(u", "_s))
            subject.columns << pgIdentifier(column);
    return subject;
}

// `db`.`t`.`c` or 'c' (MariaDB and MySQL quote differently): the last name.
QString mysqlName(const QString &text) {
    static const QRegularExpression last(u"`((?:[^`]|``)*)`$"_s);
    if (const QRegularExpressionMatch m = last.match(text); m.hasMatch())
        return m.captured(1).replace(u"``"_s, u"`"_s);
    return text;
}

ErrorSubject mysqlSubject(const QString &message) {
    static const QRegularExpression column(
        u"^Column '(.+?)' cannot be null|^Field '(.+?)' doesn't have a default value|"
        u"for column ('(.+?)'|(?:`(?:[^`]|``)*`\\.)*`(?:[^`]|``)*`) at row"_s);
    static const QRegularExpression duplicate(u"^Duplicate entry '.*' for key '(.+?)'(?: \\[\\d+\\])?$"_s);
    static const QRegularExpression foreignKey(
        u"foreign key constraint fails \\(.*?, CONSTRAINT `((?:[^`]|``)+)` FOREIGN KEY \\((.+?)\\) REFERENCES"_s);
    static const QRegularExpression check(u"^CONSTRAINT `((?:[^`]|``)+)` failed"_s);
    ErrorSubject subject;
    if (const QRegularExpressionMatch m = column.match(message); m.hasMatch()) {
        if (m.hasCaptured(1)) {
            subject.columns << m.captured(1);
            subject.kind = ErrorSubject::Kind::NotNull;
        } else if (m.hasCaptured(2)) {
            subject.columns << m.captured(2);
            subject.kind = ErrorSubject::Kind::NotNull;
        } else {
            subject.columns << (m.hasCaptured(4) ? m.captured(4) : mysqlName(m.captured(3)));
            if (message.startsWith(u"Data too long"_s))
                subject.kind = ErrorSubject::Kind::TooLong;
        }
    } else if (const QRegularExpressionMatch d = duplicate.match(message); d.hasMatch()) {
        subject.kind = ErrorSubject::Kind::Unique;
        subject.constraint = d.captured(1);
    } else if (const QRegularExpressionMatch f = foreignKey.match(message); f.hasMatch()) {
        subject.kind = ErrorSubject::Kind::ForeignKey;
        subject.constraint = f.captured(1).replace(u"``"_s, u"`"_s);
        for (const QString &name : f.captured(2).split(u", "_s))
            subject.columns << mysqlName(name);
    } else if (const QRegularExpressionMatch c = check.match(message); c.hasMatch()) {
        subject.kind = ErrorSubject::Kind::Check;
        subject.constraint = c.captured(1).replace(u"``"_s, u"`"_s);
    }
    return subject;
}

} // namespace

ErrorSubject DatabaseError::subject(SqlDialect dialect, const QString &message) {
    switch (dialect.kind()) {
    case SqlDialect::Kind::Sqlite:
        return sqliteSubject(message);
    case SqlDialect::Kind::Postgres:
        return postgresSubject(message);
    case SqlDialect::Kind::MySql:
        return mysqlSubject(message);
    }
    return {};
}

QStringList DatabaseError::constraintColumns(SqlDialect dialect, const QString &name, const Table &table) {
    if (name.isEmpty())
        return {};
    QString key = name;
    // MySQL 8 names the key with its table: 't.k'.
    if (dialect.kind() == SqlDialect::Kind::MySql && key.startsWith(table.name + u'.'))
        key = key.mid(table.name.size() + 1);
    const auto covers = [&](const QString &column) {
        switch (dialect.kind()) {
        case SqlDialect::Kind::Postgres: // <table>_<column>_key, <table>_pkey
            return key == table.name + u'_' + column + u"_key"_s;
        case SqlDialect::Kind::MySql: // an index is named after its first column
        case SqlDialect::Kind::Sqlite:
            return key == column;
        }
        return false;
    };
    if (key == u"PRIMARY"_s || key == table.name + u"_pkey"_s)
        return table.primaryKey;
    for (const QStringList &unique : table.uniqueKeys)
        if (!unique.isEmpty() &&
            (covers(unique.first()) || key == table.name + u'_' + unique.join(u'_') + u"_key"_s))
            return unique;
    for (const Column &column : table.columns)
        if (covers(column.name))
            return {column.name};
    return {};
}

} // namespace modeldesk
