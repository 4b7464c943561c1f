// The .modeldesk format: the hand-written minimal file loads, saving is deterministic and lossless, and bad
// input is refused with a message that points at the problem.
#include "project/projectfile.h"
#include "schema/schemaids.h"

#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace modeldesk;
using namespace Qt::StringLiterals;

namespace {

// The minimal file from the "Foundation" issue, verbatim.
const char *kMinimal =
    R"({"format":"modeldesk","version":1,"models":[{"name":"testUser","fields":[{"name":"name","type":"STRING"},{"name":"email","type":"STRING"}]},{"name":"test","fields":[{"name":"code","type":"STRING"},{"name":"userId","type":"INTEGER"}]}],"links":[{"kind":"hasOne","source":"testUser","target":"test","as":"user_test","foreignKey":"userId"},{"kind":"belongsTo","source":"test","target":"testUser","foreignKey":"userId"}]})";

QByteArray readExample(const QString &name) {
    QFile file(QStringLiteral(MODELDESK_SOURCE_DIR) + u"/resources/examples/"_s + name + u".modeldesk"_s);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read example %s", qPrintable(name));
    return file.readAll();
}

} // namespace

class TstProjectFile : public QObject {
    Q_OBJECT

private slots:
    void minimalFileLoadsWithDefaults() {
        QString error;
        const auto project = ProjectFile::parse(kMinimal, &error);
        QVERIFY2(project, qPrintable(error));
        const Schema &schema = project->schema;
        QCOMPARE(schema.models.size(), 2);
        const Model &user = schema.models.at(0);
        QCOMPARE(user.name, u"testUser"_s);
        QVERIFY(user.timestamps);
        QVERIFY(!user.paranoid);
        QVERIFY(user.tableName.isEmpty());
        QCOMPARE(user.fields.at(1).name, u"email"_s);
        QCOMPARE(user.fields.at(1).type, DataType::string());
        QVERIFY(!user.fields.at(1).allowNull.has_value());
        QCOMPARE(schema.links.size(), 2);
        QCOMPARE(schema.links.at(0).kind, Link::Kind::HasOne);
        QCOMPARE(schema.links.at(0).as, u"user_test"_s);
        QCOMPARE(schema.links.at(1).kind, Link::Kind::BelongsTo);
        QVERIFY(schema.links.at(1).as.isEmpty());
        QVERIFY(project->layout.positions.isEmpty());
    }

    void bundledExamplesAreSavedCanonically_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("seed") << u"seed"_s;
        QTest::newRow("shop") << u"shop"_s;
    }
    // The examples are checked in exactly as ModelDesk writes them, so a load/save changes nothing.
    void bundledExamplesAreSavedCanonically() {
        QFETCH(QString, name);
        const QByteArray original = readExample(name);
        QString error;
        const auto project = ProjectFile::parse(original, &error);
        QVERIFY2(project, qPrintable(error));
        // MODELDESK_REGENERATE_GOLDEN=1 rewrites them as this ModelDesk saves them (a new format version).
        if (qEnvironmentVariable("MODELDESK_REGENERATE_GOLDEN") == u"1"_s) {
            QVERIFY2(ProjectFile::save(QStringLiteral(MODELDESK_SOURCE_DIR) + u"/resources/examples/"_s +
                                           name + u".modeldesk"_s,
                                       *project, &error),
                     qPrintable(error));
            return;
        }
        QCOMPARE(QString::fromUtf8(ProjectFile::serialize(*project)), QString::fromUtf8(original));
    }

    void loadSaveLoadIsIdentity() {
        Project project;
        Model model{u"weird \"name\"\\ with\nnewline ünïcödé"_s};
        model.tableName = u"t; DROP TABLE x; --"_s;
        model.freezeTableName = true;
        model.timestamps = false;
        model.comment = u"tab\there"_s;
        Field f{u"price"_s, DataType{DataType::Kind::Decimal, -1, 10, 2, {}}};
        f.allowNull = false;
        f.defaultValue = 1.5;
        f.unique = true;
        // Rules are a JSON object in the file, so they come back in name order.
        f.validate = {ValidateRule{u"isIn"_s, QJsonArray{QJsonArray{u"a"_s, 2}}}, ValidateRule{u"min"_s, 0}};
        model.fields.append(f);
        Field g{u"state"_s, DataType{DataType::Kind::Enum, -1, -1, -1, {u"it's"_s, u"a,b"_s}}};
        g.defaultValue = QJsonValue(QJsonValue::Null);
        model.fields.append(g);
        project.schema.models.append(model);
        Link link{Link::Kind::BelongsToMany, model.name, model.name, u"peers"_s, u"aId"_s, u"bId"_s};
        link.through = u"peerships"_s;
        link.onDelete = u"RESTRICT"_s;
        project.schema.links.append(link);
        project.layout.positions.insert(model.name, QPointF(12.5, -3));
        project.layout.zoom = 0.75;
        // Ids are written and read back; an element without one gets the id its content gives.
        project.schema.models[0].id = u"m_weird-1"_s;
        project.schema.models[0].fields[0].id = u"fPrice"_s;
        project.schema.links[0].id = u"l1"_s;
        Project expected = project;
        SchemaIds::assignMissing(expected.schema);
        QVERIFY(!expected.schema.models[0].fields[1].id.isEmpty());

        const QByteArray first = ProjectFile::serialize(project);
        QString error;
        const auto loaded = ProjectFile::parse(first, &error);
        QVERIFY2(loaded, qPrintable(error));
        QVERIFY(*loaded == expected);
        QCOMPARE(ProjectFile::serialize(*loaded), first);
    }

    void saveIsAtomic() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"p.modeldesk"_s);
        QString error;
        const auto project = ProjectFile::parse(kMinimal, &error);
        QVERIFY(ProjectFile::save(path, *project, &error));
        const auto reloaded = ProjectFile::load(path, &error);
        QVERIFY2(reloaded, qPrintable(error));
        QCOMPARE(reloaded->schema, project->schema);
        // A folder that does not exist: the error names the path, nothing is written.
        const QString bad = dir.filePath(u"missing/p.modeldesk"_s);
        QVERIFY(!ProjectFile::save(bad, *project, &error));
        QVERIFY2(error.contains(bad), qPrintable(error));
    }

    void errors_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("malformed") << QByteArray("{\n  \"format\": \"modeldesk\",\n  \"version\": 1,,\n}")
                                   << "line 3, column 16: malformed JSON";
        QTest::newRow("not object") << QByteArray("[1]") << "$: expected a JSON object at the top level";
        QTest::newRow("not ours") << QByteArray(R"({"format":"other","version":1})")
                                  << "$.format: expected \"modeldesk\", got \"other\"";
        QTest::newRow("newer") << QByteArray(R"({"format":"modeldesk","version":7})")
                               << "$.version: the file has format version 7, written by a newer ModelDesk";
        QTest::newRow("models type") << QByteArray(R"({"format":"modeldesk","version":1,"models":{}})")
                                     << "$.models: expected a list, got an object";
        QTest::newRow("field type")
            << QByteArray(
                   R"({"format":"modeldesk","version":1,"models":[{"name":"a","fields":[{"name":"x","type":"STRNG"}]}]})")
            << "$.models[0].fields[0].type: unknown data type \"STRNG\"";
        QTest::newRow("allowNull type")
            << QByteArray(
                   R"({"format":"modeldesk","version":1,"models":[{"name":"a","fields":[{"name":"x","type":"STRING","allowNull":"no"}]}]})")
            << "$.models[0].fields[0].allowNull: expected true or false, got \"no\"";
        QTest::newRow("unknown key")
            << QByteArray(R"({"format":"modeldesk","version":1,"models":[{"name":"a","fieldz":[]}]})")
            << "$.models[0]: unknown key \"fieldz\"";
        QTest::newRow("unknown kind")
            << QByteArray(
                   R"({"format":"modeldesk","version":1,"links":[{"kind":"hasSome","source":"a","target":"b"}]})")
            << "$.links[0].kind: unknown link kind \"hasSome\"";
        QTest::newRow("missing name")
            << QByteArray(R"({"format":"modeldesk","version":1,"models":[{"fields":[]}]})")
            << "$.models[0]: missing \"name\"";
        QTest::newRow("layout point")
            << QByteArray(R"({"format":"modeldesk","version":1,"layout":{"positions":{"a":[1]}}})")
            << "$.layout.positions.a: expected [x, y], got a list";
    }
    void errors() {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!ProjectFile::parse(json, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
    }

    void loadNamesTheFile() {
        QString error;
        QVERIFY(!ProjectFile::load(u"/nonexistent/x.modeldesk"_s, &error));
        QVERIFY2(error.startsWith(u"/nonexistent/x.modeldesk: cannot open"_s), qPrintable(error));
    }

    // Thousands of mutated example files: the loader never crashes or hangs, and every refusal says why.
    void fuzzMutatedExamples() {
        const QList<QByteArray> seeds{readExample(u"seed"_s), readExample(u"shop"_s), QByteArray(kMinimal)};
        const QByteArray tokens[] = {"{",
                                     "}",
                                     "[",
                                     "]",
                                     ",",
                                     ":",
                                     "\"",
                                     "null",
                                     "true",
                                     "-1",
                                     "1e999",
                                     "\"ENUM(\"",
                                     "\"DECIMAL(3,9)\"",
                                     "\"hasOne\"",
                                     "\\u0000",
                                     "\xff\xfe",
                                     "0.5",
                                     "\"\""};
        QRandomGenerator rng(20261126);
        int refused = 0;
        int accepted = 0;
        for (int i = 0; i < 4000; ++i) {
            QByteArray data = seeds.at(i % seeds.size());
            const int edits = 1 + int(rng.bounded(4));
            for (int e = 0; e < edits && !data.isEmpty(); ++e) {
                const int at = int(rng.bounded(data.size()));
                switch (rng.bounded(4)) {
                case 0: // delete a run
                    data.remove(at, 1 + int(rng.bounded(8)));
                    break;
                case 1: // insert a token
                    data.insert(at, tokens[rng.bounded(int(std::size(tokens)))]);
                    break;
                case 2: // flip a byte
                    data[at] = char(rng.bounded(256));
                    break;
                default: // duplicate a slice elsewhere
                    data.insert(int(rng.bounded(data.size())), data.mid(at, 1 + int(rng.bounded(40))));
                }
            }
            QString error;
            const auto project = ProjectFile::parse(data, &error);
            if (project) {
                ++accepted;
                // Whatever loads must save and load back to the same thing.
                const auto again = ProjectFile::parse(ProjectFile::serialize(*project), &error);
                QVERIFY2(again && *again == *project, qPrintable(error));
            } else {
                ++refused;
                QVERIFY2(!error.trimmed().isEmpty(), data.constData());
            }
        }
        QVERIFY(refused > 1000);
        qInfo("fuzz: %d refused with a message, %d accepted and round-tripped", refused, accepted);
    }
};

QTEST_GUILESS_MAIN(TstProjectFile)
#include "tst_projectfile.moc"
