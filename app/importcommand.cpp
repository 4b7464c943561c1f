#include "commandline.h"

#include "db/connectionurl.h"
#include "db/databasecatalogreader.h"
#include "db/databaseconnection.h"
#include "export/exporttext.h"
#include "import/schemainference.h"
#include "import/sequelizecode.h"
#include "project/projectfile.h"
#include "schema/schemavalidator.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>

namespace modeldesk::cli {

using namespace Qt::StringLiterals;

namespace {

// The translation context of this command's messages.
struct ImportCommand {
    Q_DECLARE_TR_FUNCTIONS(ImportCommand)
};

const char *const kUsageLine =
    "usage: modeldesk import URL -o FILE.modeldesk [--tables a,b,...] [--schema NAME] "
    "[--explain]\n"
    "       modeldesk import FOLDER|FILE.js -o FILE.modeldesk   (Sequelize model code, run with Node)\n";

struct Arguments {
    QString url;
    QString output;
    DatabaseCatalogReader::Options read;
    bool explain = false;
};

// Reads import's arguments; returns what is wrong with them, or empty.
QString parseArguments(const QStringList &arguments, Arguments &parsed) {
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        bool inlineValue = false;
        auto [name, value] = splitOption(arguments.at(i), &inlineValue);
        if (name == u"--explain"_s && !inlineValue) {
            parsed.explain = true;
            continue;
        }
        const bool takesValue =
            name == u"-o"_s || name == u"--output"_s || name == u"--tables"_s || name == u"--schema"_s;
        if (!takesValue) {
            if (name.startsWith(u'-'))
                return ImportCommand::tr("unknown option \"%1\"").arg(arguments.at(i));
            if (!parsed.url.isEmpty())
                return ImportCommand::tr("unexpected argument \"%1\"").arg(arguments.at(i));
            parsed.url = name;
            continue;
        }
        if (!inlineValue) {
            if (i + 1 >= arguments.size())
                return ImportCommand::tr("%1 needs a value").arg(name);
            value = arguments.at(++i);
        }
        if (name == u"--tables"_s) {
            for (const QString &table : value.split(u',', Qt::SkipEmptyParts))
                parsed.read.tables << table.trimmed();
            if (parsed.read.tables.isEmpty())
                return ImportCommand::tr("--tables needs table names, separated by commas");
        } else if (name == u"--schema"_s) {
            parsed.read.schema = value;
        } else {
            parsed.output = value;
        }
    }
    if (parsed.url.isEmpty())
        return ImportCommand::tr(
            "give the database URL (sqlite:FILE, postgres://USER@HOST:PORT/DB, mysql://...) or the folder "
            "or .js file of Sequelize models");
    if (parsed.output.isEmpty())
        return ImportCommand::tr("give the project file to write with -o FILE.modeldesk");
    return {};
}

void explain(const ImportResult &result, QTextStream &out) {
    const Schema &schema = result.project.schema;
    for (const LinkEvidence &evidence : result.evidence) {
        const Link &link = schema.links.at(evidence.link);
        out << Link::kindName(link.kind) << " " << link.source << " -> " << link.target << " as " << link.as;
        if (link.kind == Link::Kind::BelongsToMany)
            out << " through " << link.through << " (" << link.foreignKey << ", " << link.otherKey << ")";
        else
            out << " (foreignKey " << link.foreignKey << ")";
        out << "\n    " << evidence.text << "\n";
    }
}

// A database URL names its engine first; anything else that is a folder or a .js file is Sequelize code.
bool isDatabaseUrl(const QString &argument) {
    static const QRegularExpression scheme(u"^(sqlite|postgres|postgresql|mysql|mariadb):"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    return scheme.match(argument).hasMatch();
}

// `modeldesk import PATH -o FILE`: the models of a Sequelize project, read by running its code in Node.
int importCode(const Arguments &parsed, QTextStream &out, QTextStream &err) {
    if (!parsed.read.tables.isEmpty() || !parsed.read.schema.isEmpty() || parsed.explain) {
        err << "modeldesk import: "
            << ImportCommand::tr("--tables, --schema and --explain are for databases, not Sequelize code")
            << "\n"
            << kUsageLine;
        return kUsage;
    }
    QString error;
    const auto result = SequelizeCodeImport::read(parsed.url, SequelizeCodeImport::Options(), &error);
    if (!result) {
        err << "modeldesk import: " << error << "\n";
        return kProblems;
    }
    for (const ImportWarning &warning : result->warnings)
        err << "warning: " << exporttext::singleLine(warning.toString()) << "\n";
    for (const Problem &problem : SchemaValidator::validate(result->project.schema))
        err << parsed.output << ": " << exporttext::singleLine(problem.toString()) << "\n";
    if (!ProjectFile::save(parsed.output, result->project, &error)) {
        err << "modeldesk import: " << error << "\n";
        return kProblems;
    }
    out << ImportCommand::tr("%1: %2 models and %3 links from the Sequelize code in %4")
               .arg(QDir::toNativeSeparators(parsed.output))
               .arg(result->project.schema.models.size())
               .arg(result->project.schema.links.size())
               .arg(QDir::toNativeSeparators(parsed.url))
        << "\n";
    return kOk;
}

} // namespace

// `modeldesk import URL -o FILE.modeldesk [--tables a,b] [--schema NAME] [--explain]`: reads the database's
// catalog (read-only) and writes the design inferred from it, laid out.
int runImport(const QStringList &arguments, QTextStream &out, QTextStream &err) {
    Arguments parsed;
    if (const QString problem = parseArguments(arguments, parsed); !problem.isEmpty()) {
        err << "modeldesk import: " << problem << "\n" << kUsageLine;
        return kUsage;
    }
    if (!isDatabaseUrl(parsed.url) && SequelizeCodeImport::isCodePath(parsed.url))
        return importCode(parsed, out, err);
    QString error;
    const auto url = ConnectionUrl::parse(parsed.url, &error);
    if (!url) {
        err << "modeldesk import: " << error << "\n" << kUsageLine;
        return kUsage;
    }
    DatabaseConnection connection(*url);
    connection.setReadOnly(true);
    if (!connection.open(&error)) {
        err << "modeldesk import: " << error << "\n";
        return kProblems;
    }
    DatabaseCatalogReader reader(connection);
    const auto catalog = reader.read(parsed.read, &error);
    if (!catalog) {
        err << "modeldesk import: " << error << "\n";
        return kProblems;
    }
    for (const CatalogSkipped &skipped : catalog->skipped)
        err << "skipped " << skipped.kind << " " << skipped.name << ": " << skipped.reason << "\n";
    if (catalog->tables.isEmpty()) {
        err << "modeldesk import: " << url->displayString() << " has no tables to import"
            << (catalog->skipped.isEmpty() ? QString()
                                           : ImportCommand::tr(" (only what is listed as skipped)"))
            << "; nothing written\n";
        return kProblems;
    }
    const ImportResult result = SchemaInference::infer(*catalog);
    for (const ImportWarning &warning : result.warnings)
        err << "warning: " << exporttext::singleLine(warning.toString()) << "\n";
    // The design as the validator sees it: an imported name can be a reserved word, say.
    for (const Problem &problem : SchemaValidator::validate(result.project.schema))
        err << parsed.output << ": " << exporttext::singleLine(problem.toString()) << "\n";
    if (!ProjectFile::save(parsed.output, result.project, &error)) {
        err << "modeldesk import: " << error << "\n";
        return kProblems;
    }
    if (parsed.explain)
        explain(result, out);
    out << ImportCommand::tr("%1: %2 models and %3 links from %4 tables of %5")
               .arg(QDir::toNativeSeparators(parsed.output))
               .arg(result.project.schema.models.size())
               .arg(result.project.schema.links.size())
               .arg(catalog->tables.size())
               .arg(url->displayString())
        << "\n";
    return kOk;
}

} // namespace modeldesk::cli
