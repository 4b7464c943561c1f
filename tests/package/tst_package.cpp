// ModelDesk as a Debian user gets it: the .deb that CPack makes from this build tree, its files checked by
// the standard validators, then installed with apt-get, used (command line, file type, window) and removed
// without a trace. Needs root for the install part; a strict run (scripts/test) fails where a prerequisite is
// missing.
#include "support/testsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

const QString kAppId = QStringLiteral(MODELDESK_APP_ID);
const QString kMimeType = QStringLiteral(MODELDESK_MIME_TYPE);
const QString kVersion = QStringLiteral(MODELDESK_VERSION);

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QString describe() const {
        return u"exit %1\n--- stdout\n%2\n--- stderr\n%3"_s.arg(exitCode).arg(QString::fromUtf8(out),
                                                                              QString::fromUtf8(err));
    }
};

Run run(const QString &program, const QStringList &arguments,
        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
        int timeoutMs = 10 * 60 * 1000) {
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    Run result;
    if (!process.waitForStarted() || !process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.err = "could not run " + program.toUtf8() + ": " + process.errorString().toUtf8();
        return result;
    }
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return result;
}

// The commands `modeldesk --help` lists (as tests/cli/tst_export_cli reads them).
QStringList helpCommands() {
    QStringList names;
    for (const QByteArray &line : run(QStringLiteral(MODELDESK_BINARY), {u"--help"_s}).out.split('\n'))
        if (line.startsWith("  ") && line.size() > 2 && line.at(2) >= 'a' && line.at(2) <= 'z')
            names << QString::fromUtf8(line.mid(2, line.indexOf(' ', 2) - 2).trimmed());
    return names;
}

// The environment xdg-mime answers from the system's files alone: no desktop environment, no user's own
// MIME database or default applications.
QProcessEnvironment plainXdgEnvironment(const QString &home) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name :
         {"XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION", "GNOME_DESKTOP_SESSION_ID",
          "MATE_DESKTOP_SESSION_ID", "DISPLAY", "WAYLAND_DISPLAY", "XDG_CONFIG_DIRS"})
        env.remove(QString::fromLatin1(name));
    env.insert(u"HOME"_s, home);
    env.insert(u"XDG_CONFIG_HOME"_s, home + u"/.config"_s);
    env.insert(u"XDG_DATA_HOME"_s, home + u"/.local/share"_s);
    env.insert(u"XDG_DATA_DIRS"_s, u"/usr/share"_s);
    return env;
}

} // namespace

// Fails in a strict run, skips otherwise.
#define REQUIRE(condition, why)                                                                              \
    if (!(condition)) {                                                                                      \
        if (modeldesk::test::strict())                                                                       \
            QFAIL(qPrintable(why));                                                                          \
        QSKIP(qPrintable(why));                                                                              \
    }

// The tests after install() need the package installed; they skip when install() did.
#define REQUIRE_INSTALLED()                                                                                  \
    if (!mInstalled) {                                                                                       \
        if (mInstallSkipped)                                                                                 \
            QSKIP("the package is not installed: install() was skipped");                                    \
        QFAIL("the package is not installed: install() failed");                                             \
    }

class TestPackage : public QObject {
    Q_OBJECT

    QTemporaryDir mWork;
    QString mDeb;
    QString mRoot; // the .deb unpacked
    QStringList mInstalledFiles;
    bool mInstalled = false;
    bool mInstallSkipped = false; // install() skipped (not root, outside a strict run): so do those after it

    QString root(const QString &path) const { return mRoot + path; }
    QString share(const QString &path) const { return mRoot + u"/usr/share/"_s + path; }
    QString example() const { return mWork.filePath(u"shop.modeldesk"_s); }

private slots:
    void initTestCase() {
        QVERIFY(mWork.isValid());
        for (const char *tool : {"dpkg-deb", "dpkg-shlibdeps", "desktop-file-validate", "appstreamcli",
                                 "xmllint", "update-mime-database", "groff", "gzip", "file", "bash"}) {
            REQUIRE(!QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty(),
                    u"%1 is not installed (scripts/lib.sh lists the packages that have it)"_s.arg(
                        QString::fromLatin1(tool)));
        }
        // The package of this build tree (scripts/package makes the same from a Release tree).
        const QString out = mWork.filePath(u"deb"_s);
        const Run cpack =
            run(QStringLiteral(MODELDESK_CPACK),
                {u"--config"_s, QStringLiteral(MODELDESK_BUILD_DIR "/CPackConfig.cmake"), u"-B"_s, out});
        QVERIFY2(cpack.exitCode == 0, qPrintable(cpack.describe()));
        const QStringList debs = QDir(out).entryList({u"modeldesk_*.deb"_s}, QDir::Files);
        QCOMPARE(debs.size(), 1);
        mDeb = out + u'/' + debs.constFirst();
        mRoot = mWork.filePath(u"root"_s);
        const Run extract = run(u"dpkg-deb"_s, {u"-x"_s, mDeb, mRoot});
        QVERIFY2(extract.exitCode == 0, qPrintable(extract.describe()));
        QVERIFY(QFile::copy(QStringLiteral(MODELDESK_SOURCE_DIR "/resources/examples/shop.modeldesk"),
                            example()));
    }

    void packageHoldsEachFile() {
        const Run list = run(u"dpkg-deb"_s, {u"-c"_s, mDeb});
        QCOMPARE(list.exitCode, 0);
        QStringList paths;
        for (const QByteArray &line : list.out.split('\n'))
            if (const qsizetype at = line.indexOf(" ./"); at >= 0)
                paths << QString::fromUtf8(line.mid(at + 2));
        QStringList expected{u"/usr/bin/modeldesk"_s,
                             u"/usr/share/applications/%1.desktop"_s.arg(kAppId),
                             u"/usr/share/metainfo/%1.metainfo.xml"_s.arg(kAppId),
                             u"/usr/share/mime/packages/%1.xml"_s.arg(kAppId),
                             u"/usr/share/icons/hicolor/scalable/apps/%1.svg"_s.arg(kAppId),
                             u"/usr/share/icons/hicolor/scalable/mimetypes/application-x-modeldesk.svg"_s,
                             u"/usr/share/man/man1/modeldesk.1.gz"_s,
                             u"/usr/share/bash-completion/completions/modeldesk"_s};
        for (const QString &size : QStringLiteral(MODELDESK_ICON_SIZES).split(u' ')) {
            const QString dir = u"/usr/share/icons/hicolor/%1x%1/"_s.arg(size);
            expected << dir + u"apps/"_s + kAppId + u".png"_s
                     << dir + u"mimetypes/application-x-modeldesk.png"_s;
            for (const QString &png : {expected.at(expected.size() - 2), expected.last()}) {
                const QImage image(root(png));
                QVERIFY2(!image.isNull(), qPrintable(png));
                QCOMPARE(image.size(), QSize(size.toInt(), size.toInt()));
            }
        }
        for (const QString &path : std::as_const(expected))
            QVERIFY2(paths.contains(path),
                     qPrintable(path + u" is not in the package:\n"_s + paths.join(u'\n')));
        // Stripped, and it runs from where it is (the libraries it links are the system's).
        const Run file = run(u"file"_s, {u"-b"_s, root(u"/usr/bin/modeldesk"_s)});
        QVERIFY2(file.out.contains(", stripped"), file.out.constData());
        const Run version = run(root(u"/usr/bin/modeldesk"_s), {u"--version"_s});
        QCOMPARE(version.out, u"modeldesk %1\n"_s.arg(kVersion).toUtf8());
    }

    void controlNamesTheDependencies() {
        const Run fields = run(u"dpkg-deb"_s, {u"-f"_s, mDeb, u"Package"_s, u"Version"_s, u"Depends"_s});
        QCOMPARE(fields.exitCode, 0);
        const QString text = QString::fromUtf8(fields.out);
        QVERIFY2(text.contains(u"Package: modeldesk\n"_s), qPrintable(text));
        QVERIFY2(text.contains(u"Version: %1\n"_s.arg(kVersion)), qPrintable(text));
        // The plugins Qt loads at run time, and what dpkg-shlibdeps found for the libraries.
        for (const char *package :
             {"libqt6sql6-sqlite", "libqt6sql6-psql", "libqt6sql6-mysql", "qt6-qpa-plugins", "libqt6svg6",
              "libqt6widgets6", "libqt6core6", "libc6"})
            QVERIFY2(text.contains(QRegularExpression(u"[ ,]%1( |,|$)"_s.arg(QString::fromLatin1(package)),
                                                      QRegularExpression::MultilineOption)),
                     qPrintable(u"%1 is not a dependency:\n%2"_s.arg(QString::fromLatin1(package), text)));
        // No maintainer scripts: Debian's triggers update the MIME, icon and desktop caches.
        const QString control = mWork.filePath(u"control"_s);
        QCOMPARE(run(u"dpkg-deb"_s, {u"-e"_s, mDeb, control}).exitCode, 0);
        QStringList members = QDir(control).entryList(QDir::Files);
        members.removeAll(u"control"_s);
        members.removeAll(u"md5sums"_s);
        QVERIFY2(members.isEmpty(), qPrintable(members.join(u' ')));
    }

    void launcherIsValid() {
        const QString desktop = share(u"applications/%1.desktop"_s.arg(kAppId));
        const Run check = run(u"desktop-file-validate"_s, {desktop});
        QVERIFY2(check.exitCode == 0 && check.out.isEmpty() && check.err.isEmpty(),
                 qPrintable(check.describe()));
        QFile file(desktop);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("\nExec=modeldesk %f\n"));
        QVERIFY(text.contains("\nIcon=" + kAppId.toUtf8() + "\n"));
        QVERIFY(text.contains("\nMimeType=" + kMimeType.toUtf8() + ";\n"));
    }

    void metainfoIsValid() {
        const QString metainfo = share(u"metainfo/%1.metainfo.xml"_s.arg(kAppId));
        const Run check = run(u"appstreamcli"_s, {u"validate"_s, u"--no-net"_s, u"--pedantic"_s, metainfo});
        QVERIFY2(check.exitCode == 0 && !check.out.contains("\nW:") && !check.out.contains("\nE:") &&
                     !check.out.startsWith("W:") && !check.out.startsWith("E:"),
                 qPrintable(check.describe()));
        QFile file(metainfo);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY(text.contains(u"<release version=\"%1\""_s.arg(kVersion)));
        QVERIFY(text.contains(u"<launchable type=\"desktop-id\">%1.desktop</launchable>"_s.arg(kAppId)));
        // Each screenshot is one of docs/screenshots/.
        const QRegularExpression image(u"<image>[^<]*/docs/screenshots/([^<]+)</image>"_s);
        int screenshots = 0;
        for (const QRegularExpressionMatch &m : image.globalMatch(text)) {
            ++screenshots;
            QVERIFY2(QFile::exists(QStringLiteral(MODELDESK_SOURCE_DIR "/docs/screenshots/") + m.captured(1)),
                     qPrintable(m.captured(1)));
        }
        QVERIFY(screenshots >= 1);
    }

    // Well-formed, and the MIME database made from it has the type, its glob, its parent and its icon.
    void mimeTypeIsValid() {
        const QString xml = share(u"mime/packages/%1.xml"_s.arg(kAppId));
        const Run lint = run(u"xmllint"_s, {u"--noout"_s, xml});
        QVERIFY2(lint.exitCode == 0 && lint.out.isEmpty() && lint.err.isEmpty(), qPrintable(lint.describe()));
        const QString database = mWork.filePath(u"mime"_s);
        QVERIFY(QDir().mkpath(database + u"/packages"_s));
        QVERIFY(QFile::copy(xml, database + u"/packages/modeldesk.xml"_s));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_DATA_DIRS"_s,
                   mWork.path()); // or it notes that the database is not in the search path
        const Run update = run(u"update-mime-database"_s, {database}, env);
        QVERIFY2(update.exitCode == 0 && update.err.isEmpty(), qPrintable(update.describe()));
        auto read = [&](const char *name) {
            QFile file(database + u'/' + QString::fromLatin1(name));
            return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
        };
        QVERIFY(read("globs2").contains(kMimeType + u":*.modeldesk"_s));
        QVERIFY(read("subclasses").contains(kMimeType + u" application/json"_s));
        QVERIFY(read("icons").contains(kMimeType + u":application-x-modeldesk"_s));
    }

    void manPageListsEveryCommand() {
        const Run page = run(u"gzip"_s, {u"-dc"_s, share(u"man/man1/modeldesk.1.gz"_s)});
        QCOMPARE(page.exitCode, 0);
        const QStringList commands = helpCommands();
        QVERIFY2(commands.size() >= 9, qPrintable(commands.join(u' ')));
        for (const QString &command : commands)
            QVERIFY2(page.out.contains("\n\\fB" + command.toUtf8() + "\\fR"), qPrintable(command));
        QVERIFY(page.out.contains("\\fB\\-\\-version\\fR"));
        QVERIFY(page.out.contains(".TH MODELDESK 1 \"\" \"ModelDesk " + kVersion.toUtf8()));
        // groff's warnings (-ww) on the page: none.
        QFile text(mWork.filePath(u"modeldesk.1"_s));
        QVERIFY(text.open(QIODevice::WriteOnly) && text.write(page.out) == page.out.size());
        text.close();
        const Run lint = run(u"groff"_s, {u"-man"_s, u"-Tutf8"_s, u"-ww"_s, u"-z"_s, text.fileName()});
        QVERIFY2(lint.exitCode == 0 && lint.err.isEmpty(), qPrintable(lint.describe()));
    }

    void completion_data() {
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("command") << QStringList{u"exp"_s} << QStringList{u"export"_s};
        QTest::newRow("global option") << QStringList{u"--ver"_s} << QStringList{u"--version"_s};
        QTest::newRow("option") << QStringList{u"export"_s, u"x.modeldesk"_s, u"--f"_s}
                                << QStringList{u"--format"_s};
        QTest::newRow("flag") << QStringList{u"save"_s, u"x.modeldesk"_s, u"--stop"_s}
                              << QStringList{u"--stop-on-error"_s};
        QTest::newRow("choices") << QStringList{u"export"_s, u"x.modeldesk"_s, u"--dialect"_s, u""_s}
                                 << QStringList{u"sqlite"_s, u"postgres"_s, u"mysql"_s};
        // Asked from `modeldesk formats` as the user types.
        QTest::newRow("formats") << QStringList{u"export"_s, u"x.modeldesk"_s, u"--format"_s, u"p"_s}
                                 << QStringList{u"png"_s, u"pdf"_s};
        QTest::newRow("help") << QStringList{u"help"_s, u"imp"_s} << QStringList{u"import"_s};
    }

    void completion() {
        QFETCH(QStringList, words);
        QFETCH(QStringList, expected);
        QStringList quoted{u"'"_s + QStringLiteral(MODELDESK_BINARY) + u"'"_s};
        for (const QString &word : std::as_const(words))
            quoted << u"'"_s + word + u"'"_s;
        const QString script = u"source '%1'; COMP_WORDS=(%2); COMP_CWORD=%3; _modeldesk; "
                               u"printf '%s\\n' \"${COMPREPLY[@]}\""_s
                                   .arg(share(u"bash-completion/completions/modeldesk"_s), quoted.join(u' '))
                                   .arg(words.size());
        const Run bash = run(u"bash"_s, {u"-c"_s, script});
        QVERIFY2(bash.exitCode == 0, qPrintable(bash.describe()));
        QStringList got = QString::fromUtf8(bash.out).split(u'\n', Qt::SkipEmptyParts);
        got.sort();
        expected.sort();
        QCOMPARE(got, expected);
    }

    // Every command of --help completes from its first letters, so none is left out of the completion.
    void completionHasEveryCommand() {
        for (const QString &command : helpCommands()) {
            const QString script = u"source '%1'; COMP_WORDS=(modeldesk %2); COMP_CWORD=1; _modeldesk; "
                                   u"printf '%s\\n' \"${COMPREPLY[@]}\""_s.arg(
                                       share(u"bash-completion/completions/modeldesk"_s), command.left(3));
            QVERIFY2(run(u"bash"_s, {u"-c"_s, script}).out.split('\n').contains(command.toUtf8()),
                     qPrintable(command));
        }
    }

    void install() {
        mInstallSkipped = true;
        REQUIRE(getuid() == 0, u"installing the package needs root (CI runs scripts/test as root)"_s);
        REQUIRE(!QStandardPaths::findExecutable(u"apt-get"_s).isEmpty(), u"apt-get is not there"_s);
        REQUIRE(!QStandardPaths::findExecutable(u"xdg-mime"_s).isEmpty(),
                u"xdg-mime is not installed (scripts/lib.sh lists xdg-utils)"_s);
        mInstallSkipped = false;
        const Run status = run(u"dpkg-query"_s, {u"-W"_s, u"-f=${Status}"_s, u"modeldesk"_s});
        QVERIFY2(!status.out.contains("installed") || status.out.contains("not-installed"),
                 "a modeldesk package is already installed; this test installs and removes its own");
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"DEBIAN_FRONTEND"_s, u"noninteractive"_s);
        const Run apt =
            run(u"apt-get"_s, {u"install"_s, u"-y"_s, u"-q"_s, u"--no-install-recommends"_s, mDeb}, env);
        mInstalled = true; // from here on, cleanupTestCase removes it whatever happens
        QVERIFY2(apt.exitCode == 0, qPrintable(apt.describe()));
        const Run files = run(u"dpkg"_s, {u"-L"_s, u"modeldesk"_s});
        QCOMPARE(files.exitCode, 0);
        mInstalledFiles = QString::fromUtf8(files.out).split(u'\n', Qt::SkipEmptyParts);
        QVERIFY(mInstalledFiles.contains(u"/usr/bin/modeldesk"_s));
    }

    void installedCommandLineWorks() {
        REQUIRE_INSTALLED();
        QCOMPARE(run(u"modeldesk"_s, {u"--version"_s}).out, u"modeldesk %1\n"_s.arg(kVersion).toUtf8());
        QCOMPARE(QStandardPaths::findExecutable(u"modeldesk"_s), u"/usr/bin/modeldesk"_s);
        // The same export as the build tree's binary, and a diagram image (fonts and plugins from the
        // system).
        const QStringList sql{u"export"_s, example(), u"--format"_s, u"sql"_s, u"--dialect"_s, u"postgres"_s};
        const Run installed = run(u"/usr/bin/modeldesk"_s, sql);
        QVERIFY2(installed.exitCode == 0 && installed.out.contains("CREATE TABLE"),
                 qPrintable(installed.describe()));
        QCOMPARE(installed.out, run(QStringLiteral(MODELDESK_BINARY), sql).out);
        const QString png = mWork.filePath(u"shop.png"_s);
        const Run image =
            run(u"/usr/bin/modeldesk"_s, {u"export"_s, example(), u"--format"_s, u"png"_s, u"-o"_s, png});
        QVERIFY2(image.exitCode == 0, qPrintable(image.describe()));
        QVERIFY(!QImage(png).isNull());
        const Run man = run(u"man"_s, {u"-w"_s, u"modeldesk"_s});
        QCOMPARE(man.out.trimmed(), QByteArray("/usr/share/man/man1/modeldesk.1.gz"));
    }

    // A double-click on a .modeldesk file opens ModelDesk: the file's type and that type's application.
    void fileTypeOpensModelDesk() {
        REQUIRE_INSTALLED();
        const QProcessEnvironment env = plainXdgEnvironment(mWork.filePath(u"home"_s));
        const Run type = run(u"xdg-mime"_s, {u"query"_s, u"filetype"_s, example()}, env);
        QCOMPARE(QString::fromUtf8(type.out.trimmed()), kMimeType);
        const Run app = run(u"xdg-mime"_s, {u"query"_s, u"default"_s, kMimeType}, env);
        QCOMPARE(QString::fromUtf8(app.out.trimmed()), kAppId + u".desktop"_s);
    }

    // The installed binary opens a project in a window on a virtual X display, with the app's icon and the
    // launcher's id on it.
    void windowStartsWithItsIcon() {
        REQUIRE_INSTALLED();
        for (const char *tool : {"xvfb-run", "xwininfo", "xprop"})
            REQUIRE(!QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty(),
                    u"%1 is not installed (scripts/lib.sh lists xvfb and x11-utils)"_s.arg(
                        QString::fromLatin1(tool)));
        QProcessEnvironment env = plainXdgEnvironment(mWork.filePath(u"home"_s));
        env.remove(u"QT_QPA_PLATFORM"_s);
        const Run x = run(u"xvfb-run"_s,
                          {u"-a"_s, u"sh"_s,
                           QStringLiteral(MODELDESK_SOURCE_DIR "/tests/package/showwindow.sh"), example()},
                          env, 120 * 1000);
        const QString text = QString::fromUtf8(x.out);
        QVERIFY2(x.exitCode == 0, qPrintable(x.describe()));
        QVERIFY2(text.contains(u"Map State: IsViewable"_s), qPrintable(text));
        QVERIFY2(text.contains(u"shop.modeldesk"_s), qPrintable(text));
        // X11 desktops match the window to the launcher by its class (the launcher's StartupWMClass); Wayland
        // ones by the id main() passes to setDesktopFileName, which Qt's X11 platform does not publish.
        QVERIFY2(text.contains(u"WM_CLASS(STRING) = \"modeldesk\", \"ModelDesk\""_s), qPrintable(text));
        QFile desktop(share(u"applications/%1.desktop"_s.arg(kAppId)));
        QVERIFY(desktop.open(QIODevice::ReadOnly));
        QVERIFY(desktop.readAll().contains("\nStartupWMClass=ModelDesk\n"));
        // The window's icon (set from the app's SVG) is on the window.
        QVERIFY2(text.contains(u"_NET_WM_ICON(CARDINAL) = "_s), qPrintable(text));
    }

    // apt-get remove takes back every file, and the MIME and desktop databases forget ModelDesk.
    void removeLeavesNothing() {
        REQUIRE_INSTALLED();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"DEBIAN_FRONTEND"_s, u"noninteractive"_s);
        const Run apt = run(u"apt-get"_s, {u"remove"_s, u"-y"_s, u"-q"_s, u"modeldesk"_s}, env);
        QVERIFY2(apt.exitCode == 0, qPrintable(apt.describe()));
        mInstalled = false;
        const Run status = run(u"dpkg-query"_s, {u"-W"_s, u"-f=${Status}"_s, u"modeldesk"_s});
        QVERIFY2(!status.out.contains(" installed") && !status.out.contains("config-files"),
                 status.out.constData());
        QStringList left;
        QStringList directories;
        for (const QString &path : std::as_const(mInstalledFiles)) {
            const QFileInfo info(path);
            if (info.isDir())
                directories << path;
            else if (info.exists() || info.isSymLink())
                left << path;
        }
        // A directory may stay only when another package has it too.
        if (!directories.isEmpty()) {
            const Run owners = run(u"dpkg"_s, QStringList{u"-S"_s} + directories);
            for (const QString &dir : std::as_const(directories))
                if (!QString::fromUtf8(owners.out)
                         .contains(QRegularExpression(u"[:,] "_s + QRegularExpression::escape(dir) + u"$"_s,
                                                      QRegularExpression::MultilineOption)))
                    left << dir;
        }
        QVERIFY2(left.isEmpty(), qPrintable(u"left behind: "_s + left.join(u' ')));
        QVERIFY(!QFile::exists(u"/usr/share/mime/%1.xml"_s.arg(kMimeType)));
        QFile cache(u"/usr/share/applications/mimeinfo.cache"_s);
        if (cache.open(QIODevice::ReadOnly))
            QVERIFY(!cache.readAll().contains(kAppId.toUtf8()));
        const Run type = run(u"xdg-mime"_s, {u"query"_s, u"filetype"_s, example()},
                             plainXdgEnvironment(mWork.filePath(u"home"_s)));
        QVERIFY2(!type.out.contains(kMimeType.toUtf8()), type.out.constData());
    }

    void cleanupTestCase() {
        if (!mInstalled)
            return;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"DEBIAN_FRONTEND"_s, u"noninteractive"_s);
        run(u"apt-get"_s, {u"remove"_s, u"-y"_s, u"-q"_s, u"modeldesk"_s}, env);
    }
};

QTEST_GUILESS_MAIN(TestPackage)
#include "tst_package.moc"
