// The database commands as a user runs them: the real modeldesk binary, its output and exit codes, and two
// processes saving into one SQLite file at the same time.

#include "support/scratchdatabase.h"
#include "support/testsupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace modeldesk::test;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run runModeldesk(const QStringList &arguments, const QByteArray &input = {}) {
    QProcess process;
    process.start(QStringLiteral(MODELDESK_BINARY), arguments);
    if (!input.isEmpty() || arguments.contains(QStringLiteral("-"))) {
        process.write(input);
        process.closeWriteChannel();
    }
    if (!process.waitForFinished(120000))
        qFatal("modeldesk %s did not finish", qPrintable(arguments.join(QLatin1Char(' '))));
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

// Writes a project of one model, person (table people, no timestamps), with these fields.
QString writePeople(const QTemporaryDir &dir, const QString &name, const QByteArray &fields) {
    const QString path = dir.filePath(name + QStringLiteral(".modeldesk"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(R"({"format": "modeldesk", "version": 1, "models": [{"name": "person", "tableName": "people",
                   "timestamps": false, "fields": [)" +
               fields + "]}]}");
    return path;
}

QString example(const char *name) {
    return QStringLiteral(MODELDESK_SOURCE_DIR "/resources/examples/%1.modeldesk").arg(QLatin1String(name));
}

} // namespace

class TestDbCli : public QObject {
    Q_OBJECT

private slots:
    void seedEndToEnd_data() { addEngineRows(); }
    void seedEndToEnd();
    void syncRefusesAndReports_data() { addEngineRows(); }
    void syncRefusesAndReports();
    void usageAndErrors();
    void restoreParanoid();
    void jsonLines();
    void twoProcessesOneFile();
    void passwordNeverPrinted();
};

void TestDbCli::seedEndToEnd() {
    QFETCH(QString, engine);
    MODELDESK_SCRATCH_DATABASE(scratch, engine);
    const QString seed = example("seed");
    Run run = runModeldesk({QStringLiteral("sync"), seed, QStringLiteral("--db"), scratch.url()});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.out, QStringLiteral("created table testUsers\ncreated table tests\n"));
    run = runModeldesk({QStringLiteral("sync"), seed, QStringLiteral("--db"), scratch.url()});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.startsWith(QStringLiteral("nothing to create")));

    run = runModeldesk({QStringLiteral("save"), seed, QStringLiteral("--db"), scratch.url(),
                        QStringLiteral("--model"), QStringLiteral("testUser"), QStringLiteral("--json"),
                        QStringLiteral("-")},
                       R"({"name":"Pavitar","email":"1@gmail.com","user_test":{"code":"1234","userId":1}})");
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonObject saved = QJsonDocument::fromJson(run.out.toUtf8()).object();
    const int id = saved.value(QStringLiteral("id")).toInt();
    QVERIFY(id > 0);
    QCOMPARE(saved.value(QStringLiteral("user_test")).toObject().value(QStringLiteral("userId")).toInt(), id);

    run = runModeldesk({QStringLiteral("get"), seed, QStringLiteral("--db"), scratch.url(),
                        QStringLiteral("--model"), QStringLiteral("testUser"), QStringLiteral("--id"),
                        QString::number(id)});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8()).object(), saved);

    run = runModeldesk({QStringLiteral("get"), seed, QStringLiteral("--db"), scratch.url(),
                        QStringLiteral("--model"), QStringLiteral("testUser"), QStringLiteral("--id"),
                        QStringLiteral("424242")});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err, QStringLiteral("there is no testUser with key 424242\n"));

    // update: the graph with its keys; prints it as reloaded.
    const QStringList target{seed, QStringLiteral("--db"), scratch.url(), QStringLiteral("--model"),
                             QStringLiteral("testUser")};
    const int childId =
        saved.value(QStringLiteral("user_test")).toObject().value(QStringLiteral("id")).toInt();
    run = runModeldesk(QStringList{QStringLiteral("update")} + target +
                           QStringList{QStringLiteral("--json"), QStringLiteral("-")},
                       QStringLiteral(R"({"id":%1,"name":"Pavitar S.","user_test":{"id":%2,"code":"5678"}})")
                           .arg(id)
                           .arg(childId)
                           .toUtf8());
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonObject updated = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(updated.value(QStringLiteral("name")).toString(), QStringLiteral("Pavitar S."));
    QCOMPARE(updated.value(QStringLiteral("email")).toString(), QStringLiteral("1@gmail.com"));
    QCOMPARE(updated.value(QStringLiteral("user_test")).toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("5678"));
    run = runModeldesk(QStringList{QStringLiteral("get")} + target +
                       QStringList{QStringLiteral("--id"), QString::number(id)});
    QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8()).object(), updated);
    // An update names what is wrong and changes nothing.
    run = runModeldesk(QStringList{QStringLiteral("update")} + target +
                           QStringList{QStringLiteral("--json"), QStringLiteral("-")},
                       R"({"name":"no key"})");
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("primary key")), qPrintable(run.err));

    // delete: the record goes, and its hasOne child with it (the seed's declared userId makes the link's
    // onDelete CASCADE, as in Sequelize).
    run = runModeldesk(QStringList{QStringLiteral("delete")} + target +
                       QStringList{QStringLiteral("--id"), QString::number(id)});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.out, QStringLiteral("deleted testUser %1\n").arg(id));
    run = runModeldesk(QStringList{QStringLiteral("get")} + target +
                       QStringList{QStringLiteral("--id"), QString::number(id)});
    QCOMPARE(run.exitCode, 1);
    run = runModeldesk({QStringLiteral("get"), seed, QStringLiteral("--db"), scratch.url(),
                        QStringLiteral("--model"), QStringLiteral("test"), QStringLiteral("--id"),
                        QString::number(childId)});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err, QStringLiteral("there is no test with key %1\n").arg(childId));
    run = runModeldesk(QStringList{QStringLiteral("delete")} + target +
                       QStringList{QStringLiteral("--id"), QString::number(id)});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err, QStringLiteral("there is no testUser with key %1\n").arg(id));
}

// sync --alter on a table with a row: the NOT NULL column without a default is refused with the way out
// and nothing changes; given a default it is added, and the default drift is changed (or, on SQLite,
// reported).
void TestDbCli::syncRefusesAndReports() {
    QFETCH(QString, engine);
    MODELDESK_SCRATCH_DATABASE(scratch, engine);
    QTemporaryDir dir;
    const QString v1 = writePeople(dir, QStringLiteral("v1"),
                                   R"({"name": "name", "type": "STRING"},
                                      {"name": "status", "type": "STRING", "defaultValue": "old"})");
    Run run = runModeldesk({QStringLiteral("sync"), v1, QStringLiteral("--db"), scratch.url()});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    run = runModeldesk({QStringLiteral("save"), v1, QStringLiteral("--db"), scratch.url(),
                        QStringLiteral("--model"), QStringLiteral("person"), QStringLiteral("--json"),
                        QStringLiteral("-")},
                       R"({"name": "Ann"})");
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));

    const bool sqlite = engine == QLatin1String("sqlite");
    const QString statusDrift =
        QStringLiteral(
            "differs: people.status: the design's default is 'new', the database's is 'old' (%1)\n")
            .arg(sqlite ? QStringLiteral("report only: SQLite cannot change it without rebuilding the table, "
                                         "which sync does not do")
                        : QStringLiteral("sync --alter sets the default"));
    const QString phoneRefused =
        QStringLiteral("people has rows, and phone is NOT NULL without a default; give the field a default "
                       "value, make it allowNull, or empty the table");
    const QString v2 = writePeople(dir, QStringLiteral("v2"),
                                   R"({"name": "name", "type": "STRING"},
                                      {"name": "status", "type": "STRING", "defaultValue": "new"},
                                      {"name": "phone", "type": "STRING", "allowNull": false})");
    run = runModeldesk(
        {QStringLiteral("sync"), v2, QStringLiteral("--db"), scratch.url(), QStringLiteral("--alter")});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out,
             statusDrift + QStringLiteral("differs: table people: column phone is missing (sync --alter "
                                          "refuses: %1)\n")
                               .arg(phoneRefused));
    QVERIFY2(run.err.startsWith(QStringLiteral("modeldesk: sync of ")), qPrintable(run.err));
    QVERIFY2(
        run.err.endsWith(QStringLiteral(" refused; nothing was changed:\n  cannot add people.phone: %1\n")
                             .arg(phoneRefused)),
        qPrintable(run.err));
    // Nothing was changed: the old design still matches the database exactly.
    run = runModeldesk({QStringLiteral("sync"), v1, QStringLiteral("--db"), scratch.url()});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.startsWith(QStringLiteral("nothing to create: ")), qPrintable(run.out));

    const QString v3 = writePeople(dir, QStringLiteral("v3"),
                                   R"({"name": "name", "type": "STRING"},
                                      {"name": "status", "type": "STRING", "defaultValue": "new"},
                                      {"name": "phone", "type": "STRING", "allowNull": false,
                                       "defaultValue": "unknown"})");
    run = runModeldesk(
        {QStringLiteral("sync"), v3, QStringLiteral("--db"), scratch.url(), QStringLiteral("--alter")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.out,
             QStringLiteral("added column people.phone\n") +
                 (sqlite ? statusDrift : QStringLiteral("changed people.status: default now 'new'\n")));
    run = runModeldesk({QStringLiteral("get"), v3, QStringLiteral("--db"), scratch.url(),
                        QStringLiteral("--model"), QStringLiteral("person"), QStringLiteral("--id"),
                        QStringLiteral("1")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("phone")).toString(),
             QStringLiteral("unknown"));
    run = runModeldesk(
        {QStringLiteral("sync"), v3, QStringLiteral("--db"), scratch.url(), QStringLiteral("--alter")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.startsWith((sqlite ? statusDrift : QString()) + QStringLiteral("nothing to create: ")),
             qPrintable(run.out));
}

void TestDbCli::usageAndErrors() {
    QTemporaryDir dir;
    const QString db = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("x.db"));
    const QString seed = example("seed");
    QCOMPARE(runModeldesk({QStringLiteral("sync"), seed}).exitCode, 64); // no --db
    QCOMPARE(runModeldesk({QStringLiteral("sync"), seed, QStringLiteral("--db"), QStringLiteral("nonsense")})
                 .exitCode,
             64);
    QCOMPARE(runModeldesk(
                 {QStringLiteral("sync"), QStringLiteral("/no/such.modeldesk"), QStringLiteral("--db"), db})
                 .exitCode,
             2);
    QCOMPARE(
        runModeldesk({QStringLiteral("save"), seed, QStringLiteral("--db"), db, QStringLiteral("--model"),
                      QStringLiteral("nobody"), QStringLiteral("--json"), QStringLiteral("-")},
                     "{}")
            .exitCode,
        64);
    QCOMPARE(runModeldesk({QStringLiteral("sync"), seed, QStringLiteral("--db"), db}).exitCode, 0);
    // Not JSON: unreadable input.
    Run run =
        runModeldesk({QStringLiteral("save"), seed, QStringLiteral("--db"), db, QStringLiteral("--model"),
                      QStringLiteral("testUser"), QStringLiteral("--json"), QStringLiteral("-")},
                     "{nope");
    QCOMPARE(run.exitCode, 2);
    // Invalid values: every problem with its path, nothing saved.
    run = runModeldesk({QStringLiteral("save"), seed, QStringLiteral("--db"), db, QStringLiteral("--model"),
                        QStringLiteral("testUser"), QStringLiteral("--json"), QStringLiteral("-")},
                       R"({"name":{"x":1},"mail":"x","user_test":{"code":"1","extra":2}})");
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err,
             QStringLiteral("mail: unknown key: testUser has no field or link named \"mail\"\n"
                            "name: must be text, not an object\n"
                            "user_test.extra: unknown key: test has no field or link named \"extra\"\n"));
    QVERIFY(run.out.isEmpty());
    // --plan shows the statements and where the key flows, and saves nothing.
    run = runModeldesk({QStringLiteral("save"), seed, QStringLiteral("--db"), db, QStringLiteral("--model"),
                        QStringLiteral("testUser"), QStringLiteral("--json"), QStringLiteral("-"),
                        QStringLiteral("--plan")},
                       R"({"name":"P","user_test":{"code":"1"}})");
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QStringLiteral("userId = ← 1.id")), qPrintable(run.out));
    run = runModeldesk({QStringLiteral("get"), seed, QStringLiteral("--db"), db, QStringLiteral("--model"),
                        QStringLiteral("testUser"), QStringLiteral("--id"), QStringLiteral("1")});
    QCOMPARE(run.exitCode, 1);
    // update needs --json, delete needs --id.
    QCOMPARE(runModeldesk({QStringLiteral("update"), seed, QStringLiteral("--db"), db,
                           QStringLiteral("--model"), QStringLiteral("testUser")})
                 .exitCode,
             64);
    QCOMPARE(runModeldesk({QStringLiteral("delete"), seed, QStringLiteral("--db"), db,
                           QStringLiteral("--model"), QStringLiteral("testUser")})
                 .exitCode,
             64);
}

// restore brings a deleted record of a paranoid model back; a live one is not found, a model that is not
// paranoid is refused; both exit 1 with the reason.
void TestDbCli::restoreParanoid() {
    QTemporaryDir dir;
    const QString db = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("notes.db"));
    const QString project = dir.filePath(QStringLiteral("notes.modeldesk"));
    QFile file(project);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format":"modeldesk","version":1,"models":[
        {"name":"note","paranoid":true,"fields":[{"name":"text","type":"STRING"}]},
        {"name":"tag","fields":[{"name":"label","type":"STRING"}]}]})");
    file.close();
    QCOMPARE(runModeldesk({QStringLiteral("sync"), project, QStringLiteral("--db"), db}).exitCode, 0);
    const QStringList note{project, QStringLiteral("--db"), db, QStringLiteral("--model"),
                           QStringLiteral("note")};
    const QStringList id{QStringLiteral("--id"), QStringLiteral("1")};
    Run run = runModeldesk(QStringList{QStringLiteral("save")} + note +
                               QStringList{QStringLiteral("--json"), QStringLiteral("-")},
                           R"({"text":"keep me"})");
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    run = runModeldesk(QStringList{QStringLiteral("restore")} + note + id);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err, QStringLiteral("there is no deleted note with key 1\n"));
    QCOMPARE(runModeldesk(QStringList{QStringLiteral("delete")} + note + id).exitCode, 0);
    QCOMPARE(runModeldesk(QStringList{QStringLiteral("get")} + note + id).exitCode, 1);

    run = runModeldesk(QStringList{QStringLiteral("restore")} + note + id);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.out, QStringLiteral("restored note 1\n"));
    run = runModeldesk(QStringList{QStringLiteral("get")} + note + id);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonObject restored = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(restored.value(QStringLiteral("text")).toString(), QStringLiteral("keep me"));
    QVERIFY(restored.value(QStringLiteral("deletedAt")).isNull());

    run = runModeldesk({QStringLiteral("restore"), project, QStringLiteral("--db"), db,
                        QStringLiteral("--model"), QStringLiteral("tag"), QStringLiteral("--id"),
                        QStringLiteral("1")});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err, QStringLiteral("tag is not paranoid: its deleted records are gone for good, there is "
                                     "nothing to restore\n"));
    QCOMPARE(runModeldesk(QStringList{QStringLiteral("restore")} + note).exitCode, 64); // no --id
    run = runModeldesk({QStringLiteral("restore"), QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(
        run.out.startsWith(QStringLiteral("Usage: modeldesk restore PROJECT --db URL --model NAME --id KEY")),
        qPrintable(run.out));
}

void TestDbCli::jsonLines() {
    QTemporaryDir dir;
    const QString db = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("x.db"));
    const QString shop = example("shop");
    QCOMPARE(runModeldesk({QStringLiteral("sync"), shop, QStringLiteral("--db"), db}).exitCode, 0);
    const QByteArray lines = R"({"name":"A","email":"a@example.com","orders":[{"total":"1.00"}]}
{"name":"B","email":"b@example.com"}
this is not json

{"name":"C","email":"a@example.com"}
{"name":"D","email":"d@example.com","profile":{"website":"nope"}}
{"name":"E","email":"e@example.com"}
)";
    Run run = runModeldesk({QStringLiteral("save"), shop, QStringLiteral("--db"), db,
                            QStringLiteral("--model"), QStringLiteral("customer"), QStringLiteral("--jsonl"),
                            QStringLiteral("-"), QStringLiteral("--batch"), QStringLiteral("2")},
                           lines);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out.count(QLatin1Char('\n')), 3); // A, B and E, one saved graph per line
    QVERIFY2(run.err.contains(QStringLiteral("line 3: not a JSON object")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("line 5: ")),
             qPrintable(run.err)); // duplicate e-mail, from the database
    QVERIFY2(run.err.contains(QStringLiteral("line 6: profile.website: \"nope\" is not a URL")),
             qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("saved 3, failed 3")), qPrintable(run.err));

    run = runModeldesk({QStringLiteral("save"), shop, QStringLiteral("--db"), db, QStringLiteral("--model"),
                        QStringLiteral("customer"), QStringLiteral("--jsonl"), QStringLiteral("-"),
                        QStringLiteral("--stop-on-error"), QStringLiteral("--quiet")},
                       R"({"name":"F","email":"a@example.com"}
{"name":"G","email":"g@example.com"}
)");
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains(QStringLiteral("saved 0, failed 1")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("stopped at the first error")), qPrintable(run.err));
}

void TestDbCli::twoProcessesOneFile() {
    QTemporaryDir dir;
    const QString db = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("shared.db"));
    const QString seed = example("seed");
    QCOMPARE(runModeldesk({QStringLiteral("sync"), seed, QStringLiteral("--db"), db}).exitCode, 0);
    constexpr int kPerProcess = 300;
    QByteArray lines;
    for (int i = 0; i < kPerProcess; ++i)
        lines += QStringLiteral(R"({"name":"n%1","email":"e%1@example.com","user_test":{"code":"%1"}})"
                                "\n")
                     .arg(i)
                     .toUtf8();
    QList<QProcess *> processes;
    for (int p = 0; p < 2; ++p) {
        auto *process = new QProcess(this);
        process->start(QStringLiteral(MODELDESK_BINARY),
                       {QStringLiteral("save"), seed, QStringLiteral("--db"), db, QStringLiteral("--model"),
                        QStringLiteral("testUser"), QStringLiteral("--jsonl"), QStringLiteral("-"),
                        QStringLiteral("--quiet")});
        processes << process;
    }
    // Both are running before either gets its input, so their transactions interleave.
    for (QProcess *process : std::as_const(processes)) {
        QVERIFY(process->waitForStarted());
        process->write(lines);
        process->closeWriteChannel();
    }
    for (QProcess *process : std::as_const(processes)) {
        QVERIFY(process->waitForFinished(120000));
        const QString err = QString::fromUtf8(process->readAllStandardError());
        QVERIFY2(process->exitCode() == 0, qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("saved %1, failed 0").arg(kPerProcess)), qPrintable(err));
    }
    const Run count =
        runModeldesk({QStringLiteral("get"), seed, QStringLiteral("--db"), db, QStringLiteral("--model"),
                      QStringLiteral("testUser"), QStringLiteral("--id"), QString::number(2 * kPerProcess)});
    QVERIFY2(count.exitCode == 0, qPrintable(count.err));
    const QJsonObject last = QJsonDocument::fromJson(count.out.toUtf8()).object();
    QCOMPARE(last.value(QStringLiteral("user_test")).toObject().value(QStringLiteral("userId")).toInt(),
             2 * kPerProcess);
    const Run beyond = runModeldesk({QStringLiteral("get"), seed, QStringLiteral("--db"), db,
                                     QStringLiteral("--model"), QStringLiteral("testUser"),
                                     QStringLiteral("--id"), QString::number(2 * kPerProcess + 1)});
    QCOMPARE(beyond.exitCode, 1);
}

void TestDbCli::passwordNeverPrinted() {
    MODELDESK_REQUIRE_SERVER(url, "MODELDESK_TEST_PG_URL");
    // The test server trusts loopback logins, so a role that does not exist is what makes the login fail.
    QString wrong = url;
    wrong.replace(QStringLiteral("modeldesk:modeldesk@"), QStringLiteral("nobody_here:Sup3rSecret@"));
    const Run run = runModeldesk({QStringLiteral("sync"), example("seed"), QStringLiteral("--db"), wrong});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("nobody_here:***@")), qPrintable(run.err));
    QVERIFY2(!run.err.contains(QStringLiteral("Sup3rSecret")), qPrintable(run.err));
    QVERIFY(!run.out.contains(QStringLiteral("Sup3rSecret")));
}

QTEST_GUILESS_MAIN(TestDbCli)
#include "tst_dbcli.moc"
