#include "editing/edgerouter.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>

namespace modeldesk {

namespace {

// What a bend costs, in scene units of length: a slightly longer path with fewer bends reads better.
constexpr double kBendCost = 30;
// Beyond this many boxes in the way the search would cost more than it helps: the line stays straight.
constexpr int kMaxObstacles = 48;

} // namespace

bool EdgeRouter::crosses(const QLineF &segment, const QRectF &rect) {
    // Liang–Barsky clipping against the open rectangle: does a piece of positive length lie inside it?
    const double x0 = segment.x1(), y0 = segment.y1();
    const double dx = segment.dx(), dy = segment.dy();
    double t0 = 0, t1 = 1;
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {x0 - rect.left(), rect.right() - x0, y0 - rect.top(), rect.bottom() - y0};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] <= 0)
                return false; // parallel to this side and outside (or on) it
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 >= t1)
            return false;
    }
    return (t1 - t0) * std::hypot(dx, dy) > 1e-6;
}

QRectF EdgeRouter::reach(const QRectF &from, const QRectF &to) {
    return QRectF(from.center(), to.center()).normalized().adjusted(-kReach, -kReach, kReach, kReach);
}

QList<QPointF> EdgeRouter::route(const QRectF &from, const QRectF &to, const QList<QRectF> &obstacles) {
    const QPointF start = from.center(), end = to.center();
    const QLineF straight(start, end);
    // Obstacles grown by the clearance; the line tests use them shrunk by a hair, so that a path may run
    // along a grown box's side and through its corners.
    QList<QRectF> grown;
    bool blocked = false;
    const QRectF area = reach(from, to);
    for (const QRectF &box : obstacles) {
        if (!box.intersects(area))
            continue;
        const QRectF g = box.adjusted(-kClearance, -kClearance, kClearance, kClearance);
        // A box overlapping an end box cannot be gone around from inside it: leave it be.
        if (g.intersects(from) || g.intersects(to))
            continue;
        grown << g;
        blocked = blocked || crosses(straight, box.adjusted(-2, -2, 2, 2));
    }
    if (!blocked || grown.size() > kMaxObstacles)
        return {start, end};
    const auto clear = [&](const QPointF &a, const QPointF &b) {
        const QLineF line(a, b);
        return std::none_of(grown.cbegin(), grown.cend(),
                            [&](const QRectF &g) { return crosses(line, g.adjusted(0.5, 0.5, -0.5, -0.5)); });
    };
    if (clear(start, end))
        return {start, end};

    // Nodes: the two centres and the corners of the grown boxes that lie outside every other grown box.
    QList<QPointF> nodes{start, end};
    for (const QRectF &g : std::as_const(grown))
        for (const QPointF &corner : {g.topLeft(), g.topRight(), g.bottomLeft(), g.bottomRight()})
            if (std::none_of(grown.cbegin(), grown.cend(), [&](const QRectF &other) {
                    return other.adjusted(0.5, 0.5, -0.5, -0.5).contains(corner);
                }))
                nodes << corner;
    // Dijkstra over the visibility graph, edges tested lazily.
    const qsizetype n = nodes.size();
    QList<double> cost(n, std::numeric_limits<double>::infinity());
    QList<int> previous(n, -1);
    QList<bool> done(n, false);
    using Entry = std::pair<double, int>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> open;
    cost[0] = 0;
    open.push({0, 0});
    while (!open.empty()) {
        const auto [c, u] = open.top();
        open.pop();
        if (done[u])
            continue;
        done[u] = true;
        if (u == 1)
            break;
        for (int v = 0; v < n; ++v) {
            if (done[v] || v == u)
                continue;
            const double step = QLineF(nodes[u], nodes[v]).length() + (v == 1 ? 0 : kBendCost);
            if (c + step >= cost[v] || !clear(nodes[u], nodes[v]))
                continue;
            cost[v] = c + step;
            previous[v] = u;
            open.push({cost[v], v});
        }
    }
    if (previous[1] < 0)
        return {start, end};
    QList<QPointF> path;
    for (int at = 1; at >= 0; at = previous[at])
        path.prepend(nodes[at]);
    return path;
}

} // namespace modeldesk
