#pragma once

#include "project/project.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace modeldesk {

// One file of unsaved work that AutoSaver wrote. It is a single file, written atomically: a one-line header
// (what it recovers: the original path, the name shown for it, when it was written and by which process)
// followed by the project exactly as a .modeldesk file holds it. While its process runs, a QLockFile beside
// it is held; a recovery file whose lock can be taken belongs to a process that is gone, which is what
// orphans() lists at the next start.
struct RecoveryFile {
    Q_DECLARE_TR_FUNCTIONS(RecoveryFile)

public:
    static constexpr const char *kSuffix = ".mdrecovery";

    QString path;         // the recovery file itself
    QString originalPath; // the project file it belongs to; empty for a design never saved
    QString displayName;  // the title it had ("Untitled", "shop example", "big.modeldesk")
    QDateTime savedAt;
    qint64 pid = 0;

    // AppDataLocation/recovery (created on demand).
    static QString directory();
    // Recovery files whose process is no longer running, oldest first. Stale lock files without a
    // recovery file are removed on the way.
    static QList<RecoveryFile> orphans(const QString &directory = RecoveryFile::directory());

    // The bytes of a recovery file for `project`, with this value's header fields.
    QByteArray encode(const Project &project) const;
    // Reads the header of `path`; nullopt (with *error) when it is not a recovery file.
    static std::optional<RecoveryFile> readHeader(const QString &path, QString *error);
    // The project it holds.
    std::optional<Project> load(QString *error) const;
    // Deletes the file (and a lock left by a dead process). True when nothing is left behind.
    bool remove() const;
    QString lockPath() const;
};

} // namespace modeldesk
