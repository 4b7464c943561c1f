// SequelizeCodeImport::read(): runs the built-in loader with Node on the user's code.
#include "import/sequelizecode.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

bool fail(QString *error, const QString &message) {
    if (error)
        *error = message;
    return false;
}

QByteArray readAll(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The last lines of what Node printed on stderr: enough to show why it stopped.
QString tail(const QByteArray &text) {
    QStringList lines = QString::fromUtf8(text).trimmed().split(u'\n');
    if (lines.size() > 8)
        lines = lines.mid(lines.size() - 8);
    return lines.join(u'\n');
}

} // namespace

std::optional<ImportResult> SequelizeCodeImport::read(const QString &path, const Options &options,
                                                      QString *error, QByteArray *console) {
    const QFileInfo info(path);
    if (!info.exists()) {
        fail(error, tr("%1 does not exist").arg(QDir::toNativeSeparators(path)));
        return std::nullopt;
    }
    QTemporaryDir work;
    const QString loader = work.filePath(u"read-sequelize-models.js"_s);
    const QString resultPath = work.filePath(u"registry.json"_s);
    if (!work.isValid() || !QFile::copy(u":/node/read-sequelize-models.js"_s, loader)) {
        fail(error, tr("cannot prepare the model reader in a temporary folder"));
        return std::nullopt;
    }

    QProcess node;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QStringList modulePaths = options.modulePaths;
    if (env.contains(u"NODE_PATH"_s))
        modulePaths << env.value(u"NODE_PATH"_s);
    if (!modulePaths.isEmpty())
        env.insert(u"NODE_PATH"_s, modulePaths.join(QDir::listSeparator()));
    node.setProcessEnvironment(env);
    node.setWorkingDirectory(info.isDir() ? info.absoluteFilePath() : info.absolutePath());
    node.setStandardInputFile(QProcess::nullDevice());
    node.start(options.node, {loader, info.absoluteFilePath(), resultPath});
    if (!node.waitForStarted()) {
        fail(error, tr("reading Sequelize code needs Node.js, and '%1' could not be started (%2); install "
                       "Node.js 18 or newer")
                        .arg(options.node, node.errorString()));
        return std::nullopt;
    }
    // Waits in slices, so that a cancel is seen while the code runs.
    QElapsedTimer clock;
    clock.start();
    bool finished = false;
    bool stopped = false;
    while (!finished) {
        finished = node.waitForFinished(100) || node.state() == QProcess::NotRunning;
        if (finished)
            break;
        stopped = options.cancelled && options.cancelled();
        if (stopped || clock.elapsed() >= options.timeoutMs)
            break;
    }
    if (!finished) {
        node.kill();
        node.waitForFinished();
    }
    if (console)
        *console = node.readAllStandardOutput() + node.readAllStandardError();
    if (stopped) {
        fail(error, tr("stopped before the models were read"));
        return std::nullopt;
    }
    if (!finished) {
        fail(error,
             tr("reading the models took longer than %1 seconds and was stopped; does the code wait for "
                "something, such as a database connection?")
                 .arg(options.timeoutMs / 1000));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(readAll(resultPath), &parseError);
    if (!document.isObject()) {
        fail(error, tr("Node stopped without reading the models (exit code %1)%2")
                        .arg(node.exitCode())
                        .arg(console && !console->isEmpty() ? u":\n"_s + tail(*console) : QString()));
        return std::nullopt;
    }
    const QJsonObject registry = document.object();
    if (registry.contains(u"error"_s)) {
        fail(error, registry.value(u"error"_s).toString());
        return std::nullopt;
    }
    return fromRegistry(registry);
}

} // namespace modeldesk
