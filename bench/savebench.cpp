// modeldesk_bench: N sequential saves of a nested record, one transaction each, through RecordStore and
// through hand-written sqlite3 / libpq code in the same run; prints saves per second and the ratio.
//   modeldesk_bench [--n N] [--rounds R] [--dir DIR] [--pg URL] [--mysql URL] [--only
//   sqlite-file|memory|postgres|mariadb]
// --pg / --mysql default to MODELDESK_TEST_PG_URL / MODELDESK_TEST_MYSQL_URL (bench/run starts the servers).

#include "cputime.h"
#include "nativepq.h"
#include "nativesqlite.h"
#include "workload.h"

#include "db/databaseconnection.h"
#include "db/schemasync.h"
#include "records/recordstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <functional>

using namespace modeldesk;

namespace {

QTextStream out(stdout);

// readGraph: also read each save's returned graph as the JSON text `save --jsonl` prints
// (RecordResult::appendRecordJson(), written from the plan and the keys on request); programs that only need
// success do not.
double controllerSavesPerSecond(const Workload &w, DatabaseConnection &connection, bool singleStatement,
                                int saves, QString *error, double *cpuMicrosPerSave = nullptr,
                                bool readGraph = false) {
    RecordStore controller(w.schema, connection);
    controller.setSingleStatement(singleStatement);
    QElapsedTimer clock;
    clock.start();
    const double cpuStart = processCpuSeconds();
    QByteArray graph;
    for (int i = 0; i < saves; ++i) {
        const RecordResult result = controller.save(w.model, w.graph);
        if (!result.ok) {
            *error = result.errorString();
            return 0;
        }
        if (readGraph) {
            graph.resize(0);
            result.appendRecordJson(&graph);
            if (graph.size() < 3) {
                *error = QStringLiteral("the saved graph is empty");
                return 0;
            }
        }
    }
    const double seconds = clock.nsecsElapsed() / 1e9;
    if (cpuMicrosPerSave)
        *cpuMicrosPerSave = (processCpuSeconds() - cpuStart) * 1e6 / saves;
    return saves / seconds;
}

bool prepare(const Workload &w, DatabaseConnection &connection, QString *error) {
    if (!connection.open(error))
        return false;
    SchemaSync sync(w.schema, connection);
    const SyncReport report = sync.sync(false);
    *error = report.error;
    return report.ok;
}

// Best of `rounds` for each side, the two sides taking turns so that noise hits both alike; the client's CPU
// per save is the least seen over the rounds.
struct Figure {
    double native = 0;
    double controller = 0;
    double nativeCpu = 0;
    double controllerCpu = 0;

    void addNative(double perSecond, double cpu) {
        native = std::max(native, perSecond);
        nativeCpu = nativeCpu > 0 ? std::min(nativeCpu, cpu) : cpu;
    }
    void addController(double perSecond, double cpu) {
        controller = std::max(controller, perSecond);
        controllerCpu = controllerCpu > 0 ? std::min(controllerCpu, cpu) : cpu;
    }
};

QString micros(double value) {
    return value > 0 ? QString::number(value, 'f', 1) : QStringLiteral("–");
}

void report(const QString &workload, const QString &mode, const Figure &f) {
    out << QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 / %7 |\n")
               .arg(workload, mode, f.native > 0 ? QString::number(f.native, 'f', 0) : QStringLiteral("–"),
                    QString::number(f.controller, 'f', 0),
                    f.native > 0 ? QString::number(f.controller / f.native, 'f', 2) : QStringLiteral("–"),
                    micros(f.nativeCpu), micros(f.controllerCpu));
    out.flush();
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
        << "| workload | engine, mode | native C API | RecordStore | ratio | client CPU µs/save, native / "
           "controller |\n|---|---|---|---|---|---|\n";
    QString error;
    auto check = [&](bool ok) {
        if (!ok) {
            QTextStream(stderr) << "modeldesk_bench: " << error << "\n";
            std::exit(1);
        }
    };
    for (const Workload &w : {Workload::hasOneChild(), Workload::hasManyChildren()}) {
        // Runs one native round and one controller round, turn about, and keeps the figures.
        auto turn = [&](Figure &f, const std::function<double(double *)> &native,
                        const std::function<double(double *)> &controller) {
            double cpu = 0;
            const double nativeRate = native(&cpu);
            check(nativeRate > 0);
            f.addNative(nativeRate, cpu);
            const double controllerRate = controller(&cpu);
            check(controllerRate > 0);
            f.addController(controllerRate, cpu);
        };
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
            for (int r = 0; r < rounds; ++r)
                turn(
                    f,
                    [&](double *cpu) {
                        return NativeSqlite::savesPerSecond(w, nativePath, saves, &error, cpu);
                    },
                    [&](double *cpu) {
                        return controllerSavesPerSecond(w, connection, true, saves, &error, cpu);
                    });
            report(w.name, QStringLiteral("SQLite file, WAL, synchronous FULL"), f);
        }
        // SQLite in memory.
        if (wanted("memory")) {
            DatabaseConnection connection(*ConnectionUrl::parse(QStringLiteral("sqlite::memory:")));
            check(prepare(w, connection, &error));
            const int n = saves * 10;
            Figure f;
            for (int r = 0; r < rounds; ++r)
                turn(
                    f,
                    [&](double *cpu) {
                        return NativeSqlite::savesPerSecond(w, QStringLiteral(":memory:"), n, &error, cpu);
                    },
                    [&](double *cpu) {
                        return controllerSavesPerSecond(w, connection, true, n, &error, cpu);
                    });
            report(w.name, QStringLiteral("SQLite :memory:"), f);
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
            auto native = [&](NativePq::Mode mode) {
                return [&, mode](double *cpu) {
                    return NativePq::savesPerSecond(w, *url, mode, saves, &error, cpu);
                };
            };
            auto controller = [&](DatabaseConnection &c, bool oneStatement) {
                return [&, oneStatement](double *cpu) {
                    return controllerSavesPerSecond(w, c, oneStatement, saves, &error, cpu);
                };
            };
            Figure perStep, oneStatement, qtPath, withGraph;
            for (int r = 0; r < rounds; ++r) {
                turn(perStep, native(NativePq::Mode::Transaction), controller(connection, false));
                turn(oneStatement, native(NativePq::Mode::OneStatement), controller(connection, true));
                turn(qtPath, native(NativePq::Mode::SqlExecute), controller(qtOnly, true));
                turn(withGraph, native(NativePq::Mode::OneStatement), [&](double *cpu) {
                    return controllerSavesPerSecond(w, connection, true, saves, &error, cpu, true);
                });
            }
            report(w.name, QStringLiteral("PostgreSQL, BEGIN…COMMIT, one statement per row"), perStep);
            report(w.name, QStringLiteral("PostgreSQL, one data-modifying CTE (1 round trip)"), oneStatement);
            report(
                w.name,
                QStringLiteral("PostgreSQL, the CTE as Qt's QPSQL sends it (PREPARE + EXECUTE text) vs the "
                               "controller through QPSQL alone (MODELDESK_PG_QT_PATH=1)"),
                qtPath);
            Figure best = perStep.native > oneStatement.native ? perStep : oneStatement;
            best.controller = oneStatement.controller;
            best.controllerCpu = oneStatement.controllerCpu;
            report(w.name, QStringLiteral("PostgreSQL, controller default vs best native"), best);
            report(w.name,
                   QStringLiteral("PostgreSQL, one CTE, the controller also reading each saved graph as JSON "
                                  "text (what `save --jsonl` prints)"),
                   withGraph);
        }
        if (!mysqlUrl.isEmpty() && wanted("mariadb")) {
            const auto url = ConnectionUrl::parse(mysqlUrl, &error);
            check(url.has_value());
            DatabaseConnection connection(*url);
            check(prepare(w, connection, &error));
            Figure f;
            for (int r = 0; r < rounds; ++r) {
                double cpu = 0;
                const double rate = controllerSavesPerSecond(w, connection, true, saves, &error, &cpu);
                check(rate > 0);
                f.addController(rate, cpu);
            }
            report(w.name, QStringLiteral("MariaDB, BEGIN…COMMIT (no native client in this bench)"), f);
        }
    }
    return 0;
}
