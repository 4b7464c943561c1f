#pragma once

#include "db/catalogreader.h"
#include "schema/resolvedschema.h"
#include "sql/ddlgenerator.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace modeldesk {

// One way the database differs from the design, with what sync --alter does about it: the statements that
// fix it, a refusal (the change would invent or lose data; the reason names the way out), or nothing (the
// engine cannot do it in place, or sync never does it).
struct SyncDifference {
    enum class Kind {
        MissingTable,
        MissingColumn,
        ExtraColumn,
        TypeDiffers,
        NullabilityDiffers,
        DefaultDiffers,
        UniqueDiffers
    };
    enum class Fix { Alter, Refuse, ReportOnly };

    Kind kind = Kind::MissingColumn;
    QString table;
    QString column;
    QString expected; // the design's: type, "NOT NULL"/"NULL", default ("" for none), "UNIQUE"/""
    QString actual;   // the database's, alike
    Fix fix = Fix::ReportOnly;
    QString reason;         // Refuse: why, and the way out; ReportOnly: why sync leaves it
    QStringList statements; // Alter: what it runs, in order

    // The difference and what sync --alter does about it, e.g. "users.email: the design says NOT NULL, the
    // database allows NULL (sync --alter sets NOT NULL)".
    QString toString() const;
    // A refusal on its own, naming the table, the column and the way out.
    QString refusalText() const;
    // Once fixed: "users.email: now NOT NULL".
    QString changeText() const;
};

// Compares the design with what the catalog says, table by table in the design's order, and decides for each
// difference what sync --alter does, reading the rows only where a decision depends on them (whether a
// table has rows, how many NULLs or duplicates a column holds). Changes nothing.
class SyncPlanner {
    Q_DECLARE_TR_FUNCTIONS(SyncPlanner)
public:
    SyncPlanner(const ResolvedSchema &resolved, const SqlDialect &dialect, CatalogReader &reader)
        : mResolved(resolved)
        , mDialect(dialect)
        , mDdl(dialect)
        , mReader(reader) {}

    bool plan(QList<SyncDifference> *differences, QString *error);

private:
    bool planTable(const Table &table, const LiveTable &live, QList<SyncDifference> *out, QString *error);
    bool planMissingColumn(const Table &table, const Column &column, SyncDifference *difference,
                           QString *error);
    bool planNullability(const Table &table, const Column &column, const LiveColumn &live,
                         QList<SyncDifference> *out, QString *error);
    void planDefault(const Table &table, const Column &column, const LiveColumn &live,
                     QList<SyncDifference> *out);
    bool planUnique(const Table &table, const Column &column, const LiveColumn &live,
                    QList<SyncDifference> *out, QString *error);
    QString wayOutForNotNull(const Table &table, const Column &column) const;

    const ResolvedSchema &mResolved;
    SqlDialect mDialect;
    DdlGenerator mDdl;
    CatalogReader &mReader;
};

} // namespace modeldesk
