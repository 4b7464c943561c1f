#include "designer/linktool.h"

#include "designer/diagramscene.h"
#include "designer/diagramtheme.h"
#include "designer/modelitem.h"

#include <QGraphicsLineItem>
#include <QGraphicsSceneMouseEvent>
#include <QPen>

namespace modeldesk {

LinkTool::LinkTool(DiagramScene *scene, Link::Kind kind)
    : DiagramTool(scene)
    , mLinkKind(kind) {
}

LinkTool::~LinkTool() {
    deactivate();
}

bool LinkTool::mousePress(QGraphicsSceneMouseEvent *event) {
    if (event->button() != Qt::LeftButton)
        return false;
    event->accept(); // no rubber band while drawing a link
    mFrom = mScene->modelItemAt(event->scenePos());
    if (!mFrom)
        return true;
    mRubber = new QGraphicsLineItem(QLineF(event->scenePos(), event->scenePos()));
    mRubber->setPen(QPen(DiagramTheme::current().selection, 2, Qt::DashLine));
    mRubber->setZValue(1000);
    mScene->addItem(mRubber);
    return true;
}

bool LinkTool::mouseMove(QGraphicsSceneMouseEvent *event) {
    if (mRubber)
        mRubber->setLine(QLineF(mRubber->line().p1(), event->scenePos()));
    return true;
}

bool LinkTool::mouseRelease(QGraphicsSceneMouseEvent *event) {
    ModelItem *to = mFrom ? mScene->modelItemAt(event->scenePos()) : nullptr;
    const QString from = mFrom ? mFrom->modelName() : QString();
    deactivate();
    if (to)
        mScene->createLink(from, to->modelName(), mLinkKind);
    return true;
}

void LinkTool::deactivate() {
    delete mRubber;
    mRubber = nullptr;
    mFrom = nullptr;
}

} // namespace modeldesk
