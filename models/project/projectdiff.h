#pragma once

#include "project/project.h"

#include <QCoreApplication>
#include <QStringList>

namespace modeldesk {

// What differs between two versions of a project, in words a person checks before choosing one: models,
// fields and links added, removed or changed, and how many boxes moved. Used when recovered work is compared
// with the file on disk. Models and fields are matched by name, links by kind, ends and alias.
struct ProjectDiff {
    Q_DECLARE_TR_FUNCTIONS(ProjectDiff)

public:
    struct ModelChange {
        QString model;
        QStringList fieldsAdded;
        QStringList fieldsRemoved;
        QStringList fieldsChanged; // "price (type DECIMAL(10,2) → DECIMAL(12,2))"
        QStringList optionsChanged;
        friend bool operator==(const ModelChange &, const ModelChange &) = default;
    };

    QStringList modelsAdded;
    QStringList modelsRemoved;
    QList<ModelChange> modelsChanged;
    QStringList linksAdded; // "customer hasMany order as orders"
    QStringList linksRemoved;
    QStringList linksChanged; // "customer hasMany order as orders (onDelete)"
    int boxesMoved = 0;

    bool isEmpty() const;
    // One line per difference, translated; "No differences." when there are none.
    QStringList lines() const;

    // What `after` changes relative to `before`.
    static ProjectDiff compare(const Project &before, const Project &after);
};

} // namespace modeldesk
