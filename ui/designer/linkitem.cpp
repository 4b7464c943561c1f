#include "designer/linkitem.h"

#include "designer/diagramtheme.h"
#include "designer/modelitem.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QHash>
#include <QPaintEngine>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QtMath>

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

} // namespace

LinkItem::LinkItem(ModelItem *source, ModelItem *target, int linkIndex, const Link &link, int inverseIndex,
                   ModelItem *via)
    : mSource(source)
    , mTarget(target)
    , mVia(via != source && via != target ? via : nullptr)
    , mLinkIndex(linkIndex)
    , mInverseIndex(inverseIndex)
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
    mHasProblem = error;
    update();
}

void LinkItem::adjust() {
    const QRectF a = mSource->sceneBoundingRect().adjusted(3, 3, -3, -3);
    const QRectF b = mTarget->sceneBoundingRect().adjusted(3, 3, -3, -3);
    QPointF from;
    QPointF to;
    QPointF viaIn;
    QPointF viaOut;
    if (mVia) {
        const QRectF v = mVia->sceneBoundingRect().adjusted(3, 3, -3, -3);
        from = borderPoint(a, v.center());
        viaIn = borderPoint(v, a.center());
        viaOut = borderPoint(v, b.center());
        to = borderPoint(b, v.center());
    } else if (mSource == mTarget) {
        from = QPointF(a.right(), a.top() + 14 + mOffset);
        to = QPointF(a.right() - 30 - mOffset, a.top());
    } else {
        QLineF centres(a.center(), b.center());
        const QPointF normal =
            centres.length() > 0 ? QPointF(-centres.dy(), centres.dx()) / centres.length() : QPointF();
        const QPointF shift = normal * mOffset;
        from = borderPoint(a, b.center() + shift) + shift;
        to = borderPoint(b, a.center() + shift) + shift;
    }
    // The scene refreshes every link after each edit; most did not move, and re-indexing them would cost.
    if (from == mFrom && to == mTo && viaIn == mViaIn && viaOut == mViaOut && !mPath.isEmpty())
        return;
    prepareGeometryChange();
    mFrom = from;
    mTo = to;
    mViaIn = viaIn;
    mViaOut = viaOut;
    updateGeometry();
}

void LinkItem::updateGeometry() {
    QPainterPath p(mFrom);
    if (mVia) {
        p.lineTo(mViaIn);
        p.moveTo(mViaOut);
        p.lineTo(mTo);
    } else if (mSource == mTarget) {
        const QPointF corner(mFrom.x() + 40 + mOffset, mTo.y() - 40 - mOffset);
        p.cubicTo(QPointF(corner.x(), mFrom.y()), QPointF(corner.x(), corner.y()),
                  QPointF(mTo.x(), corner.y()));
        p.lineTo(mTo);
    } else {
        p.lineTo(mTo);
    }
    mPath = p;
    // Room for the arrow head, the end labels and the label in the middle.
    const double pad = std::max(30.0, mLabelWidth / 2 + 10);
    const QPointF mid = labelCentre();
    mBounds =
        mPath.boundingRect().adjusted(-30, -30, 30, 30) | QRectF(mid.x() - pad, mid.y() - 12, 2 * pad, 24);
}

QPointF LinkItem::pointAt(double t) const {
    // QPainterPath::pointAtPercent measures the whole path; a straight line needs no measuring. Via a
    // junction, the first half of t runs along the first segment and the second half along the other.
    if (mVia)
        return t < 0.5 ? mFrom + (mViaIn - mFrom) * (t * 2) : mViaOut + (mTo - mViaOut) * ((t - 0.5) * 2);
    return mSource == mTarget ? mPath.pointAtPercent(t) : mFrom + (mTo - mFrom) * t;
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
    if (!mBaked)
        paintContent(painter, option);
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
        if (mSource == mTarget || mVia)
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
    if (mSource == mTarget || mVia)
        painter->drawPath(p);
    else
        painter->drawLine(mFrom, mTo);

    // Arrow head at the target: the direction of `Source.hasOne(Target)`.
    const QPointF before = pointAt(0.95);
    const double angle = std::atan2(mTo.y() - before.y(), mTo.x() - before.x());
    const QPointF tip = mTo;
    const QPointF left = tip - QPointF(std::cos(angle - 0.4), std::sin(angle - 0.4)) * 10;
    const QPointF right = tip - QPointF(std::cos(angle + 0.4), std::sin(angle + 0.4)) * 10;
    painter->setBrush(color);
    painter->drawPolygon(QPolygonF{tip, left, right});

    if (lod < kLabelDetail)
        return;
    painter->setFont(labelFont());
    const QFontMetricsF &fm = labelMetrics();
    // Cardinalities just outside each box, beside the line.
    auto endLabel = [&](const QPointF &at, const QPointF &towards, const QString &text) {
        QLineF dir(at, towards);
        if (dir.length() < 1)
            return;
        dir.setLength(16);
        const QPointF n(-(dir.dy()) / 16 * 9, dir.dx() / 16 * 9);
        const QPointF pos = dir.p2() + n;
        const double width = endLabelWidth(text);
        const QRectF r(pos.x() - width / 2 - 2, pos.y() - 8, width + 4, 16);
        painter->setPen(color);
        painter->drawText(r, Qt::AlignCenter, text);
    };
    endLabel(mFrom, pointAt(0.2), sourceEnd(mKind));
    endLabel(mTo, pointAt(0.8), targetEnd(mKind));

    const QPointF mid = labelCentre();
    const QRectF labelRect(mid.x() - mLabelWidth / 2 - 5, mid.y() - 9, mLabelWidth + 10, 18);
    painter->setPen(QPen(color, 1));
    painter->setBrush(theme.labelFill);
    painter->drawRoundedRect(labelRect, 4, 4);
    // On screen the label's layout is prepared once (QStaticText); vector output gets real text.
    if (painter->paintEngine() && painter->paintEngine()->type() == QPaintEngine::Raster)
        painter->drawStaticText(QPointF(mid.x() - mLabelWidth / 2, mid.y() - fm.height() / 2), mStaticLabel);
    else
        painter->drawText(labelRect, Qt::AlignCenter, mLabel);
}

} // namespace modeldesk
