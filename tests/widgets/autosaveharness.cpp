// autosave_harness: a real ModelDesk window that edits its project by itself, for tst_autosave to kill.
//   autosave_harness PROJECT EXPECTED_DIR
// It opens PROJECT and makes three edits, each only after the autosave of the previous one landed: a model
// added (structural: written at once), a field added (debounced), a box moved with the mouse. After every
// autosave it writes the bytes the document had at that moment to EXPECTED_DIR/saved-N.modeldesk and prints
// "saved N". Then, mid-edit (a box half dragged, another change pushed but not yet autosaved), it prints
// "editing" and hangs until the test kills it with SIGKILL.
#include "designer/diagramscene.h"
#include "designer/diagramview.h"
#include "designer/modelitem.h"
#include "document/autosaver.h"
#include "document/document.h"
#include "document/modelcommands.h"
#include "project/projectfile.h"
#include "window/mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QMouseEvent>
#include <QSaveFile>
#include <QTest>
#include <QTextStream>
#include <QThread>

using namespace modeldesk;
using namespace Qt::StringLiterals;

namespace {

void sendMouse(QWidget *target, QEvent::Type type, const QPoint &pos, Qt::MouseButtons buttons) {
    QMouseEvent event(type, pos, target->mapToGlobal(pos),
                      type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton, buttons, Qt::NoModifier);
    QApplication::sendEvent(target, &event);
}

} // namespace

int main(int argc, char **argv) {
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"ModelDesk"_s);
    QCoreApplication::setApplicationName(u"ModelDesk"_s);
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        out << "usage: autosave_harness PROJECT EXPECTED_DIR\n";
        return 64;
    }
    const QDir expected(args.at(2));

    MainWindow window;
    window.resize(1200, 800);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window) || !window.openProject(args.at(1)))
        return 1;
    Document *document = window.document();
    DiagramScene *scene = window.scene();
    DiagramView *view = window.view();
    view->resetZoom();

    int saves = 0;
    QObject::connect(window.autoSaver(), &AutoSaver::saved, &app, [&] {
        ++saves;
        QSaveFile file(expected.filePath(u"saved-%1.modeldesk"_s.arg(saves)));
        if (!file.open(QIODevice::WriteOnly) || file.write(ProjectFile::serialize(document->project())) < 0 ||
            !file.commit())
            QCoreApplication::exit(1);
        out << "saved " << saves << Qt::endl;
    });
    auto waitForSave = [&](int n) {
        return QTest::qWaitFor([&] { return saves >= n; }, 20000);
    };

    // 1. Structural: a model added.
    Model invoice{u"invoice"_s};
    invoice.fields = {Field{u"number"_s, DataType::string(20)}};
    document->undoStack()->push(new AddModelCommand(document, invoice, QPointF(900, 40)));
    if (!waitForSave(1))
        return 2;

    // 2. Debounced: a field added to an existing model.
    const Model customer = *document->schema().model(u"customer"_s);
    Model withPhone = customer;
    withPhone.fields.append(Field{u"phone"_s, DataType::string(30)});
    document->undoStack()->push(new ChangeModelCommand(document, customer, withPhone, u"Add field"_s));
    if (!waitForSave(2))
        return 3;

    // 3. A box dragged with the mouse (one undo step on release).
    ModelItem *box = scene->modelItem(u"invoice"_s);
    view->centerOn(box);
    QWidget *viewport = view->viewport();
    const QPoint from = view->mapFromScene(box->mapToScene(box->headerRect().center()));
    sendMouse(viewport, QEvent::MouseButtonPress, from, Qt::LeftButton);
    for (int i = 1; i <= 5; ++i)
        sendMouse(viewport, QEvent::MouseMove, from + QPoint(20 * i, 10 * i), Qt::LeftButton);
    sendMouse(viewport, QEvent::MouseButtonRelease, from + QPoint(100, 50), Qt::NoButton);
    if (!waitForSave(3))
        return 4;

    // 4. Mid-edit: another change pushed (its autosave not due yet), a box half dragged, and the process
    //    stuck. Only the third save may come back.
    const Model current = *document->schema().model(u"customer"_s);
    Model renamedField = current;
    renamedField.fields.last().name = u"mobile"_s;
    document->undoStack()->push(new ChangeModelCommand(document, current, renamedField, u"Rename field"_s));
    const QPoint grab = view->mapFromScene(box->mapToScene(box->headerRect().center()));
    sendMouse(viewport, QEvent::MouseButtonPress, grab, Qt::LeftButton);
    sendMouse(viewport, QEvent::MouseMove, grab + QPoint(40, 40), Qt::LeftButton);
    out << "editing" << Qt::endl;
    QThread::sleep(120); // the event loop never turns again: the pending autosave cannot happen
    return 5;
}
