// Build tool: renders an SVG icon as square PNGs for the hicolor icon theme, so the PNG sizes are made from
// the one SVG in the sources instead of being committed.
//   modeldesk_render_icon ICON.svg PATTERN SIZE...   (PATTERN's %1 is the size: hicolor/%1x%1/apps/x.png)
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextStream>

int main(int argc, char **argv) {
    // Shapes paint onto a QImage without a QGuiApplication (and so without a platform plugin, which would
    // complain about the build machine's session).
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    QTextStream err(stderr);
    if (arguments.size() < 4) {
        err << "usage: modeldesk_render_icon ICON.svg PATTERN SIZE...\n";
        return 64;
    }
    QSvgRenderer svg(arguments.at(1));
    if (!svg.isValid()) {
        err << arguments.at(1) << ": not a readable SVG\n";
        return 2;
    }
    for (const QString &sizeText : arguments.mid(3)) {
        bool ok = false;
        const int size = sizeText.toInt(&ok);
        if (!ok || size < 1 || size > 1024) {
            err << "modeldesk_render_icon: bad size " << sizeText << "\n";
            return 64;
        }
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        svg.render(&painter);
        painter.end();
        const QString path = arguments.at(2).arg(size);
        QDir().mkpath(QFileInfo(path).absolutePath());
        if (!image.save(path, "PNG")) {
            err << path << ": cannot write\n";
            return 1;
        }
    }
    return 0;
}
