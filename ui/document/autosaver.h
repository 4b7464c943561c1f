#pragma once

#include <QLockFile>
#include <QObject>
#include <QThreadPool>
#include <QTimer>
#include <functional>
#include <memory>

namespace modeldesk {

class Document;
struct RecoveryFile;

// Never lose work: writes the open document's unsaved state to a recovery file (RecoveryFile) in the
// background. Edits are written a moment after they stop (debounced, but never later than a few intervals
// after the first unsaved edit, however busy the user is), structural ones (a model or link added or
// removed) at once, on the next turn of the event loop so that a compound edit lands as one write. The file
// goes away when the document has nothing unsaved: after a save, New, Open, undoing back to the saved state,
// and a normal close. Writes go through QSaveFile, so a crash mid-write leaves the previous recovery intact.
// A scheduled write serialises and writes the project on a thread of its own (the project is copied, which
// shares its data), so the window never waits for it; saved() comes back on the window's thread.
class AutoSaver : public QObject {
    Q_OBJECT

public:
    // `interval` in milliseconds; 0 turns autosave off. The default comes from MODELDESK_AUTOSAVE_MS when
    // set (tests use short ones), otherwise kDefaultInterval.
    static constexpr int kDefaultInterval = 2000;
    static int defaultInterval();

    explicit AutoSaver(Document *document, QObject *parent = nullptr);
    explicit AutoSaver(Document *document, int interval, QObject *parent = nullptr);
    ~AutoSaver() override;

    int interval() const { return mInterval; }
    void setInterval(int milliseconds);
    bool isEnabled() const { return mInterval > 0; }
    // Milliseconds on a monotonic clock, for "a few intervals after the first unsaved edit"; a steady clock
    // unless set (tests set one they advance by hand).
    using Clock = std::function<qint64()>;
    void setClock(Clock clock) { mClock = std::move(clock); }
    // The delay in milliseconds the pending write was scheduled with at the last edit (0: on the next turn of
    // the event loop), or -1 when no write is pending.
    int scheduledDelay() const { return mTimer.isActive() ? mTimer.interval() : -1; }
    // Does now what the pending write's timer would do when it fires, and waits until the file is written;
    // false when no write is scheduled.
    bool runScheduledWrite();

    // Where this document's unsaved work goes: RecoveryFile::directory()/<pid>-<n>.mdrecovery.
    QString recoveryPath() const { return mPath; }
    bool hasRecoveryFile() const;
    // Writes now, on this thread, when there is unsaved work (else removes the file). Returns false with
    // *error on failure.
    bool saveNow(QString *error = nullptr);
    // Removes the recovery file (the work is saved or deliberately thrown away).
    void discard();

signals:
    void saved(const QString &path);
    void saveFailed(const QString &error);

private:
    void edited();
    void structuralEdit();
    void onLinksChanged();
    void write();
    // Creates the folder and takes the lock; false with *error when it cannot.
    bool prepare(QString *error);
    QString failure(const QString &reason) const;
    RecoveryFile recoveryHeader() const;

    Document *mDocument;
    int mInterval;
    QString mPath;
    std::unique_ptr<QLockFile> mLock;
    QTimer mTimer;
    Clock mClock;
    qint64 mPendingSince = -1; // mClock() at the first edit not written yet; -1 when everything is written
    qsizetype mLinkCount = 0;
    QThreadPool mWriter; // one thread: writes land in the order they were made
    int mGeneration = 0; // bumped by discard(): a write made before it reports nothing
};

} // namespace modeldesk
