// `modeldesk import` as a user runs it: the design written and valid, --explain's evidence on stdout,
// warnings on stderr one per line naming table and column, --tables, and the exit codes of bad input
// (64 usage, 1 an unreachable server or an empty database, with nothing written).
#include "project/projectfile.h"
#include "support/scratchdatabase.h"
#include "support/testsupport.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace modeldesk;
using namespace modeldesk::test;
using namespace Qt::StringLiterals;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run modeldeskRun(const QStringList &arguments) {
    QProcess process;
    process.start(QStringLiteral(MODELDESK_BINARY), arguments);
    if (!process.waitForFinished(120000))
        qFatal("modeldesk %s did not finish", qPrintable(arguments.join(u' ')));
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QString example(const QString &name) {
    return QStringLiteral(MODELDESK_SOURCE_DIR "/resources/examples/") + name + u".modeldesk"_s;
}

} // namespace

class TestImportCli : public QObject {
    Q_OBJECT

private slots:
    void importsTheShop_data() { addEngineRows(); }
    void importsTheShop() {
        QFETCH(QString, engine);
        MODELDESK_SCRATCH_DATABASE(scratch, engine);
        Run run = modeldeskRun({u"sync"_s, example(u"shop"_s), u"--db"_s, scratch.url()});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QTemporaryDir dir;
        const QString file = dir.filePath(u"shop.modeldesk"_s);
        run = modeldeskRun({u"import"_s, scratch.url(), u"-o"_s, file, u"--explain"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(u"hasOne customer -> profile as profile (foreignKey customerId)\n"
                                  "    foreign key profiles.customerId -> customers.id ("_s),
                 qPrintable(run.out));
        QVERIFY2(run.out.contains(u"so hasOne"_s) &&
                     run.out.contains(u"customerId is not unique, so hasMany"_s),
                 qPrintable(run.out));
        QVERIFY2(run.out.contains(u"belongsToMany order -> product as products through orderItem"_s),
                 qPrintable(run.out));
        QVERIFY2(run.out.endsWith(u": 5 models and 6 links from 5 tables of %1\n"_s.arg(
                     ConnectionUrl::parse(scratch.url())->displayString())),
                 qPrintable(run.out));
        QString error;
        const auto project = ProjectFile::load(file, &error);
        QVERIFY2(project, qPrintable(error));
        QCOMPARE(project->layout.positions.size(), 5); // laid out
        run = modeldeskRun({u"validate"_s, file});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));

        run = modeldeskRun({u"import"_s, scratch.url(), u"--tables"_s, u"customers,orders"_s, u"-o"_s, file});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(u"2 models and 2 links from 2 tables"_s), qPrintable(run.out));
        run = modeldeskRun({u"import"_s, scratch.url(), u"--tables"_s, u"customers,nope"_s, u"-o"_s, file});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"no table nope"_s), qPrintable(run.err));
    }

    // What cannot be represented is said on stderr, one line per table and column; views and triggers are
    // listed as skipped.
    void warningsOnePerLine() {
        QTemporaryDir dir;
        const QString db = dir.filePath(u"places.db"_s);
        {
            DatabaseConnection connection(ConnectionUrl::file(db));
            QString error;
            QVERIFY2(connection.open(&error), qPrintable(error));
            for (const QString &sql :
                 {u"CREATE TABLE places (id INTEGER PRIMARY KEY, at geometry, kind TEXT "
                  "CHECK (kind IN ('city', 'town')), ref INTEGER REFERENCES elsewhere (id))"_s,
                  u"CREATE VIEW towns AS SELECT * FROM places WHERE kind = 'town'"_s})
                QVERIFY2(connection.execute(sql, &error), qPrintable(error));
        }
        const Run run =
            modeldeskRun({u"import"_s, u"sqlite:"_s + db, u"-o"_s, dir.filePath(u"p.modeldesk"_s)});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(
            run.err,
            u"skipped view towns: views are not imported\n"
            "warning: places.at: type geometry has no Sequelize counterpart; kept as TEXT\n"
            "warning: places.ref: references elsewhere, which is not imported; kept as a plain field\n"_s);
        QString error;
        const auto project = ProjectFile::load(dir.filePath(u"p.modeldesk"_s), &error);
        QVERIFY2(project, qPrintable(error));
        QCOMPARE(project->schema.models.first().field(u"kind"_s)->type.toString(), u"ENUM('city','town')"_s);
    }

    void badInput() {
        QTemporaryDir dir;
        const QString out = dir.filePath(u"x.modeldesk"_s);
        QCOMPARE(modeldeskRun({u"import"_s, u"-o"_s, out}).exitCode, 64);
        QCOMPARE(modeldeskRun({u"import"_s, u"sqlite:x.db"_s}).exitCode, 64);
        QCOMPARE(modeldeskRun({u"import"_s, u"sqlite:x.db"_s, u"-o"_s, out, u"--bogus"_s}).exitCode, 64);
        QCOMPARE(modeldeskRun({u"import"_s, u"oracle://x/y"_s, u"-o"_s, out}).exitCode, 64);
        Run run = modeldeskRun({u"import"_s, u"--help"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(u"import URL|FOLDER|FILE.js -o FILE.modeldesk"_s));

        // A server nobody listens on: the message names it, never the password.
        run = modeldeskRun({u"import"_s, u"postgres://me:s3cret@127.0.0.1:1/db"_s, u"-o"_s, out});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.startsWith(u"modeldesk import: cannot open postgres://me:***@127.0.0.1:1/db"_s) &&
                     !run.err.contains(u"s3cret"_s),
                 qPrintable(run.err));
        run = modeldeskRun({u"import"_s, u"sqlite:"_s + dir.filePath(u"missing.db"_s), u"-o"_s, out});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"there is no such file"_s), qPrintable(run.err));
        QVERIFY(!QFile::exists(dir.filePath(u"missing.db"_s))); // not created by looking
        QVERIFY(!QFile::exists(out));
    }

    void emptyDatabase_data() { addEngineRows(); }
    void emptyDatabase() {
        QFETCH(QString, engine);
        MODELDESK_SCRATCH_DATABASE(scratch, engine);
        if (engine == u"sqlite"_s) {
            QFile file(scratch.connectionUrl().path);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        QTemporaryDir dir;
        const QString out = dir.filePath(u"x.modeldesk"_s);
        const Run run = modeldeskRun({u"import"_s, scratch.url(), u"-o"_s, out});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"has no tables to import; nothing written"_s), qPrintable(run.err));
        QVERIFY(!QFile::exists(out));
    }
};

QTEST_GUILESS_MAIN(TestImportCli)
#include "tst_importcli.moc"
