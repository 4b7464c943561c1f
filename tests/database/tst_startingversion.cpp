// A migration starts from OLD, so it first checks that the database is there. On every engine: a database
// at OLD passes; one missing a column, having an extra column, missing a table, or already having a table
// that only NEW has is refused with every difference named, and nothing changes (catalog and rows the same).
// The .sql script's statements (db/startingversioncheck.h) fail the same way with the same names.

#include "db/migrationrunner.h"
#include "db/startingversioncheck.h"
#include "migrate/schemadiff.h"
#include "support/migrationcheck.h"
#include "support/scratchdatabase.h"
#include "support/testsupport.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace modeldesk;
using namespace modeldesk::test;
using namespace Qt::StringLiterals;

namespace {

// Runs the script's check statements; returns the error of the one that failed (empty when all passed).
QString runScriptCheck(DatabaseConnection &connection, const MigrationPlan &plan) {
    for (const QString &statement : StartingVersionCheck(connection.dialect()).statements(plan)) {
        QSqlQuery query(connection.database());
        if (!query.exec(statement))
            return query.lastError().text();
    }
    return {};
}

} // namespace

class TestStartingVersion : public QObject {
    Q_OBJECT

private slots:
    void atOldPasses_data() { addEngineRows(); }
    void atOldPasses();
    void elsewhereIsRefused_data();
    void elsewhereIsRefused();
};

void TestStartingVersion::atOldPasses() {
    QFETCH(QString, engine);
    MODELDESK_SCRATCH_DATABASE(scratch, engine);
    QString error;
    DatabaseConnection connection(scratch.connectionUrl());
    QVERIFY2(connection.open(&error), qPrintable(error));
    QVERIFY2(sync(connection, design(u"old.modeldesk"_s), &error), qPrintable(error));
    const MigrationPlan plan = SchemaDiff::compare(design(u"old.modeldesk"_s), design(u"new.modeldesk"_s));
    QVERIFY2(MigrationRunner(connection).checkStartingVersion(plan, &error), qPrintable(error));
    QCOMPARE(runScriptCheck(connection, plan), QString());
    // Once migrated, the database is at NEW: the same plan is refused, naming what it would not find.
    QVERIFY2(MigrationRunner(connection).apply(plan, &error), qPrintable(error));
    QVERIFY(!MigrationRunner(connection).apply(plan, &error));
    QVERIFY2(error.contains(u"table authors is missing"_s) &&
                 error.contains(u"table writers already exists"_s),
             qPrintable(error));
}

void TestStartingVersion::elsewhereIsRefused_data() {
    QTest::addColumn<QString>("engine");
    QTest::addColumn<QString>("change"); // statement taking the database away from OLD; %1 quotes a name
    QTest::addColumn<QString>("problem");
    const QList<std::pair<QString, QString>> engines{
        {u"sqlite"_s, u"sqlite"_s}, {u"postgres"_s, u"postgres"_s}, {u"mariadb"_s, u"mysql"_s}};
    for (const auto &[row, engine] : engines) {
        QTest::addRow("%s missing column", qPrintable(row))
            << engine << u"ALTER TABLE {authors} DROP COLUMN {bio}"_s << u"table authors has no column bio"_s;
        QTest::addRow("%s extra column", qPrintable(row))
            << engine << u"ALTER TABLE {authors} ADD COLUMN {nickname} INTEGER"_s
            << u"table authors has an extra column nickname"_s;
        QTest::addRow("%s missing table", qPrintable(row))
            << engine << u"DROP TABLE {tags}"_s << u"table tags is missing"_s;
        QTest::addRow("%s new table taken", qPrintable(row))
            << engine << u"CREATE TABLE {writers} ({id} INTEGER)"_s << u"table writers already exists"_s;
    }
}

void TestStartingVersion::elsewhereIsRefused() {
    QFETCH(QString, engine);
    QFETCH(QString, change);
    QFETCH(QString, problem);
    MODELDESK_SCRATCH_DATABASE(scratch, engine);
    QString error;
    DatabaseConnection connection(scratch.connectionUrl());
    QVERIFY2(connection.open(&error), qPrintable(error));
    QVERIFY2(sync(connection, design(u"old.modeldesk"_s), &error), qPrintable(error));
    QVERIFY(insert(connection, u"authors"_s, {u"id"_s, u"fullName"_s, u"age"_s}, {1, u"Ann Lee"_s, 30}));
    QString statement = change;
    for (const QString &name : {u"authors"_s, u"bio"_s, u"nickname"_s, u"tags"_s, u"writers"_s, u"id"_s})
        statement.replace(u'{' + name + u'}', connection.dialect().quote(name));
    QVERIFY2(connection.execute(statement, &error), qPrintable(error));
    const QStringList catalogBefore = catalogText(connection);

    const MigrationPlan plan = SchemaDiff::compare(design(u"old.modeldesk"_s), design(u"new.modeldesk"_s));
    QVERIFY(!MigrationRunner(connection).apply(plan, &error));
    QVERIFY2(error.startsWith(u"the database is not at the starting version of this migration (nothing was "
                              "changed): "_s) &&
                 error.contains(problem),
             qPrintable(error));
    QCOMPARE(catalogText(connection), catalogBefore);
    QCOMPARE(rows(connection, u"authors"_s, {u"id"_s, u"fullName"_s, u"age"_s}),
             QStringList{u"1|Ann Lee|30"_s});

    // The script stops at its first statement with the same words (SQLite: "JSON path error near '...'").
    const QString scriptError = runScriptCheck(connection, plan);
    QVERIFY2(scriptError.contains(QString(StartingVersionCheck::kMessage)) && scriptError.contains(problem),
             qPrintable(scriptError));
    QCOMPARE(catalogText(connection), catalogBefore);
}

QTEST_GUILESS_MAIN(TestStartingVersion)
#include "tst_startingversion.moc"
