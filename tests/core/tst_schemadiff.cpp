// Identity and the schema differ: a version 1 file gets the same unique ids on every load and is saved as
// version 2; ids in a file are checked; two designs compare by ids over their resolved tables, so renames are
// renames, and every step that can lose data says so. The SQL of each dialect is checked for its shape here;
// tests/database/tst_migration runs it on the engines.
#include "db/migrationsql.h"
#include "migrate/schemadiff.h"
#include "project/projectfile.h"
#include "schema/schemaids.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace modeldesk;
using namespace Qt::StringLiterals;

namespace {

Project load(const QString &name) {
    QString error;
    const auto project = ProjectFile::load(QStringLiteral(MODELDESK_TEST_DATA "/migrate/") + name, &error);
    if (!project)
        qFatal("%s", qPrintable(error));
    return *project;
}

QStringList allIds(const Schema &schema) {
    QStringList ids;
    for (const Model &m : schema.models) {
        ids << m.id;
        for (const Field &f : m.fields)
            ids << f.id;
    }
    for (const Link &l : schema.links)
        ids << l.id;
    return ids;
}

QStringList descriptions(const MigrationPlan &plan, bool dataLossOnly = false) {
    QStringList out;
    for (const MigrationStep &step : plan.steps)
        if (!dataLossOnly || step.dataLoss)
            out << step.description;
    return out;
}

const char *kVersion1 =
    R"({"format":"modeldesk","version":1,"models":[{"name":"user","fields":[{"name":"name","type":"STRING"},)"
    R"({"name":"email","type":"STRING"}]},{"name":"post","fields":[{"name":"title","type":"STRING"}]}],)"
    R"("links":[{"kind":"hasMany","source":"user","target":"post"},{"kind":"belongsTo","source":"post",)"
    R"("target":"user"}]})";

} // namespace

class TstSchemaDiff : public QObject {
    Q_OBJECT

private slots:
    // A v1 file: every element gets an id, unique, the same on every load, and the save is version 2.
    void version1GetsStableIds() {
        QString error;
        const auto first = ProjectFile::parse(kVersion1, &error);
        QVERIFY2(first, qPrintable(error));
        const auto second = ProjectFile::parse(kVersion1, &error);
        const QStringList ids = allIds(first->schema);
        QCOMPARE(ids.size(), 7);
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), 7);
        for (const QString &id : ids)
            QVERIFY2(SchemaIds::isValid(id) && id.size() <= 6, qPrintable(id));
        QCOMPARE(allIds(second->schema), ids);
        QCOMPARE(first->schema.models.at(0).id.front(), QChar(u'm'));
        QCOMPARE(first->schema.models.at(0).fields.at(0).id.front(), QChar(u'f'));
        QCOMPARE(first->schema.links.at(0).id.front(), QChar(u'l'));

        const QString saved = QString::fromUtf8(ProjectFile::serialize(*first));
        QVERIFY(saved.contains(u"\"version\": 2"_s));
        // Still one line per field and link, each starting with its id.
        QVERIFY(saved.contains(u"{\"id\": \"%1\", \"name\": \"name\", \"type\": \"STRING\"}"_s.arg(
            first->schema.models.at(0).fields.at(0).id)));
        QVERIFY(
            saved.contains(u"{\"id\": \"%1\", \"kind\": \"hasMany\""_s.arg(first->schema.links.at(0).id)));
        const auto reloaded = ProjectFile::parse(saved.toUtf8(), &error);
        QVERIFY2(reloaded, qPrintable(error));
        QCOMPARE(reloaded->schema, first->schema);
    }

    // Ids that clash (same content twice in a hand-written file) still come out unique.
    void clashingContentGetsDistinctIds() {
        Schema schema;
        schema.models = {Model{u"a"_s}, Model{u"a"_s}};
        schema.models[0].fields = {Field{u"x"_s, DataType::string()}, Field{u"x"_s, DataType::string()}};
        schema.models[1].fields = schema.models[0].fields;
        SchemaIds::assignMissing(schema);
        const QStringList ids = allIds(schema);
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size());
        // A model added next to it gets an id no one has, and keeps the ones it has.
        Model added{u"b"_s};
        added.fields = {Field{u"y"_s, DataType::string()}};
        added.fields[0].id = u"fkeep"_s;
        SchemaIds::assignMissing(schema, added);
        QCOMPARE(added.fields.at(0).id, u"fkeep"_s);
        QVERIFY(!ids.contains(added.id) && !added.id.isEmpty());
    }

    void badIdsAreRefused_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("duplicate")
            << QByteArray(R"({"format":"modeldesk","version":2,"models":[{"id":"m1","name":"a","fields":[)"
                          R"({"id":"m1","name":"x","type":"STRING"}]}]})")
            << u"$.models[0].fields[0].id: \"m1\" is already the id of $.models[0]; ids are unique in a project"_s;
        QTest::newRow("form")
            << QByteArray(R"({"format":"modeldesk","version":2,"models":[{"id":"a b","name":"a"}]})")
            << u"$.models[0].id: \"a b\" is not an id (letters, digits, '_' and '-', at most 32)"_s;
        QTest::newRow("newer") << QByteArray(R"({"format":"modeldesk","version":3,"models":[]})")
                               << u"$.version: the file has format version 3, written by a newer ModelDesk; "
                                  u"this one reads up to "
                                  "version 2. Update ModelDesk to open it."_s;
    }
    void badIdsAreRefused() {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!ProjectFile::parse(json, &error));
        QCOMPARE(error, message);
    }

    // The issue's change set: renames by id, the kept link's key column renamed with its model, the type
    // changes with their direction, the new link, the junction, paranoid and timestamps on.
    void changeSetSteps() {
        const MigrationPlan plan =
            SchemaDiff::compare(load(u"old.modeldesk"_s).schema, load(u"new.modeldesk"_s).schema);
        const QStringList steps = descriptions(plan);
        if (qEnvironmentVariableIsSet("MODELDESK_DUMP_STEPS"))
            qInfo("%s\n\n%s", qPrintable(steps.join(u'\n')),
                  qPrintable(MigrationSql(SqlDialect(SqlDialect::Kind::Sqlite)).script(plan, {})));
        const QStringList expected = {
            u"rename table authors to writers"_s,
            u"create table book_tags"_s,
            u"drop column tags.authorId"_s,
            u"rename column writers.fullName to displayName"_s,
            u"change the type of writers.bio from STRING(200) to STRING(100)"_s,
            u"add column writers.level INTEGER"_s,
            u"add column writers.createdAt DATE (existing rows get the current time)"_s,
            u"add column writers.updatedAt DATE (existing rows get the current time)"_s,
            u"add column writers.deletedAt DATE"_s,
            u"drop column writers.age"_s,
            u"change the type of books.title from STRING(40) to STRING(120)"_s,
            u"rename column books.authorId to writerId"_s,
            u"rename column profiles.authorId to writerId"_s,
            u"add column profiles.tagId INTEGER"_s,
            u"add foreign key profiles.tagId -> tags(id) ON DELETE SET NULL ON UPDATE CASCADE"_s,
        };
        for (const QString &step : expected)
            QVERIFY2(steps.contains(step),
                     qPrintable(u"missing: "_s + step + u"\nsteps:\n"_s + steps.join(u'\n')));
        QCOMPARE(descriptions(plan, true),
                 QStringList({u"change the type of writers.bio from STRING(200) to STRING(100)"_s,
                              u"drop column writers.age"_s, u"drop column tags.authorId"_s}));
        QVERIFY(plan.unsupported().isEmpty());
        QVERIFY(!steps.join(u'\n').contains(u"drop table"_s));
    }

    // A v1 file and the v2 file saved from it after a rename diff as a rename: the ids of the v1 file are
    // derived the same way on every load.
    void version1DiffsAgainstItsSuccessor() {
        QString error;
        auto before = ProjectFile::parse(kVersion1, &error);
        QVERIFY2(before, qPrintable(error));
        Project after = *before;
        after.schema.models[0].fields[0].name = u"fullName"_s;
        const auto saved = ProjectFile::parse(ProjectFile::serialize(after), &error);
        QVERIFY2(saved, qPrintable(error));
        const auto reread = ProjectFile::parse(kVersion1, &error);
        const MigrationPlan plan = SchemaDiff::compare(reread->schema, saved->schema);
        QCOMPARE(descriptions(plan), QStringList{u"rename column users.name to fullName"_s});
    }

    void identicalDesignsHaveNoSteps() {
        const Schema schema = load(u"new.modeldesk"_s).schema;
        QVERIFY(SchemaDiff::compare(schema, schema).isEmpty());
    }

    void widening_data() {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<bool>("keeps");
        QTest::newRow("longer string") << u"STRING(50)"_s << u"STRING(200)"_s << true;
        QTest::newRow("shorter string") << u"STRING(50)"_s << u"STRING(20)"_s << false;
        QTest::newRow("string to text") << u"STRING"_s << u"TEXT"_s << true;
        QTest::newRow("text to string") << u"TEXT"_s << u"STRING"_s << false;
        QTest::newRow("int to bigint") << u"INTEGER"_s << u"BIGINT"_s << true;
        QTest::newRow("bigint to int") << u"BIGINT"_s << u"INTEGER"_s << false;
        QTest::newRow("decimal wider") << u"DECIMAL(8,2)"_s << u"DECIMAL(10,2)"_s << true;
        QTest::newRow("decimal less scale") << u"DECIMAL(8,2)"_s << u"DECIMAL(8,1)"_s << false;
        QTest::newRow("enum more values") << u"ENUM('a','b')"_s << u"ENUM('a','b','c')"_s << true;
        QTest::newRow("enum fewer values") << u"ENUM('a','b')"_s << u"ENUM('a')"_s << false;
        QTest::newRow("enum reordered") << u"ENUM('a','b')"_s << u"ENUM('b','a')"_s << true;
        QTest::newRow("enum to string") << u"ENUM('a','bb')"_s << u"STRING(2)"_s << true;
        QTest::newRow("enum to short string") << u"ENUM('a','bbb')"_s << u"STRING(2)"_s << false;
        QTest::newRow("string to enum") << u"STRING"_s << u"ENUM('a')"_s << false;
        QTest::newRow("string to int") << u"STRING"_s << u"INTEGER"_s << false;
    }
    void widening() {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(bool, keeps);
        QCOMPARE(SchemaDiff::keepsEveryValue(*DataType::parse(from), *DataType::parse(to)), keeps);
    }

    // The statements' order and shape per dialect: keys dropped first and added last on the servers, SQLite's
    // rebuild recipe with the foreign key check at the end.
    void sqlShape() {
        const MigrationPlan plan =
            SchemaDiff::compare(load(u"old.modeldesk"_s).schema, load(u"new.modeldesk"_s).schema);
        const QStringList sqlite = MigrationSql(SqlDialect(SqlDialect::Kind::Sqlite)).statements(plan);
        QCOMPARE(sqlite.first(), u"ALTER TABLE `authors` RENAME TO `writers`"_s);
        QCOMPARE(sqlite.mid(sqlite.size() - 3), MigrationSql::foreignKeyCheck());
        const qsizetype create =
            sqlite.indexOf(QRegularExpression(u"CREATE TABLE IF NOT EXISTS `writers__modeldesk_new`.*"_s));
        QVERIFY(create > 0);
        QVERIFY2(
            sqlite.at(create + 1)
                .startsWith(
                    u"INSERT INTO `writers__modeldesk_new` (`id`, `displayName`, `bio`, `createdAt`, `updatedAt`) SELECT `id`, `fullName`, `bio`, strftime("_s),
            qPrintable(sqlite.at(create + 1)));
        QCOMPARE(sqlite.at(create + 2), u"DROP TABLE `writers`"_s);
        QCOMPARE(sqlite.at(create + 3), u"ALTER TABLE `writers__modeldesk_new` RENAME TO `writers`"_s);
        // profiles gets a new key column: rebuilt. books only renames a column... and widens a type: rebuilt.
        QVERIFY(sqlite.contains(u"DROP TABLE `profiles`"_s));

        const QStringList pg = MigrationSql(SqlDialect(SqlDialect::Kind::Postgres)).statements(plan);
        QVERIFY2(pg.first().startsWith(u"DO $md$"_s),
                 qPrintable(pg.first())); // tags.authorId's key goes first
        QCOMPARE(pg.at(1), u"ALTER TABLE \"authors\" RENAME TO \"writers\""_s);
        QCOMPARE(pg.at(2), u"ALTER SEQUENCE IF EXISTS \"authors_id_seq\" RENAME TO \"writers_id_seq\""_s);
        QVERIFY(pg.contains(
            u"ALTER TABLE \"writers\" ALTER COLUMN \"bio\" TYPE VARCHAR(100) USING \"bio\"::VARCHAR(100)"_s));
        QVERIFY(pg.contains(u"ALTER TABLE \"writers\" RENAME COLUMN \"fullName\" TO \"displayName\""_s));
        QCOMPARE(
            pg.last(),
            u"ALTER TABLE \"profiles\" ADD FOREIGN KEY (\"tagId\") REFERENCES \"tags\" (\"id\") ON DELETE SET NULL ON UPDATE CASCADE"_s);

        const QStringList my = MigrationSql(SqlDialect(SqlDialect::Kind::MySql)).statements(plan);
        QVERIFY(my.first().startsWith(u"SET @md_sql = "_s));
        QVERIFY(my.contains(u"ALTER TABLE `writers` MODIFY COLUMN `bio` VARCHAR(100)"_s));
        const QString script = MigrationSql(SqlDialect(SqlDialect::Kind::MySql)).script(plan, u"a -> b"_s);
        QVERIFY(script.contains(u"[DATA LOSS: drops the column and its values]"_s));
        QVERIFY(!script.contains(u"BEGIN;"_s));
        // Every script starts by checking that the database is at OLD (tests/database/tst_startingversion).
        for (const SqlDialect &dialect : SqlDialect::all()) {
            const QString text = MigrationSql(dialect).script(plan, {});
            const qsizetype check = text.indexOf(u"-- First the database must be at the starting version"_s);
            QVERIFY2(check > 0 && check < text.indexOf(u"ALTER TABLE"_s), qPrintable(text));
        }
    }
};

QTEST_GUILESS_MAIN(TstSchemaDiff)
#include "tst_schemadiff.moc"
