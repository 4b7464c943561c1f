#include "schema/resolvedschema.h"

#include "schema/inflection.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <queue>
#include <vector>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

const QString kCascade = u"CASCADE"_s;
const QString kSetNull = u"SET NULL"_s;
const QString kNoAction = u"NO ACTION"_s;

Column declaredColumn(const Model &model, int index) {
    const Field &field = model.fields.at(index);
    Column column;
    column.attribute = field.name;
    column.name = model.columnName(field.name);
    column.type = field.type;
    column.nullable = field.isNullable();
    column.defaultValue = field.defaultValue;
    column.primaryKey = field.primaryKey;
    column.autoIncrement = field.autoIncrement;
    column.unique = field.unique;
    column.comment = field.comment;
    column.fieldIndex = index;
    return column;
}

// Sequelize's timestamp attributes are always createdAt / updatedAt / deletedAt; only the column follows
// `underscored` (created_at).
Column timestampColumn(const QString &attribute, const QString &name, bool nullable) {
    Column column;
    column.attribute = attribute;
    column.name = name;
    column.type = DataType::ofKind(DataType::Kind::Date);
    column.nullable = nullable;
    column.origin = Column::Origin::Timestamp;
    return column;
}

void refreshPrimaryKey(Table &table) {
    table.primaryKey.clear();
    for (const Column &column : std::as_const(table.columns))
        if (column.primaryKey)
            table.primaryKey.append(column.name);
}

Table baseTable(const Model &model) {
    Table table;
    table.model = model.name;
    table.name = model.effectiveTableName();
    table.comment = model.comment;
    if (model.hasImpliedId()) {
        Column id;
        id.attribute = u"id"_s;
        id.name = u"id"_s; // Sequelize keeps `id` as is, even when underscored
        id.type = DataType::integer();
        id.nullable = false;
        id.primaryKey = true;
        id.autoIncrement = true;
        id.origin = Column::Origin::ImpliedId;
        table.columns.append(id);
    }
    for (int i = 0; i < model.fields.size(); ++i)
        table.columns.append(declaredColumn(model, i));
    if (model.timestamps) {
        table.createdAtColumn = model.createdAtName();
        table.updatedAtColumn = model.updatedAtName();
        table.columns.append(timestampColumn(u"createdAt"_s, table.createdAtColumn, false));
        table.columns.append(timestampColumn(u"updatedAt"_s, table.updatedAtColumn, false));
        if (model.paranoid) {
            table.deletedAtColumn = model.deletedAtName();
            table.columns.append(timestampColumn(u"deletedAt"_s, table.deletedAtColumn, true));
        }
    }
    refreshPrimaryKey(table);
    return table;
}

Column *findAttribute(Table &table, const QString &attribute) {
    for (Column &column : table.columns)
        if (column.attribute == attribute)
            return &column;
    return nullptr;
}

// Sequelize merges association attributes with mergeDefaults: what the user declared (or an earlier link set)
// wins, and only missing properties are filled in. Returns the column's name.
QString addForeignKey(Table &table, const Model *holder, const QString &attribute, const DataType &type,
                      const ColumnReference &reference) {
    if (Column *existing = findAttribute(table, attribute)) {
        if (!existing->references)
            existing->references = reference;
        return existing->name;
    }
    Column column;
    column.attribute = attribute;
    column.name = holder ? holder->columnName(attribute) : attribute;
    column.type = type;
    column.nullable = true;
    column.origin = Column::Origin::ForeignKey;
    column.references = reference;
    table.columns.append(column);
    return column.name;
}

// hasOne/hasMany default to CASCADE on a declared column without an explicit allowNull, SET NULL otherwise;
// belongsTo defaults to NO ACTION there. (See shared/reference/README.md for the measured behaviour.)
QString defaultOnDelete(const Model &holder, const QString &attribute, const QString &declaredDefault) {
    const Field *field = holder.field(attribute);
    if (!field)
        return kSetNull;
    return field->allowNull.value_or(false) ? kSetNull : declaredDefault;
}

QString primaryKeyAttribute(const Model &model) {
    return model.primaryKeyNames().value(0);
}

DataType attributeType(const Table &table, const QString &attribute) {
    const Column *column = table.columnForAttribute(attribute);
    return column ? column->type : DataType::integer();
}

// Tables in an order where each comes after the tables it refers to: repeatedly the first table (in
// declaration order) whose referenced tables are all placed, or, when a cycle leaves none, the first one
// left. Kahn's algorithm with the ready tables in a heap by declaration order gives exactly that order in
// O(n log n) (big designs have thousands of tables; scanning for the next ready one was quadratic).
QList<Table> dependencyOrder(QList<Table> tables) {
    const qsizetype count = tables.size();
    QHash<QString, int> named; // how many tables carry each name
    for (const Table &table : std::as_const(tables))
        ++named[table.name];
    QList<int> pending(count, 0);             // referenced names not placed yet, per table
    QHash<QString, QList<qsizetype>> waiting; // name -> tables waiting for it
    for (qsizetype i = 0; i < count; ++i) {
        QSet<QString> needs;
        for (const Column &column : std::as_const(tables.at(i).columns))
            if (column.references && column.references->table != tables.at(i).name &&
                named.contains(column.references->table))
                needs.insert(column.references->table);
        pending[i] = int(needs.size());
        for (const QString &name : std::as_const(needs))
            waiting[name].append(i);
    }
    std::priority_queue<qsizetype, std::vector<qsizetype>, std::greater<>> ready;
    for (qsizetype i = 0; i < count; ++i)
        if (pending.at(i) == 0)
            ready.push(i);
    QList<bool> taken(count, false);
    QSet<QString> placed;
    qsizetype firstLeft = 0;
    QList<Table> ordered;
    ordered.reserve(count);
    while (ordered.size() < count) {
        qsizetype pick = -1;
        if (!ready.empty()) {
            pick = ready.top();
            ready.pop();
        } else {
            while (taken.at(firstLeft))
                ++firstLeft;
            pick = firstLeft; // a cycle of references: keep declaration order, the validator reports it
        }
        taken[pick] = true;
        const QString name = tables.at(pick).name;
        if (!placed.contains(name)) {
            placed.insert(name);
            for (qsizetype waiter : waiting.value(name))
                if (!taken.at(waiter) && --pending[waiter] == 0)
                    ready.push(waiter);
        }
        ordered.append(std::move(tables[pick]));
    }
    return ordered;
}

} // namespace

const Column *Table::column(const QString &columnName) const {
    for (const Column &c : columns)
        if (c.name == columnName)
            return &c;
    return nullptr;
}

const Column *Table::columnForAttribute(const QString &attribute) const {
    for (const Column &c : columns)
        if (c.attribute == attribute)
            return &c;
    return nullptr;
}

const Column *Table::singleKey() const {
    return primaryKey.size() == 1 ? column(primaryKey.first()) : nullptr;
}

namespace {

QString sourceAliasKey(const QString &source, const QString &alias) {
    return source + u'\n' + alias;
}

// The item `index` points at when it is still the one named, else a scan (for a schema changed since it was
// indexed); a miss is trusted only when the list has kept its indexed size.
template <typename T, typename Matches>
const T *lookUp(const QList<T> &items, const QHash<QString, qsizetype> &index, qsizetype indexedSize,
                const QString &key, Matches matches) {
    if (const auto it = index.constFind(key); it != index.cend()) {
        const qsizetype i = *it;
        if (i < items.size() && matches(items.at(i)))
            return &items.at(i);
    } else if (indexedSize == items.size()) {
        return nullptr;
    }
    for (const T &item : items)
        if (matches(item))
            return &item;
    return nullptr;
}

} // namespace

void ResolvedSchema::index() {
    mTableByName.clear();
    mTableByModel.clear();
    mLinkBySourceAlias.clear();
    mTableByName.reserve(tables.size());
    mTableByModel.reserve(tables.size());
    mLinkBySourceAlias.reserve(links.size());
    for (qsizetype i = 0; i < tables.size(); ++i) { // the first of a name wins, as a scan finds it
        const Table &t = tables.at(i);
        if (!mTableByName.contains(t.name))
            mTableByName.insert(t.name, i);
        if (!t.model.isEmpty() && !mTableByModel.contains(t.model))
            mTableByModel.insert(t.model, i);
    }
    for (qsizetype i = 0; i < links.size(); ++i) {
        const QString key = sourceAliasKey(links.at(i).source, links.at(i).as);
        if (!mLinkBySourceAlias.contains(key))
            mLinkBySourceAlias.insert(key, i);
    }
    mIndexedTables = tables.size();
    mIndexedLinks = links.size();
}

const Table *ResolvedSchema::tableForModel(const QString &modelName) const {
    if (modelName.isEmpty())
        return nullptr;
    return lookUp(tables, mTableByModel, mIndexedTables, modelName,
                  [&](const Table &t) { return t.model == modelName; });
}

const Table *ResolvedSchema::table(const QString &tableName) const {
    return lookUp(tables, mTableByName, mIndexedTables, tableName,
                  [&](const Table &t) { return t.name == tableName; });
}

const ResolvedLink *ResolvedSchema::link(const QString &sourceModel, const QString &alias) const {
    return lookUp(links, mLinkBySourceAlias, mIndexedLinks, sourceAliasKey(sourceModel, alias),
                  [&](const ResolvedLink &l) { return l.source == sourceModel && l.as == alias; });
}

QString SchemaResolver::defaultAlias(const Schema &, const Link &link) {
    if (link.isToMany())
        return inflection::pluralize(link.target);
    return inflection::singularize(link.target);
}

QString SchemaResolver::defaultForeignKey(const Schema &schema, const Link &link) {
    return foreignKeyFor(schema, link, schema.model(link.source), schema.model(link.target));
}

QString SchemaResolver::foreignKeyFor(const Schema &schema, const Link &link, const Model *source,
                                      const Model *target) {
    const QString sourcePk = source ? primaryKeyAttribute(*source) : u"id"_s;
    const QString targetPk = target ? primaryKeyAttribute(*target) : u"id"_s;
    switch (link.kind) {
    case Link::Kind::HasOne:
        return inflection::camelize(inflection::singularize(link.as.isEmpty() ? link.source : link.as) +
                                    u'_' + (link.sourceKey.isEmpty() ? sourcePk : link.sourceKey));
    case Link::Kind::BelongsTo:
        return inflection::camelize((link.as.isEmpty() ? defaultAlias(schema, link) : link.as) + u'_' +
                                    (link.targetKey.isEmpty() ? targetPk : link.targetKey));
    case Link::Kind::HasMany:
    case Link::Kind::BelongsToMany:
        return inflection::camelize(inflection::singularize(link.source) + u'_' +
                                    (link.sourceKey.isEmpty() ? sourcePk : link.sourceKey));
    }
    return {};
}

QString SchemaResolver::defaultOtherKey(const Schema &schema, const Link &link) {
    return otherKeyFor(link, schema.model(link.target));
}

QString SchemaResolver::otherKeyFor(const Link &link, const Model *target) {
    const QString targetPk = target ? primaryKeyAttribute(*target) : u"id"_s;
    const bool self = link.source == link.target;
    const QString stem =
        self && !link.as.isEmpty() ? inflection::singularize(link.as) : inflection::singularize(link.target);
    return inflection::camelize(stem + u'_' + (link.targetKey.isEmpty() ? targetPk : link.targetKey));
}

namespace {

// One resolve under way: the tables being built, and lookups by name built once — a big design has thousands
// of models and links, and searching the lists for every link made resolving quadratic. Each lookup keeps the
// first of equal names, as the linear searches (Schema::model, ResolvedSchema::table) do.
class Resolution {
public:
    explicit Resolution(const Schema &schema) {
        mTables.reserve(schema.models.size());
        mModels.reserve(schema.models.size());
        for (const Model &model : schema.models) {
            mTables.append(baseTable(model));
            if (!mModels.contains(model.name))
                mModels.insert(model.name, &model);
        }
        for (qsizetype i = 0; i < mTables.size(); ++i) {
            if (!mTables.at(i).model.isEmpty() && !mTableOfModel.contains(mTables.at(i).model))
                mTableOfModel.insert(mTables.at(i).model, i);
            if (!mTableNamed.contains(mTables.at(i).name))
                mTableNamed.insert(mTables.at(i).name, i);
        }
    }

    const Model *model(const QString &name) const { return mModels.value(name); }

    // hasOne / hasMany: the foreign key goes into the target's table.
    void addHasLink(const Link &link, const Model &source, const Model &target, ResolvedLink &r) {
        Table &sourceTable = *modelTable(source.name);
        r.sourceKey = link.sourceKey.isEmpty() ? primaryKeyAttribute(source) : link.sourceKey;
        const Column *key = sourceTable.columnForAttribute(r.sourceKey);
        r.onDelete =
            link.onDelete.isEmpty() ? defaultOnDelete(target, r.foreignKey, kCascade) : link.onDelete;
        const ColumnReference ref{sourceTable.name, key ? key->name : r.sourceKey, r.onDelete, r.onUpdate};
        r.foreignKeyColumn = addForeignKey(*modelTable(target.name), &target, r.foreignKey,
                                           attributeType(sourceTable, r.sourceKey), ref);
    }

    // belongsTo: the foreign key goes into the source's table.
    void addBelongsTo(const Link &link, const Model &source, const Model &target, ResolvedLink &r) {
        Table &targetTable = *modelTable(target.name);
        r.targetKey = link.targetKey.isEmpty() ? primaryKeyAttribute(target) : link.targetKey;
        const Column *key = targetTable.columnForAttribute(r.targetKey);
        r.onDelete =
            link.onDelete.isEmpty() ? defaultOnDelete(source, r.foreignKey, kNoAction) : link.onDelete;
        const ColumnReference ref{targetTable.name, key ? key->name : r.targetKey, r.onDelete, r.onUpdate};
        r.foreignKeyColumn = addForeignKey(*modelTable(source.name), &source, r.foreignKey,
                                           attributeType(targetTable, r.targetKey), ref);
    }

    // belongsToMany: both keys go into the junction, a model of the design or a table Sequelize defines.
    // r.otherKey is set.
    void addBelongsToMany(const Link &link, const Model &source, const Model &target, ResolvedLink &r) {
        r.sourceKey = link.sourceKey.isEmpty() ? primaryKeyAttribute(source) : link.sourceKey;
        r.targetKey = link.targetKey.isEmpty() ? primaryKeyAttribute(target) : link.targetKey;
        r.onDelete = link.onDelete.isEmpty() ? kCascade : link.onDelete;
        const Model *throughModel = model(link.through);
        Table *junction = throughModel ? modelTable(throughModel->name) : namedTable(link.through);
        bool keyFromLinks = false;
        if (!junction) {
            junction = generateJunction(link.through, source);
            keyFromLinks = true;
        } else if (!junction->columns.isEmpty() &&
                   junction->columns.first().origin == Column::Origin::ImpliedId) {
            junction->columns.removeFirst(); // Sequelize drops the generated id of a through model
            keyFromLinks = true;
        }
        r.throughTable = junction->name;
        r.throughModel = throughModel ? throughModel->name : QString();
        // Looked up after the junction: generating it may have moved the other tables.
        const Table &sourceTable = *modelTable(source.name);
        const Table &targetTable = *modelTable(target.name);
        const Column *sourceKey = sourceTable.columnForAttribute(r.sourceKey);
        const Column *targetKey = targetTable.columnForAttribute(r.targetKey);
        const QString otherOnDelete = link.onDelete.isEmpty() ? kCascade : link.onDelete;
        const auto generatedModel = mGeneratedJunctions.constFind(junction->name);
        const Model *holder = throughModel                                   ? throughModel
                              : generatedModel != mGeneratedJunctions.cend() ? &*generatedModel
                                                                             : nullptr;
        r.foreignKeyColumn = addForeignKey(
            *junction, holder, r.foreignKey, attributeType(sourceTable, r.sourceKey),
            {sourceTable.name, sourceKey ? sourceKey->name : r.sourceKey, r.onDelete, r.onUpdate});
        r.otherKeyColumn = addForeignKey(
            *junction, holder, r.otherKey, attributeType(targetTable, r.targetKey),
            {targetTable.name, targetKey ? targetKey->name : r.targetKey, otherOnDelete, r.onUpdate});
        applyJunctionActions(*junction, link, r);
        keyJunction(*junction, r, keyFromLinks);
    }

    QList<Table> takeTables() {
        for (Table &table : mTables)
            refreshPrimaryKey(table);
        return std::move(mTables);
    }

private:
    Table *modelTable(const QString &model) {
        const qsizetype i = mTableOfModel.value(model, -1);
        return i < 0 ? nullptr : &mTables[i];
    }

    Table *namedTable(const QString &name) {
        const qsizetype i = mTableNamed.value(name, -1);
        return i < 0 ? nullptr : &mTables[i];
    }

    // A junction table that Sequelize defines itself (`through` naming no model). Sequelize copies the source
    // model's options into the association, so the junction is underscored when the link that first defines
    // it comes from an underscored model: created_at, person_id. Later links reuse that model.
    Table *generateJunction(const QString &name, const Model &source) {
        Model junctionModel;
        junctionModel.name = name;
        junctionModel.underscored = source.underscored;
        mGeneratedJunctions.insert(name, junctionModel);
        Table generated;
        generated.name = name;
        generated.createdAtColumn = junctionModel.createdAtName();
        generated.updatedAtColumn = junctionModel.updatedAtName();
        generated.columns.append(timestampColumn(u"createdAt"_s, generated.createdAtColumn, false));
        generated.columns.append(timestampColumn(u"updatedAt"_s, generated.updatedAtColumn, false));
        mTables.append(generated);
        if (!mTableNamed.contains(generated.name))
            mTableNamed.insert(generated.name, mTables.size() - 1);
        return &mTables.last();
    }

    // Unlike the other links, belongsToMany lets its own onDelete/onUpdate override what an earlier link set
    // on its foreignKey column (Sequelize: `this.options.onDelete || existing.onDelete`); only the otherKey
    // column keeps what was there first.
    static void applyJunctionActions(Table &junction, const Link &link, const ResolvedLink &r) {
        for (Column &column : junction.columns) {
            if (column.name != r.foreignKeyColumn || !column.references)
                continue;
            if (!link.onDelete.isEmpty())
                column.references->onDelete = link.onDelete;
            if (!link.onUpdate.isEmpty())
                column.references->onUpdate = link.onUpdate;
        }
    }

    // The pair of keys is the junction's primary key when the junction has no key of its own, else unique.
    static void keyJunction(Table &junction, const ResolvedLink &r, bool keyFromLinks) {
        if (keyFromLinks) {
            for (Column &column : junction.columns) {
                if (column.name == r.foreignKeyColumn || column.name == r.otherKeyColumn) {
                    column.primaryKey = true;
                    column.nullable = false;
                }
            }
        } else if (junction.primaryKey != QStringList{r.foreignKeyColumn, r.otherKeyColumn} &&
                   junction.primaryKey != QStringList{r.otherKeyColumn, r.foreignKeyColumn}) {
            const QStringList pair{r.foreignKeyColumn, r.otherKeyColumn};
            const QStringList reversed{r.otherKeyColumn, r.foreignKeyColumn};
            if (!junction.uniqueKeys.contains(pair) && !junction.uniqueKeys.contains(reversed))
                junction.uniqueKeys.append(pair);
        }
        refreshPrimaryKey(junction);
    }

    QList<Table> mTables;
    QHash<QString, const Model *> mModels;
    QHash<QString, qsizetype> mTableOfModel;
    QHash<QString, qsizetype> mTableNamed;
    QHash<QString, Model> mGeneratedJunctions;
};

} // namespace

std::optional<ResolvedLink> SchemaResolver::linkDefaults(const Schema &schema, int index) {
    if (index < 0 || index >= schema.links.size())
        return std::nullopt;
    Schema defaults = schema;
    Link &bare = defaults.links[index];
    bare.sourceKey.clear();
    bare.targetKey.clear();
    bare.onDelete.clear();
    bare.onUpdate.clear();
    for (const ResolvedLink &candidate : resolve(defaults).links)
        if (candidate.index == index)
            return candidate;
    return std::nullopt;
}

ResolvedSchema SchemaResolver::resolve(const Schema &schema) {
    Resolution resolution(schema);
    ResolvedSchema out;
    for (int i = 0; i < schema.links.size(); ++i) {
        const Link &link = schema.links.at(i);
        const Model *source = resolution.model(link.source);
        const Model *target = resolution.model(link.target);
        if (!source || !target)
            continue;
        if (link.kind == Link::Kind::BelongsToMany && link.through.isEmpty())
            continue; // invalid; the validator says so

        ResolvedLink r;
        r.index = i;
        r.kind = link.kind;
        r.source = link.source;
        r.target = link.target;
        r.as = link.as.isEmpty() ? defaultAlias(schema, link) : link.as;
        r.foreignKey =
            link.foreignKey.isEmpty() ? foreignKeyFor(schema, link, source, target) : link.foreignKey;
        r.onUpdate = link.onUpdate.isEmpty() ? kCascade : link.onUpdate;
        switch (link.kind) {
        case Link::Kind::HasOne:
        case Link::Kind::HasMany:
            resolution.addHasLink(link, *source, *target, r);
            break;
        case Link::Kind::BelongsTo:
            resolution.addBelongsTo(link, *source, *target, r);
            break;
        case Link::Kind::BelongsToMany:
            r.otherKey = link.otherKey.isEmpty() ? otherKeyFor(link, target) : link.otherKey;
            resolution.addBelongsToMany(link, *source, *target, r);
            break;
        }
        out.links.append(r);
    }
    out.tables = dependencyOrder(resolution.takeTables());
    out.index();
    return out;
}

} // namespace modeldesk
