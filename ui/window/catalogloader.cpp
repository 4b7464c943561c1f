#include "window/catalogloader.h"

#include "db/databasecatalogreader.h"
#include "db/databaseconnection.h"

#include <QThreadPool>
#include <QTimer>
#include <atomic>
#include <utility>

namespace modeldesk {

// What one read shares with its thread. The thread writes the outcome and then sets `finished`; the window's
// thread looks at it on a timer. Nothing of Qt's crosses between the two, so a loader (or its dialog) may go
// away while a read still waits on a slow server: the thread ends on its own, and the application waits for
// it on exit (the global thread pool).
struct CatalogLoader::Run {
    std::atomic<bool> cancelled = false;
    std::atomic<bool> finished = false;
    std::atomic<int> done = 0; // tables read so far, of total (0 of 0 until the reader knows)
    std::atomic<int> total = 0;
    std::optional<DatabaseCatalog> catalog; // written by the thread before `finished`
    QString error;
};

CatalogLoader::CatalogLoader(QObject *parent)
    : QObject(parent)
    , mPoll(new QTimer(this)) {
    mPoll->setInterval(50);
    connect(mPoll, &QTimer::timeout, this, &CatalogLoader::poll);
}

CatalogLoader::~CatalogLoader() {
    cancel();
}

void CatalogLoader::start(const ConnectionUrl &url) {
    cancel();
    auto run = std::make_shared<Run>();
    mRun = run;
    QThreadPool::globalInstance()->start([run, url] {
        // A connection of the thread's own: a QSqlDatabase is used only by the thread that opened it.
        DatabaseConnection connection(url);
        connection.setReadOnly(true);
        if (connection.open(&run->error)) {
            DatabaseCatalogReader::Options options;
            options.progress = [run](int done, int total) {
                run->done = done;
                run->total = total;
                return !run->cancelled;
            };
            DatabaseCatalogReader reader(connection);
            run->catalog = reader.read(options, &run->error);
        }
        run->finished = true;
    });
    mPoll->start();
}

void CatalogLoader::poll() {
    if (!mRun)
        return;
    emit progress(mRun->done, mRun->total);
    if (!mRun->finished)
        return;
    const std::shared_ptr<Run> run = std::exchange(mRun, nullptr);
    mPoll->stop();
    if (run->catalog)
        emit loaded(*run->catalog);
    else
        emit failed(run->error);
}

void CatalogLoader::cancel() {
    if (mRun)
        mRun->cancelled = true;
    mRun.reset();
    mPoll->stop();
}

} // namespace modeldesk
