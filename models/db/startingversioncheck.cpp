// StartingVersionCheck: OLD's tables and columns against the engine's catalog, as one query per dialect.
#include "db/startingversioncheck.h"

#include <QSet>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

using DialectKind = SqlDialect::Kind;

} // namespace

QString StartingVersionCheck::concat(const QStringList &parts) const {
    // MySQL/MariaDB read || as OR unless PIPES_AS_CONCAT is on.
    if (mDialect.kind() == DialectKind::MySql)
        return u"CONCAT("_s + parts.join(u", "_s) + u')';
    return parts.join(u" || "_s);
}

QString StartingVersionCheck::query(const MigrationPlan &plan, const QString &selected) const {
    const DialectKind kind = mDialect.kind();
    QList<QStringList> expected; // (table, column) of OLD
    QSet<QString> oldNames;
    for (const Table &table : plan.before.tables) {
        oldNames.insert(table.name);
        for (const Column &column : table.columns)
            expected.append({table.name, column.name});
    }
    QStringList fresh; // the names only NEW has: renamed-to and created tables
    for (const Table &table : plan.after.tables)
        if (!oldNames.contains(table.name))
            fresh << table.name;
    if (expected.isEmpty() && fresh.isEmpty())
        return {};

    // A constant table: VALUES on SQLite and PostgreSQL (SQLite limits UNION ALL to 500 terms); MySQL 8 wants
    // VALUES ROW(...) where MariaDB wants VALUES (...), so a UNION ALL of SELECTs there.
    const auto constants = [&](const QString &name, const QStringList &columns,
                               const QList<QStringList> &rows) {
        QStringList out;
        if (kind == DialectKind::MySql) {
            for (const QStringList &row : rows) {
                QStringList values;
                for (qsizetype i = 0; i < row.size(); ++i)
                    values << lit(row.at(i)) + u" AS "_s + columns.at(i);
                out << u"SELECT "_s + values.join(u", "_s);
            }
            return name + u" AS ("_s + out.join(u" UNION ALL "_s) + u')';
        }
        for (const QStringList &row : rows) {
            QStringList values;
            for (const QString &v : row)
                values << lit(v);
            out << u'(' + values.join(u", "_s) + u')';
        }
        return u"%1(%2) AS (VALUES %3)"_s.arg(name, columns.join(u", "_s), out.join(u", "_s));
    };

    QStringList with;
    QString liveTables;
    QString liveColumns;
    QString aggregate;
    switch (kind) {
    case DialectKind::Sqlite:
        liveTables = u"SELECT name AS t FROM sqlite_master WHERE type = 'table'"_s;
        liveColumns = u"SELECT m.name AS t, i.name AS c FROM sqlite_master m, pragma_table_info(m.name) i "
                      "WHERE m.type = 'table'"_s;
        aggregate = u"group_concat(m, '; ')"_s;
        break;
    case DialectKind::Postgres:
        // Any relation of the name (a view, a sequence, an index) keeps CREATE TABLE from making the table.
        liveTables =
            u"SELECT relname::text AS t FROM pg_class WHERE relnamespace = current_schema()::regnamespace"_s;
        liveColumns =
            u"SELECT r.relname::text AS t, a.attname::text AS c FROM pg_class r JOIN pg_attribute a ON "
            "a.attrelid = r.oid WHERE r.relnamespace = current_schema()::regnamespace AND r.relkind IN "
            "('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped"_s;
        aggregate = u"string_agg(m, '; ')"_s;
        break;
    case DialectKind::MySql:
        liveTables =
            u"SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"_s;
        liveColumns = u"SELECT TABLE_NAME AS t, COLUMN_NAME AS c FROM information_schema.COLUMNS WHERE "
                      "TABLE_SCHEMA = DATABASE()"_s;
        aggregate = u"GROUP_CONCAT(m SEPARATOR '; ')"_s;
        break;
    }
    // Every (table, column) of OLD and of the database in one list, grouped: which side has the column, and
    // (a window over the groups) which has its table. One pass over the catalog: NOT EXISTS per expected
    // column costs MariaDB a scan of information_schema each (minutes for a few hundred tables), and MariaDB
    // evaluates a common table expression again wherever it is named.
    QStringList problems;
    if (!expected.isEmpty()) {
        with << constants(u"e"_s, {u"t"_s, u"c"_s}, expected) << u"lc AS ("_s + liveColumns + u')'
             << u"g AS (SELECT t, c, MAX(inold) AS inold, MAX(indb) AS indb FROM (SELECT t, c, 1 AS inold, 0 "
                u"AS "
                "indb FROM e UNION ALL SELECT t, c, 0, 1 FROM lc) u GROUP BY t, c)"_s
             << u"w AS (SELECT t, c, inold, indb, MAX(inold) OVER (PARTITION BY t) AS told, MAX(indb) OVER "
                "(PARTITION BY t) AS tdb FROM g)"_s;
        problems
            << u"SELECT DISTINCT CASE WHEN w.tdb = 0 THEN %1 WHEN w.indb = 0 THEN %2 ELSE %3 END AS m FROM w "
               "WHERE w.told = 1 AND w.inold <> w.indb"_s.arg(
                   concat({u"'table '"_s, u"w.t"_s, u"' is missing'"_s}),
                   concat({u"'table '"_s, u"w.t"_s, u"' has no column '"_s, u"w.c"_s}),
                   concat({u"'table '"_s, u"w.t"_s, u"' has an extra column '"_s, u"w.c"_s}));
    }
    if (!fresh.isEmpty()) {
        QList<QStringList> rows;
        for (const QString &name : std::as_const(fresh))
            rows.append({name});
        with << u"lt AS ("_s + liveTables + u')' << constants(u"n"_s, {u"t"_s}, rows);
        problems << u"SELECT %1%2 FROM n WHERE n.t IN (SELECT t FROM lt)"_s.arg(
            concat({u"'table '"_s, u"n.t"_s, u"' already exists'"_s}),
            problems.isEmpty() ? u" AS m"_s : QString());
    }
    with << u"p AS ("_s + problems.join(u" UNION ALL "_s) + u')';
    return u"WITH "_s + with.join(u", "_s) + u" SELECT "_s + selected.arg(aggregate) + u" FROM p"_s;
}

QString StartingVersionCheck::problemsQuery(const MigrationPlan &plan) const {
    return query(plan, u"%1"_s);
}

QStringList StartingVersionCheck::statements(const MigrationPlan &plan) const {
    if (problemsQuery(plan).isEmpty())
        return {};
    switch (mDialect.kind()) {
    case DialectKind::Sqlite:
        return {u"SELECT json_extract('{}', problems) FROM (%1) WHERE problems IS NOT NULL"_s.arg(
            query(plan, lit(kMessage) + u" || %1 AS problems"_s))};
    case DialectKind::Postgres: {
        const QString body =
            u" DECLARE problems text; BEGIN %1; IF problems IS NOT NULL THEN RAISE EXCEPTION USING MESSAGE = "
            "%2 || problems; END IF; END "_s.arg(query(plan, u"%1 INTO problems"_s), lit(kMessage));
        const QString tag = SqlDialect::dollarQuoteTag(body, u"$md$"_s);
        return {u"DO "_s + tag + body + tag};
    }
    case DialectKind::MySql:
        break;
    }
    // MariaDB's MESSAGE_TEXT holds 512 characters.
    return {
        query(plan, u"%1 INTO @md_problems"_s),
        u"SET @md_sql = IF(@md_problems IS NULL, 'DO 0', CONCAT('SIGNAL SQLSTATE ''45000'' SET MESSAGE_TEXT "
        "= ', QUOTE(LEFT(CONCAT(%1, @md_problems), 500))))"_s.arg(lit(kMessage)),
        u"PREPARE md_stmt FROM @md_sql"_s, u"EXECUTE md_stmt"_s, u"DEALLOCATE PREPARE md_stmt"_s};
}

} // namespace modeldesk
