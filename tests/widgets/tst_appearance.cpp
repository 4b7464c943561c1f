// How the window looks: every toolbar tool and the main menu entries carry an icon that reads in the light
// and the dark palette, View ▸ Theme survives a restart and turns the canvas dark (but not the exported
// images), and the data form captions its fields from their names and sizes each editor to its data.
#include "data/caption.h"
#include "data/datapage.h"
#include "data/recordsection.h"
#include "data/valueeditor.h"
#include "designer/diagramimage.h"
#include "designer/diagramscene.h"
#include "designer/diagramtheme.h"
#include "designer/diagramview.h"
#include "document/appearance.h"
#include "document/document.h"
#include "window/mainwindow.h"
#include "window/themesetting.h"

#include <QApplication>
#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSplitter>
#include <QStyle>
#include <QStyleOptionButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QUndoStack>
#include <QWidgetAction>
#include <memory>

using namespace modeldesk;
using namespace Qt::StringLiterals;

class TstAppearance : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        // Settings of this test's own: the theme is saved there.
        QVERIFY(mHome.isValid());
        qputenv("XDG_CONFIG_HOME", mHome.filePath(u"config"_s).toLocal8Bit());
        qputenv("XDG_DATA_HOME", mHome.filePath(u"data"_s).toLocal8Bit());
        QCoreApplication::setOrganizationName(u"ModelDeskAppearanceTest"_s);
    }
    void init() { mWindow = openWindow(); }
    void cleanup() {
        if (mWindow) {
            mWindow->setTheme(ThemeSetting::Theme::System);
            mWindow->document()->undoStack()->setClean();
        }
        mWindow.reset();
    }

    void everyToolHasAnIcon();
    void iconsReadInBothPalettes();
    void themeSurvivesARestart();
    void captions_data();
    void captions();
    void formCaptionsAndEditorWidths();
    void systemThemeFollowsTheDesktop();
    void uncheckedBoxReadsInTheDarkTheme();
    void dataPageReadsAtItsDefaultSize();

private:
    static std::unique_ptr<MainWindow> openWindow() {
        auto window = std::make_unique<MainWindow>();
        window->resize(1280, 820);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            qFatal("window not exposed");
        return window;
    }
    // The darkest and the lightest pixel an icon draws (by lightness), on transparency.
    static std::pair<int, int> inkRange(const QIcon &icon) {
        const QImage image = icon.pixmap(QSize(24, 24)).toImage().convertToFormat(QImage::Format_ARGB32);
        int darkest = 255, lightest = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                if (c.alpha() < 200)
                    continue;
                darkest = std::min(darkest, c.lightness());
                lightest = std::max(lightest, c.lightness());
            }
        return {darkest, lightest};
    }
    static QLabel *captionOf(RecordSection *section, const QString &field) {
        auto *form = static_cast<QFormLayout *>(section->layout()->itemAt(0)->layout());
        return qobject_cast<QLabel *>(form->labelForField(section->editor(field)));
    }

    QTemporaryDir mHome;
    std::unique_ptr<MainWindow> mWindow;
};

void TstAppearance::everyToolHasAnIcon() {
    const QList<QToolBar *> bars = mWindow->findChildren<QToolBar *>();
    QVERIFY(bars.size() >= 2);
    for (QToolBar *bar : bars) {
        QCOMPARE(bar->toolButtonStyle(), Qt::ToolButtonTextBesideIcon);
        for (QAction *action : bar->actions())
            if (!action->isSeparator() && !qobject_cast<QWidgetAction *>(action)) // the link kind's combo
                QVERIFY2(!action->icon().isNull(), qPrintable(action->text()));
    }
    // The menus' commands, and the data page's buttons.
    for (const char *name :
         {"actionNew", "actionOpen", "actionSave", "actionSaveAs", "actionQuit", "actionUndo", "actionRedo",
          "actionDelete", "actionRename", "actionSelectAll", "actionZoomIn", "actionZoomOut",
          "actionZoomReset", "actionFit", "actionAutoLayout", "actionModeDesign", "actionModeData",
          "actionExport_sql_sqlite", "actionExportImage_png"})
        QVERIFY2(mWindow->action(QString::fromLatin1(name)) &&
                     !mWindow->action(QString::fromLatin1(name))->icon().isNull(),
                 name);
    for (QMenu *menu : mWindow->menuBar()->findChildren<QMenu *>())
        if (menu->objectName() == u"exportMenu"_s || menu->objectName() == u"themeMenu"_s)
            QVERIFY2(!menu->icon().isNull(), qPrintable(menu->title()));
    for (const char *name :
         {"newRecordButton", "revertButton", "saveButton", "deleteButton", "restoreButton"}) {
        auto *button = mWindow->dataPage()->findChild<QPushButton *>(QString::fromLatin1(name));
        QVERIFY2(button && !button->icon().isNull(), name);
    }
    // Fits at 1280 pixels: no tool falls into the toolbar's overflow menu.
    for (QToolBar *bar : bars)
        for (QAction *action : bar->actions())
            if (!action->isSeparator())
                QVERIFY2(bar->widgetForAction(action) && bar->widgetForAction(action)->isVisible(),
                         qPrintable(action->text()));
}

void TstAppearance::iconsReadInBothPalettes() {
    const QIcon save = appearance::icon(u"document-save"_s);
    const QIcon link = appearance::icon(u"modeldesk-draw-link"_s);
    mWindow->setTheme(ThemeSetting::Theme::Light);
    for (const QIcon &icon : {save, link})
        QVERIFY2(inkRange(icon).second < 110, "dark lines on a light window");
    mWindow->setTheme(ThemeSetting::Theme::Dark);
    for (const QIcon &icon : {save, link})
        QVERIFY2(inkRange(icon).first > 150, "light lines on a dark window");
}

void TstAppearance::themeSurvivesARestart() {
    QCOMPARE(ThemeSetting::applied(), ThemeSetting::Theme::System);
    QAction *dark = mWindow->action(u"actionTheme_dark"_s);
    QVERIFY(dark && dark->isCheckable());
    dark->trigger();
    QVERIFY(appearance::isDark());
    QCOMPARE(DiagramTheme::current().canvas, DiagramTheme::dark().canvas);
    // The canvas is painted dark, an exported image is still white paper.
    QVERIFY(mWindow->openExample(u"seed"_s));
    // The widgets take the new palette as their events arrive.
    QTRY_VERIFY(appearance::isDark(mWindow->view()->palette()));
    const QImage canvas = mWindow->view()->viewport()->grab().toImage();
    QVERIFY(QColor(canvas.pixel(2, 2)).lightness() < 80);
    QString error;
    const auto png = DiagramImage::render(mWindow->scene(), DiagramImage::Format::Png,
                                          DiagramImage::Scope::Everything, &error);
    QVERIFY2(png, qPrintable(error));
    QCOMPARE(QImage::fromData(*png).pixelColor(1, 1), QColor(Qt::white));
    QCOMPARE(DiagramTheme::current().canvas, DiagramTheme::dark().canvas); // after the image, dark again

    mWindow->document()->undoStack()->setClean();
    QVERIFY(mWindow->close());
    mWindow.reset();
    // What the next start applies, before it builds any widget.
    ThemeSetting::apply(ThemeSetting::Theme::System);
    QVERIFY(!appearance::isDark());
    mWindow = openWindow();
    QVERIFY(appearance::isDark());
    QVERIFY(mWindow->action(u"actionTheme_dark"_s)->isChecked());
    QVERIFY(!mWindow->action(u"actionTheme_system"_s)->isChecked());

    mWindow->action(u"actionTheme_light"_s)->trigger();
    QVERIFY(!appearance::isDark());
    QCOMPARE(DiagramTheme::current().canvas, DiagramTheme::light().canvas);
    QCOMPARE(ThemeSetting::saved(), ThemeSetting::Theme::Light);
    // A theme given for one run (the command line's --theme) is not saved.
    mWindow->setTheme(ThemeSetting::Theme::Dark, false);
    QCOMPARE(ThemeSetting::saved(), ThemeSetting::Theme::Light);
}

void TstAppearance::captions_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("caption");
    QTest::newRow("camel") << "firstName"
                           << "First name";
    QTest::newRow("underscore") << "user_test"
                                << "User test";
    QTest::newRow("one word") << "email"
                              << "Email";
    QTest::newRow("id") << "customerId"
                        << "Customer ID";
    QTest::newRow("key alone") << "id"
                               << "ID";
    QTest::newRow("abbreviation") << "htmlURL"
                                  << "Html URL";
    QTest::newRow("abbreviation first") << "HTMLParser"
                                        << "HTML parser";
    QTest::newRow("digits") << "address2Line"
                            << "Address2 line";
    QTest::newRow("dashes and underscores") << "created__at-time"
                                            << "Created at time";
}

void TstAppearance::captions() {
    QFETCH(QString, name);
    QFETCH(QString, caption);
    QCOMPARE(modeldesk::caption(name), caption);
}

// A form of every kind of field: captions from the names (the name in the tooltip), object names unchanged,
// and editors as wide as their data.
void TstAppearance::formCaptionsAndEditorWidths() {
    Project project;
    Model person{u"person"_s};
    Field code{u"code"_s, *DataType::parse(u"CHAR(4)"_s)};
    Field firstName{u"firstName"_s, DataType::string(32)};
    firstName.allowNull = false;
    person.fields << firstName << Field{u"user_test"_s, DataType::string()}
                  << Field{u"bio"_s, DataType::ofKind(DataType::Kind::Text)}
                  << Field{u"age"_s, DataType::integer()}
                  << Field{u"balance"_s, *DataType::parse(u"DECIMAL(10,2)"_s)}
                  << Field{u"active"_s, DataType::ofKind(DataType::Kind::Boolean)}
                  << Field{u"born"_s, DataType::ofKind(DataType::Kind::DateOnly)} << code;
    project.schema.models = {person};
    mWindow->document()->reset(project, QString());
    mWindow->setMode(MainWindow::Mode::Data);
    ConnectionUrl url;
    url.path = mHome.filePath(u"people.db"_s);
    QString error;
    QVERIFY2(mWindow->dataPage()->connectTo(url, &error), qPrintable(error));
    RecordSection *form = mWindow->dataPage()->form();
    QVERIFY(form);

    QLabel *first = captionOf(form, u"firstName"_s);
    QVERIFY(first);
    QCOMPARE(first->text(), u"First name *"_s);
    QVERIFY2(first->toolTip().startsWith(u"firstName · STRING(32)"_s), qPrintable(first->toolTip()));
    QCOMPARE(captionOf(form, u"user_test"_s)->text(), u"User test"_s);
    QCOMPARE(form->editor(u"user_test"_s)->objectName(), u"editor_user_test"_s); // what tests find

    const auto width = [form](const QString &field) {
        QWidget *input = form->editor(field)->focusTarget();
        return input->width();
    };
    const int digit = form->fontMetrics().horizontalAdvance(u'0');
    // STRING(32) takes about 32 characters; STRING(255) and TEXT are wider, but capped; numbers narrow.
    QVERIFY2(std::abs(width(u"firstName"_s) - 32 * form->fontMetrics().averageCharWidth()) < 40,
             qPrintable(QString::number(width(u"firstName"_s))));
    QVERIFY(width(u"user_test"_s) > width(u"firstName"_s));
    QVERIFY(width(u"user_test"_s) <= ValueEditor::kMaxChars * form->fontMetrics().averageCharWidth() + 20);
    QCOMPARE(width(u"bio"_s), width(u"user_test"_s));
    QVERIFY(qobject_cast<QPlainTextEdit *>(form->editor(u"bio"_s)->focusTarget()));
    QVERIFY(width(u"age"_s) < width(u"firstName"_s));
    QVERIFY(width(u"age"_s) <= 12 * digit + 20);
    QVERIFY(width(u"balance"_s) <= 14 * digit + 20);
    QVERIFY(width(u"code"_s) < width(u"firstName"_s)); // CHAR(4): as narrow as a short field gets
    QVERIFY(qobject_cast<QCheckBox *>(form->editor(u"active"_s)->focusTarget()));
    QVERIFY(width(u"born"_s) < width(u"firstName"_s)); // the date's own editor, beside its tick
    // All of them well inside a wide window: no editor is a bar across it (the list beside the form takes
    // what its columns need, so the form's own width varies).
    for (const QString &field : {u"firstName"_s, u"user_test"_s, u"age"_s, u"balance"_s, u"code"_s})
        QVERIFY2(width(field) < mWindow->width() / 3,
                 qPrintable(u"%1: %2 of %3"_s.arg(field).arg(width(field)).arg(mWindow->width())));
}

void TstAppearance::systemThemeFollowsTheDesktop() {
    mWindow->setTheme(ThemeSetting::Theme::Dark, false);
    QVERIFY(appearance::isDark());
    QVERIFY(QApplication::palette().resolveMask() != 0);
    mWindow->setTheme(ThemeSetting::Theme::System, false);
    QVERIFY(!appearance::isDark());
    // System pins no colour of its own: the platform's palette is resolved anew whenever the desktop
    // changes its theme, instead of the palette ModelDesk saw at its start.
    QCOMPARE(QApplication::palette().resolveMask(), QPalette::ResolveMask(0));
}

// An unticked check box (a hasOne card's, a BOOLEAN's) keeps a visible frame on the dark palette: its
// lightest pixel stands well clear of the box's fill.
void TstAppearance::uncheckedBoxReadsInTheDarkTheme() {
    mWindow->setTheme(ThemeSetting::Theme::Dark, false);
    QCheckBox box(u"Saved"_s);
    box.setPalette(QApplication::palette());
    box.resize(box.sizeHint());
    const QImage image = box.grab().toImage();
    QStyleOptionButton option;
    option.initFrom(&box);
    const QRect indicator = box.style()->subElementRect(QStyle::SE_CheckBoxIndicator, &option, &box);
    int lightest = 0;
    for (int y = indicator.top(); y <= indicator.bottom(); ++y)
        for (int x = indicator.left(); x <= indicator.right(); ++x)
            lightest = std::max(lightest, image.pixelColor(x, y).lightness());
    const int fill = QApplication::palette().color(QPalette::Base).lightness();
    QVERIFY2(lightest - fill >= 40, qPrintable(u"frame %1, fill %2"_s.arg(lightest).arg(fill)));
}

// The shop's customers at the window's default size: the list shows every column without scrolling
// sideways, the form is titled like its fields ("Customer", the model and table named under it), and the
// records' file in the home folder is shown as ~/….
void TstAppearance::dataPageReadsAtItsDefaultSize() {
    const QByteArray oldHome = qgetenv("HOME");
    qputenv("HOME", mHome.path().toLocal8Bit());
    const auto restoreHome = qScopeGuard([&] { qputenv("HOME", oldHome); });
    QVERIFY(mWindow->openExample(u"shop"_s));
    mWindow->setMode(MainWindow::Mode::Data);
    ConnectionUrl url;
    url.path = mHome.filePath(u"shop.db"_s);
    QString error;
    DataPage *page = mWindow->dataPage();
    QVERIFY2(page->connectTo(url, &error), qPrintable(error));
    QCOMPARE(page->where(), u"sqlite:~/shop.db"_s);
    page->setModel(u"customer"_s);
    RecordSection *form = page->form();
    QVERIFY(form);
    QCOMPARE(form->title(), u"Customer"_s);
    QCOMPARE(form->subtitle(), u"model customer · table customers"_s);

    QTableView *list = page->recordList();
    QTRY_VERIFY(list->isVisible());
    QVERIFY(list->model()->columnCount() >= 5); // id, name, email and the timestamps
    QTRY_VERIFY2(!list->horizontalScrollBar()->isVisible(),
                 qPrintable(u"list %1 px wide"_s.arg(list->width())));
    auto *splitter = page->findChild<QSplitter *>(u"dataSplitter"_s);
    QVERIFY(splitter);
    QVERIFY(splitter->sizes().value(0) <= splitter->sizes().value(1)); // the form keeps the larger part
}

QTEST_MAIN(TstAppearance)
#include "tst_appearance.moc"
