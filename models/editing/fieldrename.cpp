#include "editing/fieldrename.h"

#include "schema/resolvedschema.h"

namespace modeldesk {

QList<std::pair<int, Link>> linksFollowingFieldRename(const Schema &schema, const QString &model,
                                                      const QString &oldName, const QString &newName) {
    QList<std::pair<int, Link>> changed;
    if (oldName == newName)
        return changed;
    for (int i = 0; i < schema.links.size(); ++i) {
        const Link &before = schema.links.at(i);
        Link after = before;
        if (before.kind == Link::Kind::BelongsToMany) {
            // Only a through model of the design has fields; a generated junction table has none to rename.
            if (before.through == model) {
                if (before.foreignKey == oldName)
                    after.foreignKey = newName;
                if (before.otherKey == oldName)
                    after.otherKey = newName;
            }
        } else {
            const QString holder = before.foreignKeyOnTarget() ? before.target : before.source;
            const QString foreignKey = before.foreignKey.isEmpty()
                                           ? SchemaResolver::defaultForeignKey(schema, before)
                                           : before.foreignKey;
            if (holder == model && foreignKey == oldName)
                after.foreignKey = newName;
        }
        if (before.source == model && before.sourceKey == oldName)
            after.sourceKey = newName;
        if (before.target == model && before.targetKey == oldName)
            after.targetKey = newName;
        if (!(after == before))
            changed.append({i, after});
    }
    return changed;
}

} // namespace modeldesk
