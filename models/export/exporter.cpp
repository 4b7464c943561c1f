#include "export/exporter.h"

#include "project/wholefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

bool fail(QString *error, const QString &message) {
    if (error)
        *error = message;
    return false;
}

// Generated paths are ours, but a path that could leave the target directory must never be written.
bool isSafeRelativePath(const QString &path) {
    if (path.isEmpty() || QDir::isAbsolutePath(path) || path.contains(u'\\'))
        return false;
    const QStringList parts = path.split(u'/');
    for (const QString &part : parts)
        if (part.isEmpty() || part == u"."_s || part == u".."_s)
            return false;
    return true;
}

} // namespace

bool Exporter::write(const Project &project, const ExportOptions &options, const QString &target,
                     QString *error) const {
    const auto files = render(project, options, error);
    return files && writeFiles(*files, target, error);
}

bool Exporter::writeFiles(const ExportFiles &files, const QString &target, QString *error) {
    if (target.isEmpty())
        return fail(error, tr("no output path given"));
    for (const ExportFile &file : files) {
        QString path = target;
        if (!file.path.isEmpty()) {
            if (!isSafeRelativePath(file.path))
                return fail(error, tr("%1: refusing to write outside the output directory").arg(file.path));
            path = QDir(target).filePath(file.path);
        }
        const QString directory = QFileInfo(path).absolutePath();
        if (!QDir().mkpath(directory))
            return fail(error,
                        tr("%1: cannot create the directory").arg(QDir::toNativeSeparators(directory)));
        if (QFileInfo(path).isDir())
            return fail(error, tr("%1: is a directory, expected a file").arg(QDir::toNativeSeparators(path)));
        if (!writeFile(path, file.contents, error))
            return false;
    }
    return true;
}

bool Exporter::writeFile(const QString &path, const QByteArray &contents, QString *error) {
    QString reason;
    if (!writeWholeFile(path, contents, &reason))
        return fail(error, u"%1: %2"_s.arg(QDir::toNativeSeparators(path), reason));
    return true;
}

} // namespace modeldesk
