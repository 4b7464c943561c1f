#include "project/wholefile.h"

#include <QSaveFile>

namespace modeldesk {

bool writeWholeFile(const QString &path, const QByteArray &contents, QString *reason, bool *opened) {
    QSaveFile file(path);
    const bool open = file.open(QIODevice::WriteOnly);
    if (opened)
        *opened = open;
    if (!open) {
        if (reason)
            *reason = file.errorString();
        return false;
    }
    if (file.write(contents) != contents.size()) {
        if (reason)
            *reason = file.errorString();
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        if (reason)
            *reason = file.errorString();
        return false;
    }
    return true;
}

} // namespace modeldesk
