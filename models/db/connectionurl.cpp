#include "db/connectionurl.h"

#include <QCoreApplication>
#include <QUrl>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

bool fail(QString *error, const QString &message) {
    if (error)
        *error = message;
    return false;
}

// user:pass@host:port/db, split by hand rather than by QUrl so that a password holding '/', '#' or '?'
// (percent-encoded or not) never ends up in an error message or a mangled host.
bool parseServer(const QString &rest, ConnectionUrl &url, QString *error) {
    QString authority = rest;
    QString dbPart;
    const qsizetype slash = rest.lastIndexOf(u'/');
    const qsizetype at = rest.lastIndexOf(u'@');
    if (slash > at) {
        authority = rest.left(slash);
        dbPart = rest.mid(slash + 1);
    }
    const qsizetype query = dbPart.indexOf(u'?');
    if (query >= 0)
        dbPart.truncate(query); // Sequelize options such as ?ssl=true are not connection data
    url.database = QUrl::fromPercentEncoding(dbPart.toUtf8());

    QString hostPort = authority;
    const qsizetype userEnd = authority.lastIndexOf(u'@');
    if (userEnd >= 0) {
        const QString credentials = authority.left(userEnd);
        hostPort = authority.mid(userEnd + 1);
        const qsizetype colon = credentials.indexOf(u':');
        url.user = QUrl::fromPercentEncoding(credentials.left(colon).toUtf8());
        if (colon >= 0)
            url.password = QUrl::fromPercentEncoding(credentials.mid(colon + 1).toUtf8());
    }
    if (hostPort.startsWith(u'[')) { // IPv6 literal
        const qsizetype close = hostPort.indexOf(u']');
        if (close < 0)
            return fail(error, ConnectionUrl::tr("unterminated [ in the host"));
        url.host = hostPort.mid(1, close - 1);
        hostPort = hostPort.mid(close + 1);
        if (!hostPort.isEmpty() && !hostPort.startsWith(u':'))
            return fail(error, ConnectionUrl::tr("unexpected text after the host"));
        hostPort = hostPort.isEmpty() ? QString() : hostPort.mid(1);
        if (!hostPort.isEmpty()) {
            bool ok = false;
            url.port = hostPort.toInt(&ok);
            if (!ok || url.port <= 0 || url.port > 65535)
                return fail(error, ConnectionUrl::tr("the port must be a number from 1 to 65535"));
        }
    } else {
        const qsizetype colon = hostPort.lastIndexOf(u':');
        url.host = QUrl::fromPercentEncoding(hostPort.left(colon).toUtf8());
        if (colon >= 0) {
            bool ok = false;
            url.port = hostPort.mid(colon + 1).toInt(&ok);
            if (!ok || url.port <= 0 || url.port > 65535)
                return fail(error, ConnectionUrl::tr("the port must be a number from 1 to 65535"));
        }
    }
    if (url.host.isEmpty())
        url.host = u"localhost"_s;
    if (url.database.isEmpty())
        return fail(error, ConnectionUrl::tr("the URL names no database (…/DATABASE at the end)"));
    return true;
}

} // namespace

ConnectionUrl ConnectionUrl::file(const QString &path) {
    ConnectionUrl url;
    url.kind = SqlDialect::Kind::Sqlite;
    url.path = path;
    return url;
}

std::optional<ConnectionUrl> ConnectionUrl::parse(const QString &text, QString *error) {
    ConnectionUrl url;
    const qsizetype colon = text.indexOf(u':');
    if (colon <= 0) {
        fail(error, tr("\"%1\" is not a database URL; expected sqlite:PATH, sqlite::memory:, "
                       "postgres://USER@HOST:PORT/DB or mysql://USER@HOST:PORT/DB")
                        .arg(text.left(colon < 0 ? 40 : colon)));
        return std::nullopt;
    }
    const QString scheme = text.left(colon).toLower();
    QString rest = text.mid(colon + 1);
    if (scheme == u"sqlite"_s) {
        url.kind = SqlDialect::Kind::Sqlite;
        if (rest.startsWith(u"//"_s))
            rest = rest.mid(2); // sqlite://relative.db, sqlite:///absolute.db
        if (rest == u":memory:"_s || rest.isEmpty()) {
            url.memory = true;
        } else {
            const qsizetype query = rest.indexOf(u'?');
            url.path = QUrl::fromPercentEncoding((query >= 0 ? rest.left(query) : rest).toUtf8());
        }
        return url;
    }
    if (scheme == u"postgres"_s || scheme == u"postgresql"_s)
        url.kind = SqlDialect::Kind::Postgres;
    else if (scheme == u"mysql"_s || scheme == u"mariadb"_s)
        url.kind = SqlDialect::Kind::MySql;
    else {
        fail(error, tr("unknown database kind \"%1\" (use sqlite, postgres or mysql/mariadb)").arg(scheme));
        return std::nullopt;
    }
    if (!rest.startsWith(u"//"_s)) {
        fail(error, tr("a %1 URL looks like %1://USER:PASSWORD@HOST:PORT/DATABASE").arg(scheme));
        return std::nullopt;
    }
    if (!parseServer(rest.mid(2), url, error))
        return std::nullopt;
    if (url.password.isEmpty())
        url.password = qEnvironmentVariable(kPasswordVariable);
    return url;
}

QString ConnectionUrl::displayString() const {
    if (kind == SqlDialect::Kind::Sqlite)
        return memory ? u"sqlite::memory:"_s : u"sqlite:"_s + path;
    QString text = dialect().name() + u"://"_s;
    if (!user.isEmpty()) {
        text += QString::fromUtf8(QUrl::toPercentEncoding(user));
        if (!password.isEmpty())
            text += u":***"_s;
        text += u'@';
    }
    text += host.contains(u':') ? u'[' + host + u']' : host;
    if (port > 0)
        text += u':' + QString::number(port);
    return text + u'/' + QString::fromUtf8(QUrl::toPercentEncoding(database));
}

} // namespace modeldesk
