// bench_import: `modeldesk import` of big PostgreSQL databases, as a whole process (start, connect, read the
// catalog, infer, lay out, write the file). For each size (default 500, 1000 and 2000 tables) it syncs a
// generated design of that many models (10 fields each, 1.5 links per model) into a database of its own on
// the server, then times the import; also the catalog read and the inference in this process. Prints one line
// per size with the goal (2,000 tables in 2 s); it is not a test and fails nothing.
//   bench_import [--url postgres://...] [--sizes 500,1000,2000] [--runs 3]
// The URL defaults to MODELDESK_TEST_PG_URL (bench/run import starts a server and sets it).

#include "db/databasecatalogreader.h"
#include "db/schemasync.h"
#include "editing/designgenerator.h"
#include "import/schemainference.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace modeldesk;
using namespace Qt::StringLiterals;

namespace {

QTextStream out(stdout);

double median(QList<double> values) {
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    QString server = qEnvironmentVariable("MODELDESK_TEST_PG_URL");
    QList<int> sizes{500, 1000, 2000};
    int runs = 3;
    for (qsizetype i = 1; i + 1 < arguments.size(); i += 2) {
        if (arguments.at(i) == u"--url"_s)
            server = arguments.at(i + 1);
        else if (arguments.at(i) == u"--runs"_s)
            runs = std::max(1, arguments.at(i + 1).toInt());
        else if (arguments.at(i) == u"--sizes"_s) {
            sizes.clear();
            for (const QString &size : arguments.at(i + 1).split(u','))
                sizes << size.toInt();
        }
    }
    QString error;
    const auto serverUrl = ConnectionUrl::parse(server, &error);
    if (server.isEmpty() || !serverUrl) {
        out << "bench_import: give a PostgreSQL server with --url or MODELDESK_TEST_PG_URL " << error << "\n";
        return 1;
    }
    DatabaseConnection admin(*serverUrl);
    if (!admin.open(&error)) {
        out << "bench_import: " << error << "\n";
        return 1;
    }
    QTemporaryDir dir;
    out << "tables   links   import (process, median of " << runs << ")   catalog read   inference   goal\n";
    for (const int size : std::as_const(sizes)) {
        const QString name =
            u"modeldesk_bench_import_%1_%2"_s.arg(QCoreApplication::applicationPid()).arg(size);
        admin.execute(u"DROP DATABASE IF EXISTS \"%1\""_s.arg(name), nullptr);
        if (!admin.execute(u"CREATE DATABASE \"%1\""_s.arg(name), &error)) {
            out << "bench_import: " << error << "\n";
            return 1;
        }
        ConnectionUrl url = *serverUrl;
        url.database = name;
        const Project design = DesignGenerator::generate({size, 10, size * 3 / 2, 1, false});
        {
            DatabaseConnection connection(url);
            const SyncReport report =
                connection.open(&error) ? SchemaSync(design.schema, connection).sync(false) : SyncReport{};
            if (!report.ok) {
                out << "bench_import: cannot create the tables: " << error << report.error << "\n";
                return 1;
            }
        }
        QList<double> process, read, infer;
        const QString text = server.left(server.lastIndexOf(u'/') + 1) + name;
        for (int run = 0; run < runs; ++run) {
            QElapsedTimer clock;
            clock.start();
            QProcess modeldesk;
            modeldesk.start(QStringLiteral(MODELDESK_BINARY),
                            {u"import"_s, text, u"-o"_s, dir.filePath(u"big.modeldesk"_s)});
            modeldesk.waitForFinished(600000);
            process << clock.nsecsElapsed() / 1e6;
            if (modeldesk.exitCode() != 0) {
                out << "bench_import: import failed: " << modeldesk.readAllStandardError() << "\n";
                return 1;
            }
            DatabaseConnection connection(url);
            connection.setReadOnly(true);
            connection.open(&error);
            clock.restart();
            const auto catalog = DatabaseCatalogReader(connection).read({}, &error);
            read << clock.nsecsElapsed() / 1e6;
            clock.restart();
            const ImportResult result = SchemaInference::infer(*catalog);
            infer << clock.nsecsElapsed() / 1e6;
        }
        out << QString::number(size).rightJustified(6)
            << QString::number(design.schema.links.size()).rightJustified(8)
            << QString::number(median(process), 'f', 0).rightJustified(20) << " ms"
            << QString::number(median(read), 'f', 0).rightJustified(15) << " ms"
            << QString::number(median(infer), 'f', 0).rightJustified(9) << " ms"
            << (size == 2000 ? (median(process) <= 2000 ? u"   <= 2000 ms ok"_s : u"   <= 2000 ms MISSED"_s)
                             : QString())
            << "\n";
        out.flush();
        admin.execute(u"DROP DATABASE IF EXISTS \"%1\" WITH (FORCE)"_s.arg(name), nullptr);
    }
    return 0;
}
