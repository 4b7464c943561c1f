#pragma once

class QGraphicsSceneMouseEvent;

namespace modeldesk {

class DiagramScene;

// One way of using the mouse on the canvas (select/move, add a model, draw a link). The scene forwards its
// mouse events to the current tool; a tool returns false to let the scene's default handling run.
class DiagramTool {
public:
    enum class Kind { Select, AddModel, DrawLink };

    explicit DiagramTool(DiagramScene *scene)
        : mScene(scene) {}
    virtual ~DiagramTool() = default;
    virtual Kind kind() const = 0;
    virtual bool mousePress(QGraphicsSceneMouseEvent *event) = 0;
    virtual bool mouseMove(QGraphicsSceneMouseEvent *event) = 0;
    virtual bool mouseRelease(QGraphicsSceneMouseEvent *event) = 0;
    virtual void deactivate() {}

protected:
    DiagramScene *mScene;
};

} // namespace modeldesk
