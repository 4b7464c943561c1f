#pragma once

#include "schema/resolvedschema.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace modeldesk {

// Everything that differs between the SQL engines ModelDesk speaks: identifier quoting, the column types
// Sequelize 6 uses for each DataType, literals for DDL defaults, and the Qt SQL driver. The single place
// where dialect knowledge lives; the DDL generator and the save controller both ask it.
class SqlDialect {
public:
    enum class Kind { Sqlite, Postgres, MySql };

    SqlDialect() = default; // SQLite
    explicit SqlDialect(Kind kind)
        : mKind(kind) {}
    // "sqlite", "postgres"/"postgresql", "mysql"/"mariadb".
    static std::optional<SqlDialect> fromName(const QString &name);
    static QStringList names() {
        return {QStringLiteral("sqlite"), QStringLiteral("postgres"), QStringLiteral("mysql")};
    }

    // Every dialect, in the order menus list them.
    static QList<SqlDialect> all() {
        return {SqlDialect(Kind::Sqlite), SqlDialect(Kind::Postgres), SqlDialect(Kind::MySql)};
    }

    Kind kind() const { return mKind; }
    QString name() const;
    // For people: "SQLite", "PostgreSQL", "MySQL / MariaDB".
    QString title() const;
    QString qtDriver() const;
    // True for an engine whose database is a local file (SQLite), not a server.
    bool isFileBased() const { return mKind == Kind::Sqlite; }
    // The server's usual TCP port; 0 for a file-based engine.
    int defaultPort() const;

    // Quotes an identifier, doubling any quote character inside it: `a``b` / "a""b".
    QString quote(const QString &identifier) const;
    // A string literal for DDL only (defaults, comments); data values are always bound, never inlined.
    QString stringLiteral(const QString &text) const;
    // A PostgreSQL dollar-quote tag, `first` or `$md1$`, `$md2$`…, that does not occur in `body`: a name or
    // enum value containing the tag must not end a DO block early.
    static QString dollarQuoteTag(const QString &body, const QString &first = QStringLiteral("$$"));
    // `text` for a "--" comment: control characters and line separators (which would end the comment and
    // start a statement) become spaces.
    static QString commentText(const QString &text);

    // The column type Sequelize 6 emits, e.g. VARCHAR(255), TIMESTAMP WITH TIME ZONE, TINYINT(1), SERIAL.
    QString columnType(const Table &table, const Column &column) const;
    // Name of the PostgreSQL enum type Sequelize creates for an ENUM column: enum_<table>_<column>.
    static QString enumTypeName(const Table &table, const Column &column);
    // The DEFAULT clause value for a column's default, or empty when the database keeps no default
    // (e.g. UUIDV4, which the save controller generates).
    QString defaultLiteral(const Column &column) const;

    // What the engine can do, so that code above sql/ and db/ asks instead of branching on the kind.
    // INSERT ... RETURNING hands the generated key back with the insert itself (PostgreSQL); elsewhere the
    // driver's last insert id is read.
    bool supportsReturning() const { return mKind == Kind::Postgres; }
    // A chain of inserts as one data-modifying CTE (WITH s0 AS (INSERT ... RETURNING ...) ...): PostgreSQL.
    bool supportsInsertChain() const { return mKind == Kind::Postgres; }
    // The tail of an INSERT that lists no column: " DEFAULT VALUES", or MySQL's " () VALUES ()".
    QString emptyInsertValues() const;
    // A condition matching `quotedColumn` (of any type) against one bound LIKE pattern, case-insensitively,
    // with `escape` as the pattern's escape character.
    QString caseInsensitiveLike(const QString &quotedColumn, QChar escape) const;
    // A timestamp as a DATE column (as Sequelize creates it) stores it: MySQL's DATETIME keeps whole seconds.
    QDateTime storedTimestamp(const QDateTime &timestamp) const;

    // What schema sync can do on the engine.
    // DDL inside a transaction that a rollback undoes (PostgreSQL, SQLite); MySQL commits each DDL statement.
    bool transactionalDdl() const { return mKind != Kind::MySql; }
    // ALTER TABLE changes an existing column's NOT NULL and DEFAULT in place; SQLite can only rebuild the
    // table.
    bool altersColumnConstraints() const { return mKind != Kind::Sqlite; }
    // ADD COLUMN with a default such as CURRENT_TIMESTAMP fills it into existing rows; SQLite refuses such a
    // column on a table that has rows ("Cannot add a column with non-constant default").
    bool addsExpressionDefaultToRows() const { return mKind != Kind::Sqlite; }

    friend bool operator==(const SqlDialect &, const SqlDialect &) = default;

private:
    Kind mKind = Kind::Sqlite;
};

} // namespace modeldesk
