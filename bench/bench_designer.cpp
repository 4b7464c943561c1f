// bench_designer: the designer on a big generated design (2,000 models × 10 fields, 3,000 links by default),
// through the real MainWindow on the offscreen platform. Prints one figure per step and its goal; it is not a
// test and fails nothing. Run it with bench/run designer.
//   bench_designer [--models N] [--fields F] [--links L] [--seed S] [--frames N] [--keep FILE] [--shot PNG]
// Steps: open (load + build the scene), first full render, repaint at fit zoom, one box dragged across the
// view (per frame), auto-layout, and `modeldesk export --format sql` of the design as a whole process.

#include "designer/diagramscene.h"
#include "designer/diagramview.h"
#include "designer/modelitem.h"
#include "document/autosaver.h"
#include "document/document.h"
#include "document/linkcommands.h"
#include "document/modelcommands.h"
#include "editing/autolayout.h"
#include "editing/designgenerator.h"
#include "project/projectfile.h"
#include "window/mainwindow.h"
#include "window/problemspanel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QMouseEvent>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <ctime>
#include <functional>

using namespace modeldesk;
using namespace Qt::StringLiterals;

namespace {

QTextStream out(stdout);

// This thread's CPU time so far, in milliseconds.
double threadCpuMs() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

double msSince(const QElapsedTimer &clock) {
    return clock.nsecsElapsed() / 1e6;
}

double median(QList<double> values) {
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

double percentile(QList<double> values, double p) {
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(std::min<qsizetype>(values.size() - 1, qsizetype(p * double(values.size()))));
}

void report(const QString &step, double ms, double goalMs, const QString &note = {}) {
    const QString verdict = goalMs <= 0 ? QString() : ms <= goalMs ? u"ok"_s : u"MISSED"_s;
    out << step.leftJustified(44) << QString::number(ms, 'f', 1).rightJustified(9) << " ms";
    if (goalMs > 0)
        out << "   goal " << QString::number(goalMs, 'f', 0).rightJustified(5) << " ms  " << verdict;
    if (!note.isEmpty())
        out << "   (" << note << ")";
    out << "\n";
    out.flush();
}

void sendMouse(QWidget *target, QEvent::Type type, const QPoint &pos, Qt::MouseButton button,
               Qt::MouseButtons buttons) {
    QMouseEvent event(type, pos, target->mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(target, &event);
}

// Paints whatever is pending (the dirty region of the last change) and returns when the frame is done.
void flushFrame() {
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
}

int intOption(const QStringList &args, const QString &name, int fallback) {
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toInt() : fallback;
}

} // namespace

int main(int argc, char **argv) {
    // Figures from the real paint path without a display: the offscreen platform paints into a raster
    // backing store, as the X11 platform does.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"ModelDeskBench"_s);
    // The benchmark's own edits must not leave recovery files behind.
    qputenv("MODELDESK_AUTOSAVE_MS", "0");
    const QStringList args = app.arguments();
    DesignGenerator::Options options;
    options.models = intOption(args, u"--models"_s, 2000);
    options.fields = intOption(args, u"--fields"_s, 10);
    options.links = intOption(args, u"--links"_s, 3000);
    options.seed = quint32(intOption(args, u"--seed"_s, 1));
    const int frames = intOption(args, u"--frames"_s, 60);
    // --only repaint,drag,edit,layout,export runs those steps after the open (for profiling one of them).
    const qsizetype onlyAt = args.indexOf(u"--only"_s);
    const QStringList only =
        onlyAt >= 0 && onlyAt + 1 < args.size() ? args.at(onlyAt + 1).split(u',') : QStringList();
    auto want = [&](const QString &step) {
        return only.isEmpty() || only.contains(step);
    };

    QTemporaryDir dir;
    QString path = dir.filePath(u"big.modeldesk"_s);
    if (const qsizetype keep = args.indexOf(u"--keep"_s); keep >= 0 && keep + 1 < args.size())
        path = args.at(keep + 1);
    QElapsedTimer clock;
    clock.start();
    const Project generated = DesignGenerator::generate(options);
    QString error;
    if (!ProjectFile::save(path, generated, &error)) {
        out << "cannot write the design: " << error << "\n";
        return 1;
    }
    out << "Design: " << options.models << " models x " << options.fields << " fields, "
        << generated.schema.links.size() << " links (seed " << options.seed << "), "
        << QFileInfo(path).size() / 1024 << " KiB; generated in " << QString::number(msSince(clock), 'f', 0)
        << " ms\n";
    out << "Qt " << qVersion() << ", platform " << QGuiApplication::platformName() << ", "
        << QThread::idealThreadCount() << " cores\n\n";

    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window)) {
        out << "the window was not exposed\n";
        return 1;
    }
    flushFrame();
    DiagramView *view = window.view();
    DiagramScene *scene = window.scene();
    QWidget *viewport = view->viewport();

    // Open: load the file, build the scene, fit the view. Then the first paint of everything in view.
    // Painting is held back until the design is open (and the deferred fit done), so that "first full
    // render" is the first paint of the open design.
    clock.restart();
    viewport->setUpdatesEnabled(false);
    if (!window.openProject(path)) {
        out << "cannot open " << path << "\n";
        return 1;
    }
    QCoreApplication::processEvents();
    const double open = msSince(clock);
    viewport->setUpdatesEnabled(true);
    clock.restart();
    viewport->repaint();
    const double firstRender = msSince(clock);
    report(u"open (load + build scene)"_s, open, 0, u"%1 items"_s.arg(scene->items().size()));
    report(u"first full render"_s, firstRender, 0, u"zoom %1%"_s.arg(qRound(view->zoom() * 100)));
    report(u"open + first render"_s, open + firstRender, 1000);
    clock.restart();
    window.problemsPanel()->revalidate();
    report(u"validation (deferred, after open)"_s, msSince(clock), 0,
           u"%1 problems"_s.arg(window.problemsPanel()->problems().size()));

    // Repaint at fit zoom: the whole design in view.
    view->fitToContents();
    viewport->repaint();
    if (want(u"repaint"_s)) {
        QList<double> repaints;
        for (int i = 0; i < 15; ++i) {
            clock.restart();
            viewport->repaint();
            repaints << msSince(clock);
        }
        report(u"repaint at fit zoom (median of 15)"_s, median(repaints), 50,
               u"zoom %1%, worst %2 ms"_s.arg(qRound(view->zoom() * 100))
                   .arg(percentile(repaints, 1), 0, 'f', 1));
    }

    // One box dragged across the view at fit zoom, each mouse move followed by its frame.
    auto dragAcross = [&](const QString &label) {
        const QPointF centre = view->mapToScene(viewport->rect().center());
        ModelItem *box = nullptr;
        double best = 1e300;
        for (ModelItem *item : scene->modelItems()) {
            const double d = QLineF(item->sceneBoundingRect().center(), centre).length();
            if (d < best) {
                best = d;
                box = item;
            }
        }
        if (!box)
            return;
        const QString name = box->modelName();
        const QPointF start = window.document()->position(name);
        // Grab the box by its header: its centre may be under a link's label.
        const QPoint from = view->mapFromScene(box->mapToScene(box->headerRect().center()));
        const QPoint to(viewport->width() / 8, viewport->height() / 8);
        sendMouse(viewport, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
        flushFrame();
        QList<double> times;
        for (int i = 1; i <= frames; ++i) {
            clock.restart();
            sendMouse(viewport, QEvent::MouseMove, from + (to - from) * i / frames, Qt::NoButton,
                      Qt::LeftButton);
            flushFrame();
            times << msSince(clock);
        }
        clock.restart();
        sendMouse(viewport, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);
        flushFrame();
        const double release = msSince(clock);
        const QPointF moved = window.document()->position(name) - start;
        if (moved.isNull()) {
            out << label << ": the box did not move\n";
            return;
        }
        const double pickUp = times.takeFirst(); // the first move also freezes the links that stay put
        report(
            label, median(times), 16,
            u"%1 frames, %5 px, 95th percentile %2 ms, worst %3 ms; pick-up %6 ms, drop %4 ms"_s.arg(frames)
                .arg(percentile(times, 0.95), 0, 'f', 1)
                .arg(percentile(times, 1), 0, 'f', 1)
                .arg(release, 0, 'f', 1)
                .arg(qRound(QLineF(QPointF(), moved).length()))
                .arg(pickUp, 0, 'f', 1));
    };
    if (want(u"drag"_s))
        dragAcross(u"drag a box at fit zoom (median frame)"_s);
    view->resetZoom();
    // The middle of the design, where it is densest (the same box every run).
    const QList<Model> &models = window.document()->schema().models;
    view->centerOn(scene->modelItem(models.at(models.size() / 2).name));
    viewport->repaint();
    if (const qsizetype shot = args.indexOf(u"--shot"_s); shot >= 0 && shot + 1 < args.size())
        viewport->grab().save(args.at(shot + 1)); // what the 100% steps see
    if (want(u"drag"_s))
        dragAcross(u"drag a box at 100% (median frame)"_s);
    if (want(u"repaint"_s)) {
        QList<double> closeRepaints;
        for (int i = 0; i < 15; ++i) {
            clock.restart();
            viewport->repaint();
            closeRepaints << msSince(clock);
        }
        report(u"repaint at 100% (median of 15)"_s, median(closeRepaints), 50);
    }

    // Edits on the big design: what one undo step costs the window's thread, from the command until the
    // canvas is painted and the Problems panel shows the validation of the new design (it validates on a
    // thread of its own 150 ms after the last edit; the wait is not counted, the result's display is). The
    // CPU time is this thread's own (CLOCK_THREAD_CPUTIME_ID), which other work on a shared machine does not
    // inflate; the wall-clock time to the painted canvas is printed beside it.
    if (want(u"edit"_s)) {
        Document *document = window.document();
        QUndoStack *stack = document->undoStack();
        ProblemsPanel *problems = window.problemsPanel();
        const double goal = options.models > 2000 ? 50 : 16;
        auto timeEdit = [&](const QString &label, const std::function<void()> &edit) {
            const double cpu = threadCpuMs();
            clock.restart();
            edit();
            flushFrame();
            const double wall = msSince(clock);
            const double cpuCanvas = threadCpuMs() - cpu;
            while (problems->isPending())
                QCoreApplication::processEvents(
                    QEventLoop::WaitForMoreEvents); // blocks: no CPU while waiting
            const double cpuAll = threadCpuMs() - cpu;
            report(label + u" (UI-thread CPU)"_s, cpuAll, goal,
                   u"canvas painted after %1 ms CPU, %2 ms wall; problems %3"_s.arg(cpuCanvas, 0, 'f', 1)
                       .arg(wall, 0, 'f', 1)
                       .arg(problems->problems().size()));
        };
        const int middle = int(document->schema().models.size() / 2);
        const Model before = document->schema().models.at(middle);
        timeEdit(u"edit: add a field"_s, [&] {
            Model after = before;
            after.fields.append(Field{u"benchField"_s, DataType::string(40)});
            stack->push(new ChangeModelCommand(document, before, after, u"bench"_s));
        });
        timeEdit(u"edit: rename a field"_s, [&] {
            const Model now = document->schema().models.at(middle);
            Model after = now;
            after.fields.first().name = u"benchRenamed"_s;
            stack->push(new ChangeModelCommand(document, now, after, u"bench"_s));
        });
        timeEdit(u"edit: change a field's type"_s, [&] {
            const Model now = document->schema().models.at(middle);
            Model after = now;
            after.fields.last().type = DataType::integer();
            stack->push(new ChangeModelCommand(document, now, after, u"bench"_s));
        });
        timeEdit(u"edit: add a link"_s, [&] {
            stack->push(new AddLinkCommand(
                document, Link{Link::Kind::HasMany, document->schema().models.at(1).name,
                               document->schema().models.at(2).name, u"benchLinks"_s, u"benchLinkId"_s}));
        });
        timeEdit(u"edit: move a box"_s, [&] {
            const QString name = document->schema().models.at(middle).name;
            const QPointF at = document->position(name);
            stack->push(new MoveModelsCommand(document, {{name, at}}, {{name, at + QPointF(200, 120)}}));
        });
        for (const QString &what : {u"move"_s, u"add link"_s, u"type"_s, u"rename"_s, u"add field"_s})
            timeEdit(u"undo: "_s + what, [&] { stack->undo(); });
        timeEdit(u"redo: add field"_s, [&] { stack->redo(); });
        timeEdit(u"undo: add field"_s, [&] { stack->undo(); });
        // What autosave costs: the timer's write on the GUI thread (copy the project, hand it to the writer's
        // thread) and the serialise + QSaveFile write there; saveNow() (the synchronous path used on quit)
        // for comparison.
        {
            AutoSaver saver(document, 1);
            bool written = false;
            QObject::connect(&saver, &AutoSaver::saved, &saver, [&written] { written = true; });
            const Model model = document->schema().models.at(3);
            Model renamed = model;
            renamed.comment = u"bench"_s;
            stack->push(new ChangeModelCommand(document, model, renamed, u"bench"_s)); // schedules a write
            flushFrame();
            QElapsedTimer wait;
            wait.start();
            while (saver.scheduledDelay() > 0 && wait.elapsed() < 1000)
                QThread::msleep(1); // the 1 ms debounce
            clock.restart();
            QCoreApplication::processEvents(); // the timer fires: write() runs here
            const double onGuiThread = msSince(clock);
            clock.restart();
            while (!written && wait.elapsed() < 10000)
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
            report(u"autosave: GUI thread part of a write"_s, onGuiThread, 0,
                   u"the write itself %1 ms on the writer's thread"_s.arg(msSince(clock), 0, 'f', 1));
            clock.restart();
            QString error;
            const bool now = saver.saveNow(&error);
            report(u"autosave: saveNow, all on the GUI thread"_s, msSince(clock), 0,
                   now ? u"%1 KiB"_s.arg(QFileInfo(saver.recoveryPath()).size() / 1024) : error);
            stack->undo();
        }
    }

    // Auto-layout: the placement alone, then the whole action (one undo step moving every box).
    if (want(u"layout"_s)) {
        clock.restart();
        const auto positions = AutoLayout::arrange(window.document()->schema(), scene->boxSizes());
        report(u"auto-layout: placement"_s, msSince(clock), 0, u"%1 boxes"_s.arg(positions.size()));
        clock.restart();
        window.action(u"actionAutoLayout"_s)->trigger();
        flushFrame();
        viewport->repaint();
        report(u"auto-layout: action (place, move, fit, paint)"_s, msSince(clock), 1000);
    }

    // Export as a whole process, as a script or a build would run it. Best of three against disk cache noise.
    if (want(u"export"_s)) {
        const QString sql = dir.filePath(u"big.sql"_s);
        QList<double> exports;
        for (int i = 0; i < 3; ++i) {
            QProcess process;
            clock.restart();
            process.start(QStringLiteral(MODELDESK_BINARY), {u"export"_s, path, u"--format"_s, u"sql"_s,
                                                             u"--dialect"_s, u"postgres"_s, u"-o"_s, sql});
            process.waitForFinished(60000);
            exports << msSince(clock);
            if (process.exitCode() != 0) {
                out << "export failed: " << process.readAllStandardError() << "\n";
                return 1;
            }
        }
        std::sort(exports.begin(), exports.end());
        report(u"modeldesk export --format sql (process)"_s, exports.first(), 300,
               u"best of 3, %1 KiB of SQL"_s.arg(QFileInfo(sql).size() / 1024));
    }

    window.document()->undoStack()->setClean(); // no "save changes?" on exit
    return 0;
}
