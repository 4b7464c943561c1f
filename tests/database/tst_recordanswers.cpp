// What the record store answers the entry form, on SQLite, PostgreSQL and MariaDB: the delete preview (how
// many linked records a delete cascades to, unlinks, is blocked by, checked against what the delete then
// does), and the saved graph carrying a junction's values, so the form can show what the store returned.
#include "records/deletepreview.h"
#include "records/recordstore.h"
#include "records/savedgraph.h"
#include "support/savetestsupport.h"
#include "support/scratchdatabase.h"
#include "support/testsupport.h"

#include <QTest>

using namespace modeldesk;
using namespace modeldesk::test;
using namespace Qt::StringLiterals;

namespace {

// The effect on `table`.`column` at `depth`, or null.
const DeleteEffect *effectOn(const DeletePreview &preview, const QString &table, const QString &column,
                             int depth = 1) {
    for (const DeleteEffect &effect : preview.effects)
        if (effect.table == table && effect.column == column && effect.depth == depth)
            return &effect;
    return nullptr;
}

Field keyField(const QString &name, const DataType &type) {
    Field field{name, type};
    field.primaryKey = true;
    return field;
}

Link belongsTo(const QString &source, const QString &target, const QString &foreignKey,
               const QString &onDelete) {
    Link link{Link::Kind::BelongsTo, source, target};
    link.as = target;
    link.foreignKey = foreignKey;
    link.onDelete = onDelete;
    return link;
}

// country (key `code`, a STRING) hasMany region (CASCADE); city and embassy belongTo it with SET NULL and
// RESTRICT; treaty is paranoid, with clauses that CASCADE.
Schema atlas() {
    Schema schema;
    Model country{u"country"_s};
    country.fields << keyField(u"code"_s, DataType::string(2)) << Field{u"name"_s, DataType::string()};
    Model region{u"region"_s};
    region.fields << Field{u"name"_s, DataType::string()};
    Model city{u"city"_s};
    city.fields << Field{u"name"_s, DataType::string()};
    Model embassy{u"embassy"_s};
    embassy.fields << Field{u"name"_s, DataType::string()};
    Model treaty{u"treaty"_s};
    treaty.paranoid = true;
    treaty.fields << Field{u"title"_s, DataType::string()};
    Model clause{u"clause"_s};
    clause.fields << Field{u"text"_s, DataType::string()};
    schema.models = {country, region, city, embassy, treaty, clause};
    Link regions{Link::Kind::HasMany, u"country"_s, u"region"_s};
    regions.as = u"regions"_s;
    regions.foreignKey = u"countryCode"_s;
    regions.onDelete = u"CASCADE"_s;
    Link clauses{Link::Kind::HasMany, u"treaty"_s, u"clause"_s};
    clauses.as = u"clauses"_s;
    clauses.onDelete = u"CASCADE"_s;
    schema.links = {regions, belongsTo(u"city"_s, u"country"_s, u"countryCode"_s, u"SET NULL"_s),
                    belongsTo(u"embassy"_s, u"country"_s, u"hostCode"_s, u"RESTRICT"_s), clauses};
    return schema;
}

} // namespace

class TestRecordAnswers : public QObject {
    Q_OBJECT

private slots:
    void previewFollowsCascades_data() { addEngineRows(); }
    void previewFollowsCascades();
    void previewOfSetNullRestrictAndSoftDelete_data() { addEngineRows(); }
    void previewOfSetNullRestrictAndSoftDelete();
    void savedGraphCarriesJunctionValues_data() { addEngineRows(); }
    void savedGraphCarriesJunctionValues();
};

// The shop: deleting a customer takes its profile and orders (CASCADE), and with the orders their junction
// rows (CASCADE, one level further down); the products stay.
void TestRecordAnswers::previewFollowsCascades() {
    QFETCH(QString, engine);
    MODELDESK_SCRATCH_DATABASE(scratch, engine);
    const Project project = loadExample(u"shop"_s);
    DatabaseConnection connection(scratch.connectionUrl());
    QString error;
    QVERIFY2(openAndSync(connection, project.schema, &error), qPrintable(error));
    RecordStore store(project.schema, connection);
    const RecordResult saved = store.save(u"customer"_s, shopGraph(u"p@example.com"_s, u"P-1"_s));
    QVERIFY2(saved.ok, qPrintable(saved.errorString()));
    // A second customer whose rows must not be counted.
    QVERIFY(store.save(u"customer"_s, shopGraph(u"q@example.com"_s, u"Q-1"_s)).ok);
    const QJsonValue customerId = saved.record().value(u"id"_s);
    const ResolvedSchema &resolved = store.resolvedSchema();

    auto preview = previewDelete(resolved, connection, u"customer"_s, customerId, &error);
    QVERIFY2(preview, qPrintable(error));
    QVERIFY(!preview->softDelete);
    QVERIFY(!preview->blocked());
    const DeleteEffect *profiles = effectOn(*preview, u"profiles"_s, u"customerId"_s);
    QVERIFY(profiles);
    QCOMPARE(profiles->action, DeleteEffect::Action::Delete);
    QCOMPARE(profiles->onDelete, u"CASCADE"_s);
    QCOMPARE(profiles->count, 1);
    QCOMPARE(profiles->model, u"profile"_s);
    QCOMPARE(profiles->parentModel, u"customer"_s);
    QVERIFY2(profiles->links.contains(u"customer.profile"_s), qPrintable(profiles->links.join(u", "_s)));
    const DeleteEffect *orders = effectOn(*preview, u"orders"_s, u"customerId"_s);
    QVERIFY(orders);
    QCOMPARE(orders->action, DeleteEffect::Action::Delete);
    QCOMPARE(orders->count, 2);
    QCOMPARE(orders->links, (QStringList{u"customer.orders"_s, u"order.customer"_s}));
    const DeleteEffect *items = effectOn(*preview, u"orderItems"_s, u"orderId"_s, 2);
    QVERIFY(items);
    QCOMPARE(items->action, DeleteEffect::Action::Delete);
    QCOMPARE(items->count, 1);
    QCOMPARE(items->parentModel, u"order"_s);
    QCOMPARE(items->model, u"orderItem"_s);
    // Nothing refers to the customer from elsewhere, and the products are not on the way.
    QVERIFY(!effectOn(*preview, u"orderItems"_s, u"productId"_s, 2));
    QCOMPARE(preview->effects.size(), 3);

    // The product: its junction row goes with it.
    const QJsonValue productId = jsonAt(saved.record(), u"orders/0/products/0/id"_s);
    preview = previewDelete(resolved, connection, u"product"_s, productId, &error);
    QVERIFY2(preview, qPrintable(error));
    QCOMPARE(effectOn(*preview, u"orderItems"_s, u"productId"_s)->count, 1);
    QCOMPARE(effectOn(*preview, u"orderItems"_s, u"productId"_s)->links,
             (QStringList{u"order.products"_s, u"product.orders"_s}));

    // The preview ran no change; the delete then does what it said.
    QCOMPARE(rowCount(connection, u"orders"_s), 4);
    QVERIFY(store.remove(u"customer"_s, customerId).ok);
    QCOMPARE(rowCount(connection, u"profiles"_s), 1);
    QCOMPARE(rowCount(connection, u"orders"_s), 2);
    QCOMPARE(rowCount(connection, u"orderItems"_s), 1);
    QCOMPARE(rowCount(connection, u"products"_s), 2);

    // A record that is not there, and a key of the wrong type.
    QVERIFY(!previewDelete(resolved, connection, u"customer"_s, customerId, &error));
    QVERIFY2(error.contains(u"there is no customer"_s), qPrintable(error));
    QVERIFY(!previewDelete(resolved, connection, u"customer"_s, u"abc"_s, &error));
    QVERIFY(!previewDelete(resolved, connection, u"orderItem"_s, 1, &error)); // a composite key
}

void TestRecordAnswers::previewOfSetNullRestrictAndSoftDelete() {
    QFETCH(QString, engine);
    MODELDESK_SCRATCH_DATABASE(scratch, engine);
    const Schema schema = atlas();
    DatabaseConnection connection(scratch.connectionUrl());
    QString error;
    QVERIFY2(openAndSync(connection, schema, &error), qPrintable(error));
    RecordStore store(schema, connection);
    QVERIFY2(store.isUsable(&error), qPrintable(error));
    const RecordResult nz =
        store.save(u"country"_s, json("{\"code\": \"NZ\", \"name\": \"New Zealand\","
                                      " \"regions\": [{\"name\": \"North\"}, {\"name\": \"South\"}]}"));
    QVERIFY2(nz.ok, qPrintable(nz.errorString()));
    QCOMPARE(nz.record().value(u"code"_s).toString(), u"NZ"_s);
    QVERIFY(
        store
            .save(u"country"_s,
                  json("{\"code\": \"AU\", \"name\": \"Australia\", \"regions\": [{\"name\": \"West\"}]}"))
            .ok);
    for (const char *name : {"Wellington", "Auckland"})
        QVERIFY(store
                    .save(u"city"_s,
                          QJsonObject{{u"name"_s, QString::fromLatin1(name)}, {u"countryCode"_s, u"NZ"_s}})
                    .ok);
    const ResolvedSchema &resolved = store.resolvedSchema();

    auto preview = previewDelete(resolved, connection, u"country"_s, u"NZ"_s, &error);
    QVERIFY2(preview, qPrintable(error));
    QCOMPARE(effectOn(*preview, u"regions"_s, u"countryCode"_s)->action, DeleteEffect::Action::Delete);
    QCOMPARE(effectOn(*preview, u"regions"_s, u"countryCode"_s)->count, 2);
    QCOMPARE(effectOn(*preview, u"cities"_s, u"countryCode"_s)->action, DeleteEffect::Action::SetNull);
    QCOMPARE(effectOn(*preview, u"cities"_s, u"countryCode"_s)->count, 2);
    QCOMPARE(effectOn(*preview, u"embassies"_s, u"hostCode"_s)->action, DeleteEffect::Action::Block);
    QCOMPARE(effectOn(*preview, u"embassies"_s, u"hostCode"_s)->count, 0);
    QVERIFY(!preview->blocked());

    // An embassy refers to it through a RESTRICT key: the preview says the delete fails, and it does.
    const RecordResult embassy =
        store.save(u"embassy"_s, QJsonObject{{u"name"_s, u"Consulate"_s}, {u"hostCode"_s, u"NZ"_s}});
    QVERIFY2(embassy.ok, qPrintable(embassy.errorString()));
    preview = previewDelete(resolved, connection, u"country"_s, u"NZ"_s, &error);
    QVERIFY2(preview, qPrintable(error));
    QCOMPARE(effectOn(*preview, u"embassies"_s, u"hostCode"_s)->count, 1);
    QCOMPARE(effectOn(*preview, u"embassies"_s, u"hostCode"_s)->onDelete, u"RESTRICT"_s);
    QVERIFY(preview->blocked());
    QVERIFY(!store.remove(u"country"_s, u"NZ"_s).ok);
    QCOMPARE(rowCount(connection, u"regions"_s), 3);

    QVERIFY(store.remove(u"embassy"_s, embassy.record().value(u"id"_s)).ok);
    preview = previewDelete(resolved, connection, u"country"_s, u"NZ"_s, &error);
    QVERIFY2(preview && !preview->blocked(), qPrintable(error));
    QVERIFY(store.remove(u"country"_s, u"NZ"_s).ok);
    QCOMPARE(rowCount(connection, u"regions"_s), 1); // Australia's
    QCOMPARE(rowCount(connection, u"cities"_s), 2);
    QCOMPARE(scalar(connection, u"SELECT COUNT(*) FROM %1 WHERE %2 IS NULL"_s.arg(
                                    connection.dialect().quote(u"cities"_s),
                                    connection.dialect().quote(u"countryCode"_s))),
             2);

    // Paranoid: the treaty only gets deletedAt, so its clauses stay (though their key says CASCADE).
    const RecordResult treaty = store.save(
        u"treaty"_s, json(R"({"title": "Waitangi", "clauses": [{"text": "one"}, {"text": "two"}]})"));
    QVERIFY2(treaty.ok, qPrintable(treaty.errorString()));
    const QJsonValue treatyId = treaty.record().value(u"id"_s);
    preview = previewDelete(resolved, connection, u"treaty"_s, treatyId, &error);
    QVERIFY2(preview, qPrintable(error));
    QVERIFY(preview->softDelete);
    QVERIFY(preview->effects.isEmpty());
    QVERIFY(store.remove(u"treaty"_s, treatyId).ok);
    QCOMPARE(rowCount(connection, u"clauses"_s), 2);
    QCOMPARE(rowCount(connection, u"treaties"_s), 1);
}

// A save's graph holds each linked product's junction values under the through model's name, as a load
// returns them, so the form can show the saved graph instead of reading it back.
void TestRecordAnswers::savedGraphCarriesJunctionValues() {
    QFETCH(QString, engine);
    MODELDESK_SCRATCH_DATABASE(scratch, engine);
    const Project project = loadExample(u"shop"_s);
    DatabaseConnection connection(scratch.connectionUrl());
    QString error;
    QVERIFY2(openAndSync(connection, project.schema, &error), qPrintable(error));
    RecordStore store(project.schema, connection);
    const RecordResult saved = store.save(u"customer"_s, shopGraph(u"j@example.com"_s, u"J-1"_s));
    QVERIFY2(saved.ok, qPrintable(saved.errorString()));
    const QJsonObject item = jsonAt(saved.record(), u"orders/0/products/0/orderItem"_s).toObject();
    QCOMPARE(item.value(u"unitPrice"_s).toString(), u"2.50"_s);
    QCOMPARE(item.value(u"quantity"_s).toInteger(), 5);
    QCOMPARE(item.value(u"productId"_s), jsonAt(saved.record(), u"orders/0/products/0/id"_s));
    QCOMPARE(item.value(u"orderId"_s), jsonAt(saved.record(), u"orders/0/id"_s));

    // It is what a load returns for the same junction row, timestamps included.
    const RecordResult loaded = store.load(u"order"_s, jsonAt(saved.record(), u"orders/0/id"_s), 1);
    QVERIFY2(loaded.ok, qPrintable(loaded.errorString()));
    QCOMPARE(jsonAt(loaded.record(), u"products/0/orderItem"_s).toObject(), item);
    QCOMPARE(jsonAt(loaded.record(), u"createdAt"_s), jsonAt(saved.record(), u"orders/0/createdAt"_s));

    // The models the graph holds, which the form re-reads pickers of.
    QCOMPARE(graphModels(store.resolvedSchema(), u"customer"_s, saved.record()),
             (QSet<QString>{u"customer"_s, u"profile"_s, u"order"_s, u"product"_s, u"orderItem"_s}));
    QCOMPARE(graphModels(store.resolvedSchema(), u"order"_s,
                         QJsonObject{{u"total"_s, u"1.00"_s}, {u"customerId"_s, 1}}),
             (QSet<QString>{u"order"_s}));
}

QTEST_MAIN(TestRecordAnswers)
#include "tst_recordanswers.moc"
