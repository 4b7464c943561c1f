// The link page of the properties panel driven like a user would (offscreen): alias, kind and actions; a
// foreign key that its mirrored link and declared key field follow; renaming a key field moves the links that
// name it. Each edit is exactly one undo step.
#include "designer/linkitem.h"
#include "editing/linkkeychange.h"
#include "properties/linkeditor.h"
#include "schema/resolvedschema.h"
#include "support/propertiesfixture.h"

#include <QLabel>

using namespace modeldesk;
using namespace Qt::StringLiterals;

class TstLinkProperties : public test::PropertiesFixture {
    Q_OBJECT

private slots:
    void init() { setUpPanel(); }
    void cleanup() { tearDownPanel(); }

    void linkAliasKindAndActions();
    void linkForeignKeyFollowsMirror();
    void linkKeyChangePlans();
    void renamingAKeyFieldMovesItsLinks();
    void actionsShownAsTheDatabaseHasThem();
};

// The shop's order belongsTo customer shares orders.customerId with customer hasMany orders, declared first,
// whose CASCADE the DDL uses: the belongsTo's page says so instead of its own default (NO ACTION for a NOT
// NULL key), and one source (the resolved constraint) answers for the DDL, the exports and this page alike.
void TstLinkProperties::actionsShownAsTheDatabaseHasThem() {
    mDocument->reset(test::loadExample(u"shop"_s), {});
    const Schema &schema = mDocument->schema();
    int hasMany = -1;
    int belongsTo = -1;
    for (int i = 0; i < schema.links.size(); ++i) {
        const Link &link = schema.links.at(i);
        if (link.kind == Link::Kind::HasMany && link.source == u"customer"_s)
            hasMany = i;
        if (link.kind == Link::Kind::BelongsTo && link.source == u"order"_s)
            belongsTo = i;
    }
    QVERIFY(hasMany >= 0 && belongsTo > hasMany);
    const Column *column = mDocument->resolved().table(u"orders"_s)->column(u"customerId"_s);
    QVERIFY(column && column->references);
    const QString rule = column->references->onDelete;

    // The edge shows the hasMany first; its page has no note.
    mScene->selectLink(hasMany);
    auto *onDelete = find<QComboBox>("linkOnDeleteCombo");
    auto *note = find<QLabel>("linkActionsNote");
    QCOMPARE(onDelete->itemText(0), u"(default: %1)"_s.arg(rule));
    QVERIFY(!note->isVisible());
    // "Edit order belongsTo customer" from the mirror note.
    emit find<QLabel>("linkMirrorNote")->linkActivated(u"#partner"_s);
    QCOMPARE(mPanel->linkEditor()->linkIndex(), belongsTo);
    QCOMPARE(onDelete->itemText(0), u"(default: %1)"_s.arg(rule));
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(u"customer.hasMany(order)"_s) && note->text().contains(rule),
             qPrintable(note->text()));
}

void TstLinkProperties::linkAliasKindAndActions() {
    mScene->selectLink(0); // testUser hasOne test, as user_test
    auto *alias = find<QLineEdit>("linkAliasEdit");

    Before was = before();
    type(alias, u"profileTest"_s);
    QCOMPARE(mDocument->schema().links.at(0).as, u"profileTest"_s);
    CHECK(verifyOneStep(was));

    was = before();
    type(alias, QString());
    QVERIFY(mDocument->schema().links.at(0).as.isEmpty());
    QCOMPARE(alias->placeholderText(), u"test (default)"_s);
    CHECK(verifyOneStep(was));

    auto *onDelete = find<QComboBox>("linkOnDeleteCombo");
    QVERIFY2(onDelete->itemText(0).startsWith(u"(default: "_s), qPrintable(onDelete->itemText(0)));
    was = before();
    choose(onDelete, u"CASCADE"_s);
    QCOMPARE(mDocument->schema().links.at(0).onDelete, u"CASCADE"_s);
    CHECK(verifyOneStep(was));

    was = before();
    choose(find<QComboBox>("linkOnUpdateCombo"), u"RESTRICT"_s);
    QCOMPARE(mDocument->schema().links.at(0).onUpdate, u"RESTRICT"_s);
    CHECK(verifyOneStep(was));

    auto *kind = find<QComboBox>("linkEditorKindCombo");
    was = before();
    choose(kind, u"hasMany"_s);
    QCOMPARE(mDocument->schema().links.at(0).kind, Link::Kind::HasMany);
    QCOMPARE(currentEditor(), mPanel->linkEditor());
    QCOMPARE(mPanel->linkEditor()->linkIndex(), 0);
    CHECK(verifyOneStep(was));

    QVERIFY(!find<QLineEdit>("linkOtherKeyEdit")->isEnabled());
    was = before();
    choose(kind, u"belongsToMany"_s);
    const Link &toMany = mDocument->schema().links.at(0);
    QCOMPARE(toMany.kind, Link::Kind::BelongsToMany);
    QVERIFY(!toMany.through.isEmpty()); // a junction is required; the default one is filled in
    QVERIFY(find<QLineEdit>("linkOtherKeyEdit")->isEnabled());
    CHECK(verifyOneStep(was));
}

void TstLinkProperties::linkForeignKeyFollowsMirror() {
    mScene->selectLink(0);
    auto *foreignKey = find<QLineEdit>("linkForeignKeyEdit");
    QCOMPARE(foreignKey->text(), u"userId"_s);

    const Before was = before();
    type(foreignKey, u"ownerId"_s);
    const Schema &schema = mDocument->schema();
    QCOMPARE(schema.links.at(0).foreignKey, u"ownerId"_s);
    QCOMPARE(schema.links.at(1).foreignKey, u"ownerId"_s); // the mirrored belongsTo follows
    QVERIFY(model(u"test"_s).field(u"ownerId"_s));         // and so does the declared key field
    QVERIFY(!model(u"test"_s).field(u"userId"_s));
    QCOMPARE(mScene->linkItemFor(0)->inverseIndex(), 1); // still one edge
    CHECK(verifyOneStep(was));

    // Editing the mirror from the note keeps the pair in step the other way round.
    auto *note = find<QLabel>("linkMirrorNote");
    emit note->linkActivated(u"#partner"_s);
    QCOMPARE(mPanel->linkEditor()->linkIndex(), 1);
    QCOMPARE(find<QLabel>("linkEndsLabel")->text(), u"test → testUser"_s);
    const Before second = before();
    type(foreignKey, u"authorId"_s);
    QCOMPARE(mDocument->schema().links.at(0).foreignKey, u"authorId"_s);
    QCOMPARE(mDocument->schema().links.at(1).foreignKey, u"authorId"_s);
    QCOMPARE(mPanel->linkEditor()->linkIndex(), 1);
    CHECK(verifyOneStep(second));

    // Coming back to the edge later starts with its main link.
    mScene->selectModel(u"test"_s);
    mScene->selectLink(1);
    QCOMPARE(mPanel->linkEditor()->linkIndex(), 0);
}

void TstLinkProperties::linkKeyChangePlans() {
    const Schema shop = test::loadExample(u"shop"_s).schema;
    // customer hasOne profile (0) mirrored by profile belongsTo customer (1), both on profile.customerId.
    LinkKeyChange change = LinkKeyChange::plan(shop, 0, 1, &Link::foreignKey, u"ownerId"_s);
    QCOMPARE(change.after.foreignKey, u"ownerId"_s);
    QCOMPARE(change.mirrorIndex, 1);
    QCOMPARE(change.mirrorAfter->foreignKey, u"ownerId"_s);
    QCOMPARE(change.holderBefore->name, u"profile"_s);
    QVERIFY(change.holderAfter->field(u"ownerId"_s));
    QCOMPARE(change.holderAfter->field(u"ownerId"_s)->type, DataType::integer());

    // A key the mirror does not share changes alone.
    change = LinkKeyChange::plan(shop, 0, 1, &Link::as, u"details"_s);
    QVERIFY(!change.isCompound());

    // belongsToMany mirrors swap foreignKey and otherKey; the junction's columns are not declared fields.
    change = LinkKeyChange::plan(shop, 4, 5, &Link::foreignKey, u"purchaseId"_s);
    QCOMPARE(change.mirrorAfter->otherKey, u"purchaseId"_s);
    QVERIFY(!change.holderAfter);
    change = LinkKeyChange::plan(shop, 4, 5, &Link::through, u"lineItem"_s);
    QCOMPARE(change.mirrorAfter->through, u"lineItem"_s);

    // A field another link relies on keeps its name: order.customerId also backs customer hasMany order.
    Schema shared = shop;
    shared.links[1].foreignKey = u"customerId"_s;
    shared.links[1].source = u"order"_s; // a second belongsTo on order.customerId
    change = LinkKeyChange::plan(shared, 3, 2, &Link::foreignKey, u"buyerId"_s);
    QCOMPARE(change.mirrorAfter->foreignKey, u"buyerId"_s);
    QVERIFY(!change.holderAfter);
}

void TstLinkProperties::renamingAKeyFieldMovesItsLinks() {
    // test.userId is the key of testUser hasOne test (0) and of its mirrored belongsTo (1).
    mScene->selectModel(u"test"_s);
    const int row = int(model(u"test"_s).fields.indexOf(field(u"test"_s, u"userId"_s)));
    selectField(row);
    const Before was = before();
    type(find<QLineEdit>("fieldNameEdit"), u"ownerId"_s);
    QVERIFY(model(u"test"_s).field(u"ownerId"_s));
    QCOMPARE(mDocument->schema().links.at(0).foreignKey, u"ownerId"_s);
    QCOMPARE(mDocument->schema().links.at(1).foreignKey, u"ownerId"_s);
    // Still one key column: the link did not fall back to adding its own userId.
    const Table *tests = SchemaResolver::resolve(mDocument->schema()).tableForModel(u"test"_s);
    QVERIFY(tests->column(u"ownerId"_s));
    QVERIFY(!tests->column(u"userId"_s));
    CHECK(verifyOneStep(was)); // the field and both links: one undo step

    // Renaming a field no link names touches no link.
    selectField(int(model(u"test"_s).fields.indexOf(field(u"test"_s, u"code"_s))));
    const Schema linksBefore = mDocument->schema();
    const Before plain = before();
    type(find<QLineEdit>("fieldNameEdit"), u"label"_s);
    QCOMPARE(mDocument->schema().links, linksBefore.links);
    CHECK(verifyOneStep(plain));
}

QTEST_MAIN(TstLinkProperties)
#include "tst_linkproperties.moc"
