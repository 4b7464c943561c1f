// The DDL applies on the real engines and creates what the design says. For every example (seed, shop and the
// hostile-names design) and every engine (an SQLite file, the PostgreSQL and MariaDB servers that
// scripts/test starts, each in a scratch database of its own), the CREATE statements are applied twice (sync
// must be idempotent), or the exported .sql script is run through the engine's own command-line client; then
// the catalog is read back (tables, columns with types, nullability and defaults, primary keys, unique keys,
// foreign keys with their actions) and compared with the ResolvedSchema.
#include "export/exporterregistry.h"
#include "schema/resolvedschema.h"
#include "sql/ddlgenerator.h"
#include "support/catalog.h"
#include "support/scratchdatabase.h"

#include <QProcess>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace modeldesk;
using namespace modeldesk::test;
using namespace Qt::StringLiterals;

namespace {

// Runs the exported script through sqlite3 / psql / mariadb, as a user would.
bool runClient(const QString &engine, const ConnectionUrl &url, const QString &urlText, const QString &script,
               QString *error) {
    QProcess process;
    process.setStandardInputFile(script);
    QString program;
    QStringList arguments;
    if (engine == u"sqlite"_s) {
        program = u"sqlite3"_s;
        arguments << u"-bail"_s << url.path;
    } else if (engine == u"postgres"_s) {
        program = u"psql"_s;
        arguments << u"-X"_s << u"-q"_s << u"-v"_s << u"ON_ERROR_STOP=1"_s << u"-d"_s << urlText;
    } else {
        program = u"mariadb"_s;
        arguments << u"--no-defaults"_s << u"--default-character-set=utf8mb4"_s << u"-h"_s << url.host
                  << u"-P"_s << QString::number(url.port) << u"-u"_s << url.user << u"-p"_s + url.password
                  << url.database;
    }
    if (QStandardPaths::findExecutable(program).isEmpty()) {
        *error = program + u" is not installed (scripts/lib.sh installs it)"_s;
        return false;
    }
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        *error = program + u" failed: "_s + QString::fromUtf8(process.readAllStandardError());
        return false;
    }
    return true;
}

} // namespace

class TstDdlEngines : public QObject {
    Q_OBJECT

private slots:
    void appliesAndMatchesTheDesign_data() {
        QTest::addColumn<QString>("example");
        QTest::addColumn<QString>("engine");
        QTest::addColumn<bool>("viaClient");
        for (const QString &example : {u"seed"_s, u"shop"_s, u"hostile"_s})
            for (const QString &engine : {u"sqlite"_s, u"postgres"_s, u"mysql"_s})
                for (const bool viaClient : {false, true})
                    QTest::newRow(qPrintable(
                        u"%1 %2 %3"_s.arg(example, engine, viaClient ? u"script"_s : u"statements"_s)))
                        << example << engine << viaClient;
    }

    void appliesAndMatchesTheDesign() {
        QFETCH(QString, example);
        QFETCH(QString, engine);
        QFETCH(bool, viaClient);
        MODELDESK_SCRATCH_DATABASE(scratch, engine);
        const SqlDialect dialect = *SqlDialect::fromName(engine);
        const ResolvedSchema resolved = SchemaResolver::resolve(loadProject(example).schema);
        QString error;

        if (viaClient) {
            QTemporaryDir dir;
            const QString script = dir.filePath(u"schema.sql"_s);
            ExportOptions options;
            options.dialect = dialect;
            QVERIFY2(ExporterRegistry::find(u"sql"_s)->write(loadProject(example), options, script, &error),
                     qPrintable(error));
            QVERIFY2(runClient(engine, scratch.connectionUrl(), scratch.url(), script, &error),
                     qPrintable(error));
        }

        DatabaseConnection connection(scratch.connectionUrl());
        QVERIFY2(connection.open(&error), qPrintable(error));
        if (!viaClient) {
            const DdlGenerator generator(dialect);
            for (int pass = 0; pass < 2; ++pass)
                for (const QString &statement : generator.createStatements(resolved))
                    QVERIFY2(connection.execute(statement, &error),
                             qPrintable(u"pass %1: %2\n%3"_s.arg(pass + 1).arg(error, statement)));
        }

        Catalog catalog(connection.database(), dialect.kind());
        QStringList expectedTables;
        for (const Table &table : resolved.tables)
            expectedTables << table.name;
        expectedTables.sort();
        QCOMPARE(catalog.tables(), expectedTables);
        QStringList problems;
        for (const Table &table : resolved.tables)
            problems << compare(dialect, table, catalog.table(table.name));
        QVERIFY2(catalog.lastError().isEmpty(), qPrintable(catalog.lastError()));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TstDdlEngines)
#include "tst_ddl_engines.moc"
