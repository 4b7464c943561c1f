#include "nativepq.h"

#include "cputime.h"
#include <QDateTime>

#include <QElapsedTimer>

#include <libpq-fe.h>

#include <cstring>
#include <vector>

namespace {

QString quoted(const QString &name) {
    return QLatin1Char('"') + name + QLatin1Char('"');
}

QString conninfoValue(const QString &value) {
    QString v = value;
    v.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + v + QLatin1Char('\'');
}

bool commandOk(PGresult *result, QString *error, PGconn *connection) {
    const ExecStatusType status = PQresultStatus(result);
    const bool ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
    if (!ok)
        *error = QString::fromUtf8(PQerrorMessage(connection));
    PQclear(result);
    return ok;
}

} // namespace

double NativePq::savesPerSecond(const Workload &w, const modeldesk::ConnectionUrl &url, Mode mode, int saves,
                                QString *error, double *cpuMicrosPerSave) {
    const QString conninfo =
        QStringLiteral("host=%1 port=%2 dbname=%3 user=%4 password=%5")
            .arg(conninfoValue(url.host))
            .arg(url.port > 0 ? url.port : 5432)
            .arg(conninfoValue(url.database), conninfoValue(url.user), conninfoValue(url.password));
    PGconn *pg = PQconnectdb(conninfo.toUtf8().constData());
    if (PQstatus(pg) != CONNECTION_OK) {
        *error = QString::fromUtf8(PQerrorMessage(pg));
        PQfinish(pg);
        return 0;
    }
    // Parameters: parent values, the timestamp; then per child its values.
    QStringList parentNames;
    QStringList parentParams;
    int p = 1;
    for (const QString &c : w.parentColumns) {
        parentNames << quoted(c);
        parentParams << QStringLiteral("$%1").arg(p++);
    }
    const int nowParam = p++;
    parentNames << QStringLiteral("\"createdAt\"") << QStringLiteral("\"updatedAt\"");
    parentParams << QStringLiteral("$%1").arg(nowParam) << QStringLiteral("$%1").arg(nowParam);
    const QString parentInsert = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) RETURNING id")
                                     .arg(quoted(w.parentTable), parentNames.join(QLatin1Char(',')),
                                          parentParams.join(QLatin1Char(',')));
    auto childInsert = [&](int &next, const QString &key, int nowIndex) {
        QStringList names, params;
        for (const QString &c : w.childColumns) {
            names << quoted(c);
            params << QStringLiteral("$%1").arg(next++);
        }
        names << quoted(w.childForeignKey) << QStringLiteral("\"createdAt\"")
              << QStringLiteral("\"updatedAt\"");
        params << key << QStringLiteral("$%1").arg(nowIndex) << QStringLiteral("$%1").arg(nowIndex);
        return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
            .arg(quoted(w.childTable), names.join(QLatin1Char(',')), params.join(QLatin1Char(',')));
    };
    bool ok = true;
    if (mode == Mode::Transaction) {
        // The child statement on its own: its values, then the parent's id, then the timestamp.
        int next = 1;
        const int columns = int(w.childColumns.size());
        const QString child = childInsert(next, QStringLiteral("$%1").arg(columns + 1), columns + 2);
        ok = commandOk(PQprepare(pg, "parent", parentInsert.toUtf8().constData(), 0, nullptr), error, pg) &&
             commandOk(PQprepare(pg, "child", child.toUtf8().constData(), 0, nullptr), error, pg);
    } else {
        QString sql = QStringLiteral("WITH p AS (%1)").arg(parentInsert);
        int next = p;
        for (int i = 0; i < w.children.size(); ++i)
            sql += QStringLiteral(", c%1 AS (%2)")
                       .arg(i)
                       .arg(childInsert(next, QStringLiteral("(SELECT id FROM p)"), nowParam));
        sql += QStringLiteral(" SELECT id FROM p");
        if (mode == Mode::SqlExecute)
            ok = commandOk(PQexec(pg, ("PREPARE save AS " + sql).toUtf8().constData()), error, pg);
        else
            ok = commandOk(PQprepare(pg, "save", sql.toUtf8().constData(), 0, nullptr), error, pg);
    }
    if (!ok) {
        PQfinish(pg);
        return 0;
    }
    QList<QByteArray> parentValues;
    for (const QString &v : w.parentValues)
        parentValues << v.toUtf8();
    QList<QList<QByteArray>> childValues;
    for (const QStringList &values : w.children) {
        childValues << QList<QByteArray>();
        for (const QString &v : values)
            childValues.last() << v.toUtf8();
    }

    QElapsedTimer clock;
    clock.start();
    const double cpuStart = processCpuSeconds();
    for (int i = 0; i < saves && ok; ++i) {
        const QByteArray now = QDateTime::currentDateTimeUtc()
                                   .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz+00:00"))
                                   .toUtf8();
        std::vector<const char *> params;
        for (const QByteArray &v : std::as_const(parentValues))
            params.push_back(v.constData());
        params.push_back(now.constData());
        if (mode != Mode::Transaction) {
            for (const QList<QByteArray> &values : std::as_const(childValues))
                for (const QByteArray &v : values)
                    params.push_back(v.constData());
            if (mode == Mode::SqlExecute) {
                QByteArray statement = "EXECUTE save (";
                for (size_t k = 0; k < params.size(); ++k) {
                    char *literal = PQescapeLiteral(pg, params[k], strlen(params[k]));
                    statement += (k ? ", " : "") + QByteArray(literal);
                    PQfreemem(literal);
                }
                ok = commandOk(PQexec(pg, statement + ")"), error, pg);
                continue;
            }
            ok = commandOk(PQexecPrepared(pg, "save", int(params.size()), params.data(), nullptr, nullptr, 0),
                           error, pg);
            continue;
        }
        ok = commandOk(PQexec(pg, "BEGIN"), error, pg);
        PGresult *parent =
            PQexecPrepared(pg, "parent", int(params.size()), params.data(), nullptr, nullptr, 0);
        if (PQresultStatus(parent) != PGRES_TUPLES_OK) {
            ok = commandOk(parent, error, pg);
            break;
        }
        const QByteArray id(PQgetvalue(parent, 0, 0));
        PQclear(parent);
        for (const QList<QByteArray> &values : std::as_const(childValues)) {
            std::vector<const char *> childParams;
            for (const QByteArray &v : values)
                childParams.push_back(v.constData());
            childParams.push_back(id.constData());
            childParams.push_back(now.constData());
            ok = ok && commandOk(PQexecPrepared(pg, "child", int(childParams.size()), childParams.data(),
                                                nullptr, nullptr, 0),
                                 error, pg);
        }
        ok = ok && commandOk(PQexec(pg, "COMMIT"), error, pg);
    }
    const double seconds = clock.nsecsElapsed() / 1e9;
    if (cpuMicrosPerSave)
        *cpuMicrosPerSave = (processCpuSeconds() - cpuStart) * 1e6 / saves;
    PQfinish(pg);
    return ok ? saves / seconds : 0;
}
