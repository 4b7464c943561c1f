#include "commandline.h"

#include "export/exporttext.h"
#include "project/projectfile.h"
#include "schema/schemavalidator.h"

namespace modeldesk::cli {

// `modeldesk validate PROJECT`: 0 when the design has no errors (warnings are printed but do not fail),
// 1 when it has errors, 2 when the file cannot be read or parsed.
int runValidate(const QStringList &arguments, QTextStream &out, QTextStream &err) {
    if (arguments.size() != 1 || arguments.first().startsWith(u'-')) {
        err << "usage: modeldesk validate PROJECT\n";
        return kUsage;
    }
    const QString path = arguments.first();
    QString error;
    const auto project = ProjectFile::load(path, &error);
    if (!project) {
        err << error << "\n";
        return kUnreadable;
    }
    const QList<Problem> problems = SchemaValidator::validate(project->schema);
    for (const Problem &problem : problems)
        out << path << ": " << exporttext::singleLine(problem.toString()) << "\n"; // one line each
    return SchemaValidator::hasErrors(problems) ? kProblems : kOk;
}

} // namespace modeldesk::cli
