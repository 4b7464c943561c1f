#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QRectF>
#include <QSize>
#include <QString>
#include <optional>

namespace modeldesk {

class DiagramScene;

// Pictures of the designer canvas: PNG, SVG or PDF of the whole diagram or of the selected boxes (with the
// links between them). Images are drawn for paper: white background, no grid, no selection marks. SVG and
// PDF keep every detail and their text stays text; PNG draws at a sensible scale (2x, less for huge
// designs) with the level of detail that scale gives. The menus and `modeldesk export` list the same
// formats() and write through QSaveFile.
class DiagramImage {
    Q_DECLARE_TR_FUNCTIONS(DiagramImage)

public:
    enum class Format { Png, Svg, Pdf };
    enum class Scope { Everything, Selection };

    struct FormatInfo {
        Format format;
        QString name;        // the CLI's --format: png, svg, pdf
        QString description; // translated, for menus and `modeldesk formats`
        QString extension;   // without the dot
        QString fileFilter;  // for file dialogs
    };
    static const QList<FormatInfo> &formats();
    // The format called `name` (case-insensitive), or nullptr.
    static const FormatInfo *find(const QString &name);
    static const FormatInfo &info(Format format);

    // The scene area an image of `scope` shows, margin included; empty when there is nothing to draw.
    static QRectF sourceRect(DiagramScene *scene, Scope scope);
    // How many pixels per scene unit a PNG of `source` gets, and its size in pixels.
    static double pngScale(const QRectF &source);
    static QSize pngSize(const QRectF &source);

    // On failure returns nullopt and sets *error (nothing to draw, or the encoder failed).
    static std::optional<QByteArray> render(DiagramScene *scene, Format format, Scope scope, QString *error);
    // render(), then writes `path` through QSaveFile.
    static bool write(DiagramScene *scene, Format format, Scope scope, const QString &path, QString *error);
};

} // namespace modeldesk
