#include "document/autosaver.h"

#include "document/document.h"
#include "project/recoveryfile.h"
#include "project/wholefile.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <chrono>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

// However often the user edits, unsaved work is written at the latest this many intervals after the first
// unsaved edit.
constexpr int kMaxDelayIntervals = 4;

QString nextRecoveryPath() {
    static QAtomicInt counter;
    const QString name =
        u"%1-%2"_s.arg(QCoreApplication::applicationPid()).arg(counter.fetchAndAddRelaxed(1) + 1);
    return QDir(RecoveryFile::directory()).filePath(name + QString::fromLatin1(RecoveryFile::kSuffix));
}

} // namespace

int AutoSaver::defaultInterval() {
    bool ok = false;
    const int fromEnvironment = qEnvironmentVariableIntValue("MODELDESK_AUTOSAVE_MS", &ok);
    return ok && fromEnvironment >= 0 ? fromEnvironment : kDefaultInterval;
}

AutoSaver::AutoSaver(Document *document, QObject *parent)
    : AutoSaver(document, defaultInterval(), parent) {
}

AutoSaver::AutoSaver(Document *document, int interval, QObject *parent)
    : QObject(parent)
    , mDocument(document)
    , mInterval(std::max(0, interval))
    , mPath(nextRecoveryPath())
    , mClock([] {
        using namespace std::chrono;
        return qint64(duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count());
    })
    , mLinkCount(document->schema().links.size()) {
    mWriter.setMaxThreadCount(1);
    mTimer.setSingleShot(true);
    connect(&mTimer, &QTimer::timeout, this, &AutoSaver::write);
    connect(document, &Document::schemaChanged, this, &AutoSaver::edited);
    connect(document, &Document::positionChanged, this, &AutoSaver::edited);
    connect(document, &Document::positionsChanged, this, &AutoSaver::edited);
    connect(document, &Document::modelInserted, this, &AutoSaver::structuralEdit);
    connect(document, &Document::modelRemoved, this, &AutoSaver::structuralEdit);
    connect(document, &Document::linksChanged, this, &AutoSaver::onLinksChanged);
    connect(document, &Document::modifiedChanged, this, [this](bool modified) {
        if (modified)
            edited();
        else
            discard(); // saved, or undone back to the saved state: nothing to recover
    });
    connect(document, &Document::resetDone, this, [this] {
        // New or Open: whatever was unsaved before was saved or thrown away by the user's choice.
        discard();
        mLinkCount = mDocument->schema().links.size();
    });
}

AutoSaver::~AutoSaver() {
    // A normal end (the user saved, or chose to discard): no recovery next time. A crash never gets here.
    discard();
}

void AutoSaver::setInterval(int milliseconds) {
    mInterval = std::max(0, milliseconds);
    if (!isEnabled())
        mTimer.stop();
}

bool AutoSaver::hasRecoveryFile() const {
    return QFile::exists(mPath);
}

void AutoSaver::edited() {
    if (!isEnabled())
        return;
    if (mTimer.isActive() && mTimer.interval() == 0)
        return; // a structural write is already due
    if (!mTimer.isActive() || mPendingSince < 0)
        mPendingSince = mClock();
    const qint64 left = qint64(kMaxDelayIntervals) * mInterval - (mClock() - mPendingSince);
    mTimer.start(int(std::clamp<qint64>(left, 0, mInterval)));
}

void AutoSaver::structuralEdit() {
    if (!isEnabled())
        return;
    if (mPendingSince < 0)
        mPendingSince = mClock();
    mTimer.start(0);
}

void AutoSaver::onLinksChanged() {
    const qsizetype count = mDocument->schema().links.size();
    if (count != mLinkCount) {
        mLinkCount = count;
        structuralEdit();
    } else {
        edited();
    }
}

bool AutoSaver::runScheduledWrite() {
    if (!mTimer.isActive())
        return false;
    write();
    mWriter.waitForDone();
    return true;
}

QString AutoSaver::failure(const QString &reason) const {
    return tr("Cannot write the recovery file %1: %2").arg(QDir::toNativeSeparators(mPath), reason);
}

bool AutoSaver::prepare(QString *error) {
    if (!QDir().mkpath(RecoveryFile::directory())) {
        *error = failure(tr("cannot create its folder"));
        return false;
    }
    if (!mLock) {
        // Held for as long as the file exists, so that another ModelDesk never offers to recover work that
        // is still open here.
        auto lock = std::make_unique<QLockFile>(mPath + u".lock"_s);
        lock->setStaleLockTime(0);
        if (!lock->tryLock(0)) {
            *error = failure(tr("its lock is held by another process"));
            return false;
        }
        mLock = std::move(lock);
    }
    return true;
}

RecoveryFile AutoSaver::recoveryHeader() const {
    RecoveryFile header;
    header.path = mPath;
    header.originalPath = mDocument->filePath();
    header.displayName = mDocument->displayName();
    header.savedAt = QDateTime::currentDateTimeUtc();
    header.pid = QCoreApplication::applicationPid();
    return header;
}

// The timer's write: the project is copied here and written on the writer's thread.
void AutoSaver::write() {
    mTimer.stop();
    mPendingSince = -1;
    if (!isEnabled())
        return;
    if (!mDocument->isModified())
        return discard();
    QString error;
    if (!prepare(&error))
        return emit saveFailed(error);
    const RecoveryFile header = recoveryHeader();
    const Project project = mDocument->project();
    const int generation = mGeneration;
    mWriter.start([this, header, project, generation] {
        QString reason;
        const bool ok = writeWholeFile(header.path, header.encode(project), &reason);
        // Back on the window's thread; discard() and the destructor wait for this thread first, so `this`
        // is alive when the call is posted (and a posted call dies with its object).
        QMetaObject::invokeMethod(
            this,
            [this, ok, reason, generation] {
                if (generation != mGeneration)
                    return; // discarded since: the file is gone on purpose
                if (ok)
                    emit saved(mPath);
                else
                    emit saveFailed(failure(reason));
            },
            Qt::QueuedConnection);
    });
}

bool AutoSaver::saveNow(QString *error) {
    mTimer.stop();
    mPendingSince = -1;
    mWriter.waitForDone(); // a write under way lands first
    if (!isEnabled())
        return true;
    if (!mDocument->isModified()) {
        discard();
        return true;
    }
    QString failed;
    if (!prepare(&failed)) {
        if (error)
            *error = failed;
        return false;
    }
    const RecoveryFile header = recoveryHeader();
    const QByteArray bytes = header.encode(mDocument->project());
    QString reason;
    if (!writeWholeFile(mPath, bytes, &reason)) {
        if (error)
            *error = failure(reason);
        return false;
    }
    emit saved(mPath);
    return true;
}

void AutoSaver::discard() {
    mTimer.stop();
    mPendingSince = -1;
    mWriter.waitForDone(); // else a write under way would bring the file back
    ++mGeneration;
    if (QFile::exists(mPath))
        QFile::remove(mPath);
    mLock.reset(); // unlocking removes the lock file
}

} // namespace modeldesk
