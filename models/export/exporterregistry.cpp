#include "export/exporterregistry.h"

#include "export/dbmlexporter.h"
#include "export/jsonexporter.h"
#include "export/mermaidexporter.h"
#include "export/sequelizeexporter.h"
#include "export/sqlexporter.h"

#include <memory>
#include <vector>

namespace modeldesk {

const QList<const Exporter *> &ExporterRegistry::all() {
    // Created once and never destroyed before exit; exporters are stateless.
    static const std::vector<std::unique_ptr<const Exporter>> owned = [] {
        std::vector<std::unique_ptr<const Exporter>> v;
        v.push_back(std::make_unique<SqlExporter>());
        v.push_back(std::make_unique<SequelizeExporter>());
        v.push_back(std::make_unique<DbmlExporter>());
        v.push_back(std::make_unique<MermaidExporter>());
        v.push_back(std::make_unique<JsonExporter>());
        return v;
    }();
    static const QList<const Exporter *> list = [] {
        QList<const Exporter *> l;
        for (const auto &exporter : owned)
            l.append(exporter.get());
        return l;
    }();
    return list;
}

const Exporter *ExporterRegistry::find(const QString &name) {
    for (const Exporter *exporter : all())
        if (exporter->name().compare(name, Qt::CaseInsensitive) == 0)
            return exporter;
    return nullptr;
}

QStringList ExporterRegistry::names() {
    QStringList list;
    for (const Exporter *exporter : all())
        list << exporter->name();
    return list;
}

} // namespace modeldesk
