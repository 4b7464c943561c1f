#include "db/schemasync.h"

#include "db/catalogreader.h"

namespace modeldesk {

using namespace Qt::StringLiterals;

SchemaSync::SchemaSync(const Schema &schema, DatabaseConnection &connection)
    : mResolved(SchemaResolver::resolve(schema))
    , mConnection(connection) {
}

QString SchemaSync::typeFamily(const QString &type, SqlDialect::Kind dialect) {
    QString t = type.trimmed().toLower();
    t.remove(u" binary"_s);
    t.remove(u" unsigned"_s);
    t.remove(QChar(u' ')); // "decimal(10, 2)" == "decimal(10,2)", "double precision" == "doubleprecision"
    if (t.startsWith(u"enum("_s) || t.startsWith(u"\"enum_"_s) || t.startsWith(u"enum_"_s) ||
        t == u"user-defined"_s)
        return u"enum"_s;
    if (t == u"serial"_s || t == u"int"_s || t == u"int4"_s || t == u"integer"_s || t.startsWith(u"int("_s))
        return u"integer"_s;
    if (t == u"bigserial"_s || t == u"int8"_s || t.startsWith(u"bigint"_s))
        return u"bigint"_s;
    if (t == u"smallserial"_s || t == u"int2"_s || t.startsWith(u"smallint"_s))
        return u"smallint"_s;
    if (t.startsWith(u"charactervarying"_s))
        return u"varchar"_s + t.mid(16);
    if (t.startsWith(u"character("_s))
        return u"char"_s + t.mid(9);
    if (t == u"character"_s || t == u"bpchar"_s)
        return u"char(1)"_s;
    if (t.startsWith(u"numeric"_s))
        return u"decimal"_s + t.mid(7);
    if (t == u"doubleprecision"_s || t == u"double"_s || t == u"float8"_s)
        return u"double"_s;
    if (t == u"float"_s)
        return dialect == SqlDialect::Kind::Postgres ? u"double"_s
                                                     : u"float"_s; // PostgreSQL's FLOAT is double
    if (t == u"real"_s || t == u"float4"_s)
        return u"float"_s;
    if (t == u"timestampwithtimezone"_s || t == u"timestamptz"_s || t == u"datetime"_s)
        return u"datetime"_s;
    if (t == u"timewithouttimezone"_s)
        return u"time"_s;
    if (t == u"tinyint(1)"_s || t == u"bool"_s || t == u"boolean"_s)
        return u"boolean"_s;
    if (t == u"bytea"_s)
        return u"blob"_s;
    if (t == u"jsonb"_s || (t == u"longtext"_s && dialect == SqlDialect::Kind::MySql))
        return u"json"_s; // MariaDB stores JSON as LONGTEXT with a check
    if (t == u"char(36)"_s && dialect == SqlDialect::Kind::MySql)
        return u"uuid"_s;
    return t;
}

namespace {

// Whether a sync of this mode acts on a difference of this kind (the others it only reports).
bool actsOn(SyncDifference::Kind kind, SyncMode mode) {
    switch (kind) {
    case SyncDifference::Kind::MissingTable:
        return true;
    case SyncDifference::Kind::MissingColumn:
        return mode != SyncMode::CreateTables;
    default:
        return mode == SyncMode::Alter;
    }
}

} // namespace

SyncReport SchemaSync::compare() {
    SyncReport report;
    if (!mConnection.ensureOpen(&report.error))
        return report;
    CatalogReader reader(mConnection);
    report.ok =
        SyncPlanner(mResolved, mConnection.dialect(), reader).plan(&report.differences, &report.error);
    return report;
}

SyncReport SchemaSync::sync(SyncMode mode) {
    SyncReport report;
    if (!mConnection.ensureOpen(&report.error))
        return report;
    const SqlDialect dialect = mConnection.dialect();
    if (!dialect.transactionalDdl()) {
        // Each DDL statement commits by itself: everything is read and decided before the first one runs,
        // so that a refusal changes nothing; only a statement the server refuses can stop it half-way.
        report.ok = planAndApply(mode, &report);
        if (!report.ok && report.statements.size() > 1)
            report.error += u'\n' + tr("%1 commits each DDL statement as it runs: the statements before the "
                                       "failed one were applied.")
                                        .arg(dialect.title());
        return report;
    }
    QString error;
    const DatabaseConnection::Transaction outcome =
        mConnection.transaction([&] { return planAndApply(mode, &report); }, &error);
    report.ok = outcome == DatabaseConnection::Transaction::Done;
    if (report.ok)
        return report;
    if (outcome != DatabaseConnection::Transaction::WorkFailed)
        report.error = error;
    if (!report.statements.isEmpty()) {
        report.createdTables.clear();
        report.addedColumns.clear();
        report.changes.clear();
        report.error +=
            u'\n' + tr("Nothing was changed: the sync ran in one transaction, which was rolled back.");
    }
    return report;
}

bool SchemaSync::planAndApply(SyncMode mode, SyncReport *report) {
    CatalogReader reader(mConnection);
    QList<SyncDifference> differences;
    if (!SyncPlanner(mResolved, mConnection.dialect(), reader).plan(&differences, &report->error))
        return false;
    for (const SyncDifference &difference : std::as_const(differences))
        if (actsOn(difference.kind, mode) && difference.fix == SyncDifference::Fix::Refuse)
            report->refusals << difference.refusalText();
    if (!report->refusals.isEmpty()) {
        report->differences = differences;
        report->error = tr("nothing was changed:") + u"\n  "_s + report->refusals.join(u"\n  "_s);
        return false;
    }
    for (const SyncDifference &difference : std::as_const(differences)) {
        if (!actsOn(difference.kind, mode) || difference.fix != SyncDifference::Fix::Alter) {
            report->differences << difference;
            continue;
        }
        if (!apply(difference, report))
            return false;
    }
    return true;
}

bool SchemaSync::apply(const SyncDifference &difference, SyncReport *report) {
    for (const QString &sql : difference.statements) {
        report->statements << sql;
        QString error;
        if (!mConnection.execute(sql, &error)) {
            // The reason first: a CREATE TABLE can run to kilobytes, and the reason is what the reader needs.
            report->error = tr("%1\nThe statement was:\n%2").arg(error, sql);
            return false;
        }
    }
    switch (difference.kind) {
    case SyncDifference::Kind::MissingTable:
        report->createdTables << difference.table;
        break;
    case SyncDifference::Kind::MissingColumn:
        report->addedColumns << difference.table + u'.' + difference.column;
        break;
    default:
        report->changes << difference.changeText();
    }
    return true;
}

} // namespace modeldesk
