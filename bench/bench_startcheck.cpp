// bench_startcheck: the check every migration starts with (StartingVersionCheck, through
// MigrationRunner::checkStartingVersion) on big databases. For each engine and size (default 1000 and 2000
// tables) it syncs a generated design of that many models (10 fields each, 1.5 links per model) into a
// database of its own, then times the check (median of --runs). Not a test; it fails nothing.
//   bench_startcheck [--sizes 1000,2000] [--runs 3]
// The servers come from MODELDESK_TEST_PG_URL and MODELDESK_TEST_MYSQL_URL (an engine without one is left
// out).

#include "db/migrationrunner.h"
#include "db/schemasync.h"
#include "editing/designgenerator.h"
#include "migrate/schemadiff.h"

#include <QCoreApplication>
#include <QElapsedTimer>
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

// A database of its own for one size: a file in `dir`, or a new database on the server.
std::optional<ConnectionUrl> freshDatabase(const QString &engine, const QString &name,
                                           const QTemporaryDir &dir, QString *error) {
    if (engine == u"sqlite"_s)
        return ConnectionUrl::parse(u"sqlite:"_s + dir.filePath(name + u".sqlite"_s), error);
    const QString server =
        qEnvironmentVariable(engine == u"postgres"_s ? "MODELDESK_TEST_PG_URL" : "MODELDESK_TEST_MYSQL_URL");
    const auto url = ConnectionUrl::parse(server, error);
    if (!url)
        return std::nullopt;
    DatabaseConnection admin(*url);
    const SqlDialect d = url->dialect();
    if (!admin.open(error) || !admin.execute(u"DROP DATABASE IF EXISTS "_s + d.quote(name), error) ||
        !admin.execute(u"CREATE DATABASE "_s + d.quote(name), error))
        return std::nullopt;
    ConnectionUrl fresh = *url;
    fresh.database = name;
    return fresh;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    QList<int> sizes{1000, 2000};
    int runs = 3;
    for (qsizetype i = 1; i + 1 < arguments.size(); i += 2) {
        if (arguments.at(i) == u"--runs"_s)
            runs = std::max(1, arguments.at(i + 1).toInt());
        else if (arguments.at(i) == u"--sizes"_s) {
            sizes.clear();
            for (const QString &size : arguments.at(i + 1).split(u','))
                sizes << size.toInt();
        }
    }
    QTemporaryDir dir;
    out << "engine      tables   columns   check (median of " << runs << ")\n";
    for (const QString &engine : {u"sqlite"_s, u"postgres"_s, u"mysql"_s}) {
        if (engine != u"sqlite"_s &&
            qEnvironmentVariable(engine == u"postgres"_s ? "MODELDESK_TEST_PG_URL"
                                                         : "MODELDESK_TEST_MYSQL_URL")
                .isEmpty())
            continue;
        for (const int size : std::as_const(sizes)) {
            QString error;
            const QString name =
                u"modeldesk_bench_start_%1_%2"_s.arg(QCoreApplication::applicationPid()).arg(size);
            const auto url = freshDatabase(engine, name, dir, &error);
            const Project design = DesignGenerator::generate({size, 10, size * 3 / 2, 1, false});
            DatabaseConnection connection(url.value_or(ConnectionUrl{}));
            const SyncReport report = url && connection.open(&error)
                                          ? SchemaSync(design.schema, connection).sync(false)
                                          : SyncReport{};
            if (!report.ok) {
                out << "bench_startcheck: " << engine << ": cannot create the tables: " << error
                    << report.error << "\n";
                return 1;
            }
            const MigrationPlan plan = SchemaDiff::compare(design.schema, design.schema);
            qsizetype columns = 0;
            for (const Table &table : plan.before.tables)
                columns += table.columns.size();
            QList<double> times;
            for (int run = 0; run < runs; ++run) {
                QElapsedTimer clock;
                clock.start();
                if (!MigrationRunner(connection).checkStartingVersion(plan, &error)) {
                    out << "bench_startcheck: " << engine << ": " << error.left(300) << "\n";
                    return 1;
                }
                times << clock.nsecsElapsed() / 1e6;
            }
            out << engine.leftJustified(10) << QString::number(size).rightJustified(8)
                << QString::number(columns).rightJustified(10)
                << QString::number(median(times), 'f', 0).rightJustified(14) << " ms\n";
            out.flush();
            connection.close();
            if (engine != u"sqlite"_s) {
                DatabaseConnection admin(*ConnectionUrl::parse(qEnvironmentVariable(
                    engine == u"postgres"_s ? "MODELDESK_TEST_PG_URL" : "MODELDESK_TEST_MYSQL_URL")));
                if (admin.open(&error))
                    admin.execute(u"DROP DATABASE IF EXISTS "_s + connection.dialect().quote(name), &error);
            }
        }
    }
    return 0;
}
