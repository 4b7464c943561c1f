#include "commandline.h"

#include "db/connectionurl.h"
#include "db/databasecatalogreader.h"
#include "db/databaseconnection.h"
#include "db/migrationsql.h"
#include "db/sequelizemigration.h"
#include "export/exporttext.h"
#include "import/schemainference.h"
#include "migrate/schemadiff.h"
#include "project/wholefile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace modeldesk::cli {

using namespace Qt::StringLiterals;

namespace {

// The translation context of this command's messages.
struct DiffCommand {
    Q_DECLARE_TR_FUNCTIONS(DiffCommand)
};

const char *const kUsageLine =
    "usage: modeldesk diff OLD NEW --dialect sqlite|postgres|mysql [-o FILE] [--allow-data-loss]\n"
    "       modeldesk diff OLD NEW --format sequelize-migration -o DIR [--allow-data-loss]\n";

struct Arguments {
    QString oldSource;
    QString newProject;
    QString dialect;
    QString output;
    QString format = QStringLiteral("sql");
    bool allowDataLoss = false;
};

QString parseArguments(const QStringList &arguments, Arguments &parsed) {
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        bool inlineValue = false;
        auto [name, value] = splitOption(arguments.at(i), &inlineValue);
        if (name == u"--allow-data-loss"_s && !inlineValue) {
            parsed.allowDataLoss = true;
            continue;
        }
        const bool takesValue =
            name == u"-o"_s || name == u"--output"_s || name == u"--dialect"_s || name == u"--format"_s;
        if (!takesValue) {
            if (name.startsWith(u'-'))
                return DiffCommand::tr("unknown option \"%1\"").arg(arguments.at(i));
            if (parsed.oldSource.isEmpty())
                parsed.oldSource = name;
            else if (parsed.newProject.isEmpty())
                parsed.newProject = name;
            else
                return DiffCommand::tr("unexpected argument \"%1\"").arg(arguments.at(i));
            continue;
        }
        if (!inlineValue) {
            if (i + 1 >= arguments.size())
                return DiffCommand::tr("%1 needs a value").arg(name);
            value = arguments.at(++i);
        }
        (name == u"--dialect"_s  ? parsed.dialect
         : name == u"--format"_s ? parsed.format
                                 : parsed.output) = value;
    }
    if (parsed.newProject.isEmpty())
        return DiffCommand::tr("give OLD (a project file or a database URL) and NEW (a project file)");
    if (parsed.format != u"sql"_s && parsed.format != u"sequelize-migration"_s)
        return DiffCommand::tr("unknown format \"%1\" (expected sql or sequelize-migration)")
            .arg(parsed.format);
    if (parsed.format == u"sequelize-migration"_s && parsed.output.isEmpty())
        return DiffCommand::tr("give the migrations folder with -o DIR");
    return {};
}

// A database URL rather than a file: "sqlite:", "postgres://", "mysql://"...
bool isDatabaseUrl(const QString &text) {
    static const QStringList schemes = {u"sqlite:"_s, u"postgres://"_s, u"postgresql://"_s, u"mysql://"_s,
                                        u"mariadb://"_s};
    return std::any_of(schemes.cbegin(), schemes.cend(),
                       [&](const QString &scheme) { return text.startsWith(scheme); });
}

// OLD as the importer reads it from a live database.
std::optional<Schema> readDatabase(const ConnectionUrl &url, QTextStream &err) {
    QString error;
    DatabaseConnection connection(url);
    connection.setReadOnly(true);
    if (!connection.open(&error)) {
        err << "modeldesk diff: " << error << "\n";
        return std::nullopt;
    }
    const auto catalog = DatabaseCatalogReader(connection).read({}, &error);
    if (!catalog) {
        err << "modeldesk diff: " << error << "\n";
        return std::nullopt;
    }
    return SchemaInference::infer(*catalog).project.schema;
}

// OLD and the dialect: a database URL is read (and gives the dialect), a project file is loaded; --dialect
// must match the database's. Returns the exit code on failure.
std::optional<int> readOld(const Arguments &parsed, std::optional<SqlDialect> &dialect,
                           std::optional<Schema> &before, QTextStream &err) {
    if (isDatabaseUrl(parsed.oldSource)) {
        QString error;
        const auto url = ConnectionUrl::parse(parsed.oldSource, &error);
        if (!url) {
            err << "modeldesk diff: " << error << "\n" << kUsageLine;
            return kUsage;
        }
        dialect = url->dialect();
        before = readDatabase(*url, err);
        if (!before)
            return kProblems;
    }
    if (!parsed.dialect.isEmpty()) {
        const auto named = SqlDialect::fromName(parsed.dialect);
        if (!named) {
            err << "modeldesk diff: "
                << DiffCommand::tr("unknown dialect \"%1\" (expected sqlite, postgres or mysql)")
                       .arg(parsed.dialect)
                << "\n";
            return kUsage;
        }
        if (dialect && !(*dialect == *named)) {
            err << "modeldesk diff: "
                << DiffCommand::tr("--dialect %1 does not match the database %2")
                       .arg(parsed.dialect, parsed.oldSource)
                << "\n";
            return kUsage;
        }
        dialect = named;
    }
    if (!dialect && parsed.format != u"sequelize-migration"_s) {
        err << "modeldesk diff: " << DiffCommand::tr("give --dialect sqlite, postgres or mysql") << "\n"
            << kUsageLine;
        return kUsage;
    }
    if (!before) {
        const auto project = loadProject(parsed.oldSource, err);
        if (!project)
            return kUnreadable;
        if (reportProblems(parsed.oldSource, *project, err))
            return kProblems;
        before = project->schema;
    }
    return std::nullopt;
}

// Lists the steps nothing may be written for: those ModelDesk cannot write, and (without --allow-data-loss)
// the data-losing ones. True when there are any.
bool refuses(const MigrationPlan &plan, bool allowDataLoss, QTextStream &err) {
    if (const QStringList unsupported = plan.unsupported(); !unsupported.isEmpty()) {
        err << "modeldesk diff: " << DiffCommand::tr("nothing written; ModelDesk cannot write these steps:")
            << "\n";
        for (const QString &step : unsupported)
            err << "  " << exporttext::singleLine(step) << "\n";
        return true;
    }
    if (plan.hasDataLoss() && !allowDataLoss) {
        err << "modeldesk diff: " << DiffCommand::tr("nothing written; these steps can lose data:") << "\n";
        for (const MigrationStep &step : plan.dataLosingSteps())
            err << "  " << exporttext::singleLine(step.description) << ": "
                << exporttext::singleLine(step.lossReason) << "\n";
        err << DiffCommand::tr("Check them, then run again with --allow-data-loss to write the migration.")
            << "\n";
        return true;
    }
    return false;
}

// `--format sequelize-migration`: the up/down file in the folder -o names.
int writeSequelizeMigration(const Arguments &parsed, const MigrationPlan &plan, const Schema &before,
                            const Schema &after, const QString &origin, QTextStream &out, QTextStream &err) {
    // The way back is the diff the other way; its data-losing steps are listed in the file.
    const MigrationPlan down = SchemaDiff::compare(after, before);
    if (const QStringList unsupported = down.unsupported(); !unsupported.isEmpty()) {
        err << "modeldesk diff: " << DiffCommand::tr("nothing written; ModelDesk cannot write the way back:")
            << "\n";
        for (const QString &step : unsupported)
            err << "  " << exporttext::singleLine(step) << "\n";
        return kProblems;
    }
    if (!QDir().mkpath(parsed.output)) {
        err << "modeldesk diff: " << QDir::toNativeSeparators(parsed.output) << ": "
            << DiffCommand::tr("cannot create the folder") << "\n";
        return kProblems;
    }
    const QString path =
        QDir(parsed.output)
            .filePath(SequelizeMigration::fileName(QDateTime::currentDateTimeUtc(),
                                                   QFileInfo(parsed.newProject).completeBaseName()));
    QString reason;
    if (!writeWholeFile(path, SequelizeMigration::render(plan, down, origin).toUtf8(), &reason)) {
        err << "modeldesk diff: " << QDir::toNativeSeparators(path) << ": " << reason << "\n";
        return kProblems;
    }
    out << DiffCommand::tr("%1: %2 steps up, %3 down")
               .arg(QDir::toNativeSeparators(path))
               .arg(plan.steps.size())
               .arg(down.steps.size())
        << "\n";
    return kOk;
}

// The SQL script, to -o or stdout.
int writeSql(const Arguments &parsed, const SqlDialect &dialect, const MigrationPlan &plan,
             const QString &origin, QTextStream &out, QTextStream &err) {
    const QString script = MigrationSql(dialect).script(plan, origin);
    if (plan.isEmpty())
        err << DiffCommand::tr("no differences: the migration has no statement") << "\n";
    if (parsed.output.isEmpty()) {
        out << script;
        return kOk;
    }
    QString reason;
    if (!writeWholeFile(parsed.output, script.toUtf8(), &reason)) {
        err << "modeldesk diff: " << QDir::toNativeSeparators(parsed.output) << ": " << reason << "\n";
        return kProblems;
    }
    out << DiffCommand::tr("%1: %2 steps for %3")
               .arg(QDir::toNativeSeparators(parsed.output))
               .arg(plan.steps.size())
               .arg(dialect.title())
        << "\n";
    return kOk;
}

} // namespace

// `modeldesk diff OLD NEW --dialect D [-o FILE] [--allow-data-loss]`: the SQL that takes a database built
// from OLD to NEW. Refuses (and writes nothing) when a step can lose data and --allow-data-loss is not given,
// or when a step is one it cannot write.
int runDiff(const QStringList &arguments, QTextStream &out, QTextStream &err) {
    Arguments parsed;
    if (const QString problem = parseArguments(arguments, parsed); !problem.isEmpty()) {
        err << "modeldesk diff: " << problem << "\n" << kUsageLine;
        return kUsage;
    }
    std::optional<SqlDialect> dialect;
    std::optional<Schema> before;
    if (const auto failed = readOld(parsed, dialect, before, err))
        return *failed;
    const auto after = loadProject(parsed.newProject, err);
    if (!after)
        return kUnreadable;
    if (reportProblems(parsed.newProject, *after, err))
        return kProblems;

    const MigrationPlan plan = SchemaDiff::compare(*before, after->schema);
    if (refuses(plan, parsed.allowDataLoss, err))
        return kProblems;
    const QString origin =
        QDir::toNativeSeparators(parsed.oldSource) + u" -> "_s + QDir::toNativeSeparators(parsed.newProject);
    if (parsed.format == u"sequelize-migration"_s)
        return writeSequelizeMigration(parsed, plan, *before, after->schema, origin, out, err);
    return writeSql(parsed, *dialect, plan, origin, out, err);
}

} // namespace modeldesk::cli
