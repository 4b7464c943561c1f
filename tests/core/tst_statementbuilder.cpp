// The statement builder: the text of every INSERT, UPDATE, DELETE and soft delete a save runs, per dialect,
// with identifiers quoted and values bound; and the dialect's answers that replace branches on its kind.
#include "sql/sqldialect.h"
#include "sql/statementbuilder.h"

#include <QTest>

using namespace modeldesk;
using namespace Qt::StringLiterals;

class TestStatementBuilder : public QObject {
    Q_OBJECT

private slots:
    void insertPerDialect() {
        const StatementBuilder sqlite(SqlDialect(SqlDialect::Kind::Sqlite));
        const StatementBuilder postgres(SqlDialect(SqlDialect::Kind::Postgres));
        const StatementBuilder mysql(SqlDialect(SqlDialect::Kind::MySql));
        QCOMPARE(sqlite.insert(u"users"_s, {u"name"_s, u"email"_s}, u"id"_s),
                 u"INSERT INTO `users` (`name`, `email`) VALUES (?, ?)"_s);
        // Only PostgreSQL returns the generated key with the insert.
        QCOMPARE(postgres.insert(u"users"_s, {u"name"_s, u"email"_s}, u"id"_s),
                 u"INSERT INTO \"users\" (\"name\", \"email\") VALUES (?, ?) RETURNING \"id\""_s);
        QCOMPARE(mysql.insert(u"users"_s, {u"name"_s}, u"id"_s),
                 u"INSERT INTO `users` (`name`) VALUES (?)"_s);
        // No column at all: each engine's own way of inserting defaults.
        QCOMPARE(sqlite.insert(u"t"_s, {}), u"INSERT INTO `t` DEFAULT VALUES"_s);
        QCOMPARE(postgres.insert(u"t"_s, {}, u"id"_s),
                 u"INSERT INTO \"t\" DEFAULT VALUES RETURNING \"id\""_s);
        QCOMPARE(mysql.insert(u"t"_s, {}), u"INSERT INTO `t` () VALUES ()"_s);
    }

    void updateDeleteAndSoftDelete() {
        const StatementBuilder sqlite(SqlDialect(SqlDialect::Kind::Sqlite));
        const StatementBuilder postgres(SqlDialect(SqlDialect::Kind::Postgres));
        QCOMPARE(sqlite.update(u"users"_s, {u"name"_s, u"updatedAt"_s}, {u"id"_s}),
                 u"UPDATE `users` SET `name` = ?, `updatedAt` = ? WHERE `id` = ?"_s);
        QCOMPARE(postgres.update(u"items"_s, {u"qty"_s}, {u"orderId"_s, u"productId"_s}),
                 u"UPDATE \"items\" SET \"qty\" = ? WHERE \"orderId\" = ? AND \"productId\" = ?"_s);
        QCOMPARE(postgres.clear(u"orders"_s, u"customerId"_s, {u"id"_s}),
                 u"UPDATE \"orders\" SET \"customerId\" = NULL WHERE \"id\" = ?"_s);
        QCOMPARE(sqlite.remove(u"items"_s, {u"a"_s, u"b"_s}),
                 u"DELETE FROM `items` WHERE `a` = ? AND `b` = ?"_s);
        QCOMPARE(postgres.softDelete(u"users"_s, u"deletedAt"_s, u"id"_s),
                 u"UPDATE \"users\" SET \"deletedAt\" = ? WHERE \"id\" = ? AND \"deletedAt\" IS NULL"_s);
        // Sequelize's destroy() of a paranoid record and its setX/removeX write updatedAt as well.
        QCOMPARE(
            postgres.softDelete(u"users"_s, u"deletedAt"_s, u"id"_s, u"updatedAt"_s),
            u"UPDATE \"users\" SET \"deletedAt\" = ?, \"updatedAt\" = ? WHERE \"id\" = ? AND \"deletedAt\" IS NULL"_s);
        QCOMPARE(postgres.clear(u"orders"_s, u"customerId"_s, {u"id"_s}, u"updatedAt"_s),
                 u"UPDATE \"orders\" SET \"customerId\" = NULL, \"updatedAt\" = ? WHERE \"id\" = ?"_s);
    }

    // Sequelize's instance.restore(): deletedAt back to NULL and updatedAt written (it saves the instance),
    // only for a record that is deleted.
    void restore() {
        const StatementBuilder postgres(SqlDialect(SqlDialect::Kind::Postgres));
        const StatementBuilder mysql(SqlDialect(SqlDialect::Kind::MySql));
        QCOMPARE(postgres.restore(u"users"_s, u"deletedAt"_s, u"updatedAt"_s, u"id"_s),
                 u"UPDATE \"users\" SET \"deletedAt\" = NULL, \"updatedAt\" = ? WHERE \"id\" = ? AND "
                 u"\"deletedAt\" IS NOT NULL"_s);
        QCOMPARE(mysql.restore(u"a`b"_s, u"deleted_at"_s, QString(), u"k"_s),
                 u"UPDATE `a``b` SET `deleted_at` = NULL WHERE `k` = ? AND `deleted_at` IS NOT NULL"_s);
    }

    void hostileNamesAreQuoted() {
        const StatementBuilder mysql(SqlDialect(SqlDialect::Kind::MySql));
        const StatementBuilder postgres(SqlDialect(SqlDialect::Kind::Postgres));
        QCOMPARE(mysql.remove(u"a`b"_s, {u"k\"ey"_s}), u"DELETE FROM `a``b` WHERE `k\"ey` = ?"_s);
        QCOMPARE(postgres.insert(u"o'); DROP"_s, {u"x\"y"_s}),
                 u"INSERT INTO \"o'); DROP\" (\"x\"\"y\") VALUES (?)"_s);
    }

    void insertChain() {
        const StatementBuilder postgres(SqlDialect(SqlDialect::Kind::Postgres));
        const QString parent = postgres.insert(u"users"_s, {u"name"_s}, {u"$1"_s}, u"id"_s);
        const QString child = postgres.insert(u"tests"_s, {u"code"_s, u"userId"_s},
                                              {u"$2"_s, postgres.readFrom(0, u"id"_s)}, u"id"_s);
        QCOMPARE(postgres.insertChain({parent, child},
                                      {postgres.readFrom(0, u"id"_s), postgres.readFrom(1, u"id"_s)}),
                 u"WITH s0 AS (INSERT INTO \"users\" (\"name\") VALUES ($1) RETURNING \"id\"), "
                 "s1 AS (INSERT INTO \"tests\" (\"code\", \"userId\") VALUES ($2, (SELECT \"id\" FROM s0)) "
                 "RETURNING \"id\") SELECT (SELECT \"id\" FROM s0), (SELECT \"id\" FROM s1)"_s);
        QCOMPARE(postgres.insertChain({u"INSERT INTO \"t\" DEFAULT VALUES"_s}, {}),
                 u"WITH s0 AS (INSERT INTO \"t\" DEFAULT VALUES) SELECT 1"_s);
    }

    void dialectCapabilities() {
        const SqlDialect sqlite(SqlDialect::Kind::Sqlite), postgres(SqlDialect::Kind::Postgres),
            mysql(SqlDialect::Kind::MySql);
        QVERIFY(postgres.supportsReturning() && !sqlite.supportsReturning() && !mysql.supportsReturning());
        QVERIFY(postgres.supportsInsertChain() && !sqlite.supportsInsertChain() &&
                !mysql.supportsInsertChain());
        QCOMPARE(postgres.caseInsensitiveLike(u"\"name\""_s, u'!'),
                 u"CAST(\"name\" AS TEXT) ILIKE ? ESCAPE '!'"_s);
        QCOMPARE(mysql.caseInsensitiveLike(u"`name`"_s, u'!'), u"CAST(`name` AS CHAR) LIKE ? ESCAPE '!'"_s);
        QCOMPARE(sqlite.caseInsensitiveLike(u"`name`"_s, u'!'), u"`name` LIKE ? ESCAPE '!'"_s);
        const QDateTime at(QDate(2026, 1, 2), QTime(3, 4, 5, 678), Qt::UTC);
        QCOMPARE(mysql.storedTimestamp(at), QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC));
        QCOMPARE(postgres.storedTimestamp(at), at);
        QCOMPARE(sqlite.storedTimestamp(at), at);
    }
};

QTEST_GUILESS_MAIN(TestStatementBuilder)
#include "tst_statementbuilder.moc"
