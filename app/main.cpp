// ModelDesk: design Sequelize-style models, export them, and enter linked records.
#include "commandline.h"
#include "data/datapage.h"
#include "data/recordnavigator.h"
#include "designer/diagramscene.h"
#include "properties/propertiespanel.h"
#include "window/mainwindow.h"
#include "window/themesetting.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QIcon>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPixmap>
#include <QScrollArea>
#include <QScrollBar>
#include <QTableWidget>
#include <QTextStream>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

void describeApplication() {
    QCoreApplication::setOrganizationName(u"ModelDesk"_s);
    QCoreApplication::setApplicationName(u"ModelDesk"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(MODELDESK_VERSION));
}

// For scripted pictures of the properties panel: selects `field` of the selected model in the panel's field
// list and, when `type` is given, types it into the field's type box as a user would (a refused type shows
// its message), with the panel scrolled down to the field editor.
bool showField(modeldesk::MainWindow &window, const QString &field, const QString &type) {
    auto *table = window.propertiesPanel()->findChild<QTableWidget *>(u"fieldsTable"_s);
    if (!table)
        return false;
    const QList<QTableWidgetItem *> found = table->findItems(field, Qt::MatchExactly);
    if (found.isEmpty())
        return false;
    table->setCurrentCell(found.first()->row(), 0);
    if (type.isEmpty())
        return true;
    auto *combo = window.propertiesPanel()->findChild<QComboBox *>(u"fieldTypeCombo"_s);
    if (!combo || !combo->lineEdit())
        return false;
    QLineEdit *edit = combo->lineEdit();
    edit->setFocus();
    edit->setText(type);
    QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
    QApplication::sendEvent(edit, &enter);
    // After the message has changed the layout.
    QTimer::singleShot(0, &window, [&window] {
        if (auto *area = qobject_cast<QScrollArea *>(window.propertiesPanel()->currentWidget()))
            area->verticalScrollBar()->setValue(area->verticalScrollBar()->maximum());
    });
    return true;
}

// The options of the window (not of a subcommand): what to open and, for scripts/screenshots, what to show.
struct WindowOptions {
    QCommandLineParser parser;
    QCommandLineOption example{u"example"_s, u"Open a bundled example (seed or shop)."_s, u"name"_s};
    QCommandLineOption screenshot{u"screenshot"_s,
                                  u"Save a PNG of the window to FILE once it is shown, then quit (used by "
                                  u"scripts/screenshots)."_s,
                                  u"file"_s};
    QCommandLineOption mode{u"mode"_s, u"Start in design or data mode."_s, u"design|data"_s};
    QCommandLineOption select{
        u"select"_s,
        u"Select a model after opening: on the canvas, or the form of data mode (for screenshots)."_s,
        u"model"_s};
    QCommandLineOption selectLink{
        u"select-link"_s,
        u"Select a link on the canvas by its index in the project file (for screenshots)."_s, u"index"_s};
    QCommandLineOption field{u"field"_s,
                             u"With --select: show this field in the properties panel (for screenshots)."_s,
                             u"name"_s};
    QCommandLineOption fieldType{u"field-type"_s,
                                 u"With --field: type TEXT into the field's type box and press Enter (for "
                                 u"screenshots of a refused type)."_s,
                                 u"text"_s};
    QCommandLineOption record{u"record"_s,
                              u"In data mode: show the record at this position of the list, from 1 (for "
                              u"screenshots)."_s,
                              u"n"_s};
    QCommandLineOption theme{u"theme"_s,
                             u"Show the window in this theme for this run, without saving it (for "
                             u"screenshots)."_s,
                             u"system|light|dark"_s};
    QCommandLineOption grab{u"grab"_s,
                            u"What --screenshot saves: the whole window (default) or the properties panel."_s,
                            u"window|properties"_s};

    void process(const QApplication &app) {
        parser.setApplicationDescription(u"Design Sequelize models and enter linked records."_s);
        parser.addPositionalArgument(u"project"_s, u"A .modeldesk project to open."_s, u"[PROJECT]"_s);
        parser.addOptions(
            {example, screenshot, mode, select, selectLink, field, fieldType, record, theme, grab});
        parser.process(app);
        if (parser.isSet(grab) && parser.value(grab) != u"window"_s && parser.value(grab) != u"properties"_s)
            parser.showHelp(modeldesk::cli::kUsage);
        if (parser.isSet(theme) && !modeldesk::ThemeSetting::fromKey(parser.value(theme)))
            parser.showHelp(modeldesk::cli::kUsage);
    }
};

// Opens what the options name in `window`; false (after saying why) when they cannot be shown.
bool applyOptions(modeldesk::MainWindow &window, const WindowOptions &o) {
    const QCommandLineParser &parser = o.parser;
    if (parser.isSet(o.theme))
        window.setTheme(*modeldesk::ThemeSetting::fromKey(parser.value(o.theme)), false);
    // Work a crashed ModelDesk left behind comes first; once restored, it is what the window shows. Scripted
    // screenshots never stop for the question.
    const bool restored = !parser.isSet(o.screenshot) && window.offerRecovery();
    if (!restored && parser.isSet(o.example))
        window.openExample(parser.value(o.example));
    else if (!restored && !parser.positionalArguments().isEmpty())
        window.openProject(parser.positionalArguments().constFirst());
    if (parser.value(o.mode) == u"data"_s)
        window.setMode(modeldesk::MainWindow::Mode::Data);
    if (parser.isSet(o.select) && window.mode() == modeldesk::MainWindow::Mode::Data)
        window.dataPage()->setModel(parser.value(o.select));
    else if (parser.isSet(o.select))
        window.scene()->selectModel(parser.value(o.select));
    if (parser.isSet(o.record) && window.mode() == modeldesk::MainWindow::Mode::Data &&
        !window.dataPage()->navigator()->goToRow(parser.value(o.record).toInt() - 1)) {
        QTextStream(stderr) << "no record " << parser.value(o.record) << " to show\n";
        return false;
    }
    if (parser.isSet(o.selectLink))
        window.scene()->selectLink(parser.value(o.selectLink).toInt());
    if (parser.isSet(o.field) && !showField(window, parser.value(o.field), parser.value(o.fieldType))) {
        QTextStream(stderr) << "no field " << parser.value(o.field) << " to show\n";
        return false;
    }
    return true;
}

// Saves a PNG of the window (or its properties panel) once it is shown, then quits.
void scheduleScreenshot(modeldesk::MainWindow &window, const WindowOptions &o) {
    const QString file = o.parser.value(o.screenshot);
    QWidget *target = &window;
    if (o.parser.value(o.grab) == u"properties"_s)
        target = window.findChild<QDockWidget *>(u"propertiesDock"_s);
    QTimer::singleShot(400, &window, [target, file] {
        const bool ok = target->grab().save(file);
        QTextStream(ok ? stdout : stderr) << (ok ? "saved " : "cannot write ") << file << "\n";
        QCoreApplication::exit(ok ? 0 : 1);
    });
}

// Subcommands must work without a display. Most never construct a QApplication; drawing a diagram image
// needs one (fonts, painting) but no window, so it runs on the offscreen platform unless the user asked for
// another one.
int runHeadless(int argc, char **argv) {
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

} // namespace

int main(int argc, char **argv) {
    if (modeldesk::cli::isHeadless(argc, argv))
        return runHeadless(argc, argv);

    QApplication app(argc, argv);
    describeApplication();
    // The launcher's id: Wayland compositors and docks match the window to the installed .desktop file (and
    // its icon) by it.
    QGuiApplication::setDesktopFileName(QStringLiteral(MODELDESK_APP_ID));
    QApplication::setWindowIcon(QIcon(u":/icons/modeldesk.svg"_s));
    WindowOptions options;
    options.process(app);

    modeldesk::MainWindow window;
    window.show();
    if (!applyOptions(window, options))
        return modeldesk::cli::kUsage;
    if (options.parser.isSet(options.screenshot))
        scheduleScreenshot(window, options);
    return QApplication::exec();
}
