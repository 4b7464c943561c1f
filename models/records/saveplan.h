#pragma once

#include "schema/datatype.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace modeldesk {

// One value a planned statement binds: a value known when planning, or a key that an earlier statement
// produces (the parent's new id flowing into the child's foreign key).
struct PlanValue {
    QString column;
    DataType type;
    QVariant value;     // canonical (see FieldValue); unused when fromStep >= 0
    int fromStep = -1;  // index of the step whose row supplies the value at run time
    QString fromColumn; // the column of that row
    // The save's own timestamp (createdAt/updatedAt, a DATE column): the same value wherever it appears in a
    // plan, so the one-statement form binds it once.
    bool saveTime = false;
    bool isReference() const { return fromStep >= 0; }
};

// One statement of a save, with where it comes from in the record.
struct PlanStep {
    enum class Action { Insert, Update, Delete, SoftDelete, Unlink };

    Action action = Action::Insert;
    QString path;  // the record it writes: "" for the root, "user_test", "orders[1].products[0]"
    QString model; // empty for a generated junction table
    QString table;
    QString sql;             // with ? placeholders, every identifier quoted
    QList<PlanValue> values; // in placeholder order
    QString generatedColumn; // the key the database makes on insert; read back after the statement
    int record = -1;         // index into SavePlan::records, -1 for junction rows
};

// A record of the saved graph: which step wrote it and which records hang below it, by alias.
struct PlanRecord {
    struct Children {
        QString alias;
        bool toMany = false;
        QList<int> records;
    };
    QString path;
    QString model;
    int step = -1; // -1: an existing record referenced by key (belongsToMany by id)
    QVariant key;  // for step == -1: the referenced key; its column is keyColumn
    QString keyColumn;
    QList<Children> children;
};

// The statements a save runs, in order, with their values: exactly what the executor runs, step by step (on
// PostgreSQL an insert-only plan is folded into one statement; RecordStore::statements() says what is sent).
struct SavePlan {
    QList<PlanStep> steps;
    QList<PlanRecord> records; // records[0] is the root

    bool insertsOnly() const;
    // The value statement `step` wrote into `column` once run, given the key each step generated (null
    // where none): a bound value, a key that flowed from an earlier step, or the generated key itself.
    // *written (optional) says whether the step wrote that column at all.
    QVariant value(const QList<QVariant> &keys, int step, const QString &column,
                   bool *written = nullptr) const;
    // Readable listing: one numbered statement per step with its record path, then its values, where a
    // key from an earlier step shows as "← 1.id".
    QString toText() const;
    // A value as toText() shows it: 'text', NULL, <3 bytes>.
    static QString displayValue(const QVariant &value);
};

} // namespace modeldesk
