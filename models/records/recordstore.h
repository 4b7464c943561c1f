#pragma once

#include "db/databaseconnection.h"
#include "records/planexecutor.h"
#include "records/recordloader.h"
#include "records/saveplan.h"
#include "records/saveplanner.h"
#include "schema/resolvedschema.h"
#include "schema/schema.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <functional>
#include <memory>
#include <optional>

namespace modeldesk {

// What a save, update or delete came to. On failure nothing was written: `problems` holds either every
// validation problem (no SQL ran) or the one failing statement's record path and the database's message, with
// the column (and field) or constraint the database named.
struct RecordResult {
    bool ok = false;
    QList<RecordProblem> problems; // empty when ok
    bool validationFailed = false; // the problems are about the input; nothing reached the database
    bool connectionLost = false;   // the server went away; the next operation reconnects

    QString errorString() const;

    // The saved graph with every generated key (the reloaded graph after update and load; the key after
    // delete and restore). A save builds it on the first call: building JSON costs more than the save's own
    // work on a fast server, and a bulk import that does not print it should not pay for it.
    QJsonObject record() const;
    // record() as compact JSON text (QJsonDocument::Compact), appended to *out. A save writes it straight
    // from what it saved, without building the QJsonObject (what a bulk import prints per graph).
    void appendRecordJson(QByteArray *out) const;
    void setRecord(const QJsonObject &record);
    // `write` appends the same graph as compact JSON text (for appendRecordJson()); optional.
    void setRecord(std::function<QJsonObject()> build, std::function<void(QByteArray *)> write = nullptr);

private:
    struct Record {
        std::function<QJsonObject()> build;
        QJsonObject built;
        std::function<void(QByteArray *)> write;
    };
    std::shared_ptr<Record> mRecord; // shared by copies, so it is built once
};

// The store of record graphs. Saves a nested record — a parent with its linked children, shaped like
// Sequelize's create(..., {include}) value — in one transaction, all or nothing; also updates, loads and
// deletes such graphs. Serves the entry form, the CLI and bulk import alike. The schema and connection must
// outlive it.
class RecordStore {
    Q_DECLARE_TR_FUNCTIONS(RecordStore)
public:
    RecordStore(const Schema &schema, DatabaseConnection &connection);
    ~RecordStore();

    // False (with *error listing them) when the design has errors that make saving impossible.
    bool isUsable(QString *error) const;

    // The statements save() would run, in order, with their bound values and the keys flowing between them.
    std::optional<SavePlan> plan(const QString &model, const QJsonObject &record,
                                 QList<RecordProblem> *problems) const;
    // The statements save() sends for `plan`, in order, exactly as sent: on PostgreSQL a plain save is one
    // data-modifying CTE. *values (optional) gets their bound values in order.
    QStringList statements(const SavePlan &plan, QList<PlanValue> *values = nullptr) const;
    // statements() for people ("Show SQL", the CLI's --plan): each with its values, and the steps it runs.
    QString planText(const SavePlan &plan) const;

    RecordResult save(const QString &model, const QJsonObject &record);
    // Many graphs in one transaction (bulk import). If one fails, the transaction is rolled back and the
    // graphs are saved one by one, so each result says exactly which failed and the others still land.
    QList<RecordResult> saveBatch(const QString &model, const QList<QJsonObject> &records);
    // A graph whose records carry their keys: changed fields are updated, new children inserted, children no
    // longer listed removed per the link's onDelete; one transaction. Returns the graph as reloaded.
    RecordResult update(const QString &model, const QJsonObject &record);
    // The record with key `key` (a JSON number or string), links followed `depth` levels. A paranoid model's
    // deleted record is "not found" unless `withDeleted` (Sequelize's `paranoid: false`; its linked records
    // are still read without their deleted ones).
    RecordResult load(const QString &model, const QJsonValue &key, int depth = 1, bool withDeleted = false);
    // Deletes the record; the database applies each link's onDelete to the records that refer to it (as
    // created by sync). A paranoid model's record gets deletedAt instead.
    RecordResult remove(const QString &model, const QJsonValue &key);
    // Brings a paranoid model's deleted record back, as Sequelize's instance.restore(): deletedAt set to NULL
    // (and updatedAt to now), in one transaction. Only that record: records deleted with it or before it stay
    // deleted until restored themselves. "Not found" for a record that is not deleted or does not exist;
    // refused for a model that is not paranoid (its deleted records are gone).
    RecordResult restore(const QString &model, const QJsonValue &key);

    // On PostgreSQL, a plain save (inserts only) runs as one statement instead of BEGIN…COMMIT. On by
    // default.
    void setSingleStatement(bool enabled) { mSingleStatement = enabled; }
    // Test hook: called before statement i of a save runs; return false to make it fail (forces one
    // statement per step, so every step can be targeted).
    void setStepHook(PlanExecutor::StepHook hook) { mExecutor.setStepHook(std::move(hook)); }
    // The clock of the timestamps a save writes (createdAt, updatedAt, deletedAt): the current UTC time
    // unless set (tests set one that gives known instants).
    using Clock = std::function<QDateTime()>;
    void setClock(Clock clock) { mClock = std::move(clock); }

    const ResolvedSchema &resolvedSchema() const { return *mResolved; }
    DatabaseConnection &connection() { return mConnection; }

private:
    bool openConnection(RecordResult *result);
    // save() of a plan already made.
    RecordResult savePlanned(const SavePlan &plan);
    bool execute(const SavePlan &plan, bool ownTransaction, PlanExecutor::Keys *keys, RecordResult *result);
    // Sets result's record to the graph `plan` saved, built when first read.
    void setSavedGraph(RecordResult *result, const SavePlan &plan, const PlanExecutor::Keys &keys) const;
    void fail(RecordResult *result, const QString &path, const QString &message, bool afterCommit = false);
    // Why a delete was refused, in terms of the links whose records block it, or `databaseError` as is.
    QString blockedBy(const QString &model, const QJsonValue &key, const QString &databaseError);
    // Reports a failed statement at its record, with the column or constraint the database named.
    void failStep(RecordResult *result, const SavePlan &plan, const PlanExecutor::Failure &failure);
    // The connection's transaction guard; a failed BEGIN or COMMIT is reported in *result, a failed `work`
    // reports itself.
    DatabaseConnection::Transaction inTransaction(RecordResult *result, const std::function<bool()> &work);
    std::optional<QVariant> keyValue(const QString &model, const QJsonValue &key, RecordResult *result) const;
    // Runs one statement that changes one record (delete, soft delete, restore) with `values` bound. False
    // with *error empty when it ran but found no such record.
    bool changeOneRecord(const QString &sql, const QList<QVariant> &values, QString *error);

    const Schema &mSchema;
    std::shared_ptr<const ResolvedSchema> mResolved; // shared with results whose graph is not built yet
    DatabaseConnection &mConnection;
    SavePlanner mPlanner;
    PlanExecutor mExecutor;
    RecordLoader mLoader;
    bool mSingleStatement = true;
    Clock mClock = [] {
        return QDateTime::currentDateTimeUtc();
    };
};

} // namespace modeldesk
