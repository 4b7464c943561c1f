#include "commandline.h"

#include "editing/designgenerator.h"
#include "project/projectfile.h"

#include <QCoreApplication>
#include <QDir>

#include <algorithm>
#include <functional>

namespace modeldesk::cli {

using namespace Qt::StringLiterals;

namespace {

// The translation context of this command's messages.
struct GenerateCommand {
    Q_DECLARE_TR_FUNCTIONS(GenerateCommand)
};

int usage(QTextStream &err, const QString &message) {
    err << "modeldesk generate: " << message << "\n"
        << "usage: modeldesk generate --models N --fields F --links L [--seed S] [--no-layout] -o FILE\n";
    return kUsage;
}

// Reads generate's arguments into `options` and `output`; returns what is wrong with them, or empty.
QString parseArguments(const QStringList &arguments, DesignGenerator::Options &options, QString &output) {
    // Numeric options with their bounds: big enough for stress tests, small enough to stay in memory.
    struct NumberOption {
        QString name;
        qint64 min;
        qint64 max;
        std::function<void(qint64)> set;
    };
    const QList<NumberOption> numbers{
        {u"--models"_s, 0, 100000,
         [&](qint64 v) {
             options.models = int(v);
         }},
        {u"--fields"_s, 1, 500,
         [&](qint64 v) {
             options.fields = int(v);
         }},
        {u"--links"_s, 0, 1000000,
         [&](qint64 v) {
             options.links = int(v);
         }},
        {u"--seed"_s, 0, 0xffffffffLL,
         [&](qint64 v) {
             options.seed = quint32(v);
         }},
    };
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        bool inlineValue = false;
        auto [name, value] = splitOption(arguments.at(i), &inlineValue);
        if (name == u"--no-layout"_s && !inlineValue) {
            options.layout = false;
            continue;
        }
        auto takeValue = [&]() -> bool {
            if (inlineValue)
                return true;
            if (i + 1 >= arguments.size())
                return false;
            value = arguments.at(++i);
            return true;
        };
        if (name == u"-o"_s || name == u"--output"_s) {
            if (!takeValue())
                return GenerateCommand::tr("%1 needs a value").arg(name);
            output = value;
            continue;
        }
        const auto number = std::find_if(numbers.cbegin(), numbers.cend(),
                                         [&](const NumberOption &o) { return o.name == name; });
        if (number == numbers.cend())
            return GenerateCommand::tr("unknown argument \"%1\"").arg(arguments.at(i));
        if (!takeValue())
            return GenerateCommand::tr("%1 needs a value").arg(name);
        bool ok = false;
        const qint64 n = value.toLongLong(&ok);
        if (!ok || n < number->min || n > number->max)
            return GenerateCommand::tr("%1 takes a whole number from %2 to %3, not \"%4\"")
                .arg(name)
                .arg(number->min)
                .arg(number->max)
                .arg(value);
        number->set(n);
    }
    if (output.isEmpty())
        return GenerateCommand::tr("give the file to write with -o FILE");
    return {};
}

} // namespace

// `modeldesk generate --models N --fields F --links L [--seed S] [--no-layout] -o FILE`: writes a synthetic
// design for trying big schemas and for the benchmarks. The same arguments always write the same bytes.
int runGenerate(const QStringList &arguments, QTextStream &out, QTextStream &err) {
    DesignGenerator::Options options;
    QString output;
    if (const QString problem = parseArguments(arguments, options, output); !problem.isEmpty())
        return usage(err, problem);

    const Project project = DesignGenerator::generate(options);
    QString error;
    if (!ProjectFile::save(output, project, &error)) {
        err << "modeldesk generate: " << error << "\n";
        return kProblems;
    }
    out << GenerateCommand::tr("%1: %2 models, %3 fields each, %4 links")
               .arg(QDir::toNativeSeparators(output))
               .arg(project.schema.models.size())
               .arg(options.fields)
               .arg(project.schema.links.size())
        << "\n";
    return kOk;
}

} // namespace modeldesk::cli
