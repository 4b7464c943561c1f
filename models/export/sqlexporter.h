#pragma once

#include "export/exporter.h"

namespace modeldesk {

// The SQL DDL script for one dialect (sqlite, postgres, mysql): exactly what DdlGenerator gives the save
// controller's sync, so an exported script and a synced database cannot differ.
class SqlExporter : public Exporter {
public:
    QString name() const override;
    QString description() const override;
    QString defaultExtension() const override;
    QString fileFilter() const override;
    bool usesDialect() const override { return true; }
    std::optional<ExportFiles> render(const Project &project, const ExportOptions &options,
                                      QString *error) const override;
};

} // namespace modeldesk
