// DatabaseError: which column or constraint an engine's error message names, per dialect. The messages are
// the engines' own (as DatabaseConnection::describe() gives them); tests/database checks them against the
// real engines.
#include "db/databaseerror.h"

#include <QTest>

using namespace modeldesk;
using namespace Qt::StringLiterals;

namespace {

ErrorSubject parse(SqlDialect::Kind kind, const QString &message) {
    return DatabaseError::subject(SqlDialect(kind), message);
}

} // namespace

class TestDatabaseError : public QObject {
    Q_OBJECT

private slots:
    void sqlite() {
        const auto k = SqlDialect::Kind::Sqlite;
        ErrorSubject s = parse(k, u"NOT NULL constraint failed: tests.code [1299]"_s);
        QCOMPARE(s.table, u"tests"_s);
        QCOMPARE(s.columns, QStringList{u"code"_s});
        QCOMPARE(s.kind, ErrorSubject::Kind::NotNull);
        s = parse(k, u"UNIQUE constraint failed: orderItems.orderId, orderItems.productId [2067]"_s);
        QCOMPARE(s.columns, (QStringList{u"orderId"_s, u"productId"_s}));
        QCOMPARE(s.kind, ErrorSubject::Kind::Unique);
        QCOMPARE(parse(k, u"PRIMARY KEY constraint failed: tests.id [1555]"_s).kind,
                 ErrorSubject::Kind::Unique);
        s = parse(k, u"CHECK constraint failed: positive_total [275]"_s);
        QCOMPARE(s.constraint, u"positive_total"_s);
        QCOMPARE(s.kind, ErrorSubject::Kind::Check);
        QVERIFY(s.columns.isEmpty());
        QVERIFY(parse(k, u"FOREIGN KEY constraint failed [787]"_s).isEmpty());
        QCOMPARE(parse(k, u"FOREIGN KEY constraint failed [787]"_s).kind, ErrorSubject::Kind::ForeignKey);
        QVERIFY(parse(k, u"database is locked [5]"_s).isEmpty());
        QCOMPARE(parse(k, u"database is locked [5]"_s).kind, ErrorSubject::Kind::Other);
    }

    void postgres() {
        const auto k = SqlDialect::Kind::Postgres;
        ErrorSubject s =
            parse(k, u"null value in column \"code\" of relation \"tests\" violates not-null constraint "
                     "DETAIL: Failing row contains (1, null, 2). (23502)"_s);
        QCOMPARE(s.columns, QStringList{u"code"_s});
        QCOMPARE(s.table, u"tests"_s);
        QCOMPARE(s.kind, ErrorSubject::Kind::NotNull);
        s = parse(
            k, u"duplicate key value violates unique constraint \"tests_code_key\" DETAIL: Key (code)=(1234) "
               "already exists. (23505)"_s);
        QCOMPARE(s.constraint, u"tests_code_key"_s);
        QCOMPARE(s.columns, QStringList{u"code"_s});
        QCOMPARE(s.kind, ErrorSubject::Kind::Unique);
        s = parse(k, u"insert or update on table \"orders\" violates foreign key constraint "
                     u"\"orders_customerId_fkey\" "
                     "DETAIL: Key (\"customerId\")=(99) is not present in table \"customers\"."_s);
        QCOMPARE(s.table, u"orders"_s);
        QCOMPARE(s.constraint, u"orders_customerId_fkey"_s);
        QCOMPARE(s.columns, QStringList{u"customerId"_s});
        QCOMPARE(s.kind, ErrorSubject::Kind::ForeignKey);
        s = parse(k, u"null value in column \"we\"\"ird\" violates not-null constraint"_s);
        QCOMPARE(s.columns, QStringList{u"we\"ird"_s});
        QVERIFY(parse(k, u"value too long for type character varying(5) (22001)"_s).isEmpty());
        QCOMPARE(parse(k, u"value too long for type character varying(5) (22001)"_s).kind,
                 ErrorSubject::Kind::TooLong);
        QCOMPARE(parse(k, u"new row for relation \"orders\" violates check constraint \"positive\" (23514)"_s)
                     .kind,
                 ErrorSubject::Kind::Check);
    }

    void mysql() {
        const auto k = SqlDialect::Kind::MySql;
        QCOMPARE(parse(k, u"Column 'code' cannot be null [1048]"_s).columns, QStringList{u"code"_s});
        QCOMPARE(parse(k, u"Column 'code' cannot be null [1048]"_s).kind, ErrorSubject::Kind::NotNull);
        QCOMPARE(parse(k, u"Data too long for column 'sku' at row 1 [1406]"_s).columns,
                 QStringList{u"sku"_s});
        QCOMPARE(parse(k, u"Data too long for column 'sku' at row 1 [1406]"_s).kind,
                 ErrorSubject::Kind::TooLong);
        QCOMPARE(parse(k, u"Incorrect integer value: 'x' for column `db`.`orders`.`total` at row 1 [1366]"_s)
                     .columns,
                 QStringList{u"total"_s});
        QCOMPARE(parse(k, u"Field 'code' doesn't have a default value [1364]"_s).columns,
                 QStringList{u"code"_s});
        ErrorSubject s = parse(k, u"Duplicate entry '1234' for key 'code' [1062]"_s);
        QCOMPARE(s.constraint, u"code"_s);
        QCOMPARE(s.kind, ErrorSubject::Kind::Unique);
        QVERIFY(s.columns.isEmpty());
        s = parse(
            k, u"Cannot add or update a child row: a foreign key constraint fails (`db`.`orders`, CONSTRAINT "
               "`orders_ibfk_1` FOREIGN KEY (`customerId`) REFERENCES `customers` (`id`) ON DELETE SET NULL) "
               "[1452]"_s);
        QCOMPARE(s.constraint, u"orders_ibfk_1"_s);
        QCOMPARE(s.columns, QStringList{u"customerId"_s});
        QCOMPARE(s.kind, ErrorSubject::Kind::ForeignKey);
    }

    // A key named only by its constraint is resolved through the table, by each engine's naming.
    void constraintColumns() {
        Table table;
        table.name = u"tests"_s;
        Column id;
        id.name = u"id"_s;
        Column code;
        code.name = u"code"_s;
        code.unique = true;
        table.columns << id << code;
        table.primaryKey << u"id"_s;
        const SqlDialect postgres(SqlDialect::Kind::Postgres), mysql(SqlDialect::Kind::MySql);
        QCOMPARE(DatabaseError::constraintColumns(postgres, u"tests_code_key"_s, table),
                 QStringList{u"code"_s});
        QCOMPARE(DatabaseError::constraintColumns(postgres, u"tests_pkey"_s, table), QStringList{u"id"_s});
        QCOMPARE(DatabaseError::constraintColumns(mysql, u"code"_s, table), QStringList{u"code"_s});
        QCOMPARE(DatabaseError::constraintColumns(mysql, u"tests.code"_s, table), QStringList{u"code"_s});
        QCOMPARE(DatabaseError::constraintColumns(mysql, u"PRIMARY"_s, table), QStringList{u"id"_s});
        QVERIFY(DatabaseError::constraintColumns(mysql, u"other"_s, table).isEmpty());
        QVERIFY(DatabaseError::constraintColumns(postgres, u"code"_s, table).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDatabaseError)
#include "tst_databaseerror.moc"
