#include "import/importchoices.h"

#include "schema/inflection.h"

#include <QSet>

namespace modeldesk {

using namespace Qt::StringLiterals;

QString ImportChoices::linkKey(const Link &inferred) {
    return QStringList{Link::kindName(inferred.kind), inferred.source,   inferred.target,
                       inferred.foreignKey,           inferred.otherKey, inferred.through}
        .join(u'\x1f');
}

QList<Link::Kind> ImportChoices::kindsFor(const Link &inferred) {
    if (inferred.kind == Link::Kind::HasOne || inferred.kind == Link::Kind::HasMany)
        return {Link::Kind::HasOne, Link::Kind::HasMany};
    return {inferred.kind};
}

QString ImportChoices::aliasForKind(const QString &alias, Link::Kind kind) {
    if (alias.isEmpty())
        return alias;
    return kind == Link::Kind::HasMany ? inflection::pluralize(alias) : inflection::singularize(alias);
}

DatabaseCatalog ImportChoices::select(const DatabaseCatalog &catalog) const {
    const QSet<QString> wanted(tables.cbegin(), tables.cend());
    DatabaseCatalog chosen;
    chosen.dialect = catalog.dialect;
    chosen.schema = catalog.schema;
    chosen.skipped = catalog.skipped;
    for (const CatalogTable &table : catalog.tables)
        if (wanted.contains(table.name))
            chosen.tables.append(table);
    return chosen;
}

ImportResult ImportChoices::apply(const DatabaseCatalog &catalog, QStringList *keys) const {
    ImportResult result = SchemaInference::infer(select(catalog));
    if (keys)
        keys->clear();
    for (Link &link : result.project.schema.links) {
        const QString key = linkKey(link);
        if (keys)
            keys->append(key);
        const auto choice = links.constFind(key);
        if (choice == links.cend())
            continue;
        if (kindsFor(link).contains(choice->kind))
            link.kind = choice->kind;
        if (!choice->as.trimmed().isEmpty())
            link.as = choice->as.trimmed();
    }
    return result;
}

} // namespace modeldesk
