#include "db/syncplanner.h"

#include "db/schemasync.h"
#include "sql/columndefault.h"

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

QString where(const QString &table, const QString &column) {
    return table + u'.' + column;
}

} // namespace

QString SyncDifference::toString() const {
    QString text;
    const QString at = where(table, column);
    switch (kind) {
    case Kind::MissingTable:
        return SyncPlanner::tr("table %1 is missing").arg(table);
    case Kind::ExtraColumn:
        return SyncPlanner::tr("table %1: column %2 is not in the design (left as it is)").arg(table, column);
    case Kind::TypeDiffers:
        return SyncPlanner::tr("table %1: column %2 is %3 in the database but %4 in the design")
            .arg(table, column, actual, expected);
    case Kind::MissingColumn:
        if (fix == Fix::Alter)
            return SyncPlanner::tr("table %1: column %2 is missing (sync --alter adds it)")
                .arg(table, column);
        text = SyncPlanner::tr("table %1: column %2 is missing").arg(table, column);
        break;
    case Kind::NullabilityDiffers:
        text = expected == u"NOT NULL"_s
                   ? SyncPlanner::tr("%1: the design says NOT NULL, the database allows NULL").arg(at)
                   : SyncPlanner::tr("%1: the design allows NULL, the database says NOT NULL").arg(at);
        if (fix == Fix::Alter)
            text += expected == u"NOT NULL"_s ? SyncPlanner::tr(" (sync --alter sets NOT NULL)")
                                              : SyncPlanner::tr(" (sync --alter drops NOT NULL)");
        break;
    case Kind::DefaultDiffers:
        if (expected.isEmpty())
            text = SyncPlanner::tr("%1: the design has no default, the database's is %2").arg(at, actual);
        else if (actual.isEmpty())
            text = SyncPlanner::tr("%1: the design's default is %2, the database has none").arg(at, expected);
        else
            text = SyncPlanner::tr("%1: the design's default is %2, the database's is %3")
                       .arg(at, expected, actual);
        if (fix == Fix::Alter)
            text += expected.isEmpty() ? SyncPlanner::tr(" (sync --alter drops the default)")
                                       : SyncPlanner::tr(" (sync --alter sets the default)");
        break;
    case Kind::UniqueDiffers:
        text = expected.isEmpty()
                   ? SyncPlanner::tr("%1: the database has it UNIQUE, the design does not").arg(at)
                   : SyncPlanner::tr("%1: the design says UNIQUE, the database does not").arg(at);
        if (fix == Fix::Alter)
            text += SyncPlanner::tr(" (sync --alter adds a unique constraint)");
        break;
    }
    if (fix == Fix::Refuse)
        text += SyncPlanner::tr(" (sync --alter refuses: %1)").arg(reason);
    else if (fix == Fix::ReportOnly)
        text += SyncPlanner::tr(" (report only: %1)").arg(reason);
    return text;
}

QString SyncDifference::refusalText() const {
    const QString at = where(table, column);
    switch (kind) {
    case Kind::MissingColumn:
        return SyncPlanner::tr("cannot add %1: %2").arg(at, reason);
    case Kind::NullabilityDiffers:
        return SyncPlanner::tr("cannot set %1 NOT NULL: %2").arg(at, reason);
    case Kind::UniqueDiffers:
        return SyncPlanner::tr("cannot make %1 UNIQUE: %2").arg(at, reason);
    default:
        return SyncPlanner::tr("%1: %2").arg(at, reason);
    }
}

QString SyncDifference::changeText() const {
    const QString at = where(table, column);
    switch (kind) {
    case Kind::MissingTable:
        return SyncPlanner::tr("created table %1").arg(table);
    case Kind::MissingColumn:
        return SyncPlanner::tr("added column %1").arg(at);
    case Kind::NullabilityDiffers:
        return expected == u"NOT NULL"_s ? SyncPlanner::tr("%1: now NOT NULL").arg(at)
                                         : SyncPlanner::tr("%1: now allows NULL").arg(at);
    case Kind::DefaultDiffers:
        return expected.isEmpty() ? SyncPlanner::tr("%1: default dropped").arg(at)
                                  : SyncPlanner::tr("%1: default now %2").arg(at, expected);
    case Kind::UniqueDiffers:
        return SyncPlanner::tr("%1: now UNIQUE").arg(at);
    case Kind::ExtraColumn:
    case Kind::TypeDiffers:
        break;
    }
    return {};
}

bool SyncPlanner::plan(QList<SyncDifference> *differences, QString *error) {
    QStringList existing;
    if (!mReader.tables(&existing, error)) {
        *error = tr("cannot read the list of tables: %1").arg(*error);
        return false;
    }
    for (const Table &table : mResolved.tables) {
        if (!existing.contains(table.name)) {
            SyncDifference missing{SyncDifference::Kind::MissingTable, table.name};
            missing.fix = SyncDifference::Fix::Alter;
            missing.statements = mDdl.createTableStatements(table);
            differences->append(missing);
            continue;
        }
        LiveTable live;
        if (!mReader.table(table.name, &live, error)) {
            *error = tr("cannot read the columns of %1: %2").arg(table.name, *error);
            return false;
        }
        if (!planTable(table, live, differences, error))
            return false;
    }
    return true;
}

bool SyncPlanner::planTable(const Table &table, const LiveTable &live, QList<SyncDifference> *out,
                            QString *error) {
    for (const Column &column : table.columns) {
        const LiveColumn *found = live.column(column.name);
        if (!found) {
            SyncDifference missing{SyncDifference::Kind::MissingColumn, table.name, column.name};
            if (!planMissingColumn(table, column, &missing, error))
                return false;
            out->append(missing);
            continue;
        }
        const QString expected = mDialect.columnType(table, column);
        if (SchemaSync::typeFamily(expected, mDialect.kind()) !=
            SchemaSync::typeFamily(found->type, mDialect.kind())) {
            SyncDifference retyped{SyncDifference::Kind::TypeDiffers, table.name, column.name, expected,
                                   found->type};
            retyped.reason = tr("sync never changes a column's type");
            out->append(retyped);
        }
        if (!planNullability(table, column, *found, out, error))
            return false;
        planDefault(table, column, *found, out);
        if (!planUnique(table, column, *found, out, error))
            return false;
    }
    for (const LiveColumn &c : live.columns) {
        if (!table.column(c.name)) {
            SyncDifference extra{SyncDifference::Kind::ExtraColumn, table.name, c.name};
            extra.reason = tr("sync never drops a column");
            out->append(extra);
        }
    }
    return true;
}

QString SyncPlanner::wayOutForNotNull(const Table &table, const Column &column) const {
    if (column.origin == Column::Origin::Timestamp)
        return tr("%1 has rows, and %2 (the model's timestamp) is NOT NULL without a default; add the column "
                  "yourself with a value in every row, turn off timestamps for the model, or empty the table")
            .arg(table.name, column.name);
    if (column.origin != Column::Origin::Declared)
        return tr("%1 has rows, and %2 is NOT NULL without a default; add the column yourself with a value "
                  "in "
                  "every row, or empty the table")
            .arg(table.name, column.name);
    if (column.hasDefault())
        return tr("%1 has rows, and %2 is NOT NULL with a default the application generates (the existing "
                  "rows "
                  "would get no value); give the field a default value the database keeps, make it "
                  "allowNull, "
                  "or empty the table")
            .arg(table.name, column.name);
    return tr("%1 has rows, and %2 is NOT NULL without a default; give the field a default value, make it "
              "allowNull, or empty the table")
        .arg(table.name, column.name);
}

bool SyncPlanner::planMissingColumn(const Table &table, const Column &column, SyncDifference *difference,
                                    QString *error) {
    if (column.primaryKey) {
        difference->reason = tr("sync does not add primary key columns");
        return true;
    }
    // What the existing rows would get: the default (if the database keeps one), else NULL.
    const ColumnDefault fill = ColumnDefault::designed(column, mDialect);
    const bool needsValue = !column.nullable && fill.kind == ColumnDefault::Kind::None;
    const bool oneValueForAll = column.unique && fill.kind != ColumnDefault::Kind::None;
    const bool expression = fill.kind == ColumnDefault::Kind::Now && !mDialect.addsExpressionDefaultToRows();
    if (needsValue || oneValueForAll || expression) {
        const std::optional<qint64> rows = mReader.rowCount(table.name, 2, error);
        if (!rows) {
            *error = tr("cannot count the rows of %1: %2").arg(table.name, *error);
            return false;
        }
        if (needsValue && *rows > 0)
            difference->reason = wayOutForNotNull(table, column);
        else if (expression && *rows > 0)
            difference->reason =
                tr("%1 has rows, and SQLite cannot fill a default such as CURRENT_TIMESTAMP into "
                   "them; add the column yourself, or empty the table")
                    .arg(table.name);
        else if (oneValueForAll && *rows > 1)
            difference->reason = tr("%1 is UNIQUE, and every existing row of %2 would get the same default; "
                                    "give the field no default, or empty the table")
                                     .arg(column.name, table.name);
        if (!difference->reason.isEmpty()) {
            difference->fix = SyncDifference::Fix::Refuse;
            return true;
        }
    }
    // On an empty table a NOT NULL column without a default is added as it is on every engine. SQLite allows
    // that since 3.37 because it checks the table is empty itself (older versions refuse the statement and
    // the transaction is rolled back); no table rebuild and no made-up default, which would stay behind as a
    // DEFAULT the design does not have.
    difference->fix = SyncDifference::Fix::Alter;
    difference->statements = mDdl.addColumnStatements(table, column);
    return true;
}

bool SyncPlanner::planNullability(const Table &table, const Column &column, const LiveColumn &live,
                                  QList<SyncDifference> *out, QString *error) {
    // A primary key is never NULL, whatever the catalog says (SQLite's rowid is not marked NOT NULL).
    if (column.primaryKey || live.notNull == !column.nullable)
        return true;
    SyncDifference difference{SyncDifference::Kind::NullabilityDiffers, table.name, column.name,
                              column.nullable ? u"NULL"_s : u"NOT NULL"_s,
                              live.notNull ? u"NOT NULL"_s : u"NULL"_s};
    if (!mDialect.altersColumnConstraints()) {
        difference.reason = tr("%1 cannot change it without rebuilding the table, which sync does not do")
                                .arg(mDialect.title());
    } else if (!live.extra.isEmpty()) {
        difference.reason = tr("the column has %1, which sync does not restate").arg(live.extra);
    } else {
        if (!column.nullable) {
            const std::optional<qint64> nulls = mReader.nullCount(table.name, column.name, error);
            if (!nulls) {
                *error = tr("cannot count the NULLs in %1: %2").arg(where(table.name, column.name), *error);
                return false;
            }
            if (*nulls > 0) {
                difference.fix = SyncDifference::Fix::Refuse;
                difference.reason = tr("%n row(s) hold NULL in it; fill them in, or make the field allowNull",
                                       nullptr, int(*nulls));
                out->append(difference);
                return true;
            }
        }
        difference.fix = SyncDifference::Fix::Alter;
        difference.statements = mDdl.setNullabilityStatements(table, column, live);
    }
    out->append(difference);
    return true;
}

void SyncPlanner::planDefault(const Table &table, const Column &column, const LiveColumn &live,
                              QList<SyncDifference> *out) {
    // A generated key's default is its sequence (nextval(...), auto_increment): not the design's business.
    if (column.autoIncrement)
        return;
    const ColumnDefault designed = ColumnDefault::designed(column, mDialect);
    const ColumnDefault existing = ColumnDefault::parse(live.defaultText, mDialect);
    if (ColumnDefault::same(designed, existing, column.type))
        return;
    SyncDifference difference{SyncDifference::Kind::DefaultDiffers, table.name, column.name,
                              designed.toString(), existing.toString()};
    if (!mDialect.altersColumnConstraints()) {
        difference.reason = tr("%1 cannot change it without rebuilding the table, which sync does not do")
                                .arg(mDialect.title());
    } else {
        difference.fix = SyncDifference::Fix::Alter;
        difference.statements = mDdl.setDefaultStatements(table, column);
    }
    out->append(difference);
}

bool SyncPlanner::planUnique(const Table &table, const Column &column, const LiveColumn &live,
                             QList<SyncDifference> *out, QString *error) {
    if (column.primaryKey || column.unique == live.unique)
        return true;
    SyncDifference difference{SyncDifference::Kind::UniqueDiffers, table.name, column.name,
                              column.unique ? u"UNIQUE"_s : QString(), live.unique ? u"UNIQUE"_s : QString()};
    if (!column.unique) {
        difference.reason =
            tr("sync never drops a constraint or index; drop it yourself if the design is right");
        out->append(difference);
        return true;
    }
    const std::optional<qint64> duplicates = mReader.duplicateCount(table.name, column.name, error);
    if (!duplicates) {
        *error = tr("cannot look for duplicates in %1: %2").arg(where(table.name, column.name), *error);
        return false;
    }
    if (*duplicates > 0) {
        difference.fix = SyncDifference::Fix::Refuse;
        difference.reason =
            tr("%n value(s) occur in more than one row; make them distinct, or drop unique from "
               "the field",
               nullptr, int(*duplicates));
    } else {
        difference.fix = SyncDifference::Fix::Alter;
        difference.statements = mDdl.addUniqueStatements(table, column);
    }
    out->append(difference);
    return true;
}

} // namespace modeldesk
