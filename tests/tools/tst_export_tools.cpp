// Every exported file is accepted by the tool it is for, and that tool reads back exactly the names in the
// design: DBML through @dbml/core (dbdiagram.io's parser; the legacy one too for the bundled examples),
// Mermaid through mermaid's own parser, and the Sequelize files compiled by Node. The examples include the
// hostile-names design, so this proves the escaping rather than just the syntax.
#include "export/exporterregistry.h"
#include "schema/resolvedschema.h"
#include "support/nodetools.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace modeldesk;
using namespace modeldesk::test;
using namespace Qt::StringLiterals;

namespace {

// Exports `format` into `dir` and returns the written path (the file, or the directory).
QString exportTo(const QTemporaryDir &dir, const Project &project, const QString &format,
                 const QString &dialect) {
    const Exporter *exporter = ExporterRegistry::find(format);
    ExportOptions options;
    options.dialect = *SqlDialect::fromName(dialect);
    const QString target =
        dir.filePath(format + u'.' + (exporter->producesDirectory() ? u"d"_s : exporter->defaultExtension()));
    QString error;
    if (!exporter->write(project, options, target, &error))
        qFatal("%s", qPrintable(error));
    return target;
}

QJsonObject parse(const QString &kind, const QString &file, QString *error) {
    QByteArray out;
    if (!NodeTools::run(u"parse-diagrams.mjs"_s, {kind, file}, {}, &out, error))
        return {};
    return QJsonDocument::fromJson(out).object();
}

QStringList tableNames(const ResolvedSchema &schema) {
    QStringList names;
    for (const Table &t : schema.tables)
        names << t.name;
    return names;
}

QStringList columnNames(const Table &table) {
    QStringList names;
    for (const Column &c : table.columns)
        names << c.name;
    return names;
}

QStringList strings(const QJsonArray &array, const QString &key) {
    QStringList out;
    for (const QJsonValue &v : array)
        out << v[key].toString();
    return out;
}

} // namespace

class TstExportTools : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { MODELDESK_REQUIRE_NODE_TOOLS(); }

    void dbml_data() {
        QTest::addColumn<QString>("example");
        QTest::addColumn<QString>("dialect");
        QTest::addColumn<QString>("parser");
        for (const QString &example : {u"seed"_s, u"shop"_s, u"hostile"_s})
            for (const QString &dialect : SqlDialect::names()) {
                QTest::newRow(qPrintable(u"%1 %2"_s.arg(example, dialect)))
                    << example << dialect << u"dbml"_s;
                // The legacy parser has no escapes in names; the bundled examples need none.
                if (example != u"hostile"_s)
                    QTest::newRow(qPrintable(u"%1 %2 legacy parser"_s.arg(example, dialect)))
                        << example << dialect << u"dbml-legacy"_s;
            }
    }

    void dbml() {
        QFETCH(QString, example);
        QFETCH(QString, dialect);
        QFETCH(QString, parser);
        QTemporaryDir dir;
        const Project project = loadProject(example);
        const ResolvedSchema schema = SchemaResolver::resolve(project.schema);
        QString error;
        const QJsonObject parsed = parse(parser, exportTo(dir, project, u"dbml"_s, dialect), &error);
        QVERIFY2(!parsed.isEmpty(), qPrintable(error));

        const QJsonArray tables = parsed[u"tables"_s].toArray();
        QCOMPARE(strings(tables, u"name"_s), tableNames(schema));
        int enums = 0;
        int references = 0;
        for (qsizetype i = 0; i < schema.tables.size(); ++i) {
            const Table &table = schema.tables.at(i);
            const QJsonArray columns = tables.at(i)[u"columns"_s].toArray();
            QCOMPARE(strings(columns, u"name"_s), columnNames(table));
            QCOMPARE(tables.at(i)[u"note"_s].toString(), table.comment);
            for (qsizetype c = 0; c < table.columns.size(); ++c) {
                const Column &column = table.columns.at(c);
                const QJsonValue parsedColumn = columns.at(c);
                QCOMPARE(parsedColumn[u"notNull"_s].toBool() || parsedColumn[u"pk"_s].toBool(),
                         !column.nullable);
                QCOMPARE(parsedColumn[u"increment"_s].toBool(), column.autoIncrement);
                if (column.hasDefault() && column.defaultValue.isString() && !column.type.isNumeric())
                    QCOMPARE(parsedColumn[u"default"_s].toString(), column.defaultValue.toString());
                enums += column.type.kind == DataType::Kind::Enum;
                references += column.references.has_value();
            }
        }
        const QJsonArray parsedEnums = parsed[u"enums"_s].toArray();
        QCOMPARE(parsedEnums.size(), enums);
        for (const QJsonValue &e : parsedEnums)
            for (const Table &table : schema.tables)
                for (const Column &column : table.columns)
                    if (column.type.kind == DataType::Kind::Enum &&
                        SqlDialect::enumTypeName(table, column) == e[u"name"_s].toString()) {
                        QStringList values;
                        for (const QJsonValue &v : e[u"values"_s].toArray())
                            values << v.toString();
                        QCOMPARE(values, column.type.values);
                    }
        const QJsonArray refs = parsed[u"refs"_s].toArray();
        QCOMPARE(refs.size(), references);
        for (const QJsonValue &ref : refs) {
            const QJsonArray from = ref[u"from"_s].toArray();
            const QJsonArray to = ref[u"to"_s].toArray();
            const Table *table = schema.table(from.at(0).toString());
            QVERIFY2(table, qPrintable(from.at(0).toString()));
            const Column *column = table->column(from.at(1).toString());
            QVERIFY2(column && column->references, qPrintable(from.at(1).toString()));
            QCOMPARE(to.at(0).toString(), column->references->table);
            QCOMPARE(to.at(1).toString(), column->references->column);
            QCOMPARE(ref[u"onDelete"_s].toString(), column->references->onDelete.toLower());
            QCOMPARE(ref[u"onUpdate"_s].toString(), column->references->onUpdate.toLower());
        }
    }

    void mermaid_data() {
        QTest::addColumn<QString>("example");
        for (const QString &example : {u"seed"_s, u"shop"_s, u"hostile"_s})
            QTest::newRow(qPrintable(example)) << example;
    }

    void mermaid() {
        QFETCH(QString, example);
        QTemporaryDir dir;
        const Project project = loadProject(example);
        const ResolvedSchema schema = SchemaResolver::resolve(project.schema);
        QString error;
        const QJsonObject parsed =
            parse(u"mermaid"_s, exportTo(dir, project, u"mermaid"_s, u"sqlite"_s), &error);
        QVERIFY2(!parsed.isEmpty(), qPrintable(error));
        QCOMPARE(parsed[u"type"_s].toString(), u"er"_s);
        const QJsonArray entities = parsed[u"entities"_s].toArray();
        QCOMPARE(entities.size(), schema.tables.size());
        for (qsizetype i = 0; i < schema.tables.size(); ++i) {
            const Table &table = schema.tables.at(i);
            const QJsonValue entity = entities.at(i);
            // Quoted names come back as they are; names Mermaid cannot quote are shown through an alias.
            const QString shown = entity[u"alias"_s].toString().isEmpty() ? entity[u"name"_s].toString()
                                                                          : entity[u"alias"_s].toString();
            QCOMPARE(shown, table.name);
            QStringList expected;
            for (QString name : columnNames(table))
                expected << name.replace(u'`', u'\'').replace(u'\n', u' '); // backticks delimit the name
            QCOMPARE(strings(entity[u"attributes"_s].toArray(), u"name"_s), expected);
        }
        QStringList aliases;
        for (const ResolvedLink &link : schema.links)
            aliases << link.as;
        QCOMPARE(strings(parsed[u"relationships"_s].toArray(), u"label"_s), aliases);
    }

    void sequelizeFilesCompile_data() { mermaid_data(); }
    void sequelizeFilesCompile() {
        QFETCH(QString, example);
        QTemporaryDir dir;
        const QString root = exportTo(dir, loadProject(example), u"sequelize"_s, u"sqlite"_s);
        QStringList files;
        QDirIterator it(root, {u"*.js"_s}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        QVERIFY(files.size() >= 4);
        QByteArray out;
        QString error;
        QVERIFY2(NodeTools::run(u"check-syntax.js"_s, files, {}, &out, &error), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TstExportTools)
#include "tst_export_tools.moc"
