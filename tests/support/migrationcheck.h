#pragma once

// What the migration tests share: the designs of tests/data/migrate, rows in and out, and the catalog of a
// whole database as text to compare a migrated database with a freshly synced one.

#include "db/databaseconnection.h"
#include "db/schemasync.h"
#include "project/projectfile.h"
#include "support/catalog.h"

#include <QSqlError>
#include <QSqlQuery>

namespace modeldesk::test {

inline Schema design(const QString &name) {
    QString error;
    const auto project = ProjectFile::load(QStringLiteral(MODELDESK_TEST_DATA "/migrate/") + name, &error);
    if (!project)
        qFatal("%s", qPrintable(error));
    return project->schema;
}

// The catalog of every table, one line per fact (as tst_import reads it). Columns are sorted by name: ALTER
// TABLE ADD COLUMN appends where a fresh CREATE TABLE puts the column in the design's order, and no engine
// but SQLite (which rebuilds) can move a column. PostgreSQL's enum types are listed too, used or not, and the
// comments.
inline QStringList catalogText(DatabaseConnection &connection, const QStringList &skipTables = {}) {
    return catalogLines(connection.database(), connection.dialect().kind(), {skipTables, true, true, true});
}

inline QString firstDifference(const QStringList &a, const QStringList &b) {
    return firstDifferingLine(a, b, u"migrated"_s, u"synced"_s);
}

inline bool sync(DatabaseConnection &connection, const Schema &schema, QString *error) {
    const SyncReport report = SchemaSync(schema, connection).sync(false);
    *error = report.error;
    return report.ok;
}

inline bool insert(DatabaseConnection &connection, const QString &table, const QStringList &columns,
                   const QVariantList &values) {
    const SqlDialect d = connection.dialect();
    QStringList quoted, marks;
    for (const QString &c : columns) {
        quoted << d.quote(c);
        marks << u"?"_s;
    }
    QSqlQuery query(connection.database());
    query.prepare(
        u"INSERT INTO %1 (%2) VALUES (%3)"_s.arg(d.quote(table), quoted.join(u", "_s), marks.join(u", "_s)));
    for (const QVariant &v : values)
        query.addBindValue(v);
    if (query.exec())
        return true;
    qWarning("%s: %s", qPrintable(table), qPrintable(query.lastError().text()));
    return false;
}

// The rows of a table as "a|b|c" lines, ordered by id, NULL as "-".
inline QStringList rows(DatabaseConnection &connection, const QString &table, const QStringList &columns) {
    const SqlDialect d = connection.dialect();
    QStringList quoted;
    for (const QString &c : columns)
        quoted << d.quote(c);
    QSqlQuery query(connection.database());
    QStringList out;
    if (!query.exec(
            u"SELECT %1 FROM %2 ORDER BY %3"_s.arg(quoted.join(u", "_s), d.quote(table), d.quote(u"id"_s)))) {
        out << u"error: "_s + query.lastError().text();
        return out;
    }
    while (query.next()) {
        QStringList values;
        for (int i = 0; i < columns.size(); ++i)
            values << (query.value(i).isNull() ? u"-"_s : query.value(i).toString());
        out << values.join(u'|');
    }
    return out;
}

} // namespace modeldesk::test
