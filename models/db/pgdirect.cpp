#include "db/pgdirect.h"

#include <QLibrary>
#include <QSqlDriver>

#include <vector>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

// The few libpq entry points used, with their stable C signatures (libpq.so.5). PGconn and PGresult stay
// opaque.
struct LibPq {
    using Prepare = void *(*)(void *, const char *, const char *, int, const unsigned int *);
    using ExecPrepared = void *(*)(void *, const char *, int, const char *const *, const int *, const int *,
                                   int);
    using ResultStatus = int (*)(const void *);
    using ResultErrorMessage = char *(*)(const void *);
    using GetValue = char *(*)(const void *, int, int);
    using GetLength = int (*)(const void *, int, int);
    using GetIsNull = int (*)(const void *, int, int);
    using Count = int (*)(const void *);
    using Clear = void (*)(void *);
    using Status = int (*)(const void *);

    Prepare prepare = nullptr;
    ExecPrepared execPrepared = nullptr;
    ResultStatus resultStatus = nullptr;
    ResultErrorMessage resultErrorMessage = nullptr;
    GetValue getValue = nullptr;
    GetLength getLength = nullptr;
    GetIsNull getIsNull = nullptr;
    Count ntuples = nullptr;
    Count nfields = nullptr;
    Clear clear = nullptr;
    Status status = nullptr;

    static constexpr int kCommandOk = 1; // PGRES_COMMAND_OK
    static constexpr int kTuplesOk = 2;  // PGRES_TUPLES_OK
    static constexpr int kConnectionOk = 0;

    bool ok() const {
        return prepare && execPrepared && resultStatus && resultErrorMessage && getValue && getLength &&
               getIsNull && ntuples && nfields && clear && status;
    }

    static const LibPq &instance() {
        static const LibPq pq = [] {
            LibPq p;
            QLibrary library(u"pq"_s, 5);
            if (!library.load())
                return p;
            p.prepare = reinterpret_cast<Prepare>(library.resolve("PQprepare"));
            p.execPrepared = reinterpret_cast<ExecPrepared>(library.resolve("PQexecPrepared"));
            p.resultStatus = reinterpret_cast<ResultStatus>(library.resolve("PQresultStatus"));
            p.resultErrorMessage =
                reinterpret_cast<ResultErrorMessage>(library.resolve("PQresultErrorMessage"));
            p.getValue = reinterpret_cast<GetValue>(library.resolve("PQgetvalue"));
            p.getLength = reinterpret_cast<GetLength>(library.resolve("PQgetlength"));
            p.getIsNull = reinterpret_cast<GetIsNull>(library.resolve("PQgetisnull"));
            p.ntuples = reinterpret_cast<Count>(library.resolve("PQntuples"));
            p.nfields = reinterpret_cast<Count>(library.resolve("PQnfields"));
            p.clear = reinterpret_cast<Clear>(library.resolve("PQclear"));
            p.status = reinterpret_cast<Status>(library.resolve("PQstatus"));
            return p;
        }();
        return pq;
    }
};

// libpq's one-line message, without the "ERROR:  " prefix, like DatabaseConnection::describe.
QString message(const LibPq &pq, void *result) {
    QString text = QString::fromUtf8(result ? pq.resultErrorMessage(result) : "").simplified();
    if (text.startsWith(u"ERROR: "_s))
        text.remove(0, 7);
    return text.isEmpty() ? u"the PostgreSQL connection failed"_s : text;
}

QByteArray parameterText(const QVariant &value) {
    switch (value.metaType().id()) {
    case QMetaType::Bool:
        return value.toBool() ? "t" : "f";
    case QMetaType::Double:
        return QByteArray::number(value.toDouble(), 'g', 17);
    case QMetaType::QByteArray:
        return "\\x" + value.toByteArray().toHex(); // bytea's hex input form
    default:
        return value.toString().toUtf8();
    }
}

} // namespace

PgDirect::PgDirect(const QSqlDatabase &database) {
    if (!LibPq::instance().ok() || !database.driver())
        return;
    const QVariant handle = database.driver()->handle();
    // Qt's documentation says "PGconn*"; Qt 6.4 on Debian registers the struct's own name.
    if (qstrcmp(handle.typeName(), "PGconn*") == 0 || qstrcmp(handle.typeName(), "pg_conn*") == 0)
        mConnection = *static_cast<void *const *>(handle.data());
}

QByteArray PgDirect::statementName(const QString &sql, QString *error) {
    if (sql.constData() == mLastSql.constData() && sql.size() == mLastSql.size() && !mLastName.isEmpty())
        return mLastName;
    auto name = mStatements.constFind(sql);
    if (name == mStatements.cend()) {
        const LibPq &pq = LibPq::instance();
        const QByteArray statement = "modeldesk_" + QByteArray::number(mStatements.size() + 1);
        void *result = pq.prepare(mConnection, statement.constData(), sql.toUtf8().constData(), 0, nullptr);
        const bool ok = result && pq.resultStatus(result) == LibPq::kCommandOk;
        if (!ok)
            *error = message(pq, result);
        if (result)
            pq.clear(result);
        if (!ok)
            return {};
        name = mStatements.insert(sql, statement);
    }
    mLastSql = sql;
    mLastName = *name;
    return mLastName;
}

bool PgDirect::execute(const QString &sql, const QList<QVariant> &values, QList<QByteArray> *row,
                       QString *error) {
    const LibPq &pq = LibPq::instance();
    const QByteArray name = statementName(sql, error);
    if (name.isEmpty())
        return false;
    QList<QByteArray> texts;
    texts.reserve(values.size());
    std::vector<const char *> parameters;
    parameters.reserve(values.size());
    for (const QVariant &value : values) {
        if (value.isNull()) {
            texts.append(QByteArray());
            parameters.push_back(nullptr);
        } else {
            texts.append(parameterText(value));
            parameters.push_back(texts.constLast().constData());
        }
    }
    void *result = pq.execPrepared(mConnection, name.constData(), int(parameters.size()), parameters.data(),
                                   nullptr, nullptr, 0);
    const int status = result ? pq.resultStatus(result) : -1;
    if (status != LibPq::kCommandOk && status != LibPq::kTuplesOk) {
        *error = message(pq, result);
        if (result)
            pq.clear(result);
        if (pq.status(mConnection) != LibPq::kConnectionOk) {
            mStatements.clear(); // a new session starts without them
            mLastSql.clear();
            mLastName.clear();
        }
        return false;
    }
    row->clear();
    if (pq.ntuples(result) > 0)
        for (int i = 0; i < pq.nfields(result); ++i)
            row->append(pq.getIsNull(result, 0, i)
                            ? QByteArray()
                            : QByteArray(pq.getValue(result, 0, i), pq.getLength(result, 0, i)));
    pq.clear(result);
    return true;
}

} // namespace modeldesk
