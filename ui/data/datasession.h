#pragma once

#include "db/connectionurl.h"
#include "db/databaseconnection.h"
#include "db/schemasync.h"
#include "records/recordbrowser.h"
#include "records/recordstore.h"

#include <memory>

namespace modeldesk {

// One connection of the data mode to one database for one version of the design: the connection, the save
// controller and the record browser, which all refer to a schema this session keeps a copy of (so a design
// edit cannot pull it from under them; the page starts a new session instead).
class DataSession {
public:
    DataSession(const Schema &schema, const ConnectionUrl &url);
    ~DataSession();

    bool open(QString *error);
    // Where the data lives, without the password, a file in the home folder as "~/…": for the status bar.
    QString where() const;
    static QString describe(const ConnectionUrl &url);
    const ConnectionUrl &url() const { return mUrl; }
    const Schema &schema() const { return mSchema; }
    const ResolvedSchema &resolved() const { return mController->resolvedSchema(); }
    RecordStore &controller() { return *mController; }
    RecordBrowser &browser() { return *mBrowser; }
    SchemaSync &sync() { return *mSync; }

private:
    Schema mSchema;
    ConnectionUrl mUrl;
    std::unique_ptr<DatabaseConnection> mConnection;
    std::unique_ptr<RecordStore> mController;
    std::unique_ptr<RecordBrowser> mBrowser;
    std::unique_ptr<SchemaSync> mSync;
};

} // namespace modeldesk
