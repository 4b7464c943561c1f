// Every exporter against golden files: tests/data/export/<example>/<format>/..., one row per example, format
// and (for formats that use one) SQL dialect. The examples are the bundled seed and shop, plus a design full
// of hostile names (quotes, backticks, semicolons, "'); DROP TABLE x; --", line breaks, Unicode, reserved
// words) that every format must escape.
//
// MODELDESK_REGENERATE_GOLDEN=1 rewrites the golden files from the current output instead of comparing;
// review the diff before committing it.
#include "export/exporter.h"
#include "export/exporterregistry.h"
#include "export/jsonexporter.h"
#include "export/jssyntax.h"
#include "export/sequelizeexporter.h"
#include "project/projectfile.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace modeldesk;
using namespace Qt::StringLiterals;

namespace {

const QString kGoldenRoot = QStringLiteral(MODELDESK_TEST_DATA "/export");

QString projectPath(const QString &example) {
    if (example == u"hostile"_s)
        return kGoldenRoot + u"/hostile.modeldesk"_s;
    return QStringLiteral(MODELDESK_SOURCE_DIR "/resources/examples/") + example + u".modeldesk"_s;
}

Project load(const QString &example) {
    QString error;
    const auto project = ProjectFile::load(projectPath(example), &error);
    if (!project)
        qFatal("%s", qPrintable(error));
    return *project;
}

bool regenerate() {
    return qEnvironmentVariable("MODELDESK_REGENERATE_GOLDEN") == u"1"_s;
}

// Where the golden output of one row lives: a file for single-file formats, a directory otherwise.
QString goldenPath(const QString &example, const Exporter &exporter, const QString &dialect) {
    const QString base = kGoldenRoot + u'/' + example + u'/' + exporter.name();
    if (exporter.producesDirectory())
        return base;
    return base + u'/' + (exporter.usesDialect() ? dialect : u"schema"_s) + u'.' +
           exporter.defaultExtension();
}

QByteArray readFile(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A readable failure: the first line that differs, not two walls of text.
QString firstDifference(const QByteArray &actual, const QByteArray &expected) {
    const QList<QByteArray> a = actual.split('\n');
    const QList<QByteArray> e = expected.split('\n');
    for (qsizetype i = 0; i < std::max(a.size(), e.size()); ++i)
        if (a.value(i) != e.value(i))
            return u"line %1:\n  actual:   %2\n  expected: %3"_s.arg(i + 1).arg(
                QString::fromUtf8(a.value(i)), QString::fromUtf8(e.value(i)));
    return {};
}

QStringList filesBelow(const QString &directory) {
    QStringList files;
    QDirIterator it(directory, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(directory).relativeFilePath(it.next());
    files.sort();
    return files;
}

std::optional<ExportFiles> render(const QString &format, const Project &project, const QString &dialect,
                                  const QString &origin) {
    const Exporter *exporter = ExporterRegistry::find(format);
    if (!exporter)
        return std::nullopt;
    ExportOptions options;
    options.dialect = *SqlDialect::fromName(dialect);
    options.origin = origin;
    QString error;
    return exporter->render(project, options, &error);
}

QByteArray fileOf(const ExportFiles &files, const QString &path) {
    for (const ExportFile &file : files)
        if (file.path == path)
            return file.contents;
    return {};
}

} // namespace

class TstExport : public QObject {
    Q_OBJECT

private slots:
    void registryListsEveryFormat() {
        QCOMPARE(ExporterRegistry::names(),
                 (QStringList{u"sql"_s, u"sequelize"_s, u"dbml"_s, u"mermaid"_s, u"json"_s}));
        for (const Exporter *exporter : ExporterRegistry::all()) {
            QCOMPARE(ExporterRegistry::find(exporter->name().toUpper()), exporter);
            QVERIFY(!exporter->description().isEmpty());
            if (!exporter->producesDirectory()) {
                QVERIFY(!exporter->defaultExtension().isEmpty());
                QVERIFY(exporter->fileFilter().contains(u"*."_s + exporter->defaultExtension()));
            }
        }
        QCOMPARE(ExporterRegistry::find(u"png"_s), nullptr);
    }

    void golden_data() {
        QTest::addColumn<QString>("example");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("dialect");
        for (const QString &example : {u"seed"_s, u"shop"_s, u"hostile"_s}) {
            for (const Exporter *exporter : ExporterRegistry::all()) {
                const QStringList dialects =
                    exporter->usesDialect() ? SqlDialect::names() : QStringList{u"sqlite"_s};
                for (const QString &dialect : dialects) {
                    const QString row = exporter->usesDialect()
                                            ? u"%1 %2 %3"_s.arg(example, exporter->name(), dialect)
                                            : u"%1 %2"_s.arg(example, exporter->name());
                    QTest::newRow(qPrintable(row)) << example << exporter->name() << dialect;
                }
            }
        }
    }

    void golden() {
        QFETCH(QString, example);
        QFETCH(QString, format);
        QFETCH(QString, dialect);
        const Exporter *exporter = ExporterRegistry::find(format);
        QVERIFY(exporter);
        ExportOptions options;
        options.dialect = *SqlDialect::fromName(dialect);
        options.origin = example + u".modeldesk"_s;
        QString error;
        const auto files = exporter->render(load(example), options, &error);
        QVERIFY2(files, qPrintable(error));
        const QString golden = goldenPath(example, *exporter, dialect);

        if (regenerate()) {
            if (exporter->producesDirectory())
                QDir(golden).removeRecursively();
            QVERIFY2(Exporter::writeFiles(*files, golden, &error), qPrintable(error));
            qInfo("rewrote %s", qPrintable(golden));
            return;
        }

        if (!exporter->producesDirectory()) {
            QCOMPARE(files->size(), 1);
            QVERIFY2(QFile::exists(golden),
                     qPrintable(golden + u" is missing; run with MODELDESK_REGENERATE_GOLDEN=1"_s));
            const QByteArray expected = readFile(golden);
            QVERIFY2(
                files->first().contents == expected,
                qPrintable(golden + u" differs at "_s + firstDifference(files->first().contents, expected)));
            return;
        }
        QStringList produced;
        for (const ExportFile &file : *files)
            produced << file.path;
        produced.sort();
        QCOMPARE(produced, filesBelow(golden));
        for (const ExportFile &file : *files) {
            const QByteArray expected = readFile(golden + u'/' + file.path);
            QVERIFY2(file.contents == expected, qPrintable(golden + u'/' + file.path + u" differs at "_s +
                                                           firstDifference(file.contents, expected)));
        }
    }

    // Rendering is a pure function of the design and the options: no timestamps, no hash order.
    void outputIsStable() {
        const Project shop = load(u"shop"_s);
        for (const QString &format : ExporterRegistry::names()) {
            const auto a = render(format, shop, u"postgres"_s, u"shop.modeldesk"_s);
            const auto b = render(format, shop, u"postgres"_s, u"shop.modeldesk"_s);
            QVERIFY(a && b);
            QCOMPARE(*a, *b);
        }
    }

    void headersNameTheOriginOnOneLine() {
        const Project seed = load(u"seed"_s);
        const QString origin = u"evil\n DROP TABLE x; --\r\n.modeldesk"_s;
        for (const QString &format : ExporterRegistry::names()) {
            const auto files = render(format, seed, u"postgres"_s, origin);
            QVERIFY(files);
            for (const ExportFile &file : *files) {
                const QByteArray first = file.contents.split('\n').value(format == u"json"_s ? 2 : 0);
                QVERIFY2(file.contents.contains("evil  DROP TABLE x; --  .modeldesk"),
                         qPrintable(format + u' ' + file.path + u": "_s + QString::fromUtf8(first)));
                QVERIFY2(!file.contents.contains("\n DROP TABLE x"), qPrintable(format + u' ' + file.path));
            }
        }
    }

    void jsStringLiterals_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("literal");
        QTest::newRow("plain") << u"testUser"_s << u"'testUser'"_s;
        QTest::newRow("quotes") << u"it's \"x\""_s << u"'it\\'s \"x\"'"_s;
        QTest::newRow("injection") << u"'); DROP TABLE x; --"_s << u"'\\'); DROP TABLE x; --'"_s;
        QTest::newRow("backslash") << u"a\\b"_s << u"'a\\\\b'"_s;
        QTest::newRow("line breaks") << u"a\nb\rc\u2028d\u2029e"_s << u"'a\\nb\\rc\\u2028d\\u2029e'"_s;
        QTest::newRow("control") << u"a\u0001b\u007f"_s << u"'a\\u0001b\\u007f'"_s;
        QTest::newRow("unicode kept") << u"Ünïcødé 注文 😀"_s << u"'Ünïcødé 注文 😀'"_s;
        QTest::newRow("lone surrogate") << QString(QChar(0xd800)) << u"'\\ud800'"_s;
        QTest::newRow("template chars") << u"${x} `y`"_s << u"'${x} `y`'"_s;
    }
    void jsStringLiterals() {
        QFETCH(QString, text);
        QFETCH(QString, literal);
        QCOMPARE(js::stringLiteral(text), literal);
    }

    void jsPropertyKeys() {
        QCOMPARE(js::propertyKey(u"name"_s), u"name"_s);
        QCOMPARE(js::propertyKey(u"$x_1"_s), u"$x_1"_s);
        QCOMPARE(js::propertyKey(u"class"_s), u"'class'"_s);
        QCOMPARE(js::propertyKey(u"user-name"_s), u"'user-name'"_s);
        QCOMPARE(js::propertyKey(u"1st"_s), u"'1st'"_s);
        QCOMPARE(js::propertyKey(u"Ü"_s), u"'Ü'"_s);
        QCOMPARE(js::propertyKey(u"__proto__"_s), u"['__proto__']"_s);
        QCOMPARE(js::memberAccess(u"db"_s, u"test"_s), u"db.test"_s);
        QCOMPARE(js::memberAccess(u"db"_s, u"a b"_s), u"db['a b']"_s);
    }

    void jsValues() {
        QCOMPARE(js::value(QJsonValue(2)), u"2"_s);
        QCOMPARE(js::value(QJsonValue(0.5)), u"0.5"_s);
        QCOMPARE(js::value(QJsonValue(true)), u"true"_s);
        QCOMPARE(js::value(QJsonValue(QJsonValue::Null)), u"null"_s);
        QCOMPARE(js::value(QJsonArray{2, 120}), u"[2, 120]"_s);
        QCOMPARE(js::value(QJsonArray{QJsonArray{u"a"_s, u"b'c"_s}}), u"[['a', 'b\\'c']]"_s);
        QCOMPARE(js::value(QJsonObject{{u"a b"_s, 1}, {u"c"_s, u"d"_s}}), u"{ 'a b': 1, c: 'd' }"_s);
    }

    void classNames() {
        QCOMPARE(js::pascalCase(u"testUser"_s), u"TestUser"_s);
        QCOMPARE(js::pascalCase(u"order_item"_s), u"OrderItem"_s);
        QCOMPARE(js::pascalCase(u"'); DROP TABLE x; --"_s), u"DROPTABLEX"_s);
        QCOMPARE(js::pascalCase(u"注文 item"_s), u"注文Item"_s);
        QCOMPARE(js::pascalCase(u"2fa"_s), u"M2fa"_s);
        QCOMPARE(js::pascalCase(u"--"_s), QString());

        Schema schema;
        for (const QString &name :
             {u"a_b"_s, u"aB"_s, u"model"_s, u"index"_s, u"--"_s, u"dataTypes"_s, u"AB2"_s, u"ab"_s})
            schema.models.append(Model{name});
        QCOMPARE(SequelizeExporter::classNames(schema),
                 (QStringList{u"AB"_s, u"AB2"_s, u"Model2"_s, u"Index2"_s, u"Model5"_s, u"DataTypes2"_s,
                              u"AB22"_s, u"Ab3"_s}));
    }

    void sequelizeRefusesModelNamedSequelize() {
        Project project = load(u"seed"_s);
        project.schema.models[0].name = u"sequelize"_s;
        QString error;
        const auto files = ExporterRegistry::find(u"sequelize"_s)->render(project, {}, &error);
        QVERIFY(!files);
        QVERIFY2(error.contains(u"'sequelize'"_s), qPrintable(error));
    }

    // The hostile design: spot checks of the escapes each format needs (the golden files hold the rest).
    void hostileNamesAreEscaped() {
        const Project hostile = load(u"hostile"_s);
        const auto seq = render(u"sequelize"_s, hostile, u"sqlite"_s, u"hostile.modeldesk"_s);
        QVERIFY(seq);
        const QString drop = QString::fromUtf8(fileOf(*seq, u"models/DROPTABLEX.js"_s));
        QVERIFY2(drop.contains(u"modelName: '\\'); DROP TABLE x; --'"_s), qPrintable(drop));
        QVERIFY(drop.contains(u"tableName: 'drop\\'); DROP TABLE x; --'"_s));
        QVERIFY(drop.contains(u"'x;y': {"_s));
        const QString user = QString::fromUtf8(fileOf(*seq, u"models/User.js"_s));
        QVERIFY(user.contains(u"'it\\'s': DataTypes.STRING,"_s));
        QVERIFY(user.contains(u"'new\\nline': {"_s));
        QVERIFY(user.contains(u"'a\"b': {"_s));
        QVERIFY(user.contains(u"comment: '\\'); DROP TABLE x; -- \"quoted\" `ticked` \\\\ back\\nslash',"_s));
        const QString index = QString::fromUtf8(fileOf(*seq, u"models/index.js"_s));
        QVERIFY(index.contains(u"  '\\'); DROP TABLE x; --': DROPTABLEX,"_s));
        QVERIFY(index.contains(u"  '注文 item': 注文Item,"_s));
        const QString associations = QString::fromUtf8(fileOf(*seq, u"models/associations.js"_s));
        QVERIFY(associations.contains(u"through: 'order items; DROP'"_s));
        QVERIFY(associations.contains(u"foreignKey: 'user\"Id'"_s));
        // The comment line of each model names it through commentText: no raw line break inside.
        for (const ExportFile &file : *seq)
            for (const QByteArray &line : file.contents.split('\n'))
                if (line.startsWith("//"))
                    QVERIFY2(!line.contains("\r"), file.path.toUtf8());

        const QString sqlite =
            QString::fromUtf8(render(u"sql"_s, hostile, u"sqlite"_s, {})->first().contents);
        QVERIFY(sqlite.contains(u"`back``tick` INTEGER"_s));
        QVERIFY(sqlite.contains(u"DEFAULT '''); DROP TABLE x; --'"_s));
        const QString postgres =
            QString::fromUtf8(render(u"sql"_s, hostile, u"postgres"_s, {})->first().contents);
        QVERIFY(postgres.contains(u"\"a\"\"b\" BOOLEAN"_s));
        // An enum value containing "$$" must not close the DO block's dollar quote.
        QVERIFY2(postgres.contains(u"DO $md1$ BEGIN CREATE TYPE \"enum_order_status\""_s),
                 qPrintable(postgres));
        const QString mysql = QString::fromUtf8(render(u"sql"_s, hostile, u"mysql"_s, {})->first().contents);
        QVERIFY(mysql.contains(u"'back\\\\slash'"_s));

        const QString dbml =
            QString::fromUtf8(render(u"dbml"_s, hostile, u"postgres"_s, {})->first().contents);
        QVERIFY(dbml.contains(u"\"a\\\"b\" BOOLEAN"_s));
        QVERIFY(dbml.contains(u"\"new\\nline\""_s));
        QVERIFY(dbml.contains(u"default: '\\'); DROP TABLE x; --'"_s));

        const QString mermaid =
            QString::fromUtf8(render(u"mermaid"_s, hostile, u"sqlite"_s, {})->first().contents);
        QVERIFY(mermaid.contains(u"\"drop'); DROP TABLE x; --\" {"_s));
        QVERIFY(mermaid.contains(u"BOOLEAN `a\"b`"_s));
        QVERIFY(mermaid.contains(u"STRING(255) `new line`"_s));
        QVERIFY(mermaid.contains(u"it's #quot;hostile#quot;"_s));

        // JSON keeps every name exactly.
        const QJsonObject json =
            QJsonDocument::fromJson(render(u"json"_s, hostile, u"sqlite"_s, {})->first().contents).object();
        QStringList tables;
        for (const QJsonValue &table : json.value(u"tables"_s).toArray())
            tables << table[u"name"_s].toString();
        QCOMPARE(tables, (QStringList{u"user"_s, u"order"_s, u"drop'); DROP TABLE x; --"_s, u"注文 item"_s,
                                      u"order items; DROP"_s}));
    }

    void writeFilesCreatesDirectoriesAndNamesFailures() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        const ExportFiles files{{u"a/b/c.js"_s, "one"}, {u"d.js"_s, "two"}};
        QVERIFY2(Exporter::writeFiles(files, dir.filePath(u"out"_s), &error), qPrintable(error));
        QCOMPARE(readFile(dir.filePath(u"out/a/b/c.js"_s)), QByteArray("one"));
        QCOMPARE(readFile(dir.filePath(u"out/d.js"_s)), QByteArray("two"));

        QVERIFY(Exporter::writeFiles({{QString(), "single"}}, dir.filePath(u"x.sql"_s), &error));
        QCOMPARE(readFile(dir.filePath(u"x.sql"_s)), QByteArray("single"));

        // A directory below a regular file cannot be created: the message names it.
        QVERIFY(!Exporter::writeFiles(files, dir.filePath(u"x.sql/sub"_s), &error));
        QVERIFY2(error.contains(u"x.sql"_s), qPrintable(error));
        QVERIFY(!Exporter::writeFiles({{u"../escape.js"_s, "no"}}, dir.filePath(u"out"_s), &error));
        QVERIFY2(error.contains(u"../escape.js"_s), qPrintable(error));
        QVERIFY(!QFile::exists(dir.filePath(u"escape.js"_s)));
        QVERIFY(!Exporter::writeFiles({{QString(), "x"}}, dir.path(), &error)); // a directory, not a file
        QVERIFY2(error.contains(QDir::toNativeSeparators(dir.path())), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TstExport)
#include "tst_export.moc"
