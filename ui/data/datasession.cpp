#include "data/datasession.h"

namespace modeldesk {

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
