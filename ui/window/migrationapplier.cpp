#include "window/migrationapplier.h"

#include "db/databaseconnection.h"
#include "db/migrationrunner.h"

#include <QThreadPool>
#include <QTimer>
#include <atomic>
#include <utility>

namespace modeldesk {

// What one migration shares with its thread: the thread writes the outcome, then sets `finished`; the
// window's thread reads it on a timer, so no Qt object crosses between them.
struct MigrationApplier::Run {
    std::atomic<bool> stopRequested = false;
    std::atomic<bool> finished = false;
    std::atomic<int> done = 0;
    std::atomic<int> total = 0;
    QString error; // written by the thread before `finished`
    bool stopped = false;
};

MigrationApplier::MigrationApplier(QObject *parent)
    : QObject(parent)
    , mPoll(new QTimer(this)) {
    mPoll->setInterval(50);
    connect(mPoll, &QTimer::timeout, this, &MigrationApplier::poll);
}

MigrationApplier::~MigrationApplier() {
    // The migration is not abandoned halfway: the thread finishes (or rolls back) on its own, and the
    // application waits for it on exit (the global thread pool).
    mRun.reset();
}

void MigrationApplier::start(const ConnectionUrl &url, const MigrationPlan &plan, const QString &backupPath) {
    auto run = std::make_shared<Run>();
    mRun = run;
    QThreadPool::globalInstance()->start([run, url, plan, backupPath] {
        DatabaseConnection connection(url);
        if (connection.open(&run->error) &&
            (backupPath.isEmpty() || connection.copySqliteFileTo(backupPath, &run->error))) {
            MigrationRunner runner(connection);
            runner.setProgress([run](int done, int total) {
                run->done = done;
                run->total = total;
                return !run->stopRequested;
            });
            if (!runner.apply(plan, &run->error))
                run->stopped = runner.wasStopped();
        }
        run->finished = true;
    });
    mPoll->start();
}

void MigrationApplier::stop() {
    if (mRun)
        mRun->stopRequested = true;
}

void MigrationApplier::poll() {
    if (!mRun)
        return;
    emit progress(mRun->done, mRun->total);
    if (!mRun->finished)
        return;
    const std::shared_ptr<Run> run = std::exchange(mRun, nullptr);
    mPoll->stop();
    emit finished(run->error, run->stopped);
}

} // namespace modeldesk
