#pragma once

#include "databaseconnection.h"
#include "saveplan.h"

#include <QHash>
#include <QList>
#include <QVariant>
#include <functional>

namespace modeldesk {

// Runs a SavePlan on a connection: binds every value (keys from earlier statements as they arrive), reads
// generated keys back (RETURNING on PostgreSQL, the driver's last insert id elsewhere) and reports which
// statement failed. On PostgreSQL an insert-only plan can run as one data-modifying CTE: one round trip and
// atomic by itself, without BEGIN/COMMIT.
class PlanExecutor {
public:
    // Called before statement `step` runs; returning false makes it fail with *error (tests use this to
    // fail statement i, or to kill the connection mid-transaction).
    using StepHook = std::function<bool(int step, QString *error)>;
    // The row each step wrote: column name -> canonical value (bound values plus the generated key).
    using Rows = QList<QHash<QString, QVariant>>;

    explicit PlanExecutor(DatabaseConnection &connection)
        : mConnection(connection) {}

    void setStepHook(StepHook hook) { mHook = std::move(hook); }
    bool hasStepHook() const { return bool(mHook); }

    // True when run() would send `plan` as one statement (PostgreSQL, inserts only, no hook).
    bool canRunAsOneStatement(const SavePlan &plan) const;
    // The single statement for `plan` and the order of its bound values (for "Show SQL" and the benchmark).
    // Placeholders are ? (Qt) or $1, $2, ... (libpq).
    QString singleStatementSql(const SavePlan &plan, QList<PlanValue> *values, bool numbered = false) const;

    // Runs the steps in order; the caller owns the transaction. oneStatement: use the CTE form (the caller
    // checked canRunAsOneStatement()). On failure returns false with the failing step and the message.
    bool run(const SavePlan &plan, bool oneStatement, Rows *rows, int *failedStep, QString *error);

private:
    bool runStep(const SavePlan &plan, int index, Rows &rows, QString *error);
    bool runAsOneStatement(const SavePlan &plan, Rows &rows, QString *error);
    bool runWithQt(const QString &sql, const QList<PlanValue> &values, QList<qint64> *keys, QString *error);

    DatabaseConnection &mConnection;
    StepHook mHook;
    // CTE text by plan shape (each step's statement and where its keys come from): bulk imports repeat a
    // handful of shapes, and composing the CTE cost more than sending it.
    QHash<QString, QString> mOneStatementSql;
};

} // namespace modeldesk
