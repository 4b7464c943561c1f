#pragma once

#include "db/databaseconnection.h"
#include "schema/resolvedschema.h"

#include <QJsonObject>
#include <QList>
#include <QVariant>
#include <optional>

namespace modeldesk {

// Reads saved records back as nested JSON, in the same shape save() takes: fields by attribute name, linked
// records under their alias, followed to a chosen depth. Also answers the save planner's question "which
// children does this record have now?" for updates.
class RecordLoader {
public:
    RecordLoader(const ResolvedSchema &resolved, DatabaseConnection &connection)
        : mResolved(resolved)
        , mConnection(connection) {}

    // The record of `model` whose primary key is `key` (canonical, see FieldValue), with its links followed
    // `depth` levels deep (0: the record alone). nullopt with *error empty: no such record. A paranoid
    // model's deleted record is not there unless `withDeleted` (Sequelize's findByPk with `paranoid:
    // false`: the record itself; its linked records still without their deleted ones).
    std::optional<QJsonObject> load(const QString &model, const QVariant &key, int depth, QString *error,
                                    bool withDeleted = false);
    // The keys of the records linked to `parentKey` through `link`, as the database returns them.
    std::optional<QList<QVariant>> linkedKeys(const ResolvedLink &link, const QVariant &parentKey,
                                              QString *error);

    // The stored row of `table` whose `columns` hold `values` (canonical), in table column order and
    // canonical form, as load() reads it (a paranoid model's deleted row is not there). nullopt with *error
    // empty: no such row. The save planner compares an update with it, so that an unchanged value is not
    // written.
    std::optional<QList<QVariant>> storedRow(const Table &table, const QStringList &columns,
                                             const QVariantList &values, QString *error);

private:
    using Row = QList<QVariant>; // in table column order, then the joined table's columns if any
    // `joined` (aliased j in `join`): its columns are read too, after the table's.
    bool select(const Table &table, const QString &where, const QVariantList &values, QList<Row> *rows,
                QString *error, const QString &join = {}, const Table *joined = nullptr);
    // What selectLinked() found: rows (possibly none), a belongsTo without a key (the link is null), a link
    // that cannot be followed (skipped), or a database error.
    enum class Linked { Selected, None, Skipped, Failed };
    Linked selectLinked(const ResolvedLink &link, const Table &table, const Row &row, const Table &target,
                        const Table *junction, QList<Row> *rows, QString *error);
    QJsonObject toJson(const QString &model, const Table &table, const Row &row, int depth, QString *error,
                       bool *ok);

    const ResolvedSchema &mResolved;
    DatabaseConnection &mConnection;
};

} // namespace modeldesk
