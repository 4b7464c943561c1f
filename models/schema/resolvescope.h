#pragma once

#include "schema/resolvedschema.h"

#include <QHash>
#include <QSet>
#include <optional>

namespace modeldesk {

// What one edit touched, by name: the models it added, removed or changed (a rename: both names), the models
// named by the links it added, removed or changed, and the table names those models had before and after it
// (a belongsToMany's `through` may name a table rather than a model).
struct SchemaTouch {
    QSet<QString> models;
    QSet<QString> tableNames;
    bool everything = false; // a new design: nothing to narrow down

    void addLink(const Link &link) {
        models << link.source << link.target;
        if (!link.through.isEmpty()) {
            models << link.through;
            tableNames << link.through;
        }
    }
};

// Which models carry each table name (Model::effectiveTableName), kept up to date by whoever owns the design
// model by model: computing every table name again costs an inflection per model on every edit.
class TableNames {
public:
    void reset(const QList<Model> &models);
    void add(const Model &model) { mModels[model.effectiveTableName()].append(model.name); }
    void remove(const Model &model);
    // The names of the models whose table is `table`, in no particular order.
    QStringList models(const QString &table) const { return mModels.value(table); }

private:
    QHash<QString, QStringList> mModels;
};

// Resolving only where an edit can have changed a design. A whole resolve of a big design costs tens of
// milliseconds and an edit touches a few models; the canvas and the properties need those few tables, exactly
// as SchemaResolver::resolve gives them.
//
// Why a part is enough: a model's table is its own columns plus what each link that writes into it adds, in
// link order (hasOne/hasMany write into the target, belongsTo into the source, belongsToMany into a junction
// model). Such a link reads only the name and type of one key column of another model's table; a column the
// model declares (or its implied id or timestamps) never changes name or type after it is made, so that read
// depends on the other model alone. Only a key that a link adds, or a model that is itself a junction, makes
// a table depend on the other table's links too — and those are followed.
class ResolveScope {
public:
    // The models whose tables may differ after an edit that touched `touch` (on the design after the edit).
    // Nullopt when two models share a name (the design is broken; resolve everything).
    // `tableNames`, when given, must describe `schema`; without it every table name is computed.
    static std::optional<QSet<QString>> affectedModels(const Schema &schema, const SchemaTouch &touch,
                                                       const TableNames *tableNames = nullptr);
    // The tables of `models` (by model name; a name without a model is left out), equal to what
    // SchemaResolver::resolve(schema) gives them, resolving only the part of the design they depend on.
    // Nullopt when two models share a name.
    static std::optional<QHash<QString, Table>>
    resolveModels(const Schema &schema, const QSet<QString> &models, const TableNames *tableNames = nullptr);
    // The two above in one: the tables of every model an edit can have changed, resolved.
    static std::optional<QHash<QString, Table>>
    resolveAffected(const Schema &schema, const SchemaTouch &touch, const TableNames *tableNames = nullptr);
};

} // namespace modeldesk
