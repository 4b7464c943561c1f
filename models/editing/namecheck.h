#pragma once

#include "schema/schema.h"

#include <QString>

namespace modeldesk {

// Whether a name can be given at an edit, decided by the same rules the validator reports on a whole design,
// so that an edit can never store what the validator would call an error: a model name is unique among the
// models (ignoring case, as table names are on some engines), a field name unique among its model's
// attributes (the timestamp columns Sequelize adds included), an alias unique among the links that start at
// the same model (the default aliases of the others included) and not the name of one of its fields. Each
// check answers with the message to show the user, or an empty string when the name is fine. An index names
// what is being renamed, so that keeping the current name is always fine.
namespace NameCheck {

QString modelName(const Schema &schema, int modelIndex, const QString &name);
// `aliases`: those of the links that start at the model (see aliasesFrom), which a field may not take either.
QString fieldName(const Model &model, int fieldIndex, const QString &name, const QStringList &aliases = {});
// The aliases of the links that start at model `model` (Sequelize's defaults where none is given).
QStringList aliasesFrom(const Schema &schema, const QString &model);
// `alias` empty means "Sequelize's default alias", checked as that default.
QString alias(const Schema &schema, int linkIndex, const QString &alias);

} // namespace NameCheck

} // namespace modeldesk
