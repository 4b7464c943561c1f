#pragma once

#include "export/exporter.h"

#include <QList>

namespace modeldesk {

// Every export format, in the order menus and `modeldesk formats` list them. The one list both the CLI
// and the GUI use, so a format added here shows up everywhere.
class ExporterRegistry {
public:
    static const QList<const Exporter *> &all();
    // The exporter whose name() is `name` (case-insensitive), or nullptr.
    static const Exporter *find(const QString &name);
    static QStringList names();
};

} // namespace modeldesk
