#pragma once

#include "db/connectionurl.h"
#include "import/catalog.h"

#include <QObject>
#include <memory>

class QTimer;

namespace modeldesk {

// Reads a database's catalog for the import on a thread of its own, with a connection of its own (a
// QSqlDatabase may only be used by the thread that opened it), so that the window stays responsive while a
// slow server or thousands of tables are read. Cancel drops the answer; the thread ends by itself
// (QThreadPool::globalInstance()->waitForDone() waits for it).
class CatalogLoader : public QObject {
    Q_OBJECT

public:
    explicit CatalogLoader(QObject *parent = nullptr);
    ~CatalogLoader() override;

    void start(const ConnectionUrl &url);
    void cancel();
    bool isRunning() const { return bool(mRun); }

signals:
    void progress(int done, int total);
    void loaded(const modeldesk::DatabaseCatalog &catalog);
    void failed(const QString &error);

private:
    void poll();

    struct Run;
    std::shared_ptr<Run> mRun; // the read under way; shared with its thread
    QTimer *mPoll;
};

} // namespace modeldesk
