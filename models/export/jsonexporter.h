#pragma once

#include "export/exporter.h"

#include <QJsonObject>

namespace modeldesk {

// The normalized schema as JSON: what the design becomes in a database, with every Sequelize default
// resolved (table names, implied id, timestamps, foreign key columns, junction tables, aliases, keys,
// effective ON DELETE/ON UPDATE). For tools that want the facts without re-implementing Sequelize's rules.
// The shape is documented in docs/export-formats.md; keys are sorted, so output is stable.
class JsonExporter : public Exporter {
public:
    static constexpr int kFormatVersion = 1;

    QString name() const override;
    QString description() const override;
    QString defaultExtension() const override;
    QString fileFilter() const override;
    std::optional<ExportFiles> render(const Project &project, const ExportOptions &options,
                                      QString *error) const override;

    static QJsonObject toJson(const Schema &schema, const QString &origin);
};

} // namespace modeldesk
