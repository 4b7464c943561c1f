#include "designer/modelitem.h"

#include "designer/diagramscene.h"
#include "designer/diagramtheme.h"
#include "designer/linkitem.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QHash>
#include <QPaintEngine>
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
// Below this zoom a box is a tile with its name; below kRowDetail it shows its header but no rows.
constexpr double kFarDetail = 0.4;
constexpr double kRowDetail = 0.7;
// The far-out tile's name is drawn at most this big, and not at all when it would be under kMinTextPixels.
constexpr double kMaxFarPointSize = 40;
constexpr double kMinTextPixels = 5;

// Fonts and their metrics are built once: relayout() runs for every box of a design when it opens.
struct Fonts {
    QFont name;
    QFont small;
    QFont row;
    QFont implied;
    QFontMetricsF nameMetrics;
    QFontMetricsF smallMetrics;
    QFontMetricsF rowMetrics;
};

const Fonts &fonts() {
    static const Fonts f = [] {
        QFont name;
        name.setPointSizeF(10.5);
        name.setBold(true);
        QFont small;
        small.setPointSizeF(8);
        QFont row;
        row.setPointSizeF(9);
        QFont implied = row;
        implied.setItalic(true);
        return Fonts{
            name, small, row, implied, QFontMetricsF(name), QFontMetricsF(small), QFontMetricsF(row)};
    }();
    return f;
}

// Type names repeat across thousands of rows; measure each once.
double typeWidth(const QString &type) {
    static QHash<QString, double> widths;
    auto it = widths.constFind(type);
    if (it == widths.cend())
        it = widths.insert(type, fonts().rowMetrics.horizontalAdvance(type));
    return *it;
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

bool ModelItem::setContent(const QString &tableName, const QString &comment, const QList<Row> &rows) {
    if (tableName == mTableName && comment == mComment && rows == mRows)
        return false;
    mTableName = tableName;
    mComment = comment;
    mRows = rows;
    setToolTip(comment);
    relayout();
    return true;
}

namespace {

// Whether two column lists give the same rows: exactly what rowsFor() reads.
bool sameRows(const QList<Column> &a, const QList<Column> &b) {
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const Column &x = a.at(i);
        const Column &y = b.at(i);
        if (x.name != y.name || x.type != y.type || x.primaryKey != y.primaryKey || x.unique != y.unique ||
            x.nullable != y.nullable || x.origin != y.origin ||
            x.references.has_value() != y.references.has_value())
            return false;
    }
    return true;
}

} // namespace

bool ModelItem::setContent(const QString &tableName, const QString &comment, const Table *table) {
    static const QList<Column> none;
    const QList<Column> &columns = table ? table->columns : none;
    if (tableName == mTableName && comment == mComment && sameRows(columns, mColumns))
        return false;
    mColumns = columns;
    return setContent(tableName, comment, table ? rowsFor(*table) : QList<Row>());
}

QList<ModelItem::Row> ModelItem::rowsFor(const Table &table) {
    QList<Row> rows;
    rows.reserve(table.columns.size());
    for (const Column &c : table.columns) {
        Row row;
        row.name = c.name;
        // A long ENUM would make the box huge: its values go on lines of their own under the row, a few to a
        // line, so that every value is there (on the canvas and in images) without widening the box.
        const QString type = c.type.toString();
        row.type = type;
        if (type.size() > 22 && c.type.kind == DataType::Kind::Enum) {
            row.type = u"ENUM"_s;
            QString line;
            for (qsizetype i = 0; i < c.type.values.size(); ++i) {
                QString value = u'\'' + QString(c.type.values.at(i)).replace(u'\'', u"''"_s) + u'\'';
                value += i + 1 < c.type.values.size() ? u","_s : QString();
                if (!line.isEmpty() && line.size() + value.size() > 26) {
                    row.more << line;
                    line.clear();
                }
                line += (line.isEmpty() ? QString() : u" "_s) + value;
            }
            if (!line.isEmpty())
                row.more << line;
        } else if (type.size() > 40) {
            row.type = type.left(38) + u"…"_s; // a type this long is not an ENUM; the panel has it whole
        }
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
    if (auto *diagram = qobject_cast<DiagramScene *>(scene()); diagram && mBaked)
        diagram->bakedChanged(sceneBoundingRect());
}

void ModelItem::setBaked(bool baked) {
    if (mBaked == baked)
        return;
    mBaked = baked;
    DiagramScene::updateContentsFlag(this, mBaked);
}

double ModelItem::plainTileZoom(double dpi) {
    return kMinTextPixels * 72.0 / (kMaxFarPointSize * std::max(1.0, dpi));
}

void ModelItem::relayout() {
    const Fonts &f = fonts();
    const double nameWidth = f.nameMetrics.horizontalAdvance(mModelName);
    double width =
        std::max(nameWidth, f.smallMetrics.horizontalAdvance(tr("table %1").arg(mTableName))) + 2 * kPadding;
    const double starWidth = f.rowMetrics.horizontalAdvance(u" *"_s);
    for (const Row &row : std::as_const(mRows)) {
        const double w = kPadding + kBadgeWidth + f.rowMetrics.horizontalAdvance(row.name) + starWidth + 18 +
                         typeWidth(row.type) + (row.unique ? 24 : 0) + kPadding;
        width = std::max(width, w);
    }
    qsizetype lines = mRows.size();
    for (const Row &row : std::as_const(mRows)) {
        lines += row.more.size();
        for (const QString &more : row.more)
            width = std::max(width, kPadding + kBadgeWidth + typeWidth(more) + kPadding);
    }
    const QSizeF size(std::ceil(std::max(kMinWidth, width)), kHeaderHeight + lines * kRowHeight + 6);
    // Far out the name fills the tile's width (up to a limit), so that it stays readable longest.
    const double fit = nameWidth > 0 ? (size.width() - 12) / nameWidth : 1;
    mFarPointSize = std::clamp(f.name.pointSizeF() * fit, f.name.pointSizeF(), kMaxFarPointSize);
    if (size != mSize) {
        prepareGeometryChange();
        mSize = size;
        emit resized(this);
    }
    update();
}

double ModelItem::levelOfDetail(const QStyleOptionGraphicsItem *option, const QPainter *painter) {
    // Vector output (SVG, PDF) keeps every detail: whoever reads it can zoom in.
    const QPaintEngine::Type engine =
        painter->paintEngine() ? painter->paintEngine()->type() : QPaintEngine::Raster;
    if (engine == QPaintEngine::SVG || engine == QPaintEngine::Pdf)
        return 1.0;
    return option->levelOfDetailFromTransform(painter->worldTransform());
}

QRectF ModelItem::boundingRect() const {
    return QRectF(QPointF(-3, -3), mSize + QSizeF(6, 6));
}

QRectF ModelItem::headerRect() const {
    return QRectF(0, 0, mSize.width(), kHeaderHeight);
}

void ModelItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *) {
    const double lod = levelOfDetail(option, painter);
    const DiagramTheme &theme = DiagramTheme::current();
    const QColor header = mHasProblem ? theme.headerError : theme.header;
    // From the style option rather than isSelected(): images are painted with the option saying "not
    // selected", so they carry no selection marks.
    const bool selected = option->state & QStyle::State_Selected;
    if (lod < kFarDetail) {
        paintTile(painter, lod, header, selected);
        return;
    }
    paintBox(painter, header, selected);
    if (lod >= kRowDetail) // else names only; the rows would be unreadable
        paintRows(painter);
}

// Far out, a box is a coloured tile with its name: cheap, and readable as long as anything is.
void ModelItem::paintTile(QPainter *painter, double lod, const QColor &header, bool selected) const {
    const QRectF box(QPointF(0, 0), mSize);
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->fillRect(box, header);
    if (selected) {
        QPen pen(DiagramTheme::current().selection, 3); // in pixels, whatever the zoom
        pen.setCosmetic(true);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(box);
    }
    // Text a few pixels high is noise, and laying it out is what makes a far-out paint slow.
    const double pixelHeight = mFarPointSize * painter->device()->logicalDpiY() / 72.0 * lod;
    if (pixelHeight < kMinTextPixels)
        return;
    QFont font = fonts().name;
    font.setPointSizeF(mFarPointSize);
    painter->setFont(font);
    painter->setPen(DiagramTheme::current().headerText);
    painter->drawText(box.adjusted(4, 4, -4, -4), Qt::AlignCenter | Qt::TextWordWrap, mModelName);
}

// The rounded box with its header: the model's name and its table.
void ModelItem::paintBox(QPainter *painter, const QColor &header, bool selected) const {
    const DiagramTheme &theme = DiagramTheme::current();
    const QRectF box(QPointF(0, 0), mSize);
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(
        QPen(selected ? theme.selection : (mHovered ? header : theme.boxBorder), selected ? 2.5 : 1));
    painter->setBrush(theme.boxFill);
    painter->drawRoundedRect(box, 6, 6);

    QPainterPath headerPath;
    headerPath.addRoundedRect(headerRect(), 6, 6);
    QPainterPath bottomHalf;
    bottomHalf.addRect(QRectF(0, kHeaderHeight / 2, mSize.width(), kHeaderHeight / 2));
    painter->fillPath(headerPath.united(bottomHalf), header);

    painter->setPen(theme.headerText);
    const Fonts &f = fonts();
    painter->setFont(f.name);
    painter->drawText(QRectF(kPadding, 3, mSize.width() - 2 * kPadding, 20), Qt::AlignLeft | Qt::AlignVCenter,
                      mModelName);
    painter->setFont(f.small);
    painter->setPen(theme.headerSubText);
    painter->drawText(QRectF(kPadding, 21, mSize.width() - 2 * kPadding, 16),
                      Qt::AlignLeft | Qt::AlignVCenter, tr("table %1").arg(mTableName));
}

// One line per column: PK/FK badge, name (* when required), UQ mark, type.
void ModelItem::paintRows(QPainter *painter) const {
    const Fonts &f = fonts();
    const DiagramTheme &theme = DiagramTheme::current();
    double y = kHeaderHeight + 3;
    for (const Row &row : std::as_const(mRows)) {
        const QRectF rowRect(kPadding, y, mSize.width() - 2 * kPadding, kRowHeight);
        if (row.primaryKey || row.foreignKey) {
            painter->setFont(f.small);
            painter->setPen(row.primaryKey ? theme.primaryKey : theme.foreignKey);
            painter->drawText(QRectF(rowRect.left(), y, kBadgeWidth, kRowHeight),
                              Qt::AlignLeft | Qt::AlignVCenter, row.primaryKey ? u"PK"_s : u"FK"_s);
        }
        painter->setFont(row.implied ? f.implied : f.row);
        painter->setPen(row.implied ? theme.impliedText : theme.rowText);
        const QRectF nameRect = rowRect.adjusted(kBadgeWidth, 0, 0, 0);
        painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                          row.required ? row.name + u" *"_s : row.name);
        double right = rowRect.right();
        if (row.unique) {
            painter->setFont(f.small);
            painter->setPen(theme.unique);
            painter->drawText(QRectF(right - 20, y, 20, kRowHeight), Qt::AlignRight | Qt::AlignVCenter,
                              u"UQ"_s);
            right -= 24;
        }
        painter->setFont(row.implied ? f.implied : f.row);
        painter->setPen(row.implied ? theme.impliedText : theme.typeText);
        painter->drawText(QRectF(rowRect.left(), y, right - rowRect.left(), kRowHeight),
                          Qt::AlignRight | Qt::AlignVCenter, row.type);
        y += kRowHeight;
        for (const QString &more : row.more) {
            painter->drawText(QRectF(rowRect.left(), y, right - rowRect.left(), kRowHeight),
                              Qt::AlignRight | Qt::AlignVCenter, more);
            y += kRowHeight;
        }
    }
}

void ModelItem::setPosQuietly(const QPointF &pos) {
    mQuiet = true;
    setPos(pos);
    mQuiet = false;
}

QVariant ModelItem::itemChange(GraphicsItemChange change, const QVariant &value) {
    if (change == ItemSelectedHasChanged)
        DiagramScene::updateContentsFlag(this,
                                         mBaked); // a selected box draws itself, with the selection's frame
    if (change == ItemPositionHasChanged && !mQuiet) {
        emit moved(this); // first: the scene's grid of boxes, which routing reads, learns where it is
        for (LinkItem *link : std::as_const(mLinks))
            link->adjust();
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
