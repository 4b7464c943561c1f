// JsonText writes what QJsonDocument::toJson(Compact) writes: strings with every escape and every kind of
// character (lone surrogates included), numbers at the edges of Qt's integer and exponent forms; and
// QJsonObject's key order is QString's (UTF-16, not UTF-8, order), which the saved graph's writer sorts by.

#include "records/jsontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace modeldesk;

class TestJsonText : public QObject {
    Q_OBJECT

private slots:
    void strings();
    void numbers();
    void keyOrder();
};

namespace {

QByteArray qtValue(const QJsonValue &value) {
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QByteArray ourValue(const QJsonValue &value) {
    QByteArray out;
    JsonText::appendValue(&out, value);
    return out;
}

} // namespace

void TestJsonText::strings() {
    QString every;
    for (char16_t c = 0; c < 0x100; ++c)
        every += QChar(c);
    const QList<QString> texts{
        QString(),
        QStringLiteral(""),
        every,
        QStringLiteral("plain ascii"),
        QString::fromUtf8("Zoë 🚀 — 東京 \u2028\u2029 \uffff \ufeff"),
        QString(QChar(0xd800)),                                 // a lone high surrogate
        QString(QChar(0xdc00)) + QStringLiteral("x"),           // a lone low surrogate
        QString(QChar(0xd83d)) + QChar(0xd83d) + QChar(0xde00), // high, then a pair
        QString(QChar(0xdbff)) + QChar(0xdfff),                 // the last code point
        QStringLiteral("\"quoted\" \\back\\ /slash/ \x7f"),
    };
    for (const QString &text : texts)
        QCOMPARE(ourValue(text), qtValue(text));
}

void TestJsonText::numbers() {
    const QList<double> numbers{0.0,
                                -0.0,
                                1.0,
                                -1.0,
                                0.1,
                                1.5,
                                1e-7,
                                3.14159,
                                1e15,
                                1e16,
                                123456789012.0,
                                9007199254740991.0,
                                9007199254740992.0,
                                9007199254740993.0,
                                -9007199254740992.0,
                                18014398509481984.0,
                                1e300,
                                -1e-300,
                                std::numeric_limits<double>::max(),
                                std::numeric_limits<double>::denorm_min(),
                                std::numeric_limits<double>::infinity(),
                                std::nan("")};
    for (double number : numbers)
        QCOMPARE(ourValue(number), qtValue(number));
    for (qint64 number : {qint64(0), qint64(42), qint64(-7), std::numeric_limits<qint64>::max(),
                          std::numeric_limits<qint64>::min()})
        QCOMPARE(ourValue(QJsonValue(number)), qtValue(QJsonValue(number)));
    for (const QJsonValue &value : {QJsonValue(true), QJsonValue(false), QJsonValue(QJsonValue::Null)})
        QCOMPARE(ourValue(value), qtValue(value));
}

void TestJsonText::keyOrder() {
    // The saved graph's writer orders members with QString's operator< (UTF-16 code units): the order
    // QJsonObject keeps, which is not UTF-8's (U+1F600 comes before U+FF21 in UTF-16, after it in UTF-8).
    QStringList keys{QStringLiteral("b"),       QStringLiteral("a"),     QStringLiteral("aa"),
                     QStringLiteral("B"),       QStringLiteral("_"),     QStringLiteral("Z1"),
                     QString::fromUtf8("é"),    QString::fromUtf8("Ａ"), QString::fromUtf8("😀"),
                     QStringLiteral("a\"\\\n"), QStringLiteral(""),      QStringLiteral("a_b")};
    QJsonObject object;
    for (const QString &key : std::as_const(keys))
        object.insert(key, 1);
    std::sort(keys.begin(), keys.end(), [](const QString &a, const QString &b) { return a < b; });
    QCOMPARE(object.keys(), keys);
}

QTEST_GUILESS_MAIN(TestJsonText)
#include "tst_jsontext.moc"
