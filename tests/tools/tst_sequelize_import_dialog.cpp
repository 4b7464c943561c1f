// File > Import Sequelize Models…, driven offscreen with the real Node and Sequelize of the test tools: the
// one-time question before any code runs (No runs nothing; Yes is remembered), the models, links and
// warnings shown, a failure shown in the dialog, and Open giving a new unsaved, laid-out document.
#include "document/document.h"
#include "support/nodetools.h"
#include "window/mainwindow.h"
#include "window/sequelizeimportdialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace modeldesk;
using namespace modeldesk::test;
using namespace Qt::StringLiterals;

namespace {

const QString kCode = QStringLiteral(MODELDESK_TEST_DATA "/sequelize-code");

// Answers the next question box with `button`, once it is shown; true in *asked when there was one.
void answerQuestion(QMessageBox::StandardButton button, bool *asked) {
    QTimer::singleShot(0, [button, asked] {
        for (QWidget *widget : QApplication::topLevelWidgets())
            if (auto *box = qobject_cast<QMessageBox *>(widget); box && box->isVisible()) {
                *asked = true;
                box->button(button)->click();
                return;
            }
    });
}

// Reads `path` and waits for the pool thread to end; true when the models were read.
bool readAndWait(SequelizeImportDialog &dialog, const QString &path) {
    QSignalSpy done(&dialog, &SequelizeImportDialog::readDone);
    if (!dialog.readModels(path))
        return false;
    if (!done.wait(120000))
        return false;
    return done.first().first().toBool();
}

QTreeWidgetItem *section(QTreeWidget *tree, int index) {
    return tree->topLevelItem(index);
}

} // namespace

class TstSequelizeImportDialog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        MODELDESK_REQUIRE_NODE_TOOLS();
        QStandardPaths::setTestModeEnabled(true);
        QSettings().remove(SequelizeImportDialog::consentKey());
        qputenv("NODE_PATH", (NodeTools::cacheDir() + u"/node_modules"_s).toLocal8Bit());
    }

    void asksOnceThenReads() {
        SequelizeImportDialog dialog;
        dialog.show();
        dialog.pathEdit()->setText(kCode + u"/cli-app/models"_s);

        bool asked = false;
        answerQuestion(QMessageBox::No, &asked);
        QVERIFY(!readAndWait(dialog, dialog.path()));
        QVERIFY(asked);
        QCOMPARE(dialog.status()->text(), u"Nothing was run."_s);
        QVERIFY(!dialog.openButton()->isEnabled());

        asked = false;
        answerQuestion(QMessageBox::Yes, &asked);
        QVERIFY2(readAndWait(dialog, dialog.path()), qPrintable(dialog.status()->text()));
        QVERIFY(asked);
        QVERIFY(dialog.openButton()->isEnabled());
        QTreeWidget *tree = dialog.summary();
        QCOMPARE(section(tree, 0)->text(1), u"3"_s); // models
        QCOMPARE(section(tree, 0)->child(0)->text(0), u"Group"_s);
        QCOMPARE(section(tree, 1)->text(1), u"4"_s); // links
        QCOMPARE(section(tree, 1)->child(2)->text(0), u"User hasMany Post"_s);
        QCOMPARE(section(tree, 2)->text(1), u"6"_s);               // warnings
        QCOMPARE(section(tree, 2)->child(0)->text(0), u"Group"_s); // its (kind, name) index

        if (const QString shots = qEnvironmentVariable("MODELDESK_SCREENSHOT_DIR"); !shots.isEmpty())
            dialog.grab().save(shots + u"/import-sequelize-dialog.png"_s);

        // Remembered: no second question.
        asked = false;
        answerQuestion(QMessageBox::Yes, &asked);
        QVERIFY(readAndWait(dialog, dialog.path()));
        QCoreApplication::processEvents();
        QVERIFY(!asked);
    }

    // Node runs off the window's thread: while it does, a busy bar and Stop show and the window answers;
    // Escape stops Node (the dialog stays open, nothing read), and the next read works.
    void stopWhileReading() {
        QTemporaryDir dir;
        QFile file(dir.filePath(u"forever.js"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("for (;;) {}\n");
        file.close();
        QSettings().setValue(SequelizeImportDialog::consentKey(), true); // asked once before, as a user was
        SequelizeImportDialog dialog;
        dialog.show();
        QSignalSpy done(&dialog, &SequelizeImportDialog::readDone);
        QVERIFY(dialog.readModels(dir.path()));
        QVERIFY(dialog.isReading());
        auto *busy = dialog.findChild<QProgressBar *>();
        QVERIFY(busy && busy->isVisible());
        QVERIFY(!dialog.readModels(dir.path())); // one read at a time
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(dialog.isVisible());
        QVERIFY(done.wait(10000)); // Node is stopped within its 100 ms slice, not at the 60 s limit
        QCOMPARE(done.first().first().toBool(), false);
        QVERIFY(!dialog.isReading());
        QVERIFY(!busy->isVisible());
        QCOMPARE(dialog.status()->text(), u"Stopped: nothing was read."_s);
        QVERIFY(!dialog.result());
        QVERIFY(!dialog.openButton()->isEnabled());
        QVERIFY(readAndWait(dialog, kCode + u"/seed-style"_s));
        QVERIFY(dialog.openButton()->isEnabled());
    }

    void failureShownInTheDialog() {
        SequelizeImportDialog dialog;
        QVERIFY(!readAndWait(dialog, kCode + u"/broken/syntax"_s));
        QCOMPARE(dialog.status()->text(),
                 u"Cannot read the models: syntax error in user.js line 5: Unexpected token ')'"_s);
        QVERIFY(!dialog.openButton()->isEnabled());
        QCOMPARE(dialog.summary()->topLevelItemCount(), 0);
    }

    void opensAsNewUnsavedDesign() {
        SequelizeImportDialog dialog;
        QVERIFY(readAndWait(dialog, kCode + u"/seed-style"_s));
        MainWindow window;
        QVERIFY(window.action(u"actionImportSequelize"_s));
        window.openImportedDesign(dialog.result()->project, kCode + u"/seed-style"_s);
        Document *document = window.document();
        QVERIFY(document->filePath().isEmpty());
        QVERIFY(document->isModified());
        QCOMPARE(document->project().schema.models.size(), 2);
        QCOMPARE(document->project().layout.positions.size(), 2);
        QVERIFY(document->project().layout.positions.value(u"testUser"_s) !=
                document->project().layout.positions.value(u"test"_s));
        if (const QString shots = qEnvironmentVariable("MODELDESK_SCREENSHOT_DIR"); !shots.isEmpty()) {
            window.resize(1100, 700);
            window.show();
            QCoreApplication::processEvents();
            window.grab().save(shots + u"/import-sequelize-opened.png"_s);
        }
    }
};

QTEST_MAIN(TstSequelizeImportDialog)
#include "tst_sequelize_import_dialog.moc"
