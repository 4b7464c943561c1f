#pragma once

#include "designer/boxgrid.h"
#include "designer/diagramtool.h"
#include "schema/link.h"
#include "schema/resolvedschema.h"
#include "schema/schemavalidator.h"

#include <QGraphicsScene>
#include <QHash>
#include <QMap>
#include <QPointer>
#include <QSet>
#include <memory>
#include <optional>

namespace modeldesk {

class Document;
class LinkItem;
class ModelItem;
class LinkTool;

// The designer canvas: one ModelItem per model and one LinkItem per link (or link pair), kept in sync with
// the Document through its typed signals. User gestures become undo commands on the document's stack; the
// scene never edits the Project itself.
class DiagramScene : public QGraphicsScene {
    Q_OBJECT

public:
    explicit DiagramScene(Document *document, QObject *parent = nullptr);
    ~DiagramScene() override;

    Document *document() const { return mDocument; }

    void setTool(DiagramTool::Kind kind);
    // Switches tools once the current mouse event is handled (for a tool that hands over by itself).
    void requestTool(DiagramTool::Kind kind) { mPendingTool = kind; }
    DiagramTool::Kind tool() const;
    void setLinkKind(Link::Kind kind);

    ModelItem *modelItem(const QString &name) const { return mModels.value(name); }
    ModelItem *modelItemAt(const QPointF &scenePos) const;
    QList<ModelItem *> modelItems() const { return mModels.values(); }
    bool hasModels() const { return !mModels.isEmpty(); }
    const QList<LinkItem *> &linkItems() const { return mLinks; }
    LinkItem *linkItemFor(int linkIndex) const;
    QList<ModelItem *> selectedModelItems() const;
    QStringList selectedModelNames() const;
    QList<int> selectedLinkIndices() const;

    void selectModel(const QString &name);
    void selectLink(int linkIndex);

    // Gestures, each one undo step.
    void addModelAt(const QPointF &scenePos);
    void createLink(const QString &source, const QString &target, Link::Kind kind);
    void deleteSelection();
    void recordMove(const QMap<QString, QPointF> &before, const QMap<QString, QPointF> &after);
    void autoLayout();
    void beginRename(const QString &modelName);

    // While boxes are dragged, every link that does not move is drawn once into the views' cached
    // background instead of on every frame: a dense design has hundreds of long links crossing the view,
    // and a dragged box's long links make Qt repaint most of it. Only the moving boxes' links stay live.
    void freezeLinks(const QList<ModelItem *> &moving);
    void thawLinks();
    bool linksFrozen() const { return mLinksFrozen; }
    // Far out (every box a plain tile without its name) the views' cached background draws every box and link
    // in a few batched calls, and the items paint nothing themselves: painting ten thousand boxes and fifteen
    // thousand links one by one costs more than a frame. The view says when it is that far out.
    void setFarView(bool far);
    bool isFarView() const { return mFar; }
    // A baked item changed its place or looks: that area of the background is drawn again (once the event
    // loop is back, for all such changes together).
    void bakedChanged(const QRectF &area);
    // Whether `item` paints itself: not while the background draws it for it (`baked`), unless it is selected
    // (it draws itself on top, in the selection's colours). With no contents Qt skips the item when it paints
    // (it still takes the mouse and can be dragged), and repaints no area of it: the background does.
    static void updateContentsFlag(QGraphicsItem *item, bool baked);

    void setProblems(const QList<Problem> &problems);
    QMap<QString, QSizeF> boxSizes() const;
    // The boxes whose bounds meet `area`, for routing links around them (faster than items(area)).
    QList<BoxGrid::Entry> boxesIn(const QRectF &area) const { return mBoxGrid.boxesIn(area); }

    // The default QGraphicsScene mouse handling, for tools that build on it.
    void defaultMousePress(QGraphicsSceneMouseEvent *event) { QGraphicsScene::mousePressEvent(event); }
    void defaultMouseRelease(QGraphicsSceneMouseEvent *event) { QGraphicsScene::mouseReleaseEvent(event); }

signals:
    void toolChanged(DiagramTool::Kind kind);
    // A word for the status bar: an edit on the canvas was refused, and why.
    void message(const QString &text);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    void drawGrid(QPainter *painter, const QRectF &rect);

private:
    void rebuild();
    void placeUnplacedModels();
    ModelItem *addModelItem(const QString &name);
    void coverItem(ModelItem *item);
    void coverRect(const QRectF &box);
    // Many boxes moved at once (the auto-layout, undoing a drag of a selection): see moveBoxes() in
    // diagramscene.cpp.
    void moveBoxes(const QMap<QString, QPointF> &positions);
    // A box moved, grew or went: the links near where it was and where it is now are routed again (once
    // the event loop is back, so a drag or a layout of many boxes costs one pass).
    void boxChanged(ModelItem *item);
    void rerouteLater(const QRectF &area);
    void reroute();
    static QHash<QString, const Table *> tablesByModel(const ResolvedSchema &resolved);
    void removeModelItem(const QString &name);
    void renameModelItem(const QString &oldName, const QString &newName);
    void rebuildLinks();
    void refreshContents();
    void refreshBox(ModelItem *item, const QString &tableName, const QString &comment, const Table *table);
    void applyProblemMarks();
    // Which items the background draws: far out every one but the dragged boxes and their links; during a
    // drag at any zoom, every link of a box that stays put.
    void bake();
    void redrawBaked();

    Document *mDocument;
    QHash<QString, ModelItem *> mModels;
    QList<LinkItem *> mLinks;
    std::unique_ptr<DiagramTool> mTool;
    std::optional<DiagramTool::Kind> mPendingTool;
    Link::Kind mLinkKind = Link::Kind::HasOne;
    // What the last validation marks as wrong (errors only): models by name, links by index.
    QSet<QString> mBadModels;
    QSet<int> mBadLinks;
    bool mLinksFrozen = false;
    bool mFar = false;
    QSet<ModelItem *> mMoving; // the boxes being dragged, while links are frozen
    QRectF mBakedDirty;
    bool mBakedRedrawPending = false;
    QHash<ModelItem *, QRectF> mBoxRects; // where each box was when its links were last routed
    QRectF mRerouteArea;
    BoxGrid mBoxGrid; // every box's bounds, kept by addModelItem, boxChanged, moveBoxes and removeModelItem
    bool mReroutePending = false;
};

} // namespace modeldesk
