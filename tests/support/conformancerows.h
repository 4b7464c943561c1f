#pragma once

// What tst_conformance compares between the ModelDesk database and the Sequelize database of one operation:
// every row of every table, and record graphs, both in a form where only meaningful differences remain.
//  - A generated key (auto-increment, UUIDV4) becomes a label naming its record by its text columns,
//    "storage_boxes{B1}", and so does every foreign key that refers to one: the two sides number their rows
//    independently (and Sequelize inserts siblings concurrently), so keys are compared after this mapping.
//  - A generated timestamp (createdAt, updatedAt, deletedAt) is compared as null / "setup" / "set": after the
//    setup both databases get the same fixed instant (rewriteTimestamps), so "setup" means untouched since
//    then and "set" means written by the operation.
//  - Values are read by one reader (ModelDesk's driver conversion) from both databases, so a row compares
//    what is stored. Graph values get the canonical JSON form of their type (a DECIMAL that a driver returns
//    as a number is shown with its scale; BIGINT text becomes a number), so representation is not compared.
#include "db/databaseconnection.h"
#include "schema/resolvedschema.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <optional>

namespace modeldesk::test::conformance {

// The instant every generated timestamp is set to after the setup.
QDateTime setupInstant();
// Sets every non-null generated timestamp of every table to setupInstant().
bool rewriteTimestamps(DatabaseConnection &connection, const ResolvedSchema &resolved, QString *error);
// The primary key (as ModelDesk's JSON gives it) of the `model` record whose `attribute` is `value`,
// deleted records included. Null when there is none.
std::optional<QJsonValue> findKey(DatabaseConnection &connection, const ResolvedSchema &resolved,
                                  const QString &model, const QString &attribute, const QJsonValue &value,
                                  QString *error);

struct TableRows {
    QString table;
    QList<QJsonObject> rows; // column name -> value, generated keys and timestamps mapped (see above)
};

// Every row of every table of a database, and the labels of its generated keys.
class DatabaseRows {
public:
    static std::optional<DatabaseRows> read(DatabaseConnection &connection, const ResolvedSchema &resolved,
                                            QString *error);

    const QList<TableRows> &tables() const { return mTables; }
    // The label of `table`'s record with generated key `key` (a JSON number or string).
    QString label(const QString &table, const QJsonValue &key) const;
    // The class of a generated timestamp value: null, "setup" or "set".
    static QJsonValue timestampClass(const QJsonValue &value);
    // Whether `column` of `table` holds a generated key; the table whose generated key `column` refers to
    // (null when it refers to none); whether it is a generated timestamp.
    static bool isGeneratedKey(const Table &table, const Column &column);
    static const Table *referencedGeneratedKey(const ResolvedSchema &resolved, const Column &column);
    static bool isTimestamp(const Table &table, const Column &column);

private:
    QList<TableRows> mTables;
    QHash<QString, QHash<QString, QString>> mLabels; // table -> key text -> label
};

// Graphs (ModelDesk's load() and Sequelize's findByPk(...).toJSON()) in the same mapped, canonical form.
class GraphNormalizer {
public:
    GraphNormalizer(const ResolvedSchema &resolved, const DatabaseRows &rows)
        : mResolved(resolved)
        , mRows(rows) {}

    // The graph of a `model` record: attributes mapped and canonical, links followed by alias, a
    // belongsToMany item's through values under the through model's name. Keys it does not know stay as
    // they are, so they show up as differences.
    QJsonValue normalize(const QString &model, const QJsonValue &graph) const;
    // `full` cut down to the keys `shape` has (array items matched by primary key): a saved graph
    // holds only what was saved, its load holds every link.
    QJsonValue project(const QString &model, const QJsonValue &full, const QJsonValue &shape) const;

private:
    QJsonValue value(const Table &table, const Column &column, const QJsonValue &value) const;
    QJsonObject object(const QString &model, const Table &table, const QJsonObject &object) const;

    const ResolvedSchema &mResolved;
    const DatabaseRows &mRows;
};

// The canonical JSON of a value of `type` as any driver may return it (null stays null).
QJsonValue canonical(const DataType &type, const QJsonValue &value);
// `value` with every array sorted by its items' compact JSON, recursively: Sequelize's include has no order.
QJsonValue sorted(const QJsonValue &value);
QString compact(const QJsonValue &value);

} // namespace modeldesk::test::conformance
