#pragma once

#include "schema/schema.h"

#include <optional>

namespace modeldesk {

// What changing one key of a link (foreignKey, otherKey, through, ...) changes with it, so that the link
// editor can push it as one undo macro:
// - the mirrored link drawn as the same edge keeps sharing the key when it shared it before (a belongsTo
//   has the same foreignKey; a belongsToMany mirror has foreignKey and otherKey swapped and the same
//   through);
// - the foreign key field that drawing the link declared is renamed with the key, unless another link relies
//   on the old name or the new one is taken.
struct LinkKeyChange {
    Link after;
    int mirrorIndex = -1;
    std::optional<Link> mirrorAfter;
    std::optional<Model> holderBefore; // the model whose key field is renamed
    std::optional<Model> holderAfter;
    QString renamedField; // its new name

    bool isCompound() const { return mirrorAfter || holderAfter; }

    // `mirrorIndex` is the link drawn on the same edge as `index`, or -1.
    static LinkKeyChange plan(const Schema &schema, int index, int mirrorIndex, QString Link::*key,
                              const QString &value);
};

} // namespace modeldesk
