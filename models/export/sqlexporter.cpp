#include "export/sqlexporter.h"

#include "sql/ddlgenerator.h"

#include <QCoreApplication>

namespace modeldesk {

using namespace Qt::StringLiterals;

QString SqlExporter::name() const {
    return u"sql"_s;
}

QString SqlExporter::description() const {
    return QCoreApplication::translate("SqlExporter",
                                       "SQL DDL script (CREATE TABLE ...) for SQLite, PostgreSQL or MySQL");
}

QString SqlExporter::defaultExtension() const {
    return u"sql"_s;
}

QString SqlExporter::fileFilter() const {
    return QCoreApplication::translate("SqlExporter", "SQL script (*.sql)");
}

std::optional<ExportFiles> SqlExporter::render(const Project &project, const ExportOptions &options,
                                               QString *) const {
    const DdlGenerator generator(options.dialect);
    const QString script = generator.script(SchemaResolver::resolve(project.schema), options.origin);
    return ExportFiles{{QString(), script.toUtf8()}};
}

} // namespace modeldesk
