// The migration file of `modeldesk diff --format sequelize-migration` run the way sequelize-cli runs it
// (umzug with SequelizeStorage, each module's up/down given queryInterface and Sequelize) by the real
// Sequelize 6 on SQLite, PostgreSQL and MariaDB: up takes a database built from OLD with rows to NEW's
// catalog with every kept value and records itself in SequelizeMeta; down returns to OLD's catalog and
// removes the record; a database that is not at OLD is refused before anything changes, naming what differs.
#include "db/sequelizemigration.h"
#include "project/wholefile.h"
#include "support/migrationcheck.h"
#include "support/nodetools.h"
#include "support/scratchdatabase.h"
#include "support/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace modeldesk;
using namespace modeldesk::test;
using namespace Qt::StringLiterals;

namespace {

// One umzug run: its JSON answer, or an object with "error" when node failed to answer.
QJsonObject umzug(const ScratchDatabase &scratch, const QString &engine, const QString &dir,
                  const QString &command) {
    QProcessEnvironment env;
    if (engine == u"sqlite"_s)
        env.insert(u"DATABASE_STORAGE"_s, scratch.connectionUrl().path);
    else
        env.insert(u"DATABASE_URL"_s, scratch.url());
    QByteArray out;
    QString error;
    NodeTools::run(u"run-migration.js"_s, {dir, command}, env, &out, &error);
    const QJsonDocument answer = QJsonDocument::fromJson(out.trimmed().split('\n').last());
    if (!answer.isObject())
        return {{u"ok"_s, false}, {u"error"_s, u"node: "_s + error + QString::fromUtf8(out)}};
    return answer.object();
}

const QStringList kMeta{u"SequelizeMeta"_s};

} // namespace

class TestSequelizeMigration : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QString error;
        if (!NodeTools::ensure(&error)) {
            if (strict())
                QFAIL(qPrintable(error));
            QSKIP(qPrintable(error));
        }
    }

    void upAndDown_data() { addEngineRows(); }
    void upAndDown() {
        QFETCH(QString, engine);
        MODELDESK_SCRATCH_DATABASE(scratch, engine);
        MODELDESK_SCRATCH_DATABASE(reference, engine);
        MODELDESK_SCRATCH_DATABASE(original, engine);
        const Schema before = design(u"old.modeldesk"_s);
        const Schema after = design(u"new.modeldesk"_s);
        QString error;
        QTemporaryDir dir;
        const QString name = SequelizeMigration::fileName(
            QDateTime(QDate(2026, 12, 7), QTime(22, 15), Qt::UTC), u"Writers & Tags"_s);
        QCOMPARE(name, u"20261207221500-writers---tags.js"_s);
        QVERIFY2(
            writeWholeFile(dir.filePath(name),
                           SequelizeMigration::render(SchemaDiff::compare(before, after),
                                                      SchemaDiff::compare(after, before), u"old -> new"_s)
                               .toUtf8(),
                           &error),
            qPrintable(error));

        DatabaseConnection connection(scratch.connectionUrl());
        QVERIFY2(connection.open(&error), qPrintable(error));
        QVERIFY2(sync(connection, before, &error), qPrintable(error));
        QVERIFY(insert(connection, u"authors"_s, {u"id"_s, u"fullName"_s, u"bio"_s},
                       {1, u"Ann Lee"_s, u"bio"_s}));
        QVERIFY(insert(connection, u"books"_s, {u"id"_s, u"title"_s, u"authorId"_s}, {1, u"First"_s, 1}));
        connection.close(); // SQLite: node writes the same file

        QJsonObject answer = umzug(scratch, engine, dir.path(), u"up"_s);
        QVERIFY2(answer.value(u"ok"_s).toBool(), qPrintable(answer.value(u"error"_s).toString()));
        QCOMPARE(answer.value(u"executed"_s).toArray(), QJsonArray{name});

        QVERIFY2(connection.open(&error), qPrintable(error));
        DatabaseConnection fresh(reference.connectionUrl());
        QVERIFY2(fresh.open(&error), qPrintable(error));
        QVERIFY2(sync(fresh, after, &error), qPrintable(error));
        QStringList migrated = catalogText(connection, kMeta);
        const QStringList synced = catalogText(fresh);
        QVERIFY2(migrated == synced, qPrintable(firstDifference(migrated, synced)));
        QCOMPARE(rows(connection, u"writers"_s, {u"id"_s, u"displayName"_s, u"bio"_s, u"level"_s}),
                 QStringList{u"1|Ann Lee|bio|0"_s});
        QCOMPARE(rows(connection, u"books"_s, {u"id"_s, u"title"_s, u"writerId"_s}),
                 QStringList{u"1|First|1"_s});
        connection.close();

        answer = umzug(scratch, engine, dir.path(), u"down"_s);
        QVERIFY2(answer.value(u"ok"_s).toBool(), qPrintable(answer.value(u"error"_s).toString()));
        QCOMPARE(answer.value(u"executed"_s).toArray(), QJsonArray());
        QVERIFY2(connection.open(&error), qPrintable(error));
        DatabaseConnection old(original.connectionUrl());
        QVERIFY2(old.open(&error), qPrintable(error));
        QVERIFY2(sync(old, before, &error), qPrintable(error));
        migrated = catalogText(connection, kMeta);
        const QStringList oldCatalog = catalogText(old);
        QVERIFY2(migrated == oldCatalog, qPrintable(firstDifference(migrated, oldCatalog)));
        QCOMPARE(rows(connection, u"authors"_s, {u"id"_s, u"fullName"_s}), QStringList{u"1|Ann Lee"_s});

        // The database built from NEW is not at OLD: up refuses it, naming what differs, and changes nothing.
        fresh.close();
        answer = umzug(reference, engine, dir.path(), u"up"_s);
        QVERIFY(!answer.value(u"ok"_s).toBool());
        // umzug puts "Migration NAME (up) failed: Original error: " in front.
        QVERIFY2(answer.value(u"error"_s)
                     .toString()
                     .endsWith(u": the database is not where this migration starts (nothing was changed): "
                               "table authors is missing; books.authorId is missing; books.writerId is not "
                               "expected; profiles.authorId is missing; profiles.writerId is not expected; "
                               "profiles.tagId is not expected; tags.authorId is missing"_s),
                 qPrintable(answer.value(u"error"_s).toString()));
        QVERIFY2(fresh.open(&error), qPrintable(error));
        QCOMPARE(catalogText(fresh, kMeta), synced);
    }
};

QTEST_GUILESS_MAIN(TestSequelizeMigration)
#include "tst_sequelize_migration.moc"
