#include "db/databaseconnection.h"

#include "db/pgdirect.h"
#include "db/sqlitedirect.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlQuery>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

QString uniqueConnectionName() {
    static QAtomicInteger<quint64> counter;
    return u"modeldesk-%1-%2"_s.arg(QCoreApplication::applicationPid()).arg(++counter);
}

} // namespace

DatabaseConnection::DatabaseConnection(ConnectionUrl url)
    : mUrl(std::move(url))
    , mName(uniqueConnectionName()) {
}

DatabaseConnection::~DatabaseConnection() {
    close();
    // removeDatabase() warns when a QSqlDatabase copy is alive; none are once close() has run.
    mDatabase = QSqlDatabase();
    QSqlDatabase::removeDatabase(mName);
}

QSqlDatabase DatabaseConnection::database() const {
    return mDatabase.isValid() ? mDatabase : QSqlDatabase::database(mName, false);
}

bool DatabaseConnection::isOpen() const {
    // The handle kept since open(): looking the name up in Qt's registry takes a global lock on every save.
    return !mLost && mDatabase.isOpen();
}

QString DatabaseConnection::describe(const QSqlError &error) {
    // The server's words when there are any; the driver's ("Unable to fetch row") add nothing to them.
    // PostgreSQL's text spans lines ("ERROR:  …\nDETAIL:  …"); one line reads better in a report.
    QString text = error.databaseText().simplified();
    if (text.isEmpty())
        text = error.driverText().simplified();
    if (text.startsWith(u"ERROR: "_s))
        text.remove(0, 7);
    if (!error.nativeErrorCode().isEmpty() && !text.contains(error.nativeErrorCode()))
        text += u" ["_s + error.nativeErrorCode() + u']';
    return text.isEmpty() ? tr("unknown database error") : text;
}

void DatabaseConnection::close() {
    mStatements.clear();
    mPgDirect.reset();
    mSqliteDirect.reset(); // finalizes its statements while the handle is still open
    if (mDatabase.isOpen())
        mDatabase.close();
}

bool DatabaseConnection::open(QString *error) {
    close();
    mLost = false;
    QSqlDatabase db =
        QSqlDatabase::contains(mName) ? database() : QSqlDatabase::addDatabase(dialect().qtDriver(), mName);
    mDatabase = db;
    if (!db.isValid()) {
        if (error)
            *error = tr("the Qt SQL driver %1 is not installed (Debian: libqt6sql6-%2)")
                         .arg(dialect().qtDriver(), mUrl.kind == SqlDialect::Kind::Sqlite     ? u"sqlite"_s
                                                    : mUrl.kind == SqlDialect::Kind::Postgres ? u"psql"_s
                                                                                              : u"mysql"_s);
        return false;
    }
    if (mUrl.kind == SqlDialect::Kind::Sqlite) {
        if (mReadOnly && !mUrl.memory && !QFileInfo::exists(mUrl.path)) {
            if (error)
                *error = tr("cannot open %1: there is no such file").arg(mUrl.displayString());
            return false;
        }
        db.setDatabaseName(mUrl.memory ? u":memory:"_s : mUrl.path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(kBusyTimeoutMs) +
                             (mReadOnly ? u";QSQLITE_OPEN_READONLY"_s : QString()));
    } else {
        db.setHostName(mUrl.host);
        if (mUrl.port > 0)
            db.setPort(mUrl.port);
        db.setDatabaseName(mUrl.database);
        db.setUserName(mUrl.user);
        db.setPassword(mUrl.password);
        // CLIENT_FOUND_ROWS: an UPDATE that leaves a row as it was still counts it, so "0 rows" means "no
        // such record" on every engine.
        db.setConnectOptions(mUrl.kind == SqlDialect::Kind::Postgres
                                 ? u"connect_timeout=10"_s
                                 : u"MYSQL_OPT_CONNECT_TIMEOUT=10;CLIENT_FOUND_ROWS"_s);
    }
    if (!db.open()) {
        if (error)
            *error = tr("cannot open %1: %2").arg(mUrl.displayString(), describe(db.lastError()));
        db.close();
        return false;
    }
    QString settingsError;
    if (!applySessionSettings(&settingsError)) {
        if (error)
            *error = tr("cannot set up %1: %2").arg(mUrl.displayString(), settingsError);
        close();
        return false;
    }
    if (mUrl.kind == SqlDialect::Kind::Postgres &&
        qEnvironmentVariableIntValue("MODELDESK_PG_QT_PATH") != 1) {
        mPgDirect = std::make_unique<PgDirect>(db);
        if (!mPgDirect->isAvailable())
            mPgDirect.reset();
    }
    if (mUrl.kind == SqlDialect::Kind::Sqlite &&
        qEnvironmentVariableIntValue("MODELDESK_SQLITE_QT_PATH") != 1) {
        mSqliteDirect = std::make_unique<SqliteDirect>(db);
        if (!mSqliteDirect->isAvailable())
            mSqliteDirect.reset();
    }
    return true;
}

bool DatabaseConnection::applySessionSettings(QString *error) {
    switch (mUrl.kind) {
    case SqlDialect::Kind::Sqlite:
        if (mReadOnly) // the journal mode is stored in the file: a reader leaves it as it is
            return execute(u"PRAGMA query_only = ON"_s, error) &&
                   execute(u"PRAGMA busy_timeout = %1"_s.arg(kBusyTimeoutMs), error);
        // WAL lets readers and one writer work at once; synchronous=FULL makes a commit survive a power
        // cut in WAL mode too (NORMAL may lose the last transactions).
        return execute(u"PRAGMA foreign_keys = ON"_s, error) &&
               (mUrl.memory || execute(u"PRAGMA journal_mode = WAL"_s, error)) &&
               execute(u"PRAGMA synchronous = FULL"_s, error) &&
               execute(u"PRAGMA busy_timeout = %1"_s.arg(kBusyTimeoutMs), error);
    case SqlDialect::Kind::Postgres:
        // Messages in a stable form for error reports; the values we bind carry their own offsets.
        return execute(u"SET client_min_messages TO WARNING"_s, error) &&
               (!mReadOnly || execute(u"SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"_s, error));
    case SqlDialect::Kind::MySql:
        // Sequelize's MySQL dialect works in UTC and strict mode (an overlong value is an error, not a
        // silently truncated row).
        return execute(u"SET NAMES utf8mb4"_s, error) && execute(u"SET time_zone = '+00:00'"_s, error) &&
               execute(u"SET SESSION sql_mode = CONCAT(@@sql_mode, ',STRICT_ALL_TABLES')"_s, error) &&
               (!mReadOnly || execute(u"SET SESSION TRANSACTION READ ONLY"_s, error));
    }
    return true;
}

bool DatabaseConnection::ensureOpen(QString *error) {
    if (isOpen())
        return true;
    return open(error);
}

QSqlQuery *DatabaseConnection::prepared(const QString &sql, QString *error) {
    const auto found = mStatements.constFind(sql);
    if (found != mStatements.cend())
        return found->get();
    auto query = std::make_shared<QSqlQuery>(database());
    query->setForwardOnly(true);
    if (!query->prepare(sql)) {
        if (error)
            *error = describe(query->lastError());
        return nullptr;
    }
    mStatements.insert(sql, query);
    return query.get();
}

bool DatabaseConnection::execute(const QString &sql, QString *error) {
    QSqlQuery query(database());
    if (!query.exec(sql)) {
        if (error)
            *error = describe(query.lastError());
        return false;
    }
    return true;
}

bool DatabaseConnection::copySqliteFileTo(const QString &path, QString *error) {
    if (mUrl.kind != SqlDialect::Kind::Sqlite || !mUrl.isFile()) {
        *error = tr("only a SQLite file can be copied");
        return false;
    }
    if (QFileInfo::exists(path)) {
        *error = tr("%1 exists already").arg(QDir::toNativeSeparators(path));
        return false;
    }
    if (!ensureOpen(error))
        return false;
    QSqlQuery query(database());
    query.prepare(u"VACUUM INTO ?"_s);
    query.addBindValue(path);
    if (!query.exec()) {
        *error = tr("cannot copy the records to %1: %2")
                     .arg(QDir::toNativeSeparators(path), describe(query.lastError()));
        return false;
    }
    return true;
}

bool DatabaseConnection::executeControl(const QString &sql, QString *error) {
    // SQLite re-parses a statement on every exec(QString); the cached one costs nothing per save. PostgreSQL
    // and MySQL cannot prepare BEGIN, and a plain exec is one round trip there anyway.
    if (mUrl.kind != SqlDialect::Kind::Sqlite)
        return execute(sql, error);
    if (mSqliteDirect)
        return mSqliteDirect->execute(sql, nullptr, 0, error);
    QSqlQuery *query = prepared(sql, error);
    if (!query)
        return false;
    const bool ok = query->exec();
    if (!ok && error)
        *error = describe(query->lastError());
    query->finish();
    return ok;
}

bool DatabaseConnection::begin(QString *error) {
    return executeControl(mUrl.kind == SqlDialect::Kind::Sqlite ? u"BEGIN IMMEDIATE"_s : u"BEGIN"_s, error);
}

bool DatabaseConnection::commit(QString *error) {
    return executeControl(u"COMMIT"_s, error);
}

void DatabaseConnection::rollback() {
    if (isOpen())
        executeControl(u"ROLLBACK"_s, nullptr);
}

DatabaseConnection::Transaction DatabaseConnection::transaction(const std::function<bool()> &work,
                                                                QString *error, Finish finish) {
    if (!begin(error))
        return Transaction::BeginFailed;
    if (!work()) {
        rollback();
        return Transaction::WorkFailed;
    }
    if (finish == Finish::Rollback) {
        rollback();
        return Transaction::Done;
    }
    if (!commit(error)) {
        rollback();
        return Transaction::CommitFailed;
    }
    return Transaction::Done;
}

bool DatabaseConnection::checkConnectionLost() {
    if (!mDatabase.isOpen()) {
        mLost = true;
        return true;
    }
    if (mUrl.kind == SqlDialect::Kind::Sqlite)
        return false; // a file cannot go away under an open handle
    QSqlQuery ping(database());
    if (ping.exec(u"SELECT 1"_s))
        return false;
    ping.finish();
    mLost = true;
    close();
    return true;
}

} // namespace modeldesk
