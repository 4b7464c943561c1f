// Schema validation: each kind of problem is found, with its path and a message that names it.
#include "editing/namecheck.h"
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

// The errors about a name taken twice (models, fields, timestamp columns, aliases).
int nameClashes(const Schema &schema) {
    int count = 0;
    for (const Problem &p : SchemaValidator::validate(schema))
        count += p.isError() && (p.message.contains(u"twice"_s) || p.message.contains(u"collides"_s));
    return count;
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

    // The designer's edit-time check (NameCheck) refuses exactly the names the validator would report as
    // taken: every model, field and link of the shop, renamed to every name in sight.
    void nameCheckAgreesWithTheValidator() {
        QString error;
        const auto shop = ProjectFile::load(
            QStringLiteral(MODELDESK_SOURCE_DIR) + u"/resources/examples/shop.modeldesk"_s, &error);
        QVERIFY2(shop, qPrintable(error));
        const Schema &schema = shop->schema;
        QCOMPARE(nameClashes(schema), 0);
        QStringList names{u"fresh"_s, u"createdAt"_s, u"updated_at"_s, u"deletedAt"_s};
        for (const Model &model : schema.models) {
            names << model.name << model.name.toUpper();
            for (const Field &field : model.fields)
                names << field.name << field.name.toUpper();
        }
        for (const Link &link : schema.links)
            names << link.as;
        int refused = 0;
        int checked = 0;
        for (const QString &name : std::as_const(names)) {
            for (int m = 0; m < schema.models.size(); ++m) {
                Schema renamed = schema;
                renamed.models[m].name = name;
                const bool clash = nameClashes(renamed) > 0;
                QVERIFY2(NameCheck::modelName(schema, m, name).isEmpty() != clash,
                         qPrintable(schema.models.at(m).name + u" -> "_s + name));
                for (int f = 0; f < schema.models.at(m).fields.size(); ++f) {
                    Schema changed = schema;
                    changed.models[m].fields[f].name = name;
                    // A field that is a link's key makes the link's own checks speak; only the name counts
                    // here.
                    const bool fieldClash = nameClashes(changed) > 0;
                    const QString refusal =
                        NameCheck::fieldName(schema.models.at(m), f, name,
                                             NameCheck::aliasesFrom(schema, schema.models.at(m).name));
                    QVERIFY2(refusal.isEmpty() != fieldClash,
                             qPrintable(u"%1.%2 -> %3: %4"_s.arg(schema.models.at(m).name,
                                                                 schema.models.at(m).fields.at(f).name, name,
                                                                 refusal)));
                    refused += !refusal.isEmpty();
                    ++checked;
                }
            }
            for (int l = 0; l < schema.links.size(); ++l) {
                Schema changed = schema;
                changed.links[l].as = name;
                const QString refusal = NameCheck::alias(schema, l, name);
                QVERIFY2(refusal.isEmpty() != (nameClashes(changed) > 0),
                         qPrintable(u"link %1 as %2: %3"_s.arg(l).arg(name, refusal)));
                ++checked;
            }
        }
        QVERIFY(refused > 0 && refused < checked);
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
