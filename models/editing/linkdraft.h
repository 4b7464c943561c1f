#pragma once

#include "schema/schema.h"

#include <optional>

namespace modeldesk {

// What drawing a link from one model to another adds to a design, decided the way Sequelize would name
// things: the link with its default alias and foreign key written out (so the user sees and can edit them),
// the inverse link people declare next to it (hasOne/hasMany come with a belongsTo, belongsToMany with its
// mirror), and the foreign key field when the holding model does not have it yet.
struct LinkDraft {
    Link link;
    std::optional<Link> inverse;
    QString fieldModel;         // the model that gets the foreign key field, when one is added
    std::optional<Field> field; // the foreign key field to add
};

LinkDraft draftLink(const Schema &schema, const QString &source, const QString &target, Link::Kind kind);

} // namespace modeldesk
