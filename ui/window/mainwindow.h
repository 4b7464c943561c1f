#pragma once

#include "project/project.h"
#include "window/themesetting.h"

#include <QKeySequence>
#include <QMainWindow>

#include <functional>

class QAction;
class QActionGroup;
class QComboBox;
class QDockWidget;
class QStackedWidget;
class QToolBar;
class QLabel;
class QMenu;

namespace modeldesk {

class AutoSaver;
class DataPage;
class DiagramScene;
class DiagramView;
class Document;
class ProblemsPanel;
class PropertiesPanel;
struct RecoveryFile;
struct Problem;
struct ImportResult;
struct ConnectionUrl;

// The application window: the designer canvas in the middle, properties on the right, problems below, and
// the File/Edit/View/Help menus. It wires widgets to the Document; the editing itself lives in the scene,
// the panels and the undo commands.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    enum class Mode { Design, Data };
    void setMode(Mode mode);
    Mode mode() const { return mMode; }

    // View > Theme: applies `theme` to the application and ticks its entry; `save` keeps it for the next
    // start (a --theme of the command line does not).
    void setTheme(ThemeSetting::Theme theme, bool save = true);

    bool openProject(const QString &path);
    bool openExample(const QString &name);
    // File > Import Sequelize Models…, once the dialog has read them: a new unsaved document, laid out.
    void openImportedDesign(const Project &project, const QString &source);
    void newProject();
    // File > Import from Database…: the dialog, then openImported() with what it made.
    void importFromDatabase();
    // Opens an imported design as a new, unsaved document, with the Data mode connected to its database.
    void openImported(const ImportResult &result, const ConnectionUrl &url, const QString &name);
    bool save();
    bool saveAs(const QString &path = {});

    Document *document() const { return mDocument; }
    DiagramScene *scene() const { return mScene; }
    DiagramView *view() const { return mView; }
    ProblemsPanel *problemsPanel() const { return mProblems; }
    PropertiesPanel *propertiesPanel() const { return mProperties; }
    DataPage *dataPage() const { return mDataPage; }
    QAction *action(const QString &objectName) const;
    AutoSaver *autoSaver() const { return mAutoSaver; }

    // At start: offers each piece of work a crashed ModelDesk left (restore, discard, compare). Returns true
    // when one was restored into this window.
    bool offerRecovery();
    // Loads recovered work as an unsaved document. It keeps its original path unless the file there no
    // longer parses: a file that fails to parse is never overwritten, so Save then asks where to write.
    bool restoreRecovery(const RecoveryFile &file, QString *error);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createFileActions();
    void createEditActions();
    void createViewActions();
    void createModeAndToolActions();
    void createThemeActions();
    // Every action of a menu or toolbar gets its icon of the bundled set (or the platform theme's).
    void setIcons();
    QAction *makeAction(const QString &name, const QString &text, const std::function<void()> &slot,
                        const QKeySequence &shortcut = {});
    void createMenus();
    void createToolBars();
    void createDocks();
    void updateTitle();
    void updateRecentMenu();
    void addRecentFile(const QString &path);
    bool maybeSave();
    void showProblem(const Problem &problem);
    void restoreView();
    // Hands the view's zoom and centre to the document, which saves them with the project.
    void syncView();

    Document *mDocument;
    DiagramScene *mScene;
    DiagramView *mView;
    DataPage *mDataPage;
    QStackedWidget *mModes;
    Mode mMode = Mode::Design;
    QByteArray mDesignState; // saveState() of the mode not shown, to restore when it is shown again
    QByteArray mDataState;
    QList<QDockWidget *> mDesignDocks;
    QList<QToolBar *> mDesignBars;
    ProblemsPanel *mProblems = nullptr;
    PropertiesPanel *mProperties = nullptr;
    AutoSaver *mAutoSaver = nullptr;
    QMenu *mRecentMenu = nullptr;
    QActionGroup *mToolGroup = nullptr;
    QActionGroup *mThemeGroup = nullptr;
    QComboBox *mLinkKind = nullptr;
    QLabel *mZoomLabel = nullptr;
};

} // namespace modeldesk
