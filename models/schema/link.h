#pragma once

#include <QString>
#include <optional>

namespace modeldesk {

// An association between two models, as `Source.hasOne(Target, {as, foreignKey, ...})` declares it.
// Empty strings mean "Sequelize's default"; SchemaResolver computes the effective values.
struct Link {
    enum class Kind { HasOne, BelongsTo, HasMany, BelongsToMany };

    Kind kind = Kind::HasOne;
    QString source;
    QString target;
    QString as;
    QString foreignKey;
    QString otherKey;  // belongsToMany: the junction column pointing at the target
    QString sourceKey; // hasOne/hasMany/belongsToMany: the source attribute the FK refers to
    QString targetKey; // belongsTo/belongsToMany: the target attribute the FK refers to
    QString through;   // belongsToMany: a model name in the schema, or a junction table name
    QString onDelete;  // CASCADE, SET NULL, RESTRICT, NO ACTION, SET DEFAULT
    QString onUpdate;
    QString id; // the stable id (schema/schemaids.h)

    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);
    static QStringList referentialActions();

    // The side holding the foreign key column, for hasOne/hasMany the target, for belongsTo the source.
    bool foreignKeyOnTarget() const { return kind == Kind::HasOne || kind == Kind::HasMany; }
    bool isToMany() const { return kind == Kind::HasMany || kind == Kind::BelongsToMany; }

    friend bool operator==(const Link &, const Link &) = default;
};

} // namespace modeldesk
