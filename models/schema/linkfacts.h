#pragma once

#include "schema/resolvedschema.h"

#include <QString>

namespace modeldesk::linkfacts {

// Facts about where a link lives in the tables, computed one way so that the exports, the importers and
// the records layer never disagree.

// The table holding a link's foreign key (the target for hasOne/hasMany, the source for belongsTo, the
// junction for belongsToMany) and the foreign key column in it.
const Table *foreignKeyTable(const ResolvedSchema &schema, const ResolvedLink &link);
const Column *foreignKeyColumn(const ResolvedSchema &schema, const ResolvedLink &link);

// The ON DELETE / ON UPDATE actions that the database enforces for a link: those of the constraint on its
// foreign key column. They can differ from what the link alone would ask for, because the first link that
// defines a column decides its constraint (as in Sequelize); exports state these so they match the DDL.
struct LinkActions {
    QString onDelete;
    QString onUpdate;
};
LinkActions effectiveActions(const ResolvedSchema &schema, const ResolvedLink &link);

} // namespace modeldesk::linkfacts
