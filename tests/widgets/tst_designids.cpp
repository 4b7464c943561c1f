// Ids through the document's edit commands: a model, field or link made in the designer gets an id no other
// element has; a rename, a field's change and a link turned from hasOne into hasMany keep theirs; undo and
// redo bring back the very same ids; and the design the edits make diffs against the one before as renames.
#include "document/document.h"
#include "document/linkcommands.h"
#include "document/modelcommands.h"
#include "migrate/schemadiff.h"
#include "support/testsupport.h"

#include <QSet>
#include <QTest>

using namespace modeldesk;
using namespace Qt::StringLiterals;

namespace {

QStringList ids(const Schema &schema) {
    QStringList out;
    for (const Model &m : schema.models) {
        out << m.id;
        for (const Field &f : m.fields)
            out << f.id;
    }
    for (const Link &l : schema.links)
        out << l.id;
    return out;
}

void checkUnique(const Schema &schema) {
    const QStringList all = ids(schema);
    QVERIFY(!all.contains(QString()));
    QCOMPARE(QSet<QString>(all.cbegin(), all.cend()).size(), all.size());
}

} // namespace

class TestDesignIds : public QObject {
    Q_OBJECT

private slots:
    void editsKeepAndGiveIds() {
        Document document;
        document.reset(test::loadExample(u"seed"_s), {});
        QUndoStack *stack = document.undoStack();
        const Schema original = document.schema();
        CHECK(checkUnique(original));

        Model pet{u"pet"_s};
        pet.fields = {Field{u"name"_s, DataType::string()}};
        stack->push(new AddModelCommand(&document, pet, {}));
        CHECK(checkUnique(document.schema()));
        const QString petId = document.schema().model(u"pet"_s)->id;

        stack->push(new RenameModelCommand(&document, u"testUser"_s, u"person"_s));
        QCOMPARE(document.schema().model(u"person"_s)->id, original.model(u"testUser"_s)->id);
        QCOMPARE(document.schema().links.at(0).id, original.links.at(0).id);

        Model person = *document.schema().model(u"person"_s);
        Model changed = person;
        changed.fields[0].name = u"fullName"_s;
        changed.fields.append(Field{u"age"_s, DataType::integer()});
        stack->push(new ChangeModelCommand(&document, person, changed, u"edit"_s));
        const Model &edited = *document.schema().model(u"person"_s);
        QCOMPARE(edited.fields.at(0).id, person.fields.at(0).id);
        QVERIFY(!edited.fields.at(2).id.isEmpty());
        CHECK(checkUnique(document.schema()));

        Link link = document.schema().links.at(0);
        link.kind = Link::Kind::HasMany;
        stack->push(new ChangeLinkCommand(&document, 0, link, u"kind"_s));
        QCOMPARE(document.schema().links.at(0).id, original.links.at(0).id);
        stack->push(new AddLinkCommand(&document, Link{Link::Kind::HasMany, u"person"_s, u"pet"_s}));
        CHECK(checkUnique(document.schema()));

        // Undo all, redo all: the same ids, the same design.
        const Schema edited2 = document.schema();
        while (stack->canUndo())
            stack->undo();
        QCOMPARE(document.schema(), original);
        while (stack->canRedo())
            stack->redo();
        QCOMPARE(document.schema(), edited2);
        QCOMPARE(document.schema().model(u"pet"_s)->id, petId);

        // What the migration sees: renames, not a drop and an add.
        QStringList steps;
        for (const MigrationStep &step : SchemaDiff::compare(original, edited2).steps)
            steps << step.description;
        QVERIFY2(steps.contains(u"rename table testUsers to people"_s), qPrintable(steps.join(u'\n')));
        QVERIFY2(steps.contains(u"rename column people.name to fullName"_s), qPrintable(steps.join(u'\n')));
        QVERIFY2(!steps.join(u'\n').contains(u"drop"_s), qPrintable(steps.join(u'\n')));
    }
};

QTEST_MAIN(TestDesignIds)
#include "tst_designids.moc"
