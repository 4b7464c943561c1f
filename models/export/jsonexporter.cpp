#include "export/jsonexporter.h"

#include "export/exporttext.h"
#include "schema/linkfacts.h"
#include "schema/resolvedschema.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

QJsonValue stringOrNull(const QString &text) {
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonArray stringArray(const QStringList &list) {
    QJsonArray out;
    for (const QString &s : list)
        out.append(s);
    return out;
}

QString originName(Column::Origin origin) {
    switch (origin) {
    case Column::Origin::Declared:
        return u"declared"_s;
    case Column::Origin::ImpliedId:
        return u"impliedId"_s;
    case Column::Origin::Timestamp:
        return u"timestamp"_s;
    case Column::Origin::ForeignKey:
        return u"foreignKey"_s;
    }
    return {};
}

// The type with Sequelize's implicit parameters spelled out (STRING -> STRING(255)).
QString effectiveType(const DataType &type) {
    DataType t = type;
    if (t.kind == DataType::Kind::String || t.kind == DataType::Kind::Char)
        t.length = t.effectiveLength();
    return t.toString();
}

QJsonObject columnJson(const Table &table, const Column &column) {
    QJsonObject sqlTypes;
    for (const QString &dialectName : SqlDialect::names())
        sqlTypes.insert(dialectName, SqlDialect::fromName(dialectName)->columnType(table, column));
    QJsonObject out{
        {u"name"_s, column.name},
        {u"attribute"_s, column.attribute},
        {u"type"_s, effectiveType(column.type)},
        {u"sqlTypes"_s, sqlTypes},
        {u"nullable"_s, column.nullable},
        {u"primaryKey"_s, column.primaryKey},
        {u"autoIncrement"_s, column.autoIncrement},
        {u"unique"_s, column.unique},
        {u"hasDefault"_s, column.hasDefault()},
        {u"default"_s, column.hasDefault() ? column.defaultValue : QJsonValue(QJsonValue::Null)},
        {u"comment"_s, stringOrNull(column.comment)},
        {u"origin"_s, originName(column.origin)},
        {u"references"_s, QJsonValue(QJsonValue::Null)},
    };
    if (column.type.kind == DataType::Kind::Enum)
        out.insert(u"values"_s, stringArray(column.type.values));
    if (column.references)
        out.insert(u"references"_s, QJsonObject{{u"table"_s, column.references->table},
                                                {u"column"_s, column.references->column},
                                                {u"onDelete"_s, column.references->onDelete},
                                                {u"onUpdate"_s, column.references->onUpdate}});
    return out;
}

QJsonObject tableJson(const Table &table) {
    QJsonArray columns;
    for (const Column &column : table.columns)
        columns.append(columnJson(table, column));
    QJsonArray uniqueKeys;
    for (const QStringList &key : table.uniqueKeys)
        uniqueKeys.append(stringArray(key));
    return QJsonObject{
        {u"name"_s, table.name},
        {u"model"_s, stringOrNull(table.model)},
        {u"comment"_s, stringOrNull(table.comment)},
        {u"columns"_s, columns},
        {u"primaryKey"_s, stringArray(table.primaryKey)},
        {u"uniqueKeys"_s, uniqueKeys},
        {u"timestamps"_s, QJsonObject{{u"createdAt"_s, stringOrNull(table.createdAtColumn)},
                                      {u"updatedAt"_s, stringOrNull(table.updatedAtColumn)},
                                      {u"deletedAt"_s, stringOrNull(table.deletedAtColumn)}}},
    };
}

QJsonObject linkJson(const ResolvedSchema &schema, const ResolvedLink &link) {
    const Table *holder = linkfacts::foreignKeyTable(schema, link);
    const linkfacts::LinkActions actions = linkfacts::effectiveActions(schema, link);
    return QJsonObject{
        {u"index"_s, link.index},
        {u"kind"_s, Link::kindName(link.kind)},
        {u"source"_s, link.source},
        {u"target"_s, link.target},
        {u"as"_s, link.as},
        {u"foreignKey"_s, link.foreignKey},
        {u"foreignKeyTable"_s, holder ? QJsonValue(holder->name) : QJsonValue(QJsonValue::Null)},
        {u"foreignKeyColumn"_s, link.foreignKeyColumn},
        {u"otherKey"_s, stringOrNull(link.otherKey)},
        {u"otherKeyColumn"_s, stringOrNull(link.otherKeyColumn)},
        {u"sourceKey"_s, stringOrNull(link.sourceKey)},
        {u"targetKey"_s, stringOrNull(link.targetKey)},
        {u"through"_s, stringOrNull(link.throughTable)},
        {u"throughModel"_s, stringOrNull(link.throughModel)},
        {u"onDelete"_s, actions.onDelete},
        {u"onUpdate"_s, actions.onUpdate},
    };
}

} // namespace

QString JsonExporter::name() const {
    return u"json"_s;
}

QString JsonExporter::description() const {
    return QCoreApplication::translate(
        "JsonExporter", "normalized schema as JSON (tables, columns and links with every default resolved)");
}

QString JsonExporter::defaultExtension() const {
    return u"json"_s;
}

QString JsonExporter::fileFilter() const {
    return QCoreApplication::translate("JsonExporter", "JSON (*.json)");
}

QJsonObject JsonExporter::toJson(const Schema &schema, const QString &origin) {
    const ResolvedSchema resolved = SchemaResolver::resolve(schema);
    QJsonArray tables;
    for (const Table &table : resolved.tables)
        tables.append(tableJson(table));
    QJsonArray links;
    for (const ResolvedLink &link : resolved.links)
        links.append(linkJson(resolved, link));
    return QJsonObject{
        {u"format"_s, u"modeldesk-schema"_s},
        {u"version"_s, kFormatVersion},
        {u"generatedBy"_s, exporttext::generatedBy(origin)},
        {u"tables"_s, tables},
        {u"links"_s, links},
    };
}

std::optional<ExportFiles> JsonExporter::render(const Project &project, const ExportOptions &options,
                                                QString *) const {
    const QJsonDocument document(toJson(project.schema, options.origin));
    return ExportFiles{{QString(), document.toJson(QJsonDocument::Indented)}};
}

} // namespace modeldesk
