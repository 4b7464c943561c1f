#pragma once

#include "import/schemainference.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace modeldesk {

// What a person decided before an import (File ▸ Import from Database…): which tables to take, and for the
// links the inference made, another kind (a hasOne that should be a hasMany, or the reverse) or another
// alias. The choices are kept by what each link joins, not by its position, so that they survive a change of
// the table selection (which re-runs the inference and can renumber the links).
struct ImportChoices {
    QStringList tables; // the tables to import, in any order; a name the catalog lacks is ignored

    struct LinkChoice {
        Link::Kind kind;
        QString as;
    };
    QHash<QString, LinkChoice> links; // by linkKey() of the link as inferred

    // Who a link is: its inferred kind, models, keys and junction (the alias is what a person may change).
    static QString linkKey(const Link &inferred);
    // The kinds an inferred link may be given: hasOne and hasMany are one foreign key read either way; a
    // belongsTo or belongsToMany keeps its kind (another would need other tables).
    static QList<Link::Kind> kindsFor(const Link &inferred);
    // The alias a link gets when its kind changes and the person has not named it: "order" <-> "orders".
    static QString aliasForKind(const QString &alias, Link::Kind kind);

    // The tables of `catalog` that are chosen, with what refers to the others left as plain columns (the
    // inference warns about those, as `import --tables` does).
    DatabaseCatalog select(const DatabaseCatalog &catalog) const;
    // The design of the chosen tables with the link choices applied; evidence stays with its link. *keys
    // (when given) gets each link's linkKey() as inferred, in link order.
    ImportResult apply(const DatabaseCatalog &catalog, QStringList *keys = nullptr) const;
};

} // namespace modeldesk
