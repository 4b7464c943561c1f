// modeldesk_bench: N sequential saves of a nested record, one transaction each, through SaveController and
// through hand-written sqlite3 / libpq code in the same run; prints saves per second and the ratio.
//   modeldesk_bench [--n N] [--rounds R] [--dir DIR] [--pg URL] [--mysql URL] [--only
//   sqlite-file|memory|postgres|mariadb]
// --pg / --mysql default to MODELDESK_TEST_PG_URL / MODELDESK_TEST_MYSQL_URL (bench/run starts the servers).

#include "nativepq.h"
#include "nativesqlite.h"
#include "workload.h"

#include "databaseconnection.h"
#include "savecontroller.h"
#include "schemasync.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <functional>

using namespace modeldesk;

namespace {

QTextStream out(stdout);

double controllerSavesPerSecond(const Workload &w, DatabaseConnection &connection, bool singleStatement,
                                int saves, QString *error) {
    SaveController controller(w.schema, connection);
    controller.setSingleStatement(singleStatement);
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < saves; ++i) {
        const SaveResult result = controller.save(w.model, w.graph);
        if (!result.ok) {
            *error = result.errorString();
            return 0;
        }
    }
    return saves / (clock.nsecsElapsed() / 1e9);
}

bool prepare(const Workload &w, DatabaseConnection &connection, QString *error) {
    if (!connection.open(error))
        return false;
    SchemaSync sync(w.schema, connection);
    const SyncReport report = sync.sync(false);
    *error = report.error;
    return report.ok;
}

// Best of `rounds` for each side, the two sides taking turns so that noise hits both alike.
struct Figure {
    double native = 0;
    double controller = 0;
};

void report(const QString &workload, const QString &mode, double native, double controller) {
    out << QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n")
               .arg(workload, mode, native > 0 ? QString::number(native, 'f', 0) : QStringLiteral("–"),
                    QString::number(controller, 'f', 0),
                    native > 0 ? QString::number(controller / native, 'f', 2) : QStringLiteral("–"));
    out.flush();
}

double best(int rounds, const std::function<double()> &run) {
    double top = 0;
    for (int i = 0; i < rounds; ++i)
        top = std::max(top, run());
    return top;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto option = [&](const QString &name, const QString &fallback) {
        const qsizetype i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
    };
    const int saves = option(QStringLiteral("--n"), QStringLiteral("3000")).toInt();
    const int rounds = option(QStringLiteral("--rounds"), QStringLiteral("3")).toInt();
    QTemporaryDir tmp;
    const QString dir = option(QStringLiteral("--dir"), tmp.path());
    const QString pgUrl = option(QStringLiteral("--pg"), qEnvironmentVariable("MODELDESK_TEST_PG_URL"));
    const QString mysqlUrl =
        option(QStringLiteral("--mysql"), qEnvironmentVariable("MODELDESK_TEST_MYSQL_URL"));
    const QString only =
        option(QStringLiteral("--only"), QString()); // sqlite-file, memory, postgres, mariadb
    auto wanted = [&](const char *name) {
        return only.isEmpty() || only == QLatin1String(name);
    };

    out << "N = " << saves << " sequential saves per run, best of " << rounds << " runs; saves/s\n\n"
        << "| workload | engine, mode | native C API | SaveController | ratio |\n|---|---|---|---|---|\n";
    QString error;
    auto check = [&](bool ok) {
        if (!ok) {
            QTextStream(stderr) << "modeldesk_bench: " << error << "\n";
            std::exit(1);
        }
    };
    for (const Workload &w : {Workload::hasOneChild(), Workload::hasManyChildren()}) {
        // SQLite file, WAL + synchronous FULL on both sides, each in its own file.
        if (wanted("sqlite-file")) {
            const QString nativePath = dir + QStringLiteral("/native-%1.db").arg(w.parentTable);
            DatabaseConnection nativeSetup(*ConnectionUrl::parse(QStringLiteral("sqlite:") + nativePath));
            check(prepare(w, nativeSetup, &error));
            nativeSetup.close();
            DatabaseConnection connection(*ConnectionUrl::parse(
                QStringLiteral("sqlite:") + dir + QStringLiteral("/controller-%1.db").arg(w.parentTable)));
            check(prepare(w, connection, &error));
            Figure f;
            for (int r = 0; r < rounds; ++r) {
                f.native = std::max(f.native, NativeSqlite::savesPerSecond(w, nativePath, saves, &error));
                check(f.native > 0);
                f.controller =
                    std::max(f.controller, controllerSavesPerSecond(w, connection, true, saves, &error));
                check(f.controller > 0);
            }
            report(w.name, QStringLiteral("SQLite file, WAL, synchronous FULL"), f.native, f.controller);
        }
        // SQLite in memory.
        if (wanted("memory")) {
            DatabaseConnection connection(*ConnectionUrl::parse(QStringLiteral("sqlite::memory:")));
            check(prepare(w, connection, &error));
            const int n = saves * 10;
            Figure f;
            for (int r = 0; r < rounds; ++r) {
                f.native = std::max(f.native,
                                    NativeSqlite::savesPerSecond(w, QStringLiteral(":memory:"), n, &error));
                check(f.native > 0);
                f.controller =
                    std::max(f.controller, controllerSavesPerSecond(w, connection, true, n, &error));
                check(f.controller > 0);
            }
            report(w.name, QStringLiteral("SQLite :memory:"), f.native, f.controller);
        }
        if (!pgUrl.isEmpty() && wanted("postgres")) {
            const auto url = ConnectionUrl::parse(pgUrl, &error);
            check(url.has_value());
            DatabaseConnection connection(*url);
            check(prepare(w, connection, &error));
            // The same controller through Qt's QPSQL driver alone, for comparison with the libpq fast path.
            qputenv("MODELDESK_PG_QT_PATH", "1");
            DatabaseConnection qtOnly(*url);
            check(qtOnly.open(&error));
            qunsetenv("MODELDESK_PG_QT_PATH");
            double transaction = 0, oneStatement = 0, perStep = 0, cte = 0, sqlExecute = 0, qtCte = 0;
            for (int r = 0; r < rounds; ++r) {
                transaction =
                    std::max(transaction,
                             NativePq::savesPerSecond(w, *url, NativePq::Mode::Transaction, saves, &error));
                check(transaction > 0);
                perStep = std::max(perStep, controllerSavesPerSecond(w, connection, false, saves, &error));
                check(perStep > 0);
                oneStatement =
                    std::max(oneStatement,
                             NativePq::savesPerSecond(w, *url, NativePq::Mode::OneStatement, saves, &error));
                check(oneStatement > 0);
                cte = std::max(cte, controllerSavesPerSecond(w, connection, true, saves, &error));
                check(cte > 0);
                sqlExecute = std::max(
                    sqlExecute, NativePq::savesPerSecond(w, *url, NativePq::Mode::SqlExecute, saves, &error));
                check(sqlExecute > 0);
                qtCte = std::max(qtCte, controllerSavesPerSecond(w, qtOnly, true, saves, &error));
                check(qtCte > 0);
            }
            report(w.name, QStringLiteral("PostgreSQL, BEGIN…COMMIT, one statement per row"), transaction,
                   perStep);
            report(w.name, QStringLiteral("PostgreSQL, one data-modifying CTE (1 round trip)"), oneStatement,
                   cte);
            report(
                w.name,
                QStringLiteral("PostgreSQL, the CTE as Qt's QPSQL sends it (PREPARE + EXECUTE text) vs the "
                               "controller through QPSQL alone (MODELDESK_PG_QT_PATH=1)"),
                sqlExecute, qtCte);
            report(w.name, QStringLiteral("PostgreSQL, controller default vs best native"),
                   std::max(transaction, oneStatement), cte);
        }
        if (!mysqlUrl.isEmpty() && wanted("mariadb")) {
            const auto url = ConnectionUrl::parse(mysqlUrl, &error);
            check(url.has_value());
            DatabaseConnection connection(*url);
            check(prepare(w, connection, &error));
            const double figure = best(rounds, [&] {
                const double v = controllerSavesPerSecond(w, connection, true, saves, &error);
                check(v > 0);
                return v;
            });
            report(w.name, QStringLiteral("MariaDB, BEGIN…COMMIT (no native client in this bench)"), 0,
                   figure);
        }
    }
    return 0;
}
