// ModelDesk: design Sequelize-style models, export them, and enter linked records.
#include "commandline.h"
#include "data/datapage.h"
#include "designer/diagramscene.h"
#include "window/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QPixmap>
#include <QTextStream>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

void describeApplication() {
    QCoreApplication::setOrganizationName(u"ModelDesk"_s);
    QCoreApplication::setApplicationName(u"ModelDesk"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(MODELDESK_VERSION));
}

} // namespace

int main(int argc, char **argv) {
    // Subcommands must work without a display. Most never construct a QApplication; drawing a diagram
    // image needs one (fonts, painting) but no window, so it runs on the offscreen platform unless the
    // user asked for another one.
    if (modeldesk::cli::isHeadless(argc, argv)) {
        if (modeldesk::cli::needsGuiApplication(argc, argv)) {
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            QApplication app(argc, argv);
            describeApplication();
            return modeldesk::cli::run(app.arguments());
        }
        QCoreApplication app(argc, argv);
        describeApplication();
        return modeldesk::cli::run(app.arguments());
    }

    QApplication app(argc, argv);
    describeApplication();
    QApplication::setWindowIcon(QIcon(u":/icons/modeldesk.svg"_s));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Design Sequelize models and enter linked records."_s);
    parser.addPositionalArgument(u"project"_s, u"A .modeldesk project to open."_s, u"[PROJECT]"_s);
    const QCommandLineOption example(u"example"_s, u"Open a bundled example (seed or shop)."_s, u"name"_s);
    parser.addOption(example);
    const QCommandLineOption screenshot(
        u"screenshot"_s,
        u"Save a PNG of the window to FILE once it is shown, then quit (used by "
        u"scripts/screenshots)."_s,
        u"file"_s);
    parser.addOption(screenshot);
    const QCommandLineOption mode(u"mode"_s, u"Start in design or data mode."_s, u"design|data"_s);
    parser.addOption(mode);
    const QCommandLineOption select(
        u"select"_s,
        u"Select a model after opening: on the canvas, or the form of data mode (for screenshots)."_s,
        u"model"_s);
    parser.addOption(select);
    parser.process(app);

    modeldesk::MainWindow window;
    window.show();
    // Work a crashed ModelDesk left behind comes first; once restored, it is what the window shows. Scripted
    // screenshots never stop for the question.
    const bool restored = !parser.isSet(screenshot) && window.offerRecovery();
    if (!restored && parser.isSet(example))
        window.openExample(parser.value(example));
    else if (!restored && !parser.positionalArguments().isEmpty())
        window.openProject(parser.positionalArguments().constFirst());
    if (parser.value(mode) == u"data"_s)
        window.setMode(modeldesk::MainWindow::Mode::Data);
    if (parser.isSet(select) && window.mode() == modeldesk::MainWindow::Mode::Data)
        window.dataPage()->setModel(parser.value(select));
    else if (parser.isSet(select))
        window.scene()->selectModel(parser.value(select));
    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        QTimer::singleShot(400, &window, [&window, file] {
            const bool ok = window.grab().save(file);
            QTextStream(ok ? stdout : stderr) << (ok ? "saved " : "cannot write ") << file << "\n";
            QCoreApplication::exit(ok ? 0 : 1);
        });
    }
    return QApplication::exec();
}
