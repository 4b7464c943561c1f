#pragma once

// What the import tests compare: two databases' catalogs as text (first difference named), and whether the
// links of a design come back from its database with their kinds and Sequelize's default aliases. Shared by
// the round trip on the engines (tests/database/tst_import) and the import of what the real Sequelize
// created (tests/tools/tst_import_sequelize).

#include "db/databasecatalogreader.h"
#include "db/schemasync.h"
#include "import/schemainference.h"
#include "schema/inflection.h"
#include "schema/resolvedschema.h"
#include "support/catalog.h"

#include <QHash>
#include <QSet>
#include <QStringList>

namespace modeldesk::test {

using namespace Qt::StringLiterals;

// The catalog of every table, one line per fact, to compare two databases and print the first difference.
inline QStringList catalogText(DatabaseConnection &connection) {
    return catalogLines(connection.database(), connection.dialect().kind());
}

inline QString firstDifference(const QStringList &a, const QStringList &b) {
    return firstDifferingLine(a, b, u"first"_s, u"second"_s);
}

inline std::optional<ImportResult> importFrom(const ConnectionUrl &url, QString *error,
                                              const DatabaseCatalogReader::Options &options = {}) {
    DatabaseConnection connection(url);
    connection.setReadOnly(true);
    if (!connection.open(error))
        return std::nullopt;
    DatabaseCatalogReader reader(connection);
    const auto catalog = reader.read(options, error);
    if (!catalog)
        return std::nullopt;
    return SchemaInference::infer(*catalog);
}

inline bool syncInto(const ConnectionUrl &url, const Schema &schema, QStringList *catalog, QString *error) {
    DatabaseConnection connection(url);
    if (!connection.open(error))
        return false;
    SchemaSync sync(schema, connection);
    const SyncReport report = sync.sync(false);
    if (!report.ok) {
        *error = report.error;
        return false;
    }
    *catalog = catalogText(connection);
    return true;
}

// A link as the tables see it: its kind, the tables it joins and the column holding its key.
inline QString linkShape(const ResolvedSchema &resolved, const ResolvedLink &link, Link::Kind kind) {
    const Table *source = resolved.tableForModel(link.source);
    const Table *target = resolved.tableForModel(link.target);
    return u"%1 %2 -> %3 via %4"_s.arg(
        Link::kindName(kind), source ? source->name : QString(), target ? target->name : QString(),
        link.kind == Link::Kind::BelongsToMany
            ? link.throughTable + u'.' + link.foreignKeyColumn + u'+' + link.otherKeyColumn
            : link.foreignKeyColumn);
}

// What a link of the design must come back as: a hasOne whose key is not unique reads as hasMany (nothing
// in the database tells them apart).
inline Link::Kind expectedKind(const ResolvedSchema &resolved, const ResolvedLink &link) {
    if (link.kind != Link::Kind::HasOne)
        return link.kind;
    const Table *table = resolved.tableForModel(link.target);
    const Column *column = table ? table->column(link.foreignKeyColumn) : nullptr;
    const bool unique = column && (column->unique || table->primaryKey == QStringList{column->name});
    return unique ? Link::Kind::HasOne : Link::Kind::HasMany;
}

// The links of `original` that do not come back in `imported`, and the default aliases that do not.
inline QStringList missingLinks(const Schema &original, const Schema &imported) {
    const ResolvedSchema before = SchemaResolver::resolve(original);
    const ResolvedSchema after = SchemaResolver::resolve(imported);
    QSet<QString> shapes;
    QHash<QString, QString> aliasOf;
    for (const ResolvedLink &link : after.links) {
        const QString shape = linkShape(after, link, link.kind);
        shapes.insert(shape);
        aliasOf.insert(shape, link.as);
    }
    QStringList problems;
    for (const ResolvedLink &link : before.links) {
        const QString shape = linkShape(before, link, expectedKind(before, link));
        if (!shapes.contains(shape)) {
            problems << u"link %1 does not come back as %2"_s.arg(link.index).arg(shape);
            continue;
        }
        // Sequelize's own alias, on a key named the way Sequelize names it, comes back.
        const Link &declared = original.links.at(link.index);
        const bool defaultAlias = link.as == SchemaResolver::defaultAlias(original, declared);
        const bool defaultKey = link.kind != Link::Kind::BelongsTo ||
                                link.foreignKey == inflection::camelize(link.as + u'_' + link.targetKey);
        if (defaultAlias && defaultKey && link.kind == expectedKind(before, link) &&
            aliasOf.value(shape) != link.as)
            problems << u"link %1 (%2) comes back as %3, not %4"_s.arg(link.index)
                            .arg(shape, aliasOf.value(shape), link.as);
    }
    return problems;
}

} // namespace modeldesk::test
