#pragma once

// Node.js for the tests that run exports through the real tools (Sequelize 6 with its drivers, the DBML
// parser, Mermaid). The packages of tests/node/package.json are installed once into a cache directory in the
// build tree (MODELDESK_NODE_CACHE) and reused by later runs; a changed package.json reinstalls them.

#include "support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

namespace modeldesk::test {

class NodeTools {
public:
    static QString cacheDir() { return QStringLiteral(MODELDESK_NODE_CACHE); }
    static QString scriptDir() { return QStringLiteral(MODELDESK_SOURCE_DIR "/tests/node"); }

    // Installs the packages when the cache lacks them. False with *error when node or npm is missing or
    // npm fails (its output is in the message).
    static bool ensure(QString *error) {
        for (const char *tool : {"node", "npm"})
            if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty()) {
                *error = QStringLiteral("%1 is not installed (scripts/lib.sh installs nodejs and npm)")
                             .arg(QString::fromLatin1(tool));
                return false;
            }
        QDir().mkpath(cacheDir());
        // Two test executables may start at once; one installs, the other waits.
        QLockFile lock(cacheDir() + QStringLiteral("/.install.lock"));
        lock.setStaleLockTime(30 * 60 * 1000);
        if (!lock.lock()) {
            *error = QStringLiteral("cannot lock %1").arg(cacheDir());
            return false;
        }
        const QByteArray manifest = read(scriptDir() + QStringLiteral("/package.json"));
        const QString stamp = cacheDir() + QStringLiteral("/node_modules/.modeldesk-installed");
        if (!manifest.isEmpty() && read(stamp) == manifest)
            return true;
        QFile::remove(cacheDir() + QStringLiteral("/package.json"));
        if (!QFile::copy(scriptDir() + QStringLiteral("/package.json"),
                         cacheDir() + QStringLiteral("/package.json"))) {
            *error = QStringLiteral("cannot copy package.json into %1").arg(cacheDir());
            return false;
        }
        qInfo("installing the Node.js test tools into %s (once; takes a few minutes)",
              qPrintable(cacheDir()));
        QProcess npm;
        npm.setWorkingDirectory(cacheDir());
        npm.setProcessChannelMode(QProcess::MergedChannels);
        npm.start(QStringLiteral("npm"), {QStringLiteral("install"), QStringLiteral("--no-audit"),
                                          QStringLiteral("--no-fund"), QStringLiteral("--loglevel=error")});
        if (!npm.waitForFinished(20 * 60 * 1000) || npm.exitStatus() != QProcess::NormalExit ||
            npm.exitCode() != 0) {
            *error = QStringLiteral("npm install failed in %1:\n%2")
                         .arg(cacheDir(), QString::fromUtf8(npm.readAll()));
            return false;
        }
        QFile out(stamp);
        if (!out.open(QIODevice::WriteOnly) || out.write(manifest) != manifest.size()) {
            *error = QStringLiteral("cannot write %1").arg(stamp);
            return false;
        }
        return true;
    }

    // Runs `node SCRIPT ARGS...` (SCRIPT relative to tests/node) with the cache's packages on NODE_PATH, so
    // exported files anywhere can require('sequelize'). Returns stdout; *error gets stderr on failure.
    static bool run(const QString &script, const QStringList &arguments, const QProcessEnvironment &extra,
                    QByteArray *out, QString *error, int timeoutMs = 5 * 60 * 1000) {
        QProcess node;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("NODE_PATH"), cacheDir() + QStringLiteral("/node_modules"));
        env.remove(QStringLiteral("DATABASE_URL"));
        env.remove(QStringLiteral("DATABASE_STORAGE"));
        env.insert(extra);
        node.setProcessEnvironment(env);
        node.setWorkingDirectory(cacheDir()); // ESM scripts resolve packages from here
        QStringList args{scriptDir() + u'/' + script};
        args << arguments;
        node.start(QStringLiteral("node"), args);
        const bool finished = node.waitForFinished(timeoutMs);
        *out = node.readAllStandardOutput();
        if (!finished || node.exitStatus() != QProcess::NormalExit || node.exitCode() != 0) {
            *error = QStringLiteral("node %1 %2 failed:\n%3")
                         .arg(script, arguments.join(u' '), QString::fromUtf8(node.readAllStandardError()));
            return false;
        }
        return true;
    }

private:
    static QByteArray read(const QString &path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
};

} // namespace modeldesk::test

// At the start of a test that needs the Node.js tools: fails in a strict run when they cannot be installed,
// skips elsewhere with the reason.
#define MODELDESK_REQUIRE_NODE_TOOLS()                                                                       \
    do {                                                                                                     \
        QString nodeError_;                                                                                  \
        if (!modeldesk::test::NodeTools::ensure(&nodeError_)) {                                              \
            if (modeldesk::test::strict())                                                                   \
                QFAIL(qPrintable(nodeError_));                                                               \
            QSKIP(qPrintable(nodeError_));                                                                   \
        }                                                                                                    \
    } while (false)
