#include "designer/linkitem.h"

#include "designer/diagramscene.h"
#include "designer/diagramtheme.h"
#include "designer/modelitem.h"
#include "editing/edgerouter.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QHash>
#include <QPaintEngine>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QtMath>

#include <algorithm>
#include <tuple>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

// Where the segment from the centre of `rect` towards `towards` leaves the rectangle.
QPointF borderPoint(const QRectF &rect, const QPointF &towards) {
    const QPointF c = rect.center();
    const QPointF d = towards - c;
    if (qFuzzyIsNull(d.x()) && qFuzzyIsNull(d.y()))
        return c;
    const double sx = d.x() != 0 ? (rect.width() / 2) / std::abs(d.x()) : 1e9;
    const double sy = d.y() != 0 ? (rect.height() / 2) / std::abs(d.y()) : 1e9;
    const double s = std::min(sx, sy);
    return c + d * s;
}

const QFont &labelFont() {
    static const QFont font = [] {
        QFont f;
        f.setPointSizeF(8.5);
        return f;
    }();
    return font;
}

const QFontMetricsF &labelMetrics() {
    static const QFontMetricsF metrics(labelFont());
    return metrics;
}

// The cardinalities are a handful of short strings, measured once each.
double endLabelWidth(const QString &text) {
    static QHash<QString, double> widths;
    auto it = widths.constFind(text);
    if (it == widths.cend())
        it = widths.insert(text, labelMetrics().horizontalAdvance(text));
    return *it;
}

// Zoomed out further than this, a link is just its line.
constexpr double kLineOnlyDetail = 0.4;
// Labels are readable from here on.
constexpr double kLabelDetail = 0.7;

QString sourceEnd(Link::Kind kind) {
    return kind == Link::Kind::HasOne || kind == Link::Kind::HasMany ? u"1"_s : u"N"_s;
}

QString targetEnd(Link::Kind kind) {
    switch (kind) {
    case Link::Kind::HasOne:
        return u"0..1"_s;
    case Link::Kind::BelongsTo:
        return u"1"_s;
    default:
        return u"N"_s;
    }
}

LinkItem::Notation gNotation = LinkItem::Notation::Arrows;

} // namespace

void LinkItem::setNotation(Notation notation) {
    gNotation = notation;
}

LinkItem::Notation LinkItem::notation() {
    return gNotation;
}

void LinkItem::paintCrowsFoot(QPainter *painter, const QPointF &at, const QPointF &towards,
                              const QString &end) {
    QLineF dir(at, towards);
    if (dir.length() < 1)
        return;
    dir.setLength(1);
    const QPointF along(dir.dx(), dir.dy());
    const QPointF across(-along.y(), along.x());
    const auto bar = [&](double distance) {
        const QPointF c = at + along * distance;
        painter->drawLine(c + across * 6, c - across * 6);
    };
    const auto ring = [&](double distance) {
        painter->setBrush(DiagramTheme::current().canvas); // hides the line behind the ring
        painter->drawEllipse(at + along * distance, 4, 4);
        painter->setBrush(Qt::NoBrush);
    };
    if (end == u"N"_s) { // zero or many: a ring and a fork opening onto the box
        const QPointF root = at + along * 12;
        painter->drawLine(root, at + across * 7);
        painter->drawLine(root, at);
        painter->drawLine(root, at - across * 7);
        ring(18);
    } else if (end == u"0..1"_s) { // zero or one
        bar(7);
        ring(15);
    } else { // exactly one
        bar(7);
        bar(12);
    }
}

LinkItem::LinkItem(ModelItem *source, ModelItem *target, int linkIndex, const Link &link, int inverseIndex,
                   ModelItem *via)
    : mSource(source)
    , mTarget(target)
    , mVia(via != source && via != target ? via : nullptr)
    , mLinkIndex(linkIndex)
    , mInverseIndex(inverseIndex)
    , mLink(link)
    , mKind(link.kind)
    , mLabel(labelFor(link, inverseIndex >= 0))
    , mLabelWidth(labelMetrics().horizontalAdvance(mLabel))
    , mStaticLabel(mLabel) {
    mStaticLabel.setTextFormat(Qt::PlainText);
    mStaticLabel.setPerformanceHint(QStaticText::AggressiveCaching);
    setFlags(ItemIsSelectable);
    setZValue(-1); // under the boxes
    setAcceptHoverEvents(true);
    mSource->addLink(this);
    if (mTarget != mSource)
        mTarget->addLink(this);
    if (mVia)
        mVia->addLink(this); // it follows the junction box too
    setToolTip(mLabel);
    adjust();
}

LinkItem::~LinkItem() {
    if (mBaked)
        bakedChanged(mBounds);
    mSource->removeLink(this);
    mTarget->removeLink(this);
    if (mVia)
        mVia->removeLink(this);
}

QString LinkItem::labelFor(const Link &link, bool hasInverse) {
    QStringList parts{Link::kindName(link.kind)};
    if (!link.as.isEmpty())
        parts << QCoreApplication::translate("LinkItem", "as %1").arg(link.as);
    if (!link.foreignKey.isEmpty())
        parts << link.foreignKey;
    if (link.kind == Link::Kind::BelongsToMany && !link.through.isEmpty())
        parts << QCoreApplication::translate("LinkItem", "through %1").arg(link.through);
    QString label = parts.join(u" · "_s);
    if (hasInverse)
        label += u" ⇄"_s;
    return label;
}

void LinkItem::setIndices(int linkIndex, int inverseIndex) {
    mLinkIndex = linkIndex;
    mInverseIndex = inverseIndex;
}

void LinkItem::setOffset(double offset) {
    if (offset == mOffset)
        return;
    mOffset = offset;
    adjust();
}

void LinkItem::setHasProblem(bool error) {
    if (mHasProblem == error)
        return; // the marks are applied to every link after each validation: repaint only what changed
    mHasProblem = error;
    update();
    if (mBaked)
        bakedChanged(mBounds);
}

void LinkItem::setBaked(bool baked) {
    if (mBaked == baked)
        return;
    mBaked = baked;
    DiagramScene::updateContentsFlag(this, mBaked);
}

void LinkItem::bakedChanged(const QRectF &area) const {
    if (auto *diagram = qobject_cast<DiagramScene *>(scene()))
        diagram->bakedChanged(area);
}

QVariant LinkItem::itemChange(GraphicsItemChange change, const QVariant &value) {
    if (change == ItemSelectedHasChanged)
        DiagramScene::updateContentsFlag(this,
                                         mBaked); // a selected link draws itself, in the selection's colour
    return QGraphicsItem::itemChange(change, value);
}

QList<QPointF> LinkItem::routeLeg(const QRectF &a, const QRectF &b, const QPointF &shift) const {
    const QLineF straight(a.center(), b.center());
    // The bounds of the other boxes in `area`: from the canvas's grid of boxes (its index also holds every
    // link, and on a big design hundreds of long links cross any area), else from the scene.
    const auto otherBoxes = [&](const QRectF &area) {
        QList<QRectF> boxes;
        if (const auto *diagram = qobject_cast<const DiagramScene *>(scene())) {
            for (const BoxGrid::Entry &entry : diagram->boxesIn(area))
                if (entry.box != mSource && entry.box != mTarget && entry.box != mVia)
                    boxes << entry.rect;
        } else if (scene()) {
            for (const QGraphicsItem *item : scene()->items(area, Qt::IntersectsItemBoundingRect))
                if (item->type() == ModelItem::Type && item != mSource && item != mTarget && item != mVia)
                    boxes << item->sceneBoundingRect();
        }
        return boxes;
    };
    // Only when a box is under the straight line are the boxes around it gathered and the line routed.
    bool blocked = false;
    if (straight.length() <= EdgeRouter::kMaxRoutedLength)
        for (const QRectF &box : otherBoxes(QRectF(straight.p1(), straight.p2()).normalized()))
            if (EdgeRouter::crosses(straight, box)) {
                blocked = true;
                break;
            }
    QList<QRectF> obstacles;
    if (blocked) {
        for (const QRectF &box : otherBoxes(EdgeRouter::reach(a, b)))
            obstacles << box.adjusted(3, 3, -3, -3);
        // In one order whatever order the boxes were found in, so that among routes of equal length the
        // same one wins after any history of edits.
        std::sort(obstacles.begin(), obstacles.end(), [](const QRectF &x, const QRectF &y) {
            return std::tuple(x.top(), x.left(), x.bottom(), x.right()) <
                   std::tuple(y.top(), y.left(), y.bottom(), y.right());
        });
    }
    QList<QPointF> points = blocked ? EdgeRouter::route(a, b, obstacles) : QList<QPointF>{};
    if (points.size() <= 2)
        return {borderPoint(a, b.center() + shift) + shift, borderPoint(b, a.center() + shift) + shift};
    for (qsizetype i = 1; i + 1 < points.size(); ++i)
        points[i] += shift;
    points.first() = borderPoint(a, points.at(1));
    points.last() = borderPoint(b, points.at(points.size() - 2));
    return points;
}

void LinkItem::adjust() {
    const QRectF a = mSource->sceneBoundingRect().adjusted(3, 3, -3, -3);
    const QRectF b = mTarget->sceneBoundingRect().adjusted(3, 3, -3, -3);
    QList<QList<QPointF>> legs;
    if (mVia) {
        const QRectF v = mVia->sceneBoundingRect().adjusted(3, 3, -3, -3);
        legs << routeLeg(a, v, {}) << routeLeg(v, b, {});
    } else if (mSource == mTarget) {
        legs << QList<QPointF>{QPointF(a.right(), a.top() + 14 + mOffset),
                               QPointF(a.right() - 30 - mOffset, a.top())};
    } else {
        QLineF centres(a.center(), b.center());
        const QPointF normal =
            centres.length() > 0 ? QPointF(-centres.dy(), centres.dx()) / centres.length() : QPointF();
        legs << routeLeg(a, b, normal * mOffset);
    }
    // The scene refreshes every link after each edit; most did not move, and re-indexing them would cost.
    if (legs == mLegs && !mPath.isEmpty())
        return;
    prepareGeometryChange();
    const QRectF was = mBounds;
    mLegs = legs;
    mFrom = mLegs.first().first();
    mTo = mLegs.last().last();
    updateGeometry();
    if (mBaked)
        bakedChanged(was | mBounds);
}

void LinkItem::updateGeometry() {
    QPainterPath p(mFrom);
    mLegLengths.clear();
    mLength = 0;
    if (mSource == mTarget) {
        const QPointF corner(mFrom.x() + 40 + mOffset, mTo.y() - 40 - mOffset);
        p.cubicTo(QPointF(corner.x(), mFrom.y()), QPointF(corner.x(), corner.y()),
                  QPointF(mTo.x(), corner.y()));
        p.lineTo(mTo);
    } else {
        for (const QList<QPointF> &leg : std::as_const(mLegs)) {
            p.moveTo(leg.first());
            double length = 0;
            for (qsizetype i = 1; i < leg.size(); ++i) {
                length += QLineF(leg.at(i - 1), leg.at(i)).length();
                if (i + 1 == leg.size()) {
                    p.lineTo(leg.at(i));
                    continue;
                }
                // A bend is rounded off, so that a routed line reads as one line around the box.
                const QLineF in(leg.at(i), leg.at(i - 1)), out(leg.at(i), leg.at(i + 1));
                const double r = std::min({12.0, in.length() / 2, out.length() / 2});
                p.lineTo(in.pointAt(r / std::max(1.0, in.length())));
                p.quadTo(leg.at(i), out.pointAt(r / std::max(1.0, out.length())));
            }
            mLegLengths << length;
            mLength += length;
        }
    }
    mPath = p;
    // Room for the arrow head, the end labels and the label in the middle.
    const double pad = std::max(30.0, mLabelWidth / 2 + 10);
    const QPointF mid = labelCentre();
    mBounds =
        mPath.boundingRect().adjusted(-30, -30, 30, 30) | QRectF(mid.x() - pad, mid.y() - 12, 2 * pad, 24);
}

QPointF LinkItem::pointAlong(double distance) const {
    if (mSource == mTarget || mLength <= 0)
        return distance >= 0 ? mFrom : mTo;
    if (distance < 0)
        distance = std::max(0.0, mLength + distance);
    for (qsizetype l = 0; l < mLegs.size(); ++l) {
        const QList<QPointF> &leg = mLegs.at(l);
        if (distance > mLegLengths.at(l) && l + 1 < mLegs.size()) {
            distance -= mLegLengths.at(l);
            continue;
        }
        for (qsizetype i = 1; i < leg.size(); ++i) {
            const QLineF segment(leg.at(i - 1), leg.at(i));
            if (distance <= segment.length() || i + 1 == leg.size())
                return segment.pointAt(segment.length() > 0 ? std::min(1.0, distance / segment.length()) : 0);
            distance -= segment.length();
        }
    }
    return mTo;
}

QPointF LinkItem::pointAt(double t) const {
    if (mSource == mTarget)
        return mPath.pointAtPercent(t);
    // Via a junction, the first half of t runs along the first leg and the second half along the other.
    if (mVia && mLegs.size() == 2 && mLegLengths.size() == 2)
        return t < 0.5 ? pointAlong(t * 2 * mLegLengths.at(0))
                       : pointAlong(mLegLengths.at(0) + (t - 0.5) * 2 * mLegLengths.at(1));
    return pointAlong(t * mLength);
}

void LinkItem::setLabelSlot(int slot) {
    if (slot == mLabelSlot)
        return;
    prepareGeometryChange();
    mLabelSlot = slot;
    updateGeometry();
}

QPointF LinkItem::labelCentre() const {
    if (mVia)
        return pointAt(0.25); // on the source's segment, clear of the junction box
    if (mLabelSlot == 0 || mSource == mTarget)
        return pointAt(0.5);
    // Slots alternate before and after the middle, far enough apart along the line for the labels to
    // clear each other vertically (boxes are mostly stacked), but never off the line's middle part.
    const double length = std::max(1.0, std::abs(mTo.y() - mFrom.y()) + std::abs(mTo.x() - mFrom.x()) / 4);
    const double step = std::min(0.15, 22.0 / length);
    const int side = mLabelSlot % 2 ? -1 : 1;
    return pointAt(std::clamp(0.5 + side * step * ((mLabelSlot + 1) / 2), 0.2, 0.8));
}

QRectF LinkItem::boundingRect() const {
    return mBounds;
}

QPainterPath LinkItem::shape() const {
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    QPainterPath s = stroker.createStroke(mPath);
    const QPointF mid = labelCentre();
    s.addRect(QRectF(mid.x() - mLabelWidth / 2 - 4, mid.y() - 9, mLabelWidth + 8, 18));
    return s;
}

void LinkItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *) {
    paintContent(painter, option); // Qt does not call it while the link is baked (it has no contents then)
}

void LinkItem::paintContent(QPainter *painter, const QStyleOptionGraphicsItem *option) {
    const double lod = ModelItem::levelOfDetail(option, painter);
    const bool selected = option->state & QStyle::State_Selected; // images paint "not selected"
    const DiagramTheme &theme = DiagramTheme::current();
    const QColor color = selected ? theme.selection : (mHasProblem ? theme.lineError : theme.line);
    const QPainterPath &p = mPath;
    if (lod < kLineOnlyDetail) {
        // Far out: a one- or two-pixel line without antialiasing; thousands of them stay cheap.
        painter->setRenderHint(QPainter::Antialiasing, false);
        QPen pen(color, selected ? 2 : 1);
        pen.setCosmetic(true);
        painter->setPen(pen);
        if (mSource == mTarget || mVia || mLegs.first().size() > 2)
            painter->drawPath(p);
        else
            painter->drawLine(mFrom, mTo);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    // The screen (a widget, or a pixmap cache of it) rather than an image file.
    const int device = painter->device() ? painter->device()->devType() : QInternal::Image;
    const bool onScreen = device == QInternal::Widget || device == QInternal::Pixmap;
    if (onScreen && !selected) {
        // On screen, a one-pixel cosmetic pen: the raster engine draws those on its fast path (a wider pen
        // goes through the general stroker, and a dense design has hundreds of long links in view, all
        // repainted when a box is dragged across them). Images keep the 1.5 unit line.
        QPen pen(color, 1);
        pen.setCosmetic(true);
        painter->setPen(pen);
    } else {
        painter->setPen(QPen(color, selected ? 2.5 : 1.5));
    }
    painter->setBrush(Qt::NoBrush);
    if (mSource == mTarget || mVia || mLegs.first().size() > 2)
        painter->drawPath(p);
    else
        painter->drawLine(mFrom, mTo);

    if (gNotation == Notation::CrowsFoot) {
        painter->setPen(QPen(color, onScreen && !selected ? 1.2 : 1.5));
        const bool loop = mSource == mTarget;
        paintCrowsFoot(painter, mFrom, loop ? pointAt(0.1) : pointAlong(20), sourceEnd(mKind));
        paintCrowsFoot(painter, mTo, loop ? pointAt(0.9) : pointAlong(-20), targetEnd(mKind));
    } else {
        paintArrowAndEnds(painter, color, lod);
    }
    if (lod < kLabelDetail)
        return;
    paintLabel(painter, color);
}

void LinkItem::paintArrowAndEnds(QPainter *painter, const QColor &color, double lod) {
    // Arrow head at the target: the direction of `Source.hasOne(Target)`, along the line's last stretch.
    const QPointF before = mSource == mTarget ? pointAt(0.95) : pointAlong(-6);
    const double angle = std::atan2(mTo.y() - before.y(), mTo.x() - before.x());
    const QPointF tip = mTo;
    const QPointF left = tip - QPointF(std::cos(angle - 0.4), std::sin(angle - 0.4)) * 10;
    const QPointF right = tip - QPointF(std::cos(angle + 0.4), std::sin(angle + 0.4)) * 10;
    painter->setBrush(color);
    painter->drawPolygon(QPolygonF{tip, left, right});

    if (lod < kLabelDetail)
        return;
    painter->setFont(labelFont());
    // Cardinalities just outside each box, beside the line and clear of it and of the arrow head: the text's
    // box is pushed sideways by its own half extent across the line.
    auto endLabel = [&](const QPointF &at, const QPointF &towards, const QString &text) {
        QLineF dir(at, towards);
        if (dir.length() < 1)
            return;
        const double width = endLabelWidth(text) + 4, height = 14;
        dir.setLength(1);
        const QPointF along(dir.dx(), dir.dy());
        const QPointF across(-along.y(), along.x());
        const double half = std::abs(across.x()) * width / 2 + std::abs(across.y()) * height / 2;
        const double halfAlong = std::abs(along.x()) * width / 2 + std::abs(along.y()) * height / 2;
        const QPointF pos = at + along * (14 + halfAlong) + across * (6 + half);
        const QRectF r(pos.x() - width / 2, pos.y() - height / 2, width, height);
        painter->setPen(color);
        painter->drawText(r, Qt::AlignCenter, text);
    };
    if (mSource == mTarget) {
        endLabel(mFrom, pointAt(0.2), sourceEnd(mKind));
        endLabel(mTo, pointAt(0.8), targetEnd(mKind));
    } else {
        endLabel(mFrom, pointAlong(20), sourceEnd(mKind));
        endLabel(mTo, pointAlong(-20), targetEnd(mKind));
    }
}

void LinkItem::paintLabel(QPainter *painter, const QColor &color) {
    painter->setFont(labelFont());
    const QFontMetricsF &fm = labelMetrics();

    const QPointF mid = labelCentre();
    const QRectF labelRect(mid.x() - mLabelWidth / 2 - 5, mid.y() - 9, mLabelWidth + 10, 18);
    painter->setPen(QPen(color, 1));
    painter->setBrush(DiagramTheme::current().labelFill);
    painter->drawRoundedRect(labelRect, 4, 4);
    // On screen the label's layout is prepared once (QStaticText); vector output gets real text.
    if (painter->paintEngine() && painter->paintEngine()->type() == QPaintEngine::Raster)
        painter->drawStaticText(QPointF(mid.x() - mLabelWidth / 2, mid.y() - fm.height() / 2), mStaticLabel);
    else
        painter->drawText(labelRect, Qt::AlignCenter, mLabel);
}

} // namespace modeldesk
