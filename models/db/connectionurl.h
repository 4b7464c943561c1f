#pragma once

#include "sql/sqldialect.h"

#include <QCoreApplication>
#include <QString>
#include <optional>

namespace modeldesk {

// A database address as Sequelize writes it: `sqlite:PATH`, `sqlite::memory:`,
// `postgres://user:pass@host:port/db` (also postgresql://), `mysql://...` / `mariadb://...`.
// The password may instead come from MODELDESK_DB_PASSWORD; displayString() never shows it, so a URL can be
// printed or logged safely.
struct ConnectionUrl {
    Q_DECLARE_TR_FUNCTIONS(ConnectionUrl)

public:
    static constexpr const char *kPasswordVariable = "MODELDESK_DB_PASSWORD";

    SqlDialect::Kind kind = SqlDialect::Kind::Sqlite;
    QString path; // SQLite: the database file (as given, relative or absolute); empty with memory
    bool memory = false;
    QString host;
    int port = -1;
    QString database;
    QString user;
    QString password;

    // Parses and percent-decodes `text`. A server URL without a password takes MODELDESK_DB_PASSWORD when
    // set. On failure returns nullopt and sets *error (which never contains the password).
    static std::optional<ConnectionUrl> parse(const QString &text, QString *error = nullptr);

    // The address of the SQLite database file `path`.
    static ConnectionUrl file(const QString &path);

    SqlDialect dialect() const { return SqlDialect(kind); }
    bool isFile() const { return dialect().isFileBased(); }
    // The URL with the password replaced by "***" (or left out when there is none).
    QString displayString() const;
};

} // namespace modeldesk
