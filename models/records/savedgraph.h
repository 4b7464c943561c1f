#pragma once

#include "records/saveplan.h"
#include "schema/resolvedschema.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QVariant>

namespace modeldesk {

// The graph a save wrote, as JSON shaped like its input (Sequelize's create() result): every column each
// statement wrote, the keys the database generated, and the linked records under their aliases (a
// belongsToMany's junction values under its through model's name, as the loader returns them).
// `keys` holds the key each step generated (null where none), as PlanExecutor::run() reports them.
QJsonObject savedGraph(const ResolvedSchema &resolved, const SavePlan &plan, const QList<QVariant> &keys,
                       int record = 0);

// For a belongsToMany through a model of the design (`model`.`alias`): the step inserting each linked
// record's junction row, by the linked record's path; empty for other links.
QHash<QString, int> insertedJunctionRows(const ResolvedSchema &resolved, const SavePlan &plan,
                                         const QString &model, const QString &alias);

// savedGraph() as compact JSON text (savedgraphtext.cpp), appended to *out: byte for byte what
// QJsonDocument(savedGraph(...)).toJson(QJsonDocument::Compact) gives, without building the QJsonObject.
void appendSavedGraphJson(QByteArray *out, const ResolvedSchema &resolved, const SavePlan &plan,
                          const QList<QVariant> &keys, int record = 0);

// The models whose records appear in `graph`, a graph of `model` as save, update and load return it: the
// root's, those of the records under each link's alias, and a belongsToMany's through model where junction
// values come along. What a picker of any other model lists did not change by saving it.
QSet<QString> graphModels(const ResolvedSchema &resolved, const QString &model, const QJsonObject &graph);

} // namespace modeldesk
