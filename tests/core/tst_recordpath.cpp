// Record paths both ways: joinPath()/indexedPath() build the paths that problems and plans name, and
// splitPath() reads them back, so the form never parses "products[0].orderItem.unitPrice" itself.
#include "records/recordpath.h"

#include <QTest>

using namespace modeldesk;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(QList<modeldesk::PathStep>)

namespace QTest {
template <> char *toString(const QList<modeldesk::PathStep> &steps) {
    QStringList parts;
    for (const PathStep &step : steps)
        parts << (step.index < 0 ? step.key : u"%1[%2]"_s.arg(step.key).arg(step.index));
    return qstrdup(qPrintable(u"{"_s + parts.join(u" | "_s) + u"}"_s));
}
} // namespace QTest

class TstRecordPath : public QObject {
    Q_OBJECT

private slots:
    void splitAndJoin_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QList<PathStep>>("steps");
        QTest::newRow("root") << QString() << QList<PathStep>{};
        QTest::newRow("field") << u"name"_s << QList<PathStep>{{u"name"_s, -1}};
        QTest::newRow("hasOne field")
            << u"user_test.code"_s << QList<PathStep>{{u"user_test"_s, -1}, {u"code"_s, -1}};
        QTest::newRow("grid row") << u"orders[1]"_s << QList<PathStep>{{u"orders"_s, 1}};
        QTest::newRow("nested rows") << u"orders[1].products[0]"_s
                                     << QList<PathStep>{{u"orders"_s, 1}, {u"products"_s, 0}};
        QTest::newRow("junction field")
            << u"products[0].orderItem.unitPrice"_s
            << QList<PathStep>{{u"products"_s, 0}, {u"orderItem"_s, -1}, {u"unitPrice"_s, -1}};
        QTest::newRow("deep") << u"orders[12].products[305].orderItem.quantity"_s
                              << QList<PathStep>{{u"orders"_s, 12},
                                                 {u"products"_s, 305},
                                                 {u"orderItem"_s, -1},
                                                 {u"quantity"_s, -1}};
        // Keys as hostile as the save tests use: quotes, spaces, brackets that are no index.
        QTest::newRow("odd keys") << u"na\"me`'; --.sélect ?[3].x[y]"_s
                                  << QList<PathStep>{
                                         {u"na\"me`'; --"_s, -1}, {u"sélect ?"_s, 3}, {u"x[y]"_s, -1}};
        QTest::newRow("not an index")
            << u"a[-1].b[01].c[]"_s << QList<PathStep>{{u"a[-1]"_s, -1}, {u"b[01]"_s, -1}, {u"c[]"_s, -1}};
    }

    void splitAndJoin() {
        QFETCH(QString, path);
        QFETCH(QList<PathStep>, steps);
        QCOMPARE(splitPath(path), steps);
        QCOMPARE(joinPath(steps), path);
    }

    // Built step by step the way the planner builds them, and read back.
    void roundTripOfBuiltPaths() {
        QString path;
        QList<PathStep> expected;
        const QStringList keys{u"orders"_s, u"products"_s, u"orderItem"_s, u"unitPrice"_s};
        for (qsizetype i = 0; i < keys.size(); ++i) {
            path = joinPath(path, keys.at(i));
            expected << PathStep{keys.at(i), -1};
            if (i < 2) {
                path = indexedPath(path, 7 - i);
                expected.last().index = 7 - i;
            }
            QCOMPARE(splitPath(path), expected);
            QCOMPARE(joinPath(splitPath(path)), path);
        }
        QCOMPARE(path, u"orders[7].products[6].orderItem.unitPrice"_s);
        // The head and the rest, as the form hands a problem down to a nested section.
        const QList<PathStep> steps = splitPath(u"user_test.profile.website"_s);
        QCOMPARE(steps.first().key, u"user_test"_s);
        QCOMPARE(joinPath(steps.mid(1)), u"profile.website"_s);
    }
};

QTEST_APPLESS_MAIN(TstRecordPath)
#include "tst_recordpath.moc"
