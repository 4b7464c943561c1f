#include "records/recordstore.h"

#include "records/savedgraph.h"
#include "schema/fieldvalue.h"
#include "schema/schemavalidator.h"
#include "sql/drivervalue.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

QString actionWord(PlanStep::Action action) {
    switch (action) {
    case PlanStep::Action::Insert:
        return u"INSERT"_s;
    case PlanStep::Action::Update:
    case PlanStep::Action::Unlink:
        return u"UPDATE"_s;
    case PlanStep::Action::Delete:
        return u"DELETE"_s;
    }
    return {};
}

// How deep the input nests, so that an update returns the graph it was given.
int depthOf(const ResolvedSchema &resolved, const QString &model, const QJsonObject &object) {
    int depth = 0;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const ResolvedLink *link = resolved.link(model, it.key());
        if (!link)
            continue;
        int below = 0;
        const QJsonArray items = it.value().isArray() ? it.value().toArray() : QJsonArray{it.value()};
        for (const QJsonValue &item : items)
            if (item.isObject())
                below = std::max(below, depthOf(resolved, link->target, item.toObject()));
        depth = std::max(depth, below + 1);
    }
    return depth;
}

// The timestamp of a save made at `now`.
QDateTime saveTime(QDateTime now, SqlDialect dialect) {
    // MySQL's DATETIME keeps whole seconds; returning what was stored beats returning what was sent.
    if (dialect.kind() == SqlDialect::Kind::MySql)
        now.setTime(QTime(now.time().hour(), now.time().minute(), now.time().second()));
    return now;
}

} // namespace

QString RecordResult::errorString() const {
    QStringList lines;
    for (const RecordProblem &problem : problems)
        lines << problem.toString();
    return lines.join(u'\n');
}

QJsonObject RecordResult::record() const {
    if (!mRecord)
        return {};
    if (mRecord->build) {
        mRecord->built = mRecord->build();
        mRecord->build = nullptr;
    }
    return mRecord->built;
}

void RecordResult::setRecord(const QJsonObject &record) {
    mRecord = std::make_shared<Record>(Record{nullptr, record});
}

void RecordResult::setRecord(std::function<QJsonObject()> build) {
    mRecord = std::make_shared<Record>(Record{std::move(build), {}});
}

RecordStore::RecordStore(const Schema &schema, DatabaseConnection &connection)
    : mSchema(schema)
    , mResolved(std::make_shared<const ResolvedSchema>(SchemaResolver::resolve(schema)))
    , mConnection(connection)
    , mPlanner(mSchema, *mResolved, connection.dialect())
    , mExecutor(connection)
    , mLoader(*mResolved, connection) {
}

RecordStore::~RecordStore() = default;

bool RecordStore::isUsable(QString *error) const {
    QStringList errors;
    for (const Problem &problem : SchemaValidator::validate(mSchema, *mResolved))
        if (problem.isError())
            errors << problem.toString();
    if (errors.isEmpty())
        return true;
    if (error)
        *error = tr("the design has errors:\n%1").arg(errors.join(u'\n'));
    return false;
}

std::optional<SavePlan> RecordStore::plan(const QString &model, const QJsonObject &record,
                                          QList<RecordProblem> *problems) const {
    SavePlan plan;
    if (!mPlanner.planCreate(model, record, saveTime(mClock(), mConnection.dialect()), &plan, problems))
        return std::nullopt;
    return plan;
}

QString RecordStore::planText(const SavePlan &plan) const {
    if (!mSingleStatement || !mExecutor.canRunAsOneStatement(plan))
        return plan.toText();
    QList<PlanValue> values;
    QString text = tr("One statement (PostgreSQL runs it atomically, no BEGIN/COMMIT needed):\n%1\n")
                       .arg(mExecutor.singleStatementSql(plan, &values));
    return text + tr("The same, step by step:\n") + plan.toText();
}

bool RecordStore::openConnection(RecordResult *result) {
    QString error;
    if (mConnection.ensureOpen(&error))
        return true;
    result->problems << RecordProblem{QString(), error};
    result->connectionLost = true;
    return false;
}

void RecordStore::fail(RecordResult *result, const QString &path, const QString &message, bool afterCommit) {
    QString text = message;
    if (mConnection.checkConnectionLost()) {
        result->connectionLost = true;
        text += afterCommit
                    ? tr(" — the connection to %1 was lost during COMMIT, so whether the transaction "
                         "was committed is unknown; the next operation reconnects")
                          .arg(mConnection.url().displayString())
                    : tr(" — the connection to %1 was lost; nothing was saved, and the next operation "
                         "reconnects")
                          .arg(mConnection.url().displayString());
    }
    result->problems << RecordProblem{path, text};
}

bool RecordStore::execute(const SavePlan &plan, bool ownTransaction, PlanExecutor::Keys *keys,
                          RecordResult *result) {
    const bool oneStatement = ownTransaction && mSingleStatement && mExecutor.canRunAsOneStatement(plan);
    QString error;
    if (ownTransaction && !oneStatement && !mConnection.begin(&error)) {
        fail(result, QString(), tr("cannot start a transaction: %1").arg(error));
        return false;
    }
    int failed = -1;
    if (!mExecutor.run(plan, oneStatement, keys, &failed, &error)) {
        if (ownTransaction && !oneStatement)
            mConnection.rollback();
        if (failed < 0 && oneStatement && !mConnection.checkConnectionLost()) {
            // The single statement does not say which record failed: replay the steps in a transaction that
            // is rolled back anyway, to name it. Only failures pay for this.
            QString stepError;
            PlanExecutor::Keys replay;
            if (mConnection.begin(&stepError)) {
                if (!mExecutor.run(plan, false, &replay, &failed, &stepError))
                    error = stepError;
                mConnection.rollback();
            }
        }
        if (failed >= 0) {
            const PlanStep &step = plan.steps.at(failed);
            fail(result, step.path,
                 tr("statement %1 (%2 %3) failed: %4")
                     .arg(failed + 1)
                     .arg(actionWord(step.action), step.table, error));
        } else {
            fail(result, QString(), tr("the save failed: %1").arg(error));
        }
        return false;
    }
    if (ownTransaction && !oneStatement && !mConnection.commit(&error)) {
        mConnection.rollback();
        fail(result, QString(), tr("COMMIT failed: %1").arg(error), true);
        return false;
    }
    return true;
}

void RecordStore::setSavedGraph(RecordResult *result, const SavePlan &plan,
                                const PlanExecutor::Keys &keys) const {
    result->setRecord([resolved = mResolved, plan, keys] { return savedGraph(*resolved, plan, keys); });
}

RecordResult RecordStore::save(const QString &model, const QJsonObject &record) {
    RecordResult result;
    SavePlan plan;
    if (!mPlanner.planCreate(model, record, saveTime(mClock(), mConnection.dialect()), &plan,
                             &result.problems)) {
        result.validationFailed = true;
        return result;
    }
    if (!openConnection(&result))
        return result;
    PlanExecutor::Keys keys;
    if (!execute(plan, true, &keys, &result))
        return result;
    result.ok = true;
    setSavedGraph(&result, plan, keys);
    return result;
}

QList<RecordResult> RecordStore::saveBatch(const QString &model, const QList<QJsonObject> &records) {
    QList<RecordResult> results(records.size());
    QList<SavePlan> plans(records.size());
    QList<int> valid;
    const QDateTime now = saveTime(mClock(), mConnection.dialect());
    for (int i = 0; i < records.size(); ++i) {
        if (mPlanner.planCreate(model, records.at(i), now, &plans[i], &results[i].problems))
            valid << i;
        else
            results[i].validationFailed = true;
    }
    if (valid.isEmpty())
        return results;
    if (valid.size() == 1) {
        results[valid.first()] = save(model, records.at(valid.first()));
        return results;
    }
    RecordResult batch;
    if (!openConnection(&batch)) {
        for (int i : std::as_const(valid))
            results[i] = batch;
        return results;
    }
    QString error;
    bool ok = mConnection.begin(&error);
    QList<PlanExecutor::Keys> keys(records.size());
    for (int i : std::as_const(valid)) {
        if (!ok)
            break;
        int failed = -1;
        // One round trip per graph on PostgreSQL inside the batch's transaction too.
        const bool oneStatement = mSingleStatement && mExecutor.canRunAsOneStatement(plans.at(i));
        ok = mExecutor.run(plans.at(i), oneStatement, &keys[i], &failed, &error);
    }
    if (ok)
        ok = mConnection.commit(&error);
    if (!ok) {
        // Something in the batch failed: undo it and save one by one, so the good ones land and the bad
        // one is reported precisely.
        mConnection.rollback();
        for (int i : std::as_const(valid))
            results[i] = save(model, records.at(i));
        return results;
    }
    for (int i : std::as_const(valid)) {
        results[i].ok = true;
        setSavedGraph(&results[i], plans.at(i), keys.at(i));
    }
    return results;
}

RecordResult RecordStore::update(const QString &model, const QJsonObject &record) {
    RecordResult result;
    const QDateTime now = saveTime(mClock(), mConnection.dialect());
    {
        SavePlan check;
        if (!mPlanner.planUpdate(model, record, now, {}, &check, &result.problems)) {
            result.validationFailed = true;
            return result;
        }
    }
    if (!openConnection(&result))
        return result;
    QString error;
    if (!mConnection.begin(&error)) {
        fail(&result, QString(), tr("cannot start a transaction: %1").arg(error));
        return result;
    }
    // Planned inside the transaction, so the children it removes are the ones there now.
    SavePlan plan;
    const SavePlanner::ExistingKeys existing = [this](const ResolvedLink &link, const QVariant &key,
                                                      QString *lookupError) {
        return mLoader.linkedKeys(link, key, lookupError);
    };
    if (!mPlanner.planUpdate(model, record, now, existing, &plan, &result.problems)) {
        mConnection.rollback();
        result.validationFailed = true;
        return result;
    }
    PlanExecutor::Keys keys;
    int failed = -1;
    if (!mExecutor.run(plan, false, &keys, &failed, &error)) {
        mConnection.rollback();
        const PlanStep &step = plan.steps.at(failed);
        fail(&result, step.path,
             tr("statement %1 (%2 %3) failed: %4")
                 .arg(failed + 1)
                 .arg(actionWord(step.action), step.table, error));
        return result;
    }
    if (!mConnection.commit(&error)) {
        mConnection.rollback();
        fail(&result, QString(), tr("COMMIT failed: %1").arg(error), true);
        return result;
    }
    const std::optional<QJsonObject> reloaded =
        mLoader.load(model, plan.records.first().key, depthOf(*mResolved, model, record), &error);
    result.ok = true;
    result.setRecord(reloaded.value_or(QJsonObject()));
    return result;
}

std::optional<QVariant> RecordStore::keyValue(const QString &model, const QJsonValue &key,
                                              RecordResult *result) const {
    const Table *table = mResolved->tableForModel(model);
    if (!table) {
        result->problems << RecordProblem{QString(), tr("the design has no model \"%1\"").arg(model)};
        return std::nullopt;
    }
    const Column *column = table->singleKey();
    if (!column) {
        result->problems << RecordProblem{QString(), tr("%1 has no single-column primary key").arg(model)};
        return std::nullopt;
    }
    const FieldCheck check = FieldValue::check(*column, key);
    if (!check.ok() || check.isNull()) {
        result->problems << RecordProblem{column->attribute,
                                          check.ok() ? tr("a key is needed") : check.message};
        return std::nullopt;
    }
    return check.value;
}

RecordResult RecordStore::load(const QString &model, const QJsonValue &key, int depth) {
    RecordResult result;
    const std::optional<QVariant> value = keyValue(model, key, &result);
    if (!value) {
        result.validationFailed = true;
        return result;
    }
    if (!openConnection(&result))
        return result;
    QString error;
    const std::optional<QJsonObject> record = mLoader.load(model, *value, depth, &error);
    if (!record) {
        if (error.isEmpty())
            result.problems << RecordProblem{QString(),
                                             tr("there is no %1 with key %2").arg(model, value->toString())};
        else
            fail(&result, QString(), tr("reading %1 failed: %2").arg(model, error));
        return result;
    }
    result.ok = true;
    result.setRecord(*record);
    return result;
}

RecordResult RecordStore::remove(const QString &model, const QJsonValue &key) {
    RecordResult result;
    const std::optional<QVariant> value = keyValue(model, key, &result);
    if (!value) {
        result.validationFailed = true;
        return result;
    }
    if (!openConnection(&result))
        return result;
    const Table &table = *mResolved->tableForModel(model);
    const Column &keyColumn = *table.singleKey();
    const SqlDialect dialect = mConnection.dialect();
    QString sql;
    QList<QVariant> values;
    if (!table.deletedAtColumn.isEmpty()) {
        // paranoid: Sequelize marks the record deleted and keeps it.
        sql = u"UPDATE %1 SET %2 = ? WHERE %3 = ?"_s.arg(
            dialect.quote(table.name), dialect.quote(table.deletedAtColumn), dialect.quote(keyColumn.name));
        values << DriverValue::toDatabase(DataType::ofKind(DataType::Kind::Date), saveTime(mClock(), dialect),
                                          dialect);
    } else {
        sql = u"DELETE FROM %1 WHERE %2 = ?"_s.arg(dialect.quote(table.name), dialect.quote(keyColumn.name));
    }
    values << DriverValue::toDatabase(keyColumn.type, *value, dialect);
    QString error;
    if (!mConnection.begin(&error)) {
        fail(&result, QString(), tr("cannot start a transaction: %1").arg(error));
        return result;
    }
    QSqlQuery *query = mConnection.prepared(sql, &error);
    bool ok = query != nullptr;
    int affected = 0;
    if (query) {
        for (const QVariant &v : std::as_const(values))
            query->addBindValue(v);
        ok = query->exec();
        if (!ok)
            error = DatabaseConnection::describe(query->lastError());
        affected = query->numRowsAffected();
        query->finish();
    }
    if (!ok) {
        mConnection.rollback();
        fail(&result, QString(), tr("deleting %1 %2 failed: %3").arg(model, value->toString(), error));
        return result;
    }
    if (affected == 0) {
        mConnection.rollback();
        result.problems << RecordProblem{QString(),
                                         tr("there is no %1 with key %2").arg(model, value->toString())};
        return result;
    }
    if (!mConnection.commit(&error)) {
        mConnection.rollback();
        fail(&result, QString(), tr("COMMIT failed: %1").arg(error), true);
        return result;
    }
    result.ok = true;
    result.setRecord(QJsonObject{{keyColumn.attribute, FieldValue::toJson(keyColumn.type, *value)}});
    return result;
}

} // namespace modeldesk
