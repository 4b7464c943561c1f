// Renames that would collide and PostgreSQL's ENUM types, on the real engines. Two columns swapping names, a
// chain of renames (p -> q, q -> r), two ENUM columns swapping, and two tables swapping names (with a foreign
// key between them): every value follows its field's or model's id, and the migrated catalog equals a fresh
// sync of NEW. ENUM changes (a value added and the order changed, a value removed, STRING -> ENUM,
// ENUM -> STRING, the table and a column renamed) end with NEW's types and labels; a removed value that rows
// still hold stops the migration where the column is an ENUM. Comments of tables and columns set, changed
// and removed end as NEW's.

#include "db/migrationrunner.h"
#include "migrate/schemadiff.h"
#include "support/migrationcheck.h"
#include "support/scratchdatabase.h"
#include "support/testsupport.h"

#include <QTest>

using namespace modeldesk;
using namespace modeldesk::test;
using namespace Qt::StringLiterals;

namespace {

Field field(const QString &id, const QString &name, const QString &type) {
    Field f{name, *DataType::parse(type)};
    f.id = id;
    return f;
}

Model model(const QString &id, const QString &name, const QString &table, const QList<Field> &fields) {
    Model m;
    m.id = id;
    m.name = name;
    m.tableName = table;
    m.timestamps = false;
    m.fields = fields;
    return m;
}

// alpha (table alphas) with a <-> b, p -> q -> r and two ENUMs swapping; beta (table betas) points at alpha.
// `renamed` swaps and chains every name.
Schema swapDesign(bool renamed) {
    const auto name = [renamed](const QString &before, const QString &after) {
        return renamed ? after : before;
    };
    Schema s;
    s.models << model(u"ma"_s, u"alpha"_s, name(u"alphas"_s, u"betas"_s),
                      {field(u"fa"_s, name(u"a"_s, u"b"_s), u"STRING"_s),
                       field(u"fb"_s, name(u"b"_s, u"a"_s), u"INTEGER"_s),
                       field(u"fp"_s, name(u"p"_s, u"q"_s), u"STRING"_s),
                       field(u"fq"_s, name(u"q"_s, u"r"_s), u"STRING"_s),
                       field(u"fe1"_s, name(u"e1"_s, u"e2"_s), u"ENUM('p','q')"_s),
                       field(u"fe2"_s, name(u"e2"_s, u"e1"_s), u"ENUM('r','s')"_s)})
             << model(u"mb"_s, u"beta"_s, name(u"betas"_s, u"alphas"_s),
                      {field(u"fx"_s, u"x"_s, u"STRING"_s)});
    Link link;
    link.id = u"l1"_s;
    link.kind = Link::Kind::HasMany;
    link.source = u"alpha"_s;
    link.target = u"beta"_s;
    s.links << link;
    return s;
}

Schema enumDesign(bool changed) {
    const auto pick = [changed](const QString &before, const QString &after) {
        return changed ? after : before;
    };
    Field status =
        field(u"fs"_s, u"status"_s,
              pick(u"ENUM('new','paid','shipped')"_s, u"ENUM('paid','new','shipped','cancelled')"_s));
    status.defaultValue = u"new"_s;
    Schema s;
    s.models << model(u"mo"_s, u"order"_s, pick(u"orders"_s, u"purchases"_s),
                      {status, field(u"fk"_s, u"kind"_s, pick(u"ENUM('a','b')"_s, u"ENUM('a')"_s)),
                       field(u"fl"_s, u"label"_s, pick(u"STRING"_s, u"ENUM('l1','l2')"_s)),
                       field(u"fm"_s, u"mood"_s, pick(u"ENUM('x','y')"_s, u"STRING"_s)),
                       field(u"ft"_s, pick(u"tone"_s, u"pitch"_s), u"ENUM('lo','hi')"_s)});
    return s;
}

// How `connection`'s catalog differs from a fresh sync of `schema` on the same engine (empty: not at all).
QString differenceFromSync(const QString &engine, DatabaseConnection &connection, const Schema &schema) {
    ScratchDatabase reference;
    QString error;
    if (!reference.create(engine, engine == u"sqlite"_s ? QString() : serverUrl(serverVariable(engine)),
                          &error))
        return error;
    DatabaseConnection fresh(reference.connectionUrl());
    if (!fresh.open(&error) || !sync(fresh, schema, &error))
        return error;
    return firstDifference(catalogText(connection), catalogText(fresh));
}

// Migrates a database synced from `before` (rows put in by `fill`) and compares its catalog with a fresh
// sync of `after`.
#define MIGRATE_AND_COMPARE(engine, connection, before, after, fill)                                         \
    MODELDESK_SCRATCH_DATABASE(scratch_, engine);                                                            \
    QString error;                                                                                           \
    DatabaseConnection connection(scratch_.connectionUrl());                                                 \
    QVERIFY2(connection.open(&error), qPrintable(error));                                                    \
    QVERIFY2(sync(connection, before, &error), qPrintable(error));                                           \
    fill;                                                                                                    \
    QVERIFY2(MigrationRunner(connection).apply(SchemaDiff::compare(before, after), &error),                  \
             qPrintable(error));                                                                             \
    {                                                                                                        \
        const QString difference = differenceFromSync(engine, connection, after);                            \
        QVERIFY2(difference.isEmpty(), qPrintable(difference));                                              \
    }

} // namespace

class TestMigrationRenames : public QObject {
    Q_OBJECT

private slots:
    void swapsFollowIds_data() { addEngineRows(); }
    void swapsFollowIds();
    void enumChanges_data() { addEngineRows(); }
    void enumChanges();
    void takesADroppedName_data() { addEngineRows(); }
    void takesADroppedName();
    void commentsFollowNew_data() { addEngineRows(); }
    void commentsFollowNew();
    void removedEnumValueInUse_data() { addEngineRows(); }
    void removedEnumValueInUse();
};

void TestMigrationRenames::swapsFollowIds() {
    QFETCH(QString, engine);
    const Schema before = swapDesign(false);
    const Schema after = swapDesign(true);
    MIGRATE_AND_COMPARE(engine, connection, before, after, {
        QVERIFY(insert(connection, u"alphas"_s, {u"id"_s, u"a"_s, u"b"_s, u"p"_s, u"q"_s, u"e1"_s, u"e2"_s},
                       {1, u"A"_s, 2, u"P"_s, u"Q"_s, u"p"_s, u"s"_s}));
        QVERIFY(insert(connection, u"betas"_s, {u"id"_s, u"x"_s, u"alphaId"_s}, {7, u"X"_s, 1}));
    });
    QCOMPARE(rows(connection, u"betas"_s, {u"id"_s, u"b"_s, u"a"_s, u"q"_s, u"r"_s, u"e2"_s, u"e1"_s}),
             QStringList{u"1|A|2|P|Q|p|s"_s});
    QCOMPARE(rows(connection, u"alphas"_s, {u"id"_s, u"x"_s, u"alphaId"_s}), QStringList{u"7|X|1"_s});
    // And back: the diff the other way swaps them again.
    QVERIFY2(MigrationRunner(connection).apply(SchemaDiff::compare(after, before), &error),
             qPrintable(error));
    QCOMPARE(rows(connection, u"alphas"_s, {u"id"_s, u"a"_s, u"b"_s, u"p"_s, u"q"_s, u"e1"_s, u"e2"_s}),
             QStringList{u"1|A|2|P|Q|p|s"_s});
    QCOMPARE(rows(connection, u"betas"_s, {u"id"_s, u"x"_s, u"alphaId"_s}), QStringList{u"7|X|1"_s});
    const QString difference = differenceFromSync(engine, connection, before);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

void TestMigrationRenames::enumChanges() {
    QFETCH(QString, engine);
    const Schema before = enumDesign(false);
    const Schema after = enumDesign(true);
    const MigrationPlan plan = SchemaDiff::compare(before, after);
    QStringList losses;
    for (const MigrationStep &step : plan.dataLosingSteps())
        losses << step.description + u": "_s + step.lossReason;
    QCOMPARE(losses,
             QStringList({u"change the type of purchases.kind from ENUM('a','b') to ENUM('a'): removes "
                          "the value(s) b: rows holding one stop the migration (SQLite keeps them: its "
                          "column is TEXT)"_s,
                          u"change the type of purchases.label from STRING to ENUM('l1','l2'): a narrower "
                          "type: values that do not fit are cut or refused"_s}));
    MIGRATE_AND_COMPARE(engine, connection, before, after, {
        QVERIFY(insert(connection, u"orders"_s,
                       {u"id"_s, u"status"_s, u"kind"_s, u"label"_s, u"mood"_s, u"tone"_s},
                       {1, u"paid"_s, u"a"_s, u"l1"_s, u"y"_s, u"hi"_s}));
        QVERIFY(insert(connection, u"orders"_s, {u"id"_s, u"kind"_s}, {2, u"a"_s}));
    });
    QCOMPARE(rows(connection, u"purchases"_s,
                  {u"id"_s, u"status"_s, u"kind"_s, u"label"_s, u"mood"_s, u"pitch"_s}),
             QStringList({u"1|paid|a|l1|y|hi"_s, u"2|new|a|-|-|-"_s}));
    // NEW's values are the column's: 'cancelled' goes in, 'b' no longer does (but on SQLite, TEXT).
    QVERIFY(insert(connection, u"purchases"_s, {u"id"_s, u"status"_s}, {3, u"cancelled"_s}));
    // And back to OLD, the values kept (without the row holding 'cancelled', which OLD lacks: see
    // removedEnumValueInUse).
    QVERIFY(
        connection.execute(u"DELETE FROM %1 WHERE %2 = 3"_s.arg(connection.dialect().quote(u"purchases"_s),
                                                                connection.dialect().quote(u"id"_s)),
                           &error));
    QVERIFY2(MigrationRunner(connection).apply(SchemaDiff::compare(after, before), &error),
             qPrintable(error));
    QCOMPARE(
        rows(connection, u"orders"_s, {u"id"_s, u"status"_s, u"kind"_s, u"label"_s, u"mood"_s, u"tone"_s}),
        QStringList({u"1|paid|a|l1|y|hi"_s, u"2|new|a|-|-|-"_s}));
}

// A table renamed to the name of a table that goes away (dropped only at the end, so it moves aside first),
// and a column renamed to the name of a dropped column, both with an ENUM on PostgreSQL.
void TestMigrationRenames::takesADroppedName() {
    QFETCH(QString, engine);
    Schema before;
    before.models << model(u"mold"_s, u"old"_s, u"things"_s,
                           {field(u"fo"_s, u"state"_s, u"ENUM('o1','o2')"_s)})
                  << model(u"mnew"_s, u"new"_s, u"items"_s,
                           {field(u"fa"_s, u"a"_s, u"STRING"_s), field(u"fb"_s, u"b"_s, u"STRING"_s),
                            field(u"fs"_s, u"state"_s, u"ENUM('n1','n2')"_s)});
    Schema after;
    after.models << model(
        u"mnew"_s, u"new"_s, u"things"_s,
        {field(u"fb"_s, u"a"_s, u"STRING"_s), field(u"fs"_s, u"state"_s, u"ENUM('n1','n2')"_s)});
    MIGRATE_AND_COMPARE(engine, connection, before, after, {
        QVERIFY(insert(connection, u"things"_s, {u"id"_s, u"state"_s}, {1, u"o1"_s}));
        QVERIFY(insert(connection, u"items"_s, {u"id"_s, u"a"_s, u"b"_s, u"state"_s},
                       {5, u"A"_s, u"B"_s, u"n2"_s}));
    });
    QCOMPARE(rows(connection, u"things"_s, {u"id"_s, u"a"_s, u"state"_s}), QStringList{u"5|B|n2"_s});
}

void TestMigrationRenames::commentsFollowNew() {
    QFETCH(QString, engine);
    const auto design = [](bool changed) {
        Field set = field(u"f1"_s, u"plain"_s, u"STRING"_s);
        Field change = field(u"f2"_s, u"noted"_s, u"INTEGER"_s);
        Field drop = field(u"f3"_s, u"gone"_s, u"STRING"_s);
        Field added = field(u"f4"_s, u"added"_s, u"STRING"_s);
        change.comment = changed ? u"it's the new note"_s : u"old note"_s;
        if (changed) {
            set.comment = u"now noted"_s;
            added.comment = u"born noted"_s;
        } else {
            drop.comment = u"to be removed"_s;
        }
        Model m = model(u"mc"_s, u"card"_s, u"cards"_s, {set, change, drop});
        if (changed)
            m.fields << added;
        m.comment = changed ? u"the cards"_s : QString();
        Schema s;
        s.models << m;
        return s;
    };
    const MigrationPlan plan = SchemaDiff::compare(design(false), design(true));
    QStringList steps;
    for (const MigrationStep &step : plan.steps)
        steps << step.description;
    QVERIFY2(steps.contains(u"change the comment of table cards"_s) &&
                 steps.contains(u"change the comment of cards.noted"_s) &&
                 steps.contains(u"change the comment of cards.gone"_s),
             qPrintable(steps.join(u'\n')));
    MIGRATE_AND_COMPARE(engine, connection, design(false), design(true), {
        QVERIFY(insert(connection, u"cards"_s, {u"id"_s, u"plain"_s, u"noted"_s}, {1, u"p"_s, 4}));
    });
    QCOMPARE(rows(connection, u"cards"_s, {u"id"_s, u"plain"_s, u"noted"_s}), QStringList{u"1|p|4"_s});
    QVERIFY2(MigrationRunner(connection).apply(SchemaDiff::compare(design(true), design(false)), &error),
             qPrintable(error));
    const QString difference = differenceFromSync(engine, connection, design(false));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

void TestMigrationRenames::removedEnumValueInUse() {
    QFETCH(QString, engine);
    MODELDESK_SCRATCH_DATABASE(scratch, engine);
    QString error;
    DatabaseConnection connection(scratch.connectionUrl());
    QVERIFY2(connection.open(&error), qPrintable(error));
    const Schema before = enumDesign(false);
    Schema after = before;
    after.models[0].fields[1].type = *DataType::parse(u"ENUM('a')"_s);
    QVERIFY2(sync(connection, before, &error), qPrintable(error));
    QVERIFY(insert(connection, u"orders"_s, {u"id"_s, u"kind"_s}, {1, u"b"_s}));
    const QStringList catalogBefore = catalogText(connection);
    const bool ok = MigrationRunner(connection).apply(SchemaDiff::compare(before, after), &error);
    if (connection.dialect().kind() == SqlDialect::Kind::Sqlite) {
        QVERIFY2(ok, qPrintable(error)); // TEXT: the value stays
        QCOMPARE(rows(connection, u"orders"_s, {u"id"_s, u"kind"_s}), QStringList{u"1|b"_s});
        return;
    }
    QVERIFY(!ok);
    QVERIFY2(error.contains(u"kind"_s) || error.contains(u"\"b\""_s), qPrintable(error));
    QCOMPARE(catalogText(connection), catalogBefore);
    QCOMPARE(rows(connection, u"orders"_s, {u"id"_s, u"kind"_s}), QStringList{u"1|b"_s});
}

QTEST_GUILESS_MAIN(TestMigrationRenames)
#include "tst_migrationrenames.moc"
