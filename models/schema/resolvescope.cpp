#include "schema/resolvescope.h"

#include <algorithm>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

// A link reading the key column `attribute` of model `model`'s table (for its type and column name).
struct KeyRead {
    int model = -1;
    QString attribute;
};

// One link as the resolver sees it: its ends and the model whose table it writes into (-1: not resolved, or a
// junction table that Sequelize generates, which no other link reads and no box shows).
struct LinkEnds {
    int source = -1;
    int target = -1;
    int written = -1;
};

// The design's links seen as the resolver sees them: which model's table each one writes into and which key
// columns it reads. Built once per question: a hash of the model names and one pass over the links.
class DesignIndex {
public:
    DesignIndex(const Schema &schema, const TableNames *tableNames)
        : mSchema(schema)
        , mTableNames(tableNames) {
        mModelByName.reserve(schema.models.size());
        for (int i = 0; i < schema.models.size(); ++i) {
            if (mModelByName.contains(schema.models.at(i).name))
                mDuplicates = true;
            else
                mModelByName.insert(schema.models.at(i).name, i);
        }
        mLinks.reserve(schema.links.size());
        for (const Link &link : schema.links) {
            LinkEnds ends{model(link.source), model(link.target), -1};
            ends.written = writtenModel(link, ends);
            mLinks.append(ends);
            if (ends.written >= 0 && link.kind == Link::Kind::BelongsToMany)
                mJunctions.insert(ends.written);
        }
    }

    bool hasDuplicates() const { return mDuplicates; }
    int model(const QString &name) const { return mModelByName.value(name, -1); }
    const LinkEnds &ends(int index) const { return mLinks.at(index); }
    int written(int index) const { return mLinks.at(index).written; }

    // Every model whose table is named `table`, in declaration order (the first is the one a name finds).
    QList<int> modelsWithTable(const QString &table) {
        QList<int> found;
        if (mTableNames) {
            for (const QString &name : mTableNames->models(table))
                if (const int i = model(name); i >= 0)
                    found.append(i);
            std::sort(found.begin(), found.end());
            return found;
        }
        if (!mTablesIndexed) {
            mTablesIndexed = true;
            for (int i = 0; i < mSchema.models.size(); ++i)
                mModelsByTable[mSchema.models.at(i).effectiveTableName()].append(i);
        }
        return mModelsByTable.value(table);
    }

    // Whether link `index` reads a key of one of `models` in a way that depends on that table's own links:
    // a key the model does not make itself, or any key of a junction (which loses its implied id to the
    // first link through it). A column the model makes (its fields, implied id, timestamps) is the same at
    // every point of a resolve.
    template <typename Pred> bool readsUnstably(int index, Pred inModels) const {
        const Link &link = mSchema.links.at(index);
        const LinkEnds &e = mLinks.at(index);
        const bool fromSource = link.kind != Link::Kind::BelongsTo;
        const bool fromTarget = link.kind == Link::Kind::BelongsTo || link.kind == Link::Kind::BelongsToMany;
        return (fromSource && inModels(e.source) && !stable(e.source, link.sourceKey)) ||
               (fromTarget && inModels(e.target) && !stable(e.target, link.targetKey));
    }

    // The models whose keys link `index` reads.
    QList<int> readModels(int index) const {
        const Link::Kind kind = mSchema.links.at(index).kind;
        if (kind == Link::Kind::BelongsToMany)
            return {mLinks.at(index).source, mLinks.at(index).target};
        return {kind == Link::Kind::BelongsTo ? mLinks.at(index).target : mLinks.at(index).source};
    }

private:
    bool stable(int index, const QString &declaredKey) const {
        if (mJunctions.contains(index))
            return false;
        const Model &model = mSchema.models.at(index);
        if (declaredKey.isEmpty())
            return true; // the primary key: the first primary key field, or the implied id
        if (model.field(declaredKey))
            return true;
        if (declaredKey == u"id"_s)
            return model.hasImpliedId();
        if (!model.timestamps)
            return false;
        return declaredKey == u"createdAt"_s || declaredKey == u"updatedAt"_s ||
               (model.paranoid && declaredKey == u"deletedAt"_s);
    }

    int writtenModel(const Link &link, const LinkEnds &ends) {
        if (ends.source < 0 || ends.target < 0)
            return -1; // the resolver skips it
        switch (link.kind) {
        case Link::Kind::HasOne:
        case Link::Kind::HasMany:
            return ends.target;
        case Link::Kind::BelongsTo:
            return ends.source;
        case Link::Kind::BelongsToMany:
            if (link.through.isEmpty())
                return -1;
            if (const int through = model(link.through); through >= 0)
                return through;
            return modelsWithTable(link.through).value(0, -1);
        }
        return -1;
    }

    const Schema &mSchema;
    const TableNames *mTableNames;
    QHash<QString, int> mModelByName; // the first model of each name, as Schema::model finds it
    bool mDuplicates = false;
    QList<LinkEnds> mLinks;
    QSet<int> mJunctions;
    bool mTablesIndexed = false;
    QHash<QString, QList<int>> mModelsByTable;
};

// Adds to `models` every model whose table a link writing into one of them reads in a way that depends on
// that table's own links, until nothing more is needed.
void addUnstableReads(const DesignIndex &index, const Schema &schema, QSet<int> &models) {
    for (bool grew = true; grew;) {
        grew = false;
        for (int i = 0; i < schema.links.size(); ++i) {
            const int written = index.written(i);
            if (written < 0 || !models.contains(written))
                continue;
            for (int read : index.readModels(i)) {
                if (!models.contains(read) &&
                    index.readsUnstably(i, [read](int model) { return model == read; })) {
                    models.insert(read);
                    grew = true;
                }
            }
        }
    }
}

QHash<QString, Table> resolveIndexed(const DesignIndex &index, const Schema &schema,
                                     const QSet<int> &wanted) {
    QSet<int> needed = wanted;
    addUnstableReads(index, schema, needed);
    // The part: the needed models, the models at the other end of the links writing into them (whose own
    // columns those links read), and those links, all in declaration order.
    QList<bool> keep(schema.models.size(), false);
    for (int model : std::as_const(needed))
        keep[model] = true;
    QList<int> links;
    for (int i = 0; i < schema.links.size(); ++i) {
        if (!needed.contains(index.written(i)))
            continue;
        links.append(i);
        keep[index.ends(i).source] = true;
        keep[index.ends(i).target] = true;
    }
    Schema part;
    for (int i = 0; i < schema.models.size(); ++i)
        if (keep.at(i))
            part.models.append(schema.models.at(i));
    part.links.reserve(links.size());
    for (int i : std::as_const(links))
        part.links.append(schema.links.at(i));
    const ResolvedSchema resolved = SchemaResolver::resolve(part);
    QHash<QString, Table> tables;
    tables.reserve(wanted.size());
    for (int model : wanted) {
        const QString &name = schema.models.at(model).name;
        if (const Table *table = resolved.tableForModel(name))
            tables.insert(name, *table);
    }
    return tables;
}

QSet<int> affectedIndexed(DesignIndex &index, const Schema &schema, const SchemaTouch &touch) {
    // The models the edit touched: by name, and by table name (a table named by a `through` may have
    // changed hands).
    QSet<int> touched;
    for (const QString &name : touch.models)
        if (const int model = index.model(name); model >= 0)
            touched.insert(model);
    for (const QString &table : touch.tableNames)
        for (int model : index.modelsWithTable(table))
            touched.insert(model);
    // Every link with a touched end or through writes something else into its table now, or reads a changed
    // key; then whatever reads those tables' added keys.
    QSet<int> affected = touched;
    for (int i = 0; i < schema.links.size(); ++i) {
        const Link &link = schema.links.at(i);
        const LinkEnds &ends = index.ends(i);
        if (!touched.contains(ends.source) && !touched.contains(ends.target) &&
            !touch.models.contains(link.source) && !touch.models.contains(link.target) &&
            !touch.models.contains(link.through) && !touch.tableNames.contains(link.through))
            continue;
        if (ends.written >= 0) {
            affected.insert(ends.written);
            continue;
        }
        // Not resolved now (an end is gone): whatever it wrote into before is one of the models it names.
        for (int end : {ends.source, ends.target, index.model(link.through)})
            if (end >= 0)
                affected.insert(end);
        if (!link.through.isEmpty())
            for (int model : index.modelsWithTable(link.through))
                affected.insert(model);
    }
    const auto isAffected = [&affected](int model) {
        return affected.contains(model);
    };
    for (bool grew = true; grew;) {
        grew = false;
        for (int i = 0; i < schema.links.size(); ++i) {
            const int written = index.written(i);
            if (written >= 0 && !affected.contains(written) && index.readsUnstably(i, isAffected)) {
                affected.insert(written);
                grew = true;
            }
        }
    }
    return affected;
}

} // namespace

std::optional<QSet<QString>> ResolveScope::affectedModels(const Schema &schema, const SchemaTouch &touch,
                                                          const TableNames *tableNames) {
    DesignIndex index(schema, tableNames);
    if (index.hasDuplicates())
        return std::nullopt;
    QSet<QString> names;
    for (int model : affectedIndexed(index, schema, touch))
        names.insert(schema.models.at(model).name);
    return names;
}

std::optional<QHash<QString, Table>>
ResolveScope::resolveAffected(const Schema &schema, const SchemaTouch &touch, const TableNames *tableNames) {
    DesignIndex index(schema, tableNames);
    if (index.hasDuplicates())
        return std::nullopt;
    return resolveIndexed(index, schema, affectedIndexed(index, schema, touch));
}

std::optional<QHash<QString, Table>>
ResolveScope::resolveModels(const Schema &schema, const QSet<QString> &models, const TableNames *tableNames) {
    DesignIndex index(schema, tableNames);
    if (index.hasDuplicates())
        return std::nullopt;
    QSet<int> wanted;
    for (const QString &name : models)
        if (const int model = index.model(name); model >= 0)
            wanted.insert(model);
    return resolveIndexed(index, schema, wanted);
}

} // namespace modeldesk

namespace modeldesk {

void TableNames::reset(const QList<Model> &models) {
    mModels.clear();
    for (const Model &model : models)
        add(model);
}

void TableNames::remove(const Model &model) {
    const auto it = mModels.find(model.effectiveTableName());
    if (it == mModels.end())
        return;
    it->removeOne(model.name);
    if (it->isEmpty())
        mModels.erase(it);
}

} // namespace modeldesk
