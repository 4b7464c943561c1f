#include "schema/linkfacts.h"

namespace modeldesk::linkfacts {

const Table *foreignKeyTable(const ResolvedSchema &schema, const ResolvedLink &link) {
    switch (link.kind) {
    case Link::Kind::HasOne:
    case Link::Kind::HasMany:
        return schema.tableForModel(link.target);
    case Link::Kind::BelongsTo:
        return schema.tableForModel(link.source);
    case Link::Kind::BelongsToMany:
        return schema.table(link.throughTable);
    }
    return nullptr;
}

const Column *foreignKeyColumn(const ResolvedSchema &schema, const ResolvedLink &link) {
    const Table *table = foreignKeyTable(schema, link);
    return table ? table->column(link.foreignKeyColumn) : nullptr;
}

LinkActions effectiveActions(const ResolvedSchema &schema, const ResolvedLink &link) {
    const Column *column = foreignKeyColumn(schema, link);
    if (column && column->references)
        return {column->references->onDelete, column->references->onUpdate};
    return {link.onDelete, link.onUpdate};
}

int decidingLink(const ResolvedSchema &schema, const ResolvedLink &link) {
    const Table *table = foreignKeyTable(schema, link);
    const Column *column = foreignKeyColumn(schema, link);
    if (!table || !column)
        return -1;
    int first = -1;
    for (const ResolvedLink &other : schema.links)
        if (foreignKeyTable(schema, other) == table && foreignKeyColumn(schema, other) == column &&
            (first < 0 || other.index < first))
            first = other.index;
    return first;
}

QStringList keysSetByLinks(const ResolvedSchema &schema, const QString &model, const QString &parent) {
    QStringList keys;
    for (const ResolvedLink &link : schema.links) {
        if (link.kind == Link::Kind::BelongsTo && link.source == model)
            keys << link.foreignKey;
        if (link.foreignKey.isEmpty() || link.target != model)
            continue;
        if ((link.kind == Link::Kind::HasOne || link.kind == Link::Kind::HasMany) && !parent.isEmpty() &&
            parent == link.source)
            keys << link.foreignKey;
    }
    return keys;
}

bool mirrorsParentLink(const ResolvedSchema &schema, const ResolvedLink &link, const QString &model,
                       const QString &parent) {
    if (parent.isEmpty() || link.target != parent)
        return false;
    for (const ResolvedLink &other : schema.links)
        if ((other.kind == Link::Kind::HasOne || other.kind == Link::Kind::HasMany) &&
            other.source == link.target && other.target == model && other.foreignKey == link.foreignKey)
            return true;
    return false;
}

QList<Field> junctionFields(const Schema &schema, const ResolvedLink &link) {
    QList<Field> fields;
    const Model *through = link.throughModel.isEmpty() ? nullptr : schema.model(link.throughModel);
    if (!through)
        return fields;
    for (const Field &field : through->fields)
        if (field.name != link.foreignKey && field.name != link.otherKey)
            fields << field;
    return fields;
}

} // namespace modeldesk::linkfacts
