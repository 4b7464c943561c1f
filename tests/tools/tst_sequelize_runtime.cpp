// The exported Sequelize models run under the real Sequelize 6 (with pg, mysql2 and sqlite3), unmodified:
// for each example and engine, node loads `require('./models')` from a fresh export, runs
// sequelize.sync({force:true}) and the example's scenario (for the seed, the seed's own
// db.testUser.create({..., user_test: {...}}, {include: {model: db.test, as: 'user_test'}})), and the test
// checks the rows it wrote. Then the tables Sequelize created are read from the catalog and compared with the
// design, exactly as tst_ddl_engines does for ModelDesk's own DDL, so both create the same schema; for the
// seed, the CREATE TABLE statements Sequelize logged must equal ModelDesk's (and the shared reference).
#include "export/exporterregistry.h"
#include "sql/ddlgenerator.h"
#include "support/catalog.h"
#include "support/nodetools.h"
#include "support/scratchdatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace modeldesk;
using namespace modeldesk::test;
using namespace Qt::StringLiterals;

namespace {

QByteArray readFile(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Whitespace and the schema prefix are the only differences allowed between two CREATE TABLE statements.
QString normalized(QString sql) {
    sql = sql.trimmed();
    if (sql.endsWith(u';'))
        sql.chop(1);
    sql.replace(u"\"public\"."_s, QString());
    sql.replace(QRegularExpression(u"\\s+"_s), u" "_s);
    sql.replace(QRegularExpression(u" ([,)])"_s), u"\\1"_s);
    sql.replace(QRegularExpression(u"\\( "_s), u"("_s);
    return sql;
}

QStringList createTables(const QByteArray &log) {
    QStringList statements;
    for (const QString &line : QString::fromUtf8(log).split(u'\n'))
        if (line.startsWith(u"CREATE TABLE"_s))
            statements << normalized(line);
    return statements;
}

double number(const QJsonValue &value) {
    return value.isString() ? value.toString().toDouble() : value.toDouble();
}

} // namespace

class TstSequelizeRuntime : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { MODELDESK_REQUIRE_NODE_TOOLS(); }

    void exportRuns_data() {
        QTest::addColumn<QString>("example");
        QTest::addColumn<QString>("engine");
        for (const QString &example : {u"seed"_s, u"shop"_s})
            for (const QString &engine : {u"sqlite"_s, u"postgres"_s, u"mysql"_s})
                QTest::newRow(qPrintable(example + u' ' + engine)) << example << engine;
        QTest::newRow("hostile sqlite") << u"hostile"_s << u"sqlite"_s;
    }

    void exportRuns() {
        QFETCH(QString, example);
        QFETCH(QString, engine);
        MODELDESK_SCRATCH_DATABASE(scratch, engine);
        const Project project = loadProject(example);
        QTemporaryDir dir;
        QString error;
        const QString exportDir = dir.filePath(u"export"_s);
        ExportOptions options;
        options.origin = example + u".modeldesk"_s;
        QVERIFY2(ExporterRegistry::find(u"sequelize"_s)->write(project, options, exportDir, &error),
                 qPrintable(error));

        QProcessEnvironment env;
        if (engine == u"sqlite"_s)
            env.insert(u"DATABASE_STORAGE"_s, scratch.connectionUrl().path);
        else
            env.insert(u"DATABASE_URL"_s, scratch.url());
        const QString sqlLog = dir.filePath(u"sql.log"_s);
        QByteArray out;
        const bool ran =
            NodeTools::run(u"sequelize-runtime.js"_s, {exportDir, example, sqlLog}, env, &out, &error);
        QVERIFY2(ran, qPrintable(error + u"\nSQL:\n"_s + QString::fromUtf8(readFile(sqlLog))));
        QJsonParseError parseError;
        const QJsonObject result =
            QJsonDocument::fromJson(out.trimmed().split('\n').last(), &parseError).object();
        QVERIFY2(parseError.error == QJsonParseError::NoError, out.constData());

        if (example == u"seed"_s)
            checkSeed(result);
        else if (example == u"shop"_s)
            checkShop(result);
        else
            checkHostile(result);
        if (QTest::currentTestFailed() || example == u"hostile"_s)
            return; // Sequelize strips quote characters from identifiers, so the hostile tables differ

        // What Sequelize created is what the design (and ModelDesk's DDL) says.
        const SqlDialect dialect = *SqlDialect::fromName(engine);
        const ResolvedSchema resolved = SchemaResolver::resolve(project.schema);
        DatabaseConnection connection(scratch.connectionUrl());
        QVERIFY2(connection.open(&error), qPrintable(error));
        Catalog catalog(connection.database(), dialect.kind());
        QStringList problems;
        for (const Table &table : resolved.tables)
            problems << compare(dialect, table, catalog.table(table.name), Creator::Sequelize);
        QVERIFY2(catalog.lastError().isEmpty(), qPrintable(catalog.lastError()));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));

        if (example == u"seed"_s) {
            // Statement for statement, ModelDesk's CREATE TABLE is the one Sequelize emits.
            const QStringList logged = createTables(readFile(sqlLog));
            QStringList ours;
            for (const Table &table : resolved.tables)
                ours << normalized(DdlGenerator(dialect).createTable(table));
            QCOMPARE(ours, logged);
            if (engine != u"mysql"_s) {
                const QByteArray reference =
                    readFile(QStringLiteral(MODELDESK_TEST_DATA "/sequelize-reference/seed-create-") +
                             engine + u".sql"_s);
                QCOMPARE(createTables(reference), ours);
            }
        }
    }

    // ModelDesk's rules for Sequelize's defaults (table names, implied keys, timestamps, foreign key columns
    // and their ON DELETE/ON UPDATE, junction tables) against Sequelize itself: each design is also built
    // the way a person writes it by hand (only the options the design states; tests/node/design-sync.js),
    // and the CREATE TABLE statements Sequelize emits must equal ModelDesk's.
    void resolverMatchesSequelize_data() {
        QTest::addColumn<QString>("path");
        for (const QString &name : {u"seed"_s, u"shop"_s})
            QTest::newRow(qPrintable(name))
                << QStringLiteral(MODELDESK_SOURCE_DIR "/resources/examples/") + name + u".modeldesk"_s;
        for (const QString &name : {u"btm-actions"_s, u"default-actions"_s, u"naming"_s})
            QTest::newRow(qPrintable(name))
                << QStringLiteral(MODELDESK_TEST_DATA "/resolver/") + name + u".modeldesk"_s;
        // The conformance suite's designs (tst_conformance creates their tables with ModelDesk's DDL).
        for (const QString &name : {u"archive"_s, u"club"_s})
            QTest::newRow(qPrintable(u"conformance "_s + name))
                << QStringLiteral(MODELDESK_TEST_DATA "/conformance/") + name + u".modeldesk"_s;
    }

    void resolverMatchesSequelize() {
        QFETCH(QString, path);
        QString error;
        const auto project = ProjectFile::load(path, &error);
        QVERIFY2(project, qPrintable(error));
        QByteArray out;
        QVERIFY2(NodeTools::run(u"design-sync.js"_s, {path}, {}, &out, &error), qPrintable(error));
        QStringList theirs = createTables(out);
        // Sequelize quotes every string default, also for DECIMAL ('0.00'); ModelDesk writes the number.
        static const QRegularExpression quotedNumber(u"DEFAULT '(-?\\d+(\\.\\d+)?)'"_s);
        for (QString &statement : theirs)
            statement.replace(quotedNumber, u"DEFAULT \\1"_s);
        QStringList ours;
        for (const Table &table : SchemaResolver::resolve(project->schema).tables) {
            // Sequelize fills NOW in JavaScript; ModelDesk also keeps it as the column default (documented).
            QString statement =
                normalized(DdlGenerator(SqlDialect(SqlDialect::Kind::Sqlite)).createTable(table));
            ours << statement.replace(u" DEFAULT CURRENT_TIMESTAMP"_s, QString());
        }
        theirs.sort();
        ours.sort();
        QCOMPARE(ours, theirs);
    }

private:
    void checkSeed(const QJsonObject &result) {
        const QJsonArray users = result[u"users"_s].toArray();
        const QJsonArray tests = result[u"tests"_s].toArray();
        QCOMPARE(users.size(), 1);
        QCOMPARE(tests.size(), 1);
        const int userId = result[u"userId"_s].toInt();
        QVERIFY(userId > 0);
        QCOMPARE(users[0][u"id"_s].toInt(), userId);
        QCOMPARE(users[0][u"name"_s].toString(), u"Pavitar"_s);
        QCOMPARE(users[0][u"email"_s].toString(), u"1@gmail.com"_s);
        QCOMPARE(tests[0][u"code"_s].toString(), u"1234"_s);
        QCOMPARE(tests[0][u"userId"_s].toInt(), userId); // tests.userId = the new user's id
    }

    void checkShop(const QJsonObject &result) {
        const int customerId = result[u"customerId"_s].toInt();
        const int orderId = result[u"orderId"_s].toInt();
        QVERIFY(customerId > 0 && orderId > 0);
        const QJsonArray profiles = result[u"profiles"_s].toArray();
        QCOMPARE(profiles.size(), 1);
        QCOMPARE(profiles[0][u"customerId"_s].toInt(), customerId);
        QCOMPARE(profiles[0][u"bio"_s].toString(), u"Likes engines"_s);
        const QJsonArray orders = result[u"orders"_s].toArray();
        QCOMPARE(orders.size(), 3);
        // Sequelize inserts the hasMany children concurrently, so their ids (and row order) may vary: compare
        // the orders as (total, status) pairs in total order.
        QList<std::pair<double, QString>> byTotal;
        for (const QJsonValue &order : orders) {
            QCOMPARE(order[u"customerId"_s].toInt(), customerId);
            byTotal.append({number(order[u"total"_s]), order[u"status"_s].toString()});
        }
        std::sort(byTotal.begin(), byTotal.end());
        const QList<std::pair<double, QString>> expected{{3.0, u"paid"_s}, {7.0, u"new"_s}, {12.5, u"new"_s}};
        QCOMPARE(byTotal, expected); // "new" is the default
        const QJsonArray items = result[u"items"_s].toArray();
        QCOMPARE(items.size(), 2);
        QList<int> quantities;
        for (const QJsonValue &item : items) {
            QCOMPARE(item[u"orderId"_s].toInt(), orderId);
            quantities << item[u"quantity"_s].toInt();
        }
        std::sort(quantities.begin(), quantities.end());
        QCOMPARE(quantities, (QList<int>{4, 10}));
        const QJsonArray products = result[u"products"_s].toArray();
        QCOMPARE(products.size(), 2);
        static const QRegularExpression uuid(
            u"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"_s);
        for (const QJsonValue &product : products) {
            QVERIFY2(uuid.match(product[u"id"_s].toString()).hasMatch(),
                     qPrintable(product[u"id"_s].toString()));
            QCOMPARE(product[u"stock"_s].toInt(), 0);
        }
        QCOMPARE(result[u"loadedProducts"_s].toArray(), (QJsonArray{u"BOLT-1"_s, u"NUT-2"_s}));
        QCOMPARE(result[u"loadedCustomer"_s].toString(), u"ada@example.com"_s);
        // The isEmail rule rejected the second customer before anything was written.
        QCOMPARE(result[u"rejected"_s].toString(), u"SequelizeValidationError"_s);
        QCOMPARE(result[u"customers"_s].toInt(), 1);
    }

    void checkHostile(const QJsonObject &result) {
        QCOMPARE(result[u"select"_s].toString(), u"x'); DROP TABLE y; --"_s);
        QCOMPARE(result[u"itS"_s].toString(), u"fine"_s);
    }
};

QTEST_GUILESS_MAIN(TstSequelizeRuntime)
#include "tst_sequelize_runtime.moc"
