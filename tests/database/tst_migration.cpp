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
#include "support/migrationcheck.h"
#include "support/scratchdatabase.h"
#include "support/testsupport.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace modeldesk;
using namespace modeldesk::test;
using namespace Qt::StringLiterals;

class TestMigration : public QObject {
    Q_OBJECT

private slots:
    void changeSetKeepsTheRows_data() { addEngineRows(); }
    void changeSetKeepsTheRows();
    void keysAndConstraints_data() { addEngineRows(); }
    void keysAndConstraints();
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
    QCOMPARE(
        rows(connection, u"writers"_s, {u"id"_s, u"displayName"_s, u"bio"_s, u"level"_s, u"deletedAt"_s}),
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

// The steps the change set has no room for: UNIQUE off and on, NOT NULL on and off, a new default, a wider
// integer, a foreign key's ON DELETE changed (dropped by the name the engine gave it, added again), a table
// dropped and one created.
void TestMigration::keysAndConstraints() {
    QFETCH(QString, engine);
    MODELDESK_SCRATCH_DATABASE(scratch, engine);
    MODELDESK_SCRATCH_DATABASE(reference, engine);
    const Schema before = design(u"keys-old.modeldesk"_s);
    const Schema after = design(u"keys-new.modeldesk"_s);
    QString error;
    DatabaseConnection connection(scratch.connectionUrl());
    QVERIFY2(connection.open(&error), qPrintable(error));
    QVERIFY2(sync(connection, before, &error), qPrintable(error));
    QVERIFY(insert(connection, u"bins"_s, {u"id"_s, u"name"_s}, {1, u"A"_s}));
    QVERIFY(insert(connection, u"items"_s,
                   {u"id"_s, u"code"_s, u"label"_s, u"qty"_s, u"price"_s, u"note"_s, u"big"_s, u"binId"_s},
                   {1, u"c1"_s, u"l1"_s, 3, 1, u"n"_s, 7, 1}));
    QVERIFY(insert(connection, u"leftovers"_s, {u"id"_s, u"x"_s}, {1, u"gone"_s}));

    const MigrationPlan plan = SchemaDiff::compare(before, after);
    QStringList kinds;
    for (const MigrationStep &step : plan.steps)
        kinds << step.description;
    QVERIFY2(kinds.contains(u"drop the unique key of items.code"_s) &&
                 kinds.contains(u"make items.label unique"_s) &&
                 kinds.contains(u"make items.qty NOT NULL"_s) &&
                 kinds.contains(u"allow NULL in items.note"_s) &&
                 kinds.contains(u"set the default of items.price"_s) &&
                 kinds.contains(u"drop foreign key items.binId -> bins(id)"_s) &&
                 kinds.contains(u"drop table leftovers"_s) && kinds.contains(u"create table shelves"_s),
             qPrintable(kinds.join(u'\n')));
    QVERIFY2(MigrationRunner(connection).apply(plan, &error), qPrintable(error));

    DatabaseConnection fresh(reference.connectionUrl());
    QVERIFY2(fresh.open(&error), qPrintable(error));
    QVERIFY2(sync(fresh, after, &error), qPrintable(error));
    const QStringList migrated = catalogText(connection);
    const QStringList synced = catalogText(fresh);
    QVERIFY2(migrated == synced, qPrintable(firstDifference(migrated, synced)));
    QCOMPARE(rows(connection, u"items"_s,
                  {u"id"_s, u"code"_s, u"label"_s, u"qty"_s, u"price"_s, u"note"_s, u"big"_s, u"binId"_s}),
             QStringList{u"1|c1|l1|3|1|n|7|1"_s});
    // ON DELETE RESTRICT now: the bin with an item cannot go.
    QSqlQuery remove(connection.database());
    QVERIFY(!remove.exec(u"DELETE FROM %1"_s.arg(connection.dialect().quote(u"bins"_s))));
}

void TestMigration::failureChangesNothing_data() {
    QTest::addColumn<QString>("engine");
    QTest::newRow("sqlite") << u"sqlite"_s;
    QTest::newRow("postgres") << u"postgres"_s;
    QTest::newRow("mariadb") << u"mysql"_s;
}

// A NOT NULL column without a default cannot go into a table with rows: the migration's precheck stops it
// before the first change on every engine (MariaDB would otherwise fill in empty strings), naming the column.
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
    QVERIFY2(error.startsWith(u"writers.code: a NOT NULL column without a default cannot be added to a table "
                              "that has rows"_s),
             qPrintable(error));
    QCOMPARE(catalogText(connection), catalogBefore);
    QCOMPARE(rows(connection, u"authors"_s, {u"id"_s, u"fullName"_s}), QStringList{u"1|Ann Lee"_s});
}

QTEST_GUILESS_MAIN(TestMigration)
#include "tst_migration.moc"
