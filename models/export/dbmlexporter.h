#pragma once

#include "export/exporter.h"

namespace modeldesk {

// DBML for dbdiagram.io: a Table per table (columns with pk, increment, not null, unique, default and
// note settings), an Enum per ENUM column, and a Ref per foreign key with its delete/update actions.
// Names are always double-quoted and escaped as the current DBML parser (@dbml/parse) reads them; column
// types are those of the chosen SQL dialect.
class DbmlExporter : public Exporter {
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
