// The database subcommands: sync, save, get, update, delete and restore. They share option parsing and the
// opening of a project and a connection; the work itself is SchemaSync and RecordStore in models/.
#include "commandline.h"

#include "db/connectionurl.h"
#include "db/databaseconnection.h"
#include "db/schemasync.h"
#include "records/recordstore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <memory>
#include <optional>

namespace modeldesk::cli {

using namespace Qt::StringLiterals;

namespace {

// Parsed `PROJECT --name value --flag` arguments: one positional, options from an allowed list.
struct Options {
    QString project;
    QHash<QString, QString> values;
    QStringList flags;

    QString value(const QString &name) const { return values.value(name); }
    bool has(const QString &name) const { return values.contains(name) || flags.contains(name); }
};

std::optional<Options> parseOptions(const QStringList &arguments, const QStringList &valueOptions,
                                    const QStringList &flagOptions, QTextStream &err) {
    Options options;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString argument = arguments.at(i);
        if (argument.startsWith(u"--"_s)) {
            const QString name = argument.mid(2);
            if (flagOptions.contains(name)) {
                options.flags << name;
            } else if (valueOptions.contains(name)) {
                if (i + 1 >= arguments.size()) {
                    err << "modeldesk: --" << name << " needs a value\n";
                    return std::nullopt;
                }
                options.values.insert(name, arguments.at(++i));
            } else {
                err << "modeldesk: unknown option " << argument << "\n";
                return std::nullopt;
            }
        } else if (options.project.isEmpty()) {
            options.project = argument;
        } else {
            err << "modeldesk: unexpected argument \"" << argument << "\"\n";
            return std::nullopt;
        }
    }
    if (options.project.isEmpty()) {
        err << "modeldesk: no PROJECT given\n";
        return std::nullopt;
    }
    if (!options.values.contains(u"db"_s)) {
        err << "modeldesk: --db URL is required (sqlite:FILE, postgres://USER@HOST:PORT/DB, mysql://...)\n";
        return std::nullopt;
    }
    return options;
}

// The project, its database and a usable schema; or the exit code that says why not.
struct Session {
    Project project;
    std::unique_ptr<DatabaseConnection> connection;
    std::unique_ptr<RecordStore> controller; // made by prepare(), once the design is known to be usable
};

int openSession(const Options &options, Session *session, QTextStream &err) {
    auto project = loadProject(options.project, err);
    if (!project)
        return kUnreadable;
    session->project = std::move(*project);
    QString error;
    const auto url = ConnectionUrl::parse(options.value(u"db"_s), &error);
    if (!url) {
        err << "modeldesk: --db: " << error << "\n";
        return kUsage;
    }
    session->connection = std::make_unique<DatabaseConnection>(*url);
    if (!session->connection->open(&error)) {
        err << "modeldesk: " << error << "\n";
        return kProblems;
    }
    return kOk;
}

bool readInput(const QString &name, QByteArray *data, QTextStream &err) {
    QFile file;
    const bool ok = name == u"-"_s ? file.open(stdin, QIODevice::ReadOnly)
                                   : (file.setFileName(name), file.open(QIODevice::ReadOnly));
    if (!ok) {
        err << "modeldesk: cannot read " << name << ": " << file.errorString() << "\n";
        return false;
    }
    *data = file.readAll();
    return true;
}

bool checkModel(const Session &session, const QString &model, QTextStream &err) {
    if (model.isEmpty()) {
        err << "modeldesk: --model NAME is required\n";
        return false;
    }
    if (!session.project.schema.model(model)) {
        QStringList names;
        for (const Model &m : session.project.schema.models)
            names << m.name;
        err << "modeldesk: the project has no model \"" << model << "\" (it has: " << names.join(u", "_s)
            << ")\n";
        return false;
    }
    return true;
}

void printProblems(QTextStream &err, const QString &prefix, const RecordResult &result) {
    for (const RecordProblem &problem : result.problems)
        err << prefix << problem.toString() << "\n";
}

// The graph an operation returned, indented, on stdout; or its problems on stderr.
int printGraph(const RecordResult &result, QTextStream &out, QTextStream &err) {
    if (!result.ok) {
        printProblems(err, QString(), result);
        return kProblems;
    }
    out << QString::fromUtf8(QJsonDocument(result.record()).toJson(QJsonDocument::Indented));
    return kOk;
}

// The JSON object in FILE (or stdin for "-"); or the exit code that says why not.
int readRecord(const QString &input, QJsonObject *record, QTextStream &err) {
    QByteArray data;
    if (!readInput(input, &data, err))
        return kUnreadable;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        err << input << ": not a JSON object"
            << (parseError.error != QJsonParseError::NoError
                    ? u" (%1 at offset %2)"_s.arg(parseError.errorString()).arg(parseError.offset)
                    : QString())
            << "\n";
        return kUnreadable;
    }
    *record = document.object();
    return kOk;
}

// Opens the session, checks --model and the design, and makes the session's save controller.
int prepare(const Options &options, Session *session, QTextStream &err) {
    if (const int code = openSession(options, session, err); code != kOk)
        return code;
    if (!checkModel(*session, options.value(u"model"_s), err))
        return kUsage;
    session->controller = std::make_unique<RecordStore>(session->project.schema, *session->connection);
    QString error;
    if (!session->controller->isUsable(&error)) {
        err << options.project << ": " << error << "\n";
        return kProblems;
    }
    return kOk;
}

int saveOne(RecordStore &controller, const QString &model, const QString &input, bool planOnly,
            QTextStream &out, QTextStream &err) {
    QJsonObject record;
    if (const int code = readRecord(input, &record, err); code != kOk)
        return code;
    if (planOnly) {
        QList<RecordProblem> problems;
        const auto plan = controller.plan(model, record, &problems);
        for (const RecordProblem &problem : std::as_const(problems))
            err << problem.toString() << "\n";
        if (!plan)
            return kProblems;
        out << controller.planText(*plan);
        return kOk;
    }
    return printGraph(controller.save(model, record), out, err);
}

// One graph per line; `batch` graphs per transaction. Output: one saved graph per line on stdout, failures
// with their line numbers and a summary on stderr.
int saveLines(RecordStore &controller, const QString &model, const QString &input, int batch,
              bool stopOnError, bool quiet, QTextStream &out, QTextStream &err) {
    QFile file;
    const bool opened = input == u"-"_s ? file.open(stdin, QIODevice::ReadOnly)
                                        : (file.setFileName(input), file.open(QIODevice::ReadOnly));
    if (!opened) {
        err << "modeldesk: cannot read " << input << ": " << file.errorString() << "\n";
        return kUnreadable;
    }
    qint64 saved = 0, failed = 0, lineNumber = 0;
    bool stop = false;
    QElapsedTimer clock, progress;
    clock.start();
    progress.start();
    QList<QJsonObject> pending;
    QList<qint64> pendingLines;
    // The saved graphs' lines, written to stdout's device in large pieces: as UTF-8 text from the start,
    // not through QTextStream's UTF-16 (which buffered them as well).
    QByteArray printed;
    const auto writePrinted = [&] {
        if (printed.isEmpty())
            return;
        out.flush();
        if (QIODevice *device = out.device()) {
            device->write(printed);
            if (auto *file = qobject_cast<QFileDevice *>(device))
                file->flush(); // QTextStream's own flush has nothing left to flush, so it would not
        } else
            out << QString::fromUtf8(printed);
        printed.resize(0); // keeps its capacity for the next lines
    };
    auto flush = [&] {
        if (pending.isEmpty())
            return;
        const QList<RecordResult> results = controller.saveBatch(model, pending);
        for (qsizetype i = 0; i < results.size(); ++i) {
            const RecordResult &result = results.at(i);
            if (result.ok) {
                ++saved;
                if (!quiet) {
                    result.appendRecordJson(&printed);
                    printed.append('\n');
                }
            } else {
                ++failed;
                printProblems(err, u"line %1: "_s.arg(pendingLines.at(i)), result);
                stop = stop || stopOnError;
            }
        }
        pending.clear();
        pendingLines.clear();
        if (printed.size() >= 32 * 1024)
            writePrinted();
        if (progress.elapsed() > 2000) {
            err << "modeldesk: " << lineNumber << " lines, " << saved << " saved, " << failed << " failed\n";
            err.flush();
            progress.restart();
        }
    };
    QByteArray buffer; // each line read into the same buffer: readLine() allocated one per line
    while (!stop && !file.atEnd()) {
        buffer.resize(0);
        for (;;) {
            constexpr qsizetype kChunk = 4096;
            const qsizetype at = buffer.size();
            buffer.resize(at + kChunk);
            const qint64 read = file.readLine(buffer.data() + at, kChunk);
            buffer.resize(at + std::max(read, qint64(0)));
            if (read <= 0 || buffer.endsWith('\n'))
                break;
        }
        const QByteArrayView trimmed = QByteArrayView(buffer).trimmed();
        const QByteArray line = QByteArray::fromRawData(trimmed.data(), trimmed.size());
        ++lineNumber;
        if (line.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            ++failed;
            err << "line " << lineNumber << ": not a JSON object"
                << (parseError.error != QJsonParseError::NoError ? u" (%1)"_s.arg(parseError.errorString())
                                                                 : QString())
                << "\n";
            stop = stopOnError;
            continue;
        }
        pending << document.object();
        pendingLines << lineNumber;
        if (pending.size() >= batch)
            flush();
    }
    if (!stop)
        flush();
    writePrinted();
    out.flush();
    const double seconds = std::max(clock.elapsed(), qint64(1)) / 1000.0;
    err << "modeldesk: saved " << saved << ", failed " << failed << ", "
        << QString::number((saved + failed) / seconds, 'f', 0) << " graphs/s ("
        << QString::number(seconds, 'f', 2) << " s)" << (stop ? ", stopped at the first error" : "") << "\n";
    return failed == 0 ? kOk : kProblems;
}

} // namespace

// `modeldesk sync PROJECT --db URL [--alter]`
int runSync(const QStringList &arguments, QTextStream &out, QTextStream &err) {
    const auto options = parseOptions(arguments, {u"db"_s}, {u"alter"_s}, err);
    if (!options) {
        err << "usage: modeldesk sync PROJECT --db URL [--alter]\n";
        return kUsage;
    }
    Session session;
    if (const int code = openSession(*options, &session, err); code != kOk)
        return code;
    RecordStore check(session.project.schema, *session.connection);
    QString error;
    if (!check.isUsable(&error)) {
        err << options->project << ": " << error << "\n";
        return kProblems;
    }
    SchemaSync sync(session.project.schema, *session.connection);
    const SyncReport report = sync.sync(options->has(u"alter"_s));
    for (const QString &table : report.createdTables)
        out << "created table " << table << "\n";
    for (const QString &column : report.addedColumns)
        out << "added column " << column << "\n";
    for (const QString &change : report.changes)
        out << "changed " << change << "\n";
    for (const SyncDifference &difference : report.differences)
        out << "differs: " << difference.toString() << "\n";
    if (!report.ok) {
        err << "modeldesk: sync of " << session.connection->url().displayString()
            << (report.refusals.isEmpty() ? " failed: " : " refused; ") << report.error << "\n";
        return kProblems;
    }
    if (report.createdTables.isEmpty() && report.addedColumns.isEmpty() && report.changes.isEmpty())
        out << "nothing to create: " << session.connection->url().displayString() << " has every table\n";
    return kOk;
}

// `modeldesk save PROJECT --db URL --model NAME (--json FILE|- | --jsonl FILE|- [--batch N]
// [--stop-on-error])`
int runSave(const QStringList &arguments, QTextStream &out, QTextStream &err) {
    const QString usage = u"usage: modeldesk save PROJECT --db URL --model NAME --json FILE|- [--plan]\n"
                          "       modeldesk save PROJECT --db URL --model NAME --jsonl FILE|- [--batch N] "
                          "[--stop-on-error] [--quiet]\n"_s;
    const auto options = parseOptions(arguments, {u"db"_s, u"model"_s, u"json"_s, u"jsonl"_s, u"batch"_s},
                                      {u"stop-on-error"_s, u"plan"_s, u"quiet"_s}, err);
    if (!options || options->has(u"json"_s) == options->has(u"jsonl"_s)) {
        if (options)
            err << "modeldesk: give exactly one of --json and --jsonl\n";
        err << usage;
        return kUsage;
    }
    bool batchOk = true;
    const int batch = options->has(u"batch"_s) ? options->value(u"batch"_s).toInt(&batchOk) : 1;
    if (!batchOk || batch < 1) {
        err << "modeldesk: --batch takes a number of graphs per transaction (1 or more)\n" << usage;
        return kUsage;
    }
    Session session;
    if (const int code = prepare(*options, &session, err); code != kOk)
        return code;
    const QString model = options->value(u"model"_s);
    RecordStore &controller = *session.controller;
    if (options->has(u"json"_s))
        return saveOne(controller, model, options->value(u"json"_s), options->has(u"plan"_s), out, err);
    return saveLines(controller, model, options->value(u"jsonl"_s), batch, options->has(u"stop-on-error"_s),
                     options->has(u"quiet"_s), out, err);
}

// `modeldesk get PROJECT --db URL --model NAME --id KEY [--depth N]`
int runGet(const QStringList &arguments, QTextStream &out, QTextStream &err) {
    const auto options = parseOptions(arguments, {u"db"_s, u"model"_s, u"id"_s, u"depth"_s}, {}, err);
    if (!options || !options->has(u"id"_s)) {
        err << "usage: modeldesk get PROJECT --db URL --model NAME --id KEY [--depth N]\n";
        return kUsage;
    }
    bool depthOk = true;
    const int depth = options->has(u"depth"_s) ? options->value(u"depth"_s).toInt(&depthOk) : 1;
    if (!depthOk || depth < 0) {
        err << "modeldesk: --depth takes how many link levels to follow (0 or more)\n";
        return kUsage;
    }
    Session session;
    if (const int code = prepare(*options, &session, err); code != kOk)
        return code;
    const QString model = options->value(u"model"_s);
    RecordStore &controller = *session.controller;
    // The key as text: the key column's check turns "42" into an integer or keeps a UUID as it is.
    return printGraph(controller.load(model, options->value(u"id"_s), depth), out, err);
}

// `modeldesk update PROJECT --db URL --model NAME --json FILE|-`
int runUpdate(const QStringList &arguments, QTextStream &out, QTextStream &err) {
    const auto options = parseOptions(arguments, {u"db"_s, u"model"_s, u"json"_s}, {}, err);
    if (!options || !options->has(u"json"_s)) {
        err << "usage: modeldesk update PROJECT --db URL --model NAME --json FILE|-\n";
        return kUsage;
    }
    Session session;
    if (const int code = prepare(*options, &session, err); code != kOk)
        return code;
    QJsonObject record;
    if (const int code = readRecord(options->value(u"json"_s), &record, err); code != kOk)
        return code;
    RecordStore &controller = *session.controller;
    return printGraph(controller.update(options->value(u"model"_s), record), out, err);
}

// `modeldesk delete PROJECT --db URL --model NAME --id KEY`
int runDelete(const QStringList &arguments, QTextStream &out, QTextStream &err) {
    const auto options = parseOptions(arguments, {u"db"_s, u"model"_s, u"id"_s}, {}, err);
    if (!options || !options->has(u"id"_s)) {
        err << "usage: modeldesk delete PROJECT --db URL --model NAME --id KEY\n";
        return kUsage;
    }
    Session session;
    if (const int code = prepare(*options, &session, err); code != kOk)
        return code;
    const QString model = options->value(u"model"_s);
    RecordStore &controller = *session.controller;
    const RecordResult result = controller.remove(model, options->value(u"id"_s));
    if (!result.ok) {
        printProblems(err, QString(), result);
        return kProblems;
    }
    // What went with it is the database's doing (each link's onDelete), as in the GUI's Delete.
    out << "deleted " << model << " " << options->value(u"id"_s) << "\n";
    return kOk;
}

// `modeldesk restore PROJECT --db URL --model NAME --id KEY`
int runRestore(const QStringList &arguments, QTextStream &out, QTextStream &err) {
    const auto options = parseOptions(arguments, {u"db"_s, u"model"_s, u"id"_s}, {}, err);
    if (!options || !options->has(u"id"_s)) {
        err << "usage: modeldesk restore PROJECT --db URL --model NAME --id KEY\n";
        return kUsage;
    }
    Session session;
    if (const int code = prepare(*options, &session, err); code != kOk)
        return code;
    const QString model = options->value(u"model"_s);
    const RecordResult result = session.controller->restore(model, options->value(u"id"_s));
    if (!result.ok) {
        printProblems(err, QString(), result);
        return kProblems;
    }
    // Only this record: records deleted with it stay deleted, as with Sequelize's instance.restore().
    out << "restored " << model << " " << options->value(u"id"_s) << "\n";
    return kOk;
}

} // namespace modeldesk::cli
