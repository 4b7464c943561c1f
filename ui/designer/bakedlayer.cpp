#include "designer/bakedlayer.h"

#include "designer/diagramtheme.h"
#include "designer/linkitem.h"
#include "designer/modelitem.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace modeldesk {

void BakedLayer::paintFar(QPainter *painter, const QRectF &area, const QList<LinkItem *> &links,
                          const QList<ModelItem *> &boxes) {
    const DiagramTheme &theme = DiagramTheme::current();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setBrush(Qt::NoBrush);
    // One call per colour: plain lines and lines of links with an error. A selected link draws itself on
    // top, as do the links of dragged boxes (not baked).
    QList<QLineF> lines[2];
    QList<const LinkItem *> bent[2];
    for (const LinkItem *link : links) {
        if (!link->isBaked() || !link->boundingRect().intersects(area))
            continue;
        const int colour = link->hasProblem() ? 1 : 0;
        if (link->isStraight())
            lines[colour].append(link->line());
        else
            bent[colour].append(link);
    }
    for (int colour = 0; colour < 2; ++colour) {
        QPen pen(colour ? theme.lineError : theme.line, 1);
        pen.setCosmetic(true); // the raster engine's fast path
        painter->setPen(pen);
        painter->drawLines(lines[colour].constData(), int(lines[colour].size()));
        for (const LinkItem *link : std::as_const(bent[colour]))
            painter->drawPath(link->path());
    }
    // Boxes: plain tiles in their header colour, as ModelItem paints them this far out.
    QList<QRectF> tiles[2];
    for (const ModelItem *box : boxes) {
        if (!box->isBaked())
            continue;
        const QRectF tile(box->pos(), box->boxSize());
        if (tile.intersects(area))
            tiles[box->hasProblem() ? 1 : 0].append(tile);
    }
    painter->setPen(Qt::NoPen);
    for (int colour = 0; colour < 2; ++colour) {
        painter->setBrush(colour ? theme.headerError : theme.header);
        painter->drawRects(tiles[colour].constData(), int(tiles[colour].size()));
    }
    painter->restore();
}

void BakedLayer::paintItems(QPainter *painter, const QList<QGraphicsItem *> &items) {
    QStyleOptionGraphicsItem option;
    option.state = QStyle::State_Enabled; // a selected item draws itself, selected, on top
    for (QGraphicsItem *item : items) {
        const bool baked = item->type() == LinkItem::Type    ? static_cast<LinkItem *>(item)->isBaked()
                           : item->type() == ModelItem::Type ? static_cast<ModelItem *>(item)->isBaked()
                                                             : false;
        if (!baked)
            continue;
        option.exposedRect = item->boundingRect();
        option.rect = option.exposedRect.toAlignedRect();
        painter->save();
        painter->setTransform(item->sceneTransform(), true);
        item->paint(painter, &option, nullptr);
        painter->restore();
    }
}

} // namespace modeldesk
