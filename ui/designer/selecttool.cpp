#include "designer/selecttool.h"

#include "designer/diagramscene.h"
#include "designer/modelitem.h"

#include <QGraphicsSceneMouseEvent>

namespace modeldesk {

bool SelectTool::mousePress(QGraphicsSceneMouseEvent *event) {
    mStart.clear();
    // Let Qt update the selection first, then remember where every selected box started.
    mScene->defaultMousePress(event);
    for (ModelItem *item : mScene->selectedModelItems())
        mStart.insert(item->modelName(), item->pos());
    QGraphicsItem *grabber = mScene->mouseGrabberItem();
    mDraggingBoxes = (event->buttons() & Qt::LeftButton) && grabber && grabber->type() == ModelItem::Type;
    return true;
}

bool SelectTool::mouseMove(QGraphicsSceneMouseEvent *event) {
    // Once the boxes really move, the links that stay put are frozen into the background (big designs).
    if (mDraggingBoxes && (event->buttons() & Qt::LeftButton) && !mScene->linksFrozen())
        mScene->freezeLinks(mScene->selectedModelItems());
    return false; // Qt moves the items
}

void SelectTool::deactivate() {
    mDraggingBoxes = false;
    mScene->thawLinks();
}

bool SelectTool::mouseRelease(QGraphicsSceneMouseEvent *event) {
    mScene->defaultMouseRelease(event);
    mDraggingBoxes = false;
    mScene->thawLinks();
    QMap<QString, QPointF> before;
    QMap<QString, QPointF> after;
    for (auto it = mStart.cbegin(); it != mStart.cend(); ++it) {
        ModelItem *item = mScene->modelItem(it.key());
        if (item && item->pos() != it.value()) {
            before.insert(it.key(), it.value());
            after.insert(it.key(), item->pos());
        }
    }
    mStart.clear();
    if (!after.isEmpty())
        mScene->recordMove(before, after);
    return true;
}

bool AddModelTool::mousePress(QGraphicsSceneMouseEvent *event) {
    if (event->button() != Qt::LeftButton)
        return false;
    event->accept(); // otherwise the view starts a rubber band and clears the new selection
    mScene->addModelAt(event->scenePos());
    // Not setTool(): that would delete this tool while it runs. The scene switches after the release.
    mScene->requestTool(Kind::Select);
    return true;
}

} // namespace modeldesk
