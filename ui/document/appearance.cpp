#include "document/appearance.h"

#include <QFile>
#include <QGuiApplication>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QPixmap>
#include <QPixmapCache>
#include <QSvgRenderer>

namespace modeldesk::appearance {

using namespace Qt::StringLiterals;

namespace {

QColor mix(const QColor &a, const QColor &b, double amount) {
    const auto channel = [amount](double x, double y) {
        return x + (y - x) * amount;
    };
    return QColor::fromRgbF(float(channel(a.redF(), b.redF())), float(channel(a.greenF(), b.greenF())),
                            float(channel(a.blueF(), b.blueF())));
}

// The SVG text of a bundled icon, read once; its strokes and fills say "currentColor".
QByteArray svgText(const QString &path) {
    static QHash<QString, QByteArray> texts;
    auto it = texts.find(path);
    if (it == texts.end()) {
        QFile file(path);
        it = texts.insert(path, file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray());
    }
    return *it;
}

// Draws a bundled line icon in the colour the application's palette gives the icon's mode, at any size: the
// palette is read when the icon is drawn, so a change of theme needs no new icons.
class TintedSvgEngine final : public QIconEngine {
public:
    explicit TintedSvgEngine(const QString &path)
        : mPath(path) {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override {
        const QColor color = colorFor(mode);
        QSvgRenderer renderer(tinted(color));
        painter->save();
        painter->setOpacity(painter->opacity() * color.alphaF());
        renderer.render(painter, QRectF(rect));
        painter->restore();
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override {
        const QColor color = colorFor(mode);
        const QSize pixels = size * scale;
        const QString key = u"modeldesk-icon:%1:%2x%3:%4"_s.arg(mPath)
                                .arg(pixels.width())
                                .arg(pixels.height())
                                .arg(color.rgba(), 8, 16);
        QPixmap pixmap;
        if (QPixmapCache::find(key, &pixmap))
            return pixmap;
        pixmap = QPixmap(pixels);
        pixmap.fill(Qt::transparent);
        {
            QPainter painter(&pixmap);
            painter.setRenderHint(QPainter::Antialiasing);
            paint(&painter, QRect(QPoint(0, 0), pixels), mode, state);
        }
        pixmap.setDevicePixelRatio(scale);
        QPixmapCache::insert(key, pixmap);
        return pixmap;
    }

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override { return size; }
    QIconEngine *clone() const override { return new TintedSvgEngine(mPath); }
    QString key() const override { return u"modeldesk-tinted-svg"_s; }
    bool isNull() override { return svgText(mPath).isEmpty(); }

private:
    static QColor colorFor(QIcon::Mode mode) {
        const QPalette palette = QGuiApplication::palette();
        switch (mode) {
        case QIcon::Disabled:
            return palette.color(QPalette::Disabled, QPalette::ButtonText);
        case QIcon::Selected:
            return palette.color(QPalette::Active, QPalette::HighlightedText);
        case QIcon::Normal:
        case QIcon::Active:
            break;
        }
        return palette.color(QPalette::Active, QPalette::ButtonText);
    }

    QByteArray tinted(const QColor &color) const {
        QByteArray text = svgText(mPath);
        return text.replace("currentColor", color.name(QColor::HexRgb).toLatin1());
    }

    QString mPath;
};

} // namespace

bool isDark(const QPalette &palette) {
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

bool isDark() {
    return isDark(QGuiApplication::palette());
}

QIcon icon(const QString &name) {
    static QHash<QString, QIcon> bundled;
    auto it = bundled.find(name);
    if (it == bundled.end())
        it = bundled.insert(name, QIcon(new TintedSvgEngine(u":/icons/%1.svg"_s.arg(name))));
    return QIcon::fromTheme(name, *it);
}

QColor toneColor(Tone tone, const QPalette &palette) {
    const bool dark = isDark(palette);
    switch (tone) {
    case Tone::Error:
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e);
    case Tone::Success:
        return dark ? QColor(0x7e, 0xd3, 0xa2) : QColor(0x1e, 0x7a, 0x4c);
    case Tone::Notice:
        return dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xa3, 0x52, 0x00);
    case Tone::Muted:
        break;
    }
    return mix(palette.color(QPalette::WindowText), palette.color(QPalette::Window), 0.42);
}

QString toneStyle(Tone tone, const QPalette &palette) {
    return u"color: %1;"_s.arg(toneColor(tone, palette).name(QColor::HexRgb));
}

QColor problemBackground(const QPalette &palette) {
    return mix(palette.color(QPalette::Base), toneColor(Tone::Error, palette), isDark(palette) ? 0.3 : 0.18);
}

QColor cardFill(const QPalette &palette) {
    return isDark(palette) ? mix(palette.color(QPalette::Window), palette.color(QPalette::WindowText), 0.04)
                           : palette.color(QPalette::Base);
}

QColor cardBorder(const QPalette &palette) {
    return mix(cardFill(palette), palette.color(QPalette::WindowText), isDark(palette) ? 0.18 : 0.17);
}

} // namespace modeldesk::appearance
