// A paranoid model's records are marked deleted, never removed, and are then gone for every read — as
// Sequelize's findByPk (null) and include ([]) treat them — on SQLite, PostgreSQL and MariaDB: an update that
// no longer lists such a child soft-deletes it, a load no longer returns it, a second update leaves its
// deletedAt alone, and deleting it again finds nothing.
#include "records/recordstore.h"
#include "support/savetestsupport.h"
#include "support/scratchdatabase.h"
#include "support/testsupport.h"

#include <QTest>

using namespace modeldesk;
using namespace modeldesk::test;
using namespace Qt::StringLiterals;

namespace {

// author hasMany note (CASCADE); note is paranoid.
Schema notebook() {
    Model author{u"author"_s};
    author.fields << Field{u"name"_s, DataType::string()};
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

} // namespace

class TestParanoid : public QObject {
    Q_OBJECT

private slots:
    void droppedChildIsSoftDeletedAndGone_data() { addEngineRows(); }
    void droppedChildIsSoftDeletedAndGone();
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

QTEST_GUILESS_MAIN(TestParanoid)
#include "tst_paranoid.moc"
