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
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
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
        QVERIFY(!dialog.readModels(dialog.path()));
        QVERIFY(asked);
        QCOMPARE(dialog.status()->text(), u"Nothing was run."_s);
        QVERIFY(!dialog.openButton()->isEnabled());

        asked = false;
        answerQuestion(QMessageBox::Yes, &asked);
        QVERIFY2(dialog.readModels(dialog.path()), qPrintable(dialog.status()->text()));
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
        QVERIFY(dialog.readModels(dialog.path()));
        QCoreApplication::processEvents();
        QVERIFY(!asked);
    }

    void failureShownInTheDialog() {
        SequelizeImportDialog dialog;
        QVERIFY(!dialog.readModels(kCode + u"/broken/syntax"_s));
        QCOMPARE(dialog.status()->text(),
                 u"Cannot read the models: syntax error in user.js line 5: Unexpected token ')'"_s);
        QVERIFY(!dialog.openButton()->isEnabled());
        QCOMPARE(dialog.summary()->topLevelItemCount(), 0);
    }

    void opensAsNewUnsavedDesign() {
        SequelizeImportDialog dialog;
        QVERIFY(dialog.readModels(kCode + u"/seed-style"_s));
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
