#pragma once

#include "designer/diagramtool.h"

#include <QMap>
#include <QPointF>
#include <QString>

namespace modeldesk {

// Selecting and moving boxes. Qt moves the items during the drag; on release the tool records the whole drag,
// for every selected box, as one MoveModelsCommand.
class SelectTool : public DiagramTool {
public:
    using DiagramTool::DiagramTool;
    Kind kind() const override { return Kind::Select; }
    bool mousePress(QGraphicsSceneMouseEvent *event) override;
    bool mouseMove(QGraphicsSceneMouseEvent *event) override;
    bool mouseRelease(QGraphicsSceneMouseEvent *event) override;
    void deactivate() override;

private:
    QMap<QString, QPointF> mStart;
    bool mDraggingBoxes = false; // the press grabbed a box: moves drag the selection
};

// Click on empty canvas to add a model there; the tool then hands back to selection.
class AddModelTool : public DiagramTool {
public:
    using DiagramTool::DiagramTool;
    Kind kind() const override { return Kind::AddModel; }
    bool mousePress(QGraphicsSceneMouseEvent *event) override;
    bool mouseMove(QGraphicsSceneMouseEvent *) override { return true; }
    bool mouseRelease(QGraphicsSceneMouseEvent *) override { return true; }
};

} // namespace modeldesk
