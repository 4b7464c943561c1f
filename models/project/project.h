#pragma once

#include "schema/schema.h"

#include <QMap>
#include <QPointF>

namespace modeldesk {

// Where things sit on the canvas. Kept apart from the schema so that moving a box never changes the design
// and exports never depend on the view.
struct Layout {
    QMap<QString, QPointF> positions; // model name -> top-left of its box, in scene coordinates
    double zoom = 1.0;
    QPointF center;

    friend bool operator==(const Layout &, const Layout &) = default;
};

// What a .modeldesk file holds.
struct Project {
    Schema schema;
    Layout layout;

    friend bool operator==(const Project &, const Project &) = default;
};

} // namespace modeldesk
