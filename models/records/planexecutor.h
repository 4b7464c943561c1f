#pragma once

#include "db/databaseconnection.h"
#include "db/databaseerror.h"
#include "records/saveplan.h"
#include "sql/statementbuilder.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QMultiHash>
#include <QStringList>
#include <QVariant>
#include <functional>
#include <utility>
#include <vector>

namespace modeldesk {

class SqliteDirect;

// Runs a SavePlan on a connection: binds every value (keys from earlier statements as they arrive), reads
// generated keys back (RETURNING on PostgreSQL, the driver's last insert id elsewhere) and reports which
// statement failed. On PostgreSQL an insert-only plan can run as one data-modifying CTE: one round trip and
// atomic by itself, without BEGIN/COMMIT.
class PlanExecutor {
    Q_DECLARE_TR_FUNCTIONS(PlanExecutor)
public:
    // Called before statement `step` runs; returning false makes it fail with *error (tests use this to
    // fail statement i, or to kill the connection mid-transaction).
    using StepHook = std::function<bool(int step, QString *error)>;
    // The key each step generated, in step order; null for a step that generates none. Everything else a
    // step wrote is in the plan (SavePlan::value()).
    using Keys = QList<QVariant>;

    // Why run() failed: the step (-1 when the one statement failed as a whole), the database's message, and
    // what the message names (DatabaseError): the columns of the step's table and the constraint.
    struct Failure {
        int step = -1;
        QString message;
        QStringList columns;
        QString constraint;
        ErrorSubject::Kind kind = ErrorSubject::Kind::Other;
    };

    explicit PlanExecutor(DatabaseConnection &connection)
        : mConnection(connection)
        , mStatements(connection.dialect()) {}

    void setStepHook(StepHook hook) { mHook = std::move(hook); }

    // True when run() would send `plan` as one statement (an engine with insert chains, inserts only, no
    // hook).
    bool canRunAsOneStatement(const SavePlan &plan) const;
    // The single statement for `plan` and the order of its bound values (for "Show SQL" and the benchmark).
    // Placeholders are ? (Qt) or $1, $2, ... (libpq); numbered, the save's timestamp is bound once. `values`
    // may be null.
    QString singleStatementSql(const SavePlan &plan, QList<PlanValue> *values, bool numbered = false) const;
    // The text of the one statement exactly as run() sends it on this connection ($n through libpq, ? through
    // Qt's driver), with its bound values in order.
    QString sentStatementSql(const SavePlan &plan, QList<PlanValue> *values) const;

    // Runs the steps in order; the caller owns the transaction. oneStatement: use the CTE form (the caller
    // checked canRunAsOneStatement()). On failure returns false and says why in *failure.
    bool run(const SavePlan &plan, bool oneStatement, Keys *keys, Failure *failure);

private:
    bool runStep(const SavePlan &plan, int index, Keys &keys, QString *error);
    bool runAsOneStatement(const SavePlan &plan, Keys &keys, QString *error);
    // runStep() through the sqlite3 C API on the connection's handle (DatabaseConnection::sqliteDirect()).
    bool runStepDirect(SqliteDirect &direct, const SavePlan &plan, int index, Keys &keys, QString *error);
    // A step's value as the driver gets it (DriverValue::toDatabase); valid until the next call.
    const QVariant &databaseValue(const SavePlan &plan, const Keys &keys, const PlanValue &value);
    bool runWithQt(const QString &sql, const SavePlan &plan, QList<qint64> *keys, QString *error);

    DatabaseConnection &mConnection;
    StatementBuilder mStatements;
    StepHook mHook;
    // The CTE of one plan shape: each step's statement and where its keys come from. Bulk imports and
    // repeated saves send a handful of shapes, and composing the CTE (or even a text key for it) cost more
    // than sending it.
    struct OneStatement {
        QStringList stepSql;
        // (fromStep, fromColumn) of each value; -1 for literals, -2 for the save's timestamp
        QList<std::pair<int, QString>> references;
        QString numbered;                      // $1, $2, ... for libpq
        QList<std::pair<int, int>> parameters; // what $1, $2, ... bind: (step, value index) in the plan
        QString marks;                         // ? for Qt's driver
        bool matches(const SavePlan &plan) const;
    };
    static size_t shapeHash(const SavePlan &plan);
    QString composeOneStatement(const SavePlan &plan, bool numbered,
                                QList<std::pair<int, int>> *parameters) const;
    QMultiHash<size_t, OneStatement> mOneStatements;
    std::vector<QVariant> mBound; // the values of the step being run, reused from step to step
    QVariant mValue;
    QVariant mSaveTime; // the last save timestamp seen, and its database text
    QVariant mSaveTimeText;
};

} // namespace modeldesk
