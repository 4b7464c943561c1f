#pragma once

#include "schema/link.h"
#include "schema/model.h"

#include <QList>

namespace modeldesk {

// The whole design: models and the links between them, in declaration order (which matters: as in
// Sequelize, the first link that defines a foreign key column decides its constraint).
struct Schema {
    QList<Model> models;
    QList<Link> links;

    const Model *model(const QString &name) const;
    Model *model(const QString &name);
    int modelIndex(const QString &name) const;

    friend bool operator==(const Schema &, const Schema &) = default;
};

} // namespace modeldesk
