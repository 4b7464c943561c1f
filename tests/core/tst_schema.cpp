// The core schema: data types, Sequelize's derived names, and what a design resolves to in a database.
#include "editing/fieldrename.h"
#include "editing/linkpairs.h"
#include "project/projectfile.h"
#include "schema/datatype.h"
#include "schema/linkfacts.h"
#include "schema/resolvedschema.h"

#include <QTest>

using namespace modeldesk;
using namespace Qt::StringLiterals;

namespace {

Project loadExample(const QString &name) {
    QString error;
    auto project = ProjectFile::load(
        QStringLiteral(MODELDESK_SOURCE_DIR) + u"/resources/examples/"_s + name + u".modeldesk"_s, &error);
    if (!project)
        qFatal("cannot load example %s: %s", qPrintable(name), qPrintable(error));
    return *project;
}

QStringList columnNames(const Table &table) {
    QStringList names;
    for (const Column &c : table.columns)
        names << c.name;
    return names;
}

} // namespace

class TstSchema : public QObject {
    Q_OBJECT

private slots:
    void dataTypeRoundTrip_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("string") << "STRING"
                                << "STRING";
        QTest::newRow("string lower") << "string(100)"
                                      << "STRING(100)";
        QTest::newRow("char") << "CHAR(2)"
                              << "CHAR(2)";
        QTest::newRow("decimal") << "DECIMAL(10, 2)"
                                 << "DECIMAL(10,2)";
        QTest::newRow("decimal p") << "DECIMAL(8)"
                                   << "DECIMAL(8)";
        QTest::newRow("enum") << "ENUM('new', 'paid')"
                              << "ENUM('new','paid')";
        QTest::newRow("enum quotes") << R"(ENUM('it\'s', "a,b"))"
                                     << R"(ENUM('it\'s','a,b'))";
        // A quote inside a value, the SQL way (doubled) or escaped: both mean one quote.
        QTest::newRow("enum doubled quote") << "ENUM('new','it''s')"
                                            << R"(ENUM('new','it\'s'))";
        QTest::newRow("enum doubled double quote") << R"(ENUM("say ""hi"""))"
                                                   << R"(ENUM('say "hi"'))";
        QTest::newRow("dateonly") << "DATEONLY"
                                  << "DATEONLY";
        QTest::newRow("uuid") << " UUID "
                              << "UUID";
    }
    void dataTypeRoundTrip() {
        QFETCH(QString, text);
        QFETCH(QString, canonical);
        QString error;
        const auto type = DataType::parse(text, &error);
        QVERIFY2(type, qPrintable(error));
        QCOMPARE(type->toString(), canonical);
        QCOMPARE(DataType::parse(type->toString()), type);
    }

    // ENUM('new','it''s') holds the value it's, as in SQL, not it''s.
    void enumValueWithAQuote() {
        const auto type = DataType::parse(u"ENUM('new','it''s')"_s);
        QVERIFY(type);
        QCOMPARE(type->values, (QStringList{u"new"_s, u"it's"_s}));
    }

    void dataTypeErrors_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown") << "VARCHAR(10)"
                                 << "unknown data type \"VARCHAR\"";
        QTest::newRow("enum bare") << "ENUM"
                                   << "ENUM needs its values";
        QTest::newRow("enum unquoted") << "ENUM(a,b)"
                                       << "ENUM values must be quoted";
        QTest::newRow("string zero") << "STRING(0)"
                                     << "STRING takes one positive length";
        QTest::newRow("string text") << "STRING(x)"
                                     << "STRING takes one positive length";
        QTest::newRow("decimal three") << "DECIMAL(1,2,3)"
                                       << "DECIMAL takes a precision";
        QTest::newRow("int params") << "INTEGER(11)"
                                    << "INTEGER takes no parameters";
        QTest::newRow("unclosed") << "STRING(10"
                                  << "missing \")\"";
        QTest::newRow("unterminated") << "ENUM('a)"
                                      << "unterminated quoted value";
    }
    void dataTypeErrors() {
        QFETCH(QString, text);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!DataType::parse(text, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
    }

    // What the entry form sizes an editor to: the longest value's text, -1 for the unbounded types.
    void maxTextLength_data() {
        QTest::addColumn<QString>("type");
        QTest::addColumn<int>("length");
        QTest::newRow("string(32)") << "STRING(32)" << 32;
        QTest::newRow("string") << "STRING" << 255;
        QTest::newRow("char(2)") << "CHAR(2)" << 2;
        QTest::newRow("integer") << "INTEGER" << int(QByteArray::number(INT32_MIN).size());
        QTest::newRow("smallint") << "SMALLINT" << int(QByteArray::number(INT16_MIN).size());
        QTest::newRow("bigint") << "BIGINT" << int(QByteArray::number(qint64(INT64_MIN)).size());
        QTest::newRow("decimal(10,2)") << "DECIMAL(10,2)" << int(qstrlen("-12345678.90"));
        QTest::newRow("decimal(5)") << "DECIMAL(5)" << int(qstrlen("-12345"));
        QTest::newRow("date") << "DATE" << int(qstrlen("2024-05-06 07:08:09"));
        QTest::newRow("dateonly") << "DATEONLY" << 10;
        QTest::newRow("uuid") << "UUID" << 36;
        QTest::newRow("enum") << "ENUM('new','shipped','x')" << 7;
        QTest::newRow("text") << "TEXT" << -1;
        QTest::newRow("json") << "JSON" << -1;
    }
    void maxTextLength() {
        QFETCH(QString, type);
        QFETCH(int, length);
        const auto parsed = DataType::parse(type);
        QVERIFY(parsed);
        QCOMPARE(parsed->maxTextLength(), length);
    }

    void tableNames_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("tableName");
        QTest::addColumn<bool>("freeze");
        QTest::addColumn<bool>("underscored");
        QTest::addColumn<QString>("expected");
        QTest::newRow("seed user") << "testUser"
                                   << "" << false << false << "testUsers";
        QTest::newRow("seed test") << "test"
                                   << "" << false << false << "tests";
        QTest::newRow("person") << "person"
                                << "" << false << false << "people";
        QTest::newRow("category") << "category"
                                  << "" << false << false << "categories";
        QTest::newRow("frozen") << "person"
                                << "" << true << false << "person";
        QTest::newRow("explicit") << "person"
                                  << "humans" << false << false << "humans";
        QTest::newRow("explicit beats freeze") << "person"
                                               << "humans" << true << false << "humans";
        QTest::newRow("underscored") << "orderItem"
                                     << "" << false << true << "order_items";
    }
    void tableNames() {
        QFETCH(QString, name);
        QFETCH(QString, tableName);
        QFETCH(bool, freeze);
        QFETCH(bool, underscored);
        QFETCH(QString, expected);
        Model model;
        model.name = name;
        model.tableName = tableName;
        model.freezeTableName = freeze;
        model.underscored = underscored;
        QCOMPARE(model.effectiveTableName(), expected);
    }

    // Column for column what Sequelize's sync() created for the seed (shared/reference/emitted-*.sql).
    void seedResolvesLikeSequelize() {
        const ResolvedSchema resolved = SchemaResolver::resolve(loadExample(u"seed"_s).schema);
        QCOMPARE(resolved.tables.size(), 2);
        const Table &users = resolved.tables.at(0);
        const Table &tests = resolved.tables.at(1);
        QCOMPARE(users.name, u"testUsers"_s);
        QCOMPARE(tests.name, u"tests"_s);
        QCOMPARE(columnNames(users),
                 (QStringList{u"id"_s, u"name"_s, u"email"_s, u"createdAt"_s, u"updatedAt"_s}));
        QCOMPARE(columnNames(tests),
                 (QStringList{u"id"_s, u"code"_s, u"userId"_s, u"createdAt"_s, u"updatedAt"_s}));
        QCOMPARE(users.primaryKey, QStringList{u"id"_s});
        const Column *fk = tests.column(u"userId"_s);
        QVERIFY(fk && fk->references);
        QCOMPARE(fk->references->table, u"testUsers"_s);
        QCOMPARE(fk->references->column, u"id"_s);
        QCOMPARE(fk->references->onDelete, u"CASCADE"_s); // the hasOne came first, on a declared column
        QCOMPARE(fk->references->onUpdate, u"CASCADE"_s);
        QVERIFY(fk->nullable);
        QVERIFY(!users.column(u"createdAt"_s)->nullable);

        const ResolvedLink *link = resolved.link(u"testUser"_s, u"user_test"_s);
        QVERIFY(link);
        QCOMPARE(link->foreignKey, u"userId"_s);
        QCOMPARE(link->sourceKey, u"id"_s);
        const ResolvedLink *inverse =
            resolved.link(u"test"_s, u"testUser"_s); // default alias: target singular
        QVERIFY(inverse);
        QCOMPARE(inverse->kind, Link::Kind::BelongsTo);
        QCOMPARE(inverse->onDelete, u"NO ACTION"_s);
    }

    void defaultForeignKeysFollowSequelize() {
        Schema schema;
        schema.models = {Model{u"testUser"_s}, Model{u"test"_s}};
        auto link = [&](Link::Kind kind, const QString &source, const QString &target, const QString &as) {
            Link l;
            l.kind = kind;
            l.source = source;
            l.target = target;
            l.as = as;
            return SchemaResolver::defaultForeignKey(schema, l);
        };
        QCOMPARE(link(Link::Kind::HasOne, u"testUser"_s, u"test"_s, {}), u"testUserId"_s);
        QCOMPARE(link(Link::Kind::HasOne, u"testUser"_s, u"test"_s, u"user_test"_s), u"userTestId"_s);
        QCOMPARE(link(Link::Kind::BelongsTo, u"test"_s, u"testUser"_s, {}), u"testUserId"_s);
        QCOMPARE(link(Link::Kind::BelongsTo, u"test"_s, u"testUser"_s, u"owner"_s), u"ownerId"_s);
        QCOMPARE(link(Link::Kind::HasMany, u"testUser"_s, u"test"_s, u"tests"_s), u"testUserId"_s);
    }

    void undeclaredForeignKeyIsAppendedAndNullable() {
        Schema schema;
        schema.models = {Model{u"author"_s}, Model{u"book"_s}};
        schema.links = {Link{Link::Kind::HasMany, u"author"_s, u"book"_s}};
        const ResolvedSchema resolved = SchemaResolver::resolve(schema);
        const Table *books = resolved.tableForModel(u"book"_s);
        QVERIFY(books);
        QCOMPARE(columnNames(*books), (QStringList{u"id"_s, u"createdAt"_s, u"updatedAt"_s, u"authorId"_s}));
        QCOMPARE(books->column(u"authorId"_s)->references->onDelete, u"SET NULL"_s);
        QCOMPARE(resolved.links.first().as, u"books"_s);
    }

    void underscoredColumns() {
        Schema schema;
        Model user{u"user"_s};
        Model post{u"blogPost"_s};
        post.underscored = true;
        post.fields = {Field{u"publishedAt"_s, DataType::ofKind(DataType::Kind::Date)}};
        schema.models = {user, post};
        schema.links = {Link{Link::Kind::HasMany, u"user"_s, u"blogPost"_s, u"posts"_s}};
        const ResolvedSchema resolved = SchemaResolver::resolve(schema);
        const Table *posts = resolved.tableForModel(u"blogPost"_s);
        QCOMPARE(posts->name, u"blog_posts"_s);
        QCOMPARE(columnNames(*posts),
                 (QStringList{u"id"_s, u"published_at"_s, u"created_at"_s, u"updated_at"_s, u"user_id"_s}));
        QCOMPARE(posts->columnForAttribute(u"userId"_s)->name, u"user_id"_s);
    }

    void shopJunctionAndOrder() {
        const ResolvedSchema resolved = SchemaResolver::resolve(loadExample(u"shop"_s).schema);
        QStringList order;
        for (const Table &t : resolved.tables)
            order << t.name;
        // Every table comes after the tables it references.
        for (const Table &t : resolved.tables)
            for (const Column &c : t.columns)
                if (c.references && c.references->table != t.name)
                    QVERIFY2(order.indexOf(c.references->table) < order.indexOf(t.name), qPrintable(t.name));
        const Table *items = resolved.table(u"orderItems"_s);
        QVERIFY(items);
        QCOMPARE(columnNames(*items), (QStringList{u"quantity"_s, u"unitPrice"_s, u"createdAt"_s,
                                                   u"updatedAt"_s, u"orderId"_s, u"productId"_s}));
        QCOMPARE(items->primaryKey, (QStringList{u"orderId"_s, u"productId"_s}));
        QCOMPARE(items->column(u"productId"_s)->type.kind, DataType::Kind::Uuid); // product's key is a UUID
        QCOMPARE(items->column(u"orderId"_s)->references->onDelete, u"CASCADE"_s);
        const ResolvedLink *products = resolved.link(u"order"_s, u"products"_s);
        QVERIFY(products);
        QCOMPARE(products->throughTable, u"orderItems"_s);
        QCOMPARE(products->throughModel, u"orderItem"_s);
    }

    // The one key column that names a record: the implied id, a declared key of any name, none when
    // composite.
    void singleKey() {
        const ResolvedSchema shop = SchemaResolver::resolve(loadExample(u"shop"_s).schema);
        QVERIFY(shop.tableForModel(u"customer"_s)->singleKey());
        QCOMPARE(shop.tableForModel(u"customer"_s)->singleKey()->attribute, u"id"_s);
        QCOMPARE(shop.tableForModel(u"customer"_s)->singleKey()->origin, Column::Origin::ImpliedId);
        QVERIFY(!shop.table(u"orderItems"_s)->singleKey()); // (orderId, productId)

        Schema schema;
        Model country{u"country"_s};
        Field code{u"code"_s, DataType::string(2)};
        code.primaryKey = true;
        country.fields << Field{u"name"_s, DataType::string()} << code;
        Model pair{u"pair"_s};
        Field left{u"left"_s, DataType::integer()};
        left.primaryKey = true;
        Field right{u"right"_s, DataType::integer()};
        right.primaryKey = true;
        pair.fields << left << right;
        schema.models = {country, pair, Model{u"plain"_s}};
        const ResolvedSchema resolved = SchemaResolver::resolve(schema);
        const Column *key = resolved.tableForModel(u"country"_s)->singleKey();
        QVERIFY(key);
        QCOMPARE(key->attribute, u"code"_s);
        QCOMPARE(key->type.kind, DataType::Kind::String);
        QVERIFY(!resolved.tableForModel(u"country"_s)->columnForAttribute(u"id"_s)); // no implied id
        QVERIFY(!resolved.tableForModel(u"pair"_s)->singleKey());
        QCOMPARE(resolved.tableForModel(u"plain"_s)->singleKey()->name, u"id"_s);
    }

    void generatedJunctionIsSharedByBothDirections() {
        Schema schema;
        schema.models = {Model{u"student"_s}, Model{u"course"_s}};
        Link a{Link::Kind::BelongsToMany, u"student"_s, u"course"_s};
        a.through = u"enrollments"_s;
        Link b{Link::Kind::BelongsToMany, u"course"_s, u"student"_s};
        b.through = u"enrollments"_s;
        schema.links = {a, b};
        const ResolvedSchema resolved = SchemaResolver::resolve(schema);
        QCOMPARE(resolved.tables.size(), 3);
        const Table *junction = resolved.table(u"enrollments"_s);
        QVERIFY(junction);
        QVERIFY(junction->model.isEmpty());
        QCOMPARE(columnNames(*junction),
                 (QStringList{u"createdAt"_s, u"updatedAt"_s, u"studentId"_s, u"courseId"_s}));
        QCOMPARE(junction->primaryKey, (QStringList{u"studentId"_s, u"courseId"_s}));
        QVERIFY(junction->uniqueKeys.isEmpty());
        QCOMPARE(resolved.tables.last().name, u"enrollments"_s);
    }

    // The designer draws a link and its mirror as one edge (editing/linkpairs).
    void mirroredLinksShareAnEdge() {
        const Schema shop = loadExample(u"shop"_s).schema;
        const QList<LinkEdge> edges = pairLinks(shop.links);
        QCOMPARE(edges.size(), 3);
        QCOMPARE(edges.at(0).link, 0); // customer hasOne profile + profile belongsTo customer
        QCOMPARE(edges.at(0).mirror, 1);
        QCOMPARE(edges.at(1).link, 2); // customer hasMany order + order belongsTo customer
        QCOMPARE(edges.at(1).mirror, 3);
        QCOMPARE(edges.at(2).link, 4); // both belongsToMany through orderItem
        QCOMPARE(edges.at(2).mirror, 5);
    }

    void linksPairOnlyWithTheSameKeyAndOnce() {
        Link hasOne{Link::Kind::HasOne, u"user"_s, u"test"_s};
        hasOne.foreignKey = u"userId"_s;
        Link otherKey{Link::Kind::BelongsTo, u"test"_s, u"user"_s};
        otherKey.foreignKey = u"ownerId"_s; // another key: its own edge
        Link mirror{Link::Kind::BelongsTo, u"test"_s, u"user"_s};
        mirror.foreignKey = u"userId"_s;
        Link secondMirror = mirror; // a mirror is used once: the second one gets its own edge
        const QList<LinkEdge> edges = pairLinks({hasOne, otherKey, mirror, secondMirror});
        QCOMPARE(edges.size(), 3);
        QCOMPARE(edges.at(0).link, 0);
        QCOMPARE(edges.at(0).mirror, 2);
        QCOMPARE(edges.at(1).link, 1);
        QCOMPARE(edges.at(1).mirror, -1);
        QCOMPARE(edges.at(2).link, 3);
        QCOMPARE(edges.at(2).mirror, -1);
    }

    // What the data form asks of the core about links (schema/linkfacts).
    void linkFactsForTheForm() {
        const Schema shop = loadExample(u"shop"_s).schema;
        const ResolvedSchema resolved = SchemaResolver::resolve(shop);
        // order.customerId is set by its belongsTo picker, and by customer when entered under it.
        QCOMPARE(linkfacts::keysSetByLinks(resolved, u"order"_s, QString()), QStringList{u"customerId"_s});
        QCOMPARE(linkfacts::keysSetByLinks(resolved, u"profile"_s, u"customer"_s),
                 (QStringList{u"customerId"_s, u"customerId"_s}));
        QVERIFY(linkfacts::keysSetByLinks(resolved, u"product"_s, QString()).isEmpty());
        const ResolvedLink *orderCustomer = resolved.link(u"order"_s, u"customer"_s);
        QVERIFY(orderCustomer);
        QVERIFY(linkfacts::mirrorsParentLink(resolved, *orderCustomer, u"order"_s, u"customer"_s));
        QVERIFY(!linkfacts::mirrorsParentLink(resolved, *orderCustomer, u"order"_s, QString()));
        QVERIFY(!linkfacts::mirrorsParentLink(resolved, *orderCustomer, u"order"_s, u"product"_s));
        const ResolvedLink *products = resolved.link(u"order"_s, u"products"_s);
        QVERIFY(products);
        QStringList names;
        for (const Field &field : linkfacts::junctionFields(shop, *products))
            names << field.name;
        QCOMPARE(names, (QStringList{u"quantity"_s, u"unitPrice"_s}));
    }

    void linksFollowARenamedField() {
        const Schema shop = loadExample(u"shop"_s).schema;
        // order.customerId backs customer hasMany order (2) and order belongsTo customer (3).
        auto changed = linksFollowingFieldRename(shop, u"order"_s, u"customerId"_s, u"buyerId"_s);
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.at(0).first, 2);
        QCOMPARE(changed.at(0).second.foreignKey, u"buyerId"_s);
        QCOMPARE(changed.at(1).first, 3);
        QCOMPARE(changed.at(1).second.foreignKey, u"buyerId"_s);
        // The same name on another model is another field: profile.customerId's links stay.
        for (const auto &[index, link] : changed)
            QCOMPARE(link.source == u"profile"_s || link.target == u"profile"_s, false);

        // A through model's fields: both belongsToMany directions name orderItem.productId.
        changed = linksFollowingFieldRename(shop, u"orderItem"_s, u"productId"_s, u"itemId"_s);
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.at(0).second.otherKey, u"itemId"_s);
        QCOMPARE(changed.at(0).second.foreignKey, u"orderId"_s);
        QCOMPARE(changed.at(1).second.foreignKey, u"itemId"_s);

        // A field no link names changes no link; neither does keeping the name.
        QVERIFY(linksFollowingFieldRename(shop, u"order"_s, u"status"_s, u"state"_s).isEmpty());
        QVERIFY(linksFollowingFieldRename(shop, u"order"_s, u"customerId"_s, u"customerId"_s).isEmpty());

        // Sequelize's default key name matched the field; after the rename the link names it explicitly.
        Schema schema;
        schema.models = {Model{u"author"_s}, Model{u"book"_s}};
        schema.models[0].fields << Field{u"code"_s, DataType::string()};
        schema.models[1].fields << Field{u"authorId"_s, DataType::integer()};
        Link hasMany{Link::Kind::HasMany, u"author"_s, u"book"_s};
        schema.links = {hasMany};
        QCOMPARE(SchemaResolver::defaultForeignKey(schema, hasMany), u"authorId"_s);
        changed = linksFollowingFieldRename(schema, u"book"_s, u"authorId"_s, u"writerId"_s);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).second.foreignKey, u"writerId"_s);

        // A source key follows its field; the link's own foreign key stays.
        hasMany.sourceKey = u"code"_s;
        hasMany.foreignKey = u"authorId"_s;
        schema.links = {hasMany};
        changed = linksFollowingFieldRename(schema, u"author"_s, u"code"_s, u"isbnPrefix"_s);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).second.sourceKey, u"isbnPrefix"_s);
        QCOMPARE(changed.at(0).second.foreignKey, u"authorId"_s);
    }
};

QTEST_GUILESS_MAIN(TstSchema)
#include "tst_schema.moc"
