#include "commandline.h"

#include "export/exporttext.h"
#include "project/projectfile.h"
#include "schema/schemavalidator.h"

#include <QCoreApplication>
#include <cstring>

namespace modeldesk::cli {

using namespace Qt::StringLiterals;

namespace {

void printExitCodes(QTextStream &out) {
    out << "Exit codes: 0 success, 1 problems found or an operation failed, 2 a file cannot be read or "
           "parsed,\n"
        << "            64 wrong usage. Errors go to stderr and name the file and the cause.\n";
}

void printHelp(QTextStream &out) {
    out << "Usage: modeldesk [PROJECT | --example NAME]      open the designer (GUI)\n"
        << "       modeldesk COMMAND [ARGS...]              run headless, no window\n\n"
        << "Commands:\n";
    for (const Command &command : commands())
        out << "  " << QString::fromUtf8(command.synopsis) << "\n      " << QString::fromUtf8(command.summary)
            << "\n";
    out << "  --help       show this help; COMMAND --help shows one command's\n"
        << "  --version    print the version\n\n";
    printExitCodes(out);
}

// `modeldesk COMMAND --help` (or `modeldesk help COMMAND`): that command's usage alone.
void printCommandHelp(const Command &command, QTextStream &out) {
    out << "Usage: modeldesk " << QString::fromUtf8(command.synopsis) << "\n\n"
        << "  " << QString::fromUtf8(command.summary) << "\n\n"
        << "The README's section on the command line describes every option.\n";
    printExitCodes(out);
}

const Command *findCommand(const QString &name) {
    for (const Command &command : commands())
        if (name == QLatin1String(command.name))
            return &command;
    return nullptr;
}

} // namespace

const QList<Command> &commands() {
    static const QList<Command> list{
        {"validate", "validate PROJECT", "check a project; one problem per line as `path: message`",
         &runValidate},
        {"sync", "sync PROJECT --db URL [--alter]",
         "create the design's missing tables; report differences (columns, types, NULL, DEFAULT, UNIQUE); "
         "--alter also adds columns and changes NULL, DEFAULT and UNIQUE where no data is lost, or nothing",
         &runSync},
        {"save",
         "save PROJECT --db URL --model NAME (--json FILE|- [--plan] | --jsonl FILE|- [--batch N] "
         "[--stop-on-error] "
         "[--quiet])",
         "save nested records (parent and linked children) in one transaction each; prints them with keys",
         &runSave},
        {"get", "get PROJECT --db URL --model NAME --id KEY [--depth N]",
         "print a saved record and its linked records as JSON", &runGet},
        {"update", "update PROJECT --db URL --model NAME --json FILE|-",
         "update a saved graph (records carry their keys): changed fields, new and dropped children, one "
         "transaction; prints it as reloaded",
         &runUpdate},
        {"delete", "delete PROJECT --db URL --model NAME --id KEY",
         "delete a record; linked records follow each link's onDelete", &runDelete},
        {"restore", "restore PROJECT --db URL --model NAME --id KEY",
         "bring back a deleted record of a paranoid model (deletedAt set to NULL); only that record",
         &runRestore},
        {"import",
         "import URL|FOLDER|FILE.js -o FILE.modeldesk [--tables a,b,...] [--schema NAME] [--explain]",
         "read a database's tables (read-only) into a new design: models, keys, links inferred from foreign "
         "keys and unique indexes; warnings on stderr; --explain says why each link is what it is. A folder "
         "or "
         ".js file of Sequelize models is read by running it with Node (no database is touched)",
         &runImport},
        {"diff",
         "diff OLD NEW --dialect sqlite|postgres|mysql [-o FILE] [--allow-data-loss] | diff OLD NEW --format "
         "sequelize-migration -o DIR [--allow-data-loss]",
         "the SQL that takes a database built from OLD (a project, or a database URL read as import does) to "
         "NEW: renames from the ids, SQLite's table rebuild, foreign keys kept at every step; refuses "
         "data-losing steps without --allow-data-loss; --format sequelize-migration writes a migration file "
         "with up and down for sequelize-cli or umzug",
         &runDiff},
        {"export", "export PROJECT --format FORMAT [--dialect sqlite|postgres|mysql] [-o PATH]",
         "export the design (sql, sequelize, dbml, mermaid, json; png, svg, pdf images of the diagram); to "
         "stdout without -o",
         &runExport},
        {"formats", "formats", "list the export formats", &runFormats},
        {"generate", "generate --models N --fields F --links L [--seed S] [--no-layout] -o FILE",
         "write a synthetic design of N models with F fields each and L links (for big-design tests)",
         &runGenerate},
    };
    return list;
}

bool isHeadless(int argc, char **argv) {
    if (argc < 2)
        return false;
    const char *first = argv[1];
    if (!std::strcmp(first, "--help") || !std::strcmp(first, "-h") || !std::strcmp(first, "--version") ||
        !std::strcmp(first, "help"))
        return true;
    for (const Command &command : commands())
        if (!std::strcmp(first, command.name))
            return true;
    return false;
}

int run(const QStringList &arguments) {
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString name = arguments.value(1);
    if (name == u"--help"_s || name == u"-h"_s || name == u"help"_s) {
        if (const Command *command = findCommand(arguments.value(2)); command && name == u"help"_s)
            printCommandHelp(*command, out);
        else
            printHelp(out);
        return kOk;
    }
    if (name == u"--version"_s) {
        out << "modeldesk " << QCoreApplication::applicationVersion() << "\n";
        return kOk;
    }
    if (const Command *command = findCommand(name)) {
        const QStringList rest = arguments.mid(2);
        if (rest.contains(u"--help"_s) || rest.contains(u"-h"_s)) {
            printCommandHelp(*command, out);
            return kOk;
        }
        return command->run(rest, out, err);
    }
    err << "modeldesk: unknown command \"" << name << "\"; see modeldesk --help\n";
    return kUsage;
}

std::optional<Project> loadProject(const QString &path, QTextStream &err) {
    QString error;
    auto project = ProjectFile::load(path, &error);
    if (!project)
        err << error << "\n";
    return project;
}

bool reportProblems(const QString &path, const Project &project, QTextStream &to) {
    const QList<Problem> problems = SchemaValidator::validate(project.schema);
    for (const Problem &problem : problems)
        to << path << ": " << exporttext::singleLine(problem.toString()) << "\n"; // one line each
    return SchemaValidator::hasErrors(problems);
}

std::pair<QString, QString> splitOption(const QString &argument, bool *inlineValue) {
    const qsizetype equals = argument.indexOf(u'=');
    *inlineValue = argument.startsWith(QStringLiteral("--")) && equals > 0;
    if (!*inlineValue)
        return {argument, QString()};
    return {argument.left(equals), argument.mid(equals + 1)};
}

} // namespace modeldesk::cli
