#pragma once

#include "schema/resolvedschema.h"

#include <QList>
#include <QString>
#include <QStringList>

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
// The link (its index into Schema::links) whose options decided the constraint on `link`'s foreign key
// column: the first one that defines the column. `link.index` itself when it decides, -1 when unknown.
int decidingLink(const ResolvedSchema &schema, const ResolvedLink &link);

// The foreign keys of `model` that links fill in rather than a person: those a belongsTo sets, and the one
// by which `parent` (the model it is entered under; empty for none) holds it through a hasOne/hasMany.
QStringList keysSetByLinks(const ResolvedSchema &schema, const QString &model, const QString &parent);

// True when `link`, from `model`, is the belongsTo that mirrors the hasOne/hasMany by which `parent` holds
// `model` (the same foreign key): under that parent it could only name the parent again.
bool mirrorsParentLink(const ResolvedSchema &schema, const ResolvedLink &link, const QString &model,
                       const QString &parent);

// The fields of a belongsToMany's through model besides its two keys: what each linked pair carries
// (orderItem's quantity and unitPrice). Empty for a junction Sequelize defines itself.
QList<Field> junctionFields(const Schema &schema, const ResolvedLink &link);

} // namespace modeldesk::linkfacts
