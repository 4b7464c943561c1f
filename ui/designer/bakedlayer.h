#pragma once

#include <QList>
#include <QRectF>

class QGraphicsItem;
class QPainter;

namespace modeldesk {

class LinkItem;
class ModelItem;

// Draws the items the scene keeps in the views' cached background instead of letting them draw themselves
// (DiagramScene::bake): during a drag, the links that stay put; far out, every box and link.
namespace BakedLayer {

// Far out every box is a plain tile and every link a one-pixel line: the baked ones in `area` are drawn in a
// few batched calls (per-item painting of ten thousand boxes and fifteen thousand links costs more than a
// frame), links under boxes, as on the canvas.
void paintFar(QPainter *painter, const QRectF &area, const QList<LinkItem *> &links,
              const QList<ModelItem *> &boxes);
// At any zoom: the baked ones of `items` (in stacking order), one by one, as they draw themselves.
void paintItems(QPainter *painter, const QList<QGraphicsItem *> &items);

} // namespace BakedLayer

} // namespace modeldesk
