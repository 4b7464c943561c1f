// File ▸ Migrations…, driven as a person would: a project opened from a temp dir, edited through the
// document's undo commands; the dialog compares it with the file as saved and lists a renamed model as a
// rename (not a drop and an add), a dropped field as a red row with its reason, saves SQLite SQL (with
// RENAME in it) and asks before writing a data-losing migration (Cancel writes nothing). An untitled design
// says it has no saved version. With MODELDESK_SCREENSHOT_DIR set, the dialog is saved there as a PNG.
#include "document/document.h"
#include "document/modelcommands.h"
#include "project/projectfile.h"
#include "support/modal.h"
#include "support/testsupport.h"
#include "window/mainwindow.h"
#include "window/migrationdialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace modeldesk;
using modeldesk::test::whenModal;
using namespace Qt::StringLiterals;

namespace {

QStringList rows(const QListWidget *list) {
    QStringList out;
    for (int i = 0; i < list->count(); ++i)
        out << list->item(i)->text();
    return out;
}

QByteArray readAll(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QPushButton *button(const QDialog &dialog, const QString &text) {
    for (QPushButton *candidate : dialog.findChildren<QPushButton *>())
        if (candidate->text() == text)
            return candidate;
    qFatal("no button %s", qPrintable(text));
}

void selectDialect(MigrationDialog &dialog, const QString &name) {
    const int index = dialog.dialectBox()->findData(name);
    QVERIFY(index >= 0);
    dialog.dialectBox()->setCurrentIndex(index);
}

} // namespace

class TestMigrationDialog : public QObject {
    Q_OBJECT

private slots:
    void renameIsARenameAndDropIsRed() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString projectPath = dir.filePath(u"seed.modeldesk"_s);
        QString error;
        QVERIFY2(ProjectFile::save(projectPath, test::loadExample(u"seed"_s), &error), qPrintable(error));

        MainWindow window;
        QVERIFY(window.openProject(projectPath));
        Document *document = window.document();
        document->undoStack()->push(new RenameModelCommand(document, u"testUser"_s, u"person"_s));

        // The File menu's entry opens the dialog on the saved version.
        QStringList fromMenu;
        whenModal<MigrationDialog>([&fromMenu](MigrationDialog *dialog) {
            fromMenu = rows(dialog->stepList());
            dialog->reject();
        });
        window.action(u"actionMigrations"_s)->trigger();
        QVERIFY2(fromMenu.contains(u"rename table testUsers to people"_s), qPrintable(fromMenu.join(u'\n')));

        MigrationDialog dialog(document, &window);
        dialog.show();
        QVERIFY(dialog.hasPlan());
        const QStringList steps = rows(dialog.stepList());
        QVERIFY2(steps.contains(u"rename table testUsers to people"_s), qPrintable(steps.join(u'\n')));
        QVERIFY2(!steps.join(u'\n').contains(u"drop"_s), qPrintable(steps.join(u'\n')));
        QVERIFY(!dialog.plan().hasDataLoss());

        selectDialect(dialog, u"sqlite"_s);
        const QString sqlPath = dir.filePath(u"rename.sql"_s);
        QVERIFY(dialog.saveSql(sqlPath)); // nothing loses data: no question asked
        const QByteArray sql = readAll(sqlPath);
        QVERIFY2(sql.contains("RENAME TO"), sql.constData());
        QVERIFY2(!sql.contains("DROP TABLE `"), sql.constData());

        // The button, as a person clicks it: the file dialog, a PostgreSQL script.
        selectDialect(dialog, u"postgres"_s);
        const QString pgPath = dir.filePath(u"rename-pg.sql"_s);
        whenModal<QFileDialog>([&pgPath](QFileDialog *files) {
            // Typed into the name box, as a person would (selectFile races the folder's loading).
            auto *name = files->findChild<QLineEdit *>(u"fileNameEdit"_s);
            if (!name) { // then nothing is written and the check below fails
                QMetaObject::invokeMethod(files, "reject", Qt::QueuedConnection);
                return;
            }
            name->setText(pgPath);
            QMetaObject::invokeMethod(files, "accept", Qt::QueuedConnection);
        });
        button(dialog, u"Save as &SQL…"_s)->click();
        QVERIFY2(readAll(pgPath).contains("ALTER TABLE \"testUsers\" RENAME TO \"people\""),
                 readAll(pgPath).constData());
        QVERIFY(dialog.message().contains(u"rename-pg.sql"_s));

        const QString migration = dialog.saveSequelizeMigration(dir.filePath(u"migrations"_s));
        QVERIFY(migration.endsWith(u"-seed.js"_s));
        QVERIFY(readAll(migration).contains("up: (queryInterface) =>"));
        QVERIFY(readAll(migration).contains("RENAME TO"));

        // Drop a field: a red row with the reason as its tooltip.
        const Model before = *document->schema().model(u"person"_s);
        Model after = before;
        after.fields.removeAt(1); // email
        document->undoStack()->push(new ChangeModelCommand(document, before, after, u"drop email"_s));
        QVERIFY(dialog.compareWithSaved());
        QListWidgetItem *dropped = nullptr;
        for (int i = 0; i < dialog.stepList()->count(); ++i)
            if (dialog.stepList()->item(i)->text().contains(u"email"_s))
                dropped = dialog.stepList()->item(i);
        QVERIFY2(dropped, qPrintable(rows(dialog.stepList()).join(u'\n')));
        QVERIFY(dropped->data(Qt::UserRole).toBool());
        QCOMPARE(dropped->foreground().color(), QColor(0xc0, 0x1c, 0x1c));
        QVERIFY(!dropped->toolTip().isEmpty());
        QVERIFY(dialog.message().contains(u"can lose data"_s));

        if (const QString shots = qEnvironmentVariable("MODELDESK_SCREENSHOT_DIR"); !shots.isEmpty())
            dialog.grab().save(shots + u"/migration-dialog.png"_s);

        // Saving asks first: Cancel writes nothing, Save writes the file.
        const QString lossPath = dir.filePath(u"loss.sql"_s);
        QString question;
        whenModal<QMessageBox>([&question](QMessageBox *box) {
            question = box->text();
            box->button(QMessageBox::Cancel)->click();
        });
        QVERIFY(!dialog.saveSql(lossPath));
        QVERIFY2(question.contains(u"email"_s), qPrintable(question));
        QVERIFY(!QFile::exists(lossPath));
        whenModal<QMessageBox>([](QMessageBox *box) { box->button(QMessageBox::Save)->click(); });
        QVERIFY(dialog.saveSql(lossPath));
        QVERIFY(readAll(lossPath).contains("email"));

        // Another file: the saved file itself against a copy of the edited design.
        const QString editedPath = dir.filePath(u"edited.modeldesk"_s);
        QVERIFY(ProjectFile::save(editedPath, document->project(), &error));
        QVERIFY(dialog.compareWithFile(editedPath));
        QCOMPARE(dialog.stepList()->count(), 0);
        QVERIFY(dialog.message().contains(u"No differences"_s));
        QVERIFY(!dialog.compareWithFile(dir.filePath(u"missing.modeldesk"_s)));
        QVERIFY(dialog.message().contains(u"missing.modeldesk"_s));

        // A design with errors (two fields of one name) is not compared: the message names the problem.
        const Model current = *document->schema().model(u"person"_s);
        Model twice = current;
        twice.fields.append(Field{current.fields.at(0).name, DataType::string()});
        document->undoStack()->push(new ChangeModelCommand(document, current, twice, u"twice"_s));
        QVERIFY(!dialog.compareWithSaved());
        QVERIFY2(dialog.message().contains(u"errors"_s), qPrintable(dialog.message()));
        QCOMPARE(dialog.stepList()->count(), 0);
        QVERIFY(!dialog.saveSql(dir.filePath(u"errors.sql"_s)));
        QVERIFY(!QFile::exists(dir.filePath(u"errors.sql"_s)));
    }

    void unsupportedStepWritesNothing() {
        QTemporaryDir dir;
        const QString projectPath = dir.filePath(u"seed.modeldesk"_s);
        QString error;
        QVERIFY2(ProjectFile::save(projectPath, test::loadExample(u"seed"_s), &error), qPrintable(error));
        Document document;
        document.reset(*ProjectFile::load(projectPath, &error), projectPath);
        const Model before = *document.schema().model(u"test"_s);
        Model after = before;
        after.fields[0].primaryKey = true; // code becomes the key: a step ModelDesk does not write
        document.undoStack()->push(new ChangeModelCommand(&document, before, after, u"key"_s));

        MigrationDialog dialog(&document);
        QVERIFY(dialog.hasPlan());
        QVERIFY(!dialog.plan().unsupported().isEmpty());
        bool marked = false;
        for (int i = 0; i < dialog.stepList()->count(); ++i) {
            const QListWidgetItem *item = dialog.stepList()->item(i);
            if (item->text().contains(u"not supported"_s))
                marked = item->foreground().color() == QColor(0xc0, 0x1c, 0x1c);
        }
        QVERIFY2(marked, qPrintable(rows(dialog.stepList()).join(u'\n')));
        QVERIFY(!button(dialog, u"Save as &SQL…"_s)->isEnabled());
        QVERIFY(!button(dialog, u"Save as Sequelize &Migration…"_s)->isEnabled());
        QVERIFY(!dialog.saveSql(dir.filePath(u"key.sql"_s)));
        QVERIFY(!QFile::exists(dir.filePath(u"key.sql"_s)));
    }

    void untitledHasNoSavedVersion() {
        Document document;
        document.reset(test::loadExample(u"seed"_s), {});
        MigrationDialog dialog(&document);
        QVERIFY(!dialog.hasPlan());
        QCOMPARE(dialog.stepList()->count(), 0);
        QVERIFY(dialog.findChild<QLabel *>() != nullptr);
        bool saysSo = false;
        for (const QLabel *label : dialog.findChildren<QLabel *>())
            saysSo = saysSo || label->text().contains(u"never been saved"_s);
        QVERIFY(saysSo);
        if (const QString shots = qEnvironmentVariable("MODELDESK_SCREENSHOT_DIR"); !shots.isEmpty())
            dialog.grab().save(shots + u"/migration-dialog-untitled.png"_s);
        QVERIFY(!dialog.saveSql(u"/nonexistent/never.sql"_s));
    }
};

QTEST_MAIN(TestMigrationDialog)
#include "tst_migrationdialog.moc"
