#pragma once

#include "records/saveplan.h"
#include "schema/resolvedschema.h"
#include "sql/sqldialect.h"
#include "sql/statementbuilder.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QVarLengthArray>
#include <functional>
#include <optional>

namespace modeldesk {

// A problem with one value or key of a record, named by its path in the nested record ("user_test.code").
// A database error is named by the path of the record whose statement failed.
struct RecordProblem {
    QString path;
    QString message;
    // For a database error, what the database named, when it did: the column of the record at `path` (its
    // field, by attribute, when the record has one) and the constraint.
    QString column = {};
    QString field = {};
    QString constraint = {};
    // For a database error told in the record's terms, the database's own words and the statement.
    QString detail = {};

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

    // The stored row of `table` whose `columns` hold `values`, in table column order and canonical form
    // (RecordLoader::storedRow). nullopt: no such row, or a database error in *error.
    using StoredRow = std::function<std::optional<QList<QVariant>>(
        const Table &table, const QStringList &columns, const QVariantList &values, QString *error)>;

    SavePlanner(const Schema &schema, const ResolvedSchema &resolved, SqlDialect dialect);

    // Every record of the graph is inserted: belongsTo targets first, then the record, then its hasOne /
    // hasMany children with their foreign key taken from it, then belongsToMany junction rows.
    bool planCreate(const QString &model, const QJsonObject &record, const QDateTime &now, SavePlan *plan,
                    QList<RecordProblem> *problems) const;
    // A record with its primary key is updated (the given fields and updatedAt), one without is inserted.
    // For each link the record names, children the database has but the record lacks are removed as the
    // link's onDelete says (CASCADE: deleted, SET NULL: unlinked; RESTRICT/NO ACTION: a problem).
    // With `stored`, a record is compared with its row: only values that differ are written, a record (or
    // junction row) with none gets no statement and keeps its updatedAt, as Sequelize's save() sends nothing
    // for an unchanged instance; a key with no row (or a paranoid model's deleted one) is a problem.
    // Without `existing` and `stored`, only checks (nothing is looked up).
    bool planUpdate(const QString &model, const QJsonObject &record, const QDateTime &now,
                    const ExistingKeys &existing, SavePlan *plan, QList<RecordProblem> *problems,
                    const StoredRow &stored = {}) const;

    QString primaryKeyColumn(const Table &table) const;

private:
    // One planning pass: its options, the plan being built and the problems found.
    struct Context {
        bool update = false;
        QDateTime now;
        const ExistingKeys *existing = nullptr;
        const StoredRow *stored = nullptr;
        SavePlan *plan = nullptr;
        QList<RecordProblem> *problems = nullptr;

        void problem(const QString &path, const QString &message) const { problems->append({path, message}); }
    };
    // One record's keys sorted into its fields (by column index) and its links by kind.
    struct RecordInput {
        QVarLengthArray<QJsonValue, 16> given; // Undefined where not given
        QList<const ResolvedLink *> belongsTo, children, manyToMany;
        QList<const ResolvedLink *> cleared; // given as null: no linked record (an update unlinks it)
        QList<std::pair<const ResolvedLink *, QJsonValue>> linkValues; // a handful: a list beats a hash
        QJsonValue linkValue(const ResolvedLink *link) const;
    };
    // An update's aliases given as null: a belongsTo's key is set to NULL (into `overrides`), hasOne/hasMany
    // children go as their link's onDelete says, belongsToMany links are removed.
    void planClearedBelongsTo(Context &context, const Table &table, const RecordInput &input,
                              const QString &path, QList<PlanValue> *overrides) const;
    void planClearedChildren(Context &context, int record, const RecordInput &input,
                             const QString &path) const;
    // A belongsToMany link being planned: its junction table and the keys its rows get.
    struct Junction {
        const ResolvedLink &link;
        const Table &table;
        const Model *throughModel;
        const Column &targetKey;
        PlanValue ownKey; // the source record's key, as the junction's foreign key
    };

    // A record and everything below it: belongsTo targets first, then the record's own statement, then its
    // hasOne/hasMany children and its belongsToMany junction rows. Returns the record's index.
    int planRecord(Context &context, const QString &model, const QJsonObject &object, const QString &path,
                   const QList<PlanValue> &overrides) const;
    RecordInput sortKeys(Context &context, const Table &table, const QString &model,
                         const QJsonObject &object, const QString &path) const;
    // Plans the belongsTo targets; their keys become `overrides` (this record's foreign keys).
    void planBelongsTo(Context &context, const RecordInput &input, const QString &path,
                       QList<PlanValue> *overrides, QList<PlanRecord::Children> *links) const;
    // The row an updated record has now (nullopt, with a problem, when there is none); nullopt without a
    // problem when nothing is looked up.
    std::optional<QList<QVariant>> storedRow(Context &context, const Table &table, const QString &model,
                                             const Column &keyColumn, const QJsonValue &givenKey,
                                             const QString &path) const;
    // The values of the record's own statement; returns whether an update changes anything of its own.
    // `stored` (updates): the record's row now; values equal to it are left out.
    bool planOwnValues(Context &context, const Table &table, const Model *design, const RecordInput &input,
                       const QList<PlanValue> &overrides, bool updating, const QList<QVariant> *stored,
                       const QString &path, PlanStep &step, QStringList *columns, quint64 *columnMask) const;
    // One column's value for an insert / an update; false when the statement leaves the column out.
    bool insertValue(Context &context, const Table &table, const Column &column, const Field *field,
                     const QJsonValue &given, const QString &path, PlanStep &step) const;
    bool updateValue(Context &context, const Table &table, const Column &column, const Field *field,
                     const QJsonValue &given, const QVariant *stored, const QString &path, PlanStep &step,
                     bool *changes) const;
    QVariant defaultValue(Context &context, const Column &column, const QString &path) const;
    // Gives the step its statement and adds it to the plan (an update that changes nothing adds none).
    void finishOwnStep(Context &context, const Table &table, int record, bool updating, bool changes,
                       const QJsonValue &givenKey, const QStringList &columns, quint64 columnMask,
                       PlanStep &step) const;
    // A hasOne/hasMany link's children; on update, those no longer listed are removed per onDelete.
    void planChildren(Context &context, const Table &table, int record, bool updating,
                      const ResolvedLink &link, const QJsonValue &value, const QString &path,
                      QList<PlanRecord::Children> *links) const;
    void planRemovals(Context &context, const ResolvedLink &link, const QVariant &parentKey,
                      const Table &targetTable, const Column &targetKey, const QSet<QString> &keptKeys,
                      const QString &linkPath) const;
    void planBelongsToMany(Context &context, int record, const ResolvedLink &link, const QJsonValue &value,
                           const QString &path) const;
    // The record a junction row links to: inserted, or an existing one named by its key (-1: a problem).
    int planJunctionTarget(Context &context, const Junction &junction, const QJsonValue &item,
                           const QString &itemPath, QJsonObject *throughValues, PlanValue *other) const;
    void planJunctionInsert(Context &context, const Junction &junction, const QJsonObject &throughValues,
                            const PlanValue &other, const QString &itemPath) const;
    static PlanValue literal(const Column &column, QVariant value);
    PlanValue keyOf(const Context &context, int record, const QString &column) const;
    // An UPDATE of an existing junction row's own values (`values`, the through model's fields as given).
    void planJunctionUpdate(Context &context, const ResolvedLink &link, const Table &junction,
                            const Model *throughModel, const QJsonObject &values, const PlanValue &ownKey,
                            const PlanValue &otherKey, const QString &path) const;
    // StatementBuilder::insert() memoized per table and set of columns (a bit per column index): the same few
    // statements are planned over and over, and building their text was a visible share of a save. `columns`
    // lists the names only for tables of more than 64 columns; otherwise the mask says which.
    QString cachedInsertSql(const Table &table, quint64 columnMask, const QStringList &columns,
                            const QString &generated) const;

    // Lookups by name, indexed once: every key of every record asks them.
    const Table *tableOf(const QString &model) const;
    const Model *modelOf(const QString &model) const;
    const ResolvedLink *linkOf(const QString &model, const QString &alias) const;

    const Schema &mSchema;
    const ResolvedSchema &mResolved;
    SqlDialect mDialect;
    StatementBuilder mStatements;
    QHash<QString, const Model *> mModels;
    QHash<QString, const Table *> mTables;
    QHash<QString, QHash<QString, const ResolvedLink *>> mLinks;
    mutable QHash<QPair<const Table *, quint64>, QString> mInsertSql;
};

} // namespace modeldesk
