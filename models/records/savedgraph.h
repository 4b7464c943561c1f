#pragma once

#include "records/saveplan.h"
#include "schema/resolvedschema.h"

#include <QJsonObject>
#include <QList>
#include <QVariant>

namespace modeldesk {

// The graph a save wrote, as JSON shaped like its input (Sequelize's create() result): every column each
// statement wrote, the keys the database generated, and the linked records under their aliases.
// `keys` holds the key each step generated (null where none), as PlanExecutor::run() reports them.
QJsonObject savedGraph(const ResolvedSchema &resolved, const SavePlan &plan, const QList<QVariant> &keys,
                       int record = 0);

} // namespace modeldesk
