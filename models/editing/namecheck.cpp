#include "editing/namecheck.h"

#include "schema/resolvedschema.h"

#include <QCoreApplication>

namespace modeldesk::NameCheck {

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("NameCheck", text);
}

QString aliasOf(const Schema &schema, const Link &link) {
    return link.as.isEmpty() ? SchemaResolver::defaultAlias(schema, link) : link.as;
}
} // namespace

QString modelName(const Schema &schema, int modelIndex, const QString &name) {
    if (name.trimmed().isEmpty())
        return tr("A model needs a name.");
    if (name != name.trimmed())
        return tr("A model name cannot start or end with a space.");
    for (int i = 0; i < schema.models.size(); ++i) {
        const QString &other = schema.models.at(i).name;
        if (i == modelIndex || other.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        return other == name ? tr("There is already a model named “%1”.").arg(other)
                             : tr("There is already a model named “%1” (model names are compared ignoring "
                                  "case).")
                                   .arg(other);
    }
    return {};
}

QStringList aliasesFrom(const Schema &schema, const QString &model) {
    QStringList aliases;
    for (const Link &link : schema.links)
        if (link.source == model)
            aliases << aliasOf(schema, link);
    return aliases;
}

QString fieldName(const Model &model, int fieldIndex, const QString &name, const QStringList &aliases) {
    if (name.trimmed().isEmpty())
        return tr("A field needs a name.");
    if (name != name.trimmed())
        return tr("A field name cannot start or end with a space.");
    const QString column = model.columnName(name);
    if (model.timestamps) {
        QStringList stamps{model.createdAtName(), model.updatedAtName()};
        if (model.paranoid)
            stamps << model.deletedAtName();
        for (const QString &stamp : std::as_const(stamps))
            if (stamp.compare(column, Qt::CaseInsensitive) == 0)
                return tr("“%1” is the timestamp column Sequelize adds to %2; pick another name or turn "
                          "timestamps off.")
                    .arg(stamp, model.name);
    }
    if (aliases.contains(name))
        return tr("“%1” is the alias of a link of %2; Sequelize refuses a field named like a link.")
            .arg(name, model.name);
    for (int i = 0; i < model.fields.size(); ++i) {
        const QString &other = model.fields.at(i).name;
        if (i != fieldIndex && model.columnName(other).compare(column, Qt::CaseInsensitive) == 0)
            return other == name
                       ? tr("%1 already has a field named “%2”.").arg(model.name, other)
                       : tr("%1 already has a field “%2” stored in the same column.").arg(model.name, other);
    }
    return {};
}

QString alias(const Schema &schema, int linkIndex, const QString &alias) {
    if (linkIndex < 0 || linkIndex >= schema.links.size())
        return {};
    if (alias != alias.trimmed())
        return tr("An alias cannot start or end with a space.");
    Link link = schema.links.at(linkIndex);
    link.as = alias;
    const QString effective = aliasOf(schema, link);
    for (int i = 0; i < schema.links.size(); ++i) {
        const Link &other = schema.links.at(i);
        if (i == linkIndex || other.source != link.source || aliasOf(schema, other) != effective)
            continue;
        return tr("%1 already has a link named “%2” (to %3); each link of a model needs its own alias.")
            .arg(link.source, effective, other.target);
    }
    if (const Model *source = schema.model(link.source); source && source->field(effective))
        return tr("“%1” is a field of %2; Sequelize refuses an alias that collides with a field.")
            .arg(effective, link.source);
    return {};
}

} // namespace modeldesk::NameCheck
