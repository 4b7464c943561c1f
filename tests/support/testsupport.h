#pragma once

// Helpers shared by the tests: the bundled examples, and the database servers that scripts/test starts.

#include "project/projectfile.h"

#include <QProcessEnvironment>
#include <QTest>

namespace modeldesk::test {

inline Project loadExample(const QString &name) {
    QString error;
    auto project = ProjectFile::load(QStringLiteral(MODELDESK_SOURCE_DIR "/resources/examples/") + name +
                                         QStringLiteral(".modeldesk"),
                                     &error);
    if (!project)
        qFatal("cannot load example %s: %s", qPrintable(name), qPrintable(error));
    return *project;
}

// A bundled example ("seed", "shop") or the hostile-names fixture ("hostile") of the export tests.
inline Project loadProject(const QString &name) {
    if (name == QStringLiteral("hostile")) {
        QString error;
        auto project =
            ProjectFile::load(QStringLiteral(MODELDESK_TEST_DATA "/export/hostile.modeldesk"), &error);
        if (!project)
            qFatal("%s", qPrintable(error));
        return *project;
    }
    return loadExample(name);
}

// The URL of a server started by scripts/test (MODELDESK_TEST_PG_URL or MODELDESK_TEST_MYSQL_URL), or empty.
// A number from the environment (a fuzz test's seed or count), or `fallback` when unset or not a number.
inline int envInt(const char *name, int fallback) {
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok ? value : fallback;
}

inline QString serverUrl(const char *variable) {
    return qEnvironmentVariable(variable);
}

// True when the suite runs strictly (scripts/test, hence CI, sets MODELDESK_TEST_STRICT=1; CI=true counts
// too): a test that needs a server or the Node tools must then fail rather than skip. Only someone running
// one test binary by hand gets skips.
inline bool strict() {
    return qEnvironmentVariable("MODELDESK_TEST_STRICT") == QStringLiteral("1") ||
           qEnvironmentVariable("CI") == QStringLiteral("true");
}

} // namespace modeldesk::test

// Use at the start of a test that needs a server: fails in a strict run when the server is missing, skips
// elsewhere with the reason.
#define MODELDESK_REQUIRE_SERVER(url, variable)                                                              \
    const QString url = modeldesk::test::serverUrl(variable);                                                \
    if (url.isEmpty()) {                                                                                     \
        if (modeldesk::test::strict())                                                                       \
            QFAIL(variable " is not set: scripts/test starts the server and sets it");                       \
        QSKIP(variable " is not set; run the suite with scripts/test, which starts the server");             \
    }

// A failed check inside a helper only leaves the helper; stop the test there too.
#define CHECK(call)                                                                                          \
    do {                                                                                                     \
        call;                                                                                                \
        if (QTest::currentTestFailed())                                                                      \
            return;                                                                                          \
    } while (false)
