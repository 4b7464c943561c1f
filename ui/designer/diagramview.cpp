#include "designer/diagramview.h"

#include "designer/diagramscene.h"
#include "designer/diagramtheme.h"
#include "designer/modelitem.h"

#include <QGraphicsItem>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

namespace modeldesk {

namespace {
// Low enough for Fit to show a 10,000-model design whole (it needs about 1.3 %); far out, boxes and links are
// drawn in batches into the view's cached background, so the zoom costs no more than a near one.
constexpr double kMinZoom = 0.005;
constexpr double kMaxZoom = 4.0;
} // namespace

DiagramView::DiagramView(QGraphicsScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent) {
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    // The grid, and during a drag the links that stay put (DiagramScene::freezeLinks), come from a pixmap.
    setCacheMode(QGraphicsView::CacheBackground);
    setOptimizationFlags(QGraphicsView::DontSavePainterState | QGraphicsView::DontAdjustForAntialiasing);
    setDragMode(QGraphicsView::RubberBandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    // A resize (the window laid out after a fit on opening, a dock shown or hidden) keeps what is in the
    // middle in the middle, rather than the top-left corner where it was.
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setFocusPolicy(Qt::StrongFocus);
    // A scroll bar reports a user's action before it scrolls: the new centre is there one turn later.
    for (QScrollBar *bar : {horizontalScrollBar(), verticalScrollBar()})
        connect(bar, &QAbstractSlider::actionTriggered, this, &DiagramView::movedByUser,
                Qt::QueuedConnection);
}

void DiagramView::drawForeground(QPainter *painter, const QRectF &rect) {
    QGraphicsView::drawForeground(painter, rect);
    const auto *diagram = qobject_cast<const DiagramScene *>(scene());
    if (!diagram || diagram->hasModels())
        return;
    painter->save();
    painter->resetTransform(); // in the viewport's pixels, whatever the zoom
    QFont font = painter->font();
    font.setPointSizeF(font.pointSizeF() * 1.15);
    painter->setFont(font);
    painter->setPen(DiagramTheme::current().typeText);
    const QRect area = viewport()->rect().adjusted(40, 40, -40, -40);
    painter->drawText(
        area, Qt::AlignCenter | Qt::TextWordWrap,
        tr("An empty design.\n\nDouble-click here (or choose Add Model) to add a model, then Draw Link "
           "from one model to another.\nOr open an example: File ▸ Open Example ▸ seed or shop."));
    painter->restore();
}

QPointF DiagramView::center() const {
    // The exact middle, as centerOn() takes it (QRect::center() rounds down by up to a pixel).
    return viewportTransform().inverted().map(QPointF(viewport()->width() / 2.0, viewport()->height() / 2.0));
}

void DiagramView::setZoom(double value) {
    const double z = std::clamp(value, kMinZoom, kMaxZoom);
    const double factor = z / zoom();
    if (qFuzzyCompare(factor, 1.0))
        return;
    scale(factor, factor);
    if (auto *diagram = qobject_cast<DiagramScene *>(scene()))
        diagram->setFarView(z < ModelItem::plainTileZoom(viewport()->logicalDpiY()));
    emit zoomChanged(z);
}

void DiagramView::fitToContents(bool selectionOnly) {
    QRectF rect;
    const QList<QGraphicsItem *> selected =
        selectionOnly ? scene()->selectedItems() : QList<QGraphicsItem *>();
    for (QGraphicsItem *item : selected.isEmpty() ? scene()->items() : selected)
        if (!item->parentItem())
            rect |= item->sceneBoundingRect();
    if (rect.isEmpty())
        return;
    rect.adjust(-40, -40, 40, 40);
    const double z = std::min(viewport()->width() / rect.width(), viewport()->height() / rect.height());
    setZoom(std::min(z, 1.5));
    centerOn(rect.center());
}

void DiagramView::changeEvent(QEvent *event) {
    QGraphicsView::changeEvent(event);
    if (event->type() != QEvent::PaletteChange || !scene())
        return;
    resetCachedContent(); // the grid
    for (QGraphicsItem *item : scene()->items())
        item->update(); // boxes keep a cached picture of themselves
    viewport()->update();
}

void DiagramView::wheelEvent(QWheelEvent *event) {
    if (event->modifiers() & Qt::ControlModifier) {
        const double steps = event->angleDelta().y() / 120.0;
        setZoom(zoom() * std::pow(1.15, steps));
        emit movedByUser();
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void DiagramView::keyPressEvent(QKeyEvent *event) {
    // Space only pans when no in-place editor has the focus (it needs the space key).
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat() && !scene()->focusItem()) {
        mSpaceHeld = true;
        viewport()->setCursor(Qt::OpenHandCursor);
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void DiagramView::keyReleaseEvent(QKeyEvent *event) {
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat() && mSpaceHeld) {
        mSpaceHeld = false;
        viewport()->unsetCursor();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void DiagramView::mousePressEvent(QMouseEvent *event) {
    if (event->button() == Qt::MiddleButton || (mSpaceHeld && event->button() == Qt::LeftButton)) {
        mPanning = true;
        mPanStart = event->pos();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void DiagramView::mouseMoveEvent(QMouseEvent *event) {
    if (mPanning) {
        const QPoint delta = event->pos() - mPanStart;
        mPanStart = event->pos();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        emit movedByUser();
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void DiagramView::mouseReleaseEvent(QMouseEvent *event) {
    if (mPanning) {
        mPanning = false;
        if (mSpaceHeld)
            viewport()->setCursor(Qt::OpenHandCursor);
        else
            viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

} // namespace modeldesk
