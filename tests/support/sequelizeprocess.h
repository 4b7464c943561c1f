#pragma once

// One long-running `node tests/node/conformance.js`: the Sequelize side of tst_conformance. Each request is
// one JSON line on its stdin, each answer one JSON line on its stdout; node's stderr goes to the test's.
// Starting node and loading Sequelize once, instead of per operation, keeps the suite fast.
#include "support/nodetools.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <optional>

namespace modeldesk::test {

class SequelizeProcess {
public:
    ~SequelizeProcess() {
        if (mNode.state() == QProcess::NotRunning)
            return;
        mNode.closeWriteChannel(); // the script ends at the end of its input
        if (!mNode.waitForFinished(30000))
            mNode.kill();
    }

    bool start(QString *error) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("NODE_PATH"), NodeTools::cacheDir() + QStringLiteral("/node_modules"));
        mNode.setProcessEnvironment(env);
        mNode.setWorkingDirectory(NodeTools::cacheDir());
        mNode.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        mNode.start(QStringLiteral("node"), {NodeTools::scriptDir() + QStringLiteral("/conformance.js")});
        if (!mNode.waitForStarted()) {
            *error = QStringLiteral("cannot start node: ") + mNode.errorString();
            return false;
        }
        return true;
    }

    // The answer to `request`, or nullopt with *error when node died, took longer than `timeoutMs` or did
    // not answer with JSON. An answer with "ok": false is still an answer.
    std::optional<QJsonObject> request(const QJsonObject &request, QString *error, int timeoutMs = 120000) {
        mNode.write(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
        while (!mNode.canReadLine()) {
            if (mNode.state() != QProcess::Running || !mNode.waitForReadyRead(timeoutMs)) {
                *error = mNode.state() == QProcess::Running
                             ? QStringLiteral("node did not answer within %1 ms").arg(timeoutMs)
                             : QStringLiteral("node exited (code %1)").arg(mNode.exitCode());
                return std::nullopt;
            }
        }
        const QByteArray line = mNode.readLine();
        QJsonParseError parseError;
        const QJsonDocument answer = QJsonDocument::fromJson(line, &parseError);
        if (parseError.error != QJsonParseError::NoError || !answer.isObject()) {
            *error = QStringLiteral("node answered something else than JSON: ") + QString::fromUtf8(line);
            return std::nullopt;
        }
        return answer.object();
    }

private:
    QProcess mNode;
};

} // namespace modeldesk::test
