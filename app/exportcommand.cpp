#include "commandline.h"

#include "designer/diagramimage.h"
#include "export/exporterregistry.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace modeldesk::cli {

using namespace Qt::StringLiterals;

namespace {

// The translation context of this command's messages.
struct ExportCommand {
    Q_DECLARE_TR_FUNCTIONS(ExportCommand)
};

struct ExportArguments {
    QString project;
    QString format;
    QString dialect;
    QString output;
};

// Accepts `--name value`, `--name=value` and the short forms; returns false with *error set on bad usage.
bool parseArguments(const QStringList &arguments, ExportArguments *parsed, QString *error) {
    const QList<std::pair<QStringList, QString *>> options{
        {{u"--format"_s, u"-f"_s}, &parsed->format},
        {{u"--dialect"_s, u"-d"_s}, &parsed->dialect},
        {{u"--output"_s, u"-o"_s}, &parsed->output},
    };
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString argument = arguments.at(i);
        bool matched = false;
        for (const auto &[names, target] : options) {
            for (const QString &name : names) {
                if (argument == name) {
                    if (i + 1 >= arguments.size()) {
                        *error = ExportCommand::tr("%1 needs a value").arg(name);
                        return false;
                    }
                    *target = arguments.at(++i);
                    matched = true;
                } else if (name.startsWith(u"--"_s) && argument.startsWith(name + u'=')) {
                    *target = argument.mid(name.size() + 1);
                    matched = true;
                }
                if (matched)
                    break;
            }
            if (matched)
                break;
        }
        if (matched)
            continue;
        if (argument.startsWith(u'-') && argument != u"-"_s) {
            *error = ExportCommand::tr("unknown option \"%1\"").arg(argument);
            return false;
        }
        if (!parsed->project.isEmpty()) {
            *error = ExportCommand::tr("more than one project given (\"%1\" and \"%2\")")
                         .arg(parsed->project, argument);
            return false;
        }
        parsed->project = argument;
    }
    if (parsed->project.isEmpty()) {
        *error = ExportCommand::tr("no project given");
        return false;
    }
    if (parsed->format.isEmpty()) {
        *error = ExportCommand::tr("--format is required (one of %1)").arg(exportFormatNames().join(u", "_s));
        return false;
    }
    return true;
}

void printUsage(QTextStream &err) {
    err << "usage: modeldesk export PROJECT --format FORMAT [--dialect sqlite|postgres|mysql] [-o PATH]\n"
        << "       formats: " << exportFormatNames().join(u", "_s) << " (see modeldesk formats)\n";
}

int usage(QTextStream &err, const QString &message) {
    err << "modeldesk export: " << message << "\n";
    printUsage(err);
    return kUsage;
}

} // namespace

// `modeldesk export PROJECT --format FORMAT [--dialect D] [-o PATH]`: writes the export to PATH, or to
// stdout for single-file formats. Refuses (exit 1) a design with validation errors, printing them.
int runExport(const QStringList &arguments, QTextStream &out, QTextStream &err) {
    ExportArguments args;
    QString error;
    if (!parseArguments(arguments, &args, &error))
        return usage(err, error);

    if (DiagramImage::find(args.format)) {
        if (!args.dialect.isEmpty())
            return usage(err, ExportCommand::tr("--dialect does not apply to --format %1").arg(args.format));
        if (args.output.isEmpty())
            return usage(
                err,
                ExportCommand::tr("--format %1 writes an image file; give it with -o FILE").arg(args.format));
        return exportImage(args.project, args.format, args.output, err);
    }
    const Exporter *exporter = ExporterRegistry::find(args.format);
    if (!exporter)
        return usage(err, ExportCommand::tr("unknown format \"%1\"; known formats: %2")
                              .arg(args.format, exportFormatNames().join(u", "_s)));
    ExportOptions options;
    if (exporter->usesDialect()) {
        if (args.dialect.isEmpty() && exporter->name() == u"sql"_s)
            return usage(err, ExportCommand::tr("--format sql needs --dialect (one of %1)")
                                  .arg(SqlDialect::names().join(u", "_s)));
        const auto dialect = SqlDialect::fromName(args.dialect.isEmpty() ? u"postgres"_s : args.dialect);
        if (!dialect)
            return usage(err, ExportCommand::tr("unknown dialect \"%1\"; known dialects: %2")
                                  .arg(args.dialect, SqlDialect::names().join(u", "_s)));
        options.dialect = *dialect;
    } else if (!args.dialect.isEmpty()) {
        return usage(err, ExportCommand::tr("--dialect does not apply to --format %1").arg(exporter->name()));
    }
    if (exporter->producesDirectory() && args.output.isEmpty())
        return usage(err, ExportCommand::tr("--format %1 writes a folder of files; give it with -o DIR")
                              .arg(exporter->name()));

    const auto project = loadProject(args.project, err);
    if (!project)
        return kUnreadable;
    if (reportProblems(args.project, *project, err)) {
        err << "modeldesk export: "
            << ExportCommand::tr("%1 has errors; fix them before exporting").arg(args.project) << "\n";
        return kProblems;
    }

    options.origin = QFileInfo(args.project).fileName();
    const auto files = exporter->render(*project, options, &error);
    if (!files) {
        err << "modeldesk export: " << args.project << ": " << error << "\n";
        return kProblems;
    }
    if (args.output.isEmpty()) {
        for (const ExportFile &file : *files)
            out << QString::fromUtf8(file.contents);
        out.flush();
        return kOk;
    }
    if (!Exporter::writeFiles(*files, args.output, &error)) {
        err << "modeldesk export: " << error << "\n";
        return kProblems;
    }
    return kOk;
}

} // namespace modeldesk::cli
