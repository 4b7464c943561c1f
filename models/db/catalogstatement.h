#pragma once

// What the three catalog readers (SQLite, PostgreSQL, MySQL/MariaDB) share: a bound statement that names what
// it could not read, the separator of aggregated key columns, and the spelling of a referential action.

#include "db/databasecatalogreader.h"

#include <QSqlQuery>
#include <QVariant>

namespace modeldesk::catalogread {

constexpr QChar kSeparator(0x1f); // between the names of a key's columns in one aggregated value

// One statement with bound values: every name that comes from the user or the catalog is bound.
class Statement {
public:
    Statement(DatabaseConnection &connection, const QString &sql, const QVariantList &values = {})
        : mQuery(connection.database()) {
        mQuery.setForwardOnly(true);
        mOk = mQuery.prepare(sql);
        for (const QVariant &value : values)
            mQuery.addBindValue(value);
        mOk = mOk && mQuery.exec();
    }
    bool ok(QString *error, const QString &what) const {
        if (!mOk && error)
            *error = DatabaseCatalogReader::tr("cannot read %1: %2")
                         .arg(what, DatabaseConnection::describe(mQuery.lastError()));
        return mOk;
    }
    bool next() { return mQuery.next(); }
    QString text(int i) const { return mQuery.value(i).toString(); }
    bool isNull(int i) const { return mQuery.value(i).isNull(); }
    bool flag(int i) const {
        const QVariant v = mQuery.value(i);
        const QString s = v.toString().toLower();
        return s == QLatin1String("t") || s == QLatin1String("true") || s == QLatin1String("yes") ||
               (v.canConvert<int>() && v.toInt() != 0);
    }
    int number(int i) const { return mQuery.value(i).toInt(); }

private:
    QSqlQuery mQuery;
    bool mOk = false;
};

// "cascade" -> "CASCADE"; nothing said is NO ACTION.
inline QString action(const QString &text) {
    const QString upper = text.trimmed().toUpper();
    return upper.isEmpty() ? QStringLiteral("NO ACTION") : upper;
}

} // namespace modeldesk::catalogread
