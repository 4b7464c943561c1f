#include "editing/linkdraft.h"

#include "schema/resolvedschema.h"

namespace modeldesk {

namespace {

// Sequelize's Utils.combineTableNames: the two table names joined in case-insensitive order.
QString combinedTableName(const Schema &schema, const QString &a, const QString &b) {
    const Model *ma = schema.model(a);
    const Model *mb = schema.model(b);
    const QString ta = ma ? ma->effectiveTableName() : a;
    const QString tb = mb ? mb->effectiveTableName() : b;
    return ta.toLower() < tb.toLower() ? ta + tb : tb + ta;
}

} // namespace

LinkDraft draftLink(const Schema &schema, const QString &source, const QString &target, Link::Kind kind) {
    LinkDraft draft;
    Link &link = draft.link;
    link.kind = kind;
    link.source = source;
    link.target = target;
    link.as = SchemaResolver::defaultAlias(schema, link);
    // The default key is computed as if no alias was given, which is what Sequelize does for an undecorated
    // `hasOne(Target)`; writing the alias out must not change the key.
    link.foreignKey = SchemaResolver::defaultForeignKey(schema, Link{kind, source, target});
    if (kind == Link::Kind::BelongsToMany) {
        link.through = combinedTableName(schema, source, target);
        link.otherKey = SchemaResolver::defaultOtherKey(schema, link);
        Link mirror{Link::Kind::BelongsToMany, target, source};
        mirror.as = SchemaResolver::defaultAlias(schema, mirror);
        mirror.through = link.through;
        mirror.foreignKey = link.otherKey;
        mirror.otherKey = link.foreignKey;
        if (source != target)
            draft.inverse = mirror;
        return draft;
    }
    if (kind == Link::Kind::HasOne || kind == Link::Kind::HasMany) {
        Link inverse{Link::Kind::BelongsTo, target, source};
        inverse.foreignKey = link.foreignKey;
        if (source != target)
            draft.inverse = inverse;
    }
    const QString holder = link.foreignKeyOnTarget() ? target : source;
    const QString keyOwner = link.foreignKeyOnTarget() ? source : target;
    const Model *holderModel = schema.model(holder);
    const Model *keyModel = schema.model(keyOwner);
    if (holderModel && keyModel && !holderModel->field(link.foreignKey)) {
        Field field{link.foreignKey, keyModel->primaryKeyType()};
        draft.fieldModel = holder;
        draft.field = field;
    }
    return draft;
}

} // namespace modeldesk
