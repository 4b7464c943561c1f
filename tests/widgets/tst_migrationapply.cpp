// File ▸ Migrations… applied to a real database (SQLite file, PostgreSQL, MariaDB): a database built from the
// saved design, with a row in it; the design edited (a field renamed, one added); the steps compared with the
// saved version and applied with the Apply button. The row keeps its value under the new column name, the
// SQLite file was copied first, and comparing with the database afterwards finds no difference. A step that
// fails changes nothing; Cancel on the question starts nothing; Stop rolls back; from the File menu, Data
// mode reconnects to the migrated database.
#include "data/datapage.h"
#include "db/databaseconnection.h"
#include "db/migrationrunner.h"
#include "db/schemasync.h"
#include "document/document.h"
#include "document/modelcommands.h"
#include "project/projectfile.h"
#include "support/modal.h"
#include "support/scratchdatabase.h"
#include "support/testsupport.h"
#include "window/mainwindow.h"
#include "window/migrationdialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace modeldesk;
using namespace Qt::StringLiterals;
using modeldesk::test::whenModal;

namespace {

QString serverVariable(const QString &engine) {
    return engine == u"postgres"_s ? u"MODELDESK_TEST_PG_URL"_s : u"MODELDESK_TEST_MYSQL_URL"_s;
}

// A database at the seed design with one testUser row, Ada.
bool buildAtOld(const ConnectionUrl &url, const Schema &schema, QString *error) {
    DatabaseConnection connection(url);
    if (!connection.open(error))
        return false;
    const SyncReport report = SchemaSync(schema, connection).sync(SyncMode::CreateTables);
    if (!report.ok) {
        *error = report.error;
        return false;
    }
    const SqlDialect dialect = connection.dialect();
    QSqlQuery insert(connection.database());
    insert.prepare(u"INSERT INTO %1 (%2, %3, %4, %5) VALUES (?, ?, ?, ?)"_s.arg(
        dialect.quote(u"testUsers"_s), dialect.quote(u"name"_s), dialect.quote(u"email"_s),
        dialect.quote(u"createdAt"_s), dialect.quote(u"updatedAt"_s)));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QVariant &value :
         {QVariant(u"Ada"_s), QVariant(u"ada@example.com"_s), QVariant(now), QVariant(now)})
        insert.addBindValue(value);
    if (!insert.exec()) {
        *error = DatabaseConnection::describe(insert.lastError());
        return false;
    }
    return true;
}

// The value of `column` in the testUsers row; an error text (never a plausible value) when it cannot be read.
QString readColumn(const ConnectionUrl &url, const QString &column) {
    DatabaseConnection connection(url);
    QString error;
    if (!connection.open(&error))
        return u"<cannot open: %1>"_s.arg(error);
    QSqlQuery query(connection.database());
    if (!query.exec(u"SELECT %1 FROM %2"_s.arg(connection.dialect().quote(column),
                                               connection.dialect().quote(u"testUsers"_s))))
        return u"<%1>"_s.arg(DatabaseConnection::describe(query.lastError()));
    return query.next() ? query.value(0).toString() : u"<no row>"_s;
}

// The edit: testUser.name renamed to fullName (its id kept, so a rename) and a nickname field added.
void renameAndAdd(Document *document) {
    const Model before = *document->schema().model(u"testUser"_s);
    Model after = before;
    after.fields[0].name = u"fullName"_s;
    after.fields.append(Field{u"nickname"_s, DataType::string()});
    document->undoStack()->push(new ChangeModelCommand(document, before, after, u"rename name"_s));
}

// Clicks Apply on the question the Apply button asks; keeps its text.
void answerApply(QString *question) {
    whenModal<QMessageBox>([question](QMessageBox *box) {
        *question = box->text();
        for (QAbstractButton *button : box->buttons())
            if (box->buttonRole(button) == QMessageBox::AcceptRole)
                return button->click();
        box->reject();
    });
}

// Waits for the apply (or the read) under way to end; false when it did not within a minute.
bool waitFor(QSignalSpy &spy) {
    return spy.count() > 0 || spy.wait(60000);
}

} // namespace

class TestMigrationApply : public QObject {
    Q_OBJECT

private slots:
    void applyKeepsValues_data() { test::addEngineRows(); }

    void applyKeepsValues() {
        QFETCH(QString, engine);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        test::ScratchDatabase scratch;
        QString error;
        if (engine == u"sqlite"_s) {
            QVERIFY2(scratch.create(engine, {}, &error), qPrintable(error));
        } else {
            const QString server = test::serverUrl(qPrintable(serverVariable(engine)));
            if (server.isEmpty()) {
                if (test::strict())
                    QFAIL("the server's URL is not set: scripts/test starts the server and sets it");
                QSKIP("the server's URL is not set; run the suite with scripts/test");
            }
            QVERIFY2(scratch.create(engine, server, &error), qPrintable(error));
        }
        const ConnectionUrl url = scratch.connectionUrl();
        const QString projectPath = dir.filePath(u"seed.modeldesk"_s);
        const Project seed = test::loadExample(u"seed"_s);
        QVERIFY2(ProjectFile::save(projectPath, seed, &error), qPrintable(error));
        QVERIFY2(buildAtOld(url, seed.schema, &error), qPrintable(error));

        MainWindow window;
        QVERIFY(window.openProject(projectPath));
        renameAndAdd(window.document());

        MigrationDialog dialog(window.document(), &window);
        QVERIFY(dialog.hasPlan());
        QVERIFY(!dialog.applyButton()->isEnabled()); // no database yet
        dialog.setDatabase(url, u"the test database"_s);
        QVERIFY(dialog.applyButton()->isEnabled());

        QSignalSpy finished(&dialog, &MigrationDialog::applyFinished);
        QSignalSpy compared(&dialog, &MigrationDialog::compared);
        QString question;
        answerApply(&question);
        QVERIFY(dialog.applyToDatabase());
        QVERIFY2(question.contains(u"Apply 2 steps to the test database?"_s), qPrintable(question));
        QVERIFY2(question.contains(engine == u"mysql"_s ? u"stay applied"_s : u"nothing is changed"_s),
                 qPrintable(question));
        QVERIFY(!dialog.applyButton()->isEnabled()); // nothing else while it runs
        QVERIFY(waitFor(finished));
        QVERIFY2(finished.first().first().toString().isEmpty(),
                 qPrintable(finished.first().first().toString()));
        // The bar counted the statements up to the last one.
        QVERIFY(dialog.lastProgress().second > 0);
        QCOMPARE(dialog.lastProgress().first, dialog.lastProgress().second);

        // The renamed column kept its value; the added one is there.
        QCOMPARE(readColumn(url, u"fullName"_s), u"Ada"_s);
        QCOMPARE(readColumn(url, u"nickname"_s), QString());
        QVERIFY(readColumn(url, u"name"_s).startsWith(u'<')); // gone

        if (engine == u"sqlite"_s) {
            QVERIFY(!dialog.lastBackup().isEmpty());
            QVERIFY2(QFileInfo::exists(dialog.lastBackup()), qPrintable(dialog.lastBackup()));
            QVERIFY2(question.contains(QFileInfo(dialog.lastBackup()).fileName()), qPrintable(question));
            QCOMPARE(readColumn(ConnectionUrl::file(dialog.lastBackup()), u"name"_s), u"Ada"_s);
        } else {
            QVERIFY(dialog.lastBackup().isEmpty());
        }

        // The dialog compares the migrated database with the design again: nothing differs.
        QVERIFY(waitFor(compared));
        QVERIFY(dialog.hasPlan());
        QVERIFY2(dialog.plan().isEmpty(), qPrintable(dialog.message() + u'\n' + [&] {
                     QStringList steps;
                     for (const MigrationStep &step : dialog.plan().steps)
                         steps << step.description;
                     return steps.join(u'\n');
                 }()));
        QVERIFY2(dialog.message().contains(u"now matches the design"_s), qPrintable(dialog.message()));
        if (engine == u"sqlite"_s)
            if (const QString shots = qEnvironmentVariable("MODELDESK_SCREENSHOT_DIR"); !shots.isEmpty())
                dialog.grab().save(shots + u"/migration-applied.png"_s);
    }

    // A NOT NULL column without a default on a table with rows: the precheck fails, nothing is changed, and
    // the message says so. Cancel on the question starts nothing.
    void failureAndCancelChangeNothing() {
        QTemporaryDir dir;
        QString error;
        const QString projectPath = dir.filePath(u"seed.modeldesk"_s);
        const Project seed = test::loadExample(u"seed"_s);
        QVERIFY(ProjectFile::save(projectPath, seed, &error));
        const ConnectionUrl url = ConnectionUrl::file(dir.filePath(u"data.db"_s));
        QVERIFY2(buildAtOld(url, seed.schema, &error), qPrintable(error));

        Document document;
        document.reset(*ProjectFile::load(projectPath, &error), projectPath);
        const Model before = *document.schema().model(u"testUser"_s);
        Model after = before;
        Field required{u"phone"_s, DataType::string()};
        required.allowNull = false;
        after.fields.append(required);
        document.undoStack()->push(new ChangeModelCommand(&document, before, after, u"phone"_s));

        MigrationDialog dialog(&document);
        dialog.setDatabase(url, u"data.db"_s);
        QSignalSpy finished(&dialog, &MigrationDialog::applyFinished);
        QString question;
        answerApply(&question);
        QVERIFY(dialog.applyToDatabase());
        QVERIFY(waitFor(finished));
        const QString failure = finished.first().first().toString();
        QVERIFY2(failure.contains(u"phone"_s), qPrintable(failure));
        QVERIFY2(dialog.message().contains(u"nothing was changed"_s), qPrintable(dialog.message()));
        QVERIFY(readColumn(url, u"phone"_s).startsWith(u'<'));
        QCOMPARE(readColumn(url, u"name"_s), u"Ada"_s);
        QVERIFY(dialog.applyButton()->isEnabled()); // the plan is still there to try again

        // Dropping email loses data: the question names it, and Cancel starts nothing.
        const Model phoned = *document.schema().model(u"testUser"_s);
        Model dropped = phoned;
        dropped.fields.removeAt(2); // phone
        dropped.fields.removeAt(1); // email
        document.undoStack()->push(new ChangeModelCommand(&document, phoned, dropped, u"drop email"_s));
        QVERIFY(dialog.compareWithSaved());
        whenModal<QMessageBox>([&question](QMessageBox *box) {
            question = box->text();
            box->button(QMessageBox::Cancel)->click();
        });
        QVERIFY(!dialog.applyToDatabase());
        QVERIFY2(question.contains(u"can lose data"_s) && question.contains(u"email"_s),
                 qPrintable(question));
        QVERIFY(!dialog.isApplying());
        QCOMPARE(readColumn(url, u"email"_s), u"ada@example.com"_s);
    }

    // An untitled design (as an import leaves it) has no saved version: the dialog compares it with the
    // database at once. The database's columns get the ids a field created under their names gets, so a field
    // renamed since is a rename; a column renamed behind the design's back is a drop and an add.
    void untitledComparesWithTheDatabase() {
        QTemporaryDir dir;
        QString error;
        const Project seed = test::loadExample(u"seed"_s);
        const ConnectionUrl url = ConnectionUrl::file(dir.filePath(u"imported.db"_s));
        QVERIFY2(buildAtOld(url, seed.schema, &error), qPrintable(error));
        Document document;
        document.reset(seed, {});
        renameAndAdd(&document);

        MigrationDialog dialog(&document);
        QVERIFY(!dialog.hasPlan());
        QSignalSpy compared(&dialog, &MigrationDialog::compared);
        dialog.setDatabase(url, u"imported.db"_s);
        QVERIFY(waitFor(compared));
        QVERIFY2(dialog.hasPlan(), qPrintable(dialog.message()));
        QStringList steps;
        for (const MigrationStep &step : dialog.plan().steps)
            steps << step.description;
        QCOMPARE(steps, QStringList({u"rename column testUsers.name to fullName"_s,
                                     u"add column testUsers.nickname STRING"_s}));
        QVERIFY(!dialog.plan().hasDataLoss());

        // A column the design never had under the database's name is matched by name: a drop and an add.
        {
            DatabaseConnection connection(url);
            QVERIFY(connection.open(&error));
            QVERIFY2(connection.execute(u"ALTER TABLE \"testUsers\" RENAME COLUMN \"email\" TO \"mail\""_s,
                                        &error),
                     qPrintable(error));
        }
        compared.clear();
        dialog.compareWithDatabase();
        QVERIFY(waitFor(compared));
        steps.clear();
        for (const MigrationStep &step : dialog.plan().steps)
            steps << step.description;
        QVERIFY2(steps.contains(u"drop column testUsers.mail"_s), qPrintable(steps.join(u'\n')));
        QVERIFY2(steps.contains(u"add column testUsers.email STRING"_s), qPrintable(steps.join(u'\n')));
        QVERIFY(dialog.plan().hasDataLoss());
    }

    // The runner's progress callback stops a migration before its next statement; where DDL is
    // transactional, everything is rolled back.
    void stopRollsBack_data() {
        QTest::addColumn<QString>("engine");
        QTest::newRow("sqlite") << u"sqlite"_s;
        QTest::newRow("postgres") << u"postgres"_s;
    }

    void stopRollsBack() {
        QFETCH(QString, engine);
        test::ScratchDatabase scratch;
        QString error;
        if (engine == u"sqlite"_s) {
            QVERIFY2(scratch.create(engine, {}, &error), qPrintable(error));
        } else {
            MODELDESK_REQUIRE_SERVER(server, "MODELDESK_TEST_PG_URL");
            QVERIFY2(scratch.create(engine, server, &error), qPrintable(error));
        }
        const ConnectionUrl url = scratch.connectionUrl();
        const Project seed = test::loadExample(u"seed"_s);
        QVERIFY2(buildAtOld(url, seed.schema, &error), qPrintable(error));
        Document document;
        document.reset(seed, {});
        renameAndAdd(&document);
        const MigrationPlan plan = SchemaDiff::compare(seed.schema, document.schema());

        DatabaseConnection connection(url);
        QVERIFY(connection.open(&error));
        MigrationRunner runner(connection);
        int calls = 0;
        runner.setProgress([&calls](int done, int total) {
            ++calls;
            return done >= total; // stop after the first of several
        });
        QVERIFY(!runner.apply(plan, &error));
        QVERIFY(runner.wasStopped());
        QVERIFY2(error.contains(u"stopped"_s), qPrintable(error));
        QVERIFY(calls >= 1); // SQLite counts the statements before the transaction too
        connection.close();
        QCOMPARE(readColumn(url, u"name"_s), u"Ada"_s);
        QVERIFY(readColumn(url, u"fullName"_s).startsWith(u'<'));
        QVERIFY(readColumn(url, u"nickname"_s).startsWith(u'<'));
    }

    // From the File menu with Data mode connected to the project's database: the dialog offers it, applies,
    // and Data mode reconnects to the migrated tables without finding a difference.
    void fromTheMenuDataModeReconnects() {
        QTemporaryDir dir;
        QString error;
        const QString projectPath = dir.filePath(u"seed.modeldesk"_s);
        const Project seed = test::loadExample(u"seed"_s);
        QVERIFY(ProjectFile::save(projectPath, seed, &error));
        QVERIFY2(buildAtOld(ConnectionUrl::file(dir.filePath(u"seed.db"_s)), seed.schema, &error),
                 qPrintable(error));

        MainWindow window;
        QVERIFY(window.openProject(projectPath));
        window.dataPage()->activate();
        QVERIFY(window.dataPage()->connectedUrl().has_value());
        renameAndAdd(window.document());

        QString finishedError = u"<not run>"_s;
        QString question;
        whenModal<MigrationDialog>([&](MigrationDialog *dialog) {
            if (dialog->applyButton()->isEnabled()) {
                QSignalSpy finished(dialog, &MigrationDialog::applyFinished);
                answerApply(&question);
                if (dialog->applyToDatabase() && waitFor(finished))
                    finishedError = finished.first().first().toString();
            }
            dialog->reject();
        });
        window.action(u"actionMigrations"_s)->trigger();
        QVERIFY2(finishedError.isEmpty(), qPrintable(finishedError));
        QVERIFY2(question.contains(u"seed.db"_s), qPrintable(question));

        window.dataPage()->activate();
        QCOMPARE(readColumn(ConnectionUrl::file(dir.filePath(u"seed.db"_s)), u"fullName"_s), u"Ada"_s);
        const QString shown = window.dataPage()->messageLabel()->text();
        QVERIFY2(!shown.contains(u"differs"_s) && !shown.contains(u"lacks"_s), qPrintable(shown));
        QVERIFY(window.dataPage()->connectedUrl().has_value());
    }
};

QTEST_MAIN(TestMigrationApply)
#include "tst_migrationapply.moc"
