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

// One operation's two sides: ModelDesk's database and store, and the database Sequelize works on.
struct Run {
    const ResolvedSchema &schema;
    RecordStore &store;
    DatabaseConnection &ours;
    DatabaseConnection &theirs;
};

// What the operation did on each side.
struct Acted {
    QString model;
    RecordResult result; // ModelDesk's
    QJsonObject saved;   // the record a save was given (resolved)
    QJsonObject answer;  // node's answer to the Sequelize steps
};

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
    void setup(Run &run, const QString &name);
    // Runs the operation through RecordStore and through the Sequelize steps.
    void act(Run &run, const QJsonObject &op, Acted *acted);
    // Loads the operation's `read` record on both sides and compares the graphs.
    void readBack(Run &run, const QJsonObject &op, const Acted &acted, const GraphNormalizer &ours,
                  const GraphNormalizer &theirs, const QList<Difference> &differences, QStringList *problems);
    // A save's returned graph against its load.
    void checkSavedGraph(Run &run, const Acted &acted, const GraphNormalizer &ours, QStringList *problems);
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

void TstConformance::setup(Run &run, const QString &name) {
    if (name.isEmpty())
        return;
    QVERIFY2(mSetups.contains(name), qPrintable(u"no setup "_s + name));
    for (const QJsonValue &entry : mSetups.value(name).toArray()) {
        const QString model = entry[u"model"_s].toString();
        const QJsonValue record = entry[u"record"_s];
        const RecordResult saved = run.store.save(model, resolved(record, run.ours, run.schema).toObject());
        QVERIFY2(saved.ok, qPrintable(u"setup on ModelDesk: "_s + saved.errorString()));
        const QJsonObject create{{u"create"_s, model},
                                 {u"values"_s, resolved(record, run.theirs, run.schema)}};
        CHECK(node({{u"cmd"_s, u"steps"_s}, {u"steps"_s, QJsonArray{create}}}));
    }
    QString error;
    QVERIFY2(rewriteTimestamps(run.ours, run.schema, &error), qPrintable(error));
    QVERIFY2(rewriteTimestamps(run.theirs, run.schema, &error), qPrintable(error));
}

void TstConformance::act(Run &run, const QJsonObject &op, Acted *acted) {
    const QJsonObject md = op[u"modeldesk"_s].toObject();
    QJsonArray steps = op[u"sequelize"_s].toArray();
    const bool defaultSteps = !op.contains(u"sequelize"_s);
    if (md.contains(u"save"_s) || md.contains(u"update"_s)) {
        const bool save = md.contains(u"save"_s);
        acted->model = md[save ? u"save"_s : u"update"_s].toString();
        const QJsonObject record = resolved(md[u"record"_s], run.ours, run.schema).toObject();
        acted->result = save ? run.store.save(acted->model, record) : run.store.update(acted->model, record);
        if (save)
            acted->saved = record;
        if (defaultSteps) // Model.create(record, {include})
            steps = {QJsonObject{{u"create"_s, acted->model}, {u"values"_s, md[u"record"_s]}}};
    } else if (md.contains(u"remove"_s)) {
        acted->model = md[u"remove"_s].toString();
        acted->result = run.store.remove(acted->model, resolved(md[u"key"_s], run.ours, run.schema));
        if (defaultSteps) // (await Model.findByPk(key)).destroy()
            steps = {QJsonObject{{u"find"_s, acted->model}, {u"key"_s, md[u"key"_s]}, {u"as"_s, u"r"_s}},
                     QJsonObject{{u"destroy"_s, u"r"_s}}};
    } else {
        acted->model = md[u"load"_s].toString();
        acted->result = run.store.load(acted->model, resolved(md[u"key"_s], run.ours, run.schema),
                                       md[u"depth"_s].toInt());
    }
    QVERIFY(!QTest::currentTestFailed());
    CHECK(node({{u"cmd"_s, u"steps"_s}, {u"steps"_s, resolved(steps, run.theirs, run.schema)}},
               &acted->answer));
}

void TstConformance::readBack(Run &run, const QJsonObject &op, const Acted &acted,
                              const GraphNormalizer &ours, const GraphNormalizer &theirs,
                              const QList<Difference> &differences, QStringList *problems) {
    const QJsonObject md = op[u"modeldesk"_s].toObject();
    const bool isLoad = md.contains(u"load"_s);
    const QJsonObject read =
        isLoad
            ? QJsonObject{{u"model"_s, acted.model}, {u"key"_s, md[u"key"_s]}, {u"depth"_s, md[u"depth"_s]}}
            : op[u"read"_s].toObject();
    if (read.isEmpty())
        return;
    const QString model = read[u"model"_s].toString();
    const int depth = read[u"depth"_s].toInt();
    const RecordResult loaded =
        isLoad ? acted.result : run.store.load(model, resolved(read[u"key"_s], run.ours, run.schema), depth);
    QJsonObject reply;
    CHECK(node({{u"cmd"_s, u"read"_s},
                {u"model"_s, model},
                {u"key"_s, resolved(read[u"key"_s], run.theirs, run.schema)},
                {u"depth"_s, depth}},
               &reply));
    QVERIFY2(reply[u"ok"_s].toBool(), qPrintable(compact(reply)));
    *problems << compareGraphs(ours.normalize(model, loaded.ok ? QJsonValue(loaded.record()) : QJsonValue()),
                               theirs.normalize(model, reply[u"graph"_s]), differences);
}

void TstConformance::checkSavedGraph(Run &run, const Acted &acted, const GraphNormalizer &ours,
                                     QStringList *problems) {
    if (!acted.result.ok || acted.saved.isEmpty())
        return;
    const QJsonObject returned = acted.result.record();
    const Column *key = run.schema.tableForModel(acted.model)->singleKey();
    const RecordResult loaded = run.store.load(acted.model, returned.value(key->attribute),
                                               depthOf(run.schema, acted.model, acted.saved));
    QVERIFY2(loaded.ok, qPrintable(loaded.errorString()));
    QStringList where;
    jsonDifferences(sorted(ours.normalize(acted.model, returned)),
                    sorted(ours.normalize(acted.model, ours.project(acted.model, loaded.record(), returned))),
                    QString(), &where, {u"save returned"_s, u"load gives"_s});
    for (const QString &difference : std::as_const(where))
        *problems << u"ModelDesk's save result differs from its load at "_s + difference;
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
    Run run{schema, store, ours, theirs};
    CHECK(setup(run, op[u"setup"_s].toString()));
    Acted acted;
    CHECK(act(run, op, &acted));

    // What each side answered.
    QStringList problems;
    const QJsonObject outcome = op[u"outcome"_s].toObject();
    const QString oursExpected = outcome.value(u"modeldesk"_s).toString(u"ok"_s);
    const QString theirsExpected = outcome.value(u"sequelize"_s).toString(u"ok"_s);
    const QString theirsOutcome =
        acted.answer[u"ok"_s].toBool() ? u"ok"_s : acted.answer[u"error"_s][u"name"_s].toString(u"failed"_s);
    if (outcomeOf(acted.result) != oursExpected)
        problems << u"ModelDesk: %1 instead of %2 %3"_s.arg(outcomeOf(acted.result), oursExpected,
                                                            acted.result.errorString());
    if (theirsOutcome != theirsExpected)
        problems << u"Sequelize: %1 instead of %2 %3"_s.arg(theirsOutcome, theirsExpected,
                                                            compact(acted.answer[u"error"_s]));

    // Every row of every table, the graph read back, and a save's own answer.
    const QList<Difference> differences = Difference::parse(op[u"differences"_s].toArray(), &error);
    const std::optional<DatabaseRows> oursRows = DatabaseRows::read(ours, schema, &error);
    QVERIFY2(oursRows, qPrintable(error));
    const std::optional<DatabaseRows> theirsRows = DatabaseRows::read(theirs, schema, &error);
    QVERIFY2(theirsRows, qPrintable(error));
    problems << compareRows(*oursRows, *theirsRows, differences);
    const GraphNormalizer oursGraphs(schema, *oursRows);
    const GraphNormalizer theirsGraphs(schema, *theirsRows);
    CHECK(readBack(run, op, acted, oursGraphs, theirsGraphs, differences, &problems));
    CHECK(checkSavedGraph(run, acted, oursGraphs, &problems));

    // One warning per difference: a test message would be cut short.
    for (const QString &problem : std::as_const(problems))
        qWarning("%s", qPrintable(problem));
    QVERIFY2(problems.isEmpty(), qPrintable(u"%1 difference(s), listed above"_s.arg(problems.size())));
}

QTEST_GUILESS_MAIN(TstConformance)
#include "tst_conformance.moc"
