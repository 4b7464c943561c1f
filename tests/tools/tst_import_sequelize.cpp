// A database the real Sequelize created imports to the same design. For each bundled example and engine:
// the example is exported as Sequelize models (ModelDesk's exporter, as a user gets them), Node runs
// sequelize.sync({force: true}) with them (tests/node/sequelize-sync.js), and `import` reads that database.
// The imported design must resolve to the same tables as the example (names, columns, types, NOT NULL,
// defaults, keys, uniques, foreign keys with their actions), come back with the example's links (kinds, and
// Sequelize's default aliases where the database can say them), and give, synced by ModelDesk into a fresh
// database, the very catalog Sequelize made. What such a database cannot say is left out of the comparison,
// each with why: the values of an ENUM on SQLite (Sequelize makes it TEXT) and NOW/UUIDV4 defaults (Sequelize
// fills them in JavaScript, with no DEFAULT in the table).
#include "export/exporterregistry.h"
#include "schema/schemavalidator.h"
#include "sql/columndefault.h"
#include "support/importcompare.h"
#include "support/nodetools.h"
#include "support/scratchdatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace modeldesk;
using namespace modeldesk::test;
using namespace Qt::StringLiterals;

namespace {

QString jsonText(const QJsonValue &value) {
    if (value.isUndefined())
        return u"-"_s;
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1);
}

// The tables a design resolves to, one line per fact, in name order: what "the same design" means for a
// database. `engine` decides what a column's type can be told apart from (see typeText).
QStringList tablesText(const Schema &schema, const QString &engine) {
    ResolvedSchema resolved = SchemaResolver::resolve(schema);
    std::sort(resolved.tables.begin(), resolved.tables.end(),
              [](const Table &a, const Table &b) { return a.name < b.name; });
    QStringList lines;
    for (const Table &table : std::as_const(resolved.tables)) {
        lines << u"table %1 (pk %2) timestamps %3/%4/%5"_s.arg(table.name, table.primaryKey.join(u", "_s),
                                                               table.createdAtColumn, table.updatedAtColumn,
                                                               table.deletedAtColumn);
        QList<Column> columns = table.columns;
        std::sort(columns.begin(), columns.end(),
                  [](const Column &a, const Column &b) { return a.name < b.name; });
        for (const Column &c : std::as_const(columns)) {
            QString type = c.type.toString();
            // SQLite keeps an ENUM as TEXT without a check when Sequelize creates it: its values are not in
            // the database for anyone to read.
            if (engine == u"sqlite"_s && c.type.kind == DataType::Kind::Enum)
                type = u"TEXT"_s;
            QString line = u"  %1 %2%3%4%5%6 default=%7"_s.arg(
                c.name, type, c.nullable ? QString() : u" NOT NULL"_s, c.primaryKey ? u" PK"_s : QString(),
                c.autoIncrement ? u" AUTO"_s : QString(), c.unique ? u" UNIQUE"_s : QString(),
                // Sequelize's sync() writes no DEFAULT for NOW and UUIDV4 (it fills them in JavaScript), so a
                // database it created cannot say them (tests/support/catalog.h, Creator::Sequelize).
                c.defaultValue.isObject() ? u"-"_s : jsonText(c.defaultValue));
            if (c.references)
                line += u" -> %1.%2 ON DELETE %3 ON UPDATE %4"_s.arg(
                    c.references->table, c.references->column, c.references->onDelete,
                    c.references->onUpdate);
            lines << line;
        }
        for (const QStringList &key : table.uniqueKeys)
            lines << u"  unique (%1)"_s.arg(key.join(u", "_s));
    }
    return lines;
}

// A catalog's lines with each DEFAULT as what it means (ColumnDefault, as sync's drift check reads it):
// Sequelize writes DEFAULT '0.00' for a DECIMAL where ModelDesk writes DEFAULT 0.00, and SQLite keeps both as
// written.
QStringList meaningOfDefaults(QStringList lines, const SqlDialect &dialect) {
    static const QRegularExpression defaultText(u"^(.* default=)(.*)( enum=.*)$"_s);
    for (QString &line : lines) {
        const QRegularExpressionMatch m = defaultText.match(line);
        if (!m.hasMatch())
            continue;
        const ColumnDefault meaning = ColumnDefault::parse(m.captured(2), dialect);
        line = m.captured(1) + QString::number(int(meaning.kind)) + u':' + meaning.value + m.captured(3);
    }
    return lines;
}

} // namespace

class TstImportSequelize : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { MODELDESK_REQUIRE_NODE_TOOLS(); }

    void sequelizeDatabaseImportsToTheDesign_data() {
        QTest::addColumn<QString>("example");
        QTest::addColumn<QString>("engine");
        for (const QString &example : {u"seed"_s, u"shop"_s})
            for (const QString &engine : {u"sqlite"_s, u"postgres"_s, u"mysql"_s})
                QTest::newRow(qPrintable(example + u' ' + engine)) << example << engine;
    }
    void sequelizeDatabaseImportsToTheDesign();
};

void TstImportSequelize::sequelizeDatabaseImportsToTheDesign() {
    QFETCH(QString, example);
    QFETCH(QString, engine);
    MODELDESK_SCRATCH_DATABASE(bySequelize, engine);
    MODELDESK_SCRATCH_DATABASE(byModelDesk, engine);
    const Project project = loadExample(example);
    QTemporaryDir dir;
    QString error;
    const QString exportDir = dir.filePath(u"export"_s);
    ExportOptions options;
    options.origin = example + u".modeldesk"_s;
    QVERIFY2(ExporterRegistry::find(u"sequelize"_s)->write(project, options, exportDir, &error),
             qPrintable(error));
    QProcessEnvironment env;
    if (engine == u"sqlite"_s)
        env.insert(u"DATABASE_STORAGE"_s, bySequelize.connectionUrl().path);
    else
        env.insert(u"DATABASE_URL"_s, bySequelize.url());
    QByteArray out;
    QVERIFY2(NodeTools::run(u"sequelize-sync.js"_s, {exportDir}, env, &out, &error), qPrintable(error));

    const auto imported = importFrom(bySequelize.connectionUrl(), &error);
    QVERIFY2(imported, qPrintable(error));
    const Schema &schema = imported->project.schema;
    QStringList errors;
    for (const Problem &problem : SchemaValidator::validate(schema))
        if (problem.isError())
            errors << problem.toString();
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));

    // The same models (by table), the same tables column for column.
    QStringList modelsBefore, modelsAfter;
    for (const Model &model : project.schema.models)
        modelsBefore << model.name;
    for (const Model &model : schema.models)
        modelsAfter << model.name;
    modelsBefore.sort();
    modelsAfter.sort();
    QCOMPARE(modelsAfter, modelsBefore);
    const QStringList before = tablesText(project.schema, engine);
    const QStringList after = tablesText(schema, engine);
    QVERIFY2(before == after,
             qPrintable(u"the imported design resolves to other tables, at "_s +
                        firstDifference(before, after) + u"\n\nimported:\n"_s + after.join(u'\n')));
    // The links, with their kinds and default aliases.
    const QStringList missing = missingLinks(project.schema, schema);
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u'\n')));

    // ModelDesk syncing the imported design makes the very catalog Sequelize made.
    QStringList sequelizeCatalog, modelDeskCatalog;
    {
        DatabaseConnection connection(bySequelize.connectionUrl());
        QVERIFY2(connection.open(&error), qPrintable(error));
        sequelizeCatalog = catalogText(connection);
    }
    QVERIFY2(syncInto(byModelDesk.connectionUrl(), schema, &modelDeskCatalog, &error), qPrintable(error));
    const SqlDialect dialect = *SqlDialect::fromName(engine);
    sequelizeCatalog = meaningOfDefaults(sequelizeCatalog, dialect);
    modelDeskCatalog = meaningOfDefaults(modelDeskCatalog, dialect);
    QVERIFY2(sequelizeCatalog == modelDeskCatalog,
             qPrintable(u"the catalogs differ at "_s + firstDifference(sequelizeCatalog, modelDeskCatalog)));
}

QTEST_GUILESS_MAIN(TstImportSequelize)
#include "tst_import_sequelize.moc"
