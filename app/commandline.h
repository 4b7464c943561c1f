#pragma once

#include "project/project.h"

#include <QStringList>
#include <QTextStream>
#include <optional>
#include <utility>

namespace modeldesk::cli {

// Exit codes shared by every subcommand (documented in the README and `modeldesk --help`).
enum ExitCode { kOk = 0, kProblems = 1, kUnreadable = 2, kUsage = 64 };

// One headless subcommand: `modeldesk NAME ...`. Runs on QCoreApplication and never opens a window.
struct Command {
    const char *name;
    const char *synopsis;
    const char *summary;
    int (*run)(const QStringList &arguments, QTextStream &out, QTextStream &err);
};

// The subcommands, in the order `--help` lists them.
const QList<Command> &commands();
// True when argv asks for a subcommand, --help or --version: main() then starts QCoreApplication only.
bool isHeadless(int argc, char **argv);
// Runs the subcommand named by arguments[1] (arguments[0] is the program).
int run(const QStringList &arguments);

// What every subcommand that reads a project starts with. The project at `path`, or nullopt after printing
// why it cannot be read or parsed on `err` (the subcommand then exits with kUnreadable).
std::optional<Project> loadProject(const QString &path, QTextStream &err);
// Validates `project` and prints each problem on one line as "PATH: problem" to `to`. True when one of them
// is an error.
bool reportProblems(const QString &path, const Project &project, QTextStream &to);

// An argument as an option name and its inline value: "--seed=7" is {"--seed", "7"} with *inlineValue
// true; anything else is itself with an empty value.
std::pair<QString, QString> splitOption(const QString &argument, bool *inlineValue);

// Subcommands, one file each.
int runValidate(const QStringList &arguments, QTextStream &out, QTextStream &err);
int runSync(const QStringList &arguments, QTextStream &out, QTextStream &err);    // dbcommands.cpp
int runSave(const QStringList &arguments, QTextStream &out, QTextStream &err);    // dbcommands.cpp
int runGet(const QStringList &arguments, QTextStream &out, QTextStream &err);     // dbcommands.cpp
int runUpdate(const QStringList &arguments, QTextStream &out, QTextStream &err);  // dbcommands.cpp
int runDelete(const QStringList &arguments, QTextStream &out, QTextStream &err);  // dbcommands.cpp
int runRestore(const QStringList &arguments, QTextStream &out, QTextStream &err); // dbcommands.cpp
int runExport(const QStringList &arguments, QTextStream &out, QTextStream &err);
int runFormats(const QStringList &arguments, QTextStream &out, QTextStream &err);
int runGenerate(const QStringList &arguments, QTextStream &out, QTextStream &err);
int runImport(const QStringList &arguments, QTextStream &out, QTextStream &err);
int runDiff(const QStringList &arguments, QTextStream &out, QTextStream &err);

// Diagram images (imageexport.cpp). `export` with --format png|svg|pdf draws the designer's canvas, which
// needs a QApplication (on the offscreen platform when no display is asked for); main() asks first.
bool needsGuiApplication(int argc, char **argv);
int exportImage(const QString &projectPath, const QString &formatName, const QString &output,
                QTextStream &err);
// Every name --format accepts: the exporter registry's, then the image formats.
QStringList exportFormatNames();

} // namespace modeldesk::cli
