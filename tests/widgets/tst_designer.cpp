// The designer driven like a user would: real widgets, offscreen. Models are added and linked with the mouse,
// every gesture is one undo step that undoes exactly, and what was drawn saves, reopens and exports as the
// seed.
#include "designer/diagramscene.h"
#include "designer/diagramview.h"
#include "designer/linkitem.h"
#include "designer/modelitem.h"
#include "document/document.h"
#include "document/linkcommands.h"
#include "document/modelcommands.h"
#include "editing/edgerouter.h"
#include "export/exporterregistry.h"
#include "project/projectfile.h"
#include "schema/resolvedschema.h"
#include "sql/ddlgenerator.h"
#include "support/testsupport.h"
#include "window/exportmenu.h"
#include "window/mainwindow.h"
#include "window/problemspanel.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QGraphicsTextItem>
#include <QLineEdit>
#include <QListWidget>
#include <QMouseEvent>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace modeldesk;
using namespace Qt::StringLiterals;

namespace {

QPoint viewPoint(DiagramView *view, const QPointF &scenePos) {
    return view->mapFromScene(scenePos);
}

void sendMouse(QWidget *target, QEvent::Type type, const QPoint &pos, Qt::MouseButton button,
               Qt::MouseButtons buttons) {
    QMouseEvent event(type, pos, target->mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(target, &event);
}

// A press-move-release drag in view coordinates, with the button held during the moves.
void drag(DiagramView *view, const QPointF &fromScene, const QPointF &toScene) {
    QWidget *vp = view->viewport();
    const QPoint from = viewPoint(view, fromScene);
    const QPoint to = viewPoint(view, toScene);
    sendMouse(vp, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
    for (int i = 1; i <= 5; ++i)
        sendMouse(vp, QEvent::MouseMove, from + (to - from) * i / 5, Qt::NoButton, Qt::LeftButton);
    sendMouse(vp, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);
}

void doubleClick(DiagramView *view, const QPointF &scenePos) {
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, viewPoint(view, scenePos));
}

// Moves a model as the designer's drag would (one undo step).
void stackMove(Document *doc, const QString &model, const QPointF &to) {
    doc->undoStack()->push(new MoveModelsCommand(doc, QMap<QString, QPointF>{{model, doc->position(model)}},
                                                 QMap<QString, QPointF>{{model, to}}));
}

QPointF headerPoint(ModelItem *item) {
    return item->scenePos() + QPointF(40, 12);
}

} // namespace

class TstDesigner : public QObject {
    Q_OBJECT

private slots:
    void init() {
        mWindow = std::make_unique<MainWindow>();
        mWindow->resize(1200, 800);
        mWindow->show();
        QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
        mWindow->view()->resetZoom();
        mWindow->view()->centerOn(400, 300);
    }
    void cleanup() {
        mWindow->document()->undoStack()->setClean(); // no "save changes?" prompt
        mWindow.reset();
    }

    void seedDrawnWithTheMouse() {
        Document *doc = mWindow->document();
        DiagramScene *scene = mWindow->scene();
        DiagramView *view = mWindow->view();
        QUndoStack *stack = doc->undoStack();

        // Two models by double-clicking empty canvas.
        doubleClick(view, QPointF(200, 100));
        doubleClick(view, QPointF(200, 400));
        QCOMPARE(doc->schema().models.size(), 2);
        QCOMPARE(stack->count(), 2);
        const QString first = doc->schema().models.at(0).name;
        const QString second = doc->schema().models.at(1).name;
        QCOMPARE(first, u"model"_s);
        QCOMPARE(second, u"model2"_s);

        // Rename both in place: double-click the header, type, Enter.
        auto rename = [&](const QString &from, const QString &to) {
            doubleClick(view, headerPoint(scene->modelItem(from)));
            QGraphicsItem *focus = scene->focusItem();
            QVERIFY(focus && dynamic_cast<QGraphicsTextItem *>(focus));
            QTest::keyClick(view->viewport(), Qt::Key_A, Qt::ControlModifier);
            QTest::keyClicks(view->viewport(), to);
            QTest::keyClick(view->viewport(), Qt::Key_Return);
            QTRY_VERIFY(scene->modelItem(to));
        };
        rename(first, u"testUser"_s);
        rename(second, u"test"_s);
        QCOMPARE(doc->schema().models.at(0).name, u"testUser"_s);
        QCOMPARE(stack->count(), 4);

        // Fields (the properties panel is tested on its own in tst_properties).
        Model user = *doc->schema().model(u"testUser"_s);
        Model userAfter = user;
        userAfter.fields = {Field{u"name"_s, DataType::string()}, Field{u"email"_s, DataType::string()}};
        stack->push(new ChangeModelCommand(doc, user, userAfter, u"fields"_s));
        Model test = *doc->schema().model(u"test"_s);
        Model testAfter = test;
        testAfter.fields = {Field{u"code"_s, DataType::string()}};
        stack->push(new ChangeModelCommand(doc, test, testAfter, u"fields"_s));

        // Draw the hasOne with the link tool: from testUser's box to test's box.
        mWindow->action(u"actionToolLink"_s)->trigger();
        QCOMPARE(scene->tool(), DiagramTool::Kind::DrawLink);
        const int before = stack->count();
        drag(view, scene->modelItem(u"testUser"_s)->sceneBoundingRect().center(),
             scene->modelItem(u"test"_s)->sceneBoundingRect().center());
        QCOMPARE(stack->count(), before + 1); // one macro: FK field + hasOne + inverse belongsTo
        const Schema &schema = doc->schema();
        QCOMPARE(schema.links.size(), 2);
        QCOMPARE(schema.links.at(0).kind, Link::Kind::HasOne);
        QCOMPARE(schema.links.at(0).as, u"test"_s);               // Sequelize's default alias
        QCOMPARE(schema.links.at(0).foreignKey, u"testUserId"_s); // and default key
        QCOMPARE(schema.links.at(1).kind, Link::Kind::BelongsTo);
        QVERIFY(schema.model(u"test"_s)->field(u"testUserId"_s));
        QCOMPARE(scene->linkItems().size(), 1); // the pair shares one edge
        QVERIFY(scene->linkItems().first()->label().startsWith(u"hasOne · as test · testUserId"_s));

        // Undo the whole link gesture in one step, then redo it.
        const Schema withLink = doc->schema();
        stack->undo();
        QCOMPARE(doc->schema().links.size(), 0);
        QVERIFY(!doc->schema().model(u"test"_s)->field(u"testUserId"_s));
        stack->redo();
        QCOMPARE(doc->schema(), withLink);

        // Alias and key as the seed has them, typed into the properties panel: the mirrored belongsTo and the
        // foreign key field the link added follow the key.
        scene->selectLink(0);
        auto *alias = mWindow->findChild<QLineEdit *>(u"linkAliasEdit"_s);
        auto *key = mWindow->findChild<QLineEdit *>(u"linkForeignKeyEdit"_s);
        QTRY_VERIFY(alias && alias->isVisible() && key && key->isVisible());
        const int beforePanel = stack->count();
        alias->setFocus();
        alias->selectAll();
        QTest::keyClicks(alias, u"user_test"_s);
        QTest::keyClick(alias, Qt::Key_Return);
        key->setFocus();
        key->selectAll();
        QTest::keyClicks(key, u"userId"_s);
        QTest::keyClick(key, Qt::Key_Return);
        QCOMPARE(stack->count(), beforePanel + 2); // one step per edit
        QCOMPARE(doc->schema().links.at(0).as, u"user_test"_s);
        QCOMPARE(doc->schema().links.at(0).foreignKey, u"userId"_s);
        QCOMPARE(doc->schema().links.at(1).foreignKey, u"userId"_s);
        QVERIFY(doc->schema().model(u"test"_s)->field(u"userId"_s));

        // Save, reopen: the same schema; and its SQL is the seed's.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"drawn.modeldesk"_s);
        QVERIFY(mWindow->saveAs(path));
        QVERIFY(!doc->isModified());
        QVERIFY(mWindow->windowTitle().startsWith(u"drawn.modeldesk"_s));
        const Schema drawn = doc->schema();
        QVERIFY(mWindow->openProject(path));
        QCOMPARE(doc->schema(), drawn);
        const Schema seed = test::loadExample(u"seed"_s).schema;
        for (auto kind : {SqlDialect::Kind::Sqlite, SqlDialect::Kind::Postgres, SqlDialect::Kind::MySql}) {
            const DdlGenerator ddl{SqlDialect(kind)};
            QCOMPARE(ddl.createStatements(SchemaResolver::resolve(drawn)),
                     ddl.createStatements(SchemaResolver::resolve(seed)));
        }
    }

    void dragIsOneUndoStep() {
        QVERIFY(mWindow->openExample(u"seed"_s));
        DiagramView *view = mWindow->view();
        view->resetZoom();
        view->centerOn(300, 300);
        Document *doc = mWindow->document();
        ModelItem *item = mWindow->scene()->modelItem(u"test"_s);
        const QPointF start = doc->position(u"test"_s);
        drag(view, headerPoint(item), headerPoint(item) + QPointF(150, 60));
        QCOMPARE(doc->undoStack()->count(), 1);
        QCOMPARE(doc->position(u"test"_s), start + QPointF(150, 60));
        QVERIFY(doc->isModified());
        QVERIFY(mWindow->isWindowModified());
        doc->undoStack()->undo();
        QCOMPARE(doc->position(u"test"_s), start);
        QCOMPARE(item->pos(), start);
        QVERIFY(!doc->isModified());
    }

    void multiSelectionMovesTogether() {
        QVERIFY(mWindow->openExample(u"seed"_s));
        DiagramView *view = mWindow->view();
        view->resetZoom();
        view->centerOn(300, 300);
        Document *doc = mWindow->document();
        DiagramScene *scene = mWindow->scene();
        mWindow->action(u"actionSelectAll"_s)->trigger();
        const QPointF a = doc->position(u"testUser"_s);
        const QPointF b = doc->position(u"test"_s);
        ModelItem *item = scene->modelItem(u"test"_s);
        // A press on a selected item keeps the selection, so both move.
        drag(view, headerPoint(item), headerPoint(item) + QPointF(-40, 30));
        QCOMPARE(doc->undoStack()->count(), 1);
        QCOMPARE(doc->position(u"testUser"_s), a + QPointF(-40, 30));
        QCOMPARE(doc->position(u"test"_s), b + QPointF(-40, 30));
    }

    void deleteModelWithItsLinksAndUndo() {
        QVERIFY(mWindow->openExample(u"seed"_s));
        Document *doc = mWindow->document();
        DiagramScene *scene = mWindow->scene();
        const Project before = doc->project();
        scene->selectModel(u"testUser"_s);
        mWindow->action(u"actionDelete"_s)->trigger();
        QCOMPARE(doc->schema().models.size(), 1);
        QCOMPARE(doc->schema().links.size(), 0);
        QVERIFY(!scene->modelItem(u"testUser"_s));
        QVERIFY(scene->linkItems().isEmpty());
        doc->undoStack()->undo();
        QCOMPARE(doc->project(), before);
        QCOMPARE(scene->linkItems().size(), 1);
        doc->undoStack()->redo();
        QCOMPARE(doc->schema().models.size(), 1);
    }

    void belongsToManyRunsViaItsThroughModel() {
        QVERIFY(mWindow->openExample(u"shop"_s));
        Document *doc = mWindow->document();
        DiagramScene *scene = mWindow->scene();
        // order belongsToMany product through orderItem (4), mirrored by product → order (5): one edge,
        // drawn order → orderItem → product.
        LinkItem *link = scene->linkItemFor(4);
        QVERIFY(link);
        QCOMPARE(scene->linkItemFor(5), link);
        ModelItem *junction = scene->modelItem(u"orderItem"_s);
        QCOMPARE(link->viaItem(), junction);
        const QRectF box = junction->sceneBoundingRect();
        QPainterPath near;
        near.addRect(box.adjusted(-6, -6, 6, 6));
        QVERIFY(link->shape().intersects(near)); // the line reaches the junction box

        // Moving the junction moves the route; one step.
        const QRectF routeBefore = link->boundingRect();
        DiagramView *view = mWindow->view();
        view->resetZoom();
        view->centerOn(junction);
        drag(view, headerPoint(junction), headerPoint(junction) + QPointF(0, 120));
        QCOMPARE(doc->undoStack()->count(), 1);
        QVERIFY(link->boundingRect() != routeBefore);

        // Without the through model the link is drawn directly (and still there); undo brings the route back.
        scene->selectModel(u"orderItem"_s);
        mWindow->action(u"actionDelete"_s)->trigger();
        QVERIFY(!scene->modelItem(u"orderItem"_s));
        QVERIFY(scene->linkItemFor(4));
        QVERIFY(!scene->linkItemFor(4)->viaItem());
        doc->undoStack()->undo();
        QCOMPARE(scene->linkItemFor(4)->viaItem(), scene->modelItem(u"orderItem"_s));
    }

    // A link never runs underneath a box it has nothing to do with: in the shop, customer's hasMany orders
    // with order dragged aside and profile dropped on the old straight line goes around profile; dragging
    // profile away again straightens it.
    void linksGoAroundBoxesInTheirWay() {
        QVERIFY(mWindow->openExample(u"shop"_s));
        Document *doc = mWindow->document();
        DiagramScene *scene = mWindow->scene();
        ModelItem *customer = scene->modelItem(u"customer"_s);
        ModelItem *order = scene->modelItem(u"order"_s);
        ModelItem *profile = scene->modelItem(u"profile"_s);
        LinkItem *orders = nullptr;
        for (LinkItem *link : customer->links())
            if (link->targetItem() == order || link->sourceItem() == order)
                orders = link;
        QVERIFY(orders);
        // order far below customer, profile exactly between them.
        const QPointF below = customer->pos() + QPointF(0, 700);
        stackMove(doc, u"order"_s, below);
        const QPointF middle = customer->pos() + QPointF(0, 330);
        stackMove(doc, u"profile"_s, middle);
        QCoreApplication::processEvents(); // the scene routes the links near moved boxes when idle
        QVERIFY2(orders->legs().first().size() > 2, "the link should bend around profile");
        const QRectF inTheWay = profile->sceneBoundingRect();
        const QList<QPointF> &route = orders->legs().first();
        for (qsizetype i = 1; i < route.size(); ++i)
            QVERIFY(!EdgeRouter::crosses(QLineF(route[i - 1], route[i]), inTheWay));
        if (const QString shots = qEnvironmentVariable("MODELDESK_SCREENSHOT_DIR"); !shots.isEmpty()) {
            mWindow->view()->centerOn(profile);
            mWindow->grab().save(shots + u"/routed-link.png"_s);
        }
        doc->undoStack()->undo(); // profile back where it was
        QCoreApplication::processEvents();
        QCOMPARE(orders->legs().first().size(), 2);
    }

    // View > Crow's Foot Notation draws the ends as crow's-foot marks instead of arrows and cardinalities, on
    // the canvas (and so in images), and is remembered.
    void crowsFootNotation() {
        QVERIFY(mWindow->openExample(u"shop"_s));
        QAction *crowsFoot = mWindow->action(u"actionCrowsFoot"_s);
        QVERIFY(crowsFoot && crowsFoot->isCheckable());
        crowsFoot->setChecked(false);
        LinkItem *orders = mWindow->scene()->linkItemFor(1); // customer hasMany orders
        QVERIFY(orders);
        mWindow->view()->resetZoom();
        mWindow->view()->centerOn(orders->sceneBoundingRect().center());
        auto picture = [&] {
            QCoreApplication::processEvents();
            const QRect area = mWindow->view()->mapFromScene(orders->sceneBoundingRect()).boundingRect();
            return mWindow->view()->viewport()->grab(area).toImage();
        };
        const QImage arrows = picture();
        crowsFoot->setChecked(true);
        QCOMPARE(LinkItem::notation(), LinkItem::Notation::CrowsFoot);
        QVERIFY(QSettings().value(u"view/crowsFoot"_s).toBool());
        const QImage feet = picture();
        QCOMPARE(feet.size(), arrows.size());
        QVERIFY(feet != arrows);
        if (const QString shots = qEnvironmentVariable("MODELDESK_SCREENSHOT_DIR"); !shots.isEmpty())
            mWindow->grab().save(shots + u"/crows-foot.png"_s);
        crowsFoot->setChecked(false);
        QCOMPARE(LinkItem::notation(), LinkItem::Notation::Arrows);
        QCOMPARE(picture(), arrows);
        QVERIFY(!QSettings().value(u"view/crowsFoot"_s).toBool());
    }

    // An empty canvas says how to start (text in the middle of the view); it goes with the first model.
    void emptyCanvasSaysHowToStart() {
        mWindow->newProject();
        QWidget *viewport = mWindow->view()->viewport();
        auto textPixels = [&] {
            QCoreApplication::processEvents();
            const QImage image = viewport->grab().toImage();
            int dark = 0;
            for (int y = image.height() / 3; y < image.height() * 2 / 3; ++y)
                for (int x = 0; x < image.width(); ++x)
                    dark += qGray(image.pixel(x, y)) < 160;
            return dark;
        };
        QVERIFY2(textPixels() > 200, "the hint is drawn");
        Document *doc = mWindow->document();
        doc->undoStack()->push(new AddModelCommand(doc, Model{u"far"_s}, QPointF(5000, 5000)));
        QCOMPARE(textPixels(), 0);
        doc->undoStack()->undo();
        QVERIFY(textPixels() > 200);
    }

    void deleteLinkPairAndUndo() {
        QVERIFY(mWindow->openExample(u"seed"_s));
        Document *doc = mWindow->document();
        const Schema before = doc->schema();
        mWindow->scene()->selectLink(0);
        mWindow->action(u"actionDelete"_s)->trigger();
        QCOMPARE(doc->schema().links.size(), 0); // the hasOne and its mirrored belongsTo
        QCOMPARE(doc->schema().models, before.models);
        doc->undoStack()->undo();
        QCOMPARE(doc->schema(), before);
    }

    // Each kind of command: do, undo == before, redo == after.
    void commandsUndoExactly() {
        QVERIFY(mWindow->openExample(u"shop"_s));
        Document *doc = mWindow->document();
        QUndoStack *stack = doc->undoStack();
        // The document's cached resolve must follow every change: the DDL it gives equals a fresh resolve's.
        const DdlGenerator ddl(SqlDialect(SqlDialect::Kind::Postgres));
        auto resolvedIsFresh = [&] {
            return ddl.createStatements(doc->resolved()) ==
                   ddl.createStatements(SchemaResolver::resolve(doc->schema()));
        };
        auto check = [&](QUndoCommand *command) {
            const Project before = doc->project();
            stack->push(command);
            const Project after = doc->project();
            QVERIFY(!(after == before));
            QVERIFY(resolvedIsFresh());
            stack->undo();
            QVERIFY(doc->project() == before);
            QVERIFY(resolvedIsFresh());
            stack->redo();
            QVERIFY(doc->project() == after);
            QVERIFY(resolvedIsFresh());
        };
        Model extra{u"coupon"_s};
        extra.fields = {Field{u"code"_s, DataType::string(20)}};
        check(new AddModelCommand(doc, extra, QPointF(10, 10)));
        check(new RenameModelCommand(doc, u"order"_s, u"purchase"_s));
        QCOMPARE(doc->schema().links.at(2).target, u"purchase"_s);
        check(new RemoveModelCommand(doc, u"customer"_s));
        Model product = *doc->schema().model(u"product"_s);
        Model cheaper = product;
        cheaper.fields[3].type = DataType{DataType::Kind::Decimal, -1, 8, 2, {}};
        check(new ChangeModelCommand(doc, product, cheaper, u"price"_s));
        check(new MoveModelsCommand(doc, {{u"product"_s, doc->position(u"product"_s)}},
                                    {{u"product"_s, QPointF(1, 2)}}));
        Link link{Link::Kind::HasMany, u"product"_s, u"coupon"_s, u"coupons"_s};
        check(new AddLinkCommand(doc, link));
        const int last = int(doc->schema().links.size()) - 1;
        Link changed = doc->schema().links.at(last);
        changed.onDelete = u"RESTRICT"_s;
        check(new ChangeLinkCommand(doc, last, changed, u"onDelete"_s));
        check(new RemoveLinkCommand(doc, last));
    }

    void addModelToolAndKeyboard() {
        Document *doc = mWindow->document();
        DiagramView *view = mWindow->view();
        mWindow->action(u"actionToolAddModel"_s)->trigger();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, viewPoint(view, QPointF(300, 300)));
        QCOMPARE(doc->schema().models.size(), 1);
        QCOMPARE(mWindow->scene()->tool(), DiagramTool::Kind::Select); // one model per click of the tool
        QCOMPARE(mWindow->scene()->selectedModelNames(), QStringList{u"model"_s});
        view->setFocus();
        QTest::keyClick(view->viewport(), Qt::Key_Delete);
        // Delete is a window shortcut; trigger through the action when the offscreen platform drops it.
        if (!doc->schema().models.isEmpty())
            mWindow->action(u"actionDelete"_s)->trigger();
        QCOMPARE(doc->schema().models.size(), 0);
        mWindow->action(u"actionUndo"_s)->trigger();
        QCOMPARE(doc->schema().models.size(), 1);
    }

    void autoLayoutPutsParentsAbove() {
        QVERIFY(mWindow->openExample(u"shop"_s));
        Document *doc = mWindow->document();
        // Pile every box at the origin first (the example is already laid out).
        QMap<QString, QPointF> before, piled;
        for (const Model &m : doc->schema().models) {
            before.insert(m.name, doc->position(m.name));
            piled.insert(m.name, QPointF(0, 0));
        }
        doc->undoStack()->push(new MoveModelsCommand(doc, before, piled));
        mWindow->action(u"actionAutoLayout"_s)->trigger();
        QCOMPARE(doc->undoStack()->count(), 2);
        auto y = [&](const char *name) {
            return doc->position(QString::fromLatin1(name)).y();
        };
        QVERIFY(y("customer") < y("profile"));
        QVERIFY(y("customer") < y("order"));
        QVERIFY(y("order") < y("orderItem"));
        QVERIFY(y("product") < y("orderItem"));
        // No two boxes overlap.
        const QList<ModelItem *> items = mWindow->scene()->modelItems();
        for (ModelItem *a : items)
            for (ModelItem *b : items)
                if (a != b)
                    QVERIFY2(!a->sceneBoundingRect().intersects(b->sceneBoundingRect()),
                             qPrintable(a->modelName() + u" overlaps "_s + b->modelName()));
    }

    // A project written by hand without a layout opens with its boxes laid out, not piled at the origin; that
    // is part of opening it, so nothing is marked modified.
    void projectWithoutLayoutIsLaidOut() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"handwritten.modeldesk"_s);
        Project project = test::loadExample(u"shop"_s);
        project.layout = {};
        QString error;
        QVERIFY2(ProjectFile::save(path, project, &error), qPrintable(error));
        QVERIFY(mWindow->openProject(path));
        const QList<ModelItem *> items = mWindow->scene()->modelItems();
        QCOMPARE(items.size(), 5);
        for (ModelItem *a : items)
            for (ModelItem *b : items)
                if (a != b)
                    QVERIFY2(!a->sceneBoundingRect().intersects(b->sceneBoundingRect()),
                             qPrintable(a->modelName() + u" overlaps "_s + b->modelName()));
        Document *doc = mWindow->document();
        QVERIFY(doc->position(u"customer"_s).y() < doc->position(u"order"_s).y());
        QVERIFY(doc->undoStack()->isClean());
        QCOMPARE(doc->undoStack()->count(), 0);
    }

    void problemsShowAndSelect() {
        QVERIFY(mWindow->openExample(u"seed"_s));
        Document *doc = mWindow->document();
        Model test = *doc->schema().model(u"test"_s);
        Model broken = test;
        broken.fields[0].type = DataType::ofKind(DataType::Kind::Enum);
        doc->undoStack()->push(new ChangeModelCommand(doc, test, broken, u"break"_s));
        QTRY_VERIFY(!mWindow->problemsPanel()->problems().isEmpty());
        QListWidget *list = mWindow->problemsPanel()->list();
        QVERIFY(list->item(0)->text().contains(u"ENUM needs at least one value"_s));
        mWindow->scene()->clearSelection();
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(0)).center());
        QCOMPARE(mWindow->scene()->selectedModelNames(), QStringList{u"test"_s});
    }

    // The zoom and centre the user leaves are saved with the project and come back when it reopens. Moving
    // the view is not an edit: it marks nothing modified, and opening then saving leaves the file as it was.
    void viewSavesAndReopens() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"view.modeldesk"_s);
        QVERIFY(mWindow->openExample(u"shop"_s));
        QVERIFY(mWindow->saveAs(path));
        QCoreApplication::processEvents(); // the fit of a project saved without a view
        Document *doc = mWindow->document();
        DiagramView *view = mWindow->view();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray unviewed = file.readAll();
        file.close();
        QVERIFY(mWindow->openProject(path));
        QCoreApplication::processEvents();
        QVERIFY(mWindow->save());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), unviewed); // the fit that opening did is not written
        file.close();

        // Zoom in with Ctrl+wheel and scroll with the scroll bars, as a user would.
        view->resetZoom();
        QWheelEvent wheel(QPointF(view->viewport()->rect().center()),
                          view->viewport()->mapToGlobal(QPointF()), QPoint(), QPoint(0, 720), Qt::NoButton,
                          Qt::ControlModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view->viewport(), &wheel);
        QCOMPARE(view->zoom(), std::pow(1.15, 6));
        QCOMPARE(doc->project().layout.zoom, view->zoom());
        QCOMPARE(doc->project().layout.center, view->center());
        const QPointF zoomed = view->center();
        view->horizontalScrollBar()->triggerAction(QAbstractSlider::SliderPageStepAdd);
        view->verticalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepAdd);
        QCoreApplication::processEvents(); // the scroll bars report on the next turn
        const double zoom = view->zoom();
        const QPointF center = view->center();
        QVERIFY(center.x() > zoomed.x() && center.y() > zoomed.y());
        QCOMPARE(doc->project().layout.zoom, zoom);
        QCOMPARE(doc->project().layout.center, center);
        QVERIFY(!doc->isModified());

        QVERIFY(mWindow->save());
        mWindow->newProject();
        QCOMPARE(doc->project().layout.zoom, 1.0);
        QVERIFY(mWindow->openProject(path));
        QCOMPARE(doc->project().layout.zoom, zoom);
        QCOMPARE(doc->project().layout.center, center);
        QVERIFY(!doc->isModified());
        QCOMPARE(view->zoom(), zoom);
        // The view shows the same place (scroll bars move in whole pixels).
        const QPointF shown = view->center();
        QVERIFY2(std::abs(shown.x() - center.x()) <= 1 / zoom && std::abs(shown.y() - center.y()) <= 1 / zoom,
                 qPrintable(u"(%1, %2) instead of (%3, %4)"_s.arg(shown.x())
                                .arg(shown.y())
                                .arg(center.x())
                                .arg(center.y())));
    }

    void titleShowsNameAndModified() {
        QVERIFY(mWindow->openExample(u"seed"_s));
        QCOMPARE(mWindow->windowTitle(), u"seed example[*] — ModelDesk"_s);
        QVERIFY(!mWindow->isWindowModified());
        mWindow->scene()->addModelAt(QPointF(0, 0));
        QVERIFY(mWindow->isWindowModified());
    }

    // File ▸ Export lists the registry and writes what the exporter renders; a broken design is refused.
    void exportMenuWritesEveryFormat() {
        QVERIFY(mWindow->openExample(u"seed"_s));
        auto *menu = mWindow->findChild<ExportMenu *>(u"exportMenu"_s);
        QVERIFY(menu);
        QVERIFY(mWindow->findChild<QAction *>(u"actionExport_sql_postgres"_s));
        QTemporaryDir dir;
        for (const Exporter *exporter : ExporterRegistry::all()) {
            QVERIFY(mWindow->findChild<QAction *>(u"actionExport_"_s + exporter->name()) ||
                    exporter->name() == u"sql"_s);
            const QString target = dir.filePath(exporter->name());
            QString error;
            QVERIFY2(menu->exportTo(*exporter, SqlDialect(SqlDialect::Kind::Postgres), target, &error),
                     qPrintable(error));
            ExportOptions options;
            options.dialect = SqlDialect(SqlDialect::Kind::Postgres);
            options.origin = mWindow->document()->displayName();
            const auto files = exporter->render(mWindow->document()->project(), options, &error);
            QVERIFY(files && !files->isEmpty());
            QFile written(files->first().path.isEmpty() ? target : target + u'/' + files->first().path);
            QVERIFY(written.open(QIODevice::ReadOnly));
            QCOMPARE(written.readAll(), files->first().contents);
        }
        Document *doc = mWindow->document();
        Model test = *doc->schema().model(u"test"_s);
        Model broken = test;
        broken.fields[0].type = DataType::ofKind(DataType::Kind::Enum);
        doc->undoStack()->push(new ChangeModelCommand(doc, test, broken, u"break"_s));
        QString error;
        const QString refused = dir.filePath(u"refused.sql"_s);
        QVERIFY(!menu->exportTo(*ExporterRegistry::find(u"sql"_s), SqlDialect(), refused, &error));
        QVERIFY2(error.contains(u"ENUM needs at least one value"_s), qPrintable(error));
        QVERIFY(!QFile::exists(refused));
    }

    // The Sequelize export's folder can be a new one: its proposed name has no spaces, and the export makes
    // it.
    void sequelizeExportMakesItsFolder() {
        QVERIFY(mWindow->openExample(u"shop"_s));
        auto *menu = mWindow->findChild<ExportMenu *>(u"exportMenu"_s);
        const Exporter *sequelize = ExporterRegistry::find(u"sequelize"_s);
        QVERIFY(menu && sequelize && sequelize->producesDirectory());
        QTemporaryDir dir;
        const QString folder = dir.filePath(u"new-models"_s);
        QString proposed;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            if (!dialog || dialog->objectName() != u"exportFolderDialog"_s)
                return;
            proposed = dialog->selectedFiles().value(0);
            dialog->selectFile(folder);
            static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept(), which checks the name
        });
        QSignalSpy exported(menu, &ExportMenu::exported);
        menu->run(sequelize, SqlDialect());
        QVERIFY2(proposed.endsWith(u"/shop-example-sequelize"_s), qPrintable(proposed));
        QCOMPARE(exported.size(), 1);
        QVERIFY(QFileInfo(folder).isDir());
        QVERIFY(QFile::exists(folder + u"/models/index.js"_s));
    }

private:
    std::unique_ptr<MainWindow> mWindow;
};

QTEST_MAIN(TstDesigner)
#include "tst_designer.moc"
