#pragma once

#include "schema/resolvedschema.h"
#include "schema/schema.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <optional>

namespace modeldesk {

// One change a migration makes, for people: what it does and whether it can lose data. MigrationSql writes
// the statements from the TableChange/Table values of the plan; the steps are what the CLI lists and refuses
// by.
struct MigrationStep {
    enum class Kind {
        CreateTable,
        DropTable,
        RenameTable,
        AddColumn,
        DropColumn,
        RenameColumn,
        ChangeType,
        SetNotNull,
        DropNotNull,
        ChangeDefault,
        AddUnique,
        DropUnique,
        AddForeignKey,
        DropForeignKey,
        ChangeComment,
        Unsupported
    };
    Kind kind = Kind::CreateTable;
    QString table;       // the table's name in NEW (in OLD for a dropped table)
    QString column;      // the column's name in NEW (in OLD for a dropped one); empty for a table step
    QString description; // one line: "rename column people.fullName to displayName"
    bool dataLoss = false;
    QString lossReason; // why it can lose data: "drops the column and its values"
};

// A column of a table present in OLD and NEW: before and after, either missing for an added or dropped
// column.
struct ColumnChange {
    std::optional<Column> before;
    std::optional<Column> after;

    bool renamed() const { return before && after && before->name != after->name; }
    bool typeChanged() const { return before && after && !(before->type == after->type); }
    bool nullabilityChanged() const { return before && after && before->nullable != after->nullable; }
    bool defaultChanged() const { return before && after && before->defaultValue != after->defaultValue; }
    bool uniqueChanged() const { return before && after && before->unique != after->unique; }
    // Not a reshape: SQLite keeps no comments; PostgreSQL sets it with COMMENT ON, MySQL restates the column.
    bool commentChanged() const { return before && after && before->comment != after->comment; }
    // The foreign key differs (OLD's table names are read through the table renames).
    bool referenceChanged = false;
    // Anything beyond a rename: SQLite rebuilds the table for it.
    bool reshaped() const {
        return !before || !after || typeChanged() || nullabilityChanged() || defaultChanged() ||
               uniqueChanged() || referenceChanged;
    }
};

// A table present in OLD and NEW (matched by its model's id, or a junction by its link's id).
struct TableChange {
    Table before;
    Table after;
    QList<ColumnChange> columns;       // NEW's columns in order (kept and added), then the dropped ones
    bool compositeKeysChanged = false; // the primary key or a composite unique differs

    bool renamed() const { return before.name != after.name; }
    bool reshaped() const;
    bool columnsRenamed() const;
    // The table's comment or a kept column's.
    bool commentsChanged() const;
};

// What takes a database built from OLD to NEW: created, dropped and changed tables, and the steps for people.
struct MigrationPlan {
    ResolvedSchema before;
    ResolvedSchema after;
    QList<Table> created;       // in NEW's dependency order
    QList<Table> dropped;       // in OLD's dependency order (dropped in reverse)
    QList<TableChange> changed; // tables in both that differ, in NEW's order
    QList<MigrationStep> steps;

    bool isEmpty() const { return steps.isEmpty(); }
    bool hasDataLoss() const;
    QList<MigrationStep> dataLosingSteps() const;
    QStringList unsupported() const;
    // OLD's name of a table by NEW's name (itself when it kept its name or is new).
    QString oldTableName(const QString &newName) const;
};

// Compares two designs over what Sequelize really creates (their ResolvedSchemas), matching models, fields
// and links by their ids (by name for an element without one), so a rename is a rename, never a drop and an
// add.
class SchemaDiff {
    Q_DECLARE_TR_FUNCTIONS(SchemaDiff)
public:
    static MigrationPlan compare(const Schema &before, const Schema &after);
    // A widening keeps every value (STRING(50) -> STRING(200), INTEGER -> BIGINT); anything else may not.
    static bool keepsEveryValue(const DataType &from, const DataType &to);
};

} // namespace modeldesk
