// Sequelize model code read back into a design, through the real Node and the real Sequelize 6 of the test
// tools (passed as the project's node_modules): every bundled example, the conformance designs, the
// hostile-names fixture and generated designs go through the Sequelize export and come back as the same
// design; hand-written projects in sequelize-cli's style (its models/index.js as `sequelize init` writes it,
// class/init + associate and define) and in the seed's style (one file per model, associations apart) give
// the designs a person would draw, with warnings for what a design cannot hold; bad code gives clear
// messages and writes nothing, also through the real `modeldesk import`; models the real sequelize-auto
// writes from a PostgreSQL database come back with the links that database implies.
#include "editing/designgenerator.h"
#include "export/exporterregistry.h"
#include "import/sequelizecode.h"
#include "schema/linkfacts.h"
#include "schema/resolvedschema.h"
#include "support/nodetools.h"
#include "support/scratchdatabase.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace modeldesk;
using namespace modeldesk::test;
using namespace Qt::StringLiterals;

namespace {

const QString kCode = QStringLiteral(MODELDESK_TEST_DATA "/sequelize-code");

SequelizeCodeImport::Options options() {
    SequelizeCodeImport::Options out;
    out.modulePaths << NodeTools::cacheDir() + u"/node_modules"_s;
    return out;
}

// A model as its tables see it: the derived table name filled in, STRING(255) the same as STRING.
Model canonical(Model model) {
    model.tableName = model.effectiveTableName();
    for (Field &field : model.fields)
        if ((field.type.kind == DataType::Kind::String || field.type.kind == DataType::Kind::Char) &&
            field.type.length == 255)
            field.type.length = -1;
    return model;
}

// A link with every value Sequelize would use: its alias, keys, junction and the actions the database
// enforces.
QString canonical(const ResolvedSchema &resolved, const ResolvedLink &link) {
    const linkfacts::LinkActions actions = linkfacts::effectiveActions(resolved, link);
    return QStringList{Link::kindName(link.kind), link.source,       link.target,      link.as,
                       link.foreignKey,           link.otherKey,     link.sourceKey,   link.targetKey,
                       link.throughModel,         link.throughTable, actions.onDelete, actions.onUpdate}
        .join(u" | "_s);
}

void compareDesigns(const Schema &actual, const Schema &expected) {
    QCOMPARE(actual.models.size(), expected.models.size());
    for (qsizetype i = 0; i < expected.models.size(); ++i) {
        const Model a = canonical(actual.models.at(i));
        const Model e = canonical(expected.models.at(i));
        QCOMPARE(a.name, e.name);
        QCOMPARE(a.tableName, e.tableName);
        QCOMPARE(a.freezeTableName, e.freezeTableName);
        QCOMPARE(a.timestamps, e.timestamps);
        QCOMPARE(a.paranoid, e.paranoid);
        QCOMPARE(a.underscored, e.underscored);
        QCOMPARE(a.comment, e.comment);
        QCOMPARE(a.fields.size(), e.fields.size());
        for (qsizetype f = 0; f < e.fields.size(); ++f) {
            const Field &af = a.fields.at(f);
            const Field &ef = e.fields.at(f);
            const QByteArray where = (e.name + u'.' + ef.name).toUtf8();
            QVERIFY2(af.name == ef.name, where);
            QVERIFY2(af.type == ef.type, where + ": " + af.type.toString().toUtf8());
            QVERIFY2(af.allowNull == ef.allowNull, where + " allowNull");
            QVERIFY2(af.defaultValue == ef.defaultValue, where + " defaultValue");
            QVERIFY2(af.primaryKey == ef.primaryKey, where + " primaryKey");
            QVERIFY2(af.autoIncrement == ef.autoIncrement, where + " autoIncrement");
            QVERIFY2(af.unique == ef.unique, where + " unique");
            QVERIFY2(af.comment == ef.comment, where + " comment");
            QVERIFY2(af.validate == ef.validate, where + " validate");
        }
    }
    const ResolvedSchema ra = SchemaResolver::resolve(actual);
    const ResolvedSchema re = SchemaResolver::resolve(expected);
    QCOMPARE(ra.links.size(), re.links.size());
    for (qsizetype i = 0; i < re.links.size(); ++i)
        QCOMPARE(canonical(ra, ra.links.at(i)), canonical(re, re.links.at(i)));
}

Project loadFile(const QString &path) {
    QString error;
    const auto project = ProjectFile::load(path, &error);
    if (!project)
        qFatal("%s", qPrintable(error));
    return *project;
}

QStringList warningTexts(const ImportResult &result) {
    QStringList out;
    for (const ImportWarning &warning : result.warnings)
        out << warning.toString();
    return out;
}

bool containsLike(const QStringList &texts, const QString &start) {
    return std::any_of(texts.begin(), texts.end(), [&](const QString &t) { return t.startsWith(start); });
}

} // namespace

class TstSequelizeImport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        MODELDESK_REQUIRE_NODE_TOOLS();
        qunsetenv("NODE_PATH"); // the only sequelize the tests see is the one they pass
    }

    void roundTrip_data() {
        QTest::addColumn<Project>("project");
        for (const QString &example : {u"seed"_s, u"shop"_s})
            QTest::newRow(qPrintable(example)) << loadExample(example);
        QTest::newRow("hostile") << loadProject(u"hostile"_s);
        for (const QString &design : {u"archive"_s, u"club"_s})
            QTest::newRow(qPrintable(u"conformance "_s + design))
                << loadFile(QStringLiteral(MODELDESK_TEST_DATA "/conformance/") + design + u".modeldesk"_s);
        for (quint32 seed : {1u, 2u, 3u}) {
            DesignGenerator::Options generate;
            generate.models = 14;
            generate.fields = 6;
            generate.links = 20;
            generate.seed = seed;
            QTest::newRow(qPrintable(u"generated seed %1"_s.arg(seed)))
                << DesignGenerator::generate(generate);
        }
    }

    // Design -> Sequelize export -> import: the same design, and nothing to warn about.
    void roundTrip() {
        QFETCH(Project, project);
        QTemporaryDir dir;
        QString error;
        QVERIFY2(ExporterRegistry::find(u"sequelize"_s)->write(project, {}, dir.path(), &error),
                 qPrintable(error));
        const auto imported = SequelizeCodeImport::read(dir.filePath(u"models"_s), options(), &error);
        QVERIFY2(imported, qPrintable(error));
        QCOMPARE(warningTexts(*imported), QStringList());
        compareDesigns(imported->project.schema, project.schema);
        QCOMPARE(imported->project.layout.positions.size(), project.schema.models.size());
        // And the project folder itself (models/ below it), and models/index.js as a file: the same.
        const auto fromFolder = SequelizeCodeImport::read(dir.path(), options(), &error);
        QVERIFY2(fromFolder, qPrintable(error));
        QCOMPARE(fromFolder->project.schema, imported->project.schema);
    }

    // sequelize-cli's layout: models/index.js exactly as `sequelize init` writes it, config/config.json for
    // MySQL (no mysql2 installed for the project: the import never connects), class/init + static associate
    // and define with associate as a property.
    void cliProject() {
        QString error;
        const auto result = SequelizeCodeImport::read(kCode + u"/cli-app/models"_s, options(), &error);
        QVERIFY2(result, qPrintable(error));
        const Schema &schema = result->project.schema;
        QStringList models;
        for (const Model &model : schema.models)
            models << model.name;
        QCOMPARE(models, (QStringList{u"Group"_s, u"Post"_s, u"User"_s})); // no UserGroups: generated
        const Model *user = schema.model(u"User"_s);
        QCOMPARE(user->fields.size(), 5); // no id, timestamps
        QCOMPARE(user->field(u"firstName"_s)->type, DataType::string());
        QCOMPARE(user->field(u"lastName"_s)->type, DataType::string(80));
        const Field *email = user->field(u"email"_s);
        QCOMPARE(email->allowNull, std::optional<bool>(false));
        QVERIFY(email->unique);
        QCOMPARE(email->validate, (QList<ValidateRule>{{u"isEmail"_s, true}, {u"notEmpty"_s, true}}));
        const Field *role = user->field(u"role"_s);
        QCOMPARE(role->type.values, (QStringList{u"admin"_s, u"member"_s}));
        QCOMPARE(role->defaultValue, QJsonValue(u"member"_s));
        QCOMPARE(role->comment, u"what the user may do"_s);
        QCOMPARE(user->field(u"age"_s)->validate.size(), 2); // min, max; isAdult is a warning
        const Model *post = schema.model(u"Post"_s);
        QVERIFY(post->paranoid);
        QVERIFY(!post->field(u"slug"_s)); // VIRTUAL
        QCOMPARE(post->field(u"price"_s)->type.toString(), u"DECIMAL(10,2)"_s);
        QCOMPARE(post->field(u"publishedAt"_s)->defaultValue, QJsonValue(QJsonObject{{u"fn"_s, u"NOW"_s}}));
        QVERIFY(post->field(u"authorId"_s)); // declared by the user: kept
        const Model *group = schema.model(u"Group"_s);
        QVERIFY(group->underscored);
        QCOMPARE(group->tableName, u"user_groups"_s);
        QCOMPARE(group->field(u"id"_s)->defaultValue, QJsonValue(QJsonObject{{u"fn"_s, u"UUIDV4"_s}}));
        QVERIFY(group->field(u"name"_s)->unique); // from its single-field unique index

        // In associate order (index.js calls them model by model): Group, Post, User.
        QCOMPARE(schema.links.size(), 4);
        const Link &groupUsers = schema.links.at(0);
        QCOMPARE(groupUsers.kind, Link::Kind::BelongsToMany);
        QCOMPARE(groupUsers.through, u"UserGroups"_s);
        QVERIFY(groupUsers.as.isEmpty() && groupUsers.foreignKey.isEmpty()); // Sequelize's defaults
        const Link &author = schema.links.at(1);
        QCOMPARE(author.kind, Link::Kind::BelongsTo);
        QCOMPARE(author.as, u"author"_s);
        QCOMPARE(author.foreignKey, QString()); // authorId is the default for `as: 'author'`
        QCOMPARE(author.onDelete, u"CASCADE"_s);
        const Link &posts = schema.links.at(2);
        QCOMPARE(posts.kind, Link::Kind::HasMany);
        QCOMPARE(posts.as, u"posts"_s);            // Sequelize's would be 'Posts'
        QCOMPARE(posts.foreignKey, u"authorId"_s); // and 'UserId'

        const QStringList warnings = warningTexts(*result);
        QVERIFY2(containsLike(warnings, u"Post.slug: VIRTUAL"_s), qPrintable(warnings.join(u'\n')));
        QVERIFY(containsLike(warnings, u"Post: hooks beforeValidate"_s));
        QVERIFY(containsLike(warnings, u"Post: scopes published"_s));
        QVERIFY(containsLike(warnings, u"User.age: custom validator isAdult"_s));
        QVERIFY(containsLike(warnings, u"User: instance methods fullName"_s));
        QVERIFY(containsLike(warnings, u"Group: index"_s)); // (kind, name), not unique
        QCOMPARE(warnings.size(), 6);

        // models/index.js named as a file (the db object it exports): the same design.
        const auto fromIndex =
            SequelizeCodeImport::read(kCode + u"/cli-app/models/index.js"_s, options(), &error);
        QVERIFY2(fromIndex, qPrintable(error));
        QCOMPARE(fromIndex->project.schema, schema);
    }

    // The seed's own style: each model file requires the shared instance, associations.js wires them, and
    // there is no index.js. It is the bundled seed example.
    void seedStyleProject() {
        QString error;
        const auto result = SequelizeCodeImport::read(kCode + u"/seed-style"_s, options(), &error);
        QVERIFY2(result, qPrintable(error));
        QCOMPARE(warningTexts(*result), QStringList());
        compareDesigns(result->project.schema, loadExample(u"seed"_s).schema);
    }

    // A .js file that makes its own instance (with `define` defaults) and exports it: the junction named by
    // table is no model, and each thing the design cannot hold is one warning; what the code prints is kept
    // apart from the result.
    void singleFileInstance() {
        QString error;
        QByteArray console;
        const auto result =
            SequelizeCodeImport::read(kCode + u"/single-file/app.js"_s, options(), &error, &console);
        QVERIFY2(result, qPrintable(error));
        QCOMPARE(console, QByteArray("this line is the code talking, not the result\n"));
        const Schema &schema = result->project.schema;
        QCOMPARE(schema.models.size(), 3);
        for (const Model &model : schema.models)
            QVERIFY2(model.underscored, qPrintable(model.name)); // the instance's define: {underscored}
        const Model *author = schema.model(u"author"_s);
        QCOMPARE(author->fields.size(), 4);
        QVERIFY(!author->field(u"firstName"_s)->unique); // composite: a warning
        const Model *book = schema.model(u"book"_s);
        QVERIFY(book->freezeTableName && !book->timestamps);
        QCOMPARE(book->field(u"isbn"_s)->type.toString(), u"CHAR(13)"_s);
        QCOMPARE(book->field(u"data"_s)->type.kind, DataType::Kind::Json);
        // foreignKey: {name, allowNull: false} on the belongsTo: the attribute, declared.
        QCOMPARE(book->fields.size(), 4);
        QCOMPARE(book->fields.at(3).name, u"authorId"_s);
        QCOMPARE(book->fields.at(3).type, DataType::integer());
        QCOMPARE(book->fields.at(3).allowNull, std::optional<bool>(false));
        QVERIFY(schema.links.at(0).foreignKey.isEmpty()); // authorId is Sequelize's own name for it
        QCOMPARE(schema.links.size(), 4);
        QCOMPARE(schema.links.at(2).through, u"book_shelves"_s);
        QCOMPARE(schema.links.at(2).onDelete, u"RESTRICT"_s);
        QVERIFY(schema.links.at(1).as.isEmpty()); // 'books' is Sequelize's own alias
        QCOMPARE(warningTexts(*result),
                 (QStringList{
                     u"author.firstName: composite unique 'author_name' on (firstName, lastName): the design "
                     "holds single-field uniques only"_s,
                     u"author.rating: INTEGER.UNSIGNED: the design has no UNSIGNED types"_s,
                     u"author.display: getter (get): not in the design"_s,
                     u"author: hooks afterCreate: not in the design"_s,
                     u"author: createdAt: 'addedAt' — the design uses Sequelize's timestamp names"_s,
                     u"book.title: the message of validate rule notEmpty is not kept"_s,
                     u"book.data: JSONB has no ModelDesk type; imported as JSON"_s}));
    }

    // sequelize-auto's models of a database that the shop example was synced into (PostgreSQL, where
    // sequelize-auto reads keys and composite primary keys right; on SQLite it writes a junction Sequelize
    // itself refuses): its init-models.js is what calls the define functions and declares the associations.
    // Every foreign key comes back as links, the design makes the same tables and columns, and the only
    // warning is the SQL default that a design cannot hold.
    void sequelizeAutoModels() {
        MODELDESK_SCRATCH_DATABASE(scratch, u"postgres"_s);
        const Project shop = loadExample(u"shop"_s);
        QProcess sync;
        sync.start(QStringLiteral(MODELDESK_BINARY),
                   {u"sync"_s, QStringLiteral(MODELDESK_SOURCE_DIR "/resources/examples/shop.modeldesk"),
                    u"--db"_s, scratch.url()});
        QVERIFY(sync.waitForFinished(120000));
        QVERIFY2(sync.exitCode() == 0, sync.readAllStandardError().constData());
        QTemporaryDir dir;
        QByteArray out;
        QString error;
        QVERIFY2(NodeTools::run(u"sequelize-auto.js"_s, {scratch.url(), dir.path()}, {}, &out, &error),
                 qPrintable(error));
        QVERIFY(QFile::exists(dir.filePath(u"init-models.js"_s)));

        const auto result = SequelizeCodeImport::read(dir.path(), options(), &error);
        QVERIFY2(result, qPrintable(error));
        const Schema &schema = result->project.schema;
        QCOMPARE(schema.models.size(), 5);
        QCOMPARE(
            warningTexts(*result),
            QStringList{u"orders.placedAt: the default value is an SQL expression: not in the design"_s});
        QStringList links;
        for (const Link &link : schema.links)
            links << link.source + u' ' + Link::kindName(link.kind) + u' ' + link.target +
                         (link.through.isEmpty() ? QString() : u" through "_s + link.through);
        QCOMPARE(links, (QStringList{u"orders belongsToMany products through orderItems"_s,
                                     u"products belongsToMany orders through orderItems"_s,
                                     u"orders belongsTo customers"_s, u"customers hasMany orders"_s,
                                     u"profiles belongsTo customers"_s, u"customers hasOne profiles"_s,
                                     u"orderItems belongsTo orders"_s, u"orders hasMany orderItems"_s,
                                     u"orderItems belongsTo products"_s, u"products hasMany orderItems"_s}));

        // The same tables with the same columns and keys as the design the database came from.
        const ResolvedSchema imported = SchemaResolver::resolve(schema);
        const ResolvedSchema original = SchemaResolver::resolve(shop.schema);
        for (const Table &table : original.tables) {
            const Table *mine = imported.table(table.name);
            QVERIFY2(mine, qPrintable(table.name));
            QStringList a, b;
            for (const Column &column : mine->columns)
                a << column.name + (column.references ? u" -> "_s + column.references->table : QString());
            for (const Column &column : table.columns)
                b << column.name + (column.references ? u" -> "_s + column.references->table : QString());
            a.sort();
            b.sort();
            QCOMPARE(a, b);
            QCOMPARE(mine->primaryKey, table.primaryKey);
        }
    }

    void badInput_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        QTest::newRow("syntax error")
            << kCode + u"/broken/syntax"_s << u"syntax error in user.js line 5: Unexpected token ')'"_s;
        QTest::newRow("throws") << kCode + u"/broken/throws"_s
                                << u"user.js line 6: Error: this model file fails on purpose"_s;
        QTest::newRow("no models") << kCode + u"/broken/no-models"_s
                                   << u"no Sequelize models were defined by "_s;
        QTest::newRow("missing") << kCode + u"/nowhere"_s << kCode + u"/nowhere does not exist"_s;
    }

    void badInput() {
        QFETCH(QString, path);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!SequelizeCodeImport::read(path, options(), &error));
        QVERIFY2(error.startsWith(message), qPrintable(error));
    }

    void noSequelizePackage() {
        QString error;
        QVERIFY(!SequelizeCodeImport::read(kCode + u"/seed-style"_s, {}, &error));
        QVERIFY2(error.startsWith(u"the project has no 'sequelize' package"_s), qPrintable(error));
    }

    void noNode() {
        SequelizeCodeImport::Options missing = options();
        missing.node = u"/nonexistent/node"_s;
        QString error;
        QVERIFY(!SequelizeCodeImport::read(kCode + u"/seed-style"_s, missing, &error));
        QVERIFY2(error.startsWith(u"reading Sequelize code needs Node.js"_s), qPrintable(error));
    }

    // Code that never finishes is stopped at the time limit.
    void timeLimit() {
        QTemporaryDir dir;
        QFile file(dir.filePath(u"forever.js"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("for (;;) {}\n");
        file.close();
        SequelizeCodeImport::Options quick = options();
        quick.timeoutMs = 2000;
        QString error;
        QVERIFY(!SequelizeCodeImport::read(dir.path(), quick, &error));
        QVERIFY2(error.startsWith(u"reading the models took longer than 2 seconds"_s), qPrintable(error));
    }

    // The real binary: a folder of code is imported, warnings on stderr, the user's output kept out; bad
    // code writes nothing and exits 1; without Node on PATH it says so.
    void commandLine() {
        QTemporaryDir dir;
        const QString out = dir.filePath(u"app.modeldesk"_s);
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"NODE_PATH"_s, NodeTools::cacheDir() + u"/node_modules"_s);
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(MODELDESK_BINARY), {u"import"_s, kCode + u"/cli-app"_s, u"-o"_s, out});
        QVERIFY(cli.waitForFinished(120000));
        const QString stderrText = QString::fromUtf8(cli.readAllStandardError());
        QCOMPARE(cli.exitCode(), 0);
        QVERIFY2(stderrText.contains(u"warning: Post.slug: VIRTUAL"_s), qPrintable(stderrText));
        QVERIFY(QString::fromUtf8(cli.readAllStandardOutput()).contains(u"3 models and 4 links"_s));
        const Project project = loadFile(out);
        QCOMPARE(project.schema.models.size(), 3);
        QCOMPARE(project.layout.positions.size(), 3);

        const QString bad = dir.filePath(u"bad.modeldesk"_s);
        cli.start(QStringLiteral(MODELDESK_BINARY), {u"import"_s, kCode + u"/broken/syntax"_s, u"-o"_s, bad});
        QVERIFY(cli.waitForFinished(120000));
        QCOMPARE(cli.exitCode(), 1);
        QVERIFY(QString::fromUtf8(cli.readAllStandardError())
                    .contains(u"modeldesk import: syntax error in user.js line 5"_s));
        QVERIFY(!QFile::exists(bad));

        env.insert(u"PATH"_s, dir.path()); // no node here
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(MODELDESK_BINARY), {u"import"_s, kCode + u"/seed-style"_s, u"-o"_s, bad});
        QVERIFY(cli.waitForFinished(120000));
        QCOMPARE(cli.exitCode(), 1);
        QVERIFY(QString::fromUtf8(cli.readAllStandardError()).contains(u"needs Node.js"_s));
        QVERIFY(!QFile::exists(bad));
    }
};

QTEST_GUILESS_MAIN(TstSequelizeImport)
#include "tst_sequelize_import.moc"
