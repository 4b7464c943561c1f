#include "window/mainwindow.h"

#include "data/datapage.h"
#include "data/datasession.h"
#include "designer/diagramscene.h"
#include "designer/diagramview.h"
#include "designer/linkitem.h"
#include "document/appearance.h"
#include "document/autosaver.h"
#include "document/document.h"
#include "project/projectfile.h"
#include "project/recoveryfile.h"
#include "properties/propertiespanel.h"
#include "window/exportmenu.h"
#include "window/imageexportactions.h"
#include "window/importdialog.h"
#include "window/migrationdialog.h"
#include "window/problemspanel.h"
#include "window/recoverydialog.h"
#include "window/sequelizeimportdialog.h"
#include "window/undoshortcuts.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QGraphicsItem>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {
constexpr int kMaxRecent = 8;
const QString kRecentKey = u"recentFiles"_s;
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , mDocument(new Document(this))
    , mScene(new DiagramScene(mDocument, this))
    , mView(new DiagramView(mScene, this))
    , mDataPage(new DataPage(mDocument, this))
    , mModes(new QStackedWidget(this)) {
    setObjectName(u"mainWindow"_s);
    ThemeSetting::apply(ThemeSetting::saved());
    mModes->addWidget(mView);
    mModes->addWidget(mDataPage);
    setCentralWidget(mModes);
    createDocks();
    createActions();
    createToolBars(); // before the menus: View lists the toolbars
    createMenus();

    mZoomLabel = new QLabel(this);
    statusBar()->addPermanentWidget(mZoomLabel);
    connect(mView, &DiagramView::zoomChanged, this,
            [this](double zoom) { mZoomLabel->setText(tr("Zoom %1%").arg(qRound(zoom * 100))); });
    mZoomLabel->setText(tr("Zoom 100%"));
    auto *whereLabel = new QLabel(this);
    whereLabel->setObjectName(u"dataLocationLabel"_s);
    statusBar()->addPermanentWidget(whereLabel);
    connect(mDataPage, &DataPage::whereChanged, whereLabel,
            [whereLabel](const QString &where) { whereLabel->setText(tr("Data: %1").arg(where)); });

    connect(mDocument, &Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(mDocument, &Document::filePathChanged, this, &MainWindow::updateTitle);
    connect(mDocument, &Document::resetDone, this, &MainWindow::restoreView);
    // Only what the user does to the view goes into the project: opening one positions the view without
    // writing back, so that opening and saving leaves the file as it was.
    connect(mView, &DiagramView::movedByUser, this, &MainWindow::syncView);

    connect(mScene, &DiagramScene::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    connect(mDataPage, &DataPage::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });

    mAutoSaver = new AutoSaver(mDocument, this);
    connect(mAutoSaver, &AutoSaver::saveFailed, this,
            [this](const QString &error) { statusBar()->showMessage(error, 10000); });

    QSettings settings;
    resize(1280, 820);
    restoreGeometry(settings.value(u"window/geometry"_s).toByteArray());
    restoreState(settings.value(u"window/state"_s).toByteArray());
    mDataState = settings.value(u"window/dataState"_s).toByteArray();
    updateRecentMenu();
    newProject();
}

MainWindow::~MainWindow() {
    // The document's last signals (its undo stack clearing) must not reach a half-destroyed window.
    mDocument->disconnect(this);
    mDocument->undoStack()->disconnect();
    // Nor the canvas's: it is deleted after the document, and its selected items going would make the
    // properties panel read the deleted document.
    mScene->blockSignals(true);
}

void MainWindow::setMode(Mode mode) {
    const bool design = mode == Mode::Design;
    action(design ? u"actionModeDesign"_s : u"actionModeData"_s)->setChecked(true);
    mModes->setCurrentWidget(design ? static_cast<QWidget *>(mView) : mDataPage);
    if (mode != mMode) {
        // Each mode keeps the panels and toolbars the user left it with.
        (mMode == Mode::Design ? mDesignState : mDataState) = saveState();
        mMode = mode;
        for (QDockWidget *dock : std::as_const(mDesignDocks))
            dock->setVisible(design);
        for (QToolBar *bar : std::as_const(mDesignBars))
            bar->setVisible(design);
        if (const QByteArray &state = design ? mDesignState : mDataState; !state.isEmpty())
            restoreState(state);
        if (!design) { // the design's panels have nothing to show in Data mode
            for (QDockWidget *dock : std::as_const(mDesignDocks))
                dock->hide();
            for (QToolBar *bar : std::as_const(mDesignBars))
                bar->hide();
        }
    }
    // The status bar says what the page does not: the zoom and where the data is are Design mode's; Data mode
    // shows its database at the top of the page.
    mZoomLabel->setVisible(design);
    if (auto *where = findChild<QLabel *>(u"dataLocationLabel"_s))
        where->setVisible(design);
    for (QDockWidget *dock : std::as_const(mDesignDocks))
        dock->toggleViewAction()->setEnabled(design);
    for (QToolBar *bar : std::as_const(mDesignBars))
        bar->toggleViewAction()->setEnabled(design);
    // In Data mode Ctrl+S saves the record (the page's own shortcut), not the project.
    action(u"actionSave"_s)->setShortcut(design ? QKeySequence(QKeySequence::Save) : QKeySequence());
    action(u"actionNew"_s)->setShortcut(design ? QKeySequence(QKeySequence::New) : QKeySequence());
    if (!design) {
        mDataPage->activate();
        mDataPage->setFocus();
    }
}

QAction *MainWindow::action(const QString &objectName) const {
    return findChild<QAction *>(objectName);
}

void MainWindow::createDocks() {
    mProperties = new PropertiesPanel(mDocument, mScene, this);
    new UndoShortcuts(mProperties);
    auto *properties = new QDockWidget(tr("Properties"), this);
    properties->setObjectName(u"propertiesDock"_s);
    properties->setWidget(mProperties);
    addDockWidget(Qt::RightDockWidgetArea, properties);

    mProblems = new ProblemsPanel(mDocument, this);
    auto *problems = new QDockWidget(tr("Problems"), this);
    problems->setObjectName(u"problemsDock"_s);
    problems->setWidget(mProblems);
    addDockWidget(Qt::BottomDockWidgetArea, problems);
    mDesignDocks = {properties, problems};
    connect(mProblems, &ProblemsPanel::problemsChanged, mScene, &DiagramScene::setProblems);
    connect(mProblems, &ProblemsPanel::problemActivated, this, &MainWindow::showProblem);
    mScene->setProblems(mProblems->problems());
    resizeDocks({properties}, {340}, Qt::Horizontal);
    resizeDocks({problems}, {130}, Qt::Vertical);
}

QAction *MainWindow::makeAction(const QString &name, const QString &text, const std::function<void()> &slot,
                                const QKeySequence &shortcut) {
    auto *action = new QAction(text, this);
    action->setObjectName(name);
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    connect(action, &QAction::triggered, this, slot);
    return action;
}

void MainWindow::createActions() {
    createFileActions();
    createEditActions();
    createViewActions();
    createModeAndToolActions();
    createThemeActions();
    setIcons();
    // Keys that only mean something on the canvas must not fire while typing in a panel or the data form.
    for (const char *name : {"actionDelete", "actionRename", "actionToolSelect", "actionToolAddModel",
                             "actionToolLink", "actionSelectAll"}) {
        QAction *a = action(QString::fromLatin1(name));
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        mView->addAction(a);
    }
    for (QAction *a : findChildren<QAction *>())
        if (!a->shortcut().isEmpty())
            a->setToolTip(
                u"%1 (%2)"_s.arg(a->text().remove(u'&'), a->shortcut().toString(QKeySequence::NativeText)));
}

void MainWindow::createFileActions() {
    makeAction(
        u"actionNew"_s, tr("&New"),
        [this] {
            if (maybeSave())
                newProject();
        },
        QKeySequence::New);
    makeAction(
        u"actionOpen"_s, tr("&Open…"),
        [this] {
            if (!maybeSave())
                return;
            const QString path = QFileDialog::getOpenFileName(
                this, tr("Open Project"), {}, tr("ModelDesk projects (*.modeldesk);;All files (*)"));
            if (!path.isEmpty())
                openProject(path);
        },
        QKeySequence::Open);
    makeAction(u"actionImportDatabase"_s, tr("&Import from Database…"), [this] { importFromDatabase(); });
    makeAction(u"actionImportSequelize"_s, tr("Import &Sequelize Models…"), [this] {
        if (!maybeSave())
            return;
        SequelizeImportDialog dialog(this);
        if (dialog.exec() == QDialog::Accepted && dialog.result())
            openImportedDesign(dialog.result()->project, dialog.path());
    });
    makeAction(u"actionMigrations"_s, tr("&Migrations…"), [this] {
        MigrationDialog dialog(mDocument, this);
        if (const auto database = mDataPage->databaseUrl())
            dialog.setDatabase(*database, DataSession::describe(*database));
        connect(&dialog, &MigrationDialog::applyFinished, mDataPage, &DataPage::databaseChanged);
        dialog.exec();
    });
    makeAction(
        u"actionSave"_s, tr("&Save"), [this] { save(); }, QKeySequence::Save);
    // Some platforms bind no key to Save As or Quit (X11 without a desktop theme binds neither): the usual
    // ones then.
    const auto standardOr = [](QKeySequence::StandardKey key, const QKeySequence &fallback) {
        const QList<QKeySequence> bound = QKeySequence::keyBindings(key);
        return bound.isEmpty() ? fallback : bound.first();
    };
    makeAction(
        u"actionSaveAs"_s, tr("Save &As…"), [this] { saveAs(); },
        standardOr(QKeySequence::SaveAs, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)));
    makeAction(
        u"actionQuit"_s, tr("&Quit"), [this] { close(); },
        standardOr(QKeySequence::Quit, QKeySequence(Qt::CTRL | Qt::Key_Q)));
}

void MainWindow::createEditActions() {

    QAction *undo = mDocument->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(u"actionUndo"_s);
    undo->setShortcuts(QKeySequence::Undo);
    addAction(undo);
    QAction *redo = mDocument->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(u"actionRedo"_s);
    // Every binding of the platform, and both usual ones wherever it lacks one (X11 binds only Ctrl+Shift+Z).
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    for (const QKeySequence &usual :
         {QKeySequence(Qt::CTRL | Qt::Key_Y), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)})
        if (!redoKeys.contains(usual))
            redoKeys << usual;
    redo->setShortcuts(redoKeys);
    addAction(redo);
    makeAction(
        u"actionDelete"_s, tr("&Delete"), [this] { mScene->deleteSelection(); }, QKeySequence::Delete);
    makeAction(
        u"actionSelectAll"_s, tr("Select &All"),
        [this] {
            for (QGraphicsItem *item : mScene->items())
                if (item->flags() & QGraphicsItem::ItemIsSelectable)
                    item->setSelected(true);
        },
        QKeySequence::SelectAll);
    makeAction(
        u"actionRename"_s, tr("&Rename Model"),
        [this] {
            const QStringList selected = mScene->selectedModelNames();
            if (selected.size() == 1)
                mScene->beginRename(selected.first());
        },
        QKeySequence(Qt::Key_F2));
}

void MainWindow::createViewActions() {
    makeAction(
        u"actionZoomIn"_s, tr("Zoom &In"),
        [this] {
            mView->zoomIn();
            syncView();
        },
        QKeySequence::ZoomIn);
    makeAction(
        u"actionZoomOut"_s, tr("Zoom &Out"),
        [this] {
            mView->zoomOut();
            syncView();
        },
        QKeySequence::ZoomOut);
    makeAction(
        u"actionZoomReset"_s, tr("Zoom &100%"),
        [this] {
            mView->resetZoom();
            syncView();
        },
        QKeySequence(Qt::CTRL | Qt::Key_0));
    makeAction(
        u"actionFit"_s, tr("&Fit to Window"),
        [this] {
            mView->fitToContents(true);
            syncView();
        },
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    makeAction(
        u"actionAutoLayout"_s, tr("&Auto-Layout"),
        [this] {
            mScene->autoLayout();
            mView->fitToContents();
            syncView();
        },
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    // Crow's-foot ends instead of arrows and cardinalities, for the canvas and the images; remembered.
    QAction *crowsFoot = makeAction(u"actionCrowsFoot"_s, tr("&Crow's Foot Notation"), [] {});
    crowsFoot->setCheckable(true);
    crowsFoot->setChecked(QSettings().value(u"view/crowsFoot"_s, false).toBool());
    LinkItem::setNotation(crowsFoot->isChecked() ? LinkItem::Notation::CrowsFoot
                                                 : LinkItem::Notation::Arrows);
    connect(crowsFoot, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue(u"view/crowsFoot"_s, on);
        LinkItem::setNotation(on ? LinkItem::Notation::CrowsFoot : LinkItem::Notation::Arrows);
        mScene->update();
        mScene->invalidate(mScene->sceneRect(), QGraphicsScene::BackgroundLayer); // frozen links too
    });
}

void MainWindow::createModeAndToolActions() {
    auto *modes = new QActionGroup(this);
    QAction *designMode = makeAction(
        u"actionModeDesign"_s, tr("&Design"), [this] { setMode(Mode::Design); },
        QKeySequence(Qt::CTRL | Qt::Key_1));
    QAction *dataMode = makeAction(
        u"actionModeData"_s, tr("D&ata"), [this] { setMode(Mode::Data); },
        QKeySequence(Qt::CTRL | Qt::Key_2));
    for (QAction *a : {designMode, dataMode}) {
        a->setCheckable(true);
        modes->addAction(a);
    }
    designMode->setChecked(true);

    mToolGroup = new QActionGroup(this);
    auto tool = [this](const QString &name, const QString &text, DiagramTool::Kind kind, QKeySequence key) {
        QAction *a = makeAction(
            name, text, [this, kind] { mScene->setTool(kind); }, key);
        a->setCheckable(true);
        a->setData(int(kind));
        mToolGroup->addAction(a);
        return a;
    };
    tool(u"actionToolSelect"_s, tr("Select"), DiagramTool::Kind::Select, QKeySequence(Qt::Key_S))
        ->setChecked(true);
    tool(u"actionToolAddModel"_s, tr("Add Model"), DiagramTool::Kind::AddModel, QKeySequence(Qt::Key_M));
    tool(u"actionToolLink"_s, tr("Draw Link"), DiagramTool::Kind::DrawLink, QKeySequence(Qt::Key_L));
    connect(mScene, &DiagramScene::toolChanged, this, [this](DiagramTool::Kind kind) {
        for (QAction *a : mToolGroup->actions())
            if (a->data().toInt() == int(kind))
                a->setChecked(true);
    });
}

void MainWindow::createThemeActions() {
    mThemeGroup = new QActionGroup(this);
    for (const ThemeSetting::Theme theme :
         {ThemeSetting::Theme::System, ThemeSetting::Theme::Light, ThemeSetting::Theme::Dark}) {
        QAction *a = makeAction(u"actionTheme_"_s + ThemeSetting::key(theme), ThemeSetting::title(theme),
                                [this, theme] { setTheme(theme); });
        a->setCheckable(true);
        a->setData(int(theme));
        mThemeGroup->addAction(a);
    }
    action(u"actionTheme_system"_s)->setToolTip(tr("The look of the desktop"));
    setTheme(ThemeSetting::applied(), false);
}

void MainWindow::setTheme(ThemeSetting::Theme theme, bool save) {
    ThemeSetting::apply(theme);
    if (save)
        ThemeSetting::save(theme);
    for (QAction *a : mThemeGroup->actions())
        if (a->data().toInt() == int(theme))
            a->setChecked(true);
}

void MainWindow::setIcons() {
    static const std::pair<const char *, const char *> icons[] = {
        {"actionNew", "document-new"},
        {"actionOpen", "document-open"},
        {"actionImportSequelize", "document-import"},
        {"actionSave", "document-save"},
        {"actionSaveAs", "document-save-as"},
        {"actionQuit", "application-exit"},
        {"actionUndo", "edit-undo"},
        {"actionRedo", "edit-redo"},
        {"actionDelete", "edit-delete"},
        {"actionSelectAll", "edit-select-all"},
        {"actionRename", "edit-rename"},
        {"actionZoomIn", "zoom-in"},
        {"actionZoomOut", "zoom-out"},
        {"actionZoomReset", "zoom-original"},
        {"actionFit", "zoom-fit-best"},
        {"actionAutoLayout", "modeldesk-auto-layout"},
        {"actionModeDesign", "modeldesk-mode-design"},
        {"actionModeData", "modeldesk-mode-data"},
        {"actionToolSelect", "modeldesk-tool-select"},
        {"actionToolAddModel", "modeldesk-add-model"},
        {"actionToolLink", "modeldesk-draw-link"},
    };
    for (const auto &[name, icon] : icons)
        action(QString::fromLatin1(name))->setIcon(appearance::icon(QString::fromLatin1(icon)));
    // The toolbar says "Fit"; the menu entry keeps its whole name.
    action(u"actionFit"_s)->setIconText(tr("Fit"));
}

void MainWindow::createMenus() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(action(u"actionNew"_s));
    file->addAction(action(u"actionOpen"_s));
    QMenu *examples = file->addMenu(tr("Open &Example"));
    examples->addAction(tr("Seed: testUser hasOne test"), this, [this] {
        if (maybeSave())
            openExample(u"seed"_s);
    });
    examples->addAction(tr("Shop: customers, orders, products"), this, [this] {
        if (maybeSave())
            openExample(u"shop"_s);
    });
    examples->setIcon(appearance::icon(u"modeldesk-mode-design"_s));
    mRecentMenu = file->addMenu(tr("Open &Recent"));
    mRecentMenu->setIcon(appearance::icon(u"document-open-recent"_s));
    file->addAction(action(u"actionImportDatabase"_s));
    file->addAction(action(u"actionImportSequelize"_s));
    file->addSeparator();
    file->addAction(action(u"actionSave"_s));
    file->addAction(action(u"actionSaveAs"_s));
    auto *exportMenu = new ExportMenu(mDocument, this);
    connect(exportMenu, &ExportMenu::exported, this, [this](const QString &target) {
        statusBar()->showMessage(tr("Exported to %1").arg(target), 8000);
    });
    file->addMenu(exportMenu);
    file->addAction(action(u"actionMigrations"_s));
    exportMenu->setIcon(appearance::icon(u"document-export"_s));
    auto *images = new ImageExportActions(exportMenu, mScene, this);
    connect(images, &ImageExportActions::exported, this, [this](const QString &target) {
        statusBar()->showMessage(tr("Exported to %1").arg(target), 8000);
    });
    file->addSeparator();
    file->addAction(action(u"actionQuit"_s));

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(action(u"actionUndo"_s));
    edit->addAction(action(u"actionRedo"_s));
    edit->addSeparator();
    edit->addAction(action(u"actionDelete"_s));
    edit->addAction(action(u"actionRename"_s));
    edit->addAction(action(u"actionSelectAll"_s));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(action(u"actionModeDesign"_s));
    view->addAction(action(u"actionModeData"_s));
    view->addSeparator();
    view->addAction(action(u"actionZoomIn"_s));
    view->addAction(action(u"actionZoomOut"_s));
    view->addAction(action(u"actionZoomReset"_s));
    view->addAction(action(u"actionFit"_s));
    view->addSeparator();
    view->addAction(action(u"actionAutoLayout"_s));
    view->addAction(action(u"actionCrowsFoot"_s));
    view->addSeparator();
    QMenu *theme = view->addMenu(tr("&Theme"));
    theme->setObjectName(u"themeMenu"_s);
    theme->setIcon(appearance::icon(u"modeldesk-theme"_s));
    theme->addActions(mThemeGroup->actions());
    // Every panel and toolbar can be brought back from here (the design's only in Design mode).
    QMenu *panels = view->addMenu(tr("&Panels and Toolbars"));
    panels->setObjectName(u"panelsMenu"_s);
    for (QDockWidget *dock : std::as_const(mDesignDocks))
        panels->addAction(dock->toggleViewAction());
    panels->addSeparator();
    for (QToolBar *bar : findChildren<QToolBar *>())
        panels->addAction(bar->toggleViewAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(appearance::icon(u"help-about"_s), tr("&About ModelDesk"), this, [this] {
        QMessageBox::about(
            this, tr("About ModelDesk"),
            tr("<b>ModelDesk %1</b><p>Design Sequelize models and their links, export them, and "
               "enter linked records in one transaction.</p>")
                .arg(QCoreApplication::applicationVersion()));
    });
}

void MainWindow::createToolBars() {
    QToolBar *modeBar = addToolBar(tr("Mode"));
    modeBar->setObjectName(u"modeToolBar"_s);
    modeBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    modeBar->addAction(action(u"actionModeDesign"_s));
    modeBar->addAction(action(u"actionModeData"_s));

    QToolBar *bar = addToolBar(tr("Design"));
    mDesignBars = {bar};
    bar->setObjectName(u"designToolBar"_s);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    for (const char *name : {"actionNew", "actionOpen", "actionSave"})
        bar->addAction(action(QString::fromLatin1(name)));
    bar->addSeparator();
    // The toolbar's Undo and Redo keep a short label (the Edit menu's entries carry the command's text), so
    // that the tools beside them stay put after every edit; the tooltip says what they would undo.
    for (const bool undo : {true, false}) {
        QAction *menuAction = action(undo ? u"actionUndo"_s : u"actionRedo"_s);
        auto *button = new QAction(menuAction->icon(), undo ? tr("Undo") : tr("Redo"), bar);
        button->setObjectName(undo ? u"toolBarUndo"_s : u"toolBarRedo"_s);
        const auto follow = [menuAction, button] {
            button->setEnabled(menuAction->isEnabled());
            button->setToolTip(u"%1 (%2)"_s.arg(menuAction->text().remove(u'&'),
                                                menuAction->shortcut().toString(QKeySequence::NativeText)));
        };
        connect(menuAction, &QAction::changed, button, follow);
        follow();
        connect(button, &QAction::triggered, menuAction, &QAction::trigger);
        bar->addAction(button);
    }
    bar->addSeparator();
    for (QAction *a : mToolGroup->actions())
        bar->addAction(a);
    mLinkKind = new QComboBox(this);
    mLinkKind->setObjectName(u"linkKindCombo"_s);
    mLinkKind->setToolTip(tr("The kind of link the Draw Link tool creates"));
    for (Link::Kind kind :
         {Link::Kind::HasOne, Link::Kind::HasMany, Link::Kind::BelongsTo, Link::Kind::BelongsToMany})
        mLinkKind->addItem(Link::kindName(kind), int(kind));
    connect(mLinkKind, &QComboBox::currentIndexChanged, this,
            [this] { mScene->setLinkKind(Link::Kind(mLinkKind->currentData().toInt())); });
    bar->addWidget(mLinkKind);
    bar->addSeparator();
    bar->addAction(action(u"actionAutoLayout"_s));
    bar->addAction(action(u"actionFit"_s));
}

void MainWindow::newProject() {
    mDocument->reset(Project(), QString());
}

bool MainWindow::openProject(const QString &path) {
    QString error;
    const auto project = ProjectFile::load(path, &error);
    if (!project) {
        QMessageBox::warning(this, tr("Cannot Open Project"), error);
        return false;
    }
    mDocument->reset(*project, QFileInfo(path).absoluteFilePath());
    addRecentFile(QFileInfo(path).absoluteFilePath());
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

bool MainWindow::openExample(const QString &name) {
    QString error;
    const auto project = ProjectFile::load(u":/examples/%1.modeldesk"_s.arg(name), &error);
    if (!project) {
        QMessageBox::warning(this, tr("Cannot Open Example"),
                             tr("There is no bundled example called \"%1\" (try seed or shop).").arg(name));
        return false;
    }
    // An example has no file of its own: Save asks where to put it.
    mDocument->reset(*project, QString(), tr("%1 example").arg(name));
    return true;
}

void MainWindow::importFromDatabase() {
    if (!maybeSave())
        return;
    // Opened, not exec()'d: the window stays responsive while the catalog is read, and tests drive it.
    // A server the Data mode uses is the likely one to import; a project's own records file is not.
    const std::optional<ConnectionUrl> connected = mDataPage->connectedUrl();
    auto *dialog =
        new ImportDialog(connected && !connected->isFile() ? *connected : ConnectionUrl::file({}), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { openImported(dialog->result(), dialog->url(), dialog->databaseName()); });
    dialog->open();
}

void MainWindow::openImported(const ImportResult &result, const ConnectionUrl &url, const QString &name) {
    // A new document with no file: Save asks where to put it, and closing asks first.
    mDocument->reset(result.project, QString(), tr("%1 (imported)").arg(name));
    mDocument->markModified();
    QString error;
    const bool connected = mDataPage->connectTo(url, &error);
    if (connected)
        mDataPage->keepConnection();
    const QString done = tr("Imported %1 models and %2 links from %3")
                             .arg(result.project.schema.models.size())
                             .arg(result.project.schema.links.size())
                             .arg(url.displayString());
    statusBar()->showMessage(connected ? done : done + u" — "_s + error, connected ? 8000 : 15000);
}

void MainWindow::openImportedDesign(const Project &project, const QString &source) {
    // Like an example it has no file yet (Save asks where), but it is new work: closing asks to save it.
    mDocument->reset(project, QString(), tr("%1 (imported)").arg(QFileInfo(source).fileName()));
    mDocument->markModified();
    statusBar()->showMessage(tr("Imported %1 models from %2")
                                 .arg(project.schema.models.size())
                                 .arg(QDir::toNativeSeparators(source)),
                             8000);
}

bool MainWindow::save() {
    if (mDocument->filePath().isEmpty())
        return saveAs();
    QString error;
    if (!mDocument->save({}, &error)) {
        QMessageBox::warning(this, tr("Cannot Save"), error);
        return false;
    }
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(mDocument->filePath())), 5000);
    return true;
}

bool MainWindow::saveAs(const QString &chosen) {
    QString path = chosen;
    if (path.isEmpty())
        path = QFileDialog::getSaveFileName(this, tr("Save Project"),
                                            mDocument->fileBaseName() + u".modeldesk"_s,
                                            tr("ModelDesk projects (*.modeldesk)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += u".modeldesk"_s;
    const ConnectionUrl records = mDataPage->defaultUrl(); // where this project's records have been
    QString error;
    if (!mDocument->save(path, &error)) {
        QMessageBox::warning(this, tr("Cannot Save"), error);
        return false;
    }
    addRecentFile(mDocument->filePath());
    const QString along = mDataPage->takeRecordsAlong(records);
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)) +
                                 (along.isEmpty() ? QString() : u" — "_s + along),
                             along.isEmpty() ? 5000 : 15000);
    return true;
}

bool MainWindow::maybeSave() {
    // Typed records first: they would be lost with the project they belong to.
    if (!mDataPage->maybeKeepInput())
        return false;
    if (!mDocument->isModified())
        return true;
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved Changes"), tr("%1 has unsaved changes. Save them?").arg(mDocument->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent *event) {
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    // The state saved is Design mode's (the mode the window opens in), also when quitting in Data mode.
    settings.setValue(u"window/state"_s, mMode == Mode::Design ? saveState() : mDesignState);
    settings.setValue(u"window/dataState"_s, mMode == Mode::Data ? saveState() : mDataState);
    event->accept();
    // Saved, or discarded on purpose: nothing to recover next time.
    mAutoSaver->discard();
}

bool MainWindow::offerRecovery() {
    for (const RecoveryFile &file : RecoveryFile::orphans()) {
        RecoveryDialog dialog(file, this);
        dialog.exec();
        switch (dialog.choice()) {
        case RecoveryDialog::Choice::Restore: {
            QString error;
            if (restoreRecovery(file, &error))
                return true;
            QMessageBox::warning(this, tr("Cannot Restore"), error);
            break;
        }
        case RecoveryDialog::Choice::Discard:
            file.remove();
            break;
        case RecoveryDialog::Choice::Later:
            break;
        }
    }
    return false;
}

bool MainWindow::restoreRecovery(const RecoveryFile &file, QString *error) {
    const auto project = file.load(error);
    if (!project)
        return false;
    QString path = file.originalPath.isEmpty() ? QString() : QFileInfo(file.originalPath).absoluteFilePath();
    QString shownAs;
    if (!path.isEmpty() && QFileInfo::exists(path) && !ProjectFile::load(path, nullptr)) {
        shownAs = tr("%1 (recovered)").arg(QFileInfo(path).fileName());
        path.clear();
    } else if (path.isEmpty()) {
        shownAs = tr("%1 (recovered)").arg(file.displayName.isEmpty() ? tr("Untitled") : file.displayName);
    }
    mDocument->reset(*project, path, shownAs);
    mDocument->markModified();
    // The recovered work is written under this process's name before the old file goes, so that a crash
    // right now still leaves one copy.
    QString autosaveError;
    if (mAutoSaver->saveNow(&autosaveError)) {
        file.remove();
        statusBar()->showMessage(
            tr("Restored unsaved work from %1")
                .arg(QLocale().toString(file.savedAt.toLocalTime(), QLocale::ShortFormat)),
            8000);
    } else {
        statusBar()->showMessage(autosaveError, 10000); // the old recovery file stays as the safety copy
    }
    return true;
}

void MainWindow::updateTitle() {
    setWindowTitle(tr("%1[*] — ModelDesk").arg(mDocument->displayName()));
    setWindowModified(mDocument->isModified());
}

void MainWindow::addRecentFile(const QString &path) {
    QSettings settings;
    QStringList files = settings.value(kRecentKey).toStringList();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecent)
        files.removeLast();
    settings.setValue(kRecentKey, files);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu() {
    if (!mRecentMenu)
        return;
    mRecentMenu->clear();
    const QStringList files = QSettings().value(kRecentKey).toStringList();
    for (const QString &path : files) {
        mRecentMenu->addAction(QDir::toNativeSeparators(path), this, [this, path] {
            if (maybeSave())
                openProject(path);
        });
    }
    mRecentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::showProblem(const Problem &problem) {
    if (problem.link >= 0)
        mScene->selectLink(problem.link);
    else if (!problem.model.isEmpty())
        mScene->selectModel(problem.model);
    const QList<QGraphicsItem *> selected = mScene->selectedItems();
    if (!selected.isEmpty()) {
        mView->centerOn(selected.first());
        syncView();
    }
}

void MainWindow::restoreView() {
    updateTitle();
    const Layout &layout = mDocument->project().layout;
    if (mDocument->schema().models.isEmpty())
        return;
    // Files written before a view was saved (or by hand) have no zoom/center: fit instead.
    if (layout.center.isNull() && qFuzzyCompare(layout.zoom, 1.0))
        // After the window is laid out: fitting into a not yet sized viewport zooms to almost nothing.
        QTimer::singleShot(0, mView, [this] { mView->fitToContents(); });
    else {
        mView->setZoom(layout.zoom);
        mView->centerOn(layout.center);
    }
}

void MainWindow::syncView() {
    mDocument->setView(mView->zoom(), mView->center());
}

} // namespace modeldesk
