#include "project/recoveryfile.h"

#include "project/projectfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QStandardPaths>

#include <algorithm>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

// The first line of every recovery file, followed by a space and the header as one line of JSON.
constexpr QByteArrayView kMagic = "ModelDesk-recovery 1";
// A header is short; reading more than this before the first newline means it is not ours.
constexpr qint64 kMaxHeader = 64 * 1024;

// Splits a recovery file into its header object and the project bytes.
bool split(const QByteArray &bytes, QJsonObject *header, QByteArray *project, QString *error) {
    const qsizetype newline = bytes.indexOf('\n');
    if (!bytes.startsWith(kMagic) || newline < 0 || newline > kMaxHeader) {
        if (error)
            *error = RecoveryFile::tr("not a ModelDesk recovery file");
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument json =
        QJsonDocument::fromJson(bytes.mid(kMagic.size(), newline - kMagic.size()).trimmed(), &parseError);
    if (!json.isObject()) {
        if (error)
            *error = RecoveryFile::tr("damaged recovery header: %1").arg(parseError.errorString());
        return false;
    }
    *header = json.object();
    if (project)
        *project = bytes.mid(newline + 1);
    return true;
}

} // namespace

QString RecoveryFile::directory() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(u"recovery"_s);
}

QString RecoveryFile::lockPath() const {
    return path + u".lock"_s;
}

QList<RecoveryFile> RecoveryFile::orphans(const QString &directory) {
    QList<RecoveryFile> found;
    const QDir dir(directory);
    const QString pattern = u"*"_s + QString::fromLatin1(kSuffix);
    for (const QFileInfo &info : dir.entryInfoList({pattern}, QDir::Files, QDir::Name)) {
        RecoveryFile candidate;
        candidate.path = info.absoluteFilePath();
        // The lock of a running ModelDesk cannot be taken: that file is someone's live work. A lock of a
        // process that died is stale, and tryLock() takes it over. Age alone never makes a lock stale
        // (setStaleLockTime(0)): a session may run for days.
        QLockFile lock(candidate.lockPath());
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0))
            continue;
        lock.unlock();
        QString error;
        if (auto header = readHeader(candidate.path, &error))
            found.append(*header);
    }
    // Locks whose recovery file is gone (a crash between the two removals): clear those of dead processes.
    for (const QFileInfo &info : dir.entryInfoList({pattern + u".lock"_s}, QDir::Files)) {
        const QString recovery = info.absoluteFilePath().chopped(5);
        if (QFileInfo::exists(recovery))
            continue;
        QLockFile lock(info.absoluteFilePath());
        lock.setStaleLockTime(0);
        if (lock.tryLock(0))
            lock.unlock(); // removes the file
    }
    std::sort(found.begin(), found.end(),
              [](const RecoveryFile &a, const RecoveryFile &b) { return a.savedAt < b.savedAt; });
    return found;
}

QByteArray RecoveryFile::encode(const Project &project) const {
    QJsonObject header{
        {u"original"_s, originalPath},
        {u"displayName"_s, displayName},
        {u"savedAt"_s, savedAt.toUTC().toString(Qt::ISODateWithMs)},
        {u"pid"_s, pid},
    };
    return kMagic.toByteArray() + ' ' + QJsonDocument(header).toJson(QJsonDocument::Compact) + '\n' +
           ProjectFile::serialize(project);
}

std::optional<RecoveryFile> RecoveryFile::readHeader(const QString &path, QString *error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = u"%1: %2"_s.arg(QDir::toNativeSeparators(path), file.errorString());
        return std::nullopt;
    }
    QJsonObject header;
    if (!split(file.read(kMaxHeader), &header, nullptr, error))
        return std::nullopt;
    RecoveryFile result;
    result.path = QFileInfo(path).absoluteFilePath();
    result.originalPath = header.value(u"original"_s).toString();
    result.displayName = header.value(u"displayName"_s).toString();
    result.savedAt = QDateTime::fromString(header.value(u"savedAt"_s).toString(), Qt::ISODateWithMs);
    result.pid = header.value(u"pid"_s).toInteger();
    if (!result.savedAt.isValid())
        result.savedAt = QFileInfo(path).lastModified();
    return result;
}

std::optional<Project> RecoveryFile::load(QString *error) const {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = u"%1: %2"_s.arg(QDir::toNativeSeparators(path), file.errorString());
        return std::nullopt;
    }
    QJsonObject header;
    QByteArray project;
    if (!split(file.readAll(), &header, &project, error))
        return std::nullopt;
    QString problem;
    auto parsed = ProjectFile::parse(project, &problem);
    if (!parsed && error)
        *error =
            tr("%1: the recovered project cannot be read: %2").arg(QDir::toNativeSeparators(path), problem);
    return parsed;
}

bool RecoveryFile::remove() const {
    const bool removed = !QFileInfo::exists(path) || QFile::remove(path);
    QLockFile lock(lockPath());
    lock.setStaleLockTime(0);
    if (lock.tryLock(0))
        lock.unlock(); // a dead process's lock; a live one's is left to its owner
    return removed;
}

} // namespace modeldesk
