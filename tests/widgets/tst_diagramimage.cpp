// Diagram images: PNG, SVG and PDF of both examples, of the whole diagram and of the selection, through
// DiagramImage, the File ▸ Export actions and `modeldesk export --format png|svg|pdf` run without a display.
#include "designer/diagramimage.h"
#include "designer/diagramscene.h"
#include "designer/linkitem.h"
#include "designer/modelitem.h"
#include "document/document.h"
#include "project/projectfile.h"
#include "support/testsupport.h"
#include "window/imageexportactions.h"
#include "window/mainwindow.h"

#include <QAction>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace modeldesk;
using namespace Qt::StringLiterals;

namespace {

QString example(const QString &name) {
    return QStringLiteral(MODELDESK_SOURCE_DIR "/resources/examples/") + name + u".modeldesk"_s;
}

struct Run {
    int exitCode = -1;
    QByteArray out;
    QString err;
};

// The real binary with no display at all: no DISPLAY, no WAYLAND_DISPLAY, and no QT_QPA_PLATFORM either
// (main() must choose the offscreen platform itself).
Run runModeldesk(const QStringList &arguments) {
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QString::fromLatin1(name));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(MODELDESK_BINARY), arguments);
    if (!process.waitForFinished(120000))
        return {};
    return {process.exitCode(), process.readAllStandardOutput(),
            QString::fromUtf8(process.readAllStandardError())};
}

// Text elements of an SVG, unescaped enough for names.
QStringList svgTexts(const QByteArray &svg) {
    QStringList texts;
    static const QRegularExpression text(u"<text[^>]*>\\s*([^<]*?)\\s*</text>"_s);
    auto it = text.globalMatch(QString::fromUtf8(svg));
    while (it.hasNext())
        texts << it.next().captured(1).replace(u"&amp;"_s, u"&"_s);
    return texts;
}

} // namespace

class TstDiagramImage : public QObject {
    Q_OBJECT

private slots:
    void everyFormatOfBothExamples_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("format");
        for (const char *name : {"seed", "shop"})
            for (const DiagramImage::FormatInfo &info : DiagramImage::formats())
                QTest::addRow("%s %s", name, qPrintable(info.name))
                    << QString::fromLatin1(name) << int(info.format);
    }

    void everyFormatOfBothExamples() {
        QFETCH(QString, name);
        QFETCH(int, format);
        Document document;
        document.reset(test::loadExample(name), {}, name);
        DiagramScene scene(&document);
        scene.selectModel(document.schema().models.first().name); // must not show in the picture
        QString error;
        const auto bytes = DiagramImage::render(&scene, DiagramImage::Format(format),
                                                DiagramImage::Scope::Everything, &error);
        QVERIFY2(bytes, qPrintable(error));
        const QRectF source = DiagramImage::sourceRect(&scene, DiagramImage::Scope::Everything);
        QVERIFY(source.contains(scene.itemsBoundingRect()));

        switch (DiagramImage::Format(format)) {
        case DiagramImage::Format::Png: {
            const QImage image = QImage::fromData(*bytes, "PNG");
            QCOMPARE(image.size(), DiagramImage::pngSize(source));
            QCOMPARE(image.size(), QSize(qCeil(source.width() * 2), qCeil(source.height() * 2))); // 2x
            QCOMPARE(image.pixelColor(2, 2), QColor(Qt::white)); // paper, no grid
            const double scale = DiagramImage::pngScale(source);
            for (ModelItem *item : scene.modelItems()) {
                // The header is the designer's blue (not the orange of a selection mark) ...
                const QPointF header =
                    (item->mapToScene(QPointF(item->boxSize().width() - 6, 30)) - source.topLeft()) * scale;
                QCOMPARE(image.pixelColor(header.toPoint()), QColor(0x2f, 0x6f, 0xb3));
                // ... and the box has a border: something other than white along its left edge.
                const QPointF edge =
                    (item->mapToScene(QPointF(0, item->boxSize().height() / 2)) - source.topLeft()) * scale;
                bool inked = false;
                for (int dx = -2; dx <= 2; ++dx)
                    inked |= image.pixelColor(edge.toPoint() + QPoint(dx, 0)) != QColor(Qt::white);
                QVERIFY2(inked, qPrintable(item->modelName()));
            }
            break;
        }
        case DiagramImage::Format::Svg: {
            QVERIFY(bytes->startsWith("<?xml"));
            QVERIFY(bytes->contains("<svg"));
            const QStringList texts = svgTexts(*bytes);
            for (const Model &model : document.schema().models) {
                QVERIFY2(texts.contains(model.name), qPrintable(model.name)); // text stays text
                for (const Field &field : model.fields) // every detail, whatever the size
                    QVERIFY2(std::any_of(texts.cbegin(), texts.cend(),
                                         [&](const QString &t) { return t.startsWith(field.name); }),
                             qPrintable(field.name));
            }
            QVERIFY(texts.contains(u"table %1"_s.arg(document.schema().models.first().effectiveTableName())));
            QVERIFY(!bytes->contains("#f29c1f")); // no selection mark
            break;
        }
        case DiagramImage::Format::Pdf: {
            QVERIFY(bytes->startsWith("%PDF-"));
            QVERIFY(bytes->trimmed().endsWith("%%EOF"));
            QVERIFY(bytes->size() > 5000);
            QCOMPARE(bytes->count("/Type /Page\n") + bytes->count("/Type /Page\r") +
                         bytes->count("/Type /Page "),
                     1); // one page
            // The page is the drawing at its size on screen at 100%: 96 dpi pixels as points.
            static const QRegularExpression mediaBox(u"/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]"_s);
            const auto match = mediaBox.match(QString::fromLatin1(*bytes));
            QVERIFY(match.hasMatch());
            QVERIFY(std::abs(match.captured(1).toDouble() - source.width() * 0.75) < 1.5);
            QVERIFY(std::abs(match.captured(2).toDouble() - source.height() * 0.75) < 1.5);
            break;
        }
        }
        // The canvas is as it was.
        QCOMPARE(scene.selectedModelNames(), QStringList{document.schema().models.first().name});
    }

    void selectionOnly() {
        Document document;
        document.reset(test::loadExample(u"shop"_s), {}, u"shop"_s);
        DiagramScene scene(&document);
        QString error;
        QVERIFY(
            !DiagramImage::render(&scene, DiagramImage::Format::Png, DiagramImage::Scope::Selection, &error));
        QCOMPARE(error, u"nothing is selected"_s);

        scene.modelItem(u"customer"_s)->setSelected(true);
        scene.modelItem(u"order"_s)->setSelected(true);
        const auto svg =
            DiagramImage::render(&scene, DiagramImage::Format::Svg, DiagramImage::Scope::Selection, &error);
        QVERIFY2(svg, qPrintable(error));
        const QStringList texts = svgTexts(*svg);
        QVERIFY(texts.contains(u"customer"_s));
        QVERIFY(texts.contains(u"order"_s));
        QVERIFY(!texts.contains(u"product"_s));
        QVERIFY(!texts.contains(u"profile"_s));
        // The link between the two selected boxes comes along; links to other boxes do not.
        QVERIFY(std::any_of(texts.cbegin(), texts.cend(),
                            [](const QString &t) { return t.startsWith(u"hasMany"_s); }));
        QVERIFY(!std::any_of(texts.cbegin(), texts.cend(),
                             [](const QString &t) { return t.startsWith(u"hasOne"_s); }));

        const QRectF selection = DiagramImage::sourceRect(&scene, DiagramImage::Scope::Selection);
        const QRectF everything = DiagramImage::sourceRect(&scene, DiagramImage::Scope::Everything);
        QVERIFY(everything.contains(selection) && selection != everything);
        const QImage png = QImage::fromData(
            *DiagramImage::render(&scene, DiagramImage::Format::Png, DiagramImage::Scope::Selection, &error));
        QCOMPARE(png.size(), DiagramImage::pngSize(selection));
        // Nothing hidden or deselected on the canvas.
        QCOMPARE(scene.selectedModelNames().size(), 2);
        for (QGraphicsItem *item : scene.items())
            QVERIFY(item->isVisible());

        // A selected link brings its two boxes.
        scene.clearSelection();
        scene.selectLink(0);
        const auto linkOnly =
            DiagramImage::render(&scene, DiagramImage::Format::Svg, DiagramImage::Scope::Selection, &error);
        QVERIFY(linkOnly);
        QVERIFY(svgTexts(*linkOnly).contains(document.schema().links.at(0).source));
        QVERIFY(svgTexts(*linkOnly).contains(document.schema().links.at(0).target));
    }

    void emptyDiagramAndBadPath() {
        Document document;
        DiagramScene scene(&document);
        QString error;
        QVERIFY(!DiagramImage::write(&scene, DiagramImage::Format::Pdf, DiagramImage::Scope::Everything,
                                     u"/tmp/never-written.pdf"_s, &error));
        QCOMPARE(error, u"the diagram is empty"_s);
        QVERIFY(!QFile::exists(u"/tmp/never-written.pdf"_s));

        document.reset(test::loadExample(u"seed"_s), {});
        QVERIFY(!DiagramImage::write(&scene, DiagramImage::Format::Png, DiagramImage::Scope::Everything,
                                     u"/nonexistent/dir/seed.png"_s, &error));
        QVERIFY2(error.startsWith(u"/nonexistent/dir/seed.png: "_s), qPrintable(error));
    }

    // A huge design gets a smaller scale rather than an image nobody can open.
    void pngScaleIsBounded() {
        QCOMPARE(DiagramImage::pngScale(QRectF(0, 0, 800, 600)), 2.0);
        const QRectF huge(0, 0, 20000, 25000);
        const QSize size = DiagramImage::pngSize(huge);
        QVERIFY(double(size.width()) * size.height() <= 40e6 * 1.01);
        QVERIFY(size.width() <= 16384 && size.height() <= 16384);
        QVERIFY(DiagramImage::pngSize(QRectF(0, 0, 100000, 50)).width() <= 16384);
    }

    void exportMenuActions() {
        MainWindow window;
        QVERIFY(window.openExample(u"shop"_s));
        auto *actions = window.findChild<ImageExportActions *>();
        QVERIFY(actions);
        for (const DiagramImage::FormatInfo &info : DiagramImage::formats()) {
            QVERIFY(window.findChild<QAction *>(u"actionExportImage_"_s + info.name));
            QVERIFY(window.findChild<QAction *>(u"actionExportSelection_"_s + info.name));
        }
        QAction *selectionPng = window.findChild<QAction *>(u"actionExportSelection_png"_s);
        window.scene()->clearSelection();
        QVERIFY(!selectionPng->isEnabled());
        window.scene()->selectModel(u"product"_s);
        QVERIFY(selectionPng->isEnabled());

        QTemporaryDir dir;
        QSignalSpy exported(actions, &ImageExportActions::exported);
        QString error;
        const QString png = dir.filePath(u"product.png"_s);
        QVERIFY2(actions->exportTo(DiagramImage::Format::Png, DiagramImage::Scope::Selection, png, &error),
                 qPrintable(error));
        QImage image(png);
        QCOMPARE(image.size(), DiagramImage::pngSize(
                                   DiagramImage::sourceRect(window.scene(), DiagramImage::Scope::Selection)));
        const QString pdf = dir.filePath(u"shop.pdf"_s);
        QVERIFY(actions->exportTo(DiagramImage::Format::Pdf, DiagramImage::Scope::Everything, pdf, &error));
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5) == "%PDF-");
        window.document()->undoStack()->setClean();
    }

    void commandLine_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("format");
        for (const char *name : {"seed", "shop"})
            for (const char *format : {"png", "svg", "pdf"})
                QTest::addRow("%s %s", name, format)
                    << QString::fromLatin1(name) << QString::fromLatin1(format);
    }

    void commandLine() {
        QFETCH(QString, name);
        QFETCH(QString, format);
        QTemporaryDir dir;
        const QString target = dir.filePath(name + u'.' + format);
        const Run r = runModeldesk({u"export"_s, example(name), u"--format"_s, format, u"-o"_s, target});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        QFile file(target);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        // The same picture as in-process rendering (the same offscreen fonts give the same box sizes).
        Document document;
        document.reset(test::loadExample(name), {});
        DiagramScene scene(&document);
        const QRectF source = DiagramImage::sourceRect(&scene, DiagramImage::Scope::Everything);
        if (format == u"png"_s)
            QCOMPARE(QImage::fromData(bytes, "PNG").size(), DiagramImage::pngSize(source));
        else if (format == u"svg"_s)
            QVERIFY(svgTexts(bytes).contains(document.schema().models.first().name));
        else
            QVERIFY(bytes.startsWith("%PDF-") && bytes.size() > 5000);
    }

    void commandLineRefusals_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString seed = example(u"seed"_s);
        QTest::newRow("no output")
            << QStringList{seed, u"--format"_s, u"png"_s} << 64
            << u"modeldesk export: --format png writes an image file; give it with -o FILE"_s;
        QTest::newRow("dialect") << QStringList{seed,       u"-f"_s, u"svg"_s,  u"-d"_s,
                                                u"mysql"_s, u"-o"_s, u"x.svg"_s}
                                 << 64 << u"modeldesk export: --dialect does not apply to --format svg"_s;
        QTest::newRow("unknown format")
            << QStringList{seed, u"--format"_s, u"tiff"_s, u"-o"_s, u"x.tiff"_s} << 64
            << u"modeldesk export: unknown format \"tiff\"; known formats: sql, sequelize, dbml, mermaid, "
               u"json, png, "
               u"svg, pdf"_s;
        QTest::newRow("unreadable project")
            << QStringList{u"/nonexistent/p.modeldesk"_s, u"--format=pdf"_s, u"-o"_s, u"x.pdf"_s} << 2
            << u"/nonexistent/p.modeldesk"_s;
        QTest::newRow("unwritable target")
            << QStringList{seed, u"--format"_s, u"png"_s, u"-o"_s, u"/nonexistent/dir/seed.png"_s} << 1
            << u"modeldesk export: "_s + seed + u": /nonexistent/dir/seed.png: "_s;
    }

    void commandLineRefusals() {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Run r = runModeldesk(QStringList{u"export"_s} + arguments);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void formatsListsImages() {
        const Run r = runModeldesk({u"formats"_s});
        QCOMPARE(r.exitCode, 0);
        for (const char *name : {"png ", "svg ", "pdf "})
            QVERIFY(r.out.contains(QByteArray("\n") + name));
    }
};

QTEST_MAIN(TstDiagramImage)
#include "tst_diagramimage.moc"
