#include "commandline.h"

namespace modeldesk::cli {

// `modeldesk validate PROJECT`: 0 when the design has no errors (warnings are printed but do not fail),
// 1 when it has errors, 2 when the file cannot be read or parsed.
int runValidate(const QStringList &arguments, QTextStream &out, QTextStream &err) {
    if (arguments.size() != 1 || arguments.first().startsWith(u'-')) {
        err << "usage: modeldesk validate PROJECT\n";
        return kUsage;
    }
    const QString path = arguments.first();
    const auto project = loadProject(path, err);
    if (!project)
        return kUnreadable;
    return reportProblems(path, *project, out) ? kProblems : kOk;
}

} // namespace modeldesk::cli
