#pragma once

#include "schema/schema.h"

#include <QMap>
#include <QPointF>
#include <QSizeF>

namespace modeldesk {

// Places model boxes in layers so that parents sit above their children (the model holding a foreign key goes
// below the model it refers to), with few crossings (barycenter sweeps) and short links. Linear-ish in the
// size of the design; wide layers wrap into several rows so big designs keep a readable aspect ratio.
class AutoLayout {
public:
    struct Options {
        double horizontalGap = 60;
        double verticalGap = 90;
        int sweeps = 4;
    };

    // sizes: the box size of every model (models missing from it get a default size).
    static QMap<QString, QPointF> arrange(const Schema &schema, const QMap<QString, QSizeF> &sizes,
                                          const Options &options);
    static QMap<QString, QPointF> arrange(const Schema &schema, const QMap<QString, QSizeF> &sizes) {
        return arrange(schema, sizes, Options());
    }

    // The box size the designer will give each model, roughly (from its table's columns): enough for
    // arrange() to keep boxes apart where no canvas has measured them (the generator, the import).
    static QMap<QString, QSizeF> estimatedSizes(const Schema &schema);

    // Where to put the models that `placed` has no position for (a project written by hand without a
    // layout, or with models added to its file): arranged among themselves as arrange() would, below the
    // models that are placed. Empty when every model has a position.
    static QMap<QString, QPointF> placeMissing(const Schema &schema, const QMap<QString, QPointF> &placed,
                                               const QMap<QString, QSizeF> &sizes);
};

} // namespace modeldesk
