#include "modelitem.h"

#include "linkitem.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

constexpr double kRowHeight = 20;
constexpr double kHeaderHeight = 40;
constexpr double kPadding = 10;
constexpr double kBadgeWidth = 26;
constexpr double kMinWidth = 190;

const QColor kHeaderColor(0x2f, 0x6f, 0xb3);
const QColor kHeaderErrorColor(0xb3, 0x3a, 0x3a);
const QColor kBorderColor(0x9a, 0xa5, 0xb1);
const QColor kSelectedColor(0xf2, 0x9c, 0x1f);
const QColor kTypeColor(0x6b, 0x75, 0x80);
const QColor kImpliedColor(0x9a, 0xa1, 0xa8);

QFont nameFont() {
    QFont f;
    f.setPointSizeF(10.5);
    f.setBold(true);
    return f;
}

QFont smallFont() {
    QFont f;
    f.setPointSizeF(8);
    return f;
}

QFont rowFont(bool implied) {
    QFont f;
    f.setPointSizeF(9);
    f.setItalic(implied);
    return f;
}

} // namespace

ModelItem::ModelItem(const QString &modelName)
    : mModelName(modelName) {
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    setCacheMode(DeviceCoordinateCache);
    relayout();
}

void ModelItem::setModelName(const QString &name) {
    mModelName = name;
    relayout();
}

void ModelItem::setContent(const QString &tableName, const QString &comment, const QList<Row> &rows) {
    mTableName = tableName;
    mComment = comment;
    mRows = rows;
    setToolTip(comment);
    relayout();
}

QList<ModelItem::Row> ModelItem::rowsFor(const Table &table) {
    QList<Row> rows;
    rows.reserve(table.columns.size());
    for (const Column &c : table.columns) {
        Row row;
        row.name = c.name;
        // Long ENUMs would make boxes huge; the full type is in the properties panel.
        const QString type = c.type.toString();
        row.type = type.size() > 22 ? type.left(20) + u"…"_s : type;
        row.primaryKey = c.primaryKey;
        row.foreignKey = c.references.has_value();
        row.unique = c.unique;
        row.required = !c.nullable && !c.primaryKey && c.origin == Column::Origin::Declared;
        row.implied = c.origin != Column::Origin::Declared;
        rows.append(row);
    }
    return rows;
}

void ModelItem::setHasProblem(bool error) {
    if (mHasProblem == error)
        return;
    mHasProblem = error;
    update();
}

void ModelItem::relayout() {
    const QFontMetricsF nameMetrics(nameFont());
    const QFontMetricsF smallMetrics(smallFont());
    double width =
        std::max(nameMetrics.horizontalAdvance(mModelName), smallMetrics.horizontalAdvance(mTableName)) +
        2 * kPadding;
    const QFontMetricsF rowMetrics(rowFont(false));
    for (const Row &row : std::as_const(mRows)) {
        const double w = kPadding + kBadgeWidth + rowMetrics.horizontalAdvance(row.name + u" *"_s) + 18 +
                         rowMetrics.horizontalAdvance(row.type) + (row.unique ? 24 : 0) + kPadding;
        width = std::max(width, w);
    }
    prepareGeometryChange();
    mSize = QSizeF(std::ceil(std::max(kMinWidth, width)), kHeaderHeight + mRows.size() * kRowHeight + 6);
    update();
}

QRectF ModelItem::boundingRect() const {
    return QRectF(QPointF(-3, -3), mSize + QSizeF(6, 6));
}

QRectF ModelItem::headerRect() const {
    return QRectF(0, 0, mSize.width(), kHeaderHeight);
}

void ModelItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *) {
    const QRectF box(QPointF(0, 0), mSize);
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const QColor header = mHasProblem ? kHeaderErrorColor : kHeaderColor;
    painter->setRenderHint(QPainter::Antialiasing, lod > 0.3);

    // Far out, a box is a coloured tile with its name: readable and cheap.
    if (lod < 0.4) {
        painter->setPen(isSelected() ? QPen(kSelectedColor, 3 / lod) : Qt::NoPen);
        painter->setBrush(header);
        painter->drawRect(box);
        QFont f = nameFont();
        f.setPointSizeF(std::min(48.0, 10.5 / std::max(lod, 0.05) * 0.8));
        painter->setFont(f);
        painter->setPen(Qt::white);
        painter->drawText(box.adjusted(4, 4, -4, -4), Qt::AlignCenter | Qt::TextWordWrap, mModelName);
        return;
    }

    painter->setPen(
        QPen(isSelected() ? kSelectedColor : (mHovered ? header : kBorderColor), isSelected() ? 2.5 : 1));
    painter->setBrush(Qt::white);
    painter->drawRoundedRect(box, 6, 6);

    QPainterPath headerPath;
    headerPath.addRoundedRect(headerRect(), 6, 6);
    QPainterPath bottomHalf;
    bottomHalf.addRect(QRectF(0, kHeaderHeight / 2, mSize.width(), kHeaderHeight / 2));
    painter->fillPath(headerPath.united(bottomHalf), header);

    painter->setPen(Qt::white);
    painter->setFont(nameFont());
    painter->drawText(QRectF(kPadding, 3, mSize.width() - 2 * kPadding, 20), Qt::AlignLeft | Qt::AlignVCenter,
                      mModelName);
    painter->setFont(smallFont());
    painter->setPen(QColor(0xdd, 0xe8, 0xf5));
    painter->drawText(QRectF(kPadding, 21, mSize.width() - 2 * kPadding, 16),
                      Qt::AlignLeft | Qt::AlignVCenter, tr("table %1").arg(mTableName));

    if (lod < 0.7) // names only; the rows would be unreadable
        return;
    double y = kHeaderHeight + 3;
    for (const Row &row : std::as_const(mRows)) {
        const QRectF rowRect(kPadding, y, mSize.width() - 2 * kPadding, kRowHeight);
        if (row.primaryKey || row.foreignKey) {
            painter->setFont(smallFont());
            painter->setPen(row.primaryKey ? QColor(0xb0, 0x7d, 0x00) : QColor(0x7b, 0x4f, 0xb5));
            painter->drawText(QRectF(rowRect.left(), y, kBadgeWidth, kRowHeight),
                              Qt::AlignLeft | Qt::AlignVCenter, row.primaryKey ? u"PK"_s : u"FK"_s);
        }
        painter->setFont(rowFont(row.implied));
        painter->setPen(row.implied ? kImpliedColor : QColor(0x20, 0x25, 0x2b));
        const QRectF nameRect = rowRect.adjusted(kBadgeWidth, 0, 0, 0);
        painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                          row.required ? row.name + u" *"_s : row.name);
        double right = rowRect.right();
        if (row.unique) {
            painter->setFont(smallFont());
            painter->setPen(QColor(0x1c, 0x8a, 0x7a));
            painter->drawText(QRectF(right - 20, y, 20, kRowHeight), Qt::AlignRight | Qt::AlignVCenter,
                              u"UQ"_s);
            right -= 24;
        }
        painter->setFont(rowFont(row.implied));
        painter->setPen(row.implied ? kImpliedColor : kTypeColor);
        painter->drawText(QRectF(rowRect.left(), y, right - rowRect.left(), kRowHeight),
                          Qt::AlignRight | Qt::AlignVCenter, row.type);
        y += kRowHeight;
    }
}

QVariant ModelItem::itemChange(GraphicsItemChange change, const QVariant &value) {
    if (change == ItemPositionHasChanged) {
        for (LinkItem *link : std::as_const(mLinks))
            link->adjust();
        emit moved(this);
    }
    return QGraphicsObject::itemChange(change, value);
}

void ModelItem::hoverEnterEvent(QGraphicsSceneHoverEvent *event) {
    mHovered = true;
    update();
    QGraphicsObject::hoverEnterEvent(event);
}

void ModelItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *event) {
    mHovered = false;
    update();
    QGraphicsObject::hoverLeaveEvent(event);
}

} // namespace modeldesk
