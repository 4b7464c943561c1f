#include "data/datasession.h"

#include <QDir>

namespace modeldesk {

using namespace Qt::StringLiterals;

QString DataSession::where() const {
    return describe(mUrl);
}

QString DataSession::describe(const ConnectionUrl &url) {
    const QString shown = url.displayString();
    const QString home = QDir::homePath();
    const QString sqliteHome = u"sqlite:"_s + home + u'/';
    if (home.size() > 1 && shown.startsWith(sqliteHome))
        return u"sqlite:~/"_s + shown.mid(sqliteHome.size());
    return shown;
}

DataSession::DataSession(const Schema &schema, const ConnectionUrl &url)
    : mSchema(schema)
    , mUrl(url)
    , mConnection(std::make_unique<DatabaseConnection>(url))
    , mController(std::make_unique<RecordStore>(mSchema, *mConnection))
    , mBrowser(std::make_unique<RecordBrowser>(mController->resolvedSchema(), *mConnection))
    , mSync(std::make_unique<SchemaSync>(mSchema, *mConnection)) {
}

DataSession::~DataSession() {
    // The helpers refer to the connection; drop them first.
    mSync.reset();
    mBrowser.reset();
    mController.reset();
    mConnection.reset();
}

bool DataSession::open(QString *error) {
    return mConnection->open(error);
}

} // namespace modeldesk
