#include "diagramscene.h"

#include "autolayout.h"
#include "commands/linkcommands.h"
#include "commands/modelcommands.h"
#include "document.h"
#include "linkdraft.h"
#include "linkitem.h"
#include "linktool.h"
#include "modelitem.h"
#include "nameeditor.h"
#include "resolvedschema.h"
#include "selecttool.h"

#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QSet>

namespace modeldesk {

using namespace Qt::StringLiterals;

DiagramScene::DiagramScene(Document *document, QObject *parent)
    : QGraphicsScene(parent)
    , mDocument(document)
    , mTool(std::make_unique<SelectTool>(this)) {
    // A large fixed scene rect avoids growing it (and re-indexing) as boxes move.
    setSceneRect(-5000, -5000, 10000, 10000);
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    connect(document, &Document::resetDone, this, &DiagramScene::rebuild);
    connect(document, &Document::modelInserted, this,
            [this](int index) { addModelItem(mDocument->schema().models.at(index).name); });
    connect(document, &Document::modelRemoved, this, &DiagramScene::removeModelItem);
    connect(document, &Document::modelRenamed, this, &DiagramScene::renameModelItem);
    connect(document, &Document::linksChanged, this, &DiagramScene::rebuildLinks);
    connect(document, &Document::schemaChanged, this, &DiagramScene::refreshContents);
    connect(document, &Document::positionChanged, this, [this](const QString &name, const QPointF &pos) {
        if (ModelItem *item = mModels.value(name); item && item->pos() != pos)
            item->setPos(pos);
    });
    rebuild();
}

DiagramScene::~DiagramScene() {
    mTool.reset();
    // Links refer to boxes; remove them first.
    qDeleteAll(mLinks);
    mLinks.clear();
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

Link::Kind DiagramScene::linkKind() const {
    return mLinkKind;
}

void DiagramScene::rebuild() {
    qDeleteAll(mLinks);
    mLinks.clear();
    clear();
    mModels.clear();
    for (const Model &model : mDocument->schema().models)
        addModelItem(model.name);
    rebuildLinks();
    refreshContents();
}

void DiagramScene::addModelItem(const QString &name) {
    if (mModels.contains(name))
        return;
    auto *item = new ModelItem(name);
    item->setPos(mDocument->position(name));
    addItem(item);
    mModels.insert(name, item);
}

void DiagramScene::removeModelItem(const QString &name) {
    ModelItem *item = mModels.take(name);
    if (!item)
        return;
    for (LinkItem *link : QList<LinkItem *>(item->links())) {
        mLinks.removeAll(link);
        delete link;
    }
    delete item;
}

void DiagramScene::renameModelItem(const QString &oldName, const QString &newName) {
    ModelItem *item = mModels.take(oldName);
    if (!item)
        return;
    item->setModelName(newName);
    mModels.insert(newName, item);
}

void DiagramScene::rebuildLinks() {
    const QList<int> selected = selectedLinkIndices();
    qDeleteAll(mLinks);
    mLinks.clear();
    const QList<Link> &links = mDocument->schema().links;

    // A hasOne/hasMany and the belongsTo that mirrors it (same models, same key) share one edge.
    QSet<int> absorbed;
    QHash<QString, int> pairCount;
    for (int i = 0; i < links.size(); ++i) {
        if (absorbed.contains(i))
            continue;
        const Link &link = links.at(i);
        ModelItem *source = mModels.value(link.source);
        ModelItem *target = mModels.value(link.target);
        if (!source || !target)
            continue;
        int inverse = -1;
        for (int j = 0; j < links.size() && inverse < 0; ++j) {
            const Link &other = links.at(j);
            if (j == i || absorbed.contains(j) || other.source != link.target || other.target != link.source)
                continue;
            const bool mirrors = (link.foreignKeyOnTarget() && other.kind == Link::Kind::BelongsTo &&
                                  other.foreignKey == link.foreignKey) ||
                                 (link.kind == Link::Kind::BelongsToMany &&
                                  other.kind == Link::Kind::BelongsToMany && other.through == link.through);
            if (mirrors && j > i)
                inverse = j;
        }
        if (inverse >= 0)
            absorbed.insert(inverse);
        auto *item = new LinkItem(source, target, i, link, inverse);
        addItem(item);
        const QString key =
            link.source < link.target ? link.source + u'\n' + link.target : link.target + u'\n' + link.source;
        const int n = pairCount.value(key, 0);
        pairCount.insert(key, n + 1);
        if (n > 0) // alternate sides: +28, -28, +56, ...
            item->setOffset((n % 2 ? 1 : -1) * 28.0 * ((n + 1) / 2));
        if (selected.contains(i))
            item->setSelected(true);
        mLinks.append(item);
    }
    applyProblemMarks();
}

void DiagramScene::refreshContents() {
    const ResolvedSchema resolved = SchemaResolver::resolve(mDocument->schema());
    for (const Model &model : mDocument->schema().models) {
        ModelItem *item = mModels.value(model.name);
        if (!item)
            continue;
        const Table *table = resolved.tableForModel(model.name);
        item->setContent(model.effectiveTableName(), model.comment,
                         table ? ModelItem::rowsFor(*table) : QList<ModelItem::Row>());
    }
    for (LinkItem *link : std::as_const(mLinks))
        link->adjust();
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
    connect(editor, &NameEditor::finished, this,
            [this, editor, modelName](bool accepted, const QString &text) {
                editor->deleteLater();
                const QString name = text.trimmed();
                if (!accepted || name.isEmpty() || name == modelName)
                    return;
                mDocument->undoStack()->push(new RenameModelCommand(mDocument, modelName, name));
            });
    editor->start();
}

void DiagramScene::setProblems(const QList<Problem> &problems) {
    mProblems = problems;
    applyProblemMarks();
}

void DiagramScene::applyProblemMarks() {
    QSet<QString> badModels;
    QSet<int> badLinks;
    for (const Problem &p : std::as_const(mProblems)) {
        if (!p.isError())
            continue;
        if (p.link >= 0)
            badLinks.insert(p.link);
        else if (!p.model.isEmpty())
            badModels.insert(p.model);
    }
    for (auto it = mModels.cbegin(); it != mModels.cend(); ++it)
        it.value()->setHasProblem(badModels.contains(it.key()));
    for (LinkItem *link : std::as_const(mLinks))
        link->setHasProblem(badLinks.contains(link->linkIndex()) || badLinks.contains(link->inverseIndex()));
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

void DiagramScene::drawBackground(QPainter *painter, const QRectF &rect) {
    painter->fillRect(rect, QColor(0xf6, 0xf7, 0xf9));
    const double lod = painter->worldTransform().m11();
    if (lod < 0.5)
        return; // a grid this dense is noise
    const int step = 20;
    painter->setPen(QPen(QColor(0xe3, 0xe6, 0xea), 0));
    QVarLengthArray<QLineF, 256> lines;
    for (double x = std::floor(rect.left() / step) * step; x < rect.right(); x += step)
        lines.append(QLineF(x, rect.top(), x, rect.bottom()));
    for (double y = std::floor(rect.top() / step) * step; y < rect.bottom(); y += step)
        lines.append(QLineF(rect.left(), y, rect.right(), y));
    painter->drawLines(lines.data(), int(lines.size()));
}

} // namespace modeldesk
