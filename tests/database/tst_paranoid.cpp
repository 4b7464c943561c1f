// A paranoid model's records are marked deleted, never removed, and are then gone for every read — as
// Sequelize's findByPk (null) and include ([]) treat them — on SQLite, PostgreSQL and MariaDB: an update that
// no longer lists such a child soft-deletes it, a load no longer returns it, a second update leaves its
// deletedAt alone, and deleting it again finds nothing. A list may ask for them (saying when each was
// deleted), a load may ask for one, and restore() brings one back — only that one, as Sequelize's
// instance.restore() does.
#include "records/recordbrowser.h"
#include "records/recordstore.h"
#include "schema/fieldvalue.h"
#include "support/savetestsupport.h"
#include "support/scratchdatabase.h"
#include "support/testsupport.h"

#include <QTest>

using namespace modeldesk;
using namespace modeldesk::test;
using namespace Qt::StringLiterals;

namespace {

// author hasMany note (CASCADE); note is paranoid, and author too when asked.
Schema notebook(bool paranoidAuthor = false) {
    Model author{u"author"_s};
    author.fields << Field{u"name"_s, DataType::string()};
    author.paranoid = paranoidAuthor;
    Model note{u"note"_s};
    note.fields << Field{u"text"_s, DataType::string()};
    note.paranoid = true;
    Link notes{Link::Kind::HasMany, u"author"_s, u"note"_s};
    notes.as = u"notes"_s;
    notes.foreignKey = u"authorId"_s;
    notes.onDelete = u"CASCADE"_s;
    Schema schema;
    schema.models = {author, note};
    schema.links = {notes};
    return schema;
}

// How many notes match `condition`, written with {deletedAt}, {updatedAt} and {id} for the quoted column
// names.
qint64 notesWhere(DatabaseConnection &connection, QString condition) {
    const SqlDialect d = connection.dialect();
    condition.replace(u"{deletedAt}"_s, d.quote(u"deletedAt"_s))
        .replace(u"{updatedAt}"_s, d.quote(u"updatedAt"_s))
        .replace(u"{id}"_s, d.quote(u"id"_s));
    return rowCount(connection, u"notes"_s, u" WHERE "_s + condition);
}

qint64 authorsWhere(DatabaseConnection &connection, QString condition) {
    const SqlDialect d = connection.dialect();
    condition.replace(u"{deletedAt}"_s, d.quote(u"deletedAt"_s))
        .replace(u"{updatedAt}"_s, d.quote(u"updatedAt"_s));
    return rowCount(connection, u"authors"_s, u" WHERE "_s + condition);
}

QDateTime at(int year) {
    return QDateTime(QDate(year, 5, 6), QTime(7, 8, 9), Qt::UTC);
}

} // namespace

class TestParanoid : public QObject {
    Q_OBJECT

private slots:
    void droppedChildIsSoftDeletedAndGone_data() { addEngineRows(); }
    void droppedChildIsSoftDeletedAndGone();
    void deletedRecordsListedAndLoadedOnRequest_data() { addEngineRows(); }
    void deletedRecordsListedAndLoadedOnRequest();
    void restoreBringsBackOnlyThatRecord_data() { addEngineRows(); }
    void restoreBringsBackOnlyThatRecord();
};

void TestParanoid::droppedChildIsSoftDeletedAndGone() {
    QFETCH(QString, engine);
    MODELDESK_SCRATCH_DATABASE(scratch, engine);
    const Schema schema = notebook();
    DatabaseConnection connection(scratch.connectionUrl());
    QString error;
    QVERIFY2(openAndSync(connection, schema, &error), qPrintable(error));
    RecordStore store(schema, connection);
    const RecordResult saved =
        store.save(u"author"_s, json(R"({"name": "Ann", "notes": [{"text": "keep"}, {"text": "drop"}]})"));
    QVERIFY2(saved.ok, qPrintable(saved.errorString()));
    const QJsonValue authorId = saved.record().value(u"id"_s);
    const QJsonValue keptId = jsonAt(saved.record(), u"notes/0/id"_s);
    const QJsonValue droppedId = jsonAt(saved.record(), u"notes/1/id"_s);

    // The update lists only the first note: the second is marked deleted, not removed.
    QJsonObject change{{u"id"_s, authorId},
                       {u"notes"_s, QJsonArray{QJsonObject{{u"id"_s, keptId}, {u"text"_s, u"keep"_s}}}}};
    RecordResult updated = store.update(u"author"_s, change);
    QVERIFY2(updated.ok, qPrintable(updated.errorString()));
    QCOMPARE(rowCount(connection, u"notes"_s), 2);
    QCOMPARE(notesWhere(connection, u"{deletedAt} IS NOT NULL"_s), 1);
    QCOMPARE(notesWhere(connection, u"{id} = %1 AND {deletedAt} IS NOT NULL"_s.arg(droppedId.toInteger())),
             1);
    // The graph returned (as reloaded) and a load both leave it out; loading it gives nothing.
    QCOMPARE(updated.record().value(u"notes"_s).toArray().size(), 1);
    RecordResult loaded = store.load(u"author"_s, authorId);
    QVERIFY2(loaded.ok, qPrintable(loaded.errorString()));
    QCOMPARE(loaded.record().value(u"notes"_s).toArray().size(), 1);
    QCOMPARE(jsonAt(loaded.record(), u"notes/0/id"_s), keptId);
    QVERIFY(!store.load(u"note"_s, droppedId).ok);
    QVERIFY(store.load(u"note"_s, keptId).ok);

    // A second update neither lists it nor marks it again: its deletedAt stays what it was.
    store.setClock([] { return QDateTime(QDate(2031, 1, 2), QTime(3, 4, 5), Qt::UTC); });
    updated = store.update(u"author"_s, change);
    QVERIFY2(updated.ok, qPrintable(updated.errorString()));
    QCOMPARE(notesWhere(connection, u"{deletedAt} >= '2031-01-01'"_s), 0);

    // Deleting it again finds nothing, and leaves it as it was; the kept note is deleted softly.
    const RecordResult again = store.remove(u"note"_s, droppedId);
    QVERIFY(!again.ok);
    QVERIFY2(again.errorString().contains(u"there is no note"_s), qPrintable(again.errorString()));
    QCOMPARE(notesWhere(connection, u"{deletedAt} >= '2031-01-01'"_s), 0);
    store.setClock([] { return QDateTime(QDate(2032, 1, 2), QTime(3, 4, 5), Qt::UTC); });
    const RecordResult removed = store.remove(u"note"_s, keptId);
    QVERIFY2(removed.ok, qPrintable(removed.errorString()));
    QCOMPARE(rowCount(connection, u"notes"_s), 2);
    QCOMPARE(notesWhere(connection, u"{deletedAt} >= '2031-01-01'"_s), 1);
    // Marking it deleted writes it: updatedAt moves too, as Sequelize's destroy() saves both.
    QCOMPARE(notesWhere(connection, u"{deletedAt} >= '2032-01-01' AND {updatedAt} >= '2032-01-01'"_s), 1);
    QCOMPARE(store.load(u"author"_s, authorId).record().value(u"notes"_s).toArray().size(), 0);
}

// Lists hide deleted records unless asked (then each row says when it was deleted, and a search finds
// them too); pickers never offer them; a load finds one only when asked, still without its deleted links.
void TestParanoid::deletedRecordsListedAndLoadedOnRequest() {
    QFETCH(QString, engine);
    MODELDESK_SCRATCH_DATABASE(scratch, engine);
    const Schema schema = notebook();
    DatabaseConnection connection(scratch.connectionUrl());
    QString error;
    QVERIFY2(openAndSync(connection, schema, &error), qPrintable(error));
    RecordStore store(schema, connection);
    const RecordResult saved = store.save(
        u"author"_s,
        json(R"({"name": "Ann", "notes": [{"text": "alpha"}, {"text": "beta"}, {"text": "gamma"}]})"));
    QVERIFY2(saved.ok, qPrintable(saved.errorString()));
    const QJsonValue authorId = saved.record().value(u"id"_s);
    const QJsonValue betaId = jsonAt(saved.record(), u"notes/1/id"_s);
    store.setClock([] { return at(2030); });
    QVERIFY(store.remove(u"note"_s, betaId).ok);

    RecordBrowser browser(store.resolvedSchema(), connection);
    QVERIFY(browser.keepsDeleted(u"note"_s));
    QVERIFY(!browser.keepsDeleted(u"author"_s));
    BrowseQuery query{u"note"_s};
    auto page = browser.page(query, &error);
    QVERIFY2(page, qPrintable(error));
    QCOMPARE(page->rows.size(), 2);
    QVERIFY(page->deletedAtIndex >= 0);
    QCOMPARE(page->attributes.at(page->deletedAtIndex), u"deletedAt"_s);
    QVERIFY(page->deletedAt(0).isNull() && page->deletedAt(1).isNull());

    QCOMPARE(browser.count(query, &error), std::optional<qint64>(2));

    query.withDeleted = true;
    page = browser.page(query, &error);
    QVERIFY2(page, qPrintable(error));
    QCOMPARE(page->rows.size(), 3);
    QCOMPARE(browser.count(query, &error), std::optional<qint64>(3));
    QCOMPARE(page->rows.at(1).at(page->keyIndex), betaId); // in key order, among the others
    QVERIFY(page->deletedAt(0).isNull() && page->deletedAt(2).isNull());
    QVERIFY2(page->deletedAt(1).toString().startsWith(u"2030-05-06T07:08:09"_s),
             qPrintable(page->deletedAt(1).toString()));
    query.search = u"bet"_s;
    page = browser.page(query, &error);
    QVERIFY2(page, qPrintable(error));
    QCOMPARE(page->rows.size(), 1);
    QCOMPARE(browser.count(query, &error), std::optional<qint64>(1)); // the search counts too
    query.withDeleted = false;
    QCOMPARE(browser.page(query, &error)->rows.size(), 0);
    QCOMPARE(browser.count(query, &error), std::optional<qint64>(0));
    // A model that is not paranoid has no deletedAt to show.
    QCOMPARE(browser.page(BrowseQuery{u"author"_s, {}, {}, false, 0, 10, true}, &error)->deletedAtIndex, -1);
    const auto choices = browser.choices(u"note"_s, QString(), 100, &error);
    QVERIFY2(choices, qPrintable(error));
    QCOMPARE(choices->size(), 2);

    QVERIFY(!store.load(u"note"_s, betaId).ok);
    const RecordResult deleted = store.load(u"note"_s, betaId, 1, true);
    QVERIFY2(deleted.ok, qPrintable(deleted.errorString()));
    QCOMPARE(deleted.record().value(u"text"_s).toString(), u"beta"_s);
    QVERIFY(deleted.record().value(u"deletedAt"_s).isString());
    // Asking for deleted records is about the record itself: its links still leave deleted ones out.
    const RecordResult author = store.load(u"author"_s, authorId, 1, true);
    QVERIFY2(author.ok, qPrintable(author.errorString()));
    QCOMPARE(author.record().value(u"notes"_s).toArray().size(), 2);
}

// restore() sets deletedAt back to NULL and updatedAt to now (instance.restore() saves the instance), for
// that record only: a note deleted before its author stays deleted when the author comes back, as in
// Sequelize, until restored itself. A record that is not deleted, or not there, is not found; a model that
// is not paranoid is refused before any SQL.
void TestParanoid::restoreBringsBackOnlyThatRecord() {
    QFETCH(QString, engine);
    MODELDESK_SCRATCH_DATABASE(scratch, engine);
    const Schema schema = notebook(true);
    DatabaseConnection connection(scratch.connectionUrl());
    QString error;
    QVERIFY2(openAndSync(connection, schema, &error), qPrintable(error));
    RecordStore store(schema, connection);
    store.setClock([] { return at(2030); });
    const RecordResult saved =
        store.save(u"author"_s, json(R"({"name": "Ann", "notes": [{"text": "kept"}, {"text": "dropped"}]})"));
    QVERIFY2(saved.ok, qPrintable(saved.errorString()));
    const QJsonValue authorId = saved.record().value(u"id"_s);
    const QJsonValue keptId = jsonAt(saved.record(), u"notes/0/id"_s);
    const QJsonValue droppedId = jsonAt(saved.record(), u"notes/1/id"_s);
    QVERIFY(store.remove(u"note"_s, droppedId).ok);
    QVERIFY(store.remove(u"author"_s, authorId).ok);
    QVERIFY(!store.load(u"author"_s, authorId).ok);

    store.setClock([] { return at(2031); });
    const RecordResult restored = store.restore(u"author"_s, authorId);
    QVERIFY2(restored.ok, qPrintable(restored.errorString()));
    QCOMPARE(restored.record(), (QJsonObject{{u"id"_s, authorId}}));
    QCOMPARE(authorsWhere(connection, u"{deletedAt} IS NULL AND {updatedAt} >= '2031-01-01'"_s), 1);
    RecordResult loaded = store.load(u"author"_s, authorId);
    QVERIFY2(loaded.ok, qPrintable(loaded.errorString()));
    QCOMPARE(loaded.record().value(u"notes"_s).toArray().size(), 1);
    QCOMPARE(jsonAt(loaded.record(), u"notes/0/id"_s), keptId);
    QCOMPARE(notesWhere(connection, u"{deletedAt} IS NOT NULL"_s), 1);

    // Restoring again, or a note that is not deleted, or one that is not there: not found, nothing written.
    store.setClock([] { return at(2032); });
    for (const auto &[model, key] : {std::pair{u"author"_s, authorId}, std::pair{u"note"_s, keptId},
                                     std::pair{u"note"_s, QJsonValue(987654)}}) {
        const RecordResult again = store.restore(model, key);
        QVERIFY(!again.ok);
        QVERIFY(!again.validationFailed);
        QVERIFY2(again.errorString() ==
                     u"there is no deleted %1 with key %2"_s.arg(model, FieldValue::keyText(key)),
                 qPrintable(again.errorString()));
    }
    QCOMPARE(authorsWhere(connection, u"{updatedAt} >= '2032-01-01'"_s), 0);

    // The note deleted before comes back on its own, under its author.
    const RecordResult note = store.restore(u"note"_s, droppedId);
    QVERIFY2(note.ok, qPrintable(note.errorString()));
    QCOMPARE(notesWhere(connection, u"{deletedAt} IS NOT NULL"_s), 0);
    loaded = store.load(u"author"_s, authorId);
    QCOMPARE(loaded.record().value(u"notes"_s).toArray().size(), 2);

    // A model that is not paranoid has nothing to restore: refused with the reason, before any SQL.
    const Schema plain = notebook(false);
    RecordStore plainStore(plain, connection);
    const RecordResult refused = plainStore.restore(u"author"_s, authorId);
    QVERIFY(!refused.ok);
    QVERIFY(refused.validationFailed);
    QCOMPARE(refused.errorString(),
             u"author is not paranoid: its deleted records are gone for good, there is nothing to restore"_s);
    QVERIFY(!store.restore(u"nobody"_s, authorId).ok);
}

QTEST_GUILESS_MAIN(TestParanoid)
#include "tst_paranoid.moc"
