// `modeldesk export`, `modeldesk formats` and `modeldesk validate`, run as the real binary: exit codes
// (0 ok, 1 design errors / failed write, 2 unreadable file, 64 usage), stdout and -o give the same bytes (the
// golden files of tst_export), errors go to stderr naming the file and the cause, and nothing needs a
// display.
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Result {
    int exitCode = -1;
    QByteArray out;
    QString err;
};

// Runs without any display, as in CI or over ssh: subcommands must never need one.
Result modeldesk(const QStringList &arguments) {
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *variable : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QString::fromLatin1(variable));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(MODELDESK_BINARY), arguments);
    if (!process.waitForFinished(60000))
        qFatal("modeldesk %s did not finish", qPrintable(arguments.join(u' ')));
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), QString::fromUtf8(process.readAllStandardError())};
}

QString example(const QString &name) {
    return QStringLiteral(MODELDESK_SOURCE_DIR "/resources/examples/") + name + u".modeldesk"_s;
}

QString broken(const QString &name) {
    return QStringLiteral(MODELDESK_TEST_DATA "/broken/") + name + u".modeldesk"_s;
}

QString golden(const QString &path) {
    return QStringLiteral(MODELDESK_TEST_DATA "/export/") + path;
}

QByteArray readFile(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TstExportCli : public QObject {
    Q_OBJECT

private slots:
    void formatsListsTheRegistry() {
        const Result r = modeldesk({u"formats"_s});
        QCOMPARE(r.exitCode, 0);
        QStringList names;
        for (const QByteArray &line : r.out.split('\n'))
            if (!line.isEmpty() && line.at(0) != ' ')
                names << QString::fromUtf8(line.left(line.indexOf(' ')));
        // The exporter registry, then the diagram images (tst_diagramimage).
        QCOMPARE(names, (QStringList{u"sql"_s, u"sequelize"_s, u"dbml"_s, u"mermaid"_s, u"json"_s, u"png"_s,
                                     u"svg"_s, u"pdf"_s}));
        QVERIFY(r.out.contains("--dialect sqlite|postgres|mysql"));
        QCOMPARE(modeldesk({u"formats"_s, u"extra"_s}).exitCode, 64);
    }

    void helpListsTheCommands() {
        const Result r = modeldesk({u"--help"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("export PROJECT --format FORMAT [--dialect sqlite|postgres|mysql] [-o PATH]"));
        QVERIFY(r.out.contains("  formats"));
        QVERIFY(r.out.contains("64 wrong usage"));
    }

    // Each command answers --help with its own usage (exit 0), as does `modeldesk help COMMAND`; the list
    // of commands is read from the general help, so a new command cannot be left out.
    void everyCommandHasItsOwnHelp() {
        QStringList names;
        for (const QByteArray &line : modeldesk({u"--help"_s}).out.split('\n'))
            if (line.startsWith("  ") && line.size() > 2 && line.at(2) >= 'a' && line.at(2) <= 'z')
                names << QString::fromUtf8(line.mid(2, line.indexOf(' ', 2) - 2).trimmed());
        QVERIFY2(names.size() >= 9, qPrintable(names.join(u' ')));
        QVERIFY(names.contains(u"save"_s));
        for (const QString &name : std::as_const(names)) {
            for (const QStringList &arguments : {QStringList{name, u"--help"_s}, QStringList{u"help"_s, name},
                                                 QStringList{name, u"PROJECT"_s, u"-h"_s}}) {
                const Result r = modeldesk(arguments);
                QCOMPARE(r.exitCode, 0);
                QVERIFY2(r.out.startsWith("Usage: modeldesk " + name.toUtf8()), r.out.constData());
                QVERIFY(r.out.contains("64 wrong usage"));
                QVERIFY(r.err.isEmpty());
            }
        }
    }

    // stdout, -o FILE and the golden file are the same bytes.
    void exportToStdoutAndFile_data() {
        QTest::addColumn<QString>("example");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("goldenFile");
        for (const QString &name : {u"seed"_s, u"shop"_s}) {
            for (const QString &dialect : {u"sqlite"_s, u"postgres"_s, u"mysql"_s}) {
                QTest::newRow(qPrintable(name + u" sql "_s + dialect))
                    << name << QStringList{u"--format"_s, u"sql"_s, u"--dialect"_s, dialect}
                    << name + u"/sql/"_s + dialect + u".sql"_s;
                QTest::newRow(qPrintable(name + u" dbml "_s + dialect))
                    << name << QStringList{u"--format=dbml"_s, u"--dialect="_s + dialect}
                    << name + u"/dbml/"_s + dialect + u".dbml"_s;
            }
            QTest::newRow(qPrintable(name + u" mermaid"_s))
                << name << QStringList{u"-f"_s, u"mermaid"_s} << name + u"/mermaid/schema.mmd"_s;
            QTest::newRow(qPrintable(name + u" json"_s))
                << name << QStringList{u"--format"_s, u"JSON"_s} << name + u"/json/schema.json"_s;
        }
    }

    void exportToStdoutAndFile() {
        QFETCH(QString, example);
        QFETCH(QStringList, arguments);
        QFETCH(QString, goldenFile);
        const Result toStdout = modeldesk(QStringList{u"export"_s, ::example(example)} + arguments);
        QVERIFY2(toStdout.exitCode == 0, qPrintable(toStdout.err));
        QCOMPARE(toStdout.err, QString());
        QTemporaryDir dir;
        const QString file = dir.filePath(u"out/export.txt"_s);
        const Result toFile =
            modeldesk(QStringList{u"export"_s, ::example(example)} + arguments + QStringList{u"-o"_s, file});
        QVERIFY2(toFile.exitCode == 0, qPrintable(toFile.err));
        QVERIFY(toFile.out.isEmpty());
        QCOMPARE(readFile(file), toStdout.out);
        QCOMPARE(toStdout.out, readFile(golden(goldenFile)));
    }

    void exportSequelizeWritesTheFolder() {
        QTemporaryDir dir;
        const QString target = dir.filePath(u"app"_s);
        const Result r =
            modeldesk({u"export"_s, example(u"seed"_s), u"--format"_s, u"sequelize"_s, u"-o"_s, target});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QStringList written;
        QDirIterator it(target, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            written << QDir(target).relativeFilePath(it.next());
        written.sort();
        QCOMPARE(written, (QStringList{u"config/database.js"_s, u"models/Test.js"_s, u"models/TestUser.js"_s,
                                       u"models/associations.js"_s, u"models/index.js"_s}));
        for (const QString &path : std::as_const(written))
            QCOMPARE(readFile(target + u'/' + path), readFile(golden(u"seed/sequelize/"_s + path)));
    }

    void usageErrors_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString seed = example(u"seed"_s);
        QTest::newRow("no project") << QStringList{u"--format"_s, u"sql"_s} << u"no project given"_s;
        QTest::newRow("no format")
            << QStringList{seed}
            << u"--format is required (one of sql, sequelize, dbml, mermaid, json, png, svg, pdf)"_s;
        QTest::newRow("unknown format")
            << QStringList{seed, u"--format"_s, u"tiff"_s}
            << u"unknown format \"tiff\"; known formats: sql, sequelize, dbml, mermaid, json, png, svg, pdf"_s;
        QTest::newRow("unknown dialect")
            << QStringList{seed, u"--format"_s, u"sql"_s, u"--dialect"_s, u"oracle"_s}
            << u"unknown dialect \"oracle\"; known dialects: sqlite, postgres, mysql"_s;
        QTest::newRow("sql without dialect")
            << QStringList{seed, u"--format"_s, u"sql"_s}
            << u"--format sql needs --dialect (one of sqlite, postgres, mysql)"_s;
        QTest::newRow("dialect for mermaid") << QStringList{seed, u"-f"_s, u"mermaid"_s, u"-d"_s, u"mysql"_s}
                                             << u"--dialect does not apply to --format mermaid"_s;
        QTest::newRow("sequelize to stdout")
            << QStringList{seed, u"--format"_s, u"sequelize"_s}
            << u"--format sequelize writes a folder of files; give it with -o DIR"_s;
        QTest::newRow("unknown option")
            << QStringList{seed, u"--format"_s, u"sql"_s, u"--force"_s} << u"unknown option \"--force\""_s;
        QTest::newRow("missing value") << QStringList{seed, u"--format"_s} << u"--format needs a value"_s;
        QTest::newRow("two projects")
            << QStringList{seed, seed, u"-f"_s, u"json"_s} << u"more than one project given"_s;
    }

    void usageErrors() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Result r = modeldesk(QStringList{u"export"_s} + arguments);
        QCOMPARE(r.exitCode, 64);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.startsWith(u"modeldesk export: "_s + message), qPrintable(r.err));
        QVERIFY2(r.err.contains(u"usage: modeldesk export PROJECT --format FORMAT"_s), qPrintable(r.err));
    }

    void unreadableProjects_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing")
            << u"/nonexistent/shop.modeldesk"_s
            << u"/nonexistent/shop.modeldesk: cannot open: No such file or directory\n"_s;
        QTest::newRow("unparsable")
            << broken(u"unparsable"_s)
            << broken(u"unparsable"_s) +
                   u": line 6, column 42: malformed JSON: object is missing after a comma\n"_s;
        QTest::newRow("not a project")
            << broken(u"not-a-project"_s)
            << broken(u"not-a-project"_s) +
                   u": $.format: expected \"modeldesk\", got no format key; this is not a ModelDesk project\n"_s;
    }

    void unreadableProjects() {
        QFETCH(QString, path);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString target = dir.filePath(u"out.sql"_s);
        const Result r = modeldesk(
            {u"export"_s, path, u"--format"_s, u"sql"_s, u"--dialect"_s, u"sqlite"_s, u"-o"_s, target});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err, message);
        QVERIFY(!QFile::exists(target));
        QCOMPARE(modeldesk({u"validate"_s, path}).err, message);
        QCOMPARE(modeldesk({u"validate"_s, path}).exitCode, 2);
    }

    void refusesADesignWithErrors() {
        QTemporaryDir dir;
        const QString target = dir.filePath(u"out"_s);
        const QString path = broken(u"invalid-design"_s);
        for (const QString &format : {u"sql"_s, u"sequelize"_s, u"json"_s}) {
            QStringList arguments{u"export"_s, path, u"--format"_s, format, u"-o"_s, target};
            if (format == u"sql"_s)
                arguments << u"--dialect"_s << u"postgres"_s;
            const Result r = modeldesk(arguments);
            QCOMPARE(r.exitCode, 1);
            QVERIFY(r.out.isEmpty());
            QVERIFY2(
                r.err.contains(
                    path +
                    u": error: link 2 (book belongsTo publisher): target model 'publisher' does not exist\n"_s),
                qPrintable(r.err));
            QVERIFY2(r.err.endsWith(u"modeldesk export: "_s + path +
                                    u" has errors; fix them before exporting\n"_s),
                     qPrintable(r.err));
            QVERIFY(!QFile::exists(target));
        }
    }

    void warningsDoNotStopTheExport() {
        const QString path = broken(u"warnings-only"_s);
        const Result r = modeldesk({u"export"_s, path, u"--format"_s, u"sql"_s, u"--dialect"_s, u"mysql"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(
            "CREATE TABLE IF NOT EXISTS `user` (`id` INTEGER NOT NULL auto_increment, `order` INTEGER"));
        QVERIFY2(r.err.startsWith(path +
                                  u": warning: model 'user': table name \"user\" is an SQL reserved word"_s),
                 qPrintable(r.err));
    }

    void writeFailureNamesThePath() {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(u"file"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const QString target = dir.filePath(u"file/models"_s);
        const Result r =
            modeldesk({u"export"_s, example(u"seed"_s), u"--format"_s, u"sequelize"_s, u"-o"_s, target});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith(u"modeldesk export: "_s) && r.err.contains(dir.filePath(u"file"_s)),
                 qPrintable(r.err));
    }

    // `validate` on broken fixtures: the exact lines, one problem per line, and the exit code.
    void validateBrokenFixtures_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QStringList>("lines");
        QTest::newRow("invalid design")
            << u"invalid-design"_s << 1
            << QStringList{
                   u"error: model 'author' › field 'name': default is NULL but the field does not allow NULL"_s,
                   u"error: model 'author' › field 'name': field name \"name\" is used twice in this model"_s,
                   u"error: model 'author' › field 'rating': default value \"high\" does not fit type INTEGER"_s,
                   u"error: model 'author' › field 'rating' › validate 'min': min takes a number"_s,
                   u"error: model 'book' › field 'status': ENUM lists a value twice"_s,
                   u"error: link 1 (author hasMany book): alias \"name\" collides with a field of model 'author' (Sequelize refuses this)"_s,
                   u"error: link 2 (book belongsTo publisher): target model 'publisher' does not exist"_s,
                   u"error: link 3 (book belongsToMany author): belongsToMany needs `through` (a junction table or model name)"_s,
                   u"error: link 1 (author hasMany book): foreign key books.authorId is UUID but authors.id is INTEGER"_s};
        QTest::newRow("warnings only")
            << u"warnings-only"_s << 0
            << QStringList{
                   u"warning: model 'user': table name \"user\" is an SQL reserved word; ModelDesk quotes it, but hand-written SQL must too"_s,
                   u"warning: model 'user' › field 'order': field name \"order\" is an SQL reserved word; ModelDesk quotes it, but hand-written SQL must too"_s,
                   u"warning: model 'user' › field 'first name': field name \"first name\" has characters other than letters, digits and _; it must be quoted in SQL"_s};
        QTest::newRow("newer version") << u"newer-version"_s << 2 << QStringList{};
    }

    void validateBrokenFixtures() {
        QFETCH(QString, name);
        QFETCH(int, exitCode);
        QFETCH(QStringList, lines);
        const QString path = broken(name);
        const Result r = modeldesk({u"validate"_s, path});
        QCOMPARE(r.exitCode, exitCode);
        QStringList expected;
        for (const QString &line : std::as_const(lines))
            expected << path + u": "_s + line;
        QStringList actual = QString::fromUtf8(r.out).split(u'\n');
        QCOMPARE(actual.takeLast(), QString()); // every line ends with a newline
        if (exitCode == 2) {
            QVERIFY(r.out.isEmpty());
            QCOMPARE(
                r.err,
                path +
                    u": $.version: the file has format version 99, written by a newer ModelDesk; this one reads up to version 2. Update ModelDesk to open it.\n"_s);
            return;
        }
        QCOMPARE(actual, expected);
    }

    // A name with a line break still gives one line per problem.
    void validatePrintsOneLinePerProblem() {
        const QString path = QStringLiteral(MODELDESK_TEST_DATA "/export/hostile.modeldesk");
        const Result r = modeldesk({u"validate"_s, path});
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        for (const QByteArray &line : lines)
            QVERIFY2(line.startsWith(path.toUtf8() + ": warning: "), line.constData());
        QVERIFY(r.out.contains("field 'new line': field name \"new line\" has characters"));
    }
};

QTEST_GUILESS_MAIN(TstExportCli)
#include "tst_export_cli.moc"
