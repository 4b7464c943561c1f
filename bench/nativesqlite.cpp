#include "nativesqlite.h"

#include "cputime.h"

#include <QDateTime>
#include <QElapsedTimer>

#include <sqlite3.h>

namespace {

QString quoted(const QString &name) {
    return QLatin1Char('"') + name + QLatin1Char('"');
}

QString insertSql(const QString &table, const QStringList &columns) {
    QStringList names, marks;
    for (const QString &c : columns) {
        names << quoted(c);
        marks << QStringLiteral("?");
    }
    return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
        .arg(quoted(table), names.join(QLatin1Char(',')), marks.join(QLatin1Char(',')));
}

} // namespace

double NativeSqlite::savesPerSecond(const Workload &w, const QString &path, int saves, QString *error,
                                    double *cpuMicrosPerSave) {
    sqlite3 *db = nullptr;
    if (sqlite3_open(path.toUtf8().constData(), &db) != SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_close(db);
        return 0;
    }
    const bool memory = path == QLatin1String(":memory:");
    sqlite3_exec(db, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
    if (!memory)
        sqlite3_exec(db, "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr);
    sqlite3_exec(db, "PRAGMA synchronous = FULL", nullptr, nullptr, nullptr);
    sqlite3_busy_timeout(db, 10000);
    if (memory) { // an in-memory database starts empty: create the two tables like sync would
        const QString ddl =
            QStringLiteral(
                "CREATE TABLE %1 (id INTEGER PRIMARY KEY AUTOINCREMENT, %2 VARCHAR(255), %3 VARCHAR(255), "
                "createdAt DATETIME NOT NULL, updatedAt DATETIME NOT NULL);"
                "CREATE TABLE %4 (id INTEGER PRIMARY KEY AUTOINCREMENT, %5 VARCHAR(255), %6 INTEGER "
                "REFERENCES %1 (id) ON DELETE CASCADE ON UPDATE CASCADE, createdAt DATETIME NOT NULL, "
                "updatedAt DATETIME NOT NULL)")
                .arg(quoted(w.parentTable), quoted(w.parentColumns.at(0)), quoted(w.parentColumns.at(1)),
                     quoted(w.childTable), quoted(w.childColumns.at(0)), quoted(w.childForeignKey));
        sqlite3_exec(db, ddl.toUtf8().constData(), nullptr, nullptr, nullptr);
    }
    const QStringList parentColumns =
        w.parentColumns + QStringList{QStringLiteral("createdAt"), QStringLiteral("updatedAt")};
    const QStringList childColumns =
        w.childColumns +
        QStringList{w.childForeignKey, QStringLiteral("createdAt"), QStringLiteral("updatedAt")};
    sqlite3_stmt *begin = nullptr, *commit = nullptr, *parent = nullptr, *child = nullptr;
    sqlite3_prepare_v2(db, "BEGIN IMMEDIATE", -1, &begin, nullptr);
    sqlite3_prepare_v2(db, "COMMIT", -1, &commit, nullptr);
    sqlite3_prepare_v2(db, insertSql(w.parentTable, parentColumns).toUtf8().constData(), -1, &parent,
                       nullptr);
    sqlite3_prepare_v2(db, insertSql(w.childTable, childColumns).toUtf8().constData(), -1, &child, nullptr);
    if (!begin || !commit || !parent || !child) {
        *error = QString::fromUtf8(sqlite3_errmsg(db));
        return 0;
    }
    QList<QByteArray> parentValues, childValues;
    for (const QString &v : w.parentValues)
        parentValues << v.toUtf8();

    QElapsedTimer clock;
    clock.start();
    const double cpuStart = processCpuSeconds();
    bool ok = true;
    for (int i = 0; i < saves && ok; ++i) {
        const QByteArray now = QDateTime::currentDateTimeUtc()
                                   .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz +00:00"))
                                   .toUtf8();
        ok = sqlite3_step(begin) == SQLITE_DONE;
        sqlite3_reset(begin);
        int n = 1;
        for (const QByteArray &v : std::as_const(parentValues))
            sqlite3_bind_text(parent, n++, v.constData(), int(v.size()), SQLITE_STATIC);
        sqlite3_bind_text(parent, n++, now.constData(), int(now.size()), SQLITE_STATIC);
        sqlite3_bind_text(parent, n++, now.constData(), int(now.size()), SQLITE_STATIC);
        ok = ok && sqlite3_step(parent) == SQLITE_DONE;
        sqlite3_reset(parent);
        const sqlite3_int64 id = sqlite3_last_insert_rowid(db);
        for (const QStringList &values : w.children) {
            n = 1;
            for (const QString &v : values) {
                const QByteArray utf8 = v.toUtf8();
                sqlite3_bind_text(child, n++, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
            }
            sqlite3_bind_int64(child, n++, id);
            sqlite3_bind_text(child, n++, now.constData(), int(now.size()), SQLITE_STATIC);
            sqlite3_bind_text(child, n++, now.constData(), int(now.size()), SQLITE_STATIC);
            ok = ok && sqlite3_step(child) == SQLITE_DONE;
            sqlite3_reset(child);
        }
        ok = ok && sqlite3_step(commit) == SQLITE_DONE;
        sqlite3_reset(commit);
    }
    const double seconds = clock.nsecsElapsed() / 1e9;
    if (cpuMicrosPerSave)
        *cpuMicrosPerSave = (processCpuSeconds() - cpuStart) * 1e6 / saves;
    if (!ok)
        *error = QString::fromUtf8(sqlite3_errmsg(db));
    for (sqlite3_stmt *s : {begin, commit, parent, child})
        sqlite3_finalize(s);
    sqlite3_close(db);
    return ok ? saves / seconds : 0;
}
