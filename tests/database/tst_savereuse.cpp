// What makes repeated saves cheap must never change what they write: statements and one-statement CTEs
// cached per plan shape (shapes alternating), tables too wide for the column mask, the save's timestamp bound
// once on PostgreSQL, and the saved graph built only when it is read (after its controller is gone, too).

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

class TestSaveReuse : public QObject {
    Q_OBJECT

private slots:
    void alternatingShapes_data() { addEngineRows(); }
    void alternatingShapes();
    void wideTable_data() { addEngineRows(); }
    void wideTable();
    void oneTimestampPerSave_data() { addEngineRows(); }
    void oneTimestampPerSave();
    void recordOutlivesController();
};

namespace {

// The rows of `sql` as text lines, "a | b | c".
QStringList rows(DatabaseConnection &connection, const QString &sql) {
    QSqlQuery query(connection.database());
    if (!query.exec(sql))
        qFatal("%s failed: %s", qPrintable(sql), qPrintable(query.lastError().text()));
    QStringList lines;
    while (query.next()) {
        QStringList values;
        for (int i = 0; i < query.record().count(); ++i)
            values << (query.isNull(i) ? QStringLiteral("NULL") : query.value(i).toString());
        lines << values.join(QStringLiteral(" | "));
    }
    return lines;
}

// author (70 text fields, more than the planner's 64-column mask) hasOne note.
Schema wideSchema() {
    Model author;
    author.name = QStringLiteral("author");
    for (int i = 0; i < 70; ++i)
        author.fields << Field{QStringLiteral("f%1").arg(i), DataType::string(20)}; // InnoDB rows hold ~8 KB
    Model note;
    note.name = QStringLiteral("note");
    note.fields << Field{QStringLiteral("text"), DataType::string()};
    Link link;
    link.kind = Link::Kind::HasOne;
    link.source = author.name;
    link.target = note.name;
    link.as = QStringLiteral("note");
    link.foreignKey = QStringLiteral("authorId");
    Schema schema;
    schema.models << author << note;
    schema.links << link;
    return schema;
}

} // namespace

void TestSaveReuse::alternatingShapes() {
    QFETCH(QString, engine);
    MODELDESK_SCRATCH_DATABASE(scratch, engine);
    const Project project = loadExample(QStringLiteral("seed"));
    DatabaseConnection connection(scratch.connectionUrl());
    QString error;
    QVERIFY2(openAndSync(connection, project.schema, &error), qPrintable(error));
    RecordStore controller(project.schema, connection);

    // Four shapes, each twice, interleaved: with a child, without, with a null child, with a child that
    // gives its own foreign key (overridden) — every save must land its own values and keys.
    const QList<QByteArray> inputs = {
        R"({"name":"a","email":"a@x","user_test":{"code":"A"}})",
        R"({"name":"b","email":"b@x"})",
        R"({"name":"c","email":"c@x","user_test":null})",
        R"({"name":"d","email":"d@x","user_test":{"code":"D","userId":999}})",
    };
    QStringList expected;
    for (int round = 0; round < 2; ++round) {
        for (int i = 0; i < inputs.size(); ++i) {
            QJsonObject input = json(inputs.at(i));
            const QString name = input.value(QStringLiteral("name")).toString() + QString::number(round);
            input.insert(QStringLiteral("name"), name);
            QJsonObject child = input.value(QStringLiteral("user_test")).toObject();
            if (!child.isEmpty()) {
                child.insert(QStringLiteral("code"),
                             child.value(QStringLiteral("code")).toString() + QString::number(round));
                input.insert(QStringLiteral("user_test"), child);
            }
            const RecordResult result = controller.save(QStringLiteral("testUser"), input);
            QVERIFY2(result.ok, qPrintable(result.errorString()));
            const QJsonObject saved = result.record();
            const qint64 id = saved.value(QStringLiteral("id")).toInteger();
            QVERIFY(id > 0);
            QCOMPARE(saved.value(QStringLiteral("name")).toString(), name);
            if (child.isEmpty()) {
                QVERIFY(!saved.value(QStringLiteral("user_test")).isObject());
                continue;
            }
            const QJsonObject savedChild = saved.value(QStringLiteral("user_test")).toObject();
            QCOMPARE(savedChild.value(QStringLiteral("userId")).toInteger(), id);
            QVERIFY(savedChild.value(QStringLiteral("id")).toInteger() > 0);
            expected << QStringLiteral("%1 | %2 | %3")
                            .arg(savedChild.value(QStringLiteral("id")).toInteger())
                            .arg(child.value(QStringLiteral("code")).toString(), name);
        }
    }
    const SqlDialect d = connection.dialect();
    QCOMPARE(rows(connection,
                  QStringLiteral("SELECT t.%1, t.%2, u.%3 FROM %4 t JOIN %5 u ON u.%1 = t.%6 ORDER BY t.%1")
                      .arg(d.quote(QStringLiteral("id")), d.quote(QStringLiteral("code")),
                           d.quote(QStringLiteral("name")), d.quote(QStringLiteral("tests")),
                           d.quote(QStringLiteral("testUsers")), d.quote(QStringLiteral("userId")))),
             expected);
    QCOMPARE(rows(connection, QStringLiteral("SELECT COUNT(*) FROM ") + d.quote(QStringLiteral("testUsers"))),
             QStringList{QStringLiteral("8")});
}

void TestSaveReuse::wideTable() {
    QFETCH(QString, engine);
    MODELDESK_SCRATCH_DATABASE(scratch, engine);
    const Schema schema = wideSchema();
    DatabaseConnection connection(scratch.connectionUrl());
    QString error;
    QVERIFY2(openAndSync(connection, schema, &error), qPrintable(error));
    RecordStore controller(schema, connection);

    // Different sets of columns each time, among them columns past the 64th.
    const QList<QList<int>> given = {{0, 65, 69}, {1, 2, 66}, {0, 65, 69}, {68}};
    for (const QList<int> &fields : given) {
        QJsonObject input{
            {QStringLiteral("note"), QJsonObject{{QStringLiteral("text"), QStringLiteral("n")}}}};
        for (int f : fields)
            input.insert(QStringLiteral("f%1").arg(f), QStringLiteral("v%1").arg(f));
        const RecordResult saved = controller.save(QStringLiteral("author"), input);
        QVERIFY2(saved.ok, qPrintable(saved.errorString()));
        const RecordResult loaded =
            controller.load(QStringLiteral("author"), saved.record().value(QStringLiteral("id")), 1);
        QVERIFY2(loaded.ok, qPrintable(loaded.errorString()));
        const QJsonObject record = loaded.record();
        for (int i = 0; i < 70; ++i) {
            const QJsonValue value = record.value(QStringLiteral("f%1").arg(i));
            if (fields.contains(i))
                QCOMPARE(value.toString(), QStringLiteral("v%1").arg(i));
            else
                QVERIFY2(value.isNull(), qPrintable(QStringLiteral("f%1 should be NULL").arg(i)));
        }
        QCOMPARE(record.value(QStringLiteral("note")).toObject().value(QStringLiteral("authorId")),
                 record.value(QStringLiteral("id")));
    }
}

void TestSaveReuse::oneTimestampPerSave() {
    QFETCH(QString, engine);
    MODELDESK_SCRATCH_DATABASE(scratch, engine);
    const Project project = loadExample(QStringLiteral("seed"));
    DatabaseConnection connection(scratch.connectionUrl());
    QString error;
    QVERIFY2(openAndSync(connection, project.schema, &error), qPrintable(error));
    RecordStore controller(project.schema, connection);
    // The store's clock says when each save happens, so the instants are known exactly.
    QDateTime now(QDate(2024, 5, 6), QTime(7, 8, 9, 123), Qt::UTC);
    controller.setClock([&now] { return now; });

    const RecordResult first = controller.save(
        QStringLiteral("testUser"), json(R"({"name":"a","email":"a@x","user_test":{"code":"1"}})"));
    QVERIFY2(first.ok, qPrintable(first.errorString()));
    // The next save must get a later timestamp, not a cached one (MariaDB's DATETIME keeps whole seconds).
    now = now.addMSecs(1500);
    const RecordResult second = controller.save(
        QStringLiteral("testUser"), json(R"({"name":"b","email":"b@x","user_test":{"code":"2"}})"));
    QVERIFY2(second.ok, qPrintable(second.errorString()));

    for (const RecordResult *result : {&first, &second}) {
        const QJsonObject saved = result->record();
        const RecordResult loaded =
            controller.load(QStringLiteral("testUser"), saved.value(QStringLiteral("id")), 1);
        QVERIFY2(loaded.ok, qPrintable(loaded.errorString()));
        const QJsonObject record = loaded.record();
        const QJsonObject child = record.value(QStringLiteral("user_test")).toObject();
        // What the database holds is what the save reported, and one instant for the whole graph.
        const QJsonValue createdAt = record.value(QStringLiteral("createdAt"));
        QVERIFY(createdAt.isString());
        QCOMPARE(createdAt, saved.value(QStringLiteral("createdAt")));
        QCOMPARE(record.value(QStringLiteral("updatedAt")), createdAt);
        QCOMPARE(child.value(QStringLiteral("createdAt")), createdAt);
        QCOMPARE(child.value(QStringLiteral("updatedAt")), createdAt);
    }
    QVERIFY(first.record().value(QStringLiteral("createdAt")).toString() <
            second.record().value(QStringLiteral("createdAt")).toString());
    // Each save's own instant, as stored: whole seconds on MariaDB.
    const bool wholeSeconds = engine == QLatin1String("mysql");
    QCOMPARE(first.record().value(QStringLiteral("createdAt")).toString(),
             wholeSeconds ? QStringLiteral("2024-05-06T07:08:09.000Z")
                          : QStringLiteral("2024-05-06T07:08:09.123Z"));
    QCOMPARE(second.record().value(QStringLiteral("createdAt")).toString(),
             wholeSeconds ? QStringLiteral("2024-05-06T07:08:10.000Z")
                          : QStringLiteral("2024-05-06T07:08:10.623Z"));
}

void TestSaveReuse::recordOutlivesController() {
    MODELDESK_SCRATCH_DATABASE(scratch, QStringLiteral("sqlite"));
    const Project project = loadExample(QStringLiteral("seed"));
    DatabaseConnection connection(scratch.connectionUrl());
    QString error;
    QVERIFY2(openAndSync(connection, project.schema, &error), qPrintable(error));

    RecordResult result;
    {
        RecordStore controller(project.schema, connection);
        result = controller.save(QStringLiteral("testUser"),
                                 json(R"({"name":"a","email":"a@x","user_test":{"code":"1"}})"));
    }
    QVERIFY2(result.ok, qPrintable(result.errorString()));
    const RecordResult copy = result; // copies share the graph: built once, equal
    const QJsonObject record = copy.record();
    QCOMPARE(record.value(QStringLiteral("name")).toString(), QStringLiteral("a"));
    QVERIFY(record.value(QStringLiteral("id")).toInteger() > 0);
    QCOMPARE(record.value(QStringLiteral("user_test")).toObject().value(QStringLiteral("userId")),
             record.value(QStringLiteral("id")));
    QCOMPARE(result.record(), record);
    QCOMPARE(RecordResult().record(), QJsonObject());
}

QTEST_GUILESS_MAIN(TestSaveReuse)
#include "tst_savereuse.moc"
