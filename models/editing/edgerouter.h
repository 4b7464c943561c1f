#pragma once

#include <QLineF>
#include <QList>
#include <QPointF>
#include <QRectF>

namespace modeldesk {

// Where a link's line runs between two boxes: straight when nothing is in the way, else around the boxes in
// its way, so that a line never runs underneath a box it has nothing to do with (where it would read as a
// link to that box). The path is the shortest through the corners of those boxes (a visibility graph),
// with a cost per bend so that it keeps few of them. Pure geometry, for the canvas and exported images.
class EdgeRouter {
public:
    // The room kept between a routed line and a box it passes.
    static constexpr double kClearance = 14;
    // Boxes further than this from the straight line are not considered (big designs stay cheap).
    static constexpr double kReach = 240;
    // A line longer than this stays straight: across a big design it is read by its ends, and finding the
    // boxes under it would cost more than routing helps.
    static constexpr double kMaxRoutedLength = 1600;

    // The points of the line from the centre of `from` to the centre of `to` (first and last are those
    // centres), passing clear of every box in `obstacles` (which should not hold `from` or `to`). Two points
    // when the straight line is clear; also when no way around is found among the nearby boxes.
    static QList<QPointF> route(const QRectF &from, const QRectF &to, const QList<QRectF> &obstacles);
    // Whether the segment runs through the inside of `rect` (touching its border does not count).
    static bool crosses(const QLineF &segment, const QRectF &rect);
    // The area around the straight line in which boxes can matter for route().
    static QRectF reach(const QRectF &from, const QRectF &to);
};

} // namespace modeldesk
