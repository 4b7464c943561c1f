#include "schema/linkfacts.h"

namespace modeldesk::linkfacts {

const Table *foreignKeyTable(const ResolvedSchema &schema, const ResolvedLink &link) {
    switch (link.kind) {
    case Link::Kind::HasOne:
    case Link::Kind::HasMany:
        return schema.tableForModel(link.target);
    case Link::Kind::BelongsTo:
        return schema.tableForModel(link.source);
    case Link::Kind::BelongsToMany:
        return schema.table(link.throughTable);
    }
    return nullptr;
}

const Column *foreignKeyColumn(const ResolvedSchema &schema, const ResolvedLink &link) {
    const Table *table = foreignKeyTable(schema, link);
    return table ? table->column(link.foreignKeyColumn) : nullptr;
}

LinkActions effectiveActions(const ResolvedSchema &schema, const ResolvedLink &link) {
    const Column *column = foreignKeyColumn(schema, link);
    if (column && column->references)
        return {column->references->onDelete, column->references->onUpdate};
    return {link.onDelete, link.onUpdate};
}

} // namespace modeldesk::linkfacts
