#include "designer/diagramscene.h"

#include "designer/bakedlayer.h"
#include "designer/diagramtheme.h"
#include "designer/linkitem.h"
#include "designer/linktool.h"
#include "designer/modelitem.h"
#include "designer/nameeditor.h"
#include "designer/selecttool.h"
#include "document/document.h"
#include "document/linkcommands.h"
#include "document/modelcommands.h"
#include "editing/autolayout.h"
#include "editing/linkdraft.h"
#include "editing/linkpairs.h"
#include "editing/namecheck.h"
#include "schema/resolvedschema.h"
#include "schema/resolvescope.h"

#include <QGraphicsSceneMouseEvent>
#include <QGraphicsView>
#include <QPainter>
#include <QSet>
#include <QStyleOptionGraphicsItem>
#include <QTimer>
#include <utility>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {
const QRectF kDefaultSceneRect(-5000, -5000, 10000, 10000);
constexpr double kSceneMargin = 3000;
} // namespace

DiagramScene::DiagramScene(Document *document, QObject *parent)
    : QGraphicsScene(parent)
    , mDocument(document)
    , mTool(std::make_unique<SelectTool>(this)) {
    // A large fixed scene rect avoids growing it as boxes move; coverItem() widens it in big steps for
    // designs that do not fit.
    setSceneRect(kDefaultSceneRect);
    // No spatial index: a BSP tree files an item in every leaf its bounds cross, and on a big design the long
    // links cross most of it (10,000 models: thousands of leaves each), so every change to such a link and
    // every look at the whole design walked millions of entries. A list costs a quick bounds test per item
    // where the index would skip it; routing finds nearby boxes through mBoxGrid instead.
    setItemIndexMethod(QGraphicsScene::NoIndex);
    connect(document, &Document::resetDone, this, &DiagramScene::rebuild);
    connect(document, &Document::modelInserted, this, [this](int index) {
        const QString name = mDocument->schema().models.at(index).name;
        addModelItem(name);
        // A belongsToMany through this model now runs via its box.
        for (const Link &link : mDocument->schema().links)
            if (link.kind == Link::Kind::BelongsToMany && link.through == name)
                return rebuildLinks();
    });
    connect(document, &Document::modelRemoved, this, &DiagramScene::removeModelItem);
    connect(document, &Document::modelRenamed, this, &DiagramScene::renameModelItem);
    connect(document, &Document::linksChanged, this, &DiagramScene::rebuildLinks);
    connect(document, &Document::schemaChanged, this, &DiagramScene::refreshContents);
    connect(document, &Document::positionChanged, this, [this](const QString &name, const QPointF &pos) {
        if (ModelItem *item = mModels.value(name); item && item->pos() != pos)
            item->setPos(pos);
    });
    connect(document, &Document::positionsChanged, this, &DiagramScene::moveBoxes);
    rebuild();
}

DiagramScene::~DiagramScene() {
    mTool.reset();
    // Links refer to boxes; remove them first. Then the boxes, while the grid they leave is still here.
    qDeleteAll(mLinks);
    mLinks.clear();
    clear();
}

void DiagramScene::setTool(DiagramTool::Kind kind) {
    if (mTool && mTool->kind() == kind)
        return;
    if (mTool)
        mTool->deactivate();
    switch (kind) {
    case DiagramTool::Kind::Select:
        mTool = std::make_unique<SelectTool>(this);
        break;
    case DiagramTool::Kind::AddModel:
        mTool = std::make_unique<AddModelTool>(this);
        break;
    case DiagramTool::Kind::DrawLink:
        mTool = std::make_unique<LinkTool>(this, mLinkKind);
        break;
    }
    emit toolChanged(kind);
}

DiagramTool::Kind DiagramScene::tool() const {
    return mTool->kind();
}

void DiagramScene::setLinkKind(Link::Kind kind) {
    mLinkKind = kind;
    if (auto *linkTool = dynamic_cast<LinkTool *>(mTool.get()))
        linkTool->setLinkKind(kind);
}

void DiagramScene::rebuild() {
    qDeleteAll(mLinks);
    mLinks.clear();
    clear();
    mModels.clear();
    mBoxRects.clear();
    mBoxGrid.clear();
    mRerouteArea = QRectF();
    setSceneRect(kDefaultSceneRect);
    // Boxes get their content as they are created, and links are made once the boxes are in place: no box
    // is laid out twice and no link follows a box that is still growing.
    const ResolvedSchema &resolved = mDocument->resolved();
    const QHash<QString, const Table *> tables = tablesByModel(resolved);
    for (const Model &model : mDocument->schema().models) {
        if (ModelItem *item = addModelItem(model.name)) {
            const Table *table = tables.value(model.name);
            item->setContent(table ? table->name : model.effectiveTableName(), model.comment, table);
        }
    }
    placeUnplacedModels();
    rebuildLinks();
    bake();
}

// A project written without a layout would stack every box at the origin: those boxes are laid out now, with
// their real sizes. Part of opening the design, like the boxes themselves: no undo step, nothing "modified".
void DiagramScene::placeUnplacedModels() {
    const QMap<QString, QPointF> positions =
        AutoLayout::placeMissing(mDocument->schema(), mDocument->project().layout.positions, boxSizes());
    for (auto it = positions.cbegin(); it != positions.cend(); ++it) {
        mDocument->setPosition(it.key(), it.value());
        if (ModelItem *item = mModels.value(it.key()))
            coverItem(item);
    }
}

ModelItem *DiagramScene::addModelItem(const QString &name) {
    if (mModels.contains(name))
        return nullptr;
    auto *item = new ModelItem(name);
    item->setPos(mDocument->position(name));
    addItem(item);
    mModels.insert(name, item);
    item->setHasProblem(mBadModels.contains(name)); // as the last validation found it
    connect(item, &ModelItem::moved, this, &DiagramScene::boxChanged);
    // Whoever changes a box's rows routes its links again; routing must find the box at its new size.
    // However a box goes, the grid forgets it (routing must never meet a deleted box).
    connect(item, &QObject::destroyed, this, [this, item] { mBoxGrid.remove(item); });
    connect(item, &ModelItem::resized, this,
            [this](ModelItem *box) { mBoxGrid.place(box, box->sceneBoundingRect()); });
    coverItem(item);
    mBoxRects.insert(item, item->sceneBoundingRect());
    mBoxGrid.place(item, item->sceneBoundingRect());
    return item;
}

void DiagramScene::coverItem(ModelItem *item) {
    coverRect(item->sceneBoundingRect());
}

void DiagramScene::coverRect(const QRectF &box) {
    // The scene rect is fixed (growing it on every move would re-index the scene), but it must hold every
    // box so the view can scroll to all of them: widen it generously when a box gets near its edge.
    const QRectF inner =
        sceneRect().adjusted(kSceneMargin / 2, kSceneMargin / 2, -kSceneMargin / 2, -kSceneMargin / 2);
    if (inner.contains(box))
        return;
    setSceneRect(sceneRect() | box.adjusted(-kSceneMargin, -kSceneMargin, kSceneMargin, kSceneMargin));
}

void DiagramScene::boxChanged(ModelItem *item) {
    coverItem(item);
    const QRectF now = item->sceneBoundingRect();
    mBoxGrid.place(item, now);
    if (item->isBaked())
        bakedChanged(mBoxRects.value(item, now) | now);
    rerouteLater(mBoxRects.value(item, now) | now);
    mBoxRects.insert(item, now);
}

// Each box goes to its place without its links following (following would route a link once per box that
// moved at either end), then the scene rect grows once and every link near where the boxes were and are is
// routed once: that is every link touching a moved box (its bounds still touch the box's old place) and every
// link that a box now blocks or no longer blocks.
void DiagramScene::moveBoxes(const QMap<QString, QPointF> &positions) {
    QRectF area;
    QList<ModelItem *> moved;
    for (auto it = positions.cbegin(); it != positions.cend(); ++it) {
        ModelItem *item = mModels.value(it.key());
        if (!item || item->pos() == it.value())
            continue;
        const QRectF was = item->sceneBoundingRect();
        item->setPosQuietly(it.value());
        const QRectF now = item->sceneBoundingRect();
        area |= mBoxRects.value(item, was) | was | now;
        mBoxRects.insert(item, now);
        mBoxGrid.place(item, now);
        moved.append(item);
    }
    if (moved.isEmpty())
        return;
    coverRect(area);
    if (mFar)
        bakedChanged(area);
    if (mLinksFrozen) {
        // In the middle of a drag the other links keep still until the drop; these boxes' links follow now.
        for (ModelItem *item : std::as_const(moved))
            for (LinkItem *link : item->links())
                link->adjust();
        rerouteLater(area);
        return;
    }
    // Every link near the boxes' old and new places, straight from the list (one pass, no scene query).
    for (LinkItem *link : std::as_const(mLinks))
        if (link->sceneBoundingRect().intersects(area))
            link->adjust();
}

void DiagramScene::rerouteLater(const QRectF &area) {
    mRerouteArea |= area;
    if (mReroutePending)
        return;
    mReroutePending = true;
    QTimer::singleShot(0, this, &DiagramScene::reroute);
}

void DiagramScene::reroute() {
    mReroutePending = false;
    if (mLinksFrozen || mRerouteArea.isNull())
        return; // thawLinks() comes back here
    const QRectF area = std::exchange(mRerouteArea, QRectF());
    for (QGraphicsItem *item : items(area, Qt::IntersectsItemBoundingRect))
        if (item->type() == LinkItem::Type)
            static_cast<LinkItem *>(item)->adjust();
}

void DiagramScene::removeModelItem(const QString &name) {
    ModelItem *item = mModels.take(name);
    if (!item)
        return;
    rerouteLater(item->sceneBoundingRect());
    if (item->isBaked())
        bakedChanged(item->sceneBoundingRect());
    mBoxRects.remove(item);
    mBoxGrid.remove(item);
    bool routedThrough = false; // links that only passed through this box are still in the design
    for (LinkItem *link : QList<LinkItem *>(item->links())) {
        routedThrough = routedThrough || link->viaItem() == item;
        mLinks.removeAll(link);
        delete link;
    }
    delete item;
    if (routedThrough)
        rebuildLinks();
}

void DiagramScene::renameModelItem(const QString &oldName, const QString &newName) {
    ModelItem *item = mModels.take(oldName);
    if (!item)
        return;
    item->setModelName(newName);
    mModels.insert(newName, item);
    boxChanged(item); // a longer name widens the box
}

void DiagramScene::rebuildLinks() {
    const QList<int> selected = selectedLinkIndices();
    // Items are kept for the links that are still there unchanged (by id: the same link, the same boxes,
    // whether it has a mirror), only renumbered: after one link is added or removed, thousands of others need
    // no new item, label, geometry or index entry.
    QMultiHash<QString, LinkItem *> reusable;
    reusable.reserve(mLinks.size());
    for (LinkItem *item : std::as_const(mLinks))
        reusable.insert(item->link().id, item);
    QList<LinkItem *> kept;
    kept.reserve(mLinks.size());
    const QList<Link> &links = mDocument->schema().links;

    QHash<std::pair<ModelItem *, ModelItem *>, int> pairCount;
    QHash<ModelItem *, int> labelSlots;
    for (const LinkEdge &edge : pairLinks(links)) {
        const int i = edge.link;
        const int inverse = edge.mirror;
        const Link &link = links.at(i);
        ModelItem *source = mModels.value(link.source);
        ModelItem *target = mModels.value(link.target);
        if (!source || !target)
            continue;
        // A belongsToMany through a model of the design runs via that model's box.
        ModelItem *via = link.kind == Link::Kind::BelongsToMany ? mModels.value(link.through) : nullptr;
        if (via == source || via == target)
            via = nullptr;
        LinkItem *item = nullptr;
        for (auto it = reusable.find(link.id); it != reusable.end() && it.key() == link.id; ++it) {
            LinkItem *candidate = it.value();
            if (candidate->sourceItem() == source && candidate->targetItem() == target &&
                candidate->viaItem() == via && (candidate->inverseIndex() >= 0) == (inverse >= 0) &&
                candidate->link() == link) {
                item = candidate;
                reusable.erase(it);
                break;
            }
        }
        if (item) {
            item->setIndices(i, inverse);
        } else {
            item = new LinkItem(source, target, i, link, inverse, via);
            addItem(item);
            item->adjust(); // now that the scene's boxes can be gone around
            if (selected.contains(i))
                item->setSelected(true);
        }
        if (via) {
            item->setOffset(0); // its own route, not parallel to a direct edge
        } else {
            // Keyed by the two boxes in name order, as the names give them.
            const auto key =
                link.source < link.target ? std::pair{source, target} : std::pair{target, source};
            const int n = pairCount.value(key, 0);
            pairCount.insert(key, n + 1);
            // Parallel edges alternate sides: 0, +28, -28, +56, ...
            item->setOffset(n > 0 ? (n % 2 ? 1 : -1) * 28.0 * ((n + 1) / 2) : 0.0);
        }
        item->setLabelSlot(labelSlots[source]++);
        kept.append(item);
    }
    for (LinkItem *gone : std::as_const(reusable))
        delete gone;
    mLinks = kept;
    applyProblemMarks();
}

QHash<QString, const Table *> DiagramScene::tablesByModel(const ResolvedSchema &resolved) {
    QHash<QString, const Table *> tables;
    tables.reserve(resolved.tables.size());
    for (const Table &table : resolved.tables)
        if (!table.model.isEmpty() && !tables.contains(table.model))
            tables.insert(table.model, &table);
    return tables;
}

void DiagramScene::refreshContents() {
    // An edit resolves only the models it can have changed (ResolveScope): on a big design a whole resolve
    // is most of an edit's cost. Their boxes are laid out again when their rows changed, and only their
    // links follow.
    if (const SchemaTouch &touch = mDocument->lastTouch(); !touch.everything) {
        if (const auto tables =
                ResolveScope::resolveAffected(mDocument->schema(), touch, &mDocument->tableNames())) {
            for (auto it = tables->cbegin(); it != tables->cend(); ++it)
                refreshBox(mModels.value(it.key()), it->name, it->comment, &*it);
            return;
        }
    }
    // A new design (or one with a model name twice): one resolve of the whole.
    const ResolvedSchema &resolved = mDocument->resolved();
    const QHash<QString, const Table *> tables = tablesByModel(resolved);
    for (const Model &model : mDocument->schema().models) {
        ModelItem *item = mModels.value(model.name);
        if (!item)
            continue;
        const Table *table = tables.value(model.name);
        refreshBox(item, table ? table->name : model.effectiveTableName(), model.comment, table);
    }
}

void DiagramScene::refreshBox(ModelItem *item, const QString &tableName, const QString &comment,
                              const Table *table) {
    if (!item || !item->setContent(tableName, comment, table))
        return;
    for (LinkItem *link : item->links())
        link->adjust();
    boxChanged(item);
}

ModelItem *DiagramScene::modelItemAt(const QPointF &scenePos) const {
    for (QGraphicsItem *item : items(scenePos))
        if (item->type() == ModelItem::Type)
            return static_cast<ModelItem *>(item);
    return nullptr;
}

LinkItem *DiagramScene::linkItemFor(int linkIndex) const {
    for (LinkItem *item : mLinks)
        if (item->linkIndex() == linkIndex || item->inverseIndex() == linkIndex)
            return item;
    return nullptr;
}

QList<ModelItem *> DiagramScene::selectedModelItems() const {
    QList<ModelItem *> result;
    for (QGraphicsItem *item : selectedItems())
        if (item->type() == ModelItem::Type)
            result.append(static_cast<ModelItem *>(item));
    return result;
}

QStringList DiagramScene::selectedModelNames() const {
    QStringList names;
    for (ModelItem *item : selectedModelItems())
        names.append(item->modelName());
    return names;
}

QList<int> DiagramScene::selectedLinkIndices() const {
    QList<int> result;
    for (QGraphicsItem *item : selectedItems())
        if (item->type() == LinkItem::Type)
            result.append(static_cast<LinkItem *>(item)->linkIndex());
    return result;
}

void DiagramScene::selectModel(const QString &name) {
    clearSelection();
    if (ModelItem *item = mModels.value(name))
        item->setSelected(true);
}

void DiagramScene::selectLink(int linkIndex) {
    clearSelection();
    if (LinkItem *item = linkItemFor(linkIndex))
        item->setSelected(true);
}

void DiagramScene::addModelAt(const QPointF &scenePos) {
    Model model;
    model.name = mDocument->uniqueModelName(u"model"_s);
    mDocument->undoStack()->push(new AddModelCommand(mDocument, model, scenePos));
    selectModel(model.name);
}

void DiagramScene::createLink(const QString &source, const QString &target, Link::Kind kind) {
    const LinkDraft draft = draftLink(mDocument->schema(), source, target, kind);
    QUndoStack *stack = mDocument->undoStack();
    stack->beginMacro(tr("Link %1 %2 %3").arg(source, Link::kindName(kind), target));
    if (draft.field) {
        const Model *holder = mDocument->schema().model(draft.fieldModel);
        Model changed = *holder;
        changed.fields.append(*draft.field);
        stack->push(new ChangeModelCommand(mDocument, *holder, changed,
                                           tr("Add field %1.%2").arg(draft.fieldModel, draft.field->name)));
    }
    const int index = int(mDocument->schema().links.size());
    stack->push(new AddLinkCommand(mDocument, draft.link));
    if (draft.inverse)
        stack->push(new AddLinkCommand(mDocument, *draft.inverse));
    stack->endMacro();
    selectLink(index);
}

void DiagramScene::deleteSelection() {
    const QStringList models = selectedModelNames();
    QList<int> links;
    for (QGraphicsItem *item : selectedItems()) {
        if (item->type() != LinkItem::Type)
            continue;
        auto *link = static_cast<LinkItem *>(item);
        links << link->linkIndex();
        if (link->inverseIndex() >= 0)
            links << link->inverseIndex();
    }
    if (models.isEmpty() && links.isEmpty())
        return;
    QUndoStack *stack = mDocument->undoStack();
    stack->beginMacro(models.size() + links.size() == 1 && !models.isEmpty()
                          ? tr("Delete model %1").arg(models.first())
                          : tr("Delete selection"));
    // Links first, highest index first, so the remaining indices stay valid.
    std::sort(links.begin(), links.end(), std::greater<int>());
    for (int index : std::as_const(links)) {
        const Link &link = mDocument->schema().links.at(index);
        if (!models.contains(link.source) && !models.contains(link.target))
            stack->push(new RemoveLinkCommand(mDocument, index));
    }
    for (const QString &name : models)
        stack->push(new RemoveModelCommand(mDocument, name));
    stack->endMacro();
}

void DiagramScene::recordMove(const QMap<QString, QPointF> &before, const QMap<QString, QPointF> &after) {
    mDocument->undoStack()->push(new MoveModelsCommand(mDocument, before, after));
}

QMap<QString, QSizeF> DiagramScene::boxSizes() const {
    QMap<QString, QSizeF> sizes;
    for (auto it = mModels.cbegin(); it != mModels.cend(); ++it)
        sizes.insert(it.key(), it.value()->boxSize());
    return sizes;
}

void DiagramScene::autoLayout() {
    const QMap<QString, QPointF> after = AutoLayout::arrange(mDocument->schema(), boxSizes());
    QMap<QString, QPointF> before;
    QMap<QString, QPointF> changed;
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        const QPointF old = mDocument->position(it.key());
        if (old != it.value()) {
            before.insert(it.key(), old);
            changed.insert(it.key(), it.value());
        }
    }
    if (changed.isEmpty())
        return;
    auto *command = new MoveModelsCommand(mDocument, before, changed);
    command->setText(tr("Auto-layout"));
    mDocument->undoStack()->push(command);
}

void DiagramScene::beginRename(const QString &modelName) {
    ModelItem *item = mModels.value(modelName);
    if (!item)
        return;
    auto *editor = new NameEditor(modelName);
    addItem(editor);
    editor->setPos(item->pos() + QPointF(6, 2));
    editor->setZValue(2000);
    editor->setCheck([this, modelName](const QString &name) {
        return NameCheck::modelName(mDocument->schema(), mDocument->schema().modelIndex(modelName), name);
    });
    connect(editor, &NameEditor::refused, this, [this, modelName](const QString &why) {
        emit message(tr("%1 was not renamed: %2").arg(modelName, why));
    });
    connect(editor, &NameEditor::finished, this,
            [this, editor, modelName](bool accepted, const QString &text) {
                editor->deleteLater();
                const QString name = text.trimmed();
                if (!accepted || name.isEmpty() || name == modelName)
                    return;
                mDocument->undoStack()->push(new RenameModelCommand(mDocument, modelName, name));
            });
    editor->start();
    for (QGraphicsView *view : views())
        view->ensureVisible(editor->sceneBoundingRect().adjusted(0, 0, 0, 40)); // and the refusal below it
}

void DiagramScene::setProblems(const QList<Problem> &problems) {
    mBadModels.clear();
    mBadLinks.clear();
    for (const Problem &p : problems) {
        if (!p.isError())
            continue;
        if (p.link >= 0)
            mBadLinks.insert(p.link);
        else if (!p.model.isEmpty())
            mBadModels.insert(p.model);
    }
    applyProblemMarks();
}

void DiagramScene::applyProblemMarks() {
    for (auto it = mModels.cbegin(); it != mModels.cend(); ++it)
        it.value()->setHasProblem(mBadModels.contains(it.key()));
    for (LinkItem *link : std::as_const(mLinks))
        link->setHasProblem(mBadLinks.contains(link->linkIndex()) ||
                            mBadLinks.contains(link->inverseIndex()));
}

void DiagramScene::mousePressEvent(QGraphicsSceneMouseEvent *event) {
    if (!mTool->mousePress(event))
        QGraphicsScene::mousePressEvent(event);
}

void DiagramScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event) {
    if (!mTool->mouseMove(event))
        QGraphicsScene::mouseMoveEvent(event);
}

void DiagramScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event) {
    if (!mTool->mouseRelease(event))
        QGraphicsScene::mouseReleaseEvent(event);
    if (mPendingTool) {
        const DiagramTool::Kind next = *mPendingTool;
        mPendingTool.reset();
        setTool(next);
    }
}

void DiagramScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) {
    if (event->button() != Qt::LeftButton)
        return QGraphicsScene::mouseDoubleClickEvent(event);
    ModelItem *item = modelItemAt(event->scenePos());
    if (!item) {
        addModelAt(event->scenePos());
        return;
    }
    if (item->headerRect().contains(item->mapFromScene(event->scenePos())))
        beginRename(item->modelName());
}

void DiagramScene::freezeLinks(const QList<ModelItem *> &moving) {
    if (mLinksFrozen)
        return;
    mLinksFrozen = true;
    mMoving = QSet<ModelItem *>(moving.cbegin(), moving.cend());
    bake();
}

void DiagramScene::thawLinks() {
    if (!mLinksFrozen)
        return;
    mLinksFrozen = false;
    mMoving.clear();
    bake();
    reroute(); // the links near where the boxes were dragged from and to
}

void DiagramScene::setFarView(bool far) {
    if (far == mFar)
        return;
    mFar = far;
    bake();
}

void DiagramScene::bake() {
    for (LinkItem *link : std::as_const(mLinks)) {
        const bool moves = mMoving.contains(link->sourceItem()) || mMoving.contains(link->targetItem()) ||
                           mMoving.contains(link->viaItem());
        link->setBaked((mLinksFrozen || mFar) && !moves);
    }
    for (ModelItem *box : std::as_const(mModels))
        box->setBaked(mFar && !mMoving.contains(box));
    mBakedDirty = QRectF();
    invalidate(sceneRect(), BackgroundLayer);
}

void DiagramScene::updateContentsFlag(QGraphicsItem *item, bool baked) {
    const bool none = baked && !item->isSelected();
    if (bool(item->flags() & QGraphicsItem::ItemHasNoContents) == none)
        return;
    item->setFlag(QGraphicsItem::ItemHasNoContents, none);
    if (!none)
        item->update();
    else if (auto *diagram = qobject_cast<DiagramScene *>(item->scene()))
        diagram->bakedChanged(item->sceneBoundingRect());
}

void DiagramScene::bakedChanged(const QRectF &area) {
    mBakedDirty |= area;
    if (mBakedRedrawPending)
        return;
    mBakedRedrawPending = true;
    QMetaObject::invokeMethod(this, &DiagramScene::redrawBaked, Qt::QueuedConnection);
}

void DiagramScene::redrawBaked() {
    mBakedRedrawPending = false;
    if (mBakedDirty.isNull())
        return;
    // A one-pixel line drawn far out reaches a pixel beyond its bounds as the view maps them.
    double pad = 4;
    for (const QGraphicsView *view : views())
        pad = std::max(pad, 3 / std::max(1e-3, view->transform().m11()));
    invalidate(std::exchange(mBakedDirty, QRectF()).adjusted(-pad, -pad, pad, pad), BackgroundLayer);
}

void DiagramScene::drawBackground(QPainter *painter, const QRectF &rect) {
    drawGrid(painter, rect);
    if (!mLinksFrozen && !mFar)
        return;
    // Only what the painter can show: when the view refills its background cache it passes much more than the
    // viewport.
    QRectF area = rect;
    if (const QPaintDevice *device = painter->device())
        area &= painter->worldTransform().inverted().mapRect(QRectF(0, 0, device->width(), device->height()));
    if (painter->hasClipping())
        area &= painter->clipBoundingRect();
    const double dpi = painter->device() ? painter->device()->logicalDpiY() : 96;
    if (mFar && painter->worldTransform().m11() < ModelItem::plainTileZoom(dpi))
        BakedLayer::paintFar(painter, area, mLinks, modelItems());
    else
        BakedLayer::paintItems(painter, items(area, Qt::IntersectsItemBoundingRect, Qt::AscendingOrder));
}

void DiagramScene::drawGrid(QPainter *painter, const QRectF &rect) {
    const DiagramTheme &theme = DiagramTheme::current();
    painter->fillRect(rect, theme.canvas);
    const double lod = painter->worldTransform().m11();
    if (lod < 0.5)
        return; // a grid this dense is noise
    const int step = 20;
    painter->setPen(QPen(theme.grid, 0));
    QVarLengthArray<QLineF, 256> lines;
    for (double x = std::floor(rect.left() / step) * step; x < rect.right(); x += step)
        lines.append(QLineF(x, rect.top(), x, rect.bottom()));
    for (double y = std::floor(rect.top() / step) * step; y < rect.bottom(); y += step)
        lines.append(QLineF(rect.left(), y, rect.right(), y));
    painter->drawLines(lines.data(), int(lines.size()));
}

} // namespace modeldesk
