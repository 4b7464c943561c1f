#pragma once

#include "import/schemainference.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace modeldesk {

// Reads a Sequelize project's model code into a design (`modeldesk import PATH`, File > Import Sequelize
// Models...). Node runs the user's code with ModelDesk's loader (resources/node/read-sequelize-models.js,
// built in as a resource) against the project's own `sequelize` package and an instance that never connects;
// the loader writes the registry (declared attributes, options, association calls) as JSON, and
// fromRegistry() turns that into a design: what Sequelize added by itself (the implied id, timestamps,
// foreign keys injected by associations, junction models of `through: 'table'`) is left to the design to
// imply, values equal to Sequelize's defaults are left empty, and whatever a design cannot hold (hooks,
// getters and setters, VIRTUAL attributes, custom validators, scopes, indexes other than single unique ones,
// ...) becomes a warning naming the model and attribute.
class SequelizeCodeImport {
    Q_DECLARE_TR_FUNCTIONS(SequelizeCodeImport)
public:
    struct Options {
        QString node = QStringLiteral("node"); // the Node.js program (a name looked up on PATH, or a path)
        QStringList modulePaths;               // more node_modules folders to find `sequelize` in (NODE_PATH)
        int timeoutMs = 60 * 1000;             // the user's code is stopped after this long
        // Asked every 100 ms while Node runs (from the thread that called read()): true stops Node, and
        // read() fails with "stopped".
        std::function<bool()> cancelled;
    };

    // Runs the loader on `path` (a folder of model files, a project folder with models/, or a .js file
    // exporting a Sequelize instance or the db object). On failure returns nullopt with *error naming the
    // problem: Node missing, no sequelize package, a syntax error (file and line), code that throws, no
    // models, the time limit. `console` gets what the user's code printed (stdout then stderr), if given.
    static std::optional<ImportResult> read(const QString &path, const Options &options, QString *error,
                                            QByteArray *console = nullptr);

    // The design (laid out) from the loader's JSON document. Pure.
    static ImportResult fromRegistry(const QJsonObject &registry);

    // True when `argument` of `modeldesk import` names code rather than a database: an existing folder or
    // .js/.cjs file.
    static bool isCodePath(const QString &argument);
};

} // namespace modeldesk
