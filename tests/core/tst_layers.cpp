// The house plan, checked over the sources so that it cannot rot (docs/architecture.md):
// - models/ is in layers, schema < sql < project < editing < export < import < migrate < db < records; a file
// includes only its
//   own layer and those below it, and never Qt Gui, Widgets or (below db/) Qt SQL;
// - ui/ is in folders, document < designer < properties, data < window, with the same rule, and never
//   includes Qt SQL;
// - every include of our own names its folder ("records/recordstore.h");
// - dialect branches (SqlDialect::Kind) are only in models/sql/ and models/db/: the rest asks the dialect;
// - SQL statement text is only in models/sql/, db/ and records/.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QtTest>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const QStringList kModelLayers = {u"schema"_s,
                                  QStringLiteral("sql"),
                                  QStringLiteral("project"),
                                  QStringLiteral("editing"),
                                  QStringLiteral("export"),
                                  QStringLiteral("import"),
                                  QStringLiteral("migrate"),
                                  QStringLiteral("db"),
                                  QStringLiteral("records")};

// ui folders by rank; a folder may include folders of a lower rank only (and its own).
const QHash<QString, int> kUiRanks = {{QStringLiteral("document"), 0},
                                      {QStringLiteral("designer"), 1},
                                      {QStringLiteral("properties"), 2},
                                      {QStringLiteral("data"), 2},
                                      {QStringLiteral("window"), 3}};

struct Include {
    QString path; // as written
    bool quoted = false;
    int line = 0;
};

struct Source {
    QString relative; // e.g. models/records/savecontroller.cpp
    QString text;
    QList<Include> includes;
};

QList<Source> sources(const QString &top) {
    static const QRegularExpression include(QStringLiteral(R"(^\s*#\s*include\s*([<"])([^>"]+)[>"])"));
    QList<Source> result;
    const QDir root(QStringLiteral(MODELDESK_SOURCE_DIR));
    QDirIterator it(root.filePath(top), {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(path));
        Source source{root.relativeFilePath(path), QString::fromUtf8(file.readAll()), {}};
        const QStringList lines = source.text.split(u'\n');
        for (int i = 0; i < lines.size(); ++i) {
            const QRegularExpressionMatch m = include.match(lines.at(i));
            if (m.hasMatch())
                source.includes.append({m.captured(2), m.captured(1) == u"\""_s, i + 1});
        }
        result.append(source);
    }
    std::sort(result.begin(), result.end(),
              [](const Source &a, const Source &b) { return a.relative < b.relative; });
    return result;
}

QString where(const Source &source, const Include &include) {
    return source.relative + u':' + QString::number(include.line) + u": "_s + include.path;
}

// The folder a quoted include names, or empty when it names none (a local header or a .moc file).
QString folderOf(const QString &include) {
    const qsizetype slash = include.indexOf(u'/');
    return slash < 0 ? QString() : include.left(slash);
}

bool isGuiOrWidgets(const QString &header) {
    static const QRegularExpression gui(
        QStringLiteral(R"(^(QtGui|QtWidgets|QtSvg)(/|$)|^Q(Widget|Painter|Pixmap|Image|Color|Font|Pen|Brush|)"
                       R"(Application|GuiApplication|Action|Icon|MainWindow|Dialog|Graphics\w*)$)"));
    return gui.match(header).hasMatch();
}

bool isSql(const QString &header) {
    return header.startsWith(u"QSql"_s) || header.startsWith(u"QtSql"_s);
}

QStringList modelProblems(const QList<Source> &files) {
    QStringList problems;
    for (const Source &source : files) {
        const QStringList parts = source.relative.split(u'/');
        if (parts.size() != 3) {
            problems << source.relative + u": not in a layer folder"_s;
            continue;
        }
        const int own = kModelLayers.indexOf(parts.at(1));
        if (own < 0) {
            problems << source.relative + u": unknown layer "_s + parts.at(1);
            continue;
        }
        const bool sqlAllowed = own >= kModelLayers.indexOf(u"db"_s);
        for (const Include &include : source.includes) {
            if (!include.quoted) {
                if (isGuiOrWidgets(include.path))
                    problems << where(source, include) + u" (no Gui or Widgets in the core)"_s;
                else if (isSql(include.path) && !sqlAllowed)
                    problems << where(source, include) + u" (Qt SQL only in db/ and records/)"_s;
                continue;
            }
            const QString folder = folderOf(include.path);
            const int layer = kModelLayers.indexOf(folder);
            if (layer < 0)
                problems << where(source, include) + u" (an include names its layer folder)"_s;
            else if (layer > own)
                problems << where(source, include) + u" ("_s + parts.at(1) + u" may not include "_s + folder +
                                u')';
        }
    }
    return problems;
}

QStringList uiProblems(const QList<Source> &files) {
    QStringList problems;
    for (const Source &source : files) {
        const QStringList parts = source.relative.split(u'/');
        if (parts.size() != 3 || !kUiRanks.contains(parts.at(1))) {
            problems << source.relative +
                            u": not in a ui folder (document, designer, properties, data, window)"_s;
            continue;
        }
        const QString own = parts.at(1);
        for (const Include &include : source.includes) {
            if (!include.quoted) {
                if (isSql(include.path))
                    problems << where(source, include) + u" (no Qt SQL in ui/: ask models/db, records)"_s;
                continue;
            }
            const QString folder = folderOf(include.path);
            if (kModelLayers.contains(folder))
                continue;
            if (!kUiRanks.contains(folder)) {
                problems << where(source, include) + u" (an include names its folder)"_s;
                continue;
            }
            if (folder != own && kUiRanks.value(folder) >= kUiRanks.value(own))
                problems << where(source, include) + u" ("_s + own + u" may not include "_s + folder + u')';
        }
    }
    return problems;
}

QStringList dialectBranches(const QList<Source> &files) {
    static const QRegularExpression branch(u"SqlDialect::Kind::\\w+|Kind::(Postgres|MySql|Sqlite)\\b"_s);
    QStringList problems;
    for (const Source &source : files) {
        if (source.relative.startsWith(u"models/sql/"_s) || source.relative.startsWith(u"models/db/"_s))
            continue;
        const QStringList lines = source.text.split(u'\n');
        for (int i = 0; i < lines.size(); ++i) {
            if (branch.match(lines.at(i)).hasMatch())
                problems << source.relative + u':' + QString::number(i + 1) + u": "_s + lines.at(i).trimmed();
        }
    }
    return problems;
}

// Statement text outside the SQL layers: ui/, app/ and the layers that never talk to a database build none.
QStringList sqlOutsideSqlLayers(const QList<Source> &files) {
    static const QRegularExpression statement(
        u"\"(SELECT |INSERT INTO |UPDATE \\S+ SET |DELETE FROM |CREATE TABLE |ALTER TABLE |BEGIN|COMMIT|ROLLBACK)"_s);
    static const QStringList allowed = {u"models/sql/"_s, u"models/db/"_s, u"models/records/"_s};
    QStringList problems;
    for (const Source &source : files) {
        if (std::any_of(allowed.cbegin(), allowed.cend(),
                        [&](const QString &prefix) { return source.relative.startsWith(prefix); }))
            continue;
        const QStringList lines = source.text.split(u'\n');
        for (int i = 0; i < lines.size(); ++i) {
            if (statement.match(lines.at(i)).hasMatch())
                problems << source.relative + u':' + QString::number(i + 1) + u": "_s + lines.at(i).trimmed();
        }
    }
    return problems;
}

Source made(const QString &relative, const QString &text, const QStringList &quoted,
            const QStringList &angled = {}) {
    Source source{relative, text, {}};
    for (const QString &path : quoted)
        source.includes.append({path, true, 1});
    for (const QString &path : angled)
        source.includes.append({path, false, 2});
    return source;
}

} // namespace

class TestLayers : public QObject {
    Q_OBJECT

private slots:
    void modelsIncludeOnlyLayersBelow() {
        const QList<Source> files = sources(u"models"_s);
        QVERIFY2(files.size() > 50, "the models/ sources were not found");
        const QStringList problems = modelProblems(files);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void uiFoldersIncludeOnlyFoldersBelow() {
        const QList<Source> files = sources(u"ui"_s);
        QVERIFY2(files.size() > 30, "the ui/ sources were not found");
        const QStringList problems = uiProblems(files);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void dialectBranchesOnlyInSqlAndDb() {
        const QStringList problems =
            dialectBranches(sources(u"models"_s) + sources(u"ui"_s) + sources(u"app"_s));
        QVERIFY2(problems.isEmpty(),
                 qPrintable(u"dialect branches outside sql/ and db/:\n"_s + problems.join(u'\n')));
    }

    void sqlTextOnlyInTheSqlLayers() {
        const QStringList problems =
            sqlOutsideSqlLayers(sources(u"models"_s) + sources(u"ui"_s) + sources(u"app"_s));
        QVERIFY2(problems.isEmpty(),
                 qPrintable(u"SQL text outside sql/, db/ and records/:\n"_s + problems.join(u'\n')));
    }

    // The checks themselves must be able to fail: made-up files that break each rule are caught.
    void theChecksCatchWhatTheyForbid() {
        QCOMPARE(
            modelProblems({made(u"models/schema/a.cpp"_s, {}, {u"schema/b.h"_s, u"schema/c.h"_s})}).size(),
            0);
        QCOMPARE(modelProblems({made(u"models/schema/a.cpp"_s, {}, {u"records/recordstore.h"_s})}).size(), 1);
        QCOMPARE(modelProblems({made(u"models/export/a.cpp"_s, {}, {u"schema.h"_s})}).size(), 1);
        QCOMPARE(modelProblems({made(u"models/export/a.cpp"_s, {}, {}, {u"QSqlQuery"_s})}).size(), 1);
        QCOMPARE(modelProblems({made(u"models/records/a.cpp"_s, {}, {}, {u"QSqlQuery"_s})}).size(), 0);
        QCOMPARE(modelProblems({made(u"models/import/a.cpp"_s, {}, {u"export/exporter.h"_s})}).size(), 0);
        QCOMPARE(
            modelProblems({made(u"models/import/a.cpp"_s, {}, {u"db/databasecatalogreader.h"_s})}).size(), 1);
        QCOMPARE(modelProblems({made(u"models/import/a.cpp"_s, {}, {}, {u"QSqlQuery"_s})}).size(), 1);
        QCOMPARE(modelProblems({made(u"models/db/a.cpp"_s, {}, {u"import/catalog.h"_s})}).size(), 0);
        QCOMPARE(modelProblems({made(u"models/records/a.cpp"_s, {}, {}, {u"QWidget"_s})}).size(), 1);
        QCOMPARE(modelProblems({made(u"models/a.cpp"_s, {}, {})}).size(), 1);
        QCOMPARE(uiProblems({made(u"ui/document/a.cpp"_s, {}, {u"window/mainwindow.h"_s})}).size(), 1);
        QCOMPARE(uiProblems({made(u"ui/window/a.cpp"_s, {}, {u"document/document.h"_s, u"db/x.h"_s})}).size(),
                 0);
        QCOMPARE(uiProblems({made(u"ui/data/a.cpp"_s, {}, {u"properties/x.h"_s})}).size(), 1);
        QCOMPARE(uiProblems({made(u"ui/data/a.cpp"_s, {}, {}, {u"QSqlDatabase"_s})}).size(), 1);
        QCOMPARE(
            dialectBranches({made(u"ui/data/a.cpp"_s, u"if (k == SqlDialect::Kind::MySql)"_s, {})}).size(),
            1);
        QCOMPARE(
            dialectBranches({made(u"models/sql/a.cpp"_s, u"if (k == SqlDialect::Kind::MySql)"_s, {})}).size(),
            0);
    }
};

QTEST_GUILESS_MAIN(TestLayers)
#include "tst_layers.moc"
