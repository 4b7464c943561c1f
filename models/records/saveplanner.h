#pragma once

#include "records/saveplan.h"
#include "schema/resolvedschema.h"
#include "sql/sqldialect.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <functional>
#include <optional>

namespace modeldesk {

// A problem with one value or key of a record, named by its path in the nested record ("user_test.code").
struct RecordProblem {
    QString path;
    QString message;

    QString toString() const { return path.isEmpty() ? message : path + QStringLiteral(": ") + message; }
    friend bool operator==(const RecordProblem &, const RecordProblem &) = default;
};

// Turns a nested record shaped like Sequelize's create(..., {include}) value into the statements that save
// it, checking every key and value on the way and collecting all problems. Planning runs no SQL: updates
// learn which children exist through a callback, so the same code serves validation, "Show SQL" and saving.
class SavePlanner {
    Q_DECLARE_TR_FUNCTIONS(SavePlanner)
public:
    // Keys of the records currently linked to `parentKey` through `link`: target rows whose foreign key is
    // the parent's key (hasOne/hasMany), or targets joined through the junction (belongsToMany). nullopt on
    // a database error, with *error set.
    using ExistingKeys = std::function<std::optional<QList<QVariant>>(
        const ResolvedLink &link, const QVariant &parentKey, QString *error)>;

    SavePlanner(const Schema &schema, const ResolvedSchema &resolved, SqlDialect dialect);

    // Every record of the graph is inserted: belongsTo targets first, then the record, then its hasOne /
    // hasMany children with their foreign key taken from it, then belongsToMany junction rows.
    bool planCreate(const QString &model, const QJsonObject &record, const QDateTime &now, SavePlan *plan,
                    QList<RecordProblem> *problems) const;
    // A record with its primary key is updated (the given fields and updatedAt), one without is inserted.
    // For each link the record names, children the database has but the record lacks are removed as the
    // link's onDelete says (CASCADE: deleted, SET NULL: unlinked; RESTRICT/NO ACTION: a problem).
    // Without `existing`, only checks (nothing is looked up).
    bool planUpdate(const QString &model, const QJsonObject &record, const QDateTime &now,
                    const ExistingKeys &existing, SavePlan *plan, QList<RecordProblem> *problems) const;

    // Shared with the controller's loader and deleter.
    QString insertSql(const Table &table, const QStringList &columns, const QString &generated) const;
    QString primaryKeyColumn(const Table &table) const;

private:
    // One planning pass: its options, the plan being built and the problems found.
    struct Context {
        bool update = false;
        QDateTime now;
        const ExistingKeys *existing = nullptr;
        SavePlan *plan = nullptr;
        QList<RecordProblem> *problems = nullptr;

        void problem(const QString &path, const QString &message) const { problems->append({path, message}); }
    };
    int planRecord(Context &context, const QString &model, const QJsonObject &object, const QString &path,
                   const QList<PlanValue> &overrides) const;
    void planBelongsToMany(Context &context, int record, const ResolvedLink &link, const QJsonValue &value,
                           const QString &path) const;
    static PlanValue literal(const Column &column, QVariant value);
    PlanValue keyOf(const Context &context, int record, const QString &column) const;
    // An UPDATE of an existing junction row's own values (`values`, the through model's fields as given).
    void planJunctionUpdate(Context &context, const ResolvedLink &link, const Table &junction,
                            const Model *throughModel, const QJsonObject &values, const PlanValue &ownKey,
                            const PlanValue &otherKey, const QString &path) const;
    // insertSql() memoized per table and set of columns (a bit per column index): the same few statements
    // are planned over and over, and building their text was a visible share of a save. `columns` lists the
    // names only for tables of more than 64 columns; otherwise the mask says which.
    QString cachedInsertSql(const Table &table, quint64 columnMask, const QStringList &columns,
                            const QString &generated) const;

    // Lookups by name, indexed once: every key of every record asks them.
    const Table *tableOf(const QString &model) const;
    const Model *modelOf(const QString &model) const;
    const ResolvedLink *linkOf(const QString &model, const QString &alias) const;

    const Schema &mSchema;
    const ResolvedSchema &mResolved;
    SqlDialect mDialect;
    QHash<QString, const Model *> mModels;
    QHash<QString, const Table *> mTables;
    QHash<QString, QHash<QString, const ResolvedLink *>> mLinks;
    mutable QHash<QPair<const Table *, quint64>, QString> mInsertSql;
};

} // namespace modeldesk
