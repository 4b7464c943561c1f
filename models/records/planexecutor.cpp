#include "records/planexecutor.h"

#include "db/databaseerror.h"
#include "db/pgdirect.h"
#include "db/sqlitedirect.h"
#include "schema/fieldvalue.h"
#include "sql/drivervalue.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

// Frees the statement for its next use (SQLite keeps a finished statement's read lock until reset).
struct Finisher {
    QSqlQuery *query;
    ~Finisher() { query->finish(); }
};

} // namespace

bool PlanExecutor::canRunAsOneStatement(const SavePlan &plan) const {
    return mConnection.dialect().supportsInsertChain() && !mHook && !plan.steps.isEmpty() &&
           plan.insertsOnly();
}

QString PlanExecutor::singleStatementSql(const SavePlan &plan, QList<PlanValue> *values,
                                         bool numbered) const {
    QList<std::pair<int, int>> parameters;
    const QString sql = composeOneStatement(plan, numbered, &parameters);
    if (values)
        for (const auto &[step, value] : std::as_const(parameters))
            values->append(plan.steps.at(step).values.at(value));
    return sql;
}

QString PlanExecutor::sentStatementSql(const SavePlan &plan, QList<PlanValue> *values) const {
    return singleStatementSql(plan, values, mConnection.pgDirect() != nullptr);
}

QString PlanExecutor::composeOneStatement(const SavePlan &plan, bool numbered,
                                          QList<std::pair<int, int>> *parameters) const {
    QStringList statements;
    QStringList returned;
    int saveTimeParameter = 0; // numbered: the $n of the save's timestamp, once bound
    for (int i = 0; i < plan.steps.size(); ++i) {
        const PlanStep &step = plan.steps.at(i);
        QStringList columns;
        QStringList items;
        for (int v = 0; v < step.values.size(); ++v) {
            const PlanValue &value = step.values.at(v);
            columns << value.column;
            if (value.isReference()) {
                items << mStatements.readFrom(value.fromStep, value.fromColumn);
            } else if (numbered && value.saveTime && saveTimeParameter > 0) {
                items << u'$' + QString::number(saveTimeParameter);
            } else {
                parameters->append({i, v});
                items << (numbered ? u'$' + QString::number(parameters->size()) : u"?"_s);
                if (value.saveTime && saveTimeParameter == 0)
                    saveTimeParameter = int(parameters->size());
            }
        }
        statements << mStatements.insert(step.table, columns, items, step.generatedColumn);
        if (!step.generatedColumn.isEmpty())
            returned << mStatements.readFrom(i, step.generatedColumn);
    }
    return mStatements.insertChain(statements, returned);
}

bool PlanExecutor::run(const SavePlan &plan, bool oneStatement, Keys *keys, Failure *failure) {
    keys->clear();
    keys->resize(plan.steps.size());
    *failure = Failure();
    bool ok = true;
    if (oneStatement) {
        ok = runAsOneStatement(plan, *keys, &failure->message);
    } else {
        for (int i = 0; ok && i < plan.steps.size(); ++i) {
            ok = (!mHook || mHook(i, &failure->message)) && runStep(plan, i, *keys, &failure->message);
            if (!ok)
                failure->step = i;
        }
    }
    if (!ok) {
        const ErrorSubject subject = DatabaseError::subject(mConnection.dialect(), failure->message);
        failure->columns = subject.columns;
        failure->constraint = subject.constraint;
        failure->kind = subject.kind;
    }
    return ok;
}

bool PlanExecutor::runStep(const SavePlan &plan, int index, Keys &keys, QString *error) {
    if (SqliteDirect *direct = mConnection.sqliteDirect())
        return runStepDirect(*direct, plan, index, keys, error);
    const PlanStep &step = plan.steps.at(index);
    QSqlQuery *query = mConnection.prepared(step.sql, error);
    if (!query)
        return false;
    Finisher finisher{query};
    for (const PlanValue &value : step.values) {
        const QVariant canonical =
            value.isReference() ? plan.value(keys, value.fromStep, value.fromColumn) : value.value;
        query->addBindValue(DriverValue::toDatabase(value.type, canonical, mConnection.dialect()));
    }
    if (!query->exec()) {
        *error = DatabaseConnection::describe(query->lastError());
        return false;
    }
    if (step.action == PlanStep::Action::Update && query->numRowsAffected() == 0) {
        *error = tr("there is no %1 row with this key").arg(step.table);
        return false;
    }
    if (!step.generatedColumn.isEmpty()) {
        QVariant key;
        if (mConnection.dialect().supportsReturning()) {
            if (query->next())
                key = query->value(0);
        } else {
            key = query->lastInsertId();
        }
        if (!key.isValid() || key.isNull()) {
            *error = tr("the database did not report the new key of %1").arg(step.table);
            return false;
        }
        keys[index] = QVariant::fromValue<qint64>(key.toLongLong());
    }
    return true;
}

const QVariant &PlanExecutor::databaseValue(const SavePlan &plan, const Keys &keys, const PlanValue &value) {
    // The save's timestamp appears in most rows of a save and in every save of a bulk import at the same
    // instant: its text is made once.
    if (value.saveTime && value.type.kind == DataType::Kind::Date) {
        if (!(value.value == mSaveTime)) {
            mSaveTime = value.value;
            mSaveTimeText = DriverValue::toDatabase(value.type, value.value, mConnection.dialect());
        }
        return mSaveTimeText;
    }
    mValue = DriverValue::toDatabase(
        value.type, value.isReference() ? plan.value(keys, value.fromStep, value.fromColumn) : value.value,
        mConnection.dialect());
    return mValue;
}

bool PlanExecutor::runStepDirect(SqliteDirect &direct, const SavePlan &plan, int index, Keys &keys,
                                 QString *error) {
    const PlanStep &step = plan.steps.at(index);
    mBound.resize(step.values.size());
    for (qsizetype i = 0; i < step.values.size(); ++i)
        mBound[i] = databaseValue(plan, keys, step.values.at(i));
    const bool ran = direct.execute(step.sql, mBound.data(), qsizetype(mBound.size()), error);
    mBound.clear(); // keeps its capacity; drops the texts bound without a copy
    if (!ran)
        return false;
    if (step.action == PlanStep::Action::Update && direct.changes() == 0) {
        *error = tr("there is no %1 row with this key").arg(step.table);
        return false;
    }
    if (!step.generatedColumn.isEmpty()) {
        // QSQLITE's lastInsertId() is the same rowid, and no key (invalid) when it is 0.
        const qint64 key = direct.lastInsertRowId();
        if (key == 0) {
            *error = tr("the database did not report the new key of %1").arg(step.table);
            return false;
        }
        keys[index] = QVariant::fromValue<qint64>(key);
    }
    return true;
}

size_t PlanExecutor::shapeHash(const SavePlan &plan) {
    // Only the end of each statement and its length: that is where statements differ (the column list), and
    // matches() settles the rare collision. Hashing whole statements cost as much as the rest of the lookup.
    size_t hash = 0;
    for (const PlanStep &step : plan.steps) {
        hash = qHashMulti(hash, step.sql.size(), QStringView(step.sql).right(40));
        for (const PlanValue &value : step.values)
            if (value.isReference())
                hash = qHashMulti(hash, value.fromStep, value.fromColumn);
            else if (value.saveTime)
                hash = qHashMulti(hash, -2);
    }
    return hash;
}

bool PlanExecutor::OneStatement::matches(const SavePlan &plan) const {
    if (stepSql.size() != plan.steps.size())
        return false;
    qsizetype reference = 0;
    for (qsizetype i = 0; i < plan.steps.size(); ++i) {
        const PlanStep &step = plan.steps.at(i);
        if (step.sql != stepSql.at(i))
            return false;
        for (const PlanValue &value : step.values) {
            if (reference >= references.size())
                return false;
            const auto &[fromStep, fromColumn] = references.at(reference++);
            if (fromStep != (value.saveTime ? -2 : value.fromStep) ||
                (value.isReference() && fromColumn != value.fromColumn))
                return false;
        }
    }
    return reference == references.size();
}

bool PlanExecutor::runAsOneStatement(const SavePlan &plan, Keys &keys, QString *error) {
    PgDirect *direct = mConnection.pgDirect();
    const size_t hash = shapeHash(plan);
    const OneStatement *shape = nullptr;
    for (auto it = mOneStatements.constFind(hash); it != mOneStatements.cend() && it.key() == hash; ++it)
        if (it->matches(plan)) {
            shape = &*it;
            break;
        }
    if (!shape) {
        OneStatement made;
        for (const PlanStep &step : plan.steps) {
            made.stepSql << step.sql;
            for (const PlanValue &value : step.values)
                made.references.append({value.saveTime ? -2 : value.fromStep,
                                        value.isReference() ? value.fromColumn : QString()});
        }
        made.numbered = composeOneStatement(plan, true, &made.parameters);
        QList<std::pair<int, int>> ignored;
        made.marks = composeOneStatement(plan, false, &ignored);
        shape = &*mOneStatements.insert(hash, made);
    }
    QList<qint64> generated;
    if (direct) {
        QList<QVariant> parameters;
        parameters.reserve(shape->parameters.size());
        for (const auto &[step, index] : shape->parameters) {
            const PlanValue &value = plan.steps.at(step).values.at(index);
            parameters.append(DriverValue::toDatabase(value.type, value.value, mConnection.dialect()));
        }
        QList<QByteArray> row;
        if (!direct->execute(shape->numbered, parameters, &row, error))
            return false;
        for (const QByteArray &key : std::as_const(row))
            generated.append(key.toLongLong());
    } else if (!runWithQt(shape->marks, plan, &generated, error)) {
        return false;
    }
    // The statement returns the generated keys in step order (singleStatementSql()).
    int column = 0;
    for (int i = 0; i < plan.steps.size(); ++i)
        if (!plan.steps.at(i).generatedColumn.isEmpty())
            keys[i] = QVariant::fromValue<qint64>(generated.value(column++));
    return true;
}

bool PlanExecutor::runWithQt(const QString &sql, const SavePlan &plan, QList<qint64> *keys, QString *error) {
    QSqlQuery *query = mConnection.prepared(sql, error);
    if (!query)
        return false;
    Finisher finisher{query};
    for (const PlanStep &step : plan.steps)
        for (const PlanValue &value : step.values)
            if (!value.isReference())
                query->addBindValue(DriverValue::toDatabase(value.type, value.value, mConnection.dialect()));
    if (!query->exec()) {
        *error = DatabaseConnection::describe(query->lastError());
        return false;
    }
    if (!query->next()) {
        *error = tr("the database returned no keys");
        return false;
    }
    for (int i = 0; i < query->record().count(); ++i)
        keys->append(query->value(i).toLongLong());
    return true;
}

} // namespace modeldesk
