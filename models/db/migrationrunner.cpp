// MigrationRunner: runs MigrationSql's statements in the one transaction guard.
#include "db/migrationrunner.h"

#include "db/startingversioncheck.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlQuery>

namespace modeldesk {

using namespace Qt::StringLiterals;

bool MigrationRunner::run(const QStringList &statements, QString *error, bool stoppable) {
    for (const QString &statement : statements) {
        QSqlQuery query(mConnection.database());
        if (query.exec(statement)) {
            ++mDone;
            if (mProgress && !mProgress(mDone, mTotal) && stoppable) {
                mStopped = true;
                *error = tr("stopped after %1 of %2 statements").arg(mDone).arg(mTotal);
                return false;
            }
            continue;
        }
        *error = tr("%1\nin: %2").arg(DatabaseConnection::describe(query.lastError()), statement.left(300));
        if (statement.startsWith(u"INSERT INTO "_s) &&
            statement.contains(QLatin1String(MigrationSql::kPrecheckPrefix))) {
            const QString column = statement.section(QLatin1String(MigrationSql::kPrecheckPrefix), 1)
                                       .section(QChar(statement.at(12)), 0, 0);
            *error = tr("%1: a NOT NULL column without a default cannot be added to a table that has rows; "
                        "give the field a default (nothing was changed)")
                         .arg(column);
            return false;
        }
        // SQLite's foreign key check failed: name a row whose key points nowhere.
        if (statement.contains(MigrationSql::kCheckTable)) {
            QSqlQuery check(mConnection.database());
            if (check.exec(u"PRAGMA foreign_key_check"_s) && check.next())
                *error =
                    tr("a row of table %1 refers to a missing row of table %2 (PRAGMA foreign_key_check)")
                        .arg(check.value(0).toString(), check.value(2).toString());
        }
        return false;
    }
    return true;
}

QString MigrationRunner::backupPath(const QString &databaseFile, const QDateTime &when) {
    const QFileInfo info(databaseFile);
    const QString suffix = info.suffix().isEmpty() ? u"db"_s : info.suffix();
    const QString stem =
        info.completeBaseName() + u".before-migration-"_s + when.toString(u"yyyyMMdd-HHmmss"_s);
    QString path = info.dir().filePath(stem + u'.' + suffix);
    for (int n = 2; QFileInfo::exists(path); ++n)
        path = info.dir().filePath(stem + u"-%1."_s.arg(n) + suffix);
    return path;
}

bool MigrationRunner::checkStartingVersion(const MigrationPlan &plan, QString *error) {
    if (!mConnection.ensureOpen(error))
        return false;
    const QString sql = StartingVersionCheck(mConnection.dialect()).problemsQuery(plan);
    if (sql.isEmpty())
        return true;
    QSqlQuery query(mConnection.database());
    if (!query.exec(sql) || !query.next()) {
        *error =
            tr("cannot read the database's tables: %1").arg(DatabaseConnection::describe(query.lastError()));
        return false;
    }
    if (query.value(0).isNull())
        return true;
    *error = tr("the database is not at the starting version of this migration (nothing was changed): %1")
                 .arg(query.value(0).toString());
    return false;
}

bool MigrationRunner::apply(const MigrationPlan &plan, QString *error) {
    if (!checkStartingVersion(plan, error))
        return false;
    const MigrationSql sql(mConnection.dialect());
    const QStringList statements = sql.statements(plan);
    mDone = 0;
    mStopped = false;
    mTotal = int(sql.beforeTransaction().size() + statements.size() + sql.afterTransaction().size());
    if (!run(sql.beforeTransaction(), error, false))
        return false;
    bool ok = true;
    if (mConnection.dialect().transactionalDdl()) {
        QString failure;
        const auto outcome = mConnection.transaction([&] { return run(statements, &failure); }, error);
        if (outcome == DatabaseConnection::Transaction::WorkFailed)
            *error = failure;
        ok = outcome == DatabaseConnection::Transaction::Done;
    } else {
        ok = run(statements, error);
    }
    QString restoreError;
    if (!run(sql.afterTransaction(), &restoreError, false) && ok) {
        *error = restoreError;
        return false;
    }
    return ok;
}

} // namespace modeldesk
