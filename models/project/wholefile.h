#pragma once

#include <QByteArray>
#include <QString>

namespace modeldesk {

// Writes `contents` to `path` through QSaveFile: the old file stays intact unless the new one is complete (a
// short write is cancelled, not committed). The one way ModelDesk writes a file: projects, exports, images
// and the recovery file. On failure returns false with the system's reason in *reason, and *opened saying
// whether the file could be opened at all (so a caller can tell "cannot write" from "cannot save").
bool writeWholeFile(const QString &path, const QByteArray &contents, QString *reason, bool *opened = nullptr);

} // namespace modeldesk
