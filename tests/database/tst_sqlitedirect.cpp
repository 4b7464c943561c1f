// Saves on SQLite through the sqlite3 C API on the Qt driver's handle (SqliteDirect, the default) and through
// Qt's QSQLITE alone (MODELDESK_SQLITE_QT_PATH=1) give the same results: the same rows (value and storage
// class), the same saved graph text, the same problems for the same failures, in single saves, batches with a
// failing graph in the middle, and updates. The saved graph's text (appendRecordJson) is also the text
// QJsonDocument writes for record().

#include "db/sqlitedirect.h"
#include "records/recordstore.h"
#include "support/savetestsupport.h"
#include "support/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace modeldesk;
using namespace modeldesk::test;

class TestSqliteDirect : public QObject {
    Q_OBJECT

private slots:
    void sameAsQtPath_data();
    void sameAsQtPath();
};

namespace {

// Every kind of value: big integers, exact decimals, booleans, dates, JSON, UUIDs, bytes, defaults, nulls;
// paranoid (a deletedAt column) with hasMany children whose text is unique (a database error on demand).
Schema kindsSchema() {
    Schema schema;
    Model account;
    account.name = QStringLiteral("account");
    account.paranoid = true;
    account.fields << Field{QStringLiteral("big"), DataType::ofKind(DataType::Kind::BigInt)}
                   << Field{QStringLiteral("money"), DataType{DataType::Kind::Decimal, -1, 30, 10, {}}}
                   << Field{QStringLiteral("flag"), DataType::ofKind(DataType::Kind::Boolean)}
                   << Field{QStringLiteral("born"), DataType::ofKind(DataType::Kind::DateOnly)}
                   << Field{QStringLiteral("seen"), DataType::ofKind(DataType::Kind::Date)}
                   << Field{QStringLiteral("data"), DataType::ofKind(DataType::Kind::Json)}
                   << Field{QStringLiteral("token"), DataType::ofKind(DataType::Kind::Uuid)}
                   << Field{QStringLiteral("raw"), DataType::ofKind(DataType::Kind::Blob)}
                   << Field{QStringLiteral("score"), DataType::ofKind(DataType::Kind::Double)}
                   << Field{QStringLiteral("count"), DataType::integer()}
                   << Field{QStringLiteral("label"), DataType::string()}
                   << Field{QStringLiteral("ünïcødé"), DataType::ofKind(DataType::Kind::Text)};
    account.fields[6].defaultValue = QJsonObject{{QStringLiteral("fn"), QStringLiteral("UUIDV4")}};
    account.fields[9].defaultValue = 7;
    account.fields[10].defaultValue = QStringLiteral("plain");
    Model entry;
    entry.name = QStringLiteral("entry");
    entry.fields << Field{QStringLiteral("text"), DataType::string()};
    entry.fields[0].unique = true;
    entry.fields[0].allowNull = false;
    schema.models << account << entry;
    Link link;
    link.kind = Link::Kind::HasMany;
    link.source = account.name;
    link.target = entry.name;
    link.as = QStringLiteral("entries");
    schema.links << link;
    return schema;
}

// What one operation came to, as comparable text: its outcome, problems and saved graph.
QString outcome(const RecordResult &result) {
    QString text = QStringLiteral("ok=%1 validation=%2\n%3\n")
                       .arg(result.ok)
                       .arg(result.validationFailed)
                       .arg(result.errorString());
    for (const RecordProblem &problem : result.problems)
        text += QStringLiteral("[%1|%2|%3|%4]")
                    .arg(problem.path, problem.column, problem.field, problem.constraint);
    if (result.ok) {
        QByteArray graph;
        result.appendRecordJson(&graph);
        const QByteArray qt = QJsonDocument(result.record()).toJson(QJsonDocument::Compact);
        if (graph != qt)
            qFatal("appendRecordJson differs from QJsonDocument:\n%s\n%s", graph.constData(), qt.constData());
        text += QString::fromUtf8(graph);
    }
    return text;
}

// Every row of the tables with each value's storage class and exact SQL literal (SQLite's quote()).
QString rows(DatabaseConnection &connection, const ResolvedSchema &resolved) {
    QString text;
    for (const Table &table : resolved.tables) {
        QStringList columns;
        for (const Column &column : table.columns) {
            const QString name = connection.dialect().quote(column.name);
            columns << QStringLiteral("typeof(%1) || ':' || quote(%1)").arg(name);
        }
        QSqlQuery query(connection.database());
        if (!query.exec(QStringLiteral("SELECT %1 FROM %2 ORDER BY rowid")
                            .arg(columns.join(QStringLiteral(" || ' | ' || ")),
                                 connection.dialect().quote(table.name))))
            qFatal("dump of %s failed", qPrintable(table.name));
        while (query.next())
            text += table.name + QStringLiteral(": ") + query.value(0).toString() + u'\n';
    }
    return text;
}

// Generated UUIDs differ from run to run: masked (given ones are kept by the input's own text).
QString masked(QString text) {
    static const QRegularExpression uuid(
        QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
    return text.replace(uuid, QStringLiteral("<uuid>"));
}

// Runs the same operations on a fresh database through one path and returns everything observable.
QString run(const Schema &schema, const QString &model, const QList<QJsonObject> &graphs, bool qtPath,
            const QList<QJsonObject> &updates) {
    QTemporaryDir dir;
    if (qtPath)
        qputenv("MODELDESK_SQLITE_QT_PATH", "1");
    DatabaseConnection connection(
        *ConnectionUrl::parse(QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("t.db"))));
    QString error;
    const bool opened = openAndSync(connection, schema, &error);
    qunsetenv("MODELDESK_SQLITE_QT_PATH");
    if (!opened)
        qFatal("cannot open: %s", qPrintable(error));
    if ((connection.sqliteDirect() != nullptr) == qtPath)
        qFatal("the path is not the one asked for");
    RecordStore store(schema, connection);
    store.setClock([] { return QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5, 678), Qt::UTC); });
    QString text;
    for (const QJsonObject &graph : graphs)
        text += outcome(store.save(model, graph)) + u'\n';
    // A batch whose middle graph fails in the database: rolled back and saved one by one.
    for (const RecordResult &result : store.saveBatch(model, graphs))
        text += QStringLiteral("batch: ") + outcome(result) + u'\n';
    for (const QJsonObject &update : updates)
        text += QStringLiteral("update: ") + outcome(store.update(model, update)) + u'\n';
    return masked(text + rows(connection, store.resolvedSchema()));
}

} // namespace

void TestSqliteDirect::sameAsQtPath_data() {
    QTest::addColumn<QString>("design"); // "kinds" or an example
    QTest::addColumn<QString>("model");
    QTest::addColumn<QList<QJsonObject>>("graphs");
    QTest::addColumn<QList<QJsonObject>>("updates");
    const QList<QJsonObject> kinds{
        json(R"({"big": "9223372036854775807", "money": "12345678901234567890.0123456789", "flag": true,
            "born": "2001-02-03", "seen": "2024-05-06T07:08:09.123+02:00", "data": {"b": [1, "x", null], "a": 2.5},
            "raw": "AAEC/w==", "score": 0.1, "count": 2147483647, "label": "Zoë 🚀 — 東京 \n\t\"q\" \\ \u0001",
            "ünïcødé": "\u2028 \ud83d\ude00", "token": "0f8fad5b-d9cb-469f-a165-70867728950e",
            "entries": [{"text": "one"}, {"text": "two"}]})"),
        json(
            R"({"big": null, "money": null, "flag": null, "born": null, "seen": null, "data": null, "raw": null,
            "score": null, "count": null, "label": null, "entries": []})"),
        json(R"({})"),
        json(
            R"({"big": "-9223372036854775808", "score": 1e300, "flag": false, "count": -1, "label": "lone \ud800",
            "entries": [{"text": "three"}]})"),
        json(R"({"label": "fails in the database", "entries": [{"text": "four"}, {"text": "one"}]})"),
        json(R"({"flag": "not a boolean", "count": "x"})"),
        json(R"({"score": 1e-7, "money": "-0.5", "entries": [{"text": null}]})"),
        json(R"({"label": "last", "entries": [{"text": "five"}]})"),
    };
    const QList<QJsonObject> kindUpdates{json(R"({"id": 1, "label": "changed", "count": null})"),
                                         json(R"({"id": 987654, "label": "no such account"})"),
                                         json(R"({"id": 4, "entries": [{"id": 3, "text": "one"}]})")};
    QTest::newRow("every kind of value")
        << QStringLiteral("kinds") << QStringLiteral("account") << kinds << kindUpdates;
    QJsonObject givenKey = shopGraph(QStringLiteral("b@example.com"), QStringLiteral("SKU-2"));
    QJsonArray orders = givenKey.value(QStringLiteral("orders")).toArray();
    QJsonObject order = orders.at(0).toObject();
    QJsonArray products = order.value(QStringLiteral("products")).toArray();
    QJsonObject product = products.at(0).toObject();
    product.insert(QStringLiteral("id"), QStringLiteral("6ba7b810-9dad-41d1-80b4-00c04fd430c8"));
    products.replace(0, product);
    order.insert(QStringLiteral("products"), products);
    orders.replace(0, order);
    givenKey.insert(QStringLiteral("orders"), orders);
    QTest::newRow("shop: belongsToMany through a model, UUID keys, defaults")
        << QStringLiteral("shop") << QStringLiteral("customer")
        << QList<QJsonObject>{shopGraph(QStringLiteral("a@example.com"), QStringLiteral("SKU-1")),
                              shopGraph(QStringLiteral("a@example.com"), QStringLiteral("SKU-9")), givenKey,
                              shopGraph(QStringLiteral("c@example.com"), QStringLiteral("SKU-1")),
                              shopGraph(QStringLiteral("not an e-mail"), QStringLiteral("SKU-3"))}
        << QList<QJsonObject>{json(R"({"id": 1, "name": "Ada Lovelace"})")};
}

void TestSqliteDirect::sameAsQtPath() {
    QFETCH(QString, design);
    QFETCH(QString, model);
    QFETCH(QList<QJsonObject>, graphs);
    QFETCH(QList<QJsonObject>, updates);
    const Schema schema = design == QLatin1String("kinds") ? kindsSchema() : loadExample(design).schema;
    const QString direct = run(schema, model, graphs, false, updates);
    const QString qt = run(schema, model, graphs, true, updates);
    // The runs did something, failures included.
    QVERIFY2(direct.contains(QStringLiteral("ok=1")) &&
                 direct.contains(QStringLiteral("ok=0 validation=0")) &&
                 direct.contains(QStringLiteral("ok=0 validation=1")),
             qPrintable(direct));
    QCOMPARE(direct, qt);
}

QTEST_GUILESS_MAIN(TestSqliteDirect)
#include "tst_sqlitedirect.moc"
