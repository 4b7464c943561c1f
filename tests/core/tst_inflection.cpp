// Checks models/inflection.cpp against word forms produced by Sequelize 6 itself
// (tests/data/inflection/sequelize-reference.tsv, made by scripts/gen-inflection-table.js).

#include "schema/inflection.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace modeldesk::inflection;

namespace {

struct Row {
    int line = 0;
    QByteArray name; // the word as escaped in the table, for the row's name
    QString word, plural, singular, underscored, camelized;
    bool camelizeThrows = false; // Sequelize throws here; `camelized` is the port's documented fallback
};

// The table escapes backslash, tab, newline and carriage return.
QString unescape(const QString &cell) {
    QString out;
    out.reserve(cell.size());
    for (qsizetype i = 0; i < cell.size(); ++i) {
        if (cell[i] != u'\\' || i + 1 == cell.size()) {
            out += cell[i];
            continue;
        }
        switch (cell[++i].unicode()) {
        case u't':
            out += u'\t';
            break;
        case u'n':
            out += u'\n';
            break;
        case u'r':
            out += u'\r';
            break;
        default:
            out += cell[i];
        }
    }
    return out;
}

} // namespace

class TstInflection : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void reference_data();
    void reference();
    void explicitCases();

private:
    QList<Row> m_rows;
};

void TstInflection::initTestCase() {
    const QString path = QStringLiteral(MODELDESK_TEST_DATA "/inflection/sequelize-reference.tsv");
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(u"cannot open "_s + path));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    bool headerSeen = false;
    for (int i = 0; i < lines.size(); ++i) {
        const QString &line = lines[i];
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        if (!headerSeen) {
            QCOMPARE(line, u"word\tpluralize\tsingularize\tunderscore\tcamelize"_s);
            headerSeen = true;
            continue;
        }
        const QStringList cells = line.split(u'\t');
        QVERIFY2(cells.size() == 5, qPrintable(u"line %1: expected 5 cells"_s.arg(i + 1)));
        Row row;
        row.line = i + 1;
        row.name = cells[0].toUtf8();
        row.word = unescape(cells[0]);
        row.plural = unescape(cells[1]);
        row.singular = unescape(cells[2]);
        row.underscored = unescape(cells[3]);
        row.camelized = unescape(cells[4]);
        const QString throwsMarker = u"!throws "_s;
        if (row.camelized.startsWith(throwsMarker)) {
            row.camelizeThrows = true;
            row.camelized.remove(0, throwsMarker.size());
        }
        m_rows += row;
    }
    QVERIFY2(headerSeen, "reference table has no header line");
    QVERIFY2(m_rows.size() >= 400, qPrintable(u"reference table has only %1 rows"_s.arg(m_rows.size())));
}

void TstInflection::reference_data() {
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("plural");
    QTest::addColumn<QString>("singular");
    QTest::addColumn<QString>("underscored");
    QTest::addColumn<QString>("camelized");
    for (const Row &row : std::as_const(m_rows))
        QTest::addRow("line %d: %s", row.line, row.name.constData())
            << row.word << row.plural << row.singular << row.underscored << row.camelized;
}

void TstInflection::reference() {
    QFETCH(QString, word);
    QFETCH(QString, plural);
    QFETCH(QString, singular);
    QFETCH(QString, underscored);
    QFETCH(QString, camelized);
    QCOMPARE(pluralize(word), plural);
    QCOMPARE(singularize(word), singular);
    QCOMPARE(underscore(word), underscored);
    QCOMPARE(camelize(word), camelized);
}

void TstInflection::explicitCases() {
    QCOMPARE(pluralize(u"testUser"_s), u"testUsers"_s);
    QCOMPARE(pluralize(u"person"_s), u"people"_s);
    QCOMPARE(pluralize(u"category"_s), u"categories"_s);
    QCOMPARE(pluralize(u"sheep"_s), u"sheep"_s);
    QCOMPARE(pluralize(u"status"_s), u"statuses"_s);
    QCOMPARE(singularize(u"people"_s), u"person"_s);
    QCOMPARE(singularize(u"categories"_s), u"category"_s);
    QCOMPARE(singularize(u"statuses"_s), u"status"_s);
    QCOMPARE(underscore(u"testUser"_s), u"test_user"_s);
    QCOMPARE(camelize(u"user_id"_s), u"userId"_s);
    QCOMPARE(camelize(u"created_at"_s), u"createdAt"_s);
    // Sequelize throws on a trailing separator; the port drops it.
    QCOMPARE(camelize(u"user_"_s), u"user"_s);
    // As in Sequelize, an empty name gets the bare suffix.
    QCOMPARE(pluralize(QString()), u"s"_s);
}

QTEST_GUILESS_MAIN(TstInflection)
#include "tst_inflection.moc"
