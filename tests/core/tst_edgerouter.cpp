// EdgeRouter: a link's line goes straight when nothing is in the way, and around the boxes in its way
// otherwise, never through one; checked on hand-made cases and on every pair of boxes of random grids.
#include "editing/edgerouter.h"

#include <QRandomGenerator>
#include <QTest>

using namespace modeldesk;

namespace {

// Whether no segment of `path` runs through any of `boxes`.
bool clearOf(const QList<QPointF> &path, const QList<QRectF> &boxes) {
    for (qsizetype i = 1; i < path.size(); ++i)
        for (const QRectF &box : boxes)
            if (EdgeRouter::crosses(QLineF(path[i - 1], path[i]), box))
                return false;
    return true;
}

} // namespace

class TestEdgeRouter : public QObject {
    Q_OBJECT

private slots:
    void crossesOnlyTheInside() {
        const QRectF box(0, 0, 100, 50);
        QVERIFY(EdgeRouter::crosses(QLineF(-10, 25, 110, 25), box));
        QVERIFY(EdgeRouter::crosses(QLineF(50, 25, 60, 30), box));  // wholly inside
        QVERIFY(!EdgeRouter::crosses(QLineF(-10, 0, 110, 0), box)); // along the top side
        QVERIFY(!EdgeRouter::crosses(QLineF(-10, -1, 110, -1), box));
        QVERIFY(!EdgeRouter::crosses(QLineF(100, 50, 150, 100), box)); // from a corner outwards
        QVERIFY(EdgeRouter::crosses(QLineF(-50, -50, 150, 100), box)); // diagonally through
    }

    void straightWhenNothingIsInTheWay() {
        const QRectF a(0, 0, 100, 60), b(300, 0, 100, 60);
        const QList<QRectF> others{QRectF(150, 200, 100, 60)};
        const QList<QPointF> path = EdgeRouter::route(a, b, others);
        QCOMPARE(path, (QList<QPointF>{a.center(), b.center()}));
    }

    // customer above order above orderItem in one column: the link from customer to orderItem must not run
    // underneath order.
    void aroundTheBoxInTheWay() {
        const QRectF top(0, 0, 200, 120), middle(0, 200, 200, 140), bottom(0, 420, 200, 100);
        const QList<QPointF> path = EdgeRouter::route(top, bottom, {middle});
        QVERIFY(path.size() > 2);
        QCOMPARE(path.first(), top.center());
        QCOMPARE(path.last(), bottom.center());
        QVERIFY(clearOf(path, {middle}));
        // Around one side, keeping the clearance.
        for (qsizetype i = 1; i + 1 < path.size(); ++i)
            QVERIFY(!middle
                         .adjusted(-EdgeRouter::kClearance + 1, -EdgeRouter::kClearance + 1,
                                   EdgeRouter::kClearance - 1, EdgeRouter::kClearance - 1)
                         .contains(path[i]));
    }

    // Boxes in a grid with the auto-layout's gaps: every pair of boxes is joined without crossing any other.
    void randomGridsRouteEveryPair() {
        QRandomGenerator random(20261202);
        for (int round = 0; round < 20; ++round) {
            QList<QRectF> boxes;
            const int columns = 3 + int(random.bounded(4)), rows = 2 + int(random.bounded(3));
            for (int c = 0; c < columns; ++c)
                for (int r = 0; r < rows; ++r)
                    if (random.bounded(5) != 0) // some cells empty
                        boxes << QRectF(c * 260 + random.bounded(20), r * 230 + random.bounded(20),
                                        150 + random.bounded(50), 80 + random.bounded(90));
            for (qsizetype i = 0; i < boxes.size(); ++i)
                for (qsizetype j = 0; j < boxes.size(); ++j) {
                    if (i == j)
                        continue;
                    QList<QRectF> others = boxes;
                    others.removeAt(std::max(i, j));
                    others.removeAt(std::min(i, j));
                    const QList<QPointF> path = EdgeRouter::route(boxes[i], boxes[j], others);
                    QVERIFY2(clearOf(path, others),
                             qPrintable(QStringLiteral("round %1, boxes %2 → %3").arg(round).arg(i).arg(j)));
                }
        }
    }
};

QTEST_APPLESS_MAIN(TestEdgeRouter)
#include "tst_edgerouter.moc"
