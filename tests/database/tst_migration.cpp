// The migration SQL on the real engines. The change set (tests/data/migrate: rename a model and a
// field, a NOT NULL field with a default into a table with rows, a type widened and one narrowed, a field
// dropped, a link added and one removed, hasOne -> hasMany, a belongsToMany, paranoid and timestamps switched
// on): a database built by sync from OLD, with rows, migrated by MigrationRunner, has the catalog a fresh
// sync of NEW has, and every kept value (a renamed column keeps its data). A migration that fails part-way on
// SQLite or PostgreSQL leaves the database as it was.

#include "db/migrationrunner.h"
#include "db/schemasync.h"
#include "migrate/schemadiff.h"
#include "project/projectfile.h"
#include "support/catalog.h"
#include "support/scratchdatabase.h"
#include "support/testsupport.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace modeldesk;
using namespace modeldesk::test;
using namespace Qt::StringLiterals;

namespace {

Schema design(const QString &name) {
    QString error;
    const auto project = ProjectFile::load(QStringLiteral(MODELDESK_TEST_DATA "/migrate/") + name, &error);
    if (!project)
        qFatal("%s", qPrintable(error));
    return project->schema;
}

// The catalog of every table, one line per fact (as tst_import reads it). Columns are sorted by name: ALTER
// TABLE ADD COLUMN appends where a fresh CREATE TABLE puts the column in the design's order, and no engine
// but SQLite (which rebuilds) can move a column.
QStringList catalogText(DatabaseConnection &connection) {
    Catalog catalog(connection.database(), connection.dialect().kind());
    QStringList lines;
    for (const QString &name : catalog.tables()) {
        const test::CatalogTable table = catalog.table(name);
        lines << u"table "_s + name;
        QStringList columns;
        for (const test::CatalogColumn &c : table.columns)
            columns << u"  %1 %2%3 default=%4 enum=%5"_s.arg(c.name, c.type,
                                                             c.notNull ? u" NOT NULL"_s : QString(),
                                                             c.defaultText, c.enumValues.join(u'|'));
        columns.sort();
        lines << columns;
        lines << u"  primary key ("_s + table.primaryKey.join(u", "_s) + u')';
        for (const QStringList &key : table.uniqueKeys)
            lines << u"  unique ("_s + key.join(u", "_s) + u')';
        for (const ForeignKey &key : table.foreignKeys)
            lines << u"  "_s + key.toString();
    }
    if (!catalog.lastError().isEmpty())
        lines << u"catalog error: "_s + catalog.lastError();
    return lines;
}

QString firstDifference(const QStringList &a, const QStringList &b) {
    for (qsizetype i = 0; i < std::max(a.size(), b.size()); ++i)
        if (a.value(i) != b.value(i))
            return u"line %1:\n  migrated: %2\n  synced:   %3"_s.arg(i + 1).arg(a.value(i), b.value(i));
    return {};
}

bool sync(DatabaseConnection &connection, const Schema &schema, QString *error) {
    const SyncReport report = SchemaSync(schema, connection).sync(false);
    *error = report.error;
    return report.ok;
}

bool insert(DatabaseConnection &connection, const QString &table, const QStringList &columns,
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
QStringList rows(DatabaseConnection &connection, const QString &table, const QStringList &columns) {
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

} // namespace

class TestMigration : public QObject {
    Q_OBJECT

private slots:
    void changeSetKeepsTheRows_data() { addEngineRows(); }
    void changeSetKeepsTheRows();
    void failureChangesNothing_data();
    void failureChangesNothing();
};

void TestMigration::changeSetKeepsTheRows() {
    QFETCH(QString, engine);
    MODELDESK_SCRATCH_DATABASE(scratch, engine);
    MODELDESK_SCRATCH_DATABASE(reference, engine);
    const Schema before = design(u"old.modeldesk"_s);
    const Schema after = design(u"new.modeldesk"_s);
    QString error;

    DatabaseConnection connection(scratch.connectionUrl());
    QVERIFY2(connection.open(&error), qPrintable(error));
    QVERIFY2(sync(connection, before, &error), qPrintable(error));
    QVERIFY(insert(connection, u"authors"_s, {u"id"_s, u"fullName"_s, u"age"_s, u"bio"_s},
                   {1, u"Ann Lee"_s, 30, u"short bio"_s}));
    QVERIFY(insert(connection, u"authors"_s, {u"id"_s, u"fullName"_s, u"age"_s, u"bio"_s},
                   {2, u"Bob Ray"_s, QVariant(), QVariant()}));
    QVERIFY(insert(connection, u"books"_s, {u"id"_s, u"title"_s, u"pages"_s, u"authorId"_s},
                   {1, u"First"_s, 100, 1}));
    QVERIFY(insert(connection, u"books"_s, {u"id"_s, u"title"_s, u"pages"_s, u"authorId"_s},
                   {2, u"Second"_s, 200, 2}));
    QVERIFY(insert(connection, u"profiles"_s, {u"id"_s, u"handle"_s, u"authorId"_s}, {1, u"ann"_s, 1}));
    QVERIFY(insert(connection, u"tags"_s, {u"id"_s, u"name"_s, u"authorId"_s}, {1, u"sql"_s, 1}));

    const MigrationPlan plan = SchemaDiff::compare(before, after);
    QVERIFY2(MigrationRunner(connection).apply(plan, &error), qPrintable(error));

    DatabaseConnection fresh(reference.connectionUrl());
    QVERIFY2(fresh.open(&error), qPrintable(error));
    QVERIFY2(sync(fresh, after, &error), qPrintable(error));
    const QStringList migrated = catalogText(connection);
    const QStringList synced = catalogText(fresh);
    QVERIFY2(migrated == synced, qPrintable(firstDifference(migrated, synced)));

    // Every kept value, the renamed column's with it; the new NOT NULL column has its default, the
    // switched-on timestamps are filled, deletedAt is empty.
    QCOMPARE(rows(connection, u"writers"_s, {u"id"_s, u"displayName"_s, u"bio"_s, u"level"_s, u"deletedAt"_s}),
             QStringList({u"1|Ann Lee|short bio|0|-"_s, u"2|Bob Ray|-|0|-"_s}));
    QSqlQuery stamped(connection.database());
    QVERIFY(stamped.exec(u"SELECT COUNT(*) FROM %1 WHERE %2 IS NOT NULL AND %3 IS NOT NULL"_s.arg(
        connection.dialect().quote(u"writers"_s), connection.dialect().quote(u"createdAt"_s),
        connection.dialect().quote(u"updatedAt"_s))));
    QVERIFY(stamped.next());
    QCOMPARE(stamped.value(0).toInt(), 2);
    stamped.finish(); // an open cursor would lock the table SQLite drops below
    QCOMPARE(rows(connection, u"books"_s, {u"id"_s, u"title"_s, u"pages"_s, u"writerId"_s}),
             QStringList({u"1|First|100|1"_s, u"2|Second|200|2"_s}));
    QCOMPARE(rows(connection, u"profiles"_s, {u"id"_s, u"handle"_s, u"writerId"_s, u"tagId"_s}),
             QStringList({u"1|ann|1|-"_s}));
    QCOMPARE(rows(connection, u"tags"_s, {u"id"_s, u"name"_s}), QStringList({u"1|sql"_s}));
    // The keys hold: a book pointing at no writer is refused.
    if (connection.dialect().kind() == SqlDialect::Kind::Sqlite)
        QVERIFY(connection.execute(u"PRAGMA foreign_keys = ON"_s, &error));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"^books:"_s));
    QVERIFY(!insert(connection, u"books"_s, {u"id"_s, u"title"_s, u"writerId"_s}, {3, u"Orphan"_s, 99}));

    // Down (the diff the other way) returns to OLD's catalog with the kept values, and up again to NEW's.
    MODELDESK_SCRATCH_DATABASE(original, engine);
    DatabaseConnection old(original.connectionUrl());
    QVERIFY2(old.open(&error), qPrintable(error));
    QVERIFY2(sync(old, before, &error), qPrintable(error));
    QVERIFY2(MigrationRunner(connection).apply(SchemaDiff::compare(after, before), &error),
             qPrintable(error));
    const QStringList down = catalogText(connection);
    const QStringList oldCatalog = catalogText(old);
    QVERIFY2(down == oldCatalog, qPrintable(firstDifference(down, oldCatalog)));
    QCOMPARE(rows(connection, u"authors"_s, {u"id"_s, u"fullName"_s, u"age"_s, u"bio"_s}),
             QStringList({u"1|Ann Lee|-|short bio"_s, u"2|Bob Ray|-|-"_s}));
    QCOMPARE(rows(connection, u"books"_s, {u"id"_s, u"authorId"_s}), QStringList({u"1|1"_s, u"2|2"_s}));
    QVERIFY2(MigrationRunner(connection).apply(plan, &error), qPrintable(error));
    const QStringList again = catalogText(connection);
    QVERIFY2(again == synced, qPrintable(firstDifference(again, synced)));
    QCOMPARE(rows(connection, u"writers"_s, {u"id"_s, u"displayName"_s}),
             QStringList({u"1|Ann Lee"_s, u"2|Bob Ray"_s}));
}

void TestMigration::failureChangesNothing_data() {
    QTest::addColumn<QString>("engine");
    QTest::newRow("sqlite") << u"sqlite"_s;
    QTest::newRow("postgres") << u"postgres"_s;
}

// A NOT NULL column without a default cannot go into a table with rows: the migration stops there and,
// where DDL is transactional, the rename before it is rolled back.
void TestMigration::failureChangesNothing() {
    QFETCH(QString, engine);
    MODELDESK_SCRATCH_DATABASE(scratch, engine);
    const Schema before = design(u"old.modeldesk"_s);
    Schema after = before;
    after.models[0].name = u"writer"_s;
    after.links[0].source = u"writer"_s;
    after.links[1].source = u"writer"_s;
    after.links[2].target = u"writer"_s;
    Field required{u"code"_s, DataType::string()};
    required.allowNull = false;
    after.models[0].fields.append(required);
    QString error;
    DatabaseConnection connection(scratch.connectionUrl());
    QVERIFY2(connection.open(&error), qPrintable(error));
    QVERIFY2(sync(connection, before, &error), qPrintable(error));
    QVERIFY(insert(connection, u"authors"_s, {u"id"_s, u"fullName"_s}, {1, u"Ann Lee"_s}));
    const QStringList catalogBefore = catalogText(connection);

    const MigrationPlan plan = SchemaDiff::compare(before, after);
    QVERIFY(plan.steps.first().description.startsWith(u"rename table authors to writers"_s));
    QVERIFY(!MigrationRunner(connection).apply(plan, &error));
    QVERIFY2(error.contains(u"code"_s), qPrintable(error));
    QCOMPARE(catalogText(connection), catalogBefore);
    QCOMPARE(rows(connection, u"authors"_s, {u"id"_s, u"fullName"_s}), QStringList{u"1|Ann Lee"_s});
}

QTEST_GUILESS_MAIN(TestMigration)
#include "tst_migration.moc"
