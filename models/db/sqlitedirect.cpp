#include "db/sqlitedirect.h"

#include "db/databaseconnection.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLibrary>
#include <QSqlDriver>
#include <QSqlError>

#include <type_traits>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

// The few sqlite3 entry points used, with their stable C signatures (libsqlite3.so.0). sqlite3 and
// sqlite3_stmt stay opaque.
struct LibSqlite {
    using Destructor = void (*)(void *);
    using Prepare = int (*)(void *, const void *, int, unsigned int, void **, const void **);
    using Step = int (*)(void *);
    using Finalize = int (*)(void *);
    using BindNull = int (*)(void *, int);
    using BindInt = int (*)(void *, int, int);
    using BindInt64 = int (*)(void *, int, qint64);
    using BindDouble = int (*)(void *, int, double);
    using BindBlob = int (*)(void *, int, const void *, int, Destructor);
    using BindText16 = int (*)(void *, int, const void *, int, Destructor);
    using BindText = int (*)(void *, int, const char *, int, Destructor);
    using ParameterCount = int (*)(void *);
    using ErrorMessage16 = const void *(*)(void *);
    using RowId = qint64 (*)(void *);
    using Changes = int (*)(void *);

    Prepare prepare = nullptr; // sqlite3_prepare16_v3, as QSQLITE prepares
    Step step = nullptr;
    Step reset = nullptr;
    Step clearBindings = nullptr;
    Finalize finalize = nullptr;
    BindNull bindNull = nullptr;
    BindInt bindInt = nullptr;
    BindInt64 bindInt64 = nullptr;
    BindDouble bindDouble = nullptr;
    BindBlob bindBlob = nullptr;
    BindText16 bindText16 = nullptr;
    BindText bindText = nullptr;
    ParameterCount parameterCount = nullptr;
    ErrorMessage16 errorMessage16 = nullptr;
    RowId lastInsertRowId = nullptr;
    Changes changes = nullptr;

    static constexpr int kOk = 0;
    static constexpr int kError = 1;
    static constexpr int kMisuse = 21;
    static constexpr int kRow = 100;
    static constexpr int kDone = 101;
    static constexpr unsigned int kPreparePersistent = 1;
    static inline const Destructor kStatic = nullptr;
    static inline const Destructor kTransient = reinterpret_cast<Destructor>(-1);

    bool ok() const {
        return prepare && step && reset && clearBindings && finalize && bindNull && bindInt && bindInt64 &&
               bindDouble && bindBlob && bindText16 && bindText && parameterCount && errorMessage16 &&
               lastInsertRowId && changes;
    }

    static const LibSqlite &instance() {
        static const LibSqlite lib = [] {
            LibSqlite l;
            QLibrary library(u"sqlite3"_s, 0);
            if (!library.load())
                return l;
            const auto resolve = [&](auto &function, const char *name) {
                function =
                    reinterpret_cast<std::remove_reference_t<decltype(function)>>(library.resolve(name));
            };
            resolve(l.prepare, "sqlite3_prepare16_v3");
            resolve(l.step, "sqlite3_step");
            resolve(l.reset, "sqlite3_reset");
            resolve(l.clearBindings, "sqlite3_clear_bindings");
            resolve(l.finalize, "sqlite3_finalize");
            resolve(l.bindNull, "sqlite3_bind_null");
            resolve(l.bindInt, "sqlite3_bind_int");
            resolve(l.bindInt64, "sqlite3_bind_int64");
            resolve(l.bindDouble, "sqlite3_bind_double");
            resolve(l.bindBlob, "sqlite3_bind_blob");
            resolve(l.bindText16, "sqlite3_bind_text16");
            resolve(l.bindText, "sqlite3_bind_text");
            resolve(l.parameterCount, "sqlite3_bind_parameter_count");
            resolve(l.errorMessage16, "sqlite3_errmsg16");
            resolve(l.lastInsertRowId, "sqlite3_last_insert_rowid");
            resolve(l.changes, "sqlite3_changes");
            return l;
        }();
        return lib;
    }
};

// QSQLITE's error (qMakeError: its own words, sqlite3's message, the result code) as describe() words it.
QString describeError(void *database, const char *words, QSqlError::ErrorType type, int code) {
    const LibSqlite &lib = LibSqlite::instance();
    const auto *message = static_cast<const QChar *>(lib.errorMessage16(database));
    return DatabaseConnection::describe(QSqlError(QCoreApplication::translate("QSQLiteResult", words),
                                                  message ? QString(message) : QString(), type,
                                                  QString::number(code)));
}

// A null the way QSQLITE sees one (QSqlResultPrivate::isVariantNull).
bool isNullValue(const QVariant &value) {
    if (value.isNull())
        return true;
    switch (value.metaType().id()) {
    case QMetaType::QString:
        return static_cast<const QString *>(value.constData())->isNull();
    case QMetaType::QByteArray:
        return static_cast<const QByteArray *>(value.constData())->isNull();
    case QMetaType::QDateTime:
        return !static_cast<const QDateTime *>(value.constData())->isValid();
    case QMetaType::QDate:
        return static_cast<const QDate *>(value.constData())->isNull();
    case QMetaType::QTime:
        return static_cast<const QTime *>(value.constData())->isNull();
    default:
        return false;
    }
}

bool hasSurrogates(const QString &text) {
    for (const QChar c : text)
        if (c.isSurrogate())
            return true;
    return false;
}

} // namespace

// Binds as QSQLITE's exec() does, type by type. Text made here (dates, other types) is copied by sqlite3.
int SqliteDirect::bind(void *statement, int index, const QVariant &value) {
    const LibSqlite &lib = LibSqlite::instance();
    if (isNullValue(value))
        return lib.bindNull(statement, index);
    switch (value.metaType().id()) {
    case QMetaType::QByteArray: {
        const auto *bytes = static_cast<const QByteArray *>(value.constData());
        return lib.bindBlob(statement, index, bytes->constData(), int(bytes->size()), LibSqlite::kStatic);
    }
    case QMetaType::Int:
    case QMetaType::Bool:
        return lib.bindInt(statement, index, value.toInt());
    case QMetaType::Double:
        return lib.bindDouble(statement, index, value.toDouble());
    case QMetaType::UInt:
    case QMetaType::LongLong:
        return lib.bindInt64(statement, index, value.toLongLong());
    case QMetaType::QString: {
        const auto *text = static_cast<const QString *>(value.constData());
        // QSQLITE binds UTF-16, which sqlite3 converts to the database's UTF-8 on every execution. Text
        // without surrogates converts to the same bytes either way, and QString's converter is the faster;
        // text with them (a lone one has no UTF-8 form) goes as QSQLITE sends it. The same string (a save's
        // timestamp, in every row) is converted once.
        if (hasSurrogates(*text))
            return lib.bindText16(statement, index, text->unicode(), int(text->size() * sizeof(QChar)),
                                  LibSqlite::kStatic);
        if (text->constData() != mLastText.constData() || text->size() != mLastText.size()) {
            mLastText = *text; // holding it keeps the buffer alive, so the same buffer is the same text
            mLastUtf8 = text->toUtf8();
        }
        mUtf8[index - 1] = mLastUtf8;
        return lib.bindText(statement, index, mLastUtf8.constData(), int(mLastUtf8.size()),
                            LibSqlite::kStatic);
    }
    default: {
        const QString text =
            value.metaType().id() == QMetaType::QDateTime ? value.toDateTime().toString(Qt::ISODateWithMs)
            : value.metaType().id() == QMetaType::QTime   ? value.toTime().toString(u"hh:mm:ss.zzz"_s)
                                                          : value.toString();
        return lib.bindText16(statement, index, text.unicode(), int(text.size() * sizeof(QChar)),
                              LibSqlite::kTransient);
    }
    }
}

struct SqliteDirect::Statement {
    void *handle = nullptr; // sqlite3_stmt*
    int parameters = 0;
};

SqliteDirect::SqliteDirect(const QSqlDatabase &database) {
    if (!LibSqlite::instance().ok() || !database.driver())
        return;
    const QVariant handle = database.driver()->handle();
    if (qstrcmp(handle.typeName(), "sqlite3*") == 0)
        mDatabase = *static_cast<void *const *>(handle.data());
}

SqliteDirect::~SqliteDirect() {
    for (Statement *statement : std::as_const(mStatements)) {
        LibSqlite::instance().finalize(statement->handle);
        delete statement;
    }
}

SqliteDirect::Statement *SqliteDirect::statement(const QString &sql, QString *error) {
    if (mLast && sql.constData() == mLastSql.constData() && sql.size() == mLastSql.size())
        return mLast;
    Statement *found = mStatements.value(sql);
    if (!found) {
        const LibSqlite &lib = LibSqlite::instance();
        void *handle = nullptr;
        const void *tail = nullptr;
        const int result = lib.prepare(mDatabase, sql.constData(), int(sql.size() * sizeof(QChar)),
                                       LibSqlite::kPreparePersistent, &handle, &tail);
        if (result != LibSqlite::kOk) {
            *error =
                describeError(mDatabase, "Unable to execute statement", QSqlError::StatementError, result);
            lib.finalize(handle);
            return nullptr;
        }
        found = new Statement{handle, lib.parameterCount(handle)};
        mStatements.insert(sql, found);
    }
    mLastSql = sql;
    mLast = found;
    return found;
}

bool SqliteDirect::execute(const QString &sql, const QVariant *values, qsizetype count, QString *error) {
    QString ignored;
    if (!error)
        error = &ignored;
    const LibSqlite &lib = LibSqlite::instance();
    Statement *s = statement(sql, error);
    if (!s)
        return false;
    if (count != s->parameters) {
        *error = DatabaseConnection::describe(
            QSqlError(QCoreApplication::translate("QSQLiteResult", "Parameter count mismatch"), QString(),
                      QSqlError::StatementError));
        return false;
    }
    if (qsizetype(mUtf8.size()) < count)
        mUtf8.resize(count);
    for (int i = 0; i < count; ++i) {
        const int result = bind(s->handle, i + 1, values[i]);
        if (result != LibSqlite::kOk) {
            *error = describeError(mDatabase, "Unable to bind parameters", QSqlError::StatementError, result);
            lib.clearBindings(s->handle);
            return false;
        }
    }
    int result = lib.step(s->handle);
    while (result == LibSqlite::kRow) // a statement that returns rows (none of ours) runs to its end
        result = lib.step(s->handle);
    bool ok = result == LibSqlite::kDone;
    if (!ok) {
        // As QSQLITE's fetchNext(): for SQLITE_ERROR the specific code comes from reset.
        if (result == LibSqlite::kError)
            result = lib.reset(s->handle);
        *error = describeError(mDatabase, "Unable to fetch row", QSqlError::ConnectionError, result);
    }
    // Reset frees the statement's locks. The bindings stay, pointing at texts that may be gone: every
    // execution binds every parameter again before stepping.
    lib.reset(s->handle);
    return ok;
}

qint64 SqliteDirect::lastInsertRowId() const {
    return LibSqlite::instance().lastInsertRowId(mDatabase);
}

qint64 SqliteDirect::changes() const {
    return LibSqlite::instance().changes(mDatabase);
}

} // namespace modeldesk
