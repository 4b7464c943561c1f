#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

#include <vector>

namespace modeldesk {

// Runs statements on a QSQLITE connection through the sqlite3 C API, on the sqlite3* the Qt driver already
// holds (QSqlDriver::handle()): prepared once per connection, values bound exactly as QSQLITE binds them
// (text as UTF-16, integers as int64, ...) and errors worded as QSQLITE words them, so the rows written and
// the messages reported do not depend on the path.
//
// Why: per execution QSQLITE copies every bound value into a QVariant list, checks the parameter count,
// builds the result's column record, and lastInsertId() and numRowsAffected() go through QVariant; on a
// bulk import that was a large share of the client's time per graph (docs/performance.md). libsqlite3 is
// resolved at run time (the QSQLITE plugin has loaded it already; Debian's plugin links the system
// libsqlite3.so.0), so the library still links only QtCore and QtSql; when anything is missing,
// isAvailable() is false and callers use the plain Qt path.
class SqliteDirect {
public:
    explicit SqliteDirect(const QSqlDatabase &database);
    ~SqliteDirect(); // finalizes its statements: the connection must still be open
    SqliteDirect(const SqliteDirect &) = delete;
    SqliteDirect &operator=(const SqliteDirect &) = delete;

    bool isAvailable() const { return mDatabase != nullptr; }

    // Runs `sql` (? placeholders) with `values` bound (canonical database values, DriverValue::toDatabase),
    // to its end. On failure returns false with *error as DatabaseConnection::describe() words QSQLITE's
    // error.
    bool execute(const QString &sql, const QVariant *values, qsizetype count, QString *error);
    // After execute(): the rowid of the last insert (0 when none, as sqlite3 says) and the rows changed.
    qint64 lastInsertRowId() const;
    qint64 changes() const;

private:
    struct Statement;
    Statement *statement(const QString &sql, QString *error);
    int bind(void *statement, int index, const QVariant &value);

    void *mDatabase = nullptr;               // sqlite3*
    QHash<QString, Statement *> mStatements; // owned; finalized in the destructor
    // The statement used last, by its text: saves repeat a handful of statements, and holding the text keeps
    // its buffer alive, so the same buffer means the same text without hashing it.
    QString mLastSql;
    Statement *mLast = nullptr;
    std::vector<QByteArray> mUtf8; // the UTF-8 text bound to each parameter, alive until the next execution
    QString mLastText;             // the text converted last, and its UTF-8
    QByteArray mLastUtf8;
};

} // namespace modeldesk
