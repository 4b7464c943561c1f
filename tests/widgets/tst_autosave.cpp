// Never lose work: a ModelDesk killed with SIGKILL mid-edit leaves its last autosave, which the next start
// restores exactly; autosave is debounced, immediate for structural edits, and gone after a save, New,
// Open, undo to the saved state or a normal close; recovery files of running processes are never offered;
// a project file that fails to parse is never overwritten.
#include "designer/diagramscene.h"
#include "document/autosaver.h"
#include "document/document.h"
#include "document/linkcommands.h"
#include "document/modelcommands.h"
#include "project/projectdiff.h"
#include "project/projectfile.h"
#include "project/recoveryfile.h"
#include "support/modal.h"
#include "support/testsupport.h"
#include "window/mainwindow.h"
#include "window/recoverydialog.h"

#include <QApplication>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>

using namespace modeldesk;
using namespace Qt::StringLiterals;
using modeldesk::test::whenModal;

namespace {

QByteArray readFile(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

Project recoveredProject(const QString &path) {
    QString error;
    const auto header = RecoveryFile::readHeader(path, &error);
    if (!header)
        qFatal("not a recovery file: %s", qPrintable(error));
    const auto project = header->load(&error);
    if (!project)
        qFatal("unreadable recovery: %s", qPrintable(error));
    return *project;
}

void pushFieldEdit(Document *document, const QString &model, const QString &field) {
    const Model before = *document->schema().model(model);
    Model after = before;
    after.fields.append(Field{field, DataType::string()});
    document->undoStack()->push(new ChangeModelCommand(document, before, after, u"field"_s));
}

} // namespace

class TstAutosave : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        // Recovery files, settings and recent files of these tests live in a directory of their own.
        QVERIFY(mHome.isValid());
        qputenv("XDG_DATA_HOME", mHome.filePath(u"data"_s).toLocal8Bit());
        qputenv("XDG_CONFIG_HOME", mHome.filePath(u"config"_s).toLocal8Bit());
        QCoreApplication::setOrganizationName(u"ModelDesk"_s);
        QCoreApplication::setApplicationName(u"ModelDesk"_s);
        QVERIFY(RecoveryFile::directory().startsWith(mHome.path()));
    }

    void init() {
        QDir(RecoveryFile::directory()).removeRecursively();
        QVERIFY(mWork.isValid());
        mShop = mWork.filePath(u"shop.modeldesk"_s);
        QFile::remove(mShop);
        QVERIFY(
            QFile::copy(QStringLiteral(MODELDESK_SOURCE_DIR "/resources/examples/shop.modeldesk"), mShop));
        QFile::setPermissions(mShop, QFile::ReadOwner | QFile::WriteOwner);
    }

    // The test: the child edits, waits for its autosaves, is killed mid-edit; the recovery equals
    // the last autosave exactly and restores as an unsaved document.
    void killedMidEditRestoresLastAutosave() {
        QTemporaryDir expected;
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"MODELDESK_AUTOSAVE_MS"_s, u"300"_s);
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        child.setProcessEnvironment(env); // XDG_* from initTestCase: the same recovery folder
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QStringLiteral(AUTOSAVE_HARNESS), {mShop, expected.path()});
        QVERIFY(child.waitForStarted());
        QByteArray output;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         child.waitForReadyRead(50);
                         output += child.readAllStandardOutput();
                         return output.contains("editing\n") || child.state() == QProcess::NotRunning;
                     },
                     60000),
                 output.constData());
        QVERIFY2(output.contains("editing\n"), output.constData());
        QVERIFY2(output.contains("saved 3\n"), output.constData());

        // While it runs, its recovery file is its own: nobody is offered it.
        QCOMPARE(RecoveryFile::orphans().size(), 0);
        QCOMPARE(QDir(RecoveryFile::directory()).entryList({u"*.mdrecovery"_s}).size(), 1);

        const qint64 pid = child.processId();
        ::kill(pid_t(pid), SIGKILL);
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        output += child.readAllStandardOutput();
        QVERIFY2(!output.contains("saved 4"), output.constData());

        const QList<RecoveryFile> orphans = RecoveryFile::orphans();
        QCOMPARE(orphans.size(), 1);
        const RecoveryFile &orphan = orphans.first();
        QCOMPARE(orphan.originalPath, QFileInfo(mShop).absoluteFilePath());
        QCOMPARE(orphan.pid, pid);
        QString error;
        const auto recovered = orphan.load(&error);
        QVERIFY2(recovered, qPrintable(error));
        const auto lastSaved =
            ProjectFile::parse(readFile(expected.filePath(u"saved-3.modeldesk"_s)), &error);
        QVERIFY2(lastSaved, qPrintable(error));
        QCOMPARE(*recovered, *lastSaved);
        // What the three edits made, and not the fourth (pending when the process died).
        QVERIFY(recovered->schema.model(u"invoice"_s));
        QVERIFY(recovered->schema.model(u"customer"_s)->field(u"phone"_s));
        QVERIFY(!recovered->schema.model(u"customer"_s)->field(u"mobile"_s));
        // The file on disk was never touched.
        QCOMPARE(readFile(mShop),
                 readFile(QStringLiteral(MODELDESK_SOURCE_DIR "/resources/examples/shop.modeldesk")));

        // The next start: compare, then restore.
        MainWindow window;
        const QString comparison = RecoveryDialog::comparison(orphan);
        QVERIFY2(comparison.contains(u"Models added: invoice"_s), qPrintable(comparison));
        QVERIFY2(comparison.contains(u"Model customer: fields added: phone"_s), qPrintable(comparison));
        whenModal<RecoveryDialog>([](RecoveryDialog *dialog) {
            dialog->compareButton()->click();
            QVERIFY(dialog->comparisonView()->isVisible());
            QVERIFY(dialog->comparisonView()->toPlainText().contains(u"invoice"_s));
            dialog->restoreButton()->click();
        });
        QVERIFY(window.offerRecovery());
        Document *document = window.document();
        QCOMPARE(document->project(), *lastSaved);
        QVERIFY(document->isModified());
        QCOMPARE(document->filePath(), QFileInfo(mShop).absoluteFilePath());
        QVERIFY(window.isWindowModified());
        // The crashed process's file is gone; this window's own autosave holds the work now.
        QVERIFY(!QFile::exists(orphan.path));
        QVERIFY(window.autoSaver()->hasRecoveryFile());
        QCOMPARE(recoveredProject(window.autoSaver()->recoveryPath()), *lastSaved);
        QCOMPARE(RecoveryFile::orphans().size(), 0);
        // Saving writes the restored work and ends the recovery.
        QVERIFY(window.save());
        QVERIFY(!window.autoSaver()->hasRecoveryFile());
        QCOMPARE(*ProjectFile::load(mShop, &error), *lastSaved);
    }

    void debouncedEdits() {
        Document document;
        document.reset(test::loadExample(u"shop"_s), mShop);
        AutoSaver saver(&document, 200);
        qint64 now = 1000; // the saver's clock, advanced by hand below
        saver.setClock([&now] { return now; });
        QSignalSpy saved(&saver, &AutoSaver::saved);
        pushFieldEdit(&document, u"customer"_s, u"phone"_s);
        QCoreApplication::processEvents();
        QCOMPARE(saved.count(), 0); // not at once
        QVERIFY(!saver.hasRecoveryFile());
        QCOMPARE(saver.scheduledDelay(), 200); // one interval after the edit
        QTRY_COMPARE(saved.count(), 1);        // the timer, for real
        QCOMPARE(saver.scheduledDelay(), -1);
        QCOMPARE(recoveredProject(saver.recoveryPath()), document.project());

        // Editing without pause is still written: at the latest a few (4) intervals after the first edit.
        // An edit every 60 ms keeps pushing the write back by one interval, until 800 ms after the first.
        saved.clear();
        for (int i = 0; i <= 13; ++i) {
            pushFieldEdit(&document, u"product"_s, u"extra%1"_s.arg(i));
            QCOMPARE(saver.scheduledDelay(), std::min(200, 800 - 60 * i));
            now += 60;
        }
        pushFieldEdit(&document, u"product"_s, u"extra14"_s); // 840 ms after the first: due now
        QCOMPARE(saver.scheduledDelay(), 0);
        QCOMPARE(saved.count(), 0); // never inside the edit itself
        QCoreApplication::processEvents();
        QCOMPARE(saver.scheduledDelay(), -1); // the write is under way, on the writer's thread
        QTRY_VERIFY2(saved.count() == 1, "continuous editing postponed the autosave forever");
        QCOMPARE(recoveredProject(saver.recoveryPath()), document.project());
    }

    void structuralEditsAreWrittenAtOnce() {
        Document document;
        document.reset(test::loadExample(u"shop"_s), mShop);
        DiagramScene scene(&document);
        AutoSaver saver(&document, 600000); // a debounced write would never come during this test
        QSignalSpy saved(&saver, &AutoSaver::saved);

        // A property edit waits for the debounce.
        pushFieldEdit(&document, u"customer"_s, u"phone"_s);
        QCoreApplication::processEvents();
        QCOMPARE(saver.scheduledDelay(), 600000);
        QCOMPARE(saved.count(), 0);

        // A model added: on the next turn of the event loop, with the pending property edit included.
        document.undoStack()->push(new AddModelCommand(&document, Model{u"coupon"_s}, QPointF(10, 10)));
        QCOMPARE(saved.count(), 0); // never inside the edit itself
        QCOMPARE(saver.scheduledDelay(), 0);
        QCoreApplication::processEvents(); // the next turn of the event loop
        QTRY_COMPARE(saved.count(), 1);    // written on the writer's thread, reported back
        QCOMPARE(recoveredProject(saver.recoveryPath()), document.project());

        // A link drawn (a macro: the key field, the link and its inverse) is one write.
        scene.createLink(u"customer"_s, u"coupon"_s, Link::Kind::HasMany);
        QCOMPARE(saver.scheduledDelay(), 0);
        QCoreApplication::processEvents();
        QTRY_COMPARE(saved.count(), 2);
        QCOMPARE(saver.scheduledDelay(), -1); // nothing more pending
        QCoreApplication::processEvents();
        QCOMPARE(saved.count(), 2);
        QCOMPARE(recoveredProject(saver.recoveryPath()), document.project());

        // A link removed and a model removed: structural too.
        document.undoStack()->push(new RemoveLinkCommand(&document, int(document.schema().links.size()) - 1));
        QCOMPARE(saver.scheduledDelay(), 0);
        QCoreApplication::processEvents();
        QTRY_COMPARE(saved.count(), 3);
        document.undoStack()->push(new RemoveModelCommand(&document, u"coupon"_s));
        QCOMPARE(saver.scheduledDelay(), 0);
        QCoreApplication::processEvents();
        QTRY_COMPARE(saved.count(), 4);
        QCOMPARE(recoveredProject(saver.recoveryPath()), document.project());

        // Changing a link (same number of links) is not structural.
        Link changed = document.schema().links.first();
        changed.onDelete = u"RESTRICT"_s;
        document.undoStack()->push(new ChangeLinkCommand(&document, 0, changed, u"onDelete"_s));
        QCoreApplication::processEvents();
        QCOMPARE(saver.scheduledDelay(), 600000);
        QCOMPARE(saved.count(), 4);
    }

    void recoveryFileGoesWhenNothingIsUnsaved() {
        Document document;
        document.reset(test::loadExample(u"shop"_s), mShop);
        auto saver = std::make_unique<AutoSaver>(&document, 50);
        const QString path = saver->recoveryPath();
        auto edit = [&] {
            pushFieldEdit(&document, u"customer"_s, u"f%1"_s.arg(document.undoStack()->count()));
            QCOMPARE(saver->scheduledDelay(), 50);
            QVERIFY(saver->runScheduledWrite()); // what the timer does 50 ms later
            QVERIFY(QFile::exists(path));
            QVERIFY(QFile::exists(path + u".lock"_s));
        };
        auto gone = [&](const char *when) {
            QVERIFY2(!QFile::exists(path), when);
            QVERIFY2(!QFile::exists(path + u".lock"_s), when);
        };
        edit();
        QString error;
        QVERIFY(document.save({}, &error));
        gone("after a save");
        edit();
        document.undoStack()->undo();
        gone("after undoing back to the saved state");
        edit();
        document.reset(Project(), {});
        gone("after New");
        document.reset(test::loadExample(u"seed"_s), {});
        document.undoStack()->push(new AddModelCommand(&document, Model{u"m"_s}, QPointF()));
        QCOMPARE(saver->scheduledDelay(), 0);
        QCoreApplication::processEvents(); // the next turn of the event loop
        QTRY_VERIFY(QFile::exists(path));
        saver.reset();
        gone("after a normal close");
    }

    void disabledByZeroInterval() {
        Document document;
        document.reset(test::loadExample(u"seed"_s), {});
        AutoSaver saver(&document, 0);
        QSignalSpy saved(&saver, &AutoSaver::saved);
        document.undoStack()->push(new AddModelCommand(&document, Model{u"m"_s}, QPointF()));
        QCoreApplication::processEvents();
        QCOMPARE(saver.scheduledDelay(), -1); // nothing scheduled, ever
        QCOMPARE(saved.count(), 0);
        QVERIFY(!saver.hasRecoveryFile());
        qputenv("MODELDESK_AUTOSAVE_MS", "1234");
        QCOMPARE(AutoSaver::defaultInterval(), 1234);
        qunsetenv("MODELDESK_AUTOSAVE_MS");
        QCOMPARE(AutoSaver::defaultInterval(), AutoSaver::kDefaultInterval);
    }

    // Only files of processes that are gone are offered; a damaged file is not mistaken for one.
    void orphansAreOnlyThoseOfDeadProcesses() {
        Document document;
        document.reset(test::loadExample(u"seed"_s), {}, u"seed example"_s);
        AutoSaver live(&document, 10);
        document.undoStack()->push(new AddModelCommand(&document, Model{u"m"_s}, QPointF()));
        QCOMPARE(live.scheduledDelay(), 0);
        QTRY_VERIFY(live.hasRecoveryFile());
        QCOMPARE(RecoveryFile::orphans().size(), 0); // ours, and we are alive

        const QDir dir(RecoveryFile::directory());
        // A dead process's file with its stale lock (pid 2^22+1 is above Linux's pid_max default).
        RecoveryFile dead;
        dead.path = dir.filePath(u"4194305-1.mdrecovery"_s);
        dead.displayName = u"Untitled"_s;
        dead.savedAt = QDateTime::currentDateTimeUtc();
        dead.pid = 4194305;
        QVERIFY(writeFile(dead.path, dead.encode(test::loadExample(u"shop"_s))));
        QVERIFY(
            writeFile(dead.lockPath(), "4194305\nModelDesk\n" + QSysInfo::machineHostName().toUtf8() + "\n"));
        // Not a recovery file at all.
        QVERIFY(writeFile(dir.filePath(u"junk.mdrecovery"_s), "hello"));

        const QList<RecoveryFile> orphans = RecoveryFile::orphans();
        QCOMPARE(orphans.size(), 1);
        QCOMPARE(orphans.first().path, dead.path);
        QCOMPARE(orphans.first().displayName, u"Untitled"_s);
        QCOMPARE(orphans.first().pid, qint64(4194305));
        QString error;
        QCOMPARE(*orphans.first().load(&error), test::loadExample(u"shop"_s));
        QVERIFY(RecoveryDialog::comparison(orphans.first()).contains(u"This design was never saved"_s));
        QVERIFY(orphans.first().remove());
        QVERIFY(!QFile::exists(dead.path));
        QVERIFY(!QFile::exists(dead.lockPath()));
        QVERIFY(live.hasRecoveryFile());
    }

    void compareDescribesTheDifferences() {
        const Project before = test::loadExample(u"shop"_s);
        Project after = before;
        after.schema.models.removeAt(after.schema.modelIndex(u"profile"_s));
        after.schema.models.append(Model{u"coupon"_s});
        Model *product = after.schema.model(u"product"_s);
        product->fields[1].type = DataType::string(64);
        product->fields.append(Field{u"weight"_s, DataType::ofKind(DataType::Kind::Float)});
        product->paranoid = true;
        after.schema.links.removeFirst();
        after.schema.links.first().onDelete = u"RESTRICT"_s;
        after.schema.links.append(Link{Link::Kind::HasMany, u"customer"_s, u"coupon"_s, u"coupons"_s});
        after.layout.positions[u"order"_s] += QPointF(10, 0);
        const QStringList lines = ProjectDiff::compare(before, after).lines();
        const QString text = lines.join(u'\n');
        QVERIFY2(lines.contains(u"Models added: coupon"_s), qPrintable(text));
        QVERIFY2(lines.contains(u"Models removed: profile"_s), qPrintable(text));
        QVERIFY2(text.contains(u"Model product: fields added: weight; fields changed: sku (type STRING(32) → "
                               u"STRING(64)); options changed: paranoid"_s),
                 qPrintable(text));
        QVERIFY2(text.contains(u"Links added: customer hasMany coupon as coupons"_s), qPrintable(text));
        QVERIFY2(text.contains(u"Links removed: customer hasOne profile"_s), qPrintable(text));
        QVERIFY2(text.contains(u"(onDelete)"_s), qPrintable(text));
        QVERIFY2(lines.contains(u"1 box(es) moved"_s), qPrintable(text));
        QCOMPARE(ProjectDiff::compare(before, before).lines(), QStringList{u"No differences."_s});
        QVERIFY(ProjectDiff::compare(before, before).isEmpty());
    }

    // A project file that fails to parse is never overwritten: not by opening it, not by autosave, not by
    // saving what was open before, not by restoring work that belonged to it.
    void unparseableFileIsNeverOverwritten() {
        const QString broken = mWork.filePath(u"broken.modeldesk"_s);
        const QByteArray garbage = "{\"format\": \"modeldesk\", \"version\": 1, \"models\": [ oops";
        QVERIFY(writeFile(broken, garbage));

        MainWindow window;
        QVERIFY(window.openProject(mShop));
        pushFieldEdit(window.document(), u"customer"_s, u"phone"_s);
        QCOMPARE(window.autoSaver()->scheduledDelay(), window.autoSaver()->interval());
        QVERIFY(window.autoSaver()->runScheduledWrite()); // instead of waiting for the timer
        QVERIFY(window.autoSaver()->hasRecoveryFile());
        whenModal<QMessageBox>([](QMessageBox *box) {
            QVERIFY(box->text().contains(u"broken.modeldesk"_s));
            box->accept();
        });
        QVERIFY(!window.openProject(broken));
        // Still the shop, with its unsaved edit, under its own path.
        QCOMPARE(window.document()->filePath(), QFileInfo(mShop).absoluteFilePath());
        QVERIFY(window.document()->isModified());
        QVERIFY(window.save());
        QCOMPARE(readFile(broken), garbage);

        // Work recovered for a file that has since become unreadable comes back untitled.
        RecoveryFile orphan;
        orphan.path = QDir(RecoveryFile::directory()).filePath(u"4194306-1.mdrecovery"_s);
        orphan.originalPath = broken;
        orphan.displayName = u"broken.modeldesk"_s;
        orphan.savedAt = QDateTime::currentDateTimeUtc();
        orphan.pid = 4194306;
        QVERIFY(writeFile(orphan.path, orphan.encode(test::loadExample(u"seed"_s))));
        QVERIFY2(RecoveryDialog::comparison(orphan).contains(u"cannot be read"_s),
                 qPrintable(RecoveryDialog::comparison(orphan)));
        QString error;
        QVERIFY2(window.restoreRecovery(orphan, &error), qPrintable(error));
        QVERIFY(window.document()->filePath().isEmpty());
        QCOMPARE(window.document()->displayName(), u"broken.modeldesk (recovered)"_s);
        QVERIFY(window.document()->isModified());
        QCOMPARE(window.document()->project(), test::loadExample(u"seed"_s));
        QVERIFY(window.autoSaver()->saveNow(&error)); // what autosave writes for the restored work
        QCOMPARE(readFile(broken), garbage);
        window.document()->undoStack()->setClean();
        window.autoSaver()->discard();
    }

    void dialogDiscardAndLater() {
        auto plant = [&](const char *name) {
            RecoveryFile file;
            file.path = QDir(RecoveryFile::directory()).filePath(QString::fromLatin1(name));
            file.originalPath = mShop;
            file.savedAt = QDateTime::currentDateTimeUtc();
            file.pid = 4194307;
            QDir().mkpath(RecoveryFile::directory());
            Project project = test::loadExample(u"shop"_s);
            project.schema.models.append(Model{u"coupon"_s});
            return writeFile(file.path, file.encode(project)) ? file.path : QString();
        };
        const QString first = plant("4194307-1.mdrecovery");
        QVERIFY(!first.isEmpty());
        MainWindow window;
        whenModal<RecoveryDialog>([](RecoveryDialog *dialog) { dialog->reject(); }); // decide later
        QVERIFY(!window.offerRecovery());
        QVERIFY(QFile::exists(first));
        whenModal<RecoveryDialog>([](RecoveryDialog *dialog) { dialog->discardButton()->click(); });
        QVERIFY(!window.offerRecovery());
        QVERIFY(!QFile::exists(first));
        QVERIFY(!window.document()->isModified());
        QCOMPARE(RecoveryFile::orphans().size(), 0);
    }

private:
    QTemporaryDir mHome;
    QTemporaryDir mWork;
    QString mShop;
};

QTEST_MAIN(TstAutosave)
#include "tst_autosave.moc"
