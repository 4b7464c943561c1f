// The save controller against real engines: the seed scenario, validation before SQL, all-or-nothing saves,
// hostile names and values, exact numbers, and a connection killed mid-transaction. Updates, loads, deletes
// and batches are in tst_saveupdate.

#include "db/pgdirect.h"
#include "db/schemasync.h"
#include "records/recordstore.h"
#include "support/savetestsupport.h"
#include "support/scratchdatabase.h"
#include "support/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace modeldesk;
using namespace modeldesk::test;

// Declared before the helpers: moc stops parsing at the multi-line raw strings below.
class TestSaveController : public QObject {
    Q_OBJECT

private slots:
    void seedScenario_data() { addEngineRows(); }
    void seedScenario();
    void validationBeforeSql_data() { addEngineRows(); }
    void validationBeforeSql();
    void everyStatementFailing_data() { addEngineRows(); }
    void everyStatementFailing();
    void constraintViolationRollsBack_data() { addEngineRows(); }
    void constraintViolationRollsBack();
    void hostileNamesAndValues_data() { addEngineRows(); }
    void hostileNamesAndValues();
    void exactNumbers_data() { addEngineRows(); }
    void exactNumbers();
    void planShowsKeyFlow();
    void databaseErrorNamesTheColumn_data() { addEngineRows(); }
    void databaseErrorNamesTheColumn();
    void statementsShownAreTheStatementsSent_data() { addEngineRows(); }
    void statementsShownAreTheStatementsSent();
    void postgresThroughQtDriver();
    void killedConnection_data();
    void killedConnection();
};

void TestSaveController::seedScenario() {
    QFETCH(QString, engine);
    MODELDESK_SCRATCH_DATABASE(scratch, engine);
    const Project project = loadExample(QStringLiteral("seed"));
    DatabaseConnection connection(scratch.connectionUrl());
    QString error;
    QVERIFY2(openAndSync(connection, project.schema, &error), qPrintable(error));

    RecordStore controller(project.schema, connection);
    QVERIFY2(controller.isUsable(&error), qPrintable(error));
    // The seed's own value, including the userId: 1 that Sequelize overrides with the new parent's id.
    const RecordResult result = controller.save(
        QStringLiteral("testUser"),
        json(R"({"name":"Pavitar","email":"1@gmail.com","user_test":{"code":"1234","userId":999}})"));
    QVERIFY2(result.ok, qPrintable(result.errorString()));

    const qint64 userId = scalar(connection, QStringLiteral("SELECT id FROM ") +
                                                 connection.dialect().quote(QStringLiteral("testUsers")));
    QCOMPARE(rowCount(connection, QStringLiteral("testUsers")), 1);
    QCOMPARE(rowCount(connection, QStringLiteral("tests")), 1);
    QCOMPARE(scalar(connection, QStringLiteral("SELECT %1 FROM %2")
                                    .arg(connection.dialect().quote(QStringLiteral("userId")),
                                         connection.dialect().quote(QStringLiteral("tests")))),
             userId);

    const QJsonObject saved = result.record();
    QCOMPARE(saved.value(QStringLiteral("id")).toInteger(), userId);
    QCOMPARE(saved.value(QStringLiteral("name")).toString(), QStringLiteral("Pavitar"));
    QVERIFY(!saved.value(QStringLiteral("createdAt")).toString().isEmpty());
    const QJsonObject child = saved.value(QStringLiteral("user_test")).toObject();
    QCOMPARE(child.value(QStringLiteral("userId")).toInteger(), userId);
    QCOMPARE(child.value(QStringLiteral("code")).toString(), QStringLiteral("1234"));
    QVERIFY(child.value(QStringLiteral("id")).toInteger() > 0);

    // Read back: the same graph.
    const RecordResult loaded = controller.load(QStringLiteral("testUser"), userId, 1);
    QVERIFY2(loaded.ok, qPrintable(loaded.errorString()));
    QCOMPARE(loaded.record().value(QStringLiteral("email")).toString(), QStringLiteral("1@gmail.com"));
    QCOMPARE(loaded.record()
                 .value(QStringLiteral("user_test"))
                 .toObject()
                 .value(QStringLiteral("code"))
                 .toString(),
             QStringLiteral("1234"));
    QCOMPARE(loaded.record().value(QStringLiteral("createdAt")), saved.value(QStringLiteral("createdAt")));
}

void TestSaveController::validationBeforeSql() {
    QFETCH(QString, engine);
    MODELDESK_SCRATCH_DATABASE(scratch, engine);
    const Project project = loadExample(QStringLiteral("shop"));
    DatabaseConnection connection(scratch.connectionUrl());
    QString error;
    QVERIFY2(openAndSync(connection, project.schema, &error), qPrintable(error));
    RecordStore controller(project.schema, connection);
    const ResolvedSchema &resolved = controller.resolvedSchema();
    const QStringList before = snapshot(connection, resolved);

    const RecordResult result = controller.save(QStringLiteral("customer"), json(R"({
        "name": "", "email": "not-an-email", "nickname": "x",
        "profile": {"website": "no url", "birthday": "yesterday"},
        "orders": [{"status": "lost", "total": "12.345"}, {"total": -1, "products": [{"sku": "lower", "name": "A", "price": 1}]}]
    })"));
    QVERIFY(!result.ok);
    QVERIFY(result.validationFailed);
    QStringList paths;
    for (const RecordProblem &problem : result.problems)
        paths << problem.path;
    paths.sort();
    const QStringList expected{QStringLiteral("email"),
                               QStringLiteral("name"),
                               QStringLiteral("nickname"),
                               QStringLiteral("orders[0].status"),
                               QStringLiteral("orders[0].total"),
                               QStringLiteral("orders[1].products[0].name"),
                               QStringLiteral("orders[1].products[0].orderItem.unitPrice"),
                               QStringLiteral("orders[1].products[0].sku"),
                               QStringLiteral("orders[1].total"),
                               QStringLiteral("profile.birthday"),
                               QStringLiteral("profile.website")};
    QCOMPARE(paths, expected);
    QVERIFY(result.errorString().contains(QStringLiteral("nickname: unknown key")));
    QCOMPARE(snapshot(connection, resolved), before);

    // Wrong shapes for links are named too.
    const RecordResult shapes = controller.save(
        QStringLiteral("customer"), json(R"({"name":"A","email":"a@b.co","profile":[1],"orders":{}})"));
    QVERIFY(!shapes.ok);
    QCOMPARE(shapes.problems.size(), 2);
    QCOMPARE(shapes.problems.at(0).path, QStringLiteral("orders"));
    QCOMPARE(shapes.problems.at(1).path, QStringLiteral("profile"));
}

void TestSaveController::everyStatementFailing() {
    QFETCH(QString, engine);
    MODELDESK_SCRATCH_DATABASE(scratch, engine);
    const Project project = loadExample(QStringLiteral("shop"));
    DatabaseConnection connection(scratch.connectionUrl());
    QString error;
    QVERIFY2(openAndSync(connection, project.schema, &error), qPrintable(error));
    RecordStore controller(project.schema, connection);
    QVERIFY(controller
                .save(QStringLiteral("customer"),
                      shopGraph(QStringLiteral("first@example.com"), QStringLiteral("A-1")))
                .ok);
    const QStringList before = snapshot(connection, controller.resolvedSchema());

    QList<RecordProblem> problems;
    const auto plan =
        controller.plan(QStringLiteral("customer"),
                        shopGraph(QStringLiteral("second@example.com"), QStringLiteral("B-2")), &problems);
    QVERIFY(plan);
    const int k = int(plan->steps.size());
    QCOMPARE(k, 6); // customer, profile, order, product, orderItem, order
    for (int i = 0; i < k; ++i) {
        controller.setStepHook([i](int step, QString *message) {
            if (step != i)
                return true;
            *message = QStringLiteral("injected failure");
            return false;
        });
        const RecordResult result =
            controller.save(QStringLiteral("customer"),
                            shopGraph(QStringLiteral("second@example.com"), QStringLiteral("B-2")));
        QVERIFY(!result.ok);
        QCOMPARE(result.problems.size(), 1);
        QCOMPARE(result.problems.first().path, plan->steps.at(i).path);
        QVERIFY2(result.problems.first().message.contains(QStringLiteral("statement %1").arg(i + 1)),
                 qPrintable(result.errorString()));
        QCOMPARE(snapshot(connection, controller.resolvedSchema()), before);
    }
    controller.setStepHook({});
    const RecordResult result = controller.save(
        QStringLiteral("customer"), shopGraph(QStringLiteral("second@example.com"), QStringLiteral("B-2")));
    QVERIFY2(result.ok, qPrintable(result.errorString()));
    QVERIFY(snapshot(connection, controller.resolvedSchema()) != before);
}

void TestSaveController::constraintViolationRollsBack() {
    QFETCH(QString, engine);
    MODELDESK_SCRATCH_DATABASE(scratch, engine);
    const Project project = loadExample(QStringLiteral("shop"));
    DatabaseConnection connection(scratch.connectionUrl());
    QString error;
    QVERIFY2(openAndSync(connection, project.schema, &error), qPrintable(error));
    RecordStore controller(project.schema, connection);
    QVERIFY(controller
                .save(QStringLiteral("customer"),
                      shopGraph(QStringLiteral("taken@example.com"), QStringLiteral("TAKEN")))
                .ok);
    const QStringList before = snapshot(connection, controller.resolvedSchema());

    // The first statement fails (customer.email is unique) ...
    RecordResult result = controller.save(
        QStringLiteral("customer"), shopGraph(QStringLiteral("taken@example.com"), QStringLiteral("FREE")));
    QVERIFY(!result.ok);
    QVERIFY(!result.validationFailed);
    QCOMPARE(snapshot(connection, controller.resolvedSchema()), before);
    // ... and a late one (product.sku is unique): customer, profile and order were already written.
    result = controller.save(QStringLiteral("customer"),
                             shopGraph(QStringLiteral("new@example.com"), QStringLiteral("TAKEN")));
    QVERIFY(!result.ok);
    // Also on PostgreSQL, where the graph ran as one statement: the failing record is still named.
    QCOMPARE(result.problems.first().path, QStringLiteral("orders[0].products[0]"));
    QVERIFY2(result.errorString().contains(QStringLiteral("TAKEN")) ||
                 result.errorString().contains(QStringLiteral("sku")) ||
                 result.errorString().contains(QStringLiteral("UNIQUE"), Qt::CaseInsensitive),
             qPrintable(result.errorString()));
    QCOMPARE(snapshot(connection, controller.resolvedSchema()), before);
    // The same with one statement per step on PostgreSQL.
    controller.setSingleStatement(false);
    result = controller.save(QStringLiteral("customer"),
                             shopGraph(QStringLiteral("new@example.com"), QStringLiteral("TAKEN")));
    QVERIFY(!result.ok);
    QCOMPARE(result.problems.first().path, QStringLiteral("orders[0].products[0]"));
    QCOMPARE(snapshot(connection, controller.resolvedSchema()), before);
}

void TestSaveController::hostileNamesAndValues() {
    QFETCH(QString, engine);
    MODELDESK_SCRATCH_DATABASE(scratch, engine);
    // Reserved words and quote characters as model, table and field names.
    Schema schema;
    Model user;
    user.name = QStringLiteral("user");
    user.fields << Field{QStringLiteral("order"), DataType::string()}
                << Field{QStringLiteral("na\"me`'; --"), DataType::ofKind(DataType::Kind::Text)}
                << Field{QStringLiteral("sélect ?"), DataType::string(40)};
    Model order;
    order.name = QStringLiteral("order");
    order.tableName = QStringLiteral("o'); DROP TABLE x; --");
    order.fields << Field{QStringLiteral("group"), DataType::string()}
                 << Field{QStringLiteral(":from"), DataType::integer()};
    schema.models << user << order;
    Link link;
    link.kind = Link::Kind::HasMany;
    link.source = QStringLiteral("user");
    link.target = QStringLiteral("order");
    link.as = QStringLiteral("where");
    schema.links << link;

    DatabaseConnection connection(scratch.connectionUrl());
    QString error;
    QVERIFY2(openAndSync(connection, schema, &error), qPrintable(error));
    RecordStore controller(schema, connection);

    const QString evil =
        QStringLiteral("'); DROP TABLE \"users\"; DROP TABLE `users`; -- \\' \" ` ? :x $1 %s");
    const QString unicode = QStringLiteral("Zoë 🚀 — 東京 \\n");
    QJsonObject record;
    record.insert(QStringLiteral("order"), evil);
    record.insert(QStringLiteral("na\"me`'; --"), unicode + evil);
    record.insert(QStringLiteral("sélect ?"), QStringLiteral("?"));
    QJsonObject child;
    child.insert(QStringLiteral("group"), QStringLiteral("';--"));
    child.insert(QStringLiteral(":from"), 7);
    record.insert(QStringLiteral("where"), QJsonArray{child, child});
    const RecordResult saved = controller.save(QStringLiteral("user"), record);
    QVERIFY2(saved.ok, qPrintable(saved.errorString()));

    const RecordResult loaded =
        controller.load(QStringLiteral("user"), saved.record().value(QStringLiteral("id")), 1);
    QVERIFY2(loaded.ok, qPrintable(loaded.errorString()));
    QCOMPARE(loaded.record().value(QStringLiteral("order")).toString(), evil);
    QCOMPARE(loaded.record().value(QStringLiteral("na\"me`'; --")).toString(), unicode + evil);
    QCOMPARE(loaded.record().value(QStringLiteral("sélect ?")).toString(), QStringLiteral("?"));
    const QJsonArray children = loaded.record().value(QStringLiteral("where")).toArray();
    QCOMPARE(children.size(), 2);
    QCOMPARE(children.at(1).toObject().value(QStringLiteral("group")).toString(), QStringLiteral("';--"));
    QCOMPARE(children.at(1).toObject().value(QStringLiteral(":from")).toInt(), 7);

    // The schema is intact: both tables are there with their rows, and sync finds nothing to change.
    SchemaSync sync(schema, connection);
    const SyncReport report = sync.compare();
    QVERIFY2(report.ok, qPrintable(report.error));
    QVERIFY(report.differences.isEmpty());
    QCOMPARE(scalar(connection,
                    QStringLiteral("SELECT COUNT(*) FROM ") + connection.dialect().quote(order.tableName)),
             2);
}

void TestSaveController::exactNumbers() {
    QFETCH(QString, engine);
    MODELDESK_SCRATCH_DATABASE(scratch, engine);
    Schema schema;
    Model account;
    account.name = QStringLiteral("account");
    account.fields << Field{QStringLiteral("big"), DataType::ofKind(DataType::Kind::BigInt)}
                   << Field{QStringLiteral("money"), DataType{DataType::Kind::Decimal, -1, 30, 10, {}}}
                   << Field{QStringLiteral("flag"), DataType::ofKind(DataType::Kind::Boolean)}
                   << Field{QStringLiteral("born"), DataType::ofKind(DataType::Kind::DateOnly)}
                   << Field{QStringLiteral("seen"), DataType::ofKind(DataType::Kind::Date)}
                   << Field{QStringLiteral("data"), DataType::ofKind(DataType::Kind::Json)}
                   << Field{QStringLiteral("token"), DataType::ofKind(DataType::Kind::Uuid)}
                   << Field{QStringLiteral("raw"), DataType::ofKind(DataType::Kind::Blob)};
    account.fields[6].defaultValue = QJsonObject{{QStringLiteral("fn"), QStringLiteral("UUIDV4")}};
    schema.models << account;
    DatabaseConnection connection(scratch.connectionUrl());
    QString error;
    QVERIFY2(openAndSync(connection, schema, &error), qPrintable(error));
    RecordStore controller(schema, connection);
    const RecordResult saved = controller.save(QStringLiteral("account"), json(R"({
        "big": "9223372036854775807", "money": "12345678901234567890.0123456789", "flag": true,
        "born": "2001-02-03", "seen": "2024-05-06T07:08:09.123+02:00", "data": {"a": [1, "x"]}, "raw": "AAEC/w=="})"));
    QVERIFY2(saved.ok, qPrintable(saved.errorString()));
    QCOMPARE(saved.record().value(QStringLiteral("token")).toString().size(), 36);
    const RecordResult loaded =
        controller.load(QStringLiteral("account"), saved.record().value(QStringLiteral("id")), 0);
    QVERIFY2(loaded.ok, qPrintable(loaded.errorString()));
    QCOMPARE(loaded.record().value(QStringLiteral("big")).toString(), QStringLiteral("9223372036854775807"));
    if (engine != QLatin1String("sqlite")) // SQLite has no exact decimal type
        QCOMPARE(loaded.record().value(QStringLiteral("money")).toString(),
                 QStringLiteral("12345678901234567890.0123456789"));
    QCOMPARE(loaded.record().value(QStringLiteral("flag")).toBool(), true);
    QCOMPARE(loaded.record().value(QStringLiteral("born")).toString(), QStringLiteral("2001-02-03"));
    const QString seen = loaded.record().value(QStringLiteral("seen")).toString();
    QVERIFY2(seen.startsWith(QStringLiteral("2024-05-06T05:08:09")), qPrintable(seen));
    QCOMPARE(loaded.record()
                 .value(QStringLiteral("data"))
                 .toObject()
                 .value(QStringLiteral("a"))
                 .toArray()
                 .at(1)
                 .toString(),
             QStringLiteral("x"));
    QCOMPARE(loaded.record().value(QStringLiteral("token")), saved.record().value(QStringLiteral("token")));
    QCOMPARE(loaded.record().value(QStringLiteral("raw")).toString(), QStringLiteral("AAEC/w=="));

    // A BIGINT beyond 2^53 as a JSON number would have lost digits already: refused, with the reason.
    const RecordResult lossy =
        controller.save(QStringLiteral("account"), json(R"({"big": 9007199254740993})"));
    QVERIFY(!lossy.ok);
    QVERIFY(lossy.errorString().contains(QStringLiteral("string")));
}

void TestSaveController::planShowsKeyFlow() {
    const Project project = loadExample(QStringLiteral("seed"));
    DatabaseConnection connection(*ConnectionUrl::parse(QStringLiteral("sqlite::memory:")));
    RecordStore controller(project.schema, connection);
    QList<RecordProblem> problems;
    const auto plan = controller.plan(
        QStringLiteral("testUser"),
        json(R"({"name":"Pavitar","email":"1@gmail.com","user_test":{"code":"1234"}})"), &problems);
    QVERIFY(plan);
    QCOMPARE(plan->steps.size(), 2);
    QCOMPARE(plan->steps.at(0).sql,
             QStringLiteral(
                 "INSERT INTO `testUsers` (`name`, `email`, `createdAt`, `updatedAt`) VALUES (?, ?, ?, ?)"));
    QCOMPARE(plan->steps.at(0).generatedColumn, QStringLiteral("id"));
    QCOMPARE(plan->steps.at(1).path, QStringLiteral("user_test"));
    const PlanValue fk = plan->steps.at(1).values.at(1);
    QCOMPARE(fk.column, QStringLiteral("userId"));
    QCOMPARE(fk.fromStep, 0);
    QCOMPARE(fk.fromColumn, QStringLiteral("id"));
    QVERIFY(plan->toText().contains(QStringLiteral("userId = ← 1.id")));
}

// A database error names the column it is about (parsed per engine in db/), so the form can put it at its
// field: a UNIQUE violation and a NOT NULL one the design does not know about (the table is stricter).
void TestSaveController::databaseErrorNamesTheColumn() {
    QFETCH(QString, engine);
    MODELDESK_SCRATCH_DATABASE(scratch, engine);
    const Project project = loadExample(QStringLiteral("seed"));
    Schema strict = project.schema; // the table as created: code unique and required
    Field *code = strict.model(QStringLiteral("test"))->field(QStringLiteral("code"));
    QVERIFY(code);
    code->unique = true;
    code->allowNull = false;
    DatabaseConnection connection(scratch.connectionUrl());
    QString error;
    QVERIFY2(openAndSync(connection, strict, &error), qPrintable(error));
    Schema loose = strict; // the design the store saves with: code optional, so only the database refuses
    loose.model(QStringLiteral("test"))->field(QStringLiteral("code"))->allowNull = true;
    RecordStore controller(loose, connection);
    const QJsonObject first = json(R"({"name":"A","email":"a@example.com","user_test":{"code":"1234"}})");
    const RecordResult saved = controller.save(QStringLiteral("testUser"), first);
    QVERIFY2(saved.ok, qPrintable(saved.errorString()));

    const RecordResult duplicate = controller.save(QStringLiteral("testUser"), first);
    QVERIFY(!duplicate.ok);
    QVERIFY(!duplicate.validationFailed);
    QCOMPARE(duplicate.problems.size(), 1);
    QCOMPARE(duplicate.problems.first().path, QStringLiteral("user_test"));
    QVERIFY2(duplicate.problems.first().column == QStringLiteral("code"),
             qPrintable(duplicate.errorString()));
    QCOMPARE(duplicate.problems.first().field, QStringLiteral("code"));
    // Said in the record's terms; the engine's words stay as the detail.
    QCOMPARE(duplicate.problems.first().message, QStringLiteral("code 1234 is already used by another test"));
    QVERIFY2(duplicate.problems.first().detail.contains(QStringLiteral("INSERT tests")),
             qPrintable(duplicate.problems.first().detail));
    QVERIFY2(duplicate.errorString().contains(QStringLiteral("the database said: statement")),
             qPrintable(duplicate.errorString()));

    const RecordResult missing = controller.save(
        QStringLiteral("testUser"), json(R"({"name":"B","email":"b@example.com","user_test":{}})"));
    QVERIFY(!missing.ok);
    QVERIFY(!missing.validationFailed);
    QCOMPARE(missing.problems.size(), 1);
    QCOMPARE(missing.problems.first().path, QStringLiteral("user_test"));
    QVERIFY2(missing.problems.first().column == QStringLiteral("code"), qPrintable(missing.errorString()));
    QCOMPARE(missing.problems.first().field, QStringLiteral("code"));
    QCOMPARE(missing.problems.first().message, QStringLiteral("code needs a value"));
    QCOMPARE(rowCount(connection, QStringLiteral("testUsers")), 1); // and nothing else was left behind

    // A key that names no record: the link's column and the model it should name (SQLite names no column).
    const RecordResult dangling =
        controller.save(QStringLiteral("test"), json(R"({"code":"77","userId":987654})"));
    QVERIFY(!dangling.ok);
    QCOMPARE(dangling.problems.size(), 1);
    QCOMPARE(dangling.problems.first().message, QStringLiteral("userId 987654 names no testUser"));
}

// "Show SQL" and the CLI's --plan list what save() sends: on PostgreSQL one data-modifying CTE, exactly the
// text the server was asked to prepare; elsewhere the plan's statements one by one.
void TestSaveController::statementsShownAreTheStatementsSent() {
    QFETCH(QString, engine);
    MODELDESK_SCRATCH_DATABASE(scratch, engine);
    const Project project = loadExample(QStringLiteral("seed"));
    DatabaseConnection connection(scratch.connectionUrl());
    QString error;
    QVERIFY2(openAndSync(connection, project.schema, &error), qPrintable(error));
    RecordStore controller(project.schema, connection);
    const QJsonObject seed = json(R"({"name":"Pavitar","email":"1@gmail.com","user_test":{"code":"1234"}})");
    QList<RecordProblem> problems;
    const auto plan = controller.plan(QStringLiteral("testUser"), seed, &problems);
    QVERIFY(plan);
    QList<PlanValue> values;
    const QStringList sent = controller.statements(*plan, &values);
    const QString text = controller.planText(*plan);
    for (const QString &statement : sent)
        QVERIFY2(text.contains(statement), qPrintable(text));
    QVERIFY(!values.isEmpty());
    if (engine != QLatin1String("postgres")) {
        QCOMPARE(sent, (QStringList{plan->steps.at(0).sql, plan->steps.at(1).sql}));
        QCOMPARE(values.size(), plan->steps.at(0).values.size() + plan->steps.at(1).values.size());
        return;
    }
    QCOMPARE(sent.size(), 1);
    QVERIFY2(sent.first().startsWith(QStringLiteral("WITH s0 AS (INSERT INTO \"testUsers\"")),
             qPrintable(sent.first()));
    QVERIFY2(text.startsWith(QStringLiteral("One statement")), qPrintable(text));
    const RecordResult saved = controller.save(QStringLiteral("testUser"), seed);
    QVERIFY2(saved.ok, qPrintable(saved.errorString()));
    // The session's prepared statements are what the server was sent (libpq prepares the text as given).
    QVERIFY(connection.pgDirect());
    QSqlQuery prepared(connection.database());
    QVERIFY(prepared.exec(QStringLiteral("SELECT statement FROM pg_prepared_statements")));
    QStringList statements;
    while (prepared.next())
        statements << prepared.value(0).toString();
    QVERIFY2(statements.contains(sent.first()), qPrintable(statements.join(QLatin1Char('\n'))));
}

// MODELDESK_PG_QT_PATH=1 switches the libpq fast path off: saves then go through Qt's QPSQL driver alone.
void TestSaveController::postgresThroughQtDriver() {
    const QString engine = QStringLiteral("postgres");
    MODELDESK_SCRATCH_DATABASE(scratch, engine);
    const Project project = loadExample(QStringLiteral("shop"));
    qputenv("MODELDESK_PG_QT_PATH", "1");
    DatabaseConnection connection(scratch.connectionUrl());
    QString error;
    const bool opened = connection.open(&error);
    qunsetenv("MODELDESK_PG_QT_PATH");
    QVERIFY2(opened, qPrintable(error));
    QVERIFY(!connection.pgDirect());
    QVERIFY2(syncSchema(project.schema, connection, &error), qPrintable(error));
    RecordStore controller(project.schema, connection);
    const RecordResult saved = controller.save(
        QStringLiteral("customer"), shopGraph(QStringLiteral("qt@example.com"), QStringLiteral("QT-1")));
    QVERIFY2(saved.ok, qPrintable(saved.errorString()));
    const RecordResult again = controller.save(
        QStringLiteral("customer"), shopGraph(QStringLiteral("qt2@example.com"), QStringLiteral("QT-1")));
    QVERIFY(!again.ok);
    QCOMPARE(again.problems.first().path, QStringLiteral("orders[0].products[0]"));
    const RecordResult loaded =
        controller.load(QStringLiteral("customer"), saved.record().value(QStringLiteral("id")), 2);
    QVERIFY2(loaded.ok, qPrintable(loaded.errorString()));
    QCOMPARE(loaded.record().value(QStringLiteral("orders")).toArray().size(), 2);
}

void TestSaveController::killedConnection_data() {
    QTest::addColumn<QString>("engine");
    QTest::newRow("postgres") << QStringLiteral("postgres");
    QTest::newRow("mariadb") << QStringLiteral("mysql");
}

void TestSaveController::killedConnection() {
    QFETCH(QString, engine);
    MODELDESK_SCRATCH_DATABASE(scratch, engine);
    const bool postgres = engine == QLatin1String("postgres");
    const Project project = loadExample(QStringLiteral("seed"));
    DatabaseConnection connection(scratch.connectionUrl());
    QString error;
    QVERIFY2(openAndSync(connection, project.schema, &error), qPrintable(error));
    RecordStore controller(project.schema, connection);
    const qint64 session = scalar(connection, postgres ? QStringLiteral("SELECT pg_backend_pid()")
                                                       : QStringLiteral("SELECT CONNECTION_ID()"));

    // After the parent's INSERT, a second connection ends this one.
    DatabaseConnection killer(scratch.connectionUrl());
    QVERIFY2(killer.open(&error), qPrintable(error));
    controller.setStepHook([&](int step, QString *) {
        if (step == 1) {
            QSqlQuery kill(killer.database());
            kill.prepare(postgres ? QStringLiteral("SELECT pg_terminate_backend(?)")
                                  : QStringLiteral("KILL CONNECTION ?"));
            kill.addBindValue(session);
            if (!kill.exec())
                qWarning("ending the session failed: %s", qPrintable(kill.lastError().text()));
        }
        return true;
    });
    const SqlDialect d = killer.dialect();
    const QString countUsers = QStringLiteral("SELECT COUNT(*) FROM ") + d.quote(QStringLiteral("testUsers"));
    const QString countTests = QStringLiteral("SELECT COUNT(*) FROM ") + d.quote(QStringLiteral("tests"));
    const QJsonObject seed = json(R"({"name":"Pavitar","email":"1@gmail.com","user_test":{"code":"1234"}})");
    RecordResult result = controller.save(QStringLiteral("testUser"), seed);
    QVERIFY(!result.ok);
    QVERIFY2(result.connectionLost, qPrintable(result.errorString()));
    QVERIFY2(result.errorString().contains(QStringLiteral("connection")), qPrintable(result.errorString()));
    QVERIFY2(!result.errorString().contains(QStringLiteral("modeldesk:modeldesk")), "the password leaked");
    QCOMPARE(scalar(killer, countUsers), 0);
    QCOMPARE(scalar(killer, countTests), 0);

    // The next save reconnects and works.
    controller.setStepHook({});
    result = controller.save(QStringLiteral("testUser"), seed);
    QVERIFY2(result.ok, qPrintable(result.errorString()));
    QCOMPARE(scalar(killer, countUsers), 1);
    QCOMPARE(scalar(killer, countTests), 1);
}

QTEST_GUILESS_MAIN(TestSaveController)
#include "tst_savecontroller.moc"
