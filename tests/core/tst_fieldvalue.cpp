// Value checks: one JSON value against a column (type, length, null, ENUM) and the validate rules.

#include "schema/fieldvalue.h"
#include "sql/drivervalue.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace modeldesk;

namespace {

Column column(const QString &type, bool nullable = true) {
    Column c;
    c.attribute = c.name = QStringLiteral("f");
    c.type = *DataType::parse(type);
    c.nullable = nullable;
    return c;
}

Field field(const QString &type, const QString &rule, const QJsonValue &argument) {
    Field f;
    f.name = QStringLiteral("f");
    f.type = *DataType::parse(type);
    f.validate << ValidateRule{rule, argument};
    return f;
}

} // namespace

class TestFieldValue : public QObject {
    Q_OBJECT

private slots:
    void types_data();
    void types();
    void rules_data();
    void rules();
    void nulls();
    void jsonRoundTrip();
    void fromTypedText();
};

void TestFieldValue::types_data() {
    QTest::addColumn<QString>("type");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QVariant>("expected"); // invalid QVariant: must be rejected
    QTest::newRow("int") << "INTEGER" << QJsonValue(42) << QVariant(qint64(42));
    QTest::newRow("int text") << "INTEGER" << QJsonValue(QStringLiteral(" -7 ")) << QVariant(qint64(-7));
    QTest::newRow("int fraction") << "INTEGER" << QJsonValue(1.5) << QVariant();
    QTest::newRow("int range") << "INTEGER" << QJsonValue(3000000000.0) << QVariant();
    QTest::newRow("smallint range") << "SMALLINT" << QJsonValue(40000) << QVariant();
    QTest::newRow("int word") << "INTEGER" << QJsonValue(QStringLiteral("12abc")) << QVariant();
    QTest::newRow("bigint exact") << "BIGINT" << QJsonValue(QStringLiteral("9223372036854775807"))
                                  << QVariant(qint64(9223372036854775807LL));
    QTest::newRow("bigint safe number")
        << "BIGINT" << QJsonValue(9007199254740991.0) << QVariant(qint64(9007199254740991LL));
    QTest::newRow("bigint lossy number") << "BIGINT" << QJsonValue(9007199254740993.0) << QVariant();
    QTest::newRow("bigint overflow") << "BIGINT" << QJsonValue(QStringLiteral("9223372036854775808"))
                                     << QVariant();
    QTest::newRow("decimal text") << "DECIMAL(10,2)" << QJsonValue(QStringLiteral("0012.50"))
                                  << QVariant(QStringLiteral("12.50"));
    QTest::newRow("decimal number") << "DECIMAL(10,2)" << QJsonValue(0.1) << QVariant(QStringLiteral("0.1"));
    QTest::newRow("decimal scale") << "DECIMAL(10,2)" << QJsonValue(QStringLiteral("1.005")) << QVariant();
    QTest::newRow("decimal digits") << "DECIMAL(4,2)" << QJsonValue(QStringLiteral("123.4")) << QVariant();
    QTest::newRow("decimal huge") << "DECIMAL(40,10)"
                                  << QJsonValue(QStringLiteral("123456789012345678901234567890.0123456789"))
                                  << QVariant(QStringLiteral("123456789012345678901234567890.0123456789"));
    QTest::newRow("decimal word") << "DECIMAL" << QJsonValue(QStringLiteral("1e5")) << QVariant();
    QTest::newRow("float") << "FLOAT" << QJsonValue(QStringLiteral("2.5")) << QVariant(2.5);
    QTest::newRow("bool") << "BOOLEAN" << QJsonValue(true) << QVariant(true);
    QTest::newRow("bool text") << "BOOLEAN" << QJsonValue(QStringLiteral("false")) << QVariant(false);
    QTest::newRow("bool other") << "BOOLEAN" << QJsonValue(QStringLiteral("yes")) << QVariant();
    QTest::newRow("string") << "STRING(5)" << QJsonValue(QStringLiteral("héllo"))
                            << QVariant(QStringLiteral("héllo"));
    QTest::newRow("string long") << "STRING(5)" << QJsonValue(QStringLiteral("héllo!")) << QVariant();
    QTest::newRow("string emoji") << "STRING(2)" << QJsonValue(QStringLiteral("🚀🚀"))
                                  << QVariant(QStringLiteral("🚀🚀"));
    QTest::newRow("string number") << "STRING" << QJsonValue(1234) << QVariant(QStringLiteral("1234"));
    QTest::newRow("string object") << "STRING" << QJsonValue(QJsonObject()) << QVariant();
    QTest::newRow("enum") << "ENUM('new','paid')" << QJsonValue(QStringLiteral("paid"))
                          << QVariant(QStringLiteral("paid"));
    QTest::newRow("enum other") << "ENUM('new','paid')" << QJsonValue(QStringLiteral("lost")) << QVariant();
    QTest::newRow("date") << "DATE" << QJsonValue(QStringLiteral("2024-05-06T07:08:09.123+02:00"))
                          << QVariant(QDateTime(QDate(2024, 5, 6), QTime(5, 8, 9, 123), Qt::UTC));
    QTest::newRow("date sequelize sqlite")
        << "DATE" << QJsonValue(QStringLiteral("2024-05-06 07:08:09.123 +00:00"))
        << QVariant(QDateTime(QDate(2024, 5, 6), QTime(7, 8, 9, 123), Qt::UTC));
    QTest::newRow("date bad") << "DATE" << QJsonValue(QStringLiteral("yesterday")) << QVariant();
    QTest::newRow("dateonly") << "DATEONLY" << QJsonValue(QStringLiteral("2024-02-29"))
                              << QVariant(QDate(2024, 2, 29));
    QTest::newRow("dateonly bad") << "DATEONLY" << QJsonValue(QStringLiteral("2023-02-29")) << QVariant();
    QTest::newRow("uuid") << "UUID" << QJsonValue(QStringLiteral("3F0C6B1E-2D4A-4C8E-9B7A-1E2F3A4B5C6D"))
                          << QVariant(QStringLiteral("3f0c6b1e-2d4a-4c8e-9b7a-1e2f3a4b5c6d"));
    QTest::newRow("uuid bad") << "UUID" << QJsonValue(QStringLiteral("3f0c6b1e")) << QVariant();
    QTest::newRow("json") << "JSON" << QJsonValue(QJsonObject{{QStringLiteral("a"), 1}})
                          << QVariant(QStringLiteral("{\"a\":1}"));
}

void TestFieldValue::types() {
    QFETCH(QString, type);
    QFETCH(QJsonValue, value);
    QFETCH(QVariant, expected);
    const FieldCheck check = FieldValue::check(column(type), value);
    if (!expected.isValid()) {
        QVERIFY2(!check.ok(), qPrintable(check.value.toString()));
        QVERIFY(!check.message.isEmpty());
        return;
    }
    QVERIFY2(check.ok(), qPrintable(check.message));
    QCOMPARE(check.value, expected);
}

void TestFieldValue::rules_data() {
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QJsonValue>("argument");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<bool>("ok");
    const QJsonValue yes(true);
    QTest::newRow("email") << "STRING"
                           << "isEmail" << yes << QJsonValue(QStringLiteral("1@gmail.com")) << true;
    QTest::newRow("email unicode") << "STRING"
                                   << "isEmail" << yes << QJsonValue(QStringLiteral("zoë@exämple.de"))
                                   << true;
    QTest::newRow("email bad") << "STRING"
                               << "isEmail" << yes << QJsonValue(QStringLiteral("a@b")) << false;
    QTest::newRow("email spaces") << "STRING"
                                  << "isEmail" << yes << QJsonValue(QStringLiteral("a b@c.de")) << false;
    QTest::newRow("url") << "STRING"
                         << "isUrl" << yes << QJsonValue(QStringLiteral("https://example.com/x?y=1")) << true;
    QTest::newRow("url bare") << "STRING"
                              << "isUrl" << yes << QJsonValue(QStringLiteral("example.com")) << true;
    QTest::newRow("url bad") << "STRING"
                             << "isUrl" << yes << QJsonValue(QStringLiteral("no url")) << false;
    QTest::newRow("url scheme") << "STRING"
                                << "isUrl" << yes << QJsonValue(QStringLiteral("javascript://x.com"))
                                << false;
    QTest::newRow("notEmpty") << "STRING"
                              << "notEmpty" << yes << QJsonValue(QStringLiteral(" \t")) << false;
    QTest::newRow("len") << "STRING"
                         << "len" << QJsonValue(QJsonArray{2, 3}) << QJsonValue(QStringLiteral("abc"))
                         << true;
    QTest::newRow("len short") << "STRING"
                               << "len" << QJsonValue(QJsonArray{2, 3}) << QJsonValue(QStringLiteral("a"))
                               << false;
    QTest::newRow("min") << "INTEGER"
                         << "min" << QJsonValue(1) << QJsonValue(0) << false;
    QTest::newRow("min decimal") << "DECIMAL(10,2)"
                                 << "min" << QJsonValue(0) << QJsonValue(QStringLiteral("0.00")) << true;
    QTest::newRow("max") << "INTEGER"
                         << "max" << QJsonValue(10) << QJsonValue(11) << false;
    QTest::newRow("is") << "STRING"
                        << "is" << QJsonValue(QStringLiteral("^[A-Z0-9-]+$"))
                        << QJsonValue(QStringLiteral("AB-1")) << true;
    QTest::newRow("is fails") << "STRING"
                              << "is" << QJsonValue(QStringLiteral("^[A-Z0-9-]+$"))
                              << QJsonValue(QStringLiteral("ab")) << false;
    QTest::newRow("is flags") << "STRING"
                              << "is"
                              << QJsonValue(QJsonArray{QStringLiteral("^[a-z]+$"), QStringLiteral("i")})
                              << QJsonValue(QStringLiteral("ABC")) << true;
    QTest::newRow("isIn") << "STRING"
                          << "isIn"
                          << QJsonValue(QJsonArray{QJsonArray{QStringLiteral("a"), QStringLiteral("b")}})
                          << QJsonValue(QStringLiteral("c")) << false;
    QTest::newRow("isIn numbers") << "INTEGER"
                                  << "isIn" << QJsonValue(QJsonArray{QJsonArray{1, 2}}) << QJsonValue(2)
                                  << true;
    QTest::newRow("rule off") << "STRING"
                              << "isEmail" << QJsonValue(false) << QJsonValue(QStringLiteral("x")) << true;
}

void TestFieldValue::rules() {
    QFETCH(QString, type);
    QFETCH(QString, rule);
    QFETCH(QJsonValue, argument);
    QFETCH(QJsonValue, value);
    QFETCH(bool, ok);
    const FieldCheck check = FieldValue::check(field(type, rule, argument), value);
    QVERIFY2(check.ok() == ok, qPrintable(check.message));
}

void TestFieldValue::nulls() {
    QVERIFY(FieldValue::check(column(QStringLiteral("STRING")), QJsonValue::Null).ok());
    QVERIFY(FieldValue::check(column(QStringLiteral("STRING")), QJsonValue::Undefined).isNull());
    const FieldCheck check = FieldValue::check(column(QStringLiteral("STRING"), false), QJsonValue::Null);
    QVERIFY(!check.ok());
    QCOMPARE(check.message, QStringLiteral("cannot be null"));
    // Validators do not run on null (Sequelize: allowNull decides).
    QVERIFY(
        FieldValue::check(field(QStringLiteral("STRING"), QStringLiteral("notEmpty"), true), QJsonValue::Null)
            .ok());
    // A form may leave a generated key empty.
    Field id;
    id.name = QStringLiteral("id");
    id.type = DataType::integer();
    id.primaryKey = true;
    id.autoIncrement = true;
    QVERIFY(FieldValue::check(id, QJsonValue::Null).ok());
}

void TestFieldValue::jsonRoundTrip() {
    const Column big = column(QStringLiteral("BIGINT"));
    QCOMPARE(FieldValue::toJson(big.type, QVariant(qint64(9223372036854775807LL))),
             QJsonValue(QStringLiteral("9223372036854775807")));
    QCOMPARE(FieldValue::toJson(big.type, QVariant(qint64(42))), QJsonValue(42));
    const Column date = column(QStringLiteral("DATE"));
    const QDateTime when(QDate(2024, 1, 2), QTime(3, 4, 5, 6), Qt::UTC);
    QCOMPARE(FieldValue::toJson(date.type, when), QJsonValue(QStringLiteral("2024-01-02T03:04:05.006Z")));
    QCOMPARE(DriverValue::toDatabase(date.type, when, SqlDialect(SqlDialect::Kind::Sqlite)),
             QVariant(QStringLiteral("2024-01-02 03:04:05.006 +00:00")));
    QCOMPARE(DriverValue::fromDatabase(date.type, QStringLiteral("2024-01-02 03:04:05.006 +00:00"),
                                       SqlDialect(SqlDialect::Kind::Sqlite)),
             QVariant(when));
    const Column money = column(QStringLiteral("DECIMAL(10,2)"));
    QCOMPARE(DriverValue::fromDatabase(money.type, 12.5, SqlDialect(SqlDialect::Kind::Sqlite)),
             QVariant(QStringLiteral("12.50")));
}

// What the entry form's editors and grid cells send for what was typed, and which fields it marks required.
void TestFieldValue::fromTypedText() {
    auto typed = [](const char *type, const QString &text) {
        return FieldValue::fromText(column(QString::fromLatin1(type)).type, text);
    };
    QCOMPARE(typed("STRING", QStringLiteral("  ")), QJsonValue(QJsonValue::Null));
    QCOMPARE(typed("STRING", QStringLiteral(" Ada ")), QJsonValue(QStringLiteral("Ada")));
    QCOMPARE(typed("INTEGER", QStringLiteral("42")), QJsonValue(42));
    QCOMPARE(typed("BIGINT", QStringLiteral("9007199254740992")), QJsonValue(qint64(9007199254740992LL)));
    // Beyond 2^53 a JSON number would lose digits: the exact text goes on, and check() takes it.
    QCOMPARE(typed("BIGINT", QStringLiteral("9007199254740993")),
             QJsonValue(QStringLiteral("9007199254740993")));
    QCOMPARE(FieldValue::check(column(QStringLiteral("BIGINT")),
                               typed("BIGINT", QStringLiteral("9007199254740993")))
                 .value,
             QVariant(qint64(9007199254740993LL)));
    QCOMPARE(typed("INTEGER", QStringLiteral("4x")), QJsonValue(QStringLiteral("4x"))); // check() says why
    QCOMPARE(typed("DOUBLE", QStringLiteral("2.5")), QJsonValue(2.5));
    QCOMPARE(typed("DECIMAL(10,2)", QStringLiteral("4.50")), QJsonValue(QStringLiteral("4.50"))); // exact
    QCOMPARE(typed("BOOLEAN", QStringLiteral("TRUE")), QJsonValue(true));
    QCOMPARE(typed("BOOLEAN", QStringLiteral("0")), QJsonValue(false));
    QCOMPARE(typed("BOOLEAN", QStringLiteral("maybe")), QJsonValue(QStringLiteral("maybe")));

    Field name{QStringLiteral("name"), DataType::string()};
    QVERIFY(!name.isRequired());
    name.allowNull = false;
    QVERIFY(name.isRequired());
    name.defaultValue = QStringLiteral("x");
    QVERIFY(!name.isRequired());
    Field id{QStringLiteral("id"), DataType::integer()};
    id.primaryKey = true;
    QVERIFY(id.isRequired());
    id.autoIncrement = true;
    QVERIFY(!id.isRequired());
}

QTEST_GUILESS_MAIN(TestFieldValue)
#include "tst_fieldvalue.moc"
