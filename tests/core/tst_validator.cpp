// Schema validation: each kind of problem is found, with its path and a message that names it.
#include "project/projectfile.h"
#include "schema/schemavalidator.h"

#include <QJsonArray>
#include <QTest>

#include <functional>

using namespace modeldesk;
using namespace Qt::StringLiterals;

using Breaker = std::function<void(modeldesk::Schema &)>;
Q_DECLARE_METATYPE(Breaker)

namespace {

Schema seedSchema() {
    QString error;
    auto project = ProjectFile::load(
        QStringLiteral(MODELDESK_SOURCE_DIR) + u"/resources/examples/seed.modeldesk"_s, &error);
    if (!project)
        qFatal("%s", qPrintable(error));
    return project->schema;
}

QStringList lines(const QList<Problem> &problems) {
    QStringList out;
    for (const Problem &p : problems)
        out << p.toString();
    return out;
}

} // namespace

class TstValidator : public QObject {
    Q_OBJECT

private slots:
    void examplesAreValid() {
        QVERIFY(SchemaValidator::validate(seedSchema()).isEmpty());
        QString error;
        const auto shop = ProjectFile::load(
            QStringLiteral(MODELDESK_SOURCE_DIR) + u"/resources/examples/shop.modeldesk"_s, &error);
        QVERIFY2(shop, qPrintable(error));
        const QList<Problem> problems = SchemaValidator::validate(shop->schema);
        QVERIFY2(!SchemaValidator::hasErrors(problems), qPrintable(lines(problems).join(u'\n')));
    }

    void problems_data() {
        QTest::addColumn<Breaker>("breakIt");
        QTest::addColumn<QString>("expected");

        QTest::newRow("empty model name")
            << Breaker([](Schema &s) { s.models[0].name = {}; }) << "error: model '': a model needs a name";
        QTest::newRow("duplicate model") << Breaker([](Schema &s) { s.models[1].name = u"TestUser"_s; })
                                         << "error: model 'TestUser': model name \"TestUser\" is used twice "
                                            "(names are compared ignoring case)";
        QTest::newRow("duplicate table")
            << Breaker([](Schema &s) { s.models[1].tableName = u"testUsers"_s; })
            << "error: model 'test': table \"testUsers\" is also the table of model 'testUser'";
        QTest::newRow("duplicate field")
            << Breaker([](Schema &s) { s.models[0].fields[1].name = u"name"_s; })
            << "error: model 'testUser' › field 'name': field name \"name\" is used twice in this model";
        QTest::newRow("timestamp collision")
            << Breaker([](Schema &s) { s.models[0].fields[1].name = u"createdAt"_s; })
            << "error: model 'testUser' › field 'createdAt': field \"createdAt\" collides with the timestamp "
               "column "
               "Sequelize adds; turn timestamps off or rename the field";
        QTest::newRow("alias twice") << Breaker([](Schema &s) {
            Link extra = s.links[0];
            extra.foreignKey = u"otherId"_s;
            s.links.append(extra);
        })
                                     << "error: link 3 (testUser hasOne test): alias \"user_test\" is used "
                                        "twice on model 'testUser'; give "
                                        "each link its own `as`";
        QTest::newRow("alias collides") << Breaker([](Schema &s) { s.links[0].as = u"email"_s; })
                                        << "error: link 1 (testUser hasOne test): alias \"email\" collides "
                                           "with a field of model 'testUser' "
                                           "(Sequelize refuses this)";
        QTest::newRow("missing target")
            << Breaker([](Schema &s) { s.links[0].target = u"ghost"_s; })
            << "error: link 1 (testUser hasOne ghost): target model 'ghost' does not exist";
        QTest::newRow("fk type") << Breaker(
                                        [](Schema &s) { s.models[1].fields[1].type = DataType::string(); })
                                 << "error: link 1 (testUser hasOne test): foreign key tests.userId is "
                                    "STRING but testUsers.id is INTEGER";
        QTest::newRow("enum empty") << Breaker([](Schema &s) {
            s.models[1].fields[0].type = DataType::ofKind(DataType::Kind::Enum);
        }) << "error: model 'test' › field 'code': ENUM needs at least one value";
        QTest::newRow("decimal scale") << Breaker([](Schema &s) {
            s.models[1].fields[0].type = DataType{DataType::Kind::Decimal, -1, 4, 6, {}};
        }) << "error: model 'test' › field 'code': DECIMAL scale 6 is larger than its precision 4";
        QTest::newRow("btm without through") << Breaker([](Schema &s) {
            s.links.append(Link{Link::Kind::BelongsToMany, u"testUser"_s, u"test"_s, u"things"_s});
        })
                                             << "error: link 3 (testUser belongsToMany test): belongsToMany "
                                                "needs `through` (a junction table or "
                                                "model name)";
        QTest::newRow("required cycle") << Breaker([](Schema &s) {
            s.models[1].fields[1].allowNull = false;
            Field back{u"testId"_s, DataType::integer()};
            back.allowNull = false;
            s.models[0].fields.append(back);
            s.links.append(
                Link{Link::Kind::BelongsTo, u"testUser"_s, u"test"_s, u"favourite"_s, u"testId"_s});
        })
                                        << "error: table 'testUsers': required foreign keys form a cycle "
                                           "(testUsers → tests → testUsers): no row "
                                           "can be inserted first; allow NULL on one of them";
        QTest::newRow("reserved word") << Breaker([](Schema &s) { s.models[1].fields[0].name = u"order"_s; })
                                       << "warning: model 'test' › field 'order': field name \"order\" is an "
                                          "SQL reserved word; ModelDesk "
                                          "quotes it, but hand-written SQL must too";
        QTest::newRow("odd characters") << Breaker([](Schema &s) { s.models[1].tableName = u"my tests"_s; })
                                        << "warning: model 'test': table name \"my tests\" has characters "
                                           "other than letters, digits and _; it "
                                           "must be quoted in SQL";
        QTest::newRow("bad rule") << Breaker([](Schema &s) {
            s.models[0].fields[0].validate = {ValidateRule{u"len"_s, QJsonArray{5, 2}}};
        })
                                  << "error: model 'testUser' › field 'name' › validate 'len': len takes "
                                     "[min, max] with 0 <= min <= max, "
                                     "e.g. [2, 10]";
        QTest::newRow("unknown rule") << Breaker([](Schema &s) {
            s.models[0].fields[0].validate = {ValidateRule{u"isShouting"_s, true}};
        })
                                      << "error: model 'testUser' › field 'name' › validate 'isShouting': "
                                         "unknown validate rule \"isShouting\" "
                                         "(known: isEmail, isUrl, notEmpty, len, min, max, is, isIn)";
        QTest::newRow("bad default") << Breaker([](Schema &s) {
            s.models[1].fields[1].defaultValue = u"seven"_s;
        }) << "error: model 'test' › field 'userId': default value \"seven\" does not fit type INTEGER";
        QTest::newRow("autoincrement text")
            << Breaker([](Schema &s) { s.models[1].fields[0].autoIncrement = true; })
            << "error: model 'test' › field 'code': autoIncrement needs an INTEGER, BIGINT or SMALLINT "
               "field, not "
               "STRING";
        QTest::newRow("bad action")
            << Breaker([](Schema &s) { s.links[0].onDelete = u"EXPLODE"_s; })
            << "error: link 1 (testUser hasOne test): onDelete \"EXPLODE\" is not one of CASCADE, SET NULL, "
               "RESTRICT, NO ACTION, SET DEFAULT";
    }
    void problems() {
        QFETCH(Breaker, breakIt);
        QFETCH(QString, expected);
        Schema schema = seedSchema();
        breakIt(schema);
        const QStringList found = lines(SchemaValidator::validate(schema));
        QVERIFY2(found.contains(expected),
                 qPrintable(u"expected: "_s + expected + u"\nfound:\n"_s + found.join(u'\n')));
    }

    void problemLocatesItem() {
        Schema schema = seedSchema();
        schema.models[1].fields[0].type = DataType::ofKind(DataType::Kind::Enum);
        const QList<Problem> problems = SchemaValidator::validate(schema);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().model, u"test"_s);
        QCOMPARE(problems.first().field, u"code"_s);
    }
};

QTEST_GUILESS_MAIN(TstValidator)
#include "tst_validator.moc"
