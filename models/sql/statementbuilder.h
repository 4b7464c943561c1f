#pragma once

#include "sql/sqldialect.h"

#include <QString>
#include <QStringList>

namespace modeldesk {

// The text of the statements that write records: INSERT, UPDATE, DELETE, Sequelize's soft delete, and
// PostgreSQL's chain of inserts as one data-modifying CTE. The one place such text is built, for the save
// planner, the plan executor and the record store alike. Identifiers are always quoted by the dialect and
// values always bound (a ? per value), never inlined.
class StatementBuilder {
public:
    explicit StatementBuilder(SqlDialect dialect)
        : mDialect(dialect) {}

    const SqlDialect &dialect() const { return mDialect; }

    // INSERT INTO t (a, b) VALUES (?, ?); with no column, the dialect's insert of defaults only. Where the
    // dialect returns keys with the insert (supportsReturning()), `generated` (if any) is returned.
    QString insert(const QString &table, const QStringList &columns, const QString &generated = {}) const;
    // The same with an expression per column instead of ? (the insert chain binds $n and reads the keys of
    // earlier inserts with subqueries; see readFrom()).
    QString insert(const QString &table, const QStringList &columns, const QStringList &values,
                   const QString &generated) const;
    // UPDATE t SET a = ?, b = ? WHERE k1 = ? AND k2 = ?
    QString update(const QString &table, const QStringList &columns, const QStringList &keys) const;
    // UPDATE t SET c = NULL WHERE k1 = ? AND ...: a child unlinked (onDelete SET NULL). With
    // `updatedAtColumn`, SET c = NULL, updatedAt = ?: Sequelize's setX/removeX write updatedAt too.
    QString clear(const QString &table, const QString &column, const QStringList &keys,
                  const QString &updatedAtColumn = {}) const;
    // DELETE FROM t WHERE k1 = ? AND ...
    QString remove(const QString &table, const QStringList &keys) const;
    // Sequelize's paranoid delete of a record not deleted yet: UPDATE t SET deletedAt = ? WHERE k = ? AND
    // deletedAt IS NULL (a record deleted before keeps its deletedAt and counts as not found). With
    // `updatedAtColumn`, SET deletedAt = ?, updatedAt = ?, as instance.destroy() saves both.
    QString softDelete(const QString &table, const QString &deletedAtColumn, const QString &key,
                       const QString &updatedAtColumn = {}) const;
    // Sequelize's instance.restore() of a deleted record: UPDATE t SET deletedAt = NULL, updatedAt = ? WHERE
    // k = ? AND deletedAt IS NOT NULL (a record that is not deleted counts as not found). Without an
    // updatedAtColumn (the model keeps none) only deletedAt is set.
    QString restore(const QString &table, const QString &deletedAtColumn, const QString &updatedAtColumn,
                    const QString &key) const;

    // The insert chain (supportsInsertChain()): statement i is named s<i>, later ones read its key with
    // readFrom(i, column), and the chain selects `selected` (or 1 when empty) at the end.
    QString readFrom(int statement, const QString &column) const;
    QString insertChain(const QStringList &statements, const QStringList &selected) const;

private:
    QString conditions(const QStringList &keys) const;

    SqlDialect mDialect;
};

} // namespace modeldesk
