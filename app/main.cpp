// ModelDesk: design Sequelize-style models, export them, and enter linked records.
#include "commandline.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

using namespace Qt::StringLiterals;

namespace {

void describeApplication() {
    QCoreApplication::setOrganizationName(u"ModelDesk"_s);
    QCoreApplication::setApplicationName(u"ModelDesk"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(MODELDESK_VERSION));
}

} // namespace

int main(int argc, char **argv) {
    // Subcommands must work without a display, so they never construct a QApplication.
    if (modeldesk::cli::isHeadless(argc, argv)) {
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
    parser.process(app);

    modeldesk::MainWindow window;
    window.show();
    if (parser.isSet(example))
        window.openExample(parser.value(example));
    else if (!parser.positionalArguments().isEmpty())
        window.openProject(parser.positionalArguments().constFirst());
    return QApplication::exec();
}
