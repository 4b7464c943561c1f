// `modeldesk diff` as a user runs it: a data-losing change without --allow-data-loss writes nothing and names
// every such step; with it, the file holds the steps and the statements (tests/database/tst_migration runs
// them on the engines); a database URL as OLD is read the way import reads it, with its dialect. Bad usage
// exits 64.
#include "support/scratchdatabase.h"
#include "support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
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

QString data(const QString &name) {
    return QStringLiteral(MODELDESK_TEST_DATA "/migrate/") + name;
}

} // namespace

class TestDiffCli : public QObject {
    Q_OBJECT

private slots:
    void refusesDataLossWritingNothing() {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"m.sql"_s);
        const Run run = modeldeskRun({u"diff"_s, data(u"old.modeldesk"_s), data(u"new.modeldesk"_s),
                                      u"--dialect"_s, u"sqlite"_s, u"-o"_s, file});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(!QFile::exists(file));
        QCOMPARE(run.err,
                 u"modeldesk diff: nothing written; these steps can lose data:\n"
                 "  change the type of writers.bio from STRING(200) to STRING(100): a narrower type: "
                 "values that do not fit are cut or refused\n"
                 "  drop column writers.age: drops the column and its values\n"
                 "  drop column tags.authorId: drops the column and its values\n"
                 "Check them, then run again with --allow-data-loss to write the migration.\n"_s);
    }

    void writesWithAllowDataLoss_data() {
        QTest::addColumn<QString>("dialect");
        QTest::addColumn<QString>("statement");
        QTest::newRow("sqlite") << u"sqlite"_s << u"ALTER TABLE `authors` RENAME TO `writers`;\n"_s;
        QTest::newRow("postgres") << u"postgres"_s << u"ALTER TABLE \"authors\" RENAME TO \"writers\";\n"_s;
        QTest::newRow("mysql") << u"mysql"_s << u"ALTER TABLE `authors` RENAME TO `writers`;\n"_s;
    }
    void writesWithAllowDataLoss() {
        QFETCH(QString, dialect);
        QFETCH(QString, statement);
        QTemporaryDir dir;
        const QString file = dir.filePath(u"m.sql"_s);
        const Run run = modeldeskRun({u"diff"_s, data(u"old.modeldesk"_s), data(u"new.modeldesk"_s),
                                      u"--dialect"_s, dialect, u"-o"_s, file, u"--allow-data-loss"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.endsWith(u" steps for %1\n"_s.arg(SqlDialect::fromName(dialect)->title())),
                 qPrintable(run.out));
        QFile sql(file);
        QVERIFY(sql.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(sql.readAll());
        QVERIFY2(
            text.contains(u"--   drop column writers.age  [DATA LOSS: drops the column and its values]\n"_s),
            qPrintable(text));
        QVERIFY2(text.contains(statement), qPrintable(text));
    }

    // OLD read from a database that sync built from old.modeldesk: no ids there, so tables and columns match
    // by name — the renamed model is a drop and a create, refused as data loss.
    void oldFromADatabase() {
        MODELDESK_SCRATCH_DATABASE(scratch, u"sqlite"_s);
        Run run = modeldeskRun({u"sync"_s, data(u"old.modeldesk"_s), u"--db"_s, scratch.url()});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        run = modeldeskRun({u"diff"_s, scratch.url(), data(u"old.modeldesk"_s)});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(u"no differences"_s), qPrintable(run.err + run.out));
        run = modeldeskRun({u"diff"_s, scratch.url(), data(u"new.modeldesk"_s)});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"  drop table authors: drops the table and every row in it\n"_s),
                 qPrintable(run.err));
    }

    // A Sequelize migration file in a folder that did not exist yet, named by the time and NEW's name.
    void writesASequelizeMigration() {
        QTemporaryDir dir;
        const QString folder = dir.filePath(u"migrations"_s);
        Run run = modeldeskRun({u"diff"_s, data(u"old.modeldesk"_s), data(u"new.modeldesk"_s), u"--format"_s,
                                u"sequelize-migration"_s, u"-o"_s, folder});
        QCOMPARE(run.exitCode, 1); // the same refusal of data-losing steps
        QVERIFY(!QDir(folder).exists());
        run = modeldeskRun({u"diff"_s, data(u"old.modeldesk"_s), data(u"new.modeldesk"_s), u"--format"_s,
                            u"sequelize-migration"_s, u"-o"_s, folder, u"--allow-data-loss"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QStringList files = QDir(folder).entryList(QDir::Files);
        QCOMPARE(files.size(), 1);
        QVERIFY2(QRegularExpression(u"^20\\d{12}-new\\.js$"_s).match(files.first()).hasMatch(),
                 qPrintable(files.first()));
        QVERIFY2(run.out.endsWith(u"steps up, 15 down\n"_s), qPrintable(run.out));
        QFile file(QDir(folder).filePath(files.first()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY(text.contains(u"//   rename table authors to writers\n"_s));
        QVERIFY(text.contains(u"  up: (queryInterface) => run(queryInterface, 'up'),\n"_s));
    }

    void usage_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no new") << QStringList{u"diff"_s, data(u"old.modeldesk"_s)} << u"give OLD"_s;
        QTest::newRow("no dialect") << QStringList{u"diff"_s, data(u"old.modeldesk"_s),
                                                   data(u"new.modeldesk"_s)}
                                    << u"give --dialect"_s;
        QTest::newRow("bad dialect") << QStringList{u"diff"_s, data(u"old.modeldesk"_s),
                                                    data(u"new.modeldesk"_s), u"--dialect"_s, u"oracle"_s}
                                     << u"unknown dialect \"oracle\""_s;
    }
    void usage() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run run = modeldeskRun(arguments);
        QCOMPARE(run.exitCode, 64);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestDiffCli)
#include "tst_diffcli.moc"
