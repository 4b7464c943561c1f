#include "sql/statementbuilder.h"

namespace modeldesk {

using namespace Qt::StringLiterals;

QString StatementBuilder::insert(const QString &table, const QStringList &columns,
                                 const QString &generated) const {
    QStringList marks;
    marks.reserve(columns.size());
    for (qsizetype i = 0; i < columns.size(); ++i)
        marks << u"?"_s;
    return insert(table, columns, marks, generated);
}

QString StatementBuilder::insert(const QString &table, const QStringList &columns, const QStringList &values,
                                 const QString &generated) const {
    QString sql = u"INSERT INTO "_s + mDialect.quote(table);
    if (columns.isEmpty()) {
        sql += mDialect.emptyInsertValues();
    } else {
        QString names;
        for (const QString &column : columns)
            names += (names.isEmpty() ? QString() : u", "_s) + mDialect.quote(column);
        sql += u" ("_s + names + u") VALUES ("_s + values.join(u", "_s) + u')';
    }
    // The new key comes back with the insert itself: no second round trip for lastval().
    if (!generated.isEmpty() && mDialect.supportsReturning())
        sql += u" RETURNING "_s + mDialect.quote(generated);
    return sql;
}

QString StatementBuilder::conditions(const QStringList &keys) const {
    QString where;
    for (const QString &key : keys)
        where += (where.isEmpty() ? u" WHERE "_s : u" AND "_s) + mDialect.quote(key) + u" = ?"_s;
    return where;
}

QString StatementBuilder::update(const QString &table, const QStringList &columns,
                                 const QStringList &keys) const {
    QString sets;
    for (const QString &column : columns)
        sets += (sets.isEmpty() ? QString() : u", "_s) + mDialect.quote(column) + u" = ?"_s;
    return u"UPDATE "_s + mDialect.quote(table) + u" SET "_s + sets + conditions(keys);
}

QString StatementBuilder::clear(const QString &table, const QString &column, const QStringList &keys,
                                const QString &updatedAtColumn) const {
    QString sets = mDialect.quote(column) + u" = NULL"_s;
    if (!updatedAtColumn.isEmpty())
        sets += u", "_s + mDialect.quote(updatedAtColumn) + u" = ?"_s;
    return u"UPDATE "_s + mDialect.quote(table) + u" SET "_s + sets + conditions(keys);
}

QString StatementBuilder::remove(const QString &table, const QStringList &keys) const {
    return u"DELETE FROM "_s + mDialect.quote(table) + conditions(keys);
}

QString StatementBuilder::softDelete(const QString &table, const QString &deletedAtColumn, const QString &key,
                                     const QString &updatedAtColumn) const {
    const QStringList columns = updatedAtColumn.isEmpty() ? QStringList{deletedAtColumn}
                                                          : QStringList{deletedAtColumn, updatedAtColumn};
    return update(table, columns, {key}) + u" AND "_s + mDialect.quote(deletedAtColumn) + u" IS NULL"_s;
}

QString StatementBuilder::restore(const QString &table, const QString &deletedAtColumn,
                                  const QString &updatedAtColumn, const QString &key) const {
    QString sets = mDialect.quote(deletedAtColumn) + u" = NULL"_s;
    if (!updatedAtColumn.isEmpty())
        sets += u", "_s + mDialect.quote(updatedAtColumn) + u" = ?"_s;
    return u"UPDATE "_s + mDialect.quote(table) + u" SET "_s + sets + conditions({key}) + u" AND "_s +
           mDialect.quote(deletedAtColumn) + u" IS NOT NULL"_s;
}

QString StatementBuilder::readFrom(int statement, const QString &column) const {
    return u"(SELECT %1 FROM s%2)"_s.arg(mDialect.quote(column)).arg(statement);
}

QString StatementBuilder::insertChain(const QStringList &statements, const QStringList &selected) const {
    QString with;
    for (qsizetype i = 0; i < statements.size(); ++i)
        with += (with.isEmpty() ? u"WITH "_s : u", "_s) + u"s%1 AS ("_s.arg(i) + statements.at(i) + u')';
    return with + u" SELECT "_s + (selected.isEmpty() ? u"1"_s : selected.join(u", "_s));
}

} // namespace modeldesk
