#include "records/recordstore.h"

#include "db/databaseerror.h"
#include "records/deletepreview.h"
#include "records/errorterms.h"
#include "records/savedgraph.h"
#include "schema/fieldvalue.h"
#include "schema/schemavalidator.h"
#include "sql/drivervalue.h"
#include "sql/statementbuilder.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
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
    case PlanStep::Action::SoftDelete:
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

// The timestamp of a save made at `now`: what the database stores (MySQL's DATETIME keeps whole seconds),
// since returning what was stored beats returning what was sent.
QDateTime saveTime(const QDateTime &now, SqlDialect dialect) {
    return dialect.storedTimestamp(now);
}

} // namespace

QString RecordResult::errorString() const {
    QStringList lines;
    for (const RecordProblem &problem : problems) {
        lines << problem.toString();
        if (!problem.detail.isEmpty())
            lines << u"  ("_s +
                         QCoreApplication::translate("RecordStore", "the database said: %1")
                             .arg(problem.detail) +
                         u')';
    }
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

void RecordResult::appendRecordJson(QByteArray *out) const {
    if (mRecord && mRecord->build && mRecord->write) {
        mRecord->write(out);
        return;
    }
    out->append(QJsonDocument(record()).toJson(QJsonDocument::Compact));
}

void RecordResult::setRecord(const QJsonObject &record) {
    mRecord = std::make_shared<Record>(Record{nullptr, record, nullptr});
}

void RecordResult::setRecord(std::function<QJsonObject()> build, std::function<void(QByteArray *)> write) {
    mRecord = std::make_shared<Record>(Record{std::move(build), {}, std::move(write)});
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

QStringList RecordStore::statements(const SavePlan &plan, QList<PlanValue> *values) const {
    QStringList sql;
    if (mSingleStatement && mExecutor.canRunAsOneStatement(plan)) {
        sql << mExecutor.sentStatementSql(plan, values);
        return sql;
    }
    for (const PlanStep &step : plan.steps) {
        sql << step.sql;
        if (values)
            *values += step.values;
    }
    return sql;
}

QString RecordStore::planText(const SavePlan &plan) const {
    if (!mSingleStatement || !mExecutor.canRunAsOneStatement(plan))
        return plan.toText();
    QList<PlanValue> values;
    QString text = tr("One statement (PostgreSQL runs it atomically, no BEGIN/COMMIT needed):\n%1\n")
                       .arg(statements(plan, &values).join(u'\n'));
    for (qsizetype i = 0; i < values.size(); ++i)
        text += u"     %1. %2 = %3\n"_s.arg(i + 1).arg(values.at(i).column,
                                                       SavePlan::displayValue(values.at(i).value));
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

DatabaseConnection::Transaction RecordStore::inTransaction(RecordResult *result,
                                                           const std::function<bool()> &work) {
    QString error;
    const DatabaseConnection::Transaction outcome = mConnection.transaction(work, &error);
    if (outcome == DatabaseConnection::Transaction::BeginFailed)
        fail(result, QString(), tr("cannot start a transaction: %1").arg(error));
    else if (outcome == DatabaseConnection::Transaction::CommitFailed)
        fail(result, QString(), tr("COMMIT failed: %1").arg(error), true);
    return outcome;
}

void RecordStore::failStep(RecordResult *result, const SavePlan &plan, const PlanExecutor::Failure &failure) {
    if (failure.step < 0) {
        fail(result, QString(), tr("the save failed: %1").arg(failure.message));
        return;
    }
    const PlanStep &step = plan.steps.at(failure.step);
    // The database named what it was about: the column (of this step's table), or a constraint of it.
    const Table *table = mResolved->table(step.table);
    const QStringList columns =
        !failure.columns.isEmpty() || !table
            ? failure.columns
            : DatabaseError::constraintColumns(mConnection.dialect(), failure.constraint, *table);
    const QString statement = tr("statement %1 (%2 %3) failed: %4")
                                  .arg(failure.step + 1)
                                  .arg(actionWord(step.action), step.table, failure.message);
    // Told in the record's terms where the database said enough ("code 1234 is already used by another
    // test"), its own words kept as the detail.
    const QString terms = ErrorTerms::describe(*mResolved, step, failure.kind, columns);
    fail(result, step.path, terms.isEmpty() ? statement : terms);
    RecordProblem &problem = result->problems.last();
    if (!terms.isEmpty())
        problem.detail = statement;
    problem.constraint = failure.constraint;
    const Column *column = table && !columns.isEmpty() ? table->column(columns.first()) : nullptr;
    if (column) {
        problem.column = column->name;
        problem.field = column->attribute;
    }
}

bool RecordStore::execute(const SavePlan &plan, bool ownTransaction, PlanExecutor::Keys *keys,
                          RecordResult *result) {
    const bool oneStatement = ownTransaction && mSingleStatement && mExecutor.canRunAsOneStatement(plan);
    PlanExecutor::Failure failure;
    bool ran = true;
    const auto run = [&] {
        return ran = mExecutor.run(plan, oneStatement, keys, &failure);
    };
    if (ownTransaction && !oneStatement) {
        if (inTransaction(result, run) == DatabaseConnection::Transaction::Done)
            return true;
        if (ran)
            return false; // BEGIN or COMMIT failed, and said so
    } else if (run()) {
        return true;
    }
    if (failure.step < 0 && oneStatement && !mConnection.checkConnectionLost()) {
        // The single statement does not say which record failed: replay the steps in a transaction that is
        // rolled back anyway, to name it. Only failures pay for this.
        PlanExecutor::Keys replay;
        PlanExecutor::Failure stepFailure;
        QString error;
        if (mConnection.transaction([&] { return mExecutor.run(plan, false, &replay, &stepFailure); }, &error,
                                    DatabaseConnection::Finish::Rollback) ==
            DatabaseConnection::Transaction::WorkFailed)
            failure = stepFailure;
    }
    failStep(result, plan, failure);
    return false;
}

void RecordStore::setSavedGraph(RecordResult *result, const SavePlan &plan,
                                const PlanExecutor::Keys &keys) const {
    struct Saved {
        std::shared_ptr<const ResolvedSchema> resolved;
        SavePlan plan;
        PlanExecutor::Keys keys;
    };
    const auto saved = std::make_shared<const Saved>(Saved{mResolved, plan, keys});
    result->setRecord(
        [saved] { return savedGraph(*saved->resolved, saved->plan, saved->keys); },
        [saved](QByteArray *out) { appendSavedGraphJson(out, *saved->resolved, saved->plan, saved->keys); });
}

RecordResult RecordStore::save(const QString &model, const QJsonObject &record) {
    RecordResult result;
    SavePlan plan;
    if (!mPlanner.planCreate(model, record, saveTime(mClock(), mConnection.dialect()), &plan,
                             &result.problems)) {
        result.validationFailed = true;
        return result;
    }
    return savePlanned(plan);
}

RecordResult RecordStore::savePlanned(const SavePlan &plan) {
    RecordResult result;
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
    if (valid.size() == 1) { // planned already (one graph per transaction: most bulk imports)
        results[valid.first()] = savePlanned(plans.at(valid.first()));
        return results;
    }
    RecordResult batch;
    if (!openConnection(&batch)) {
        for (int i : std::as_const(valid))
            results[i] = batch;
        return results;
    }
    QList<PlanExecutor::Keys> keys(records.size());
    const auto runAll = [&] {
        for (int i : std::as_const(valid)) {
            PlanExecutor::Failure failure;
            // One round trip per graph on PostgreSQL inside the batch's transaction too.
            const bool oneStatement = mSingleStatement && mExecutor.canRunAsOneStatement(plans.at(i));
            if (!mExecutor.run(plans.at(i), oneStatement, &keys[i], &failure))
                return false;
        }
        return true;
    };
    QString error;
    if (mConnection.transaction(runAll, &error) != DatabaseConnection::Transaction::Done) {
        // Something in the batch failed: undone; save one by one, so the good ones land and the bad one is
        // reported precisely.
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
    // Planned inside the transaction, so the children it removes are the ones there now.
    SavePlan plan;
    const SavePlanner::ExistingKeys existing = [this](const ResolvedLink &link, const QVariant &key,
                                                      QString *lookupError) {
        return mLoader.linkedKeys(link, key, lookupError);
    };
    // Compared with the rows as they are, so that what does not change is not written.
    const SavePlanner::StoredRow stored = [this](const Table &table, const QStringList &columns,
                                                 const QVariantList &values, QString *lookupError) {
        return mLoader.storedRow(table, columns, values, lookupError);
    };
    bool planned = true;
    PlanExecutor::Failure failure;
    const auto work = [&] {
        PlanExecutor::Keys keys;
        planned = mPlanner.planUpdate(model, record, now, existing, &plan, &result.problems, stored);
        return planned && mExecutor.run(plan, false, &keys, &failure);
    };
    switch (inTransaction(&result, work)) {
    case DatabaseConnection::Transaction::Done:
        break;
    case DatabaseConnection::Transaction::WorkFailed:
        if (planned)
            failStep(&result, plan, failure);
        else
            result.validationFailed = true;
        return result;
    case DatabaseConnection::Transaction::BeginFailed:
    case DatabaseConnection::Transaction::CommitFailed:
        return result;
    }
    QString error;
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

RecordResult RecordStore::load(const QString &model, const QJsonValue &key, int depth, bool withDeleted) {
    RecordResult result;
    const std::optional<QVariant> value = keyValue(model, key, &result);
    if (!value) {
        result.validationFailed = true;
        return result;
    }
    if (!openConnection(&result))
        return result;
    QString error;
    const std::optional<QJsonObject> record = mLoader.load(model, *value, depth, &error, withDeleted);
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

QString RecordStore::blockedBy(const QString &model, const QJsonValue &key, const QString &databaseError) {
    // A refused delete is explained by the links that refuse it (SQLite says only "FOREIGN KEY constraint
    // failed"), counted by the delete preview now that the transaction is rolled back.
    if (mConnection.checkConnectionLost())
        return databaseError;
    QString error;
    const std::optional<DeletePreview> preview = previewDelete(*mResolved, mConnection, model, key, &error);
    if (!preview || !preview->blocked())
        return databaseError;
    QStringList reasons;
    for (const DeleteEffect &effect : preview->effects) {
        if (effect.action != DeleteEffect::Action::Block || effect.count == 0)
            continue;
        const QString via =
            effect.links.isEmpty() ? effect.table + u'.' + effect.column : effect.links.join(u", "_s);
        reasons << tr("%n %1 record(s) refer to it through %2 (%3, ON DELETE %4)", nullptr, int(effect.count))
                       .arg(effect.model.isEmpty() ? effect.table : effect.model, effect.column, via,
                            effect.onDelete);
    }
    return reasons.join(u"; "_s) + tr(" — the database said: %1").arg(databaseError);
}

bool RecordStore::changeOneRecord(const QString &sql, const QList<QVariant> &values, QString *error) {
    QSqlQuery *query = mConnection.prepared(sql, error);
    if (!query)
        return false;
    for (const QVariant &v : values)
        query->addBindValue(v);
    const bool ok = query->exec();
    if (!ok)
        *error = DatabaseConnection::describe(query->lastError());
    const int affected = query->numRowsAffected();
    query->finish();
    return ok && affected > 0;
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
    const StatementBuilder statements(dialect);
    QString sql;
    QList<QVariant> values;
    if (!table.deletedAtColumn.isEmpty()) {
        // paranoid: Sequelize marks the record deleted and keeps it (instance.destroy() saves updatedAt too).
        const Column *updatedAt = table.column(table.updatedAtColumn);
        sql = statements.softDelete(table.name, table.deletedAtColumn, keyColumn.name,
                                    updatedAt ? updatedAt->name : QString());
        const QVariant now = DriverValue::toDatabase(DataType::ofKind(DataType::Kind::Date),
                                                     saveTime(mClock(), dialect), dialect);
        values << now;
        if (updatedAt)
            values << now;
    } else {
        sql = statements.remove(table.name, {keyColumn.name});
    }
    values << DriverValue::toDatabase(keyColumn.type, *value, dialect);
    QString error; // empty when the statement ran but found no such record
    const auto work = [&] {
        return changeOneRecord(sql, values, &error);
    };
    switch (inTransaction(&result, work)) {
    case DatabaseConnection::Transaction::Done:
        break;
    case DatabaseConnection::Transaction::WorkFailed:
        if (error.isEmpty())
            result.problems << RecordProblem{QString(),
                                             tr("there is no %1 with key %2").arg(model, value->toString())};
        else
            fail(&result, QString(),
                 tr("deleting %1 %2 failed: %3").arg(model, value->toString(), blockedBy(model, key, error)));
        return result;
    case DatabaseConnection::Transaction::BeginFailed:
    case DatabaseConnection::Transaction::CommitFailed:
        return result;
    }
    result.ok = true;
    result.setRecord(QJsonObject{{keyColumn.attribute, FieldValue::toJson(keyColumn.type, *value)}});
    return result;
}

RecordResult RecordStore::restore(const QString &model, const QJsonValue &key) {
    RecordResult result;
    const Table *table = mResolved->tableForModel(model);
    if (table && table->deletedAtColumn.isEmpty()) {
        result.problems << RecordProblem{
            QString(),
            tr("%1 is not paranoid: its deleted records are gone for good, there is nothing to restore")
                .arg(model)};
        result.validationFailed = true;
        return result;
    }
    const std::optional<QVariant> value = keyValue(model, key, &result);
    if (!value) {
        result.validationFailed = true;
        return result;
    }
    if (!openConnection(&result))
        return result;
    const Column &keyColumn = *table->singleKey();
    const SqlDialect dialect = mConnection.dialect();
    const Column *updatedAt = table->column(table->updatedAtColumn);
    QList<QVariant> values;
    if (updatedAt) // instance.restore() saves the instance, which writes updatedAt
        values << DriverValue::toDatabase(updatedAt->type, saveTime(mClock(), dialect), dialect);
    values << DriverValue::toDatabase(keyColumn.type, *value, dialect);
    const QString sql = StatementBuilder(dialect).restore(
        table->name, table->deletedAtColumn, updatedAt ? updatedAt->name : QString(), keyColumn.name);
    QString error; // empty when the statement ran but found no deleted record
    switch (inTransaction(&result, [&] { return changeOneRecord(sql, values, &error); })) {
    case DatabaseConnection::Transaction::Done:
        break;
    case DatabaseConnection::Transaction::WorkFailed:
        if (error.isEmpty())
            result.problems << RecordProblem{
                QString(), tr("there is no deleted %1 with key %2").arg(model, value->toString())};
        else
            fail(&result, QString(), tr("restoring %1 %2 failed: %3").arg(model, value->toString(), error));
        return result;
    case DatabaseConnection::Transaction::BeginFailed:
    case DatabaseConnection::Transaction::CommitFailed:
        return result;
    }
    result.ok = true;
    result.setRecord(QJsonObject{{keyColumn.attribute, FieldValue::toJson(keyColumn.type, *value)}});
    return result;
}

} // namespace modeldesk
