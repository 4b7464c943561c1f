#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

namespace modeldesk {

// Runs a statement on a QPSQL connection through libpq's extended protocol (PQprepare once, then
// PQexecPrepared with the values as parameters) on the PGconn the Qt driver already holds.
//
// Why: Qt 6's QPSQL implements prepared statements as SQL-level PREPARE and then sends
// "EXECUTE name('escaped', 'literals')" as a simple query for every execution, which makes the server parse
// each save again; measured, that alone costs about a third of a one-round-trip save (docs/performance.md).
// libpq is resolved at run time (it is loaded by the QPSQL plugin anyway), so the library still links only
// QtCore and QtSql and needs no libpq headers; when anything is missing, isAvailable() is false and callers
// use the plain Qt path.
class PgDirect {
public:
    explicit PgDirect(const QSqlDatabase &database);

    bool isAvailable() const { return mConnection != nullptr; }
    // Executes `sql` (with $1.. placeholders) binding `values` (canonical database values: strings,
    // integers, doubles, bools, bytes or null). The first row's columns go to *row as text.
    bool execute(const QString &sql, const QList<QVariant> &values, QList<QByteArray> *row, QString *error);

private:
    QByteArray statementName(const QString &sql, QString *error);

    void *mConnection = nullptr;            // PGconn*
    QHash<QString, QByteArray> mStatements; // SQL -> server-side statement name
    // The statement used last, by its text: a save repeats the previous statement most of the time, and
    // holding the text keeps its buffer alive, so the same buffer means the same text without hashing it.
    QString mLastSql;
    QByteArray mLastName;
};

} // namespace modeldesk
