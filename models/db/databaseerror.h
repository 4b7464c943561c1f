#pragma once

#include "schema/resolvedschema.h"
#include "sql/sqldialect.h"

#include <QString>
#include <QStringList>

namespace modeldesk {

// What a failed statement's error is about, as the engine's own message names it: the columns (one for
// NOT NULL, several for a composite key) and the constraint or key. Empty parts were not named.
struct ErrorSubject {
    // What the engine refused: a required value missing, a value another row already has, a key naming no
    // record (or a record still referred to), a CHECK, a value longer than its column.
    enum class Kind { Other, NotNull, Unique, ForeignKey, Check, TooLong };
    Kind kind = Kind::Other;
    QString table;
    QStringList columns;
    QString constraint;

    bool isEmpty() const { return columns.isEmpty() && constraint.isEmpty(); }
};

// Reads the subject out of an error message, per engine: SQLite's "NOT NULL constraint failed: t.c" and
// "UNIQUE constraint failed: t.a, t.b"; PostgreSQL's 'null value in column "c"', 'violates unique constraint
// "k"' with its "Key (c)=(…)" detail; MySQL's "Column 'c' cannot be null", "Duplicate entry '…' for key 'k'",
// "… for column 'c' …". The one place that knows these texts; everything above asks it.
class DatabaseError {
public:
    // `message` as DatabaseConnection::describe() gives it.
    static ErrorSubject subject(SqlDialect dialect, const QString &message);
    // The columns of `table` that the constraint or key `name` covers (a unique column, a composite unique
    // key, the primary key), by the names each engine gives them; empty when unknown.
    static QStringList constraintColumns(SqlDialect dialect, const QString &name, const Table &table);
};

} // namespace modeldesk
