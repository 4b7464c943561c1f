#pragma once

// The documented differences between ModelDesk and Sequelize that tst_conformance asserts (each names its row
// in docs/sequelize-semantics.md), and the comparisons that allow exactly those: a documented difference that
// does not happen fails as surely as one that is not documented.
#include "support/conformancerows.h"

#include <QJsonArray>
#include <QStringList>

namespace modeldesk::test::conformance {

struct Difference {
    QString doc; // "D1": the row of docs/sequelize-semantics.md that explains it
    // Rows: in `table`, the rows only ModelDesk has and those only Sequelize has, each matched by the columns
    // given (values as DatabaseRows shows them).
    QString table;
    QList<QJsonObject> modeldesk;
    QList<QJsonObject> sequelize;
    // Or a graph: at `graph` ("badges/*/member_badges", * for every item), what each side shows: "absent",
    // "present", or the value itself.
    QString graph;
    QJsonValue graphModeldesk;
    QJsonValue graphSequelize;

    static QList<Difference> parse(const QJsonArray &entries, QString *error);
};

// Every row of both databases agrees except for the documented differences, which all happen. Returns the
// problems, one line each.
QStringList compareRows(const DatabaseRows &modeldesk, const DatabaseRows &sequelize,
                        const QList<Difference> &differences);
// The same for two normalized graphs.
QStringList compareGraphs(QJsonValue modeldesk, QJsonValue sequelize, const QList<Difference> &differences);
// Where two JSON values differ, one "path: ModelDesk a | Sequelize b" line each (arrays item by item).
struct Sides {
    QString a = QStringLiteral("ModelDesk");
    QString b = QStringLiteral("Sequelize");
};
void jsonDifferences(const QJsonValue &a, const QJsonValue &b, const QString &path, QStringList *out,
                     const Sides &sides = {});

} // namespace modeldesk::test::conformance
