#include "planexecutor.h"

#include "fieldvalue.h"
#include "pgdirect.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("PlanExecutor", text);
}

// Frees the statement for its next use (SQLite keeps a finished statement's read lock until reset).
struct Finisher {
    QSqlQuery *query;
    ~Finisher() { query->finish(); }
};

} // namespace

bool PlanExecutor::canRunAsOneStatement(const SavePlan &plan) const {
    return mConnection.dialect().kind() == SqlDialect::Kind::Postgres && !mHook && !plan.steps.isEmpty() &&
           plan.insertsOnly();
}

QString PlanExecutor::singleStatementSql(const SavePlan &plan, QList<PlanValue> *values,
                                         bool numbered) const {
    const SqlDialect dialect = mConnection.dialect();
    QString with;
    QString returned;
    for (int i = 0; i < plan.steps.size(); ++i) {
        const PlanStep &step = plan.steps.at(i);
        QString names;
        QString items;
        for (const PlanValue &value : step.values) {
            if (!names.isEmpty()) {
                names += u", "_s;
                items += u", "_s;
            }
            names += dialect.quote(value.column);
            if (value.isReference()) {
                items += u"(SELECT %1 FROM s%2)"_s.arg(dialect.quote(value.fromColumn)).arg(value.fromStep);
            } else {
                values->append(value);
                items += numbered ? u'$' + QString::number(values->size()) : u"?"_s;
            }
        }
        QString insert = u"INSERT INTO "_s + dialect.quote(step.table);
        insert += names.isEmpty() ? u" DEFAULT VALUES"_s : u" ("_s + names + u") VALUES ("_s + items + u')';
        if (!step.generatedColumn.isEmpty()) {
            insert += u" RETURNING "_s + dialect.quote(step.generatedColumn);
            returned += (returned.isEmpty() ? QString() : u", "_s) +
                        u"(SELECT %1 FROM s%2)"_s.arg(dialect.quote(step.generatedColumn)).arg(i);
        }
        with += (with.isEmpty() ? u"WITH "_s : u", "_s) + u"s%1 AS ("_s.arg(i) + insert + u')';
    }
    return with + u" SELECT "_s + (returned.isEmpty() ? u"1"_s : returned);
}

bool PlanExecutor::run(const SavePlan &plan, bool oneStatement, Rows *rows, int *failedStep, QString *error) {
    rows->clear();
    rows->resize(plan.steps.size());
    if (oneStatement) {
        *failedStep = -1;
        return runAsOneStatement(plan, *rows, error);
    }
    for (int i = 0; i < plan.steps.size(); ++i) {
        if (mHook && !mHook(i, error)) {
            *failedStep = i;
            return false;
        }
        if (!runStep(plan, i, *rows, error)) {
            *failedStep = i;
            return false;
        }
    }
    return true;
}

bool PlanExecutor::runStep(const SavePlan &plan, int index, Rows &rows, QString *error) {
    const PlanStep &step = plan.steps.at(index);
    QSqlQuery *query = mConnection.prepared(step.sql, error);
    if (!query)
        return false;
    Finisher finisher{query};
    QHash<QString, QVariant> &row = rows[index];
    for (const PlanValue &value : step.values) {
        const QVariant canonical =
            value.isReference() ? rows.at(value.fromStep).value(value.fromColumn) : value.value;
        query->addBindValue(FieldValue::toDatabase(value.type, canonical, mConnection.dialect()));
        row.insert(value.column, canonical);
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
        if (mConnection.dialect().kind() == SqlDialect::Kind::Postgres) {
            if (query->next())
                key = query->value(0);
        } else {
            key = query->lastInsertId();
        }
        if (!key.isValid() || key.isNull()) {
            *error = tr("the database did not report the new key of %1").arg(step.table);
            return false;
        }
        row.insert(step.generatedColumn, QVariant::fromValue<qint64>(key.toLongLong()));
    }
    return true;
}

bool PlanExecutor::runAsOneStatement(const SavePlan &plan, Rows &rows, QString *error) {
    PgDirect *direct = mConnection.pgDirect();
    QString shape = direct ? u"$\n"_s : u"?\n"_s;
    QList<PlanValue> values;
    for (const PlanStep &step : plan.steps) {
        shape += step.sql;
        shape += u'\n';
        for (const PlanValue &value : step.values) {
            if (value.isReference())
                shape += QString::number(value.fromStep) + u'.' + value.fromColumn + u';';
            else
                values.append(value);
        }
    }
    auto found = mOneStatementSql.constFind(shape);
    if (found == mOneStatementSql.cend()) {
        QList<PlanValue> ignored;
        found = mOneStatementSql.insert(shape, singleStatementSql(plan, &ignored, direct != nullptr));
    }
    const QString sql = *found;
    QList<qint64> keys;
    if (direct) {
        QList<QVariant> parameters;
        parameters.reserve(values.size());
        for (const PlanValue &value : std::as_const(values))
            parameters.append(FieldValue::toDatabase(value.type, value.value, mConnection.dialect()));
        QList<QByteArray> row;
        if (!direct->execute(sql, parameters, &row, error))
            return false;
        for (const QByteArray &key : std::as_const(row))
            keys.append(key.toLongLong());
    } else if (!runWithQt(sql, values, &keys, error)) {
        return false;
    }
    int column = 0;
    for (int i = 0; i < plan.steps.size(); ++i) {
        const PlanStep &step = plan.steps.at(i);
        if (!step.generatedColumn.isEmpty())
            rows[i].insert(step.generatedColumn, QVariant::fromValue<qint64>(keys.value(column++)));
    }
    // Keys flowed inside the statement; fill them in for the saved graph.
    for (int i = 0; i < plan.steps.size(); ++i)
        for (const PlanValue &value : plan.steps.at(i).values)
            rows[i].insert(value.column, value.isReference() ? rows.at(value.fromStep).value(value.fromColumn)
                                                             : value.value);
    return true;
}

bool PlanExecutor::runWithQt(const QString &sql, const QList<PlanValue> &values, QList<qint64> *keys,
                             QString *error) {
    QSqlQuery *query = mConnection.prepared(sql, error);
    if (!query)
        return false;
    Finisher finisher{query};
    for (const PlanValue &value : values)
        query->addBindValue(FieldValue::toDatabase(value.type, value.value, mConnection.dialect()));
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
