#pragma once

#include "db/connectionurl.h"
#include "migrate/schemadiff.h"

#include <QObject>
#include <memory>

class QTimer;

namespace modeldesk {

// Applies a MigrationPlan to a database on a thread of its own, with a connection of its own (a QSqlDatabase
// is used only by the thread that opened it), so the window stays responsive and shows progress while a large
// table is rebuilt. An SQLite database is first copied beside itself (MigrationRunner::backupPath). Stop asks
// the runner to stop before its next statement; on SQLite and PostgreSQL that rolls everything back.
class MigrationApplier : public QObject {
    Q_OBJECT

public:
    explicit MigrationApplier(QObject *parent = nullptr);
    ~MigrationApplier() override;

    // `backupPath`: where the SQLite copy goes; empty for a server (no copy).
    void start(const ConnectionUrl &url, const MigrationPlan &plan, const QString &backupPath);
    void stop();
    bool isRunning() const { return bool(mRun); }

signals:
    // Statements run so far, of total (0 of 0 while the copy is written).
    void progress(int done, int total);
    // `error` is empty when the migration was applied; `stopped` when Stop ended it.
    void finished(const QString &error, bool stopped);

private:
    void poll();

    struct Run;
    std::shared_ptr<Run> mRun; // the migration under way; shared with its thread
    QTimer *mPoll;
};

} // namespace modeldesk
