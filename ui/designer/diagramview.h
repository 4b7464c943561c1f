#pragma once

#include <QGraphicsView>

namespace modeldesk {

// The canvas viewport: Ctrl+wheel zooms under the cursor, space-drag or the middle button pans, and the
// zoom commands of the View menu land here.
class DiagramView : public QGraphicsView {
    Q_OBJECT

public:
    explicit DiagramView(QGraphicsScene *scene, QWidget *parent = nullptr);

    double zoom() const { return transform().m11(); }
    void setZoom(double zoom);
    void zoomIn() { setZoom(zoom() * 1.25); }
    void zoomOut() { setZoom(zoom() / 1.25); }
    void resetZoom() { setZoom(1.0); }
    // Shows every box, or only the selected items when `selectionOnly` and something is selected.
    void fitToContents(bool selectionOnly = false);
    // The scene point in the middle of the viewport.
    QPointF center() const;

signals:
    void zoomChanged(double zoom);
    // The user moved the view: zoomed with the wheel, scrolled (wheel, keys, scroll bars) or panned. Not
    // emitted when code positions the view, e.g. when a project opens with its saved zoom and centre.
    void movedByUser();

protected:
    // A new palette (View ▸ Theme) repaints the canvas in its colours (DiagramTheme::current).
    void changeEvent(QEvent *event) override;
    // An empty canvas says how to start.
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    bool mSpaceHeld = false;
    bool mPanning = false;
    QPoint mPanStart;
};

} // namespace modeldesk
