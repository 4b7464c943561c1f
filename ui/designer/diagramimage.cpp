#include "designer/diagramimage.h"

#include "designer/diagramscene.h"
#include "designer/diagramtheme.h"
#include "designer/linkitem.h"
#include "designer/modelitem.h"
#include "document/document.h"
#include "export/exporter.h"

#include <QBuffer>
#include <QImage>
#include <QImageWriter>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSet>
#include <QStyleOptionGraphicsItem>
#include <QSvgGenerator>

#include <cmath>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

constexpr double kMargin = 24;              // scene units of white around the drawing
constexpr double kPngScale = 2.0;           // sharp on high-density screens and in print
constexpr double kMaxPngPixels = 40e6;      // about 160 MB while drawing; beyond that the scale goes down
constexpr double kMaxPngSide = 16384;       // what image viewers and browsers reliably open
constexpr double kMaxPdfPagePoints = 14400; // the largest page PDF readers accept (200 inches)
constexpr int kScreenDpi = 96;              // box layout measures fonts for a 96 dpi screen

bool fail(QString *error, const QString &message) {
    if (error)
        *error = message;
    return false;
}

// The items an image of `scope` draws, in stacking order (links under boxes, as on the canvas): boxes, and
// the links whose both ends are drawn. A selected link brings its two boxes along.
QList<QGraphicsItem *> itemsFor(DiagramScene *scene, DiagramImage::Scope scope) {
    QSet<QGraphicsItem *> chosen;
    QSet<ModelItem *> boxes;
    if (scope == DiagramImage::Scope::Everything) {
        const QList<ModelItem *> all = scene->modelItems();
        boxes = QSet<ModelItem *>(all.cbegin(), all.cend());
    } else {
        for (QGraphicsItem *item : scene->selectedItems()) {
            if (item->type() == ModelItem::Type) {
                boxes.insert(static_cast<ModelItem *>(item));
            } else if (item->type() == LinkItem::Type) {
                auto *link = static_cast<LinkItem *>(item);
                boxes.insert(link->sourceItem());
                boxes.insert(link->targetItem());
            }
        }
    }
    for (ModelItem *box : std::as_const(boxes))
        chosen.insert(box);
    for (LinkItem *link : scene->linkItems())
        if (boxes.contains(link->sourceItem()) && boxes.contains(link->targetItem()))
            chosen.insert(link);
    QList<QGraphicsItem *> ordered;
    ordered.reserve(chosen.size());
    for (QGraphicsItem *item : scene->items(Qt::AscendingOrder))
        if (chosen.contains(item))
            ordered.append(item);
    return ordered;
}

QRectF boundsOf(const QList<QGraphicsItem *> &items) {
    QRectF rect;
    for (QGraphicsItem *item : items)
        rect |= item->sceneBoundingRect();
    return rect.isEmpty() ? QRectF() : rect.adjusted(-kMargin, -kMargin, kMargin, kMargin);
}

// Paints `items` as they are on the canvas, `source` (scene coordinates) onto `target`, on white paper.
// Items are painted one by one rather than through QGraphicsScene::render so that an image of the selection
// leaves the canvas alone (no hiding of other items), and without selection marks: the style option says
// "not selected", which is what the items draw from. In the canvas's light colours, also in the dark theme.
void paintItems(QPainter *painter, const QList<QGraphicsItem *> &items, const QRectF &source,
                const QRectF &target) {
    const DiagramTheme::PaperScope paper;
    painter->fillRect(target, Qt::white);
    const double scale = std::min(target.width() / source.width(), target.height() / source.height());
    const QTransform toTarget = QTransform::fromTranslate(-source.left(), -source.top()) *
                                QTransform::fromScale(scale, scale) *
                                QTransform::fromTranslate(target.left(), target.top());
    const QTransform device = painter->worldTransform();
    for (QGraphicsItem *item : items) {
        QStyleOptionGraphicsItem option;
        option.state = QStyle::State_Enabled;
        option.exposedRect = item->boundingRect();
        option.rect = option.exposedRect.toAlignedRect();
        painter->save();
        painter->setWorldTransform(item->sceneTransform() * toTarget * device);
        item->paint(painter, &option, nullptr);
        painter->restore();
    }
}

QString titleOf(DiagramScene *scene) {
    return scene->document() ? scene->document()->displayName() : QString();
}

std::optional<QByteArray> renderPng(DiagramScene *scene, const QList<QGraphicsItem *> &items,
                                    const QRectF &source, QString *error) {
    const QSize size = DiagramImage::pngSize(source);
    QImage image(size, QImage::Format_RGB32);
    if (image.isNull()) {
        fail(error, DiagramImage::tr("not enough memory for a %1 × %2 pixel image")
                        .arg(size.width())
                        .arg(size.height()));
        return std::nullopt;
    }
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                           QPainter::SmoothPixmapTransform);
    paintItems(&painter, items, source, QRectF(QPointF(0, 0), QSizeF(size)));
    painter.end();
    // Record the scale as resolution, so the picture prints at the size it has on screen at 100%. Only
    // now: while painting, the image must keep the screen's 96 dpi, or fonts would grow with it.
    const int dotsPerMeter = qRound(96.0 / 0.0254 * DiagramImage::pngScale(source));
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);

    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    writer.setText(u"Title"_s, titleOf(scene));
    writer.setText(u"Software"_s, u"ModelDesk"_s);
    if (!writer.write(image)) {
        fail(error, DiagramImage::tr("cannot encode the PNG image: %1").arg(writer.errorString()));
        return std::nullopt;
    }
    return bytes;
}

std::optional<QByteArray> renderSvg(DiagramScene *scene, const QList<QGraphicsItem *> &items,
                                    const QRectF &source) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    // One SVG unit per scene unit: the picture has the size the design has at 100% zoom.
    const QSize size(qCeil(source.width()), qCeil(source.height()));
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setResolution(kScreenDpi);
    generator.setTitle(titleOf(scene));
    generator.setDescription(DiagramImage::tr("Diagram drawn by ModelDesk"));
    QPainter painter(&generator);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    paintItems(&painter, items, source, QRectF(QPointF(0, 0), QSizeF(size)));
    painter.end();
    return bytes;
}

std::optional<QByteArray> renderPdf(DiagramScene *scene, const QList<QGraphicsItem *> &items,
                                    const QRectF &source, QString *error) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    // One page that fits the drawing, at the size it has on screen at 100% (a scene unit is a 96 dpi pixel,
    // which is also what box layout measured fonts in), unless the page would outgrow what readers open;
    // then the whole drawing is scaled down (it stays vector, so zooming in still shows everything).
    const QSizeF natural = source.size() * (72.0 / kScreenDpi);
    const double shrink = std::min(1.0, kMaxPdfPagePoints / std::max(natural.width(), natural.height()));
    const QSizeF page = natural * shrink;
    writer.setResolution(kScreenDpi);
    // Portrait always: the size is already the drawing's; Landscape would turn a wide page on its side.
    writer.setPageLayout(QPageLayout(QPageSize(page, QPageSize::Point, QString(), QPageSize::ExactMatch),
                                     QPageLayout::Portrait, QMarginsF(0, 0, 0, 0), QPageLayout::Point));
    writer.setTitle(titleOf(scene));
    writer.setCreator(u"ModelDesk"_s);
    QPainter painter;
    if (!painter.begin(&writer)) {
        fail(error, DiagramImage::tr("cannot start the PDF document"));
        return std::nullopt;
    }
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    const QRect target = writer.pageLayout().paintRectPixels(writer.resolution());
    paintItems(&painter, items, source, QRectF(target));
    painter.end();
    return bytes;
}

} // namespace

const QList<DiagramImage::FormatInfo> &DiagramImage::formats() {
    static const QList<FormatInfo> list{
        {Format::Png, u"png"_s, tr("PNG image of the diagram"), u"png"_s, tr("PNG image (*.png)")},
        {Format::Svg, u"svg"_s, tr("SVG drawing of the diagram"), u"svg"_s, tr("SVG drawing (*.svg)")},
        {Format::Pdf, u"pdf"_s, tr("PDF page of the diagram"), u"pdf"_s, tr("PDF document (*.pdf)")},
    };
    return list;
}

const DiagramImage::FormatInfo *DiagramImage::find(const QString &name) {
    for (const FormatInfo &info : formats())
        if (info.name.compare(name, Qt::CaseInsensitive) == 0)
            return &info;
    return nullptr;
}

const DiagramImage::FormatInfo &DiagramImage::info(Format format) {
    for (const FormatInfo &info : formats())
        if (info.format == format)
            return info;
    return formats().first();
}

QRectF DiagramImage::sourceRect(DiagramScene *scene, Scope scope) {
    return boundsOf(itemsFor(scene, scope));
}

double DiagramImage::pngScale(const QRectF &source) {
    if (source.isEmpty())
        return kPngScale;
    const double byArea = std::sqrt(kMaxPngPixels / (source.width() * source.height()));
    const double bySide = kMaxPngSide / std::max(source.width(), source.height());
    return std::min({kPngScale, byArea, bySide});
}

QSize DiagramImage::pngSize(const QRectF &source) {
    const double scale = pngScale(source);
    return QSize(std::max(1, qCeil(source.width() * scale)), std::max(1, qCeil(source.height() * scale)));
}

std::optional<QByteArray> DiagramImage::render(DiagramScene *scene, Format format, Scope scope,
                                               QString *error) {
    const QList<QGraphicsItem *> items = itemsFor(scene, scope);
    const QRectF source = boundsOf(items);
    if (source.isEmpty()) {
        fail(error, scope == Scope::Selection ? tr("nothing is selected") : tr("the diagram is empty"));
        return std::nullopt;
    }
    switch (format) {
    case Format::Png:
        return renderPng(scene, items, source, error);
    case Format::Svg:
        return renderSvg(scene, items, source);
    case Format::Pdf:
        return renderPdf(scene, items, source, error);
    }
    return std::nullopt;
}

bool DiagramImage::write(DiagramScene *scene, Format format, Scope scope, const QString &path,
                         QString *error) {
    if (path.isEmpty())
        return fail(error, tr("no output path given"));
    const std::optional<QByteArray> bytes = render(scene, format, scope, error);
    if (!bytes)
        return false;
    return Exporter::writeFile(path, *bytes, error);
}

} // namespace modeldesk
