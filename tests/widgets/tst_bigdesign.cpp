// Big designs: the generator is deterministic and valid, the scene built from a big design (and kept up to
// date edit by edit) is exactly what a fresh build gives, link pairing matches the straightforward quadratic
// rule, level of detail draws tiles far out, and the auto-layout keeps parents above children without
// overlaps. Speed is measured by bench/bench_designer, not here.
#include "designer/diagramscene.h"
#include "designer/diagramview.h"
#include "designer/linkitem.h"
#include "designer/modelitem.h"
#include "document/document.h"
#include "document/linkcommands.h"
#include "document/modelcommands.h"
#include "editing/autolayout.h"
#include "editing/designgenerator.h"
#include "project/projectfile.h"
#include "schema/schemavalidator.h"

#include <QApplication>
#include <QImage>
#include <QMouseEvent>
#include <QPainter>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <numeric>

using namespace modeldesk;
using namespace Qt::StringLiterals;

namespace {

// The scene as plain data, to compare an incrementally updated scene with a freshly built one.
struct Snapshot {
    QStringList boxes; // name, table, position, size, rows
    QStringList links; // index, inverse, ends, label
    friend bool operator==(const Snapshot &, const Snapshot &) = default;
};

Snapshot snapshot(const DiagramScene &scene) {
    Snapshot s;
    for (ModelItem *item : scene.modelItems()) {
        QStringList rows;
        for (const ModelItem::Row &row : item->rows())
            rows << row.name + u':' + row.type + (row.primaryKey ? u" PK"_s : QString()) +
                        (row.foreignKey ? u" FK"_s : QString());
        s.boxes << u"%1 %2 (%3,%4) %5x%6 [%7]"_s.arg(item->modelName(), item->tableName())
                       .arg(item->pos().x())
                       .arg(item->pos().y())
                       .arg(item->boxSize().width())
                       .arg(item->boxSize().height())
                       .arg(rows.join(u", "_s));
    }
    for (LinkItem *link : scene.linkItems())
        s.links << u"%1/%2 %3->%4 %5 %6"_s.arg(link->linkIndex())
                       .arg(link->inverseIndex())
                       .arg(link->sourceItem()->modelName(), link->targetItem()->modelName(), link->label())
                       .arg(link->boundingRect().width());
    s.boxes.sort();
    s.links.sort();
    return s;
}

// The pairing rule as the designer first wrote it (quadratic): each link's mirror is the first later link,
// not yet paired, going the other way with the same key (or the same junction).
QList<QPair<int, int>> referencePairs(const Schema &schema) {
    const QList<Link> &links = schema.links;
    QSet<int> absorbed;
    QList<QPair<int, int>> pairs;
    for (int i = 0; i < links.size(); ++i) {
        if (absorbed.contains(i))
            continue;
        const Link &link = links.at(i);
        if (!schema.model(link.source) || !schema.model(link.target))
            continue;
        int inverse = -1;
        for (int j = i + 1; j < links.size() && inverse < 0; ++j) {
            const Link &other = links.at(j);
            if (absorbed.contains(j) || other.source != link.target || other.target != link.source)
                continue;
            const bool mirrors = (link.foreignKeyOnTarget() && other.kind == Link::Kind::BelongsTo &&
                                  other.foreignKey == link.foreignKey) ||
                                 (link.kind == Link::Kind::BelongsToMany &&
                                  other.kind == Link::Kind::BelongsToMany && other.through == link.through);
            if (mirrors)
                inverse = j;
        }
        if (inverse >= 0)
            absorbed.insert(inverse);
        pairs.append({i, inverse});
    }
    return pairs;
}

Project generated(int models, int fields, int links, quint32 seed = 1) {
    DesignGenerator::Options options;
    options.models = models;
    options.fields = fields;
    options.links = links;
    options.seed = seed;
    return DesignGenerator::generate(options);
}

// How many pixels differ between two pictures of the same size.
qsizetype differingPixels(const QImage &a, const QImage &b) {
    qsizetype different = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x)
            different += a.pixel(x, y) != b.pixel(x, y);
    return different;
}
} // namespace

class TstBigDesign : public QObject {
    Q_OBJECT

private slots:
    void generatorIsDeterministicAndValid() {
        const Project a = generated(300, 8, 450);
        QCOMPARE(ProjectFile::serialize(a), ProjectFile::serialize(generated(300, 8, 450)));
        QVERIFY(ProjectFile::serialize(a) != ProjectFile::serialize(generated(300, 8, 450, 2)));
        QCOMPARE(a.schema.models.size(), 300);
        QCOMPARE(a.schema.links.size(), 450);
        for (const Model &model : a.schema.models)
            QCOMPARE(model.fields.size(), 8);
        QCOMPARE(a.layout.positions.size(), 300);
        const QList<Problem> problems = SchemaValidator::validate(a.schema);
        QVERIFY2(!SchemaValidator::hasErrors(problems),
                 qPrintable(problems.isEmpty() ? QString() : problems.first().toString()));
        // It round-trips through the project file like any design.
        QString error;
        const auto reread = ProjectFile::parse(ProjectFile::serialize(a), &error);
        QVERIFY2(reread, qPrintable(error));
        QCOMPARE(*reread, a);
        // Every kind of link occurs, and some hasMany/belongsTo pairs, so the scene's pairing is exercised.
        QSet<Link::Kind> kinds;
        for (const Link &link : a.schema.links)
            kinds.insert(link.kind);
        QCOMPARE(kinds.size(), 4);
    }

    void generateCommand() {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"g.modeldesk"_s);
        QProcess process;
        process.start(QStringLiteral(MODELDESK_BINARY),
                      {u"generate"_s, u"--models"_s, u"120"_s, u"--fields"_s, u"6"_s, u"--links=150"_s,
                       u"--seed"_s, u"7"_s, u"-o"_s, file});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        QFile written(file);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), ProjectFile::serialize(generated(120, 6, 150, 7)));

        for (const QStringList &bad :
             {QStringList{u"--models"_s, u"ten"_s, u"-o"_s, file}, QStringList{u"--models"_s, u"5"_s},
              QStringList{u"--colour"_s, u"red"_s}}) {
            QProcess refused;
            refused.start(QStringLiteral(MODELDESK_BINARY), QStringList{u"generate"_s} + bad);
            QVERIFY(refused.waitForFinished(60000));
            QCOMPARE(refused.exitCode(), 64);
            QVERIFY(refused.readAllStandardError().contains("modeldesk generate: "));
        }
    }

    void sceneBuildsOnceAndPairsLinks() {
        Document document;
        DiagramScene scene(&document);
        const Project project = generated(400, 6, 600);
        document.reset(project, {});
        QCOMPARE(scene.modelItems().size(), 400);
        QList<QPair<int, int>> pairs;
        for (LinkItem *link : scene.linkItems())
            pairs.append({link->linkIndex(), link->inverseIndex()});
        QCOMPARE(pairs, referencePairs(project.schema));
        QVERIFY(std::any_of(pairs.cbegin(), pairs.cend(), [](const auto &p) { return p.second >= 0; }));
        // Every box is reachable: the scene rect grew to hold the whole design.
        QVERIFY(scene.sceneRect().contains(scene.itemsBoundingRect()));
        // The generator's layout leaves room for the boxes as the designer draws them.
        QList<QRectF> boxes;
        for (ModelItem *item : scene.modelItems())
            boxes.append(QRectF(item->pos(), item->boxSize()));
        std::sort(boxes.begin(), boxes.end(),
                  [](const QRectF &a, const QRectF &b) { return a.left() < b.left(); });
        for (qsizetype i = 0; i < boxes.size(); ++i)
            for (qsizetype j = i + 1; j < boxes.size() && boxes.at(j).left() < boxes.at(i).right(); ++j)
                QVERIFY(!boxes.at(i).intersects(boxes.at(j)));
        // Box contents are the resolved tables.
        const ResolvedSchema resolved = SchemaResolver::resolve(project.schema);
        for (const Table &table : resolved.tables) {
            if (table.model.isEmpty())
                continue;
            QCOMPARE(scene.modelItem(table.model)->rows(), ModelItem::rowsFor(table));
        }
    }

    // Mirrors in unusual orders: a belongsTo before its hasMany, two candidates for one link, a
    // belongsToMany pair, links to a missing model.
    void pairingEdgeCases() {
        Project project;
        for (const char *name : {"a", "b", "c"})
            project.schema.models.append(Model{QString::fromLatin1(name)});
        auto link = [](Link::Kind kind, const char *s, const char *t, const char *key) {
            Link l{kind, QString::fromLatin1(s), QString::fromLatin1(t)};
            if (kind == Link::Kind::BelongsToMany)
                l.through = QString::fromLatin1(key);
            else
                l.foreignKey = QString::fromLatin1(key);
            return l;
        };
        project.schema.links = {
            link(Link::Kind::BelongsTo, "b", "a", "aId"),
            link(Link::Kind::HasMany, "a", "b", "aId"),
            link(Link::Kind::BelongsTo, "b", "a", "aId"),
            link(Link::Kind::HasOne, "a", "b", "aId"),
            link(Link::Kind::BelongsTo, "b", "a", "aId"),
            link(Link::Kind::BelongsToMany, "a", "c", "ac"),
            link(Link::Kind::BelongsToMany, "c", "a", "ac"),
            link(Link::Kind::HasMany, "a", "missing", "x"),
            link(Link::Kind::BelongsToMany, "c", "a", "ac"),
            link(Link::Kind::HasMany, "c", "c", "parentId"),
            link(Link::Kind::BelongsTo, "c", "c", "parentId"),
        };
        Document document;
        DiagramScene scene(&document);
        document.reset(project, {});
        QList<QPair<int, int>> pairs;
        for (LinkItem *item : scene.linkItems())
            pairs.append({item->linkIndex(), item->inverseIndex()});
        QCOMPARE(pairs, referencePairs(project.schema));
    }

    // Every kind of edit, applied incrementally, leaves the scene as a fresh build of the same document.
    void incrementalUpdatesEqualARebuild() {
        Document document;
        DiagramScene scene(&document);
        document.reset(generated(200, 5, 300), {});
        QUndoStack *stack = document.undoStack();
        auto check = [&](const char *what) {
            QCoreApplication::processEvents(); // the scene routes the links near a changed box once idle
            DiagramScene fresh(&document);
            QVERIFY2(snapshot(scene) == snapshot(fresh), what);
        };
        const Schema &schema = document.schema();
        Model changed = schema.models.at(10);
        changed.fields.append(Field{u"extra"_s, DataType::string(300)});
        stack->push(new ChangeModelCommand(&document, schema.models.at(10), changed, u"field"_s));
        check("field added");
        stack->push(new AddLinkCommand(&document, Link{Link::Kind::HasMany, schema.models.at(3).name,
                                                       schema.models.at(150).name, u"more"_s, u"moreId"_s}));
        check("link added");
        stack->push(new RenameModelCommand(&document, schema.models.at(3).name, u"renamed"_s));
        check("model renamed");
        stack->push(new RemoveModelCommand(&document, schema.models.at(20).name));
        check("model removed");
        stack->push(new RemoveLinkCommand(&document, 5));
        check("link removed");
        stack->push(new MoveModelsCommand(&document, {{u"renamed"_s, document.position(u"renamed"_s)}},
                                          {{u"renamed"_s, QPointF(90000, -70000)}}));
        check("moved far away");
        QVERIFY(scene.sceneRect().contains(scene.modelItem(u"renamed"_s)->sceneBoundingRect()));
        while (stack->canUndo()) {
            stack->undo();
            check("undo");
        }
    }

    // The resolver orders tables so that referenced ones come first; on a big shuffled design with reference
    // cycles it must give exactly what the straightforward quadratic rule gives: repeatedly the first table
    // (in declaration order) whose references are all placed, else the first one left.
    void dependencyOrderOfABigDesign() {
        Project project = generated(600, 3, 900, 5);
        Schema &schema = project.schema;
        quint32 state = 12345;
        auto next = [&] {
            return (state = state * 1103515245u + 12345u) >> 8;
        };
        for (qsizetype i = schema.models.size() - 1; i > 0; --i)
            schema.models.swapItemsAt(i, qsizetype(next() % quint32(i + 1)));
        for (int i = 0; i < 40; ++i) // back edges: cycles of references
            schema.links.append(Link{Link::Kind::HasMany, schema.models.at(i * 7).name,
                                     schema.models.at(i * 7 + 3).name, u"back%1"_s.arg(i),
                                     u"backId%1"_s.arg(i)});
        const ResolvedSchema resolved = SchemaResolver::resolve(schema);

        // Declaration order: the models' tables, then the generated junctions in the order links create them.
        QList<const Table *> declared;
        QHash<QString, const Table *> byModel, byName;
        for (const Table &table : resolved.tables) {
            if (!table.model.isEmpty())
                byModel.insert(table.model, &table);
            byName.insert(table.name, &table);
        }
        for (const Model &model : schema.models)
            declared.append(byModel.value(model.name));
        QSet<QString> junctions;
        for (const Link &link : schema.links)
            if (link.kind == Link::Kind::BelongsToMany && !schema.model(link.through) &&
                !junctions.contains(link.through)) {
                junctions.insert(link.through);
                declared.append(byName.value(link.through));
            }
        QCOMPARE(declared.size(), resolved.tables.size());

        QStringList expected;
        QSet<QString> placed;
        QList<const Table *> left = declared;
        while (!left.isEmpty()) {
            qsizetype pick = -1;
            for (qsizetype i = 0; i < left.size() && pick < 0; ++i) {
                bool ready = true;
                for (const Column &column : left.at(i)->columns) {
                    if (!column.references || column.references->table == left.at(i)->name)
                        continue;
                    const bool exists = std::any_of(left.cbegin(), left.cend(), [&](const Table *t) {
                        return t->name == column.references->table;
                    });
                    ready = ready && !(exists && !placed.contains(column.references->table));
                }
                if (ready)
                    pick = i;
            }
            if (pick < 0)
                pick = 0;
            placed.insert(left.at(pick)->name);
            expected << left.takeAt(pick)->name;
        }
        QStringList actual;
        for (const Table &table : resolved.tables)
            actual << table.name;
        QCOMPARE(actual, expected);
        QStringList declaredNames;
        for (const Table *table : std::as_const(declared))
            declaredNames << table->name;
        QVERIFY(actual != declaredNames); // the shuffle made it reorder
    }

    // Far out a box is a filled tile (and a link a plain line); close up it is a white box with rows.
    void levelOfDetail() {
        Document document;
        DiagramScene scene(&document);
        Model model{u"customer"_s};
        model.fields = {Field{u"name"_s, DataType::string()}, Field{u"email"_s, DataType::string()}};
        Project project;
        project.schema.models = {model};
        project.layout.positions.insert(u"customer"_s, QPointF(0, 0));
        document.reset(project, {});
        ModelItem *item = scene.modelItem(u"customer"_s);
        const QRectF box = item->sceneBoundingRect();
        const QPointF body =
            item->mapToScene(QPointF(item->boxSize().width() - 4, item->boxSize().height() - 6));
        auto pixelAt = [&](double zoom) {
            QImage image((box.size() * zoom).toSize() + QSize(2, 2), QImage::Format_RGB32);
            image.fill(Qt::black);
            QPainter painter(&image);
            scene.render(&painter, QRectF(QPointF(), box.size() * zoom), box);
            painter.end();
            const QPointF at = (body - box.topLeft()) * zoom;
            return image.pixelColor(at.toPoint());
        };
        QCOMPARE(pixelAt(1.0), QColor(Qt::white));        // the body of a detailed box
        QCOMPARE(pixelAt(0.2), QColor(0x2f, 0x6f, 0xb3)); // all of a far-out tile is the header colour
    }

    // While a box is dragged, the links that stay put are drawn from the view's background cache; what the
    // view shows is the same as when every link draws itself.
    void frozenLinksDuringADrag() {
        Document document;
        DiagramScene scene(&document);
        document.reset(generated(80, 4, 120, 3), {});
        DiagramView view(&scene);
        view.resize(900, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setZoom(0.6);
        ModelItem *box = scene.modelItem(document.schema().models.at(40).name);
        view.centerOn(box);
        QVERIFY(!box->links().isEmpty());
        QWidget *viewport = view.viewport();
        const QPoint from = view.mapFromScene(box->mapToScene(box->headerRect().center()));
        auto mouse = [&](QEvent::Type type, const QPoint &at, Qt::MouseButtons buttons) {
            QMouseEvent event(type, at, viewport->mapToGlobal(at),
                              type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton, buttons,
                              Qt::NoModifier);
            QApplication::sendEvent(viewport, &event);
        };
        mouse(QEvent::MouseButtonPress, from, Qt::LeftButton);
        QVERIFY(!scene.linksFrozen()); // a click alone freezes nothing
        for (int i = 1; i <= 4; ++i)
            mouse(QEvent::MouseMove, from + QPoint(15 * i, 10 * i), Qt::LeftButton);
        QVERIFY(scene.linksFrozen());
        int baked = 0;
        for (LinkItem *link : scene.linkItems()) {
            const bool moves = link->sourceItem() == box || link->targetItem() == box;
            QCOMPARE(link->isBaked(), !moves);
            baked += link->isBaked();
        }
        QVERIFY(baked > 0);
        QCoreApplication::processEvents();
        const QImage frozen = viewport->grab().toImage();
        QHash<LinkItem *, QList<QList<QPointF>>> routes;
        for (LinkItem *link : scene.linkItems())
            routes.insert(link, link->legs());
        mouse(QEvent::MouseButtonRelease, from + QPoint(60, 40), Qt::NoButton);
        QVERIFY(!scene.linksFrozen());
        for (LinkItem *link : scene.linkItems())
            QVERIFY(!link->isBaked());
        QCOMPARE(document.undoStack()->count(), 1);
        QCoreApplication::processEvents();
        const QImage live = viewport->grab().toImage();
        QCOMPARE(frozen.size(), live.size());
        // Where the drop made links go around the box's new place (or straight where it was), the picture
        // changes on purpose: those links' areas are left out; the rest must look as it did while frozen.
        QRegion rerouted;
        for (LinkItem *link : scene.linkItems())
            if (routes.value(link) != link->legs() &&
                !(link->sourceItem() == box || link->targetItem() == box)) {
                QRectF was;
                for (const QList<QPointF> &leg : routes.value(link))
                    for (const QPointF &point : leg)
                        was |= QRectF(point, QSizeF(1, 1));
                for (const QRectF &area : {link->sceneBoundingRect(), was.adjusted(-40, -40, 40, 40)})
                    rerouted += view.mapFromScene(area).boundingRect().adjusted(-4, -4, 4, 4);
            }
        qsizetype different = 0;
        for (int y = 0; y < live.height(); ++y)
            for (int x = 0; x < live.width(); ++x)
                different += frozen.pixel(x, y) != live.pixel(x, y) && !rerouted.contains(QPoint(x, y));
        QVERIFY2(different < live.width() * live.height() / 200, qPrintable(QString::number(different)));
        document.undoStack()->setClean();
    }

    // The auto-layout is one undo step moving every box at once; undo puts every box back exactly where it
    // was and redo where the layout put it. Far out, where boxes and links are drawn into the view's cached
    // background, the view then shows what a redraw of its whole background gives.
    void autoLayoutUndoRedoRoundTrip() {
        for (const double zoom : {0.5, 0.03}) {
            Document document;
            DiagramScene scene(&document);
            DiagramView view(&scene);
            view.resize(700, 500);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            document.reset(generated(300, 5, 450, 4), {});
            view.setZoom(zoom);
            view.centerOn(scene.itemsBoundingRect().center());
            QCOMPARE(scene.isFarView(), zoom < 0.05);
            QCoreApplication::processEvents();
            const QMap<QString, QPointF> before = document.project().layout.positions;

            // Far out the background is redrawn only where something changed: the picture must be the one a
            // redraw of the whole background gives, to the pixel.
            const auto pictureIsCurrent = [&](const char *step) {
                QCoreApplication::processEvents();
                if (!scene.isFarView())
                    return;
                const QImage shown = view.viewport()->grab().toImage();
                view.resetCachedContent();
                const QImage expected = view.viewport()->grab().toImage();
                QCOMPARE(shown.size(), expected.size());
                const qsizetype different = differingPixels(shown, expected);
                QVERIFY2(different == 0,
                         qPrintable(u"%1: %2 pixels differ at zoom %3"_s.arg(QLatin1StringView(step))
                                        .arg(different)
                                        .arg(zoom)));
            };

            scene.autoLayout();
            QCOMPARE(document.undoStack()->count(), 1);
            const QMap<QString, QPointF> after = document.project().layout.positions;
            qsizetype moved = 0;
            for (auto it = after.cbegin(); it != after.cend(); ++it)
                moved += before.value(it.key()) != it.value();
            QVERIFY2(moved > 250, qPrintable(QString::number(moved)));
            for (ModelItem *item : scene.modelItems())
                QCOMPARE(item->pos(), after.value(item->modelName()));
            pictureIsCurrent("layout");
            if (QTest::currentTestFailed())
                return;

            document.undoStack()->undo();
            QCOMPARE(document.project().layout.positions, before);
            for (ModelItem *item : scene.modelItems())
                QCOMPARE(item->pos(), before.value(item->modelName()));
            pictureIsCurrent("undo");
            if (QTest::currentTestFailed())
                return;

            document.undoStack()->redo();
            QCOMPARE(document.project().layout.positions, after);
            for (ModelItem *item : scene.modelItems())
                QCOMPARE(item->pos(), after.value(item->modelName()));
            pictureIsCurrent("redo");
            if (QTest::currentTestFailed())
                return;
            document.undoStack()->setClean();
        }
    }

    void autoLayoutOfABigDesign() {
        DesignGenerator::Options options;
        options.models = 2000;
        options.fields = 10;
        options.links = 3000;
        options.layout = false;
        const Project project = DesignGenerator::generate(options);
        QMap<QString, QSizeF> sizes;
        for (const Model &model : project.schema.models)
            sizes.insert(model.name, QSizeF(200 + model.name.size() * 3, 60 + 20 * model.fields.size()));
        const QMap<QString, QPointF> positions = AutoLayout::arrange(project.schema, sizes);
        QCOMPARE(positions.size(), 2000);
        // The generator links earlier (parent) models to later ones: every parent sits higher.
        for (const Link &link : project.schema.links) {
            const bool sourceIsParent = link.kind != Link::Kind::BelongsTo;
            const QString parent = sourceIsParent ? link.source : link.target;
            const QString child = sourceIsParent ? link.target : link.source;
            QVERIFY2(positions.value(parent).y() < positions.value(child).y(),
                     qPrintable(parent + u" is not above "_s + child));
        }
        // No overlaps: sort by left edge and compare each box with those that start before it ends.
        QList<QRectF> boxes;
        for (auto it = positions.cbegin(); it != positions.cend(); ++it)
            boxes.append(QRectF(it.value(), sizes.value(it.key())));
        std::sort(boxes.begin(), boxes.end(),
                  [](const QRectF &a, const QRectF &b) { return a.left() < b.left(); });
        for (qsizetype i = 0; i < boxes.size(); ++i)
            for (qsizetype j = i + 1; j < boxes.size() && boxes.at(j).left() < boxes.at(i).right(); ++j)
                QVERIFY(!boxes.at(i).intersects(boxes.at(j)));
        // Roughly as wide as tall, so that "fit" shows a usable picture.
        const QRectF all = std::accumulate(boxes.cbegin(), boxes.cend(), QRectF(),
                                           [](const QRectF &a, const QRectF &b) { return a | b; });
        QVERIFY2(all.width() / all.height() < 4 && all.height() / all.width() < 4,
                 qPrintable(u"%1 x %2"_s.arg(all.width()).arg(all.height())));
    }
};

QTEST_MAIN(TstBigDesign)
#include "tst_bigdesign.moc"
