#include "linkitem.h"

#include "modelitem.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QtMath>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

const QColor kLineColor(0x5a, 0x64, 0x70);
const QColor kSelectedColor(0xf2, 0x9c, 0x1f);
const QColor kErrorColor(0xb3, 0x3a, 0x3a);

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

QFont labelFont() {
    QFont f;
    f.setPointSizeF(8.5);
    return f;
}

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

LinkItem::LinkItem(ModelItem *source, ModelItem *target, int linkIndex, const Link &link, int inverseIndex)
    : mSource(source)
    , mTarget(target)
    , mLinkIndex(linkIndex)
    , mInverseIndex(inverseIndex)
    , mKind(link.kind)
    , mLabel(labelFor(link, inverseIndex >= 0)) {
    setFlags(ItemIsSelectable);
    setZValue(-1); // under the boxes
    setAcceptHoverEvents(true);
    mSource->addLink(this);
    if (mTarget != mSource)
        mTarget->addLink(this);
    setToolTip(mLabel);
    adjust();
}

LinkItem::~LinkItem() {
    mSource->removeLink(this);
    mTarget->removeLink(this);
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

void LinkItem::setOffset(double offset) {
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
    prepareGeometryChange();
    if (mSource == mTarget) {
        mFrom = QPointF(a.right(), a.top() + 14 + mOffset);
        mTo = QPointF(a.right() - 30 - mOffset, a.top());
        return;
    }
    QLineF centres(a.center(), b.center());
    const QPointF normal =
        centres.length() > 0 ? QPointF(-centres.dy(), centres.dx()) / centres.length() : QPointF();
    const QPointF shift = normal * mOffset;
    mFrom = borderPoint(a, b.center() + shift) + shift;
    mTo = borderPoint(b, a.center() + shift) + shift;
}

QPainterPath LinkItem::path() const {
    QPainterPath p(mFrom);
    if (mSource == mTarget) {
        const QPointF corner(mFrom.x() + 40 + mOffset, mTo.y() - 40 - mOffset);
        p.cubicTo(QPointF(corner.x(), mFrom.y()), QPointF(corner.x(), corner.y()),
                  QPointF(mTo.x(), corner.y()));
        p.lineTo(mTo);
    } else {
        p.lineTo(mTo);
    }
    return p;
}

QRectF LinkItem::boundingRect() const {
    const QFontMetricsF fm(labelFont());
    const double pad = std::max(60.0, fm.horizontalAdvance(mLabel) / 2 + 10);
    return path().boundingRect().adjusted(-pad, -30, pad, 30);
}

QPainterPath LinkItem::shape() const {
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    QPainterPath s = stroker.createStroke(path());
    const QFontMetricsF fm(labelFont());
    const QPointF mid = path().pointAtPercent(0.5);
    s.addRect(QRectF(mid.x() - fm.horizontalAdvance(mLabel) / 2 - 4, mid.y() - 9,
                     fm.horizontalAdvance(mLabel) + 8, 18));
    return s;
}

void LinkItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *) {
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const QColor color = isSelected() ? kSelectedColor : (mHasProblem ? kErrorColor : kLineColor);
    const QPainterPath p = path();
    if (lod < 0.4) { // far out: just the line
        painter->setPen(QPen(color, 1.5 / lod));
        painter->drawPath(p);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(color, isSelected() ? 2.5 : 1.5));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(p);

    // Arrow head at the target: the direction of `Source.hasOne(Target)`.
    const double angle =
        std::atan2(mTo.y() - p.pointAtPercent(0.95).y(), mTo.x() - p.pointAtPercent(0.95).x());
    const QPointF tip = mTo;
    const QPointF left = tip - QPointF(std::cos(angle - 0.4), std::sin(angle - 0.4)) * 10;
    const QPointF right = tip - QPointF(std::cos(angle + 0.4), std::sin(angle + 0.4)) * 10;
    painter->setBrush(color);
    painter->drawPolygon(QPolygonF{tip, left, right});

    if (lod < 0.7)
        return;
    painter->setFont(labelFont());
    const QFontMetricsF fm(labelFont());
    // Cardinalities just outside each box, beside the line.
    auto endLabel = [&](const QPointF &at, const QPointF &towards, const QString &text) {
        QLineF dir(at, towards);
        if (dir.length() < 1)
            return;
        dir.setLength(16);
        const QPointF n(-(dir.dy()) / 16 * 9, dir.dx() / 16 * 9);
        const QPointF pos = dir.p2() + n;
        const QRectF r(pos.x() - fm.horizontalAdvance(text) / 2 - 2, pos.y() - 8,
                       fm.horizontalAdvance(text) + 4, 16);
        painter->setPen(color);
        painter->drawText(r, Qt::AlignCenter, text);
    };
    endLabel(mFrom, p.pointAtPercent(0.2), sourceEnd(mKind));
    endLabel(mTo, p.pointAtPercent(0.8), targetEnd(mKind));

    const QPointF mid = p.pointAtPercent(0.5);
    const QRectF labelRect(mid.x() - fm.horizontalAdvance(mLabel) / 2 - 5, mid.y() - 9,
                           fm.horizontalAdvance(mLabel) + 10, 18);
    painter->setPen(QPen(color, 1));
    painter->setBrush(QColor(0xff, 0xff, 0xff, 235));
    painter->drawRoundedRect(labelRect, 4, 4);
    painter->drawText(labelRect, Qt::AlignCenter, mLabel);
}

} // namespace modeldesk
