// sync: the design's tables created in dependency order (idempotent, the exporter's DDL), differences of
// existing tables read from the catalog, and --alter adding what is missing without touching data (what it
// refuses and the NOT NULL / DEFAULT / UNIQUE differences: tst_schemadrift).

#include "db/schemasync.h"
#include "sql/ddlgenerator.h"
#include "support/scratchdatabase.h"
#include "support/testsupport.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace modeldesk;
using namespace modeldesk::test;

class TestSchemaSync : public QObject {
    Q_OBJECT

private slots:
    void createsOnceInOrder_data() { addEngineRows(); }
    void createsOnceInOrder();
    void reportsAndAlters_data() { addEngineRows(); }
    void reportsAndAlters();
    void typeFamilies();
};

void TestSchemaSync::createsOnceInOrder() {
    QFETCH(QString, engine);
    MODELDESK_SCRATCH_DATABASE(scratch, engine);
    const Project project = loadExample(QStringLiteral("shop"));
    DatabaseConnection connection(scratch.connectionUrl());
    QString error;
    QVERIFY2(connection.open(&error), qPrintable(error));
    SchemaSync sync(project.schema, connection);
    SyncReport report = sync.sync(false);
    QVERIFY2(report.ok, qPrintable(report.error));
    const ResolvedSchema resolved = SchemaResolver::resolve(project.schema);
    QStringList order;
    for (const Table &table : resolved.tables)
        order << table.name;
    QCOMPARE(report.createdTables, order);
    // Exactly the statements the SQL exporter writes for this dialect.
    QCOMPARE(report.statements, DdlGenerator(connection.dialect()).createStatements(resolved));
    QVERIFY(report.differences.isEmpty());

    report = sync.sync(false);
    QVERIFY2(report.ok, qPrintable(report.error));
    QVERIFY(report.createdTables.isEmpty());
    QVERIFY(report.statements.isEmpty());
    for (const SyncDifference &difference : std::as_const(report.differences))
        qWarning() << difference.toString();
    QVERIFY(report.differences.isEmpty());
}

void TestSchemaSync::reportsAndAlters() {
    QFETCH(QString, engine);
    MODELDESK_SCRATCH_DATABASE(scratch, engine);
    const Project project = loadExample(QStringLiteral("seed"));
    DatabaseConnection connection(scratch.connectionUrl());
    QString error;
    QVERIFY2(connection.open(&error), qPrintable(error));
    const SqlDialect d = connection.dialect();
    // An older testUsers: name has the wrong type, email and the timestamps are missing, and it has a
    // column of its own. It holds a row that must survive.
    QVERIFY2(
        connection.execute(QStringLiteral("CREATE TABLE %1 (%2 INTEGER PRIMARY KEY, %3 INTEGER, %4 TEXT)")
                               .arg(d.quote(QStringLiteral("testUsers")), d.quote(QStringLiteral("id")),
                                    d.quote(QStringLiteral("name")), d.quote(QStringLiteral("legacy"))),
                           &error),
        qPrintable(error));
    QVERIFY2(connection.execute(QStringLiteral("INSERT INTO %1 VALUES (1, 7, 'keep me')")
                                    .arg(d.quote(QStringLiteral("testUsers"))),
                                &error),
             qPrintable(error));

    SchemaSync sync(project.schema, connection);
    SyncReport report = sync.compare();
    QVERIFY2(report.ok, qPrintable(report.error));
    QStringList found;
    for (const SyncDifference &difference : std::as_const(report.differences))
        found << difference.toString();
    const QString timestampRefused = QStringLiteral(
        "table testUsers: column %1 is missing (sync --alter refuses: testUsers has rows, and %1 "
        "(the model's timestamp) is NOT NULL without a default; add the column yourself with a "
        "value in every row, turn off timestamps for the model, or empty the table)");
    QCOMPARE(
        found,
        QStringList(
            {QStringLiteral(
                 "table testUsers: column name is INTEGER in the database but VARCHAR(255) in the design")
                 .replace(QStringLiteral("INTEGER in the database"),
                          engine == QLatin1String("postgres") ? QStringLiteral("integer in the database")
                          : engine == QLatin1String("mysql")  ? QStringLiteral("int(11) in the database")
                                                              : QStringLiteral("INTEGER in the database")),
             QStringLiteral("table testUsers: column email is missing (sync --alter adds it)"),
             timestampRefused.arg(QStringLiteral("createdAt")),
             timestampRefused.arg(QStringLiteral("updatedAt")),
             QStringLiteral("table testUsers: column legacy is not in the design (left as it is)"),
             QStringLiteral("table tests is missing")}));

    // Plain sync creates the missing table only.
    report = sync.sync(false);
    QVERIFY2(report.ok, qPrintable(report.error));
    QCOMPARE(report.createdTables, QStringList{QStringLiteral("tests")});
    QVERIFY(report.addedColumns.isEmpty());

    // --alter cannot give the row its timestamps: it refuses, and adds nothing, not even email.
    report = sync.sync(true);
    QVERIFY(!report.ok);
    QCOMPARE(report.refusals.size(), 2);
    QVERIFY(report.statements.isEmpty() && report.addedColumns.isEmpty());
    const auto columnNames = [&] {
        QStringList names;
        QSqlQuery columns(connection.database());
        if (columns.exec(
                QStringLiteral("SELECT * FROM %1 WHERE 1 = 0").arg(d.quote(QStringLiteral("testUsers")))))
            for (int i = 0; i < columns.record().count(); ++i)
                names << columns.record().fieldName(i);
        return names;
    };
    QCOMPARE(columnNames(),
             QStringList({QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("legacy")}));
    QSqlQuery query(connection.database());
    QVERIFY(query.exec(QStringLiteral("SELECT %1, %2 FROM %3")
                           .arg(d.quote(QStringLiteral("name")), d.quote(QStringLiteral("legacy")),
                                d.quote(QStringLiteral("testUsers")))));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 7);
    QCOMPARE(query.value(1).toString(), QStringLiteral("keep me"));
    query.finish();

    // Without rows, --alter adds the missing columns (the timestamps NOT NULL) and leaves the rest alone.
    QVERIFY2(connection.execute(QStringLiteral("DELETE FROM %1").arg(d.quote(QStringLiteral("testUsers"))),
                                &error),
             qPrintable(error));
    report = sync.sync(true);
    QVERIFY2(report.ok, qPrintable(report.error));
    QCOMPARE(report.addedColumns,
             QStringList({QStringLiteral("testUsers.email"), QStringLiteral("testUsers.createdAt"),
                          QStringLiteral("testUsers.updatedAt")}));
    QCOMPARE(report.differences.size(), 2); // the type of name and the extra column stay as they were
    QCOMPARE(columnNames(), QStringList({QStringLiteral("id"), QStringLiteral("name"),
                                         QStringLiteral("legacy"), QStringLiteral("email"),
                                         QStringLiteral("createdAt"), QStringLiteral("updatedAt")}));
    // Running it again changes nothing.
    report = sync.sync(true);
    QVERIFY(report.ok && report.statements.isEmpty());
}

void TestSchemaSync::typeFamilies() {
    using K = SqlDialect::Kind;
    QCOMPARE(SchemaSync::typeFamily(QStringLiteral("character varying(255)"), K::Postgres),
             QStringLiteral("varchar(255)"));
    QCOMPARE(SchemaSync::typeFamily(QStringLiteral("VARCHAR(255)"), K::Postgres),
             QStringLiteral("varchar(255)"));
    QCOMPARE(SchemaSync::typeFamily(QStringLiteral("SERIAL"), K::Postgres), QStringLiteral("integer"));
    QCOMPARE(SchemaSync::typeFamily(QStringLiteral("int(11)"), K::MySql), QStringLiteral("integer"));
    QCOMPARE(SchemaSync::typeFamily(QStringLiteral("tinyint(1)"), K::MySql), QStringLiteral("boolean"));
    QCOMPARE(SchemaSync::typeFamily(QStringLiteral("TIMESTAMP WITH TIME ZONE"), K::Postgres),
             QStringLiteral("datetime"));
    QCOMPARE(SchemaSync::typeFamily(QStringLiteral("numeric(10,2)"), K::Postgres),
             QStringLiteral("decimal(10,2)"));
    QCOMPARE(SchemaSync::typeFamily(QStringLiteral("FLOAT"), K::Postgres), QStringLiteral("double"));
    QCOMPARE(SchemaSync::typeFamily(QStringLiteral("enum('a','b')"), K::MySql), QStringLiteral("enum"));
    QCOMPARE(SchemaSync::typeFamily(QStringLiteral("CHAR(36) BINARY"), K::MySql), QStringLiteral("uuid"));
}

QTEST_GUILESS_MAIN(TestSchemaSync)
#include "tst_schemasync.moc"
