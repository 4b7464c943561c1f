// Differential conformance with the real Sequelize 6, on SQLite, PostgreSQL and MariaDB. Each operation of
// tests/data/conformance/operations.json runs twice, on two fresh databases of the same engine whose tables
// ModelDesk's own DDL created: once through ModelDesk's RecordStore, once through Sequelize with ModelDesk's
// exported model files (tests/node/conformance.js, the calls a Sequelize user makes). Then every row of every
// table and the graph read back (ModelDesk's load() vs findByPk with the links included) must agree, up to
// generated keys and timestamps (support/conformancerows.h) and the differences docs/sequelize-semantics.md
// documents, which the operation names and the test asserts. A save's own returned graph must also equal its
// load (ModelDesk's "save prints what get prints").
#include "export/exporterregistry.h"
#include "records/recordstore.h"
#include "schema/schemavalidator.h"
#include "support/conformancecheck.h"
#include "support/conformancerows.h"
#include "support/nodetools.h"
#include "support/savetestsupport.h"
#include "support/scratchdatabase.h"
#include "support/sequelizeprocess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using namespace modeldesk;
using namespace modeldesk::test;
using namespace modeldesk::test::conformance;
using namespace Qt::StringLiterals;

namespace {

QByteArray readFile(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QJsonObject operationsFile() {
    return QJsonDocument::fromJson(
               readFile(QStringLiteral(MODELDESK_TEST_DATA "/conformance/operations.json")))
        .object();
}

const QStringList kEngines{u"sqlite"_s, u"postgres"_s, u"mysql"_s};

// The value with every {"$key": [model, attribute, value]} replaced by that record's key in `connection`.
std::optional<QJsonValue> resolveKeys(const QJsonValue &value, DatabaseConnection &connection,
                                      const ResolvedSchema &resolved, QString *error) {
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : value.toArray()) {
            const auto resolvedItem = resolveKeys(item, connection, resolved, error);
            if (!resolvedItem)
                return std::nullopt;
            out << *resolvedItem;
        }
        return out;
    }
    if (!value.isObject())
        return value;
    const QJsonObject object = value.toObject();
    if (object.size() == 1 && object.contains(u"$key"_s)) {
        const QJsonArray ref = object.value(u"$key"_s).toArray();
        const auto key =
            findKey(connection, resolved, ref.at(0).toString(), ref.at(1).toString(), ref.at(2), error);
        if (key && key->isNull())
            *error = u"no record for "_s + compact(object);
        return key && !key->isNull() ? key : std::nullopt;
    }
    QJsonObject out;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const auto resolvedValue = resolveKeys(it.value(), connection, resolved, error);
        if (!resolvedValue)
            return std::nullopt;
        out.insert(it.key(), *resolvedValue);
    }
    return out;
}

// How many levels of links a record given to save() nests, so its load goes as deep.
int depthOf(const ResolvedSchema &resolved, const QString &model, const QJsonObject &record) {
    int depth = 0;
    for (auto it = record.constBegin(); it != record.constEnd(); ++it) {
        const ResolvedLink *link = resolved.link(model, it.key());
        if (!link)
            continue;
        const QJsonArray items = it.value().isArray() ? it.value().toArray() : QJsonArray{it.value()};
        for (const QJsonValue &item : items)
            depth = std::max(depth, 1 + depthOf(resolved, link->target, item.toObject()));
    }
    return depth;
}

QString outcomeOf(const RecordResult &result) {
    return result.ok ? u"ok"_s : result.validationFailed ? u"invalid"_s : u"refused"_s;
}

} // namespace

class TstConformance : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void operation_data();
    void operation();

private:
    // Sends `request` to node; fails the test unless it answers "ok" (or, with `answer`, any answer).
    void node(const QJsonObject &request, QJsonObject *answer = nullptr);
    // Creates the setup's records on both sides, each through its own side, then rewrites their timestamps.
    void setup(const QString &name, RecordStore &store, DatabaseConnection &ours, DatabaseConnection &theirs,
               const ResolvedSchema &resolved);
    QJsonValue resolved(const QJsonValue &value, DatabaseConnection &connection,
                        const ResolvedSchema &schema);

    QJsonObject mSetups;
    QJsonArray mOperations;
    QHash<QString, Project> mDesigns;
    QTemporaryDir mExports;
    SequelizeProcess mNode;
    QHash<QString, qint64> mMilliseconds; // per engine
    QHash<QString, int> mRuns;
};

void TstConformance::initTestCase() {
    MODELDESK_REQUIRE_NODE_TOOLS();
    const QJsonObject file = operationsFile();
    mSetups = file.value(u"setups"_s).toObject();
    mOperations = file.value(u"operations"_s).toArray();
    QVERIFY(!mOperations.isEmpty());
    QVERIFY(mExports.isValid());

    // Every documented difference names a row of docs/sequelize-semantics.md.
    const QString semantics =
        QString::fromUtf8(readFile(QStringLiteral(MODELDESK_SOURCE_DIR "/docs/sequelize-semantics.md")));
    QVERIFY(!semantics.isEmpty());
    for (const QJsonValue &operation : std::as_const(mOperations)) {
        const QString name = operation[u"name"_s].toString();
        QString error;
        const QList<Difference> differences =
            Difference::parse(operation[u"differences"_s].toArray(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(name + u": "_s + error));
        for (const Difference &difference : differences)
            QVERIFY2(semantics.contains(u"| "_s + difference.doc + u" |"_s),
                     qPrintable(name + u": docs/sequelize-semantics.md has no row "_s + difference.doc));
        const QString design = operation[u"design"_s].toString();
        if (mDesigns.contains(design))
            continue;
        const auto project = ProjectFile::load(
            QStringLiteral(MODELDESK_TEST_DATA "/conformance/") + design + u".modeldesk"_s, &error);
        QVERIFY2(project, qPrintable(error));
        for (const Problem &problem : SchemaValidator::validate(project->schema))
            QVERIFY2(!problem.isError(), qPrintable(design + u": "_s + problem.toString()));
        ExportOptions options;
        options.origin = design + u".modeldesk"_s;
        QVERIFY2(ExporterRegistry::find(u"sequelize"_s)
                     ->write(*project, options, mExports.filePath(design), &error),
                 qPrintable(error));
        mDesigns.insert(design, *project);
    }
    QString error;
    QVERIFY2(mNode.start(&error), qPrintable(error));
}

void TstConformance::cleanupTestCase() {
    for (const QString &engine : kEngines)
        if (mMilliseconds.contains(engine))
            qInfo("%s: %.1f s for %d operations", qPrintable(engine), mMilliseconds.value(engine) / 1000.0,
                  mRuns.value(engine));
}

void TstConformance::node(const QJsonObject &request, QJsonObject *answer) {
    QString error;
    const std::optional<QJsonObject> reply = mNode.request(request, &error);
    QVERIFY2(reply, qPrintable(error));
    if (answer) {
        *answer = *reply;
        return;
    }
    QVERIFY2(reply->value(u"ok"_s).toBool(),
             qPrintable(u"Sequelize: "_s + compact(request).left(400) + u"\n  -> "_s + compact(*reply)));
}

QJsonValue TstConformance::resolved(const QJsonValue &value, DatabaseConnection &connection,
                                    const ResolvedSchema &schema) {
    QString error;
    const std::optional<QJsonValue> out = resolveKeys(value, connection, schema, &error);
    if (!out)
        QTest::qFail(qPrintable(u"cannot resolve "_s + compact(value) + u": "_s + error), __FILE__, __LINE__);
    return out.value_or(QJsonValue(QJsonValue::Undefined));
}

void TstConformance::setup(const QString &name, RecordStore &store, DatabaseConnection &ours,
                           DatabaseConnection &theirs, const ResolvedSchema &resolvedSchema) {
    if (name.isEmpty())
        return;
    QVERIFY2(mSetups.contains(name), qPrintable(u"no setup "_s + name));
    for (const QJsonValue &entry : mSetups.value(name).toArray()) {
        const QString model = entry[u"model"_s].toString();
        const QJsonValue record = entry[u"record"_s];
        const RecordResult saved = store.save(model, resolved(record, ours, resolvedSchema).toObject());
        QVERIFY2(saved.ok, qPrintable(u"setup on ModelDesk: "_s + saved.errorString()));
        const QJsonObject create{{u"create"_s, model},
                                 {u"values"_s, resolved(record, theirs, resolvedSchema)}};
        CHECK(node({{u"cmd"_s, u"steps"_s}, {u"steps"_s, QJsonArray{create}}}));
    }
    QString error;
    QVERIFY2(rewriteTimestamps(ours, resolvedSchema, &error), qPrintable(error));
    QVERIFY2(rewriteTimestamps(theirs, resolvedSchema, &error), qPrintable(error));
}

void TstConformance::operation_data() {
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("engine");
    const QJsonArray operations = operationsFile().value(u"operations"_s).toArray();
    for (const QString &engine : kEngines)
        for (qsizetype i = 0; i < operations.size(); ++i)
            QTest::newRow(qPrintable(engine + u" | "_s + operations.at(i)[u"name"_s].toString()))
                << int(i) << engine;
}

void TstConformance::operation() {
    QFETCH(int, index);
    QFETCH(QString, engine);
    QElapsedTimer timer;
    timer.start();
    const auto account = qScopeGuard([&] {
        mMilliseconds[engine] += timer.elapsed();
        ++mRuns[engine];
    });
    const QJsonObject op = mOperations.at(index).toObject();
    const QString design = op[u"design"_s].toString();
    const Project &project = mDesigns[design];
    const ResolvedSchema schema = SchemaResolver::resolve(project.schema);

    // Two fresh databases with ModelDesk's tables; Sequelize opens the second.
    MODELDESK_SCRATCH_DATABASE(oursDatabase, engine);
    MODELDESK_SCRATCH_DATABASE(theirsDatabase, engine);
    DatabaseConnection ours(oursDatabase.connectionUrl());
    DatabaseConnection theirs(theirsDatabase.connectionUrl());
    QString error;
    QVERIFY2(openAndSync(ours, project.schema, &error), qPrintable(error));
    QVERIFY2(openAndSync(theirs, project.schema, &error), qPrintable(error));
    RecordStore store(project.schema, ours);
    QJsonObject open{{u"cmd"_s, u"open"_s}, {u"exportDir"_s, mExports.filePath(design)}};
    if (engine == u"sqlite"_s)
        open.insert(u"storage"_s, theirsDatabase.connectionUrl().path);
    else
        open.insert(u"url"_s, theirsDatabase.url());
    CHECK(node(open));
    const auto closeNode = qScopeGuard([&] { node({{u"cmd"_s, u"close"_s}}); });
    CHECK(setup(op[u"setup"_s].toString(), store, ours, theirs, schema));

    // The operation, on each side.
    const QJsonObject md = op[u"modeldesk"_s].toObject();
    QString model;
    QJsonArray steps = op[u"sequelize"_s].toArray();
    const bool defaultSteps = !op.contains(u"sequelize"_s);
    RecordResult result;
    QJsonObject saved; // what a save was given
    if (md.contains(u"save"_s) || md.contains(u"update"_s)) {
        const bool save = md.contains(u"save"_s);
        model = md[save ? u"save"_s : u"update"_s].toString();
        const QJsonObject record = resolved(md[u"record"_s], ours, schema).toObject();
        result = save ? store.save(model, record) : store.update(model, record);
        if (save)
            saved = record;
        if (defaultSteps)
            steps = {QJsonObject{{u"create"_s, model}, {u"values"_s, md[u"record"_s]}}};
    } else if (md.contains(u"remove"_s)) {
        model = md[u"remove"_s].toString();
        result = store.remove(model, resolved(md[u"key"_s], ours, schema));
        if (defaultSteps)
            steps = {QJsonObject{{u"find"_s, model}, {u"key"_s, md[u"key"_s]}, {u"as"_s, u"r"_s}},
                     QJsonObject{{u"destroy"_s, u"r"_s}}};
    } else {
        model = md[u"load"_s].toString();
        result = store.load(model, resolved(md[u"key"_s], ours, schema), md[u"depth"_s].toInt());
    }
    QVERIFY(!QTest::currentTestFailed());
    QJsonObject answer;
    CHECK(node({{u"cmd"_s, u"steps"_s}, {u"steps"_s, resolved(steps, theirs, schema)}}, &answer));

    QStringList problems;
    const QJsonObject outcome = op[u"outcome"_s].toObject();
    const QString oursExpected = outcome.value(u"modeldesk"_s).toString(u"ok"_s);
    const QString theirsExpected = outcome.value(u"sequelize"_s).toString(u"ok"_s);
    const QString theirsOutcome =
        answer[u"ok"_s].toBool() ? u"ok"_s : answer[u"error"_s][u"name"_s].toString(u"failed"_s);
    if (outcomeOf(result) != oursExpected)
        problems << u"ModelDesk: %1 instead of %2 %3"_s.arg(outcomeOf(result), oursExpected,
                                                            result.errorString());
    if (theirsOutcome != theirsExpected)
        problems << u"Sequelize: %1 instead of %2 %3"_s.arg(theirsOutcome, theirsExpected,
                                                            compact(answer[u"error"_s]));

    // Every row of every table.
    const QList<Difference> differences = Difference::parse(op[u"differences"_s].toArray(), &error);
    const std::optional<DatabaseRows> oursRows = DatabaseRows::read(ours, schema, &error);
    QVERIFY2(oursRows, qPrintable(error));
    const std::optional<DatabaseRows> theirsRows = DatabaseRows::read(theirs, schema, &error);
    QVERIFY2(theirsRows, qPrintable(error));
    problems << compareRows(*oursRows, *theirsRows, differences);

    // The graph read back.
    const GraphNormalizer oursGraphs(schema, *oursRows);
    const GraphNormalizer theirsGraphs(schema, *theirsRows);
    QJsonObject read = op[u"read"_s].toObject();
    if (md.contains(u"load"_s))
        read = QJsonObject{{u"model"_s, model}, {u"key"_s, md[u"key"_s]}, {u"depth"_s, md[u"depth"_s]}};
    if (!read.isEmpty()) {
        const QString readModel = read[u"model"_s].toString();
        const int depth = read[u"depth"_s].toInt();
        QJsonValue oursGraph = QJsonValue::Null;
        const QJsonValue oursKey = resolved(read[u"key"_s], ours, schema);
        const RecordResult loaded = md.contains(u"load"_s) ? result : store.load(readModel, oursKey, depth);
        if (loaded.ok)
            oursGraph = loaded.record();
        QJsonObject reply;
        CHECK(node({{u"cmd"_s, u"read"_s},
                    {u"model"_s, readModel},
                    {u"key"_s, resolved(read[u"key"_s], theirs, schema)},
                    {u"depth"_s, depth}},
                   &reply));
        QVERIFY2(reply[u"ok"_s].toBool(), qPrintable(compact(reply)));
        problems << compareGraphs(oursGraphs.normalize(readModel, oursGraph),
                                  theirsGraphs.normalize(readModel, reply[u"graph"_s]), differences);
    }

    // A save returns the graph its load gives (for what it saved).
    if (result.ok && !saved.isEmpty()) {
        const Column *key = schema.tableForModel(model)->singleKey();
        const RecordResult loaded =
            store.load(model, result.record().value(key->attribute), depthOf(schema, model, saved));
        QVERIFY2(loaded.ok, qPrintable(loaded.errorString()));
        QStringList where;
        jsonDifferences(
            sorted(oursGraphs.normalize(model, result.record())),
            sorted(oursGraphs.normalize(model, oursGraphs.project(model, loaded.record(), result.record()))),
            QString(), &where, {u"save returned"_s, u"load gives"_s});
        for (const QString &difference : std::as_const(where))
            problems << u"ModelDesk's save result differs from its load at "_s + difference;
    }
    // One warning per difference: a test message would be cut short.
    for (const QString &problem : std::as_const(problems))
        qWarning("%s", qPrintable(problem));
    QVERIFY2(problems.isEmpty(),
             qPrintable(u"%1 difference(s) from Sequelize, listed above"_s.arg(problems.size())));
}

QTEST_GUILESS_MAIN(TstConformance)
#include "tst_conformance.moc"
