#pragma once

#include "designer/diagramtool.h"
#include "schema/link.h"

class QGraphicsLineItem;

namespace modeldesk {

class ModelItem;

// Drag from one box to another to link them: a rubber line follows the mouse, and releasing over a box
// creates the link (by default a hasOne with its inverse belongsTo) as one undo step.
class LinkTool : public DiagramTool {
public:
    LinkTool(DiagramScene *scene, Link::Kind kind = Link::Kind::HasOne);
    ~LinkTool() override;
    Kind kind() const override { return Kind::DrawLink; }
    void setLinkKind(Link::Kind kind) { mLinkKind = kind; }
    bool mousePress(QGraphicsSceneMouseEvent *event) override;
    bool mouseMove(QGraphicsSceneMouseEvent *event) override;
    bool mouseRelease(QGraphicsSceneMouseEvent *event) override;
    void deactivate() override;

private:
    Link::Kind mLinkKind;
    ModelItem *mFrom = nullptr;
    QGraphicsLineItem *mRubber = nullptr;
};

} // namespace modeldesk
