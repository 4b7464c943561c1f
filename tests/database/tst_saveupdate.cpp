// Saved graphs changed afterwards, on SQLite, PostgreSQL and MariaDB: load to a depth, update (changed
// fields, new and dropped children per onDelete, junction rows and their values), delete; and batches where
// one graph fails while the others land.
#include "records/recordstore.h"
#include "support/savetestsupport.h"
#include "support/scratchdatabase.h"
#include "support/testsupport.h"

#include <QTest>

using namespace modeldesk;
using namespace modeldesk::test;

class TestSaveUpdate : public QObject {
    Q_OBJECT

private slots:
    void updateLoadDelete_data() { addEngineRows(); }
    void updateLoadDelete();
    void batchIsolatesFailures_data() { addEngineRows(); }
    void batchIsolatesFailures();
    void nullAliasUnlinks_data() { addEngineRows(); }
    void nullAliasUnlinks();
    void partialJunctionValues_data() { addEngineRows(); }
    void partialJunctionValues();
    void refusedDeleteNamesTheLink_data() { addEngineRows(); }
    void refusedDeleteNamesTheLink();
    void unchangedValuesAreNotWritten_data() { addEngineRows(); }
    void unchangedValuesAreNotWritten();
    void underscoredTimestampAttributes_data() { addEngineRows(); }
    void underscoredTimestampAttributes();
};

// An update writes only what differs from the stored rows, as Sequelize's save() does: the whole graph as
// loaded, given back unchanged, writes nothing (no updatedAt moves, no junction row is touched); one changed
// value rewrites that record alone. A key with no record is refused by name. What save() returns shows
// decimals as stored, as load() does.
void TestSaveUpdate::unchangedValuesAreNotWritten() {
    QFETCH(QString, engine);
    MODELDESK_SCRATCH_DATABASE(scratch, engine);
    const Project project = loadExample(QStringLiteral("shop"));
    DatabaseConnection connection(scratch.connectionUrl());
    QString error;
    QVERIFY2(openAndSync(connection, project.schema, &error), qPrintable(error));
    RecordStore store(project.schema, connection);
    QDateTime now(QDate(2030, 1, 2), QTime(3, 4, 5), Qt::UTC);
    store.setClock([&now] { return now; });
    const RecordResult saved = store.save(QStringLiteral("customer"),
                                          shopGraph(QStringLiteral("n@example.com"), QStringLiteral("N-1")));
    QVERIFY2(saved.ok, qPrintable(saved.errorString()));
    const QJsonValue customerId = saved.record().value(QStringLiteral("id"));
    const RecordResult loaded = store.load(QStringLiteral("customer"), customerId, 2);
    QVERIFY2(loaded.ok, qPrintable(loaded.errorString()));
    // "total": 0 went in as a number; both say it as the DECIMAL(10,2) holds it.
    QCOMPARE(jsonAt(saved.record(), QStringLiteral("orders/1/total")), QJsonValue(QStringLiteral("0.00")));
    QCOMPARE(jsonAt(loaded.record(), QStringLiteral("orders/1/total")), QJsonValue(QStringLiteral("0.00")));
    QCOMPARE(jsonAt(saved.record(), QStringLiteral("orders/0/total")),
             jsonAt(loaded.record(), QStringLiteral("orders/0/total")));

    const ResolvedSchema resolved = SchemaResolver::resolve(project.schema);
    const QStringList before = snapshot(connection, resolved);
    now = now.addSecs(3600);
    const RecordResult same = store.update(QStringLiteral("customer"), loaded.record());
    QVERIFY2(same.ok, qPrintable(same.errorString()));
    QCOMPARE(snapshot(connection, resolved), before);
    QCOMPARE(same.record(), loaded.record());

    // Equal values in other spellings are still equal: 12.5 for "12.50", a number for a number.
    QJsonObject spelled{{QStringLiteral("id"), jsonAt(loaded.record(), QStringLiteral("orders/0/id"))},
                        {QStringLiteral("total"), 12.5},
                        {QStringLiteral("status"), QStringLiteral("paid")}};
    QVERIFY2(store.update(QStringLiteral("order"), spelled).ok, "unchanged order");
    QCOMPARE(snapshot(connection, resolved), before);

    // One changed value: that record (and its updatedAt) alone.
    QJsonObject changed = loaded.record();
    QJsonArray orders = changed.value(QStringLiteral("orders")).toArray();
    QJsonObject first = orders.at(0).toObject();
    first.insert(QStringLiteral("status"), QStringLiteral("shipped"));
    orders.replace(0, first);
    changed.insert(QStringLiteral("orders"), orders);
    const RecordResult one = store.update(QStringLiteral("customer"), changed);
    QVERIFY2(one.ok, qPrintable(one.errorString()));
    QCOMPARE(jsonAt(one.record(), QStringLiteral("updatedAt")),
             jsonAt(loaded.record(), QStringLiteral("updatedAt")));
    QCOMPARE(jsonAt(one.record(), QStringLiteral("orders/1/updatedAt")),
             jsonAt(loaded.record(), QStringLiteral("orders/1/updatedAt")));
    QCOMPARE(jsonAt(one.record(), QStringLiteral("orders/0/updatedAt")),
             QJsonValue(QStringLiteral("2030-01-02T04:04:05.000Z")));
    QCOMPARE(jsonAt(one.record(), QStringLiteral("orders/0/products/0/orderItem/updatedAt")),
             jsonAt(loaded.record(), QStringLiteral("orders/0/products/0/orderItem/updatedAt")));

    // A key that names no record is refused by name, even when nothing would change.
    const RecordResult missing =
        store.update(QStringLiteral("customer"), QJsonObject{{QStringLiteral("id"), 987654}});
    QVERIFY(!missing.ok);
    QVERIFY2(missing.errorString().contains(QStringLiteral("there is no customer with key 987654")),
             qPrintable(missing.errorString()));
}

// An underscored model's timestamps are the attributes createdAt / updatedAt / deletedAt in Sequelize, in the
// columns created_at / updated_at / deleted_at: a save returns them under the attribute names, and an update
// that gives them back (as a loaded record has them) is accepted.
void TestSaveUpdate::underscoredTimestampAttributes() {
    QFETCH(QString, engine);
    MODELDESK_SCRATCH_DATABASE(scratch, engine);
    Schema schema;
    Model note{QStringLiteral("note")};
    note.underscored = true;
    note.paranoid = true;
    note.fields << Field{QStringLiteral("bodyText"), DataType::string()};
    schema.models = {note};
    DatabaseConnection connection(scratch.connectionUrl());
    QString error;
    QVERIFY2(openAndSync(connection, schema, &error), qPrintable(error));
    RecordStore store(schema, connection);
    const RecordResult saved = store.save(QStringLiteral("note"), json(R"({"bodyText": "hello"})"));
    QVERIFY2(saved.ok, qPrintable(saved.errorString()));
    for (const char *attribute : {"createdAt", "updatedAt", "deletedAt"})
        QVERIFY2(saved.record().contains(QLatin1String(attribute)), attribute);
    QVERIFY(!saved.record().contains(QStringLiteral("created_at")));
    const RecordResult loaded =
        store.load(QStringLiteral("note"), saved.record().value(QStringLiteral("id")));
    QVERIFY2(loaded.ok, qPrintable(loaded.errorString()));
    QCOMPARE(loaded.record().value(QStringLiteral("createdAt")),
             saved.record().value(QStringLiteral("createdAt")));
    QJsonObject change = loaded.record();
    change.insert(QStringLiteral("bodyText"), QStringLiteral("bye"));
    const RecordResult updated = store.update(QStringLiteral("note"), change);
    QVERIFY2(updated.ok, qPrintable(updated.errorString()));
    QCOMPARE(updated.record().value(QStringLiteral("bodyText")).toString(), QStringLiteral("bye"));
    QCOMPARE(rowCount(connection, QStringLiteral("notes"), QStringLiteral(" WHERE created_at IS NOT NULL")),
             1);
    const RecordResult wrong = store.save(QStringLiteral("note"), json(R"({"created_at": "2030-01-01"})"));
    QVERIFY(!wrong.ok);
    QVERIFY2(wrong.errorString().contains(QStringLiteral("unknown key")), qPrintable(wrong.errorString()));
}

// A delete that a RESTRICT key refuses says which link's records block it and how many, on every engine
// (SQLite's own message is only "FOREIGN KEY constraint failed"); nothing is deleted.
void TestSaveUpdate::refusedDeleteNamesTheLink() {
    QFETCH(QString, engine);
    MODELDESK_SCRATCH_DATABASE(scratch, engine);
    Schema schema;
    Model country{QStringLiteral("country")};
    country.fields << Field{QStringLiteral("name"), DataType::string()};
    Model embassy{QStringLiteral("embassy")};
    embassy.fields << Field{QStringLiteral("name"), DataType::string()};
    Link host{Link::Kind::BelongsTo, QStringLiteral("embassy"), QStringLiteral("country")};
    host.as = QStringLiteral("host");
    host.foreignKey = QStringLiteral("hostId");
    host.onDelete = QStringLiteral("RESTRICT");
    schema.models = {country, embassy};
    schema.links = {host};
    DatabaseConnection connection(scratch.connectionUrl());
    QString error;
    QVERIFY2(openAndSync(connection, schema, &error), qPrintable(error));
    RecordStore store(schema, connection);
    const RecordResult saved =
        store.save(QStringLiteral("embassy"), json(R"({"name": "E1", "host": {"name": "Utopia"}})"));
    QVERIFY2(saved.ok, qPrintable(saved.errorString()));
    QVERIFY(store
                .save(QStringLiteral("embassy"),
                      json(R"({"name": "E2", "hostId": )" +
                           QByteArray::number(jsonAt(saved.record(), QStringLiteral("host/id")).toInteger()) +
                           "}"))
                .ok);
    const RecordResult refused =
        store.remove(QStringLiteral("country"), jsonAt(saved.record(), QStringLiteral("host/id")));
    QVERIFY(!refused.ok);
    QVERIFY2(refused.errorString().contains(QStringLiteral(
                 "2 embassy record(s) refer to it through hostId (embassy.host, ON DELETE RESTRICT)")),
             qPrintable(refused.errorString()));
    QCOMPARE(rowCount(connection, QStringLiteral("countries")), 1);
    QCOMPARE(rowCount(connection, QStringLiteral("embassies")), 2);
}

// An already linked item of a belongsToMany takes a partial junction value: only that value changes (the
// shop's {"orderItem": {"quantity": 7}} used to fail with "unitPrice: cannot be null"). A new link still
// needs every required junction value.
void TestSaveUpdate::partialJunctionValues() {
    QFETCH(QString, engine);
    MODELDESK_SCRATCH_DATABASE(scratch, engine);
    const Project project = loadExample(QStringLiteral("shop"));
    DatabaseConnection connection(scratch.connectionUrl());
    QString error;
    QVERIFY2(openAndSync(connection, project.schema, &error), qPrintable(error));
    RecordStore store(project.schema, connection);
    const RecordResult saved = store.save(QStringLiteral("customer"),
                                          shopGraph(QStringLiteral("j@example.com"), QStringLiteral("J-1")));
    QVERIFY2(saved.ok, qPrintable(saved.errorString()));
    const QJsonValue orderId = jsonAt(saved.record(), QStringLiteral("orders/0/id"));
    const QJsonValue productId = jsonAt(saved.record(), QStringLiteral("orders/0/products/0/id"));
    QJsonObject change{{QStringLiteral("id"), orderId},
                       {QStringLiteral("products"),
                        QJsonArray{QJsonObject{
                            {QStringLiteral("id"), productId},
                            {QStringLiteral("orderItem"), QJsonObject{{QStringLiteral("quantity"), 7}}}}}}};
    const RecordResult updated = store.update(QStringLiteral("order"), change);
    QVERIFY2(updated.ok, qPrintable(updated.errorString()));
    const QJsonObject item = jsonAt(updated.record(), QStringLiteral("products/0/orderItem")).toObject();
    QCOMPARE(item.value(QStringLiteral("quantity")).toInteger(), 7);
    QCOMPARE(item.value(QStringLiteral("unitPrice")).toString(), QStringLiteral("2.50"));

    // A product not linked yet, with the same partial value: its junction row would lack unitPrice.
    const RecordResult other = store.save(QStringLiteral("customer"),
                                          shopGraph(QStringLiteral("k@example.com"), QStringLiteral("K-1")));
    QVERIFY2(other.ok, qPrintable(other.errorString()));
    QJsonArray products = change.value(QStringLiteral("products")).toArray();
    products.append(
        QJsonObject{{QStringLiteral("id"), jsonAt(other.record(), QStringLiteral("orders/0/products/0/id"))},
                    {QStringLiteral("orderItem"), QJsonObject{{QStringLiteral("quantity"), 1}}}});
    change.insert(QStringLiteral("products"), products);
    const RecordResult refused = store.update(QStringLiteral("order"), change);
    QVERIFY(!refused.ok);
    QVERIFY2(refused.errorString().contains(QStringLiteral("products[1].orderItem.unitPrice")),
             qPrintable(refused.errorString()));
}

// An alias given as null in an update takes the link away: a hasOne child goes as its onDelete says (here it
// is deleted), a belongsTo's key becomes NULL — or, when that key is required, the update is refused and
// nothing changes. (In a create, null still just means "no linked record".)
void TestSaveUpdate::nullAliasUnlinks() {
    QFETCH(QString, engine);
    MODELDESK_SCRATCH_DATABASE(scratch, engine);
    const Project project = loadExample(QStringLiteral("shop"));
    DatabaseConnection connection(scratch.connectionUrl());
    QString error;
    QVERIFY2(openAndSync(connection, project.schema, &error), qPrintable(error));
    RecordStore store(project.schema, connection);
    const RecordResult saved = store.save(QStringLiteral("customer"),
                                          shopGraph(QStringLiteral("n@example.com"), QStringLiteral("N-1")));
    QVERIFY2(saved.ok, qPrintable(saved.errorString()));
    const QJsonValue customerId = saved.record().value(QStringLiteral("id"));
    QCOMPARE(rowCount(connection, QStringLiteral("profiles")), 1);

    // "profile": null removes the customer's profile (customer hasOne profile, CASCADE).
    RecordResult updated = store.update(
        QStringLiteral("customer"),
        json(R"({"id": )" + QByteArray::number(customerId.toInteger()) + R"(, "profile": null})"));
    QVERIFY2(updated.ok, qPrintable(updated.errorString()));
    QCOMPARE(rowCount(connection, QStringLiteral("profiles")), 0);
    QVERIFY(updated.record().value(QStringLiteral("profile")).isNull());

    // An order's customer is required: "customer": null is refused with the reason, and nothing changes.
    const QJsonValue orderId = jsonAt(saved.record(), QStringLiteral("orders/0/id"));
    const QStringList before = snapshot(connection, store.resolvedSchema());
    updated =
        store.update(QStringLiteral("order"),
                     json(R"({"id": )" + QByteArray::number(orderId.toInteger()) + R"(, "customer": null})"));
    QVERIFY(!updated.ok);
    QCOMPARE(updated.problems.first().path, QStringLiteral("customer"));
    QVERIFY2(updated.errorString().contains(QStringLiteral("customerId is required")),
             qPrintable(updated.errorString()));
    QCOMPARE(snapshot(connection, store.resolvedSchema()), before);

    // A profile's customer is optional: "customer": null sets its key to NULL and keeps the profile.
    const RecordResult other = store.save(QStringLiteral("customer"),
                                          shopGraph(QStringLiteral("o@example.com"), QStringLiteral("O-1")));
    QVERIFY2(other.ok, qPrintable(other.errorString()));
    const QJsonValue profileId = jsonAt(other.record(), QStringLiteral("profile/id"));
    updated = store.update(
        QStringLiteral("profile"),
        json(R"({"id": )" + QByteArray::number(profileId.toInteger()) + R"(, "customer": null})"));
    QVERIFY2(updated.ok, qPrintable(updated.errorString()));
    QCOMPARE(rowCount(connection, QStringLiteral("profiles")), 1);
    QCOMPARE(rowCount(connection, QStringLiteral("profiles"),
                      QStringLiteral(" WHERE ") + connection.dialect().quote(QStringLiteral("customerId")) +
                          QStringLiteral(" IS NULL")),
             1);
    QVERIFY(updated.record().value(QStringLiteral("customerId")).isNull());
}

void TestSaveUpdate::updateLoadDelete() {
    QFETCH(QString, engine);
    MODELDESK_SCRATCH_DATABASE(scratch, engine);
    const Project project = loadExample(QStringLiteral("shop"));
    DatabaseConnection connection(scratch.connectionUrl());
    QString error;
    QVERIFY2(openAndSync(connection, project.schema, &error), qPrintable(error));
    RecordStore controller(project.schema, connection);
    const RecordResult saved = controller.save(
        QStringLiteral("customer"), shopGraph(QStringLiteral("u@example.com"), QStringLiteral("U-1")));
    QVERIFY2(saved.ok, qPrintable(saved.errorString()));
    const QJsonValue customerId = saved.record().value(QStringLiteral("id"));
    const QJsonArray orders = saved.record().value(QStringLiteral("orders")).toArray();
    QCOMPARE(orders.size(), 2);
    const QJsonValue productId = jsonAt(orders, QStringLiteral("0/products/0/id"));
    QCOMPARE(productId.toString().size(), 36); // UUIDV4, generated like Sequelize

    // Load with depth 2: customer -> orders -> products.
    RecordResult loaded = controller.load(QStringLiteral("customer"), customerId, 2);
    QVERIFY2(loaded.ok, qPrintable(loaded.errorString()));
    QCOMPARE(
        loaded.record().value(QStringLiteral("profile")).toObject().value(QStringLiteral("bio")).toString(),
        QStringLiteral("hi"));
    QCOMPARE(loaded.record().value(QStringLiteral("orders")).toArray().size(), 2);
    QCOMPARE(jsonAt(loaded.record(), QStringLiteral("orders/0/products")).toArray().size(), 1);
    QCOMPARE(jsonAt(loaded.record(), QStringLiteral("orders/0/total")).toString(), QStringLiteral("12.50"));
    // Each linked product carries its junction row under the through model's name, as in Sequelize.
    const QJsonObject item =
        jsonAt(loaded.record(), QStringLiteral("orders/0/products/0/orderItem")).toObject();
    QCOMPARE(item.value(QStringLiteral("unitPrice")).toString(), QStringLiteral("2.50"));
    QCOMPARE(item.value(QStringLiteral("quantity")).toInteger(), 5);
    QCOMPARE(item.value(QStringLiteral("productId")), productId);

    // Update: rename, change the first order, drop the second (orders cascade), add a new one.
    QJsonObject change;
    change.insert(QStringLiteral("id"), customerId);
    change.insert(QStringLiteral("name"), QStringLiteral("Ada L."));
    QJsonObject firstOrder;
    firstOrder.insert(QStringLiteral("id"), orders.at(0).toObject().value(QStringLiteral("id")));
    firstOrder.insert(QStringLiteral("status"), QStringLiteral("shipped"));
    change.insert(QStringLiteral("orders"), QJsonArray{firstOrder, json(R"({"total": "3.00"})")});
    RecordResult updated = controller.update(QStringLiteral("customer"), change);
    QVERIFY2(updated.ok, qPrintable(updated.errorString()));
    QCOMPARE(updated.record().value(QStringLiteral("name")).toString(), QStringLiteral("Ada L."));
    const QJsonArray newOrders = updated.record().value(QStringLiteral("orders")).toArray();
    QCOMPARE(newOrders.size(), 2);
    QCOMPARE(newOrders.at(0).toObject().value(QStringLiteral("status")).toString(),
             QStringLiteral("shipped"));
    QCOMPARE(newOrders.at(1).toObject().value(QStringLiteral("total")).toString(), QStringLiteral("3.00"));
    QVERIFY(newOrders.at(1).toObject().value(QStringLiteral("id")) !=
            orders.at(1).toObject().value(QStringLiteral("id")));
    QCOMPARE(rowCount(connection, QStringLiteral("orders")), 2);

    // Unlink the product from the first order: the junction row goes, the product stays.
    QJsonObject unlink;
    unlink.insert(QStringLiteral("id"), orders.at(0).toObject().value(QStringLiteral("id")));
    unlink.insert(QStringLiteral("products"), QJsonArray{});
    updated = controller.update(QStringLiteral("order"), unlink);
    QVERIFY2(updated.ok, qPrintable(updated.errorString()));
    QCOMPARE(rowCount(connection, QStringLiteral("orderItems")), 0);
    QCOMPARE(rowCount(connection, QStringLiteral("products")), 1);
    // ... and link it again by id, with the junction's own values.
    QJsonObject relink = unlink;
    QJsonObject byId;
    byId.insert(QStringLiteral("id"), productId);
    byId.insert(QStringLiteral("orderItem"), json(R"({"unitPrice": "2.00"})"));
    relink.insert(QStringLiteral("products"), QJsonArray{byId});
    updated = controller.update(QStringLiteral("order"), relink);
    QVERIFY2(updated.ok, qPrintable(updated.errorString()));
    QCOMPARE(rowCount(connection, QStringLiteral("orderItems")), 1);
    // The link stays; its junction values change (an UPDATE of the orderItems row, not a new row).
    byId.insert(QStringLiteral("orderItem"), json(R"({"unitPrice": "3.25", "quantity": 4})"));
    relink.insert(QStringLiteral("products"), QJsonArray{byId});
    updated = controller.update(QStringLiteral("order"), relink);
    QVERIFY2(updated.ok, qPrintable(updated.errorString()));
    const QJsonObject relinked = jsonAt(updated.record(), QStringLiteral("products/0/orderItem")).toObject();
    QCOMPARE(relinked.value(QStringLiteral("unitPrice")).toString(), QStringLiteral("3.25"));
    QCOMPARE(relinked.value(QStringLiteral("quantity")).toInteger(), 4);
    QCOMPARE(rowCount(connection, QStringLiteral("orderItems")), 1);

    // Saving the same values again is still an update of an existing record (MySQL counts it as 0 changed
    // rows unless asked for found rows).
    for (int i = 0; i < 2; ++i) {
        QJsonObject same;
        same.insert(QStringLiteral("id"), customerId);
        same.insert(QStringLiteral("name"), QStringLiteral("Ada L."));
        updated = controller.update(QStringLiteral("customer"), same);
        QVERIFY2(updated.ok, qPrintable(updated.errorString()));
    }

    // An update of a record that is not there fails and changes nothing.
    const QStringList before = snapshot(connection, controller.resolvedSchema());
    updated = controller.update(QStringLiteral("customer"), json(R"({"id": 999999, "name": "Nobody"})"));
    QVERIFY(!updated.ok);
    QCOMPARE(snapshot(connection, controller.resolvedSchema()), before);

    // Delete: the profile and orders cascade (their foreign keys say ON DELETE CASCADE), products stay.
    const RecordResult removed = controller.remove(QStringLiteral("customer"), customerId);
    QVERIFY2(removed.ok, qPrintable(removed.errorString()));
    QCOMPARE(rowCount(connection, QStringLiteral("customers")), 0);
    QCOMPARE(rowCount(connection, QStringLiteral("profiles")), 0);
    QCOMPARE(rowCount(connection, QStringLiteral("orders")), 0);
    QCOMPARE(rowCount(connection, QStringLiteral("products")), 1);
    QVERIFY(!controller.load(QStringLiteral("customer"), customerId, 0).ok);
    QVERIFY(!controller.remove(QStringLiteral("customer"), customerId).ok);
}

void TestSaveUpdate::batchIsolatesFailures() {
    QFETCH(QString, engine);
    MODELDESK_SCRATCH_DATABASE(scratch, engine);
    const Project project = loadExample(QStringLiteral("shop"));
    DatabaseConnection connection(scratch.connectionUrl());
    QString error;
    QVERIFY2(openAndSync(connection, project.schema, &error), qPrintable(error));
    RecordStore controller(project.schema, connection);
    QList<QJsonObject> batch;
    for (int i = 0; i < 5; ++i)
        batch << json(R"({"name": "N", "email": "x@example.com"})");
    for (int i = 0; i < 5; ++i)
        batch[i].insert(QStringLiteral("email"), QStringLiteral("user%1@example.com").arg(i == 3 ? 1 : i));
    batch[4].insert(QStringLiteral("email"), QStringLiteral("broken"));
    const QList<RecordResult> results = controller.saveBatch(QStringLiteral("customer"), batch);
    QCOMPARE(results.size(), 5);
    QVERIFY(results.at(0).ok && results.at(1).ok && results.at(2).ok);
    QVERIFY(!results.at(3).ok && !results.at(3).validationFailed); // duplicate e-mail: a database error
    QVERIFY(!results.at(4).ok && results.at(4).validationFailed);
    QCOMPARE(rowCount(connection, QStringLiteral("customers")), 3);
}

QTEST_GUILESS_MAIN(TestSaveUpdate)
#include "tst_saveupdate.moc"
