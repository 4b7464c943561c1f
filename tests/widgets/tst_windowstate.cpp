// The window's chrome: every panel and toolbar can be brought back from View, each mode keeps its own layout
// (quitting in Data mode does not take Design mode's panels away next time), the toolbar's Undo/Redo keep a
// short label (the tools beside them stay put) with the command in the tooltip, and Ctrl+Z in a Properties
// field undoes the last edit of the design once the field has nothing of its own to undo.
#include "designer/diagramscene.h"
#include "document/document.h"
#include "support/testsupport.h"
#include "window/mainwindow.h"

#include <QDockWidget>
#include <QLineEdit>
#include <QMenu>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <memory>

using namespace modeldesk;
using namespace Qt::StringLiterals;

class TstWindowState : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        // Settings of this test's own (the window saves its state there on close).
        QVERIFY(mHome.isValid());
        qputenv("XDG_CONFIG_HOME", mHome.filePath(u"config"_s).toLocal8Bit());
        QCoreApplication::setOrganizationName(u"ModelDeskWindowStateTest"_s);
    }
    void init() { mWindow = openWindow(); }
    void cleanup() {
        if (mWindow)
            mWindow->document()->undoStack()->setClean();
        mWindow.reset();
    }

    void viewMenuBringsBackEveryPanel();
    void eachModeKeepsItsLayoutAcrossRestarts();
    void toolbarUndoKeepsAShortLabel();
    void ctrlZInPropertiesUndoesTheDesign();
    void everyCommandHasItsKeys();

private:
    static std::unique_ptr<MainWindow> openWindow() {
        auto window = std::make_unique<MainWindow>();
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            qFatal("window not exposed");
        return window;
    }
    QDockWidget *dock(const char *name) const {
        return mWindow->findChild<QDockWidget *>(QString::fromLatin1(name));
    }
    QToolBar *toolBar(const char *name) const {
        return mWindow->findChild<QToolBar *>(QString::fromLatin1(name));
    }
    // Closes the window as the user would (Quit), with nothing unsaved.
    void quit() {
        mWindow->document()->undoStack()->setClean();
        QVERIFY(mWindow->close());
        mWindow.reset();
    }

    QTemporaryDir mHome;
    std::unique_ptr<MainWindow> mWindow;
};

void TstWindowState::viewMenuBringsBackEveryPanel() {
    auto *panels = mWindow->findChild<QMenu *>(u"panelsMenu"_s);
    QVERIFY(panels);
    QStringList entries;
    for (QAction *action : panels->actions())
        if (!action->isSeparator())
            entries << action->text();
    for (QDockWidget *d : mWindow->findChildren<QDockWidget *>())
        QVERIFY2(entries.contains(d->windowTitle()), qPrintable(d->windowTitle()));
    for (QToolBar *bar : mWindow->findChildren<QToolBar *>())
        QVERIFY2(entries.contains(bar->windowTitle()), qPrintable(bar->windowTitle()));

    // Close Problems, then bring it back from the menu.
    QDockWidget *problems = dock("problemsDock");
    problems->close();
    QVERIFY(!problems->isVisible());
    problems->toggleViewAction()->trigger();
    QVERIFY(problems->isVisible());
    // In Data mode the design's panels have nothing to show: their entries are off.
    mWindow->setMode(MainWindow::Mode::Data);
    QVERIFY(!problems->isVisible());
    QVERIFY(!problems->toggleViewAction()->isEnabled());
    mWindow->setMode(MainWindow::Mode::Design);
    QVERIFY(problems->isVisible());
    QVERIFY(problems->toggleViewAction()->isEnabled());
}

void TstWindowState::eachModeKeepsItsLayoutAcrossRestarts() {
    // Design mode without Problems; quit in Data mode.
    dock("problemsDock")->close();
    mWindow->setMode(MainWindow::Mode::Data);
    QVERIFY(!dock("propertiesDock")->isVisible());
    QVERIFY(!toolBar("designToolBar")->isVisible());
    quit();
    if (QTest::currentTestFailed())
        return;

    // Next start: Design mode as the user left it, not as Data mode hid it.
    mWindow = openWindow();
    QVERIFY(dock("propertiesDock")->isVisible());
    QVERIFY(toolBar("designToolBar")->isVisible());
    QVERIFY(!dock("problemsDock")->isVisible()); // closed on purpose, stays closed
    mWindow->setMode(MainWindow::Mode::Data);
    QVERIFY(!dock("propertiesDock")->isVisible());
    mWindow->setMode(MainWindow::Mode::Design);
    QVERIFY(dock("propertiesDock")->isVisible());
    dock("problemsDock")->toggleViewAction()->trigger();
    quit();
    mWindow = openWindow();
    QVERIFY(dock("problemsDock")->isVisible());
}

void TstWindowState::toolbarUndoKeepsAShortLabel() {
    QToolBar *bar = toolBar("designToolBar");
    auto *undoButton = qobject_cast<QToolButton *>(bar->widgetForAction(mWindow->action(u"toolBarUndo"_s)));
    QVERIFY(undoButton);
    QVERIFY(!undoButton->isEnabled());
    const int width = undoButton->sizeHint().width();
    mWindow->scene()->addModelAt(QPointF(100, 100));
    mWindow->scene()->addModelAt(QPointF(400, 100));
    QVERIFY(undoButton->isEnabled());
    QCOMPARE(undoButton->text(), u"Undo"_s);
    QCOMPARE(undoButton->sizeHint().width(), width); // the tools beside it do not move
    QVERIFY2(undoButton->toolTip().contains(u"Add model model2"_s), qPrintable(undoButton->toolTip()));
    QTest::mouseClick(undoButton, Qt::LeftButton);
    QCOMPARE(mWindow->document()->schema().models.size(), 1);
    auto *redoButton = qobject_cast<QToolButton *>(bar->widgetForAction(mWindow->action(u"toolBarRedo"_s)));
    QVERIFY(redoButton->isEnabled());
    QVERIFY2(redoButton->toolTip().contains(u"Add model model2"_s), qPrintable(redoButton->toolTip()));
    // Every tool of the design toolbar fits: none falls into the overflow menu at the default width.
    mWindow->resize(1280, 820);
    for (QAction *action : bar->actions())
        if (!action->isSeparator())
            QVERIFY2(bar->widgetForAction(action) && bar->widgetForAction(action)->isVisible(),
                     qPrintable(action->text()));
}

void TstWindowState::ctrlZInPropertiesUndoesTheDesign() {
    mWindow->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(mWindow.get()));
    mWindow->scene()->addModelAt(QPointF(100, 100));
    mWindow->scene()->selectModel(u"model"_s);
    auto *name = mWindow->findChild<QLineEdit *>(u"modelNameEdit"_s);
    QVERIFY(name && name->isVisible());
    name->setFocus(Qt::MouseFocusReason);
    name->selectAll();
    QTest::keyClicks(name, u"customer"_s);
    QTest::keyClick(name, Qt::Key_Return);
    QVERIFY(mWindow->document()->schema().model(u"customer"_s));
    QVERIFY(name->hasFocus());
    // Applied: Ctrl+Z undoes the rename on the design's stack, although the field has the focus.
    QTest::keyClick(name, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(mWindow->document()->schema().model(u"model"_s));
    QTRY_COMPARE(name->text(), u"model"_s);
    // Typing not yet applied is the field's own to undo.
    QTest::keyClicks(name, u"x"_s);
    QTest::keyClick(name, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(name->text(), u"model"_s);
    QCOMPARE(mWindow->document()->schema().models.size(), 1); // the model was not undone
    // Ctrl+Shift+Z redoes the rename.
    name->setModified(false);
    QTest::keyClick(name, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(mWindow->document()->schema().model(u"customer"_s));
}

QTEST_MAIN(TstWindowState)
// Save As, Quit and Redo have their usual keys also where the platform binds none (X11 without a desktop
// theme, the offscreen platform): Ctrl+Shift+S, Ctrl+Q, and both Ctrl+Y and Ctrl+Shift+Z for Redo.
void TstWindowState::everyCommandHasItsKeys() {
    auto keys = [&](const char *name) {
        QAction *action = mWindow->findChild<QAction *>(QString::fromLatin1(name));
        return action ? action->shortcuts() : QList<QKeySequence>();
    };
    QVERIFY(!keys("actionSaveAs").isEmpty());
    if (QKeySequence::keyBindings(QKeySequence::SaveAs).isEmpty())
        QCOMPARE(keys("actionSaveAs").first(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    QVERIFY(!keys("actionQuit").isEmpty());
    QVERIFY(keys("actionRedo").contains(QKeySequence(Qt::CTRL | Qt::Key_Y)));
    QVERIFY(keys("actionRedo").contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)));
    for (const char *name : {"actionNew", "actionOpen", "actionSave", "actionUndo", "actionAutoLayout"})
        QVERIFY2(!keys(name).isEmpty(), name);
}

#include "tst_windowstate.moc"
