// The import's pure half, without a database: catalog types and defaults read back per dialect (the table in
// docs/import.md), and the design inferred from catalogs written by hand: names, timestamps, the implied id,
// hasOne / hasMany / belongsToMany, aliases that never collide, warnings, and the same design every time.
#include "import/importnames.h"
#include "import/schemainference.h"
#include "schema/resolvedschema.h"
#include "sql/catalogtypes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace modeldesk;
using namespace Qt::StringLiterals;

namespace {

CatalogColumn column(const QString &name, const QString &type, bool notNull = false,
                     std::optional<QString> defaultText = std::nullopt) {
    CatalogColumn c;
    c.name = name;
    c.type = type;
    c.notNull = notNull;
    c.defaultText = std::move(defaultText);
    return c;
}

CatalogColumn serialId() {
    CatalogColumn id = column(u"id"_s, u"INTEGER"_s, true);
    id.autoIncrement = true;
    return id;
}

CatalogForeignKey key(const QString &column, const QString &table, const QString &onDelete = u"CASCADE"_s) {
    return {column + u"_fk"_s, {column}, table, {u"id"_s}, onDelete, u"CASCADE"_s};
}

QStringList linkLines(const Schema &schema) {
    QStringList lines;
    for (const Link &link : schema.links)
        lines << u"%1 %2 -> %3 as %4 (%5%6)"_s.arg(
            Link::kindName(link.kind), link.source, link.target, link.as, link.foreignKey,
            link.through.isEmpty() ? QString() : u" through "_s + link.through);
    return lines;
}

// users, and orders with a buyer and a seller; a profile per user (unique index); tags joined to users by a
// junction Sequelize would define itself.
DatabaseCatalog shopCatalog() {
    DatabaseCatalog catalog;
    catalog.dialect = SqlDialect(SqlDialect::Kind::Sqlite);
    CatalogTable users{u"users"_s};
    users.columns = {serialId(), column(u"name"_s, u"VARCHAR(80)"_s, true),
                     column(u"createdAt"_s, u"DATETIME"_s, true), column(u"updatedAt"_s, u"DATETIME"_s, true),
                     column(u"deletedAt"_s, u"DATETIME"_s)};
    users.primaryKey = {u"id"_s};
    CatalogTable orders{u"orders"_s};
    orders.columns = {serialId(), column(u"buyerId"_s, u"INTEGER"_s), column(u"sellerId"_s, u"INTEGER"_s),
                      column(u"total"_s, u"DECIMAL(10,2)"_s, true, u"0.00"_s)};
    orders.primaryKey = {u"id"_s};
    orders.foreignKeys = {key(u"buyerId"_s, u"users"_s), key(u"sellerId"_s, u"users"_s, u"SET NULL"_s)};
    CatalogTable profiles{u"profiles"_s};
    profiles.columns = {serialId(), column(u"bio"_s, u"TEXT"_s), column(u"createdAt"_s, u"DATETIME"_s, true),
                        column(u"updatedAt"_s, u"DATETIME"_s, true), column(u"userId"_s, u"INTEGER"_s)};
    profiles.primaryKey = {u"id"_s};
    profiles.uniqueKeys = {{u"profiles_user"_s, {u"userId"_s}, true}};
    profiles.foreignKeys = {key(u"userId"_s, u"users"_s)};
    CatalogTable tags{u"tags"_s};
    tags.columns = {serialId(), column(u"label"_s, u"VARCHAR(20)"_s)};
    tags.primaryKey = {u"id"_s};
    CatalogTable userTags{u"user_tags"_s};
    userTags.columns = {column(u"createdAt"_s, u"DATETIME"_s, true),
                        column(u"updatedAt"_s, u"DATETIME"_s, true), column(u"userId"_s, u"INTEGER"_s, true),
                        column(u"tagId"_s, u"INTEGER"_s, true)};
    userTags.primaryKey = {u"userId"_s, u"tagId"_s};
    userTags.foreignKeys = {key(u"tagId"_s, u"tags"_s), key(u"userId"_s, u"users"_s)};
    catalog.tables = {orders, profiles, tags, userTags, users};
    catalog.skipped = {{u"view"_s, u"v_sales"_s, u"views are not imported"_s}};
    return catalog;
}

} // namespace

class TestSchemaInference : public QObject {
    Q_OBJECT

private slots:
    void types_data() {
        QTest::addColumn<QString>("dialect");
        QTest::addColumn<QString>("catalogType");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("exact");
        const auto row = [](const char *dialect, const char *type, const char *expected, bool exact = true) {
            QTest::addRow("%s %s", dialect, type) << QString::fromLatin1(dialect) << QString::fromLatin1(type)
                                                  << QString::fromLatin1(expected) << exact;
        };
        // What ModelDesk's and Sequelize's DDL create reads back exactly.
        row("sqlite", "VARCHAR(255)", "STRING");
        row("sqlite", "VARCHAR(80)", "STRING(80)");
        row("sqlite", "TINYINT(1)", "BOOLEAN");
        row("sqlite", "DATETIME", "DATE");
        row("sqlite", "DOUBLE PRECISION", "DOUBLE");
        row("sqlite", "DECIMAL(10,2)", "DECIMAL(10,2)");
        row("sqlite", "UUID", "UUID");
        row("sqlite", "NVARCHAR(120)", "STRING(120)");
        row("sqlite", "INT", "INTEGER", false);
        row("sqlite", "NUMERIC(10,2)", "DECIMAL(10,2)", false);
        row("sqlite", "geometry", "TEXT", false);
        row("postgres", "character varying(40)", "STRING(40)");
        row("postgres", "character(3)", "CHAR(3)");
        row("postgres", "timestamp with time zone", "DATE");
        row("postgres", "timestamp without time zone", "DATE", false);
        row("postgres", "time without time zone", "TIME");
        row("postgres", "numeric(10,2)", "DECIMAL(10,2)");
        row("postgres", "numeric", "DECIMAL");
        row("postgres", "double precision", "DOUBLE");
        row("postgres", "bytea", "BLOB");
        row("postgres", "jsonb", "JSON", false);
        row("postgres", "inet", "TEXT", false);
        row("mysql", "int(11)", "INTEGER");
        row("mysql", "int(10) unsigned", "INTEGER", false);
        row("mysql", "bigint(20)", "BIGINT");
        row("mysql", "tinyint(1)", "BOOLEAN");
        row("mysql", "char(36)", "UUID");
        row("mysql", "decimal(10,0)", "DECIMAL(10,0)");
        row("mysql", "datetime", "DATE");
        row("mysql", "enum('new','it''s')", "ENUM('new','it\\'s')");
        row("mysql", "longtext", "TEXT", false);
        row("mysql", "set('a','b')", "TEXT", false);
    }
    void types() {
        QFETCH(QString, dialect);
        QFETCH(QString, catalogType);
        QFETCH(QString, expected);
        QFETCH(bool, exact);
        const auto reading = CatalogTypes::dataType(*SqlDialect::fromName(dialect), catalogType);
        QCOMPARE(reading.type.toString(), expected);
        QCOMPARE(reading.note.isEmpty(), exact);
        // MariaDB's JSON is a LONGTEXT with a json_valid check.
        QCOMPARE(CatalogTypes::dataType(SqlDialect(SqlDialect::Kind::MySql), u"longtext"_s, {}, true)
                     .type.toString(),
                 u"JSON"_s);
    }

    void defaults_data() {
        QTest::addColumn<QString>("dialect");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected"); // the JSON of the default; "" for none, "auto" for a sequence
        const auto row = [](const char *dialect, const char *type, const char *text, const char *expected) {
            QTest::addRow("%s %s %s", dialect, type, text)
                << QString::fromLatin1(dialect) << QString::fromLatin1(type) << QString::fromUtf8(text)
                << QString::fromUtf8(expected);
        };
        row("postgres", "STRING", "'it''s'::character varying", "\"it's\"");
        row("postgres", "INTEGER", "'-3'::integer", "-3");
        row("postgres", "INTEGER", "nextval('t_id_seq'::regclass)", "auto");
        row("postgres", "DECIMAL(10,2)", "0.00", "\"0.00\"");
        row("postgres", "BOOLEAN", "true", "true");
        row("postgres", "DATE", "now()", "{\"fn\":\"NOW\"}");
        row("postgres", "DATE", "CURRENT_TIMESTAMP", "{\"fn\":\"NOW\"}");
        row("postgres", "UUID", "gen_random_uuid()", "{\"fn\":\"UUIDV4\"}");
        row("postgres", "JSON", "'[1,2]'::json", "[1,2]");
        row("postgres", "ENUM('new','old')", "'new'::enum_orders_status", "\"new\"");
        row("postgres", "STRING", "lower('A'::text)", "");
        row("mysql", "STRING", "'it''s'", "\"it's\"");
        row("mysql", "STRING", "NULL", ""); // MariaDB: a nullable column without a default
        row("mysql", "STRING", "'NULL'", "\"NULL\"");
        row("mysql", "DATE", "current_timestamp()", "{\"fn\":\"NOW\"}");
        row("mysql", "BOOLEAN", "1", "true");
        row("mysql", "FLOAT", "1.5", "1.5");
        row("mysql", "UUID", "uuid()", "{\"fn\":\"UUIDV4\"}");
        row("sqlite", "STRING", "'a''b'", "\"a'b\"");
        row("sqlite", "INTEGER", "(42)", "42");
        row("sqlite", "DATE", "CURRENT_TIMESTAMP", "{\"fn\":\"NOW\"}");
        row("sqlite", "BOOLEAN", "0", "false");
        // Read by ColumnDefault, as sync's drift check reads them: more spellings of NOW, E'' escapes,
        // a negative number in parentheses.
        row("postgres", "DATE", "transaction_timestamp()", "{\"fn\":\"NOW\"}");
        row("postgres", "DATEONLY", "CURRENT_DATE", "{\"fn\":\"NOW\"}");
        row("postgres", "STRING", "E'a\\nb'::text", "\"a\\nb\"");
        row("postgres", "INTEGER", "(-3)", "-3");
        row("sqlite", "DATE", "datetime('now')", "{\"fn\":\"NOW\"}");
        row("sqlite", "STRING", "CURRENT_TIMESTAMP", "");
    }
    void defaults() {
        QFETCH(QString, dialect);
        QFETCH(QString, type);
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const auto reading =
            CatalogTypes::defaultValue(*SqlDialect::fromName(dialect), *DataType::parse(type), text);
        QString actual;
        if (reading.autoIncrement)
            actual = u"auto"_s;
        else if (!reading.value.isUndefined())
            actual =
                QString::fromUtf8(QJsonDocument(QJsonArray{reading.value}).toJson(QJsonDocument::Compact))
                    .mid(1)
                    .chopped(1);
        QCOMPARE(actual, expected);
        QCOMPARE(reading.note.isEmpty(), !(expected.isEmpty() && !text.contains(u"NULL"_s)));
    }

    void names() {
        QCOMPARE(importnames::keyStem(u"buyerId"_s), u"buyer"_s);
        QCOMPARE(importnames::keyStem(u"user_id"_s), u"user"_s);
        QCOMPARE(importnames::keyStem(u"customerId5"_s), u"customer5"_s);
        QCOMPARE(importnames::keyStem(u"SupportRepId"_s), u"SupportRep"_s);
        QCOMPARE(importnames::keyStem(u"paid"_s), QString());
        QCOMPARE(importnames::keyStem(u"ReportsTo"_s), QString());
        QCOMPARE(importnames::modelNameFor(u"order_items"_s, true), u"orderItem"_s);
        QCOMPARE(importnames::modelNameFor(u"people"_s, false), u"person"_s);
        QCOMPARE(importnames::attributeFor(u"user_id"_s, true), u"userId"_s);
        QCOMPARE(importnames::attributeFor(u"userID"_s, true), QString());
        importnames::TakenNames taken;
        taken.take(u"Tags"_s);
        QCOMPARE(taken.claim(u"tags"_s), u"tags2"_s);
        QCOMPARE(taken.claim(u"tags"_s), u"tags3"_s);
    }

    void infersModelsAndLinks() {
        const ImportResult result = SchemaInference::infer(shopCatalog());
        const Schema &schema = result.project.schema;
        QStringList models;
        for (const Model &model : schema.models)
            models << model.name;
        // The junction Sequelize defines itself becomes no model.
        QCOMPARE(models, (QStringList{u"order"_s, u"profile"_s, u"tag"_s, u"user"_s}));
        const Model &user = *schema.model(u"user"_s);
        QVERIFY(user.timestamps && user.paranoid && !user.underscored && user.tableName.isEmpty());
        QCOMPARE(user.fields.size(), 1); // the implied id and the timestamps are Sequelize's own
        QVERIFY(!schema.model(u"order"_s)->timestamps);
        QCOMPARE(schema.model(u"order"_s)->field(u"total"_s)->defaultValue.toString(), u"0.00"_s);
        // profiles.userId is unique, which a key added by a link never is: declared, so before the
        // timestamps.
        QVERIFY(schema.model(u"profile"_s)->field(u"userId"_s)->unique);
        QCOMPARE(linkLines(schema), (QStringList{
                                        u"belongsTo order -> user as buyer (buyerId)"_s,
                                        u"hasMany user -> order as buyerOrders (buyerId)"_s,
                                        u"belongsTo order -> user as seller (sellerId)"_s,
                                        u"hasMany user -> order as sellerOrders (sellerId)"_s,
                                        u"belongsTo profile -> user as user (userId)"_s,
                                        u"hasOne user -> profile as profile (userId)"_s,
                                        u"belongsToMany user -> tag as tags (userId through user_tags)"_s,
                                        u"belongsToMany tag -> user as users (tagId through user_tags)"_s,
                                    }));
        QCOMPARE(schema.links.at(2).onDelete, u"SET NULL"_s);
        QCOMPARE(result.evidence.size(), schema.links.size());
        QVERIFY2(result.evidence.at(5).text.contains(u"unique index profiles_user"_s),
                 qPrintable(result.evidence.at(5).text));
        QVERIFY(result.evidence.at(1).text.contains(u"not unique"_s));
        QCOMPARE(result.skipped.size(), 1);
        QCOMPARE(result.project.layout.positions.size(), schema.models.size());

        // The design resolves to the catalog's tables: the junction, the key columns in their places.
        const ResolvedSchema resolved = SchemaResolver::resolve(schema);
        const Table *junction = resolved.table(u"user_tags"_s);
        QVERIFY(junction);
        QStringList columns;
        for (const Column &c : junction->columns)
            columns << c.name;
        QCOMPARE(columns, (QStringList{u"createdAt"_s, u"updatedAt"_s, u"userId"_s, u"tagId"_s}));
        QCOMPARE(junction->primaryKey, (QStringList{u"userId"_s, u"tagId"_s}));
        columns.clear();
        for (const Column &c : resolved.table(u"profiles"_s)->columns)
            columns << c.name;
        QCOMPARE(columns, (QStringList{u"id"_s, u"bio"_s, u"userId"_s, u"createdAt"_s, u"updatedAt"_s}));
    }

    void sameCatalogSameDesign() {
        DatabaseCatalog catalog = shopCatalog();
        const ImportResult first = SchemaInference::infer(catalog);
        QCOMPARE(SchemaInference::infer(catalog).project, first.project);
        // The order foreign keys are listed in does not matter.
        std::reverse(catalog.tables[0].foreignKeys.begin(), catalog.tables[0].foreignKeys.end());
        std::reverse(catalog.tables[3].foreignKeys.begin(), catalog.tables[3].foreignKeys.end());
        QCOMPARE(SchemaInference::infer(catalog).project.schema, first.project.schema);
    }

    void aliasesNeverCollide() {
        DatabaseCatalog catalog;
        catalog.dialect = SqlDialect(SqlDialect::Kind::Postgres);
        CatalogTable people{u"people"_s};
        // A column named like the alias a key would get, and a key without an Id suffix.
        people.columns = {serialId(), column(u"parent"_s, u"text"_s), column(u"parentId"_s, u"integer"_s),
                          column(u"mentor"_s, u"integer"_s), column(u"people"_s, u"text"_s)};
        people.primaryKey = {u"id"_s};
        people.foreignKeys = {key(u"parentId"_s, u"people"_s), key(u"mentor"_s, u"people"_s)};
        catalog.tables = {people};
        const ImportResult result = SchemaInference::infer(catalog);
        QCOMPARE(linkLines(result.project.schema),
                 (QStringList{
                     u"belongsTo person -> person as parent2 (parentId)"_s,
                     u"hasMany person -> person as parentPeople (parentId)"_s,
                     u"belongsTo person -> person as mentorPerson (mentor)"_s,
                     u"hasMany person -> person as mentorPeople (mentor)"_s,
                 }));
    }

    void warnsWhatCannotBeSaid() {
        DatabaseCatalog catalog;
        catalog.dialect = SqlDialect(SqlDialect::Kind::Postgres);
        CatalogTable shelf{u"shelf"_s};
        shelf.columns = {column(u"room"_s, u"integer"_s, true), column(u"slot"_s, u"integer"_s, true),
                         column(u"at"_s, u"point"_s), column(u"label"_s, u"text"_s),
                         column(u"code"_s, u"text"_s)};
        shelf.primaryKey = {u"room"_s, u"slot"_s};
        shelf.uniqueKeys = {{u"shelf_label_code"_s, {u"label"_s, u"code"_s}, false}};
        CatalogTable box{u"box"_s};
        box.columns = {serialId(), column(u"room"_s, u"integer"_s), column(u"slot"_s, u"integer"_s),
                       column(u"ownerId"_s, u"integer"_s)};
        box.primaryKey = {u"id"_s};
        box.foreignKeys = {{u"box_shelf"_s,
                            {u"room"_s, u"slot"_s},
                            u"shelf"_s,
                            {u"room"_s, u"slot"_s},
                            u"NO ACTION"_s,
                            u"NO ACTION"_s},
                           key(u"ownerId"_s, u"owners"_s)};
        catalog.tables = {box, shelf};
        const ImportResult result = SchemaInference::infer(catalog);
        QStringList warnings;
        for (const ImportWarning &warning : result.warnings)
            warnings << warning.toString();
        QCOMPARE(
            warnings,
            (QStringList{
                u"box.ownerId: references owners, which is not imported; kept as a plain field"_s,
                u"box.room, slot: the composite foreign key (room, slot) -> shelf (room, slot) cannot be a "
                "Sequelize association; its columns are kept as plain fields"_s,
                u"shelf.at: type point has no Sequelize counterpart; kept as TEXT"_s,
                u"shelf.label, code: the unique constraint shelf_label_code over several columns cannot be "
                "said in a Sequelize attribute; not kept"_s,
            }));
        // Nothing is dropped: every column is a field.
        QCOMPARE(result.project.schema.model(u"box"_s)->fields.size(), 3);
        QCOMPARE(result.project.schema.model(u"shelf"_s)->fields.size(), 5);
        QVERIFY(result.project.schema.links.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSchemaInference)
#include "tst_schemainference.moc"
