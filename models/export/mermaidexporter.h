#pragma once

#include "export/exporter.h"

namespace modeldesk {

// A Mermaid `erDiagram`: an entity per table with its columns (Sequelize type, name, PK/FK/UK markers,
// comment), and a relationship per link labelled with its alias. Cardinalities follow the link and the
// foreign key column: hasOne `||--o|`, hasMany `||--o{`, belongsToMany `}o--o{`, belongsTo `}o--||`; a
// nullable foreign key makes its "one" side `|o` (zero or one). Entity names are quoted (or aliased when
// Mermaid cannot quote them), attribute names put in backticks when not plain, as Mermaid 11 reads them.
class MermaidExporter : public Exporter {
public:
    QString name() const override;
    QString description() const override;
    QString defaultExtension() const override;
    QString fileFilter() const override;
    std::optional<ExportFiles> render(const Project &project, const ExportOptions &options,
                                      QString *error) const override;
};

} // namespace modeldesk
