#include "commandline.h"

#include "designer/diagramimage.h"
#include "designer/diagramscene.h"
#include "document/document.h"
#include "export/exporterregistry.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QGuiApplication>
#include <cstring>

namespace modeldesk::cli {

using namespace Qt::StringLiterals;

QStringList exportFormatNames() {
    QStringList names = ExporterRegistry::names();
    for (const DiagramImage::FormatInfo &image : DiagramImage::formats())
        names << image.name;
    return names;
}

bool needsGuiApplication(int argc, char **argv) {
    if (argc < 3 || std::strcmp(argv[1], "export") != 0)
        return false;
    // The same spellings exportcommand.cpp accepts: --format X, -f X, --format=X.
    for (int i = 2; i < argc; ++i) {
        const QString argument = QString::fromLocal8Bit(argv[i]);
        QString format;
        if ((argument == u"--format"_s || argument == u"-f"_s) && i + 1 < argc)
            format = QString::fromLocal8Bit(argv[i + 1]);
        else if (argument.startsWith(u"--format="_s))
            format = argument.mid(9);
        if (!format.isEmpty() && DiagramImage::find(format))
            return true;
    }
    return false;
}

// `modeldesk export PROJECT --format png|svg|pdf -o FILE`: the designer's picture of the whole design, drawn
// without a window. A design with errors is still drawn (the picture shows them, as the canvas does); its
// problems are listed on stderr.
int exportImage(const QString &projectPath, const QString &formatName, const QString &output,
                QTextStream &err) {
    const DiagramImage::FormatInfo *format = DiagramImage::find(formatName);
    if (!format || !qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        // main() starts a QApplication for image formats; reaching this is a wiring mistake, not a user's.
        err << "modeldesk export: " << QCoreApplication::translate("ImageExport", "cannot draw images here")
            << "\n";
        return kProblems;
    }
    const auto project = loadProject(projectPath, err);
    if (!project)
        return kUnreadable;
    reportProblems(projectPath, *project, err);

    QString error;
    Document document;
    document.reset(*project, QFileInfo(projectPath).absoluteFilePath());
    DiagramScene scene(&document);
    if (!DiagramImage::write(&scene, format->format, DiagramImage::Scope::Everything, output, &error)) {
        err << "modeldesk export: " << projectPath << ": " << error << "\n";
        return kProblems;
    }
    return kOk;
}

} // namespace modeldesk::cli
