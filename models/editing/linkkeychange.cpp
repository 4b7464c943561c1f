#include "editing/linkkeychange.h"

#include "schema/resolvedschema.h"

namespace modeldesk {

namespace {

QString effectiveForeignKey(const Schema &schema, const Link &link) {
    return link.foreignKey.isEmpty() ? SchemaResolver::defaultForeignKey(schema, link) : link.foreignKey;
}

QString holderOf(const Link &link) {
    return link.foreignKeyOnTarget() ? link.target : link.source;
}

// Whether a link other than `skipA`/`skipB` relies on the attribute `attribute` of model `modelName`.
bool attributeUsedElsewhere(const Schema &schema, const QString &modelName, const QString &attribute,
                            int skipA, int skipB) {
    for (int i = 0; i < schema.links.size(); ++i) {
        const Link &other = schema.links.at(i);
        if (i == skipA || i == skipB)
            continue;
        if (other.kind != Link::Kind::BelongsToMany && holderOf(other) == modelName &&
            effectiveForeignKey(schema, other) == attribute)
            return true;
        if ((other.source == modelName && other.sourceKey == attribute) ||
            (other.target == modelName && other.targetKey == attribute))
            return true;
    }
    return false;
}

// The member of the mirror that holds the same key as `key` of the link, or nullptr.
QString Link::*sharedMember(const Link &link, const Link &mirror, QString Link::*key) {
    const bool bothToMany =
        link.kind == Link::Kind::BelongsToMany && mirror.kind == Link::Kind::BelongsToMany;
    if (bothToMany && key == &Link::foreignKey)
        return &Link::otherKey;
    if (bothToMany && key == &Link::otherKey)
        return &Link::foreignKey;
    if (bothToMany && key == &Link::through)
        return &Link::through;
    if (!bothToMany && key == &Link::foreignKey)
        return &Link::foreignKey;
    return nullptr;
}

} // namespace

LinkKeyChange LinkKeyChange::plan(const Schema &schema, int index, int mirrorIndex, QString Link::*key,
                                  const QString &value) {
    const Link &before = schema.links.at(index);
    LinkKeyChange change;
    change.after = before;
    change.after.*key = value;
    if (mirrorIndex >= 0 && mirrorIndex < schema.links.size() && mirrorIndex != index) {
        const Link &mirror = schema.links.at(mirrorIndex);
        if (QString Link::*shared = sharedMember(before, mirror, key);
            shared && mirror.*shared == before.*key) {
            change.mirrorIndex = mirrorIndex;
            change.mirrorAfter = mirror;
            change.mirrorAfter.value().*shared = value;
        }
    }
    if (key != &Link::foreignKey || before.kind == Link::Kind::BelongsToMany)
        return change;
    const QString oldKey = effectiveForeignKey(schema, before);
    const QString newKey = effectiveForeignKey(schema, change.after);
    const Model *holder = schema.model(holderOf(before));
    if (holder && !newKey.isEmpty() && oldKey != newKey && holder->field(oldKey) && !holder->field(newKey) &&
        !attributeUsedElsewhere(schema, holder->name, oldKey, index, mirrorIndex)) {
        change.holderBefore = *holder;
        change.holderAfter = *holder;
        change.holderAfter->field(oldKey)->name = newKey;
        change.renamedField = newKey;
    }
    return change;
}

} // namespace modeldesk
