#pragma once

#include "db/connectionurl.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>
#include <functional>
#include <memory>

class QSqlQuery;

namespace modeldesk {

class PgDirect;
class SqliteDirect;

// One open database session for the save controller, sync and the CLI: opens a QSqlDatabase under a name of
// its own (so several can coexist, e.g. the GUI form and a bulk import), applies the durability settings
// (SQLite: foreign keys on, WAL, synchronous FULL, a busy timeout), caches prepared statements, and notices
// when the server went away so that the next operation reconnects instead of failing forever.
class DatabaseConnection {
    Q_DECLARE_TR_FUNCTIONS(DatabaseConnection)
public:
    static constexpr int kBusyTimeoutMs = 10000;

    explicit DatabaseConnection(ConnectionUrl url);
    ~DatabaseConnection();
    DatabaseConnection(const DatabaseConnection &) = delete;
    DatabaseConnection &operator=(const DatabaseConnection &) = delete;

    // Read-only sessions (the import): SQLite opens the file read-only (a missing file is an error, not a new
    // database) and leaves its journal mode alone; the servers make every transaction of the session READ
    // ONLY. Call before open().
    void setReadOnly(bool readOnly) { mReadOnly = readOnly; }
    bool isReadOnly() const { return mReadOnly; }

    // Opens (or reopens after a loss). Errors name the URL without its password.
    bool open(QString *error);
    // Opens when closed or lost; cheap when open. Every operation calls this first.
    bool ensureOpen(QString *error);
    void close();
    bool isOpen() const;

    const ConnectionUrl &url() const { return mUrl; }
    SqlDialect dialect() const { return mUrl.dialect(); }
    QSqlDatabase database() const;

    // A statement prepared once per connection and reused (the cache is dropped on reconnect). Bind values
    // with addBindValue() after this returns. Null on failure, with *error set.
    QSqlQuery *prepared(const QString &sql, QString *error);
    // Runs a statement that has no values (DDL, PRAGMA, BEGIN). Values never go through here.
    bool execute(const QString &sql, QString *error);

    // Writes a consistent copy of this SQLite database (with what its WAL holds) to the new file `path`
    // (VACUUM INTO): how the records go along when a project is saved under another name. Refuses an
    // existing file and other engines.
    bool copySqliteFileTo(const QString &path, QString *error);

    // Transactions as plain statements, so that SQLite can take the write lock up front (BEGIN IMMEDIATE):
    // a deferred transaction that reads first can fail with SQLITE_BUSY without waiting.
    bool begin(QString *error);
    bool commit(QString *error);
    void rollback();

    // How transaction() ended.
    enum class Transaction {
        Done,         // the work succeeded and was committed (with Finish::Rollback: rolled back, as asked)
        BeginFailed,  // BEGIN failed (*error says why); the work did not run
        WorkFailed,   // the work returned false; rolled back (the work reports its own failure)
        CommitFailed, // COMMIT failed (*error says why); rolled back, and the outcome may be unknown
    };
    enum class Finish { Commit, Rollback };
    // The one transaction guard: BEGIN, run `work`, then COMMIT, or ROLLBACK when the work fails or COMMIT
    // does. With Finish::Rollback the work runs and is rolled back anyway (a dry run).
    Transaction transaction(const std::function<bool()> &work, QString *error,
                            Finish finish = Finish::Commit);

    // Call after a failed statement: checks whether the session is still usable. When it is not, drops it
    // (the next ensureOpen() reconnects) and returns true.
    bool checkConnectionLost();

    // PostgreSQL only: libpq's extended protocol on this session (see PgDirect), or null when unavailable or
    // switched off with MODELDESK_PG_QT_PATH=1 (then everything goes through Qt's QPSQL driver).
    PgDirect *pgDirect() const { return mPgDirect.get(); }
    // SQLite only: the sqlite3 C API on this session's handle (see SqliteDirect), or null when unavailable or
    // switched off with MODELDESK_SQLITE_QT_PATH=1 (then everything goes through Qt's QSQLITE driver).
    SqliteDirect *sqliteDirect() const { return mSqliteDirect.get(); }

    // A readable error: what failed and the database's message (driver and server text).
    static QString describe(const QSqlError &error);

private:
    bool applySessionSettings(QString *error);
    bool executeControl(const QString &sql, QString *error);

    ConnectionUrl mUrl;
    QString mName;
    QSqlDatabase mDatabase;
    QHash<QString, std::shared_ptr<QSqlQuery>> mStatements;
    std::unique_ptr<PgDirect> mPgDirect;
    std::unique_ptr<SqliteDirect> mSqliteDirect;
    bool mLost = false;
    bool mReadOnly = false;
};

} // namespace modeldesk
