#pragma once

#include "schema/link.h"
#include "schema/schema.h"

#include <QList>
#include <utility>

namespace modeldesk {

// The links that name field `oldName` of model `model` — as their foreign key (also when it is Sequelize's
// default name, which the field then matched), source key, target key, or as a belongsToMany's foreign/other
// key in a through model of the design — changed to name `newName`. Renaming a field without them would leave
// the links pointing at a field that no longer exists, and Sequelize would quietly add a second key column.
// Pairs of (link index, the link after); empty when no link names the field.
QList<std::pair<int, Link>> linksFollowingFieldRename(const Schema &schema, const QString &model,
                                                      const QString &oldName, const QString &newName);

} // namespace modeldesk
