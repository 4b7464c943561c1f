#pragma once

#include "schema/link.h"

#include <QList>

namespace modeldesk {

// One edge of the diagram: a link, and the link that mirrors it on the same edge (or -1).
struct LinkEdge {
    int link = -1;
    int mirror = -1;
};

// Which links the designer draws as one edge: a hasOne/hasMany and the belongsTo that mirrors it (the same
// two models, the same foreign key), and two belongsToMany through the same junction. Each link pairs with
// the first later link, not yet paired, that mirrors it. Returns one edge per drawn link, in link order;
// a mirror is not listed on its own. Linear in the number of links: big designs have thousands.
QList<LinkEdge> pairLinks(const QList<Link> &links);

} // namespace modeldesk
