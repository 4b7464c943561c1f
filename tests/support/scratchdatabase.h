#pragma once

// A database of its own for one test run: a temporary SQLite file, or a uniquely named database on the
// PostgreSQL / MariaDB server that scripts/test started, dropped again at the end.

#include "db/databaseconnection.h"
#include "support/testsupport.h"

#include <QDir>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <memory>

namespace modeldesk::test {

class ScratchDatabase {
public:
    // engine: "sqlite", "postgres" or "mysql". For a server engine, serverUrl is the server's URL
    // (MODELDESK_TEST_PG_URL / MODELDESK_TEST_MYSQL_URL).
    bool create(const QString &engine, const QString &serverUrl, QString *error) {
        if (engine == QLatin1String("sqlite")) {
            mDir = std::make_unique<QTemporaryDir>();
            mUrl = QStringLiteral("sqlite:") + mDir->filePath(QStringLiteral("test.sqlite"));
            return true;
        }
        auto admin = ConnectionUrl::parse(serverUrl, error);
        if (!admin)
            return false;
        mName = QStringLiteral("modeldesk_t_%1_%2")
                    .arg(QCoreApplication::applicationPid())
                    .arg(QRandomGenerator::global()->bounded(1000000));
        mAdmin = std::make_unique<DatabaseConnection>(*admin);
        if (!mAdmin->open(error))
            return false;
        const QString create =
            admin->kind == SqlDialect::Kind::MySql
                ? QStringLiteral("CREATE DATABASE `%1` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin")
                : QStringLiteral("CREATE DATABASE \"%1\"");
        if (!mAdmin->execute(create.arg(mName), error))
            return false;
        ConnectionUrl url = *admin;
        url.database = mName;
        mConnectionUrl = url;
        mUrl = serverUrl.left(serverUrl.lastIndexOf(QLatin1Char('/')) + 1) + mName;
        return true;
    }

    ~ScratchDatabase() {
        if (!mAdmin || mName.isEmpty())
            return;
        const QString drop = mAdmin->dialect().kind() == SqlDialect::Kind::MySql
                                 ? QStringLiteral("DROP DATABASE IF EXISTS `%1`")
                                 : QStringLiteral("DROP DATABASE IF EXISTS \"%1\" WITH (FORCE)");
        QString error;
        if (!mAdmin->execute(drop.arg(mName), &error))
            qWarning("cannot drop %s: %s", qPrintable(mName), qPrintable(error));
    }

    QString url() const { return mUrl; }
    ConnectionUrl connectionUrl() const {
        return mConnectionUrl ? *mConnectionUrl : *ConnectionUrl::parse(mUrl);
    }
    DatabaseConnection *admin() { return mAdmin.get(); }

private:
    std::unique_ptr<QTemporaryDir> mDir;
    std::unique_ptr<DatabaseConnection> mAdmin;
    std::optional<ConnectionUrl> mConnectionUrl;
    QString mName;
    QString mUrl;
};

// The engines every database test runs on, as QTest data rows.
inline void addEngineRows() {
    QTest::addColumn<QString>("engine");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgres") << QStringLiteral("postgres");
    QTest::newRow("mariadb") << QStringLiteral("mysql");
}

inline const char *serverVariable(const QString &engine) {
    return engine == QLatin1String("postgres") ? "MODELDESK_TEST_PG_URL" : "MODELDESK_TEST_MYSQL_URL";
}

} // namespace modeldesk::test

// Creates `scratch` for the row's engine: skips (outside CI) or fails (in CI) when its server is missing.
#define MODELDESK_SCRATCH_DATABASE(scratch, engine)                                                          \
    modeldesk::test::ScratchDatabase scratch;                                                                \
    {                                                                                                        \
        QString serverUrl_;                                                                                  \
        if (engine != QLatin1String("sqlite")) {                                                             \
            serverUrl_ = modeldesk::test::serverUrl(modeldesk::test::serverVariable(engine));                \
            if (serverUrl_.isEmpty()) {                                                                      \
                if (modeldesk::test::strict())                                                               \
                    QFAIL("the database server is not set (MODELDESK_TEST_PG_URL / "                         \
                          "MODELDESK_TEST_MYSQL_URL); "                                                      \
                          "scripts/test starts it");                                                         \
                QSKIP("no database server; run the suite with scripts/test, which starts PostgreSQL and "    \
                      "MariaDB");                                                                            \
            }                                                                                                \
        }                                                                                                    \
        QString scratchError_;                                                                               \
        QVERIFY2(scratch.create(engine, serverUrl_, &scratchError_), qPrintable(scratchError_));             \
    }
