#pragma once

#include "db/databaseconnection.h"
#include "schema/resolvedschema.h"

#include <QJsonValue>
#include <QList>
#include <QStringList>
#include <optional>

namespace modeldesk {

// What the database does to the records that refer to a deleted one, through one foreign key: the ON DELETE
// action of its constraint (as sync creates it) and how many rows it applies to now.
struct DeleteEffect {
    enum class Action {
        Delete,     // CASCADE: deleted too
        SetNull,    // SET NULL: kept, unlinked
        SetDefault, // SET DEFAULT: kept, pointed at the column's default
        Block,      // RESTRICT / NO ACTION: the delete fails while any refers
    };

    QString model;       // the referring records' model; empty for a generated junction table
    QString table;       // their table
    QString column;      // their foreign key column
    QString parentModel; // the model of the records they refer to: the deleted one, or one deleted with it
    QStringList links;   // the links whose foreign key this is, as "source.alias"
    QString onDelete;    // the constraint's action as written: "CASCADE", "SET NULL", "NO ACTION", …
    Action action = Action::Block;
    qint64 count = 0; // rows it applies to now
    int depth = 1;    // 1: they refer to the deleted record; 2: to a record deleted with it (CASCADE); …
};

// What RecordStore::remove() would do, asked before doing it (the entry form's confirmation).
struct DeletePreview {
    // A paranoid model's record only gets deletedAt: nothing that refers to it changes, so there are no
    // effects.
    bool softDelete = false;
    // Every foreign key referring to the deleted record, then to each table emptied with it by CASCADE
    // (a table already on the way is not followed again), with count 0 where nothing refers.
    QList<DeleteEffect> effects;

    // True when some RESTRICT / NO ACTION key has referring rows: the delete would fail.
    bool blocked() const;
};

// Counts, with one bound SELECT COUNT(*) per foreign key, what deleting `model`'s record `key` would
// cascade to, unlink and be blocked by. nullopt with *error when the key is not valid, there is no such
// record, or a query failed.
std::optional<DeletePreview> previewDelete(const ResolvedSchema &resolved, DatabaseConnection &connection,
                                           const QString &model, const QJsonValue &key, QString *error);

} // namespace modeldesk
