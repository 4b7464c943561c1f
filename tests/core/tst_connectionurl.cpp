// Database URLs as Sequelize writes them, and that the password never shows.

#include "db/connectionurl.h"

#include <QTest>

using namespace modeldesk;

class TestConnectionUrl : public QObject {
    Q_OBJECT

private slots:
    void sqlite_data();
    void sqlite();
    void servers();
    void passwordFromEnvironment();
    void invalid_data();
    void invalid();
};

void TestConnectionUrl::sqlite_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("memory");
    QTest::newRow("relative") << "sqlite:data/app.db"
                              << "data/app.db" << false;
    QTest::newRow("absolute") << "sqlite:/var/lib/app.db"
                              << "/var/lib/app.db" << false;
    QTest::newRow("slashes") << "sqlite:///var/lib/app.db"
                             << "/var/lib/app.db" << false;
    QTest::newRow("memory") << "sqlite::memory:"
                            << "" << true;
    QTest::newRow("memory slashes") << "sqlite://:memory:"
                                    << "" << true;
    QTest::newRow("percent") << "sqlite:my%20file.db"
                             << "my file.db" << false;
}

void TestConnectionUrl::sqlite() {
    QFETCH(QString, text);
    QFETCH(QString, path);
    QFETCH(bool, memory);
    QString error;
    const auto url = ConnectionUrl::parse(text, &error);
    QVERIFY2(url, qPrintable(error));
    QCOMPARE(url->kind, SqlDialect::Kind::Sqlite);
    QCOMPARE(url->path, path);
    QCOMPARE(url->memory, memory);
    QCOMPARE(url->dialect().qtDriver(), QStringLiteral("QSQLITE"));
}

void TestConnectionUrl::servers() {
    qunsetenv(ConnectionUrl::kPasswordVariable);
    QString error;
    auto url = ConnectionUrl::parse(
        QStringLiteral("postgres://me:s%40cr%2Ft:x@db.example.com:6543/shop%20db"), &error);
    QVERIFY2(url, qPrintable(error));
    QCOMPARE(url->kind, SqlDialect::Kind::Postgres);
    QCOMPARE(url->user, QStringLiteral("me"));
    QCOMPARE(url->password, QStringLiteral("s@cr/t:x"));
    QCOMPARE(url->host, QStringLiteral("db.example.com"));
    QCOMPARE(url->port, 6543);
    QCOMPARE(url->database, QStringLiteral("shop db"));
    QCOMPARE(url->displayString(), QStringLiteral("postgres://me:***@db.example.com:6543/shop%20db"));
    QVERIFY(!url->displayString().contains(QStringLiteral("cr")));

    url = ConnectionUrl::parse(QStringLiteral("postgresql://localhost/app"), &error);
    QVERIFY2(url, qPrintable(error));
    QCOMPARE(url->kind, SqlDialect::Kind::Postgres);
    QCOMPARE(url->port, -1);
    QVERIFY(url->user.isEmpty());

    for (const char *scheme : {"mysql", "mariadb"}) {
        url = ConnectionUrl::parse(
            QString::fromLatin1(scheme) + QStringLiteral("://root@127.0.0.1:3307/test?ssl=true"), &error);
        QVERIFY2(url, qPrintable(error));
        QCOMPARE(url->kind, SqlDialect::Kind::MySql);
        QCOMPARE(url->dialect().qtDriver(), QStringLiteral("QMYSQL"));
        QCOMPARE(url->database, QStringLiteral("test"));
        QCOMPARE(url->displayString(), QStringLiteral("mysql://root@127.0.0.1:3307/test"));
    }
    url = ConnectionUrl::parse(QStringLiteral("postgres://u:p@[::1]:5432/d"), &error);
    QVERIFY2(url, qPrintable(error));
    QCOMPARE(url->host, QStringLiteral("::1"));
    QCOMPARE(url->displayString(), QStringLiteral("postgres://u:***@[::1]:5432/d"));
}

void TestConnectionUrl::passwordFromEnvironment() {
    qputenv(ConnectionUrl::kPasswordVariable, "from-env");
    auto url = ConnectionUrl::parse(QStringLiteral("postgres://me@localhost/app"));
    QVERIFY(url);
    QCOMPARE(url->password, QStringLiteral("from-env"));
    QVERIFY(!url->displayString().contains(QStringLiteral("from-env")));
    // A password in the URL wins.
    url = ConnectionUrl::parse(QStringLiteral("postgres://me:given@localhost/app"));
    QCOMPARE(url->password, QStringLiteral("given"));
    qunsetenv(ConnectionUrl::kPasswordVariable);
}

void TestConnectionUrl::invalid_data() {
    QTest::addColumn<QString>("text");
    QTest::newRow("no scheme") << "just-a-file.db";
    QTest::newRow("unknown") << "oracle://u@h/d";
    QTest::newRow("no slashes") << "postgres:u@h/d";
    QTest::newRow("no database") << "postgres://u:secret@h:5432";
    QTest::newRow("bad port") << "mysql://u:secret@h:99999/d";
}

void TestConnectionUrl::invalid() {
    QFETCH(QString, text);
    QString error;
    QVERIFY(!ConnectionUrl::parse(text, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY2(!error.contains(QStringLiteral("secret")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestConnectionUrl)
#include "tst_connectionurl.moc"
