#include "commandline.h"

#include "designer/diagramimage.h"
#include "export/exporterregistry.h"

#include <QCoreApplication>

namespace modeldesk::cli {

using namespace Qt::StringLiterals;

// `modeldesk formats`: the export formats, from the same registry the GUI's menus use.
int runFormats(const QStringList &arguments, QTextStream &out, QTextStream &err) {
    if (!arguments.isEmpty()) {
        err << "usage: modeldesk formats\n";
        return kUsage;
    }
    for (const Exporter *exporter : ExporterRegistry::all()) {
        QString target;
        if (exporter->producesDirectory())
            target = QCoreApplication::translate("FormatsCommand", "writes a folder: -o DIR");
        else
            target = QCoreApplication::translate("FormatsCommand", "writes .%1 to -o FILE or stdout")
                         .arg(exporter->defaultExtension());
        if (exporter->usesDialect())
            target += u"; --dialect "_s + SqlDialect::names().join(u'|');
        out << exporter->name().leftJustified(11) << exporter->description() << "\n"
            << QString(11, u' ') << "(" << target << ")\n";
    }
    for (const DiagramImage::FormatInfo &image : DiagramImage::formats())
        out << image.name.leftJustified(11) << image.description << "\n"
            << QString(11, u' ') << "("
            << QCoreApplication::translate("FormatsCommand", "writes .%1 to -o FILE; drawn without a display")
                   .arg(image.extension)
            << ")\n";
    return kOk;
}

} // namespace modeldesk::cli
