// Auto-layout: parents above children, no overlaps, and sane on big generated designs.
#include "editing/autolayout.h"
#include "support/testsupport.h"

#include <QTest>

using namespace modeldesk;
using namespace Qt::StringLiterals;

namespace {

QMap<QString, QSizeF> uniformSizes(const Schema &schema, QSizeF size = QSizeF(200, 140)) {
    QMap<QString, QSizeF> sizes;
    for (const Model &m : schema.models)
        sizes.insert(m.name, size);
    return sizes;
}

bool overlaps(const QMap<QString, QPointF> &positions, const QMap<QString, QSizeF> &sizes) {
    QList<QRectF> rects;
    for (auto it = positions.cbegin(); it != positions.cend(); ++it)
        rects.append(QRectF(it.value(), sizes.value(it.key())));
    for (int i = 0; i < rects.size(); ++i)
        for (int j = i + 1; j < rects.size(); ++j)
            if (rects[i].intersects(rects[j]))
                return true;
    return false;
}

} // namespace

class TstAutoLayout : public QObject {
    Q_OBJECT

private slots:
    void seedParentAboveChild() {
        const Schema schema = test::loadExample(u"seed"_s).schema;
        const auto sizes = uniformSizes(schema);
        const auto positions = AutoLayout::arrange(schema, sizes);
        QCOMPARE(positions.size(), 2);
        QVERIFY(positions.value(u"testUser"_s).y() + 140 <= positions.value(u"test"_s).y());
    }

    void shopLayers() {
        const Schema schema = test::loadExample(u"shop"_s).schema;
        const auto sizes = uniformSizes(schema);
        const auto p = AutoLayout::arrange(schema, sizes);
        QVERIFY(p.value(u"customer"_s).y() < p.value(u"order"_s).y());
        QVERIFY(p.value(u"customer"_s).y() < p.value(u"profile"_s).y());
        QVERIFY(p.value(u"order"_s).y() < p.value(u"orderItem"_s).y());
        QVERIFY(p.value(u"product"_s).y() < p.value(u"orderItem"_s).y());
        QVERIFY(!overlaps(p, sizes));
    }

    // A project without a layout: every model is placed, as arrange() would; none without need.
    void placeMissingLaysOutWhatHasNoPosition() {
        const Schema schema = test::loadExample(u"shop"_s).schema;
        const auto sizes = uniformSizes(schema);
        QCOMPARE(AutoLayout::placeMissing(schema, {}, sizes), AutoLayout::arrange(schema, sizes));
        const auto all = AutoLayout::arrange(schema, sizes);
        QVERIFY(AutoLayout::placeMissing(schema, all, sizes).isEmpty());
        // Two models placed by hand, three not: those go below, without overlapping anything.
        QMap<QString, QPointF> placed{{u"customer"_s, QPointF(500, 40)}, {u"order"_s, QPointF(100, 300)}};
        const auto added = AutoLayout::placeMissing(schema, placed, sizes);
        QCOMPARE(added.keys(), (QStringList{u"orderItem"_s, u"product"_s, u"profile"_s}));
        for (const QPointF &p : added)
            QVERIFY(p.y() >= 300 + 140 && p.x() >= 100);
        placed.insert(added);
        QVERIFY(!overlaps(placed, sizes));
        // A position left over for a model that is gone does not count.
        QCOMPARE(AutoLayout::placeMissing(schema, {{u"gone"_s, QPointF(0, 5000)}}, sizes), all);
    }

    void cyclesDoNotHang() {
        Schema schema;
        for (const char *name : {"a", "b", "c"})
            schema.models.append(Model{QString::fromLatin1(name)});
        schema.links = {Link{Link::Kind::HasMany, u"a"_s, u"b"_s}, Link{Link::Kind::HasMany, u"b"_s, u"c"_s},
                        Link{Link::Kind::HasMany, u"c"_s, u"a"_s}, Link{Link::Kind::HasOne, u"a"_s, u"a"_s}};
        const auto sizes = uniformSizes(schema);
        const auto p = AutoLayout::arrange(schema, sizes);
        QCOMPARE(p.size(), 3);
        QVERIFY(!overlaps(p, sizes));
    }

    // A generated big design: every model placed, none overlapping, and the picture not absurdly wide.
    void bigDesign() {
        Schema schema;
        const int n = 600;
        for (int i = 0; i < n; ++i)
            schema.models.append(Model{u"m%1"_s.arg(i)});
        for (int i = 1; i < n; ++i)
            schema.links.append(Link{Link::Kind::HasMany, u"m%1"_s.arg((i * 7919) % i), u"m%1"_s.arg(i)});
        const auto sizes = uniformSizes(schema);
        const auto p = AutoLayout::arrange(schema, sizes);
        QCOMPARE(p.size(), n);
        QVERIFY(!overlaps(p, sizes));
        double maxX = 0, maxY = 0;
        for (const QPointF &pt : p) {
            maxX = std::max(maxX, pt.x());
            maxY = std::max(maxY, pt.y());
        }
        QVERIFY2(maxX < 6 * std::max(maxY, 1000.0), "layout is far wider than tall");
        for (const Link &link : schema.links)
            QVERIFY(p.value(link.source).y() < p.value(link.target).y());
    }
};

QTEST_GUILESS_MAIN(TstAutoLayout)
#include "tst_autolayout.moc"
