#include "import/schemainference.h"

#include "editing/autolayout.h"
#include "import/importnames.h"
#include "schema/inflection.h"
#include "schema/schemaids.h"
#include "sql/catalogtypes.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace modeldesk {

using namespace Qt::StringLiterals;
using importnames::TakenNames;

QString ImportWarning::toString() const {
    return (column.isEmpty() ? table : table + u'.' + column) + u": "_s + message;
}

namespace {

// One column as the design will see it: its catalog facts read into Sequelize terms.
struct ColumnFacts {
    const CatalogColumn *column = nullptr;
    DataType type;
    QJsonValue defaultValue = QJsonValue(QJsonValue::Undefined);
    bool autoIncrement = false;
    QString attribute; // in its model, once the model's naming is known
};

// What the import makes of one table.
struct TablePlan {
    const CatalogTable *table = nullptr;
    QList<ColumnFacts> columns;
    QHash<QString, const CatalogForeignKey *> links; // column -> its single-column key to an imported table
    bool junction = false;
    const CatalogForeignKey *junctionKeys[2] = {nullptr, nullptr}; // in column order
    bool generatedJunction = false; // belongsToMany through the table name; no model
    QString model;
    bool underscored = false;
    bool timestamps = false;
    bool paranoid = false;
    QString createdAt, updatedAt, deletedAt; // the timestamp columns, when timestamps
    bool impliedId = false;
    QSet<QString> fromLinks; // foreign key columns the links add (not declared as fields)

    int position(const QString &column) const {
        for (int i = 0; i < columns.size(); ++i)
            if (columns.at(i).column->name == column)
                return i;
        return -1;
    }
    const ColumnFacts *facts(const QString &column) const {
        const int i = position(column);
        return i < 0 ? nullptr : &columns.at(i);
    }
    bool uniqueAlone(const QString &column) const {
        if (table->primaryKey == QStringList{column})
            return true;
        for (const CatalogUniqueKey &key : table->uniqueKeys)
            if (key.columns == QStringList{column})
                return true;
        return false;
    }
    QString attribute(const QString &column) const {
        const ColumnFacts *f = facts(column);
        return f ? f->attribute : column;
    }
};

class Inference {
public:
    explicit Inference(const DatabaseCatalog &catalog)
        : mCatalog(catalog) {}

    ImportResult run() {
        mResult.skipped = mCatalog.skipped;
        for (const CatalogTable &table : mCatalog.tables)
            mPlans.append(readTable(table));
        for (int i = 0; i < mPlans.size(); ++i)
            mPlanOf.insert(mPlans.at(i).table->name, i);
        for (TablePlan &plan : mPlans)
            findLinks(plan);
        for (TablePlan &plan : mPlans)
            findJunction(plan);
        // Names first for the tables that are models in any case, then the junctions, whose shape depends on
        // the underscoring of the models they join.
        for (TablePlan &plan : mPlans)
            if (!plan.junction)
                shape(plan);
        for (TablePlan &plan : mPlans)
            if (plan.junction)
                shapeJunction(plan);
        nameModels();
        for (TablePlan &plan : mPlans)
            if (!plan.generatedJunction)
                mResult.project.schema.models.append(makeModel(plan));
        for (int i = 0; i < mPlans.size(); ++i)
            takeAttributes(mPlans.at(i));
        for (const TablePlan &plan : std::as_const(mPlans))
            makeLinks(plan);
        // By table and column, whatever step found them.
        std::stable_sort(mResult.warnings.begin(), mResult.warnings.end(),
                         [](const ImportWarning &a, const ImportWarning &b) {
                             return a.table != b.table ? a.table < b.table : a.column < b.column;
                         });
        Schema &schema = mResult.project.schema;
        mResult.project.layout.positions = AutoLayout::arrange(schema, AutoLayout::estimatedSizes(schema));
        return std::move(mResult);
    }

private:
    void warn(const QString &table, const QString &column, const QString &message) {
        mResult.warnings.append({table, column, message});
    }

    TablePlan readTable(const CatalogTable &table) {
        TablePlan plan;
        plan.table = &table;
        for (const CatalogColumn &column : table.columns) {
            ColumnFacts facts;
            facts.column = &column;
            const CatalogTypes::TypeReading type =
                CatalogTypes::dataType(mCatalog.dialect, column.type, column.enumValues, column.jsonChecked);
            facts.type = type.type;
            if (!type.note.isEmpty())
                warn(table.name, column.name, type.note);
            facts.autoIncrement = column.autoIncrement;
            if (column.defaultText) {
                const CatalogTypes::DefaultReading value =
                    CatalogTypes::defaultValue(mCatalog.dialect, facts.type, *column.defaultText);
                facts.defaultValue = value.value;
                facts.autoIncrement = facts.autoIncrement || value.autoIncrement;
                if (!value.note.isEmpty())
                    warn(table.name, column.name, value.note);
            }
            facts.attribute = column.name;
            plan.columns.append(facts);
        }
        if (table.primaryKey.isEmpty())
            warn(table.name, {},
                 SchemaInference::tr("no primary key: the design gives it Sequelize's id column, which the "
                                     "table does not have"));
        return plan;
    }

    const TablePlan *planOf(const QString &table) const {
        const int i = mPlanOf.value(table, -1);
        return i < 0 ? nullptr : &mPlans.at(i);
    }

    // The foreign keys an association can stand for: one column, to an imported table's primary key or a
    // column unique on its own. The others stay plain columns, with a warning.
    void findLinks(TablePlan &plan) {
        const QString &name = plan.table->name;
        for (const CatalogForeignKey &key : plan.table->foreignKeys) {
            const QString columns = key.columns.join(u", "_s);
            const TablePlan *referenced = planOf(key.referencedTable);
            if (key.columns.size() != 1) {
                warn(name, columns,
                     SchemaInference::tr("the composite foreign key (%1) -> %2 (%3) cannot be a Sequelize "
                                         "association; its columns are kept as plain fields")
                         .arg(columns, key.referencedTable, key.referencedColumns.join(u", "_s)));
                continue;
            }
            if (!referenced) {
                warn(name, columns,
                     SchemaInference::tr("references %1, which is not imported; kept as a plain field")
                         .arg(key.referencedTable));
                continue;
            }
            if (!referenced->uniqueAlone(key.referencedColumns.value(0))) {
                warn(name, columns,
                     SchemaInference::tr(
                         "references %1.%2, which is not unique on its own; kept as a plain field")
                         .arg(key.referencedTable, key.referencedColumns.value(0)));
                continue;
            }
            if (plan.links.contains(key.columns.first())) {
                warn(name, columns,
                     SchemaInference::tr("has a second foreign key (to %1); only the first becomes a link")
                         .arg(key.referencedTable));
                continue;
            }
            plan.links.insert(key.columns.first(), &key);
        }
    }

    // A table whose rows join two others: exactly two foreign keys, both single columns to a primary key,
    // whose pair is the primary key or unique.
    void findJunction(TablePlan &plan) {
        const CatalogTable &table = *plan.table;
        if (table.foreignKeys.size() != 2 || plan.links.size() != 2)
            return;
        QList<const CatalogForeignKey *> keys{&table.foreignKeys.at(0), &table.foreignKeys.at(1)};
        if (keys.at(0)->columns == keys.at(1)->columns)
            return;
        std::sort(keys.begin(), keys.end(), [&](const CatalogForeignKey *a, const CatalogForeignKey *b) {
            return plan.position(a->columns.first()) < plan.position(b->columns.first());
        });
        for (const CatalogForeignKey *key : keys) {
            const TablePlan *referenced = planOf(key->referencedTable);
            if (referenced->table->primaryKey != key->referencedColumns)
                return;
        }
        QStringList pair{keys.at(0)->columns.first(), keys.at(1)->columns.first()};
        QStringList sortedPair = pair;
        sortedPair.sort();
        auto samePair = [&](QStringList columns) {
            columns.sort();
            return columns == sortedPair;
        };
        bool keyed = samePair(table.primaryKey);
        for (const CatalogUniqueKey &unique : table.uniqueKeys)
            keyed = keyed || samePair(unique.columns);
        if (!keyed)
            return;
        plan.junction = true;
        plan.junctionKeys[0] = keys.at(0);
        plan.junctionKeys[1] = keys.at(1);
    }

    // The type the link gives a foreign key column it adds: that of the column it refers to.
    DataType referencedType(const CatalogForeignKey &key) const {
        const TablePlan *referenced = planOf(key.referencedTable);
        const ColumnFacts *facts = referenced ? referenced->facts(key.referencedColumns.value(0)) : nullptr;
        return facts ? facts->type : DataType::integer();
    }

    // True when a link would add `column` exactly as the catalog has it, so it can be left undeclared.
    bool addedByLink(const TablePlan &plan, const QString &column, bool junctionKey) const {
        const CatalogForeignKey *key = plan.links.value(column);
        const ColumnFacts *facts = plan.facts(column);
        if (!key || !facts)
            return false;
        const CatalogColumn &c = *facts->column;
        const bool inKey = plan.table->primaryKey.contains(column);
        if (facts->defaultValue != QJsonValue(QJsonValue::Undefined) || facts->autoIncrement ||
            !c.comment.isEmpty() || facts->type != referencedType(*key))
            return false;
        for (const CatalogUniqueKey &unique : plan.table->uniqueKeys)
            if (unique.columns.contains(column) && !junctionKey)
                return false;
        if (junctionKey) // the pair is the junction's primary key, set by the links
            return c.notNull && inKey;
        return !c.notNull && !inKey;
    }

    bool isTimestamp(const TablePlan &plan, const QString &column) const {
        const ColumnFacts *facts = plan.facts(column);
        return facts && facts->type.kind == DataType::Kind::Date;
    }

    bool underscorable(const TablePlan &plan) const {
        for (const ColumnFacts &facts : plan.columns)
            if (importnames::attributeFor(facts.column->name, true).isEmpty())
                return false;
        return true;
    }

    // Timestamps, underscoring, the implied id and which foreign key columns the links add.
    void shape(TablePlan &plan, bool pairIsKey = false) {
        const QString &name = plan.table->name;
        for (const bool snake : {false, true}) {
            const QString created = snake ? u"created_at"_s : u"createdAt"_s;
            const QString updated = snake ? u"updated_at"_s : u"updatedAt"_s;
            if (!isTimestamp(plan, created) || !isTimestamp(plan, updated))
                continue;
            if (snake && !underscorable(plan))
                continue;
            plan.timestamps = true;
            plan.underscored = snake;
            plan.createdAt = created;
            plan.updatedAt = updated;
            const QString deleted = snake ? u"deleted_at"_s : u"deletedAt"_s;
            if (isTimestamp(plan, deleted) && !plan.facts(deleted)->column->notNull) {
                plan.paranoid = true;
                plan.deletedAt = deleted;
            }
            break;
        }
        // A table of snake_case columns without timestamps is underscored too: its attributes are camelCase.
        if (!plan.timestamps && !plan.facts(u"createdAt"_s) && !plan.facts(u"updatedAt"_s) &&
            underscorable(plan))
            plan.underscored =
                std::any_of(plan.columns.cbegin(), plan.columns.cend(),
                            [](const ColumnFacts &f) { return f.column->name.contains(u'_'); });
        for (ColumnFacts &facts : plan.columns)
            facts.attribute = importnames::attributeFor(facts.column->name, plan.underscored);
        if (plan.timestamps) {
            for (const QString &column : {plan.createdAt, plan.updatedAt}) {
                const ColumnFacts &facts = *plan.facts(column);
                if (!facts.column->notNull)
                    warn(name, column,
                         SchemaInference::tr("is nullable; Sequelize's timestamp columns are NOT NULL"));
                if (facts.column->defaultText)
                    warn(name, column,
                         SchemaInference::tr("DEFAULT %1 is not kept: Sequelize fills timestamps in itself")
                             .arg(*facts.column->defaultText));
            }
            for (const QString &column : {plan.createdAt, plan.updatedAt, plan.deletedAt})
                if (!column.isEmpty() && !plan.facts(column)->column->comment.isEmpty())
                    warn(name, column, SchemaInference::tr("its comment is not kept (a timestamp column)"));
        }
        if (plan.columns.isEmpty())
            return;
        const ColumnFacts &first = plan.columns.first();
        plan.impliedId = !plan.junction && first.column->name == u"id"_s &&
                         first.type == DataType::integer() && first.autoIncrement &&
                         plan.table->primaryKey == QStringList{u"id"_s} && first.column->comment.isEmpty() &&
                         first.defaultValue.isUndefined();
        // Sequelize puts the timestamps after the declared fields and the keys its links add after them: the
        // columns after the timestamps are left to the links when the links add each exactly as it is.
        if (!plan.timestamps)
            return;
        const int created = plan.position(plan.createdAt);
        const int end = created + (plan.paranoid ? 3 : 2);
        if (plan.position(plan.updatedAt) != created + 1 ||
            (plan.paranoid && plan.position(plan.deletedAt) != created + 2))
            return;
        QSet<QString> tail;
        for (int i = end; i < plan.columns.size(); ++i) {
            const QString &column = plan.columns.at(i).column->name;
            const bool junctionKey = pairIsKey && (column == plan.junctionKeys[0]->columns.first() ||
                                                   column == plan.junctionKeys[1]->columns.first());
            if (!addedByLink(plan, column, junctionKey))
                return;
            tail.insert(column);
        }
        plan.fromLinks = tail;
    }

    void shapeJunction(TablePlan &plan) {
        const QStringList pair{plan.junctionKeys[0]->columns.first(), plan.junctionKeys[1]->columns.first()};
        const QStringList reversed{pair.at(1), pair.at(0)};
        const bool pairIsKey = plan.table->primaryKey == pair || plan.table->primaryKey == reversed;
        shape(plan, pairIsKey);
        plan.generatedJunction = isGeneratedJunction(plan, pair);
        // A through model keeps the key the links would drop (Sequelize drops a through model's implied id).
        if (!plan.generatedJunction && pairIsKey && plan.table->primaryKey != pair)
            plan.fromLinks.clear(); // the links would key it in the other order
    }

    // The junction Sequelize defines itself for belongsToMany through a table name: its two timestamps and
    // the two keys (the pair its primary key), nothing else, in the underscoring of the first key's model.
    bool isGeneratedJunction(const TablePlan &plan, const QStringList &pair) const {
        const CatalogTable &table = *plan.table;
        if (table.columns.size() != 4 || table.primaryKey != pair || !table.uniqueKeys.isEmpty() ||
            !table.comment.isEmpty() || !plan.timestamps || plan.paranoid)
            return false;
        const TablePlan *source = planOf(plan.junctionKeys[0]->referencedTable);
        if (source->underscored != plan.underscored || plan.fromLinks.size() != 2)
            return false;
        for (const TablePlan &other : mPlans) {
            for (const CatalogForeignKey &key : other.table->foreignKeys)
                if (key.referencedTable == table.name)
                    return false;
        }
        for (const QString &column : {plan.createdAt, plan.updatedAt}) {
            const CatalogColumn &c = *plan.facts(column)->column;
            if (!c.notNull || c.defaultText || !c.comment.isEmpty())
                return false;
        }
        return true;
    }

    void nameModels() {
        QSet<QString> taken; // lower case: the validator refuses names that differ in case only
        for (TablePlan &plan : mPlans) {
            if (plan.generatedJunction)
                continue;
            const QString wanted = importnames::modelNameFor(plan.table->name, plan.underscored);
            QString name = wanted;
            for (int n = 2; taken.contains(name.toLower()); ++n)
                name = wanted + QString::number(n);
            taken.insert(name.toLower());
            plan.model = name;
        }
        // A generated junction's name must not be a model's: `through` would name the model instead.
        for (TablePlan &plan : mPlans) {
            if (plan.generatedJunction && taken.contains(plan.table->name.toLower())) {
                plan.generatedJunction = false;
                const QString wanted = importnames::modelNameFor(plan.table->name, plan.underscored);
                QString name = wanted;
                for (int n = 2; taken.contains(name.toLower()); ++n)
                    name = wanted + QString::number(n);
                taken.insert(name.toLower());
                plan.model = name;
            }
        }
    }

    Model makeModel(const TablePlan &plan) {
        const CatalogTable &table = *plan.table;
        Model model;
        model.name = plan.model;
        model.underscored = plan.underscored;
        model.timestamps = plan.timestamps;
        model.paranoid = plan.paranoid;
        model.comment = table.comment;
        if (model.effectiveTableName() != table.name)
            model.tableName = table.name;
        for (int i = 0; i < plan.columns.size(); ++i) {
            const ColumnFacts &facts = plan.columns.at(i);
            const QString &column = facts.column->name;
            if ((i == 0 && plan.impliedId) || plan.fromLinks.contains(column) ||
                (plan.timestamps &&
                 (column == plan.createdAt || column == plan.updatedAt || column == plan.deletedAt)))
                continue;
            Field field;
            field.name = facts.attribute;
            field.type = facts.type;
            field.primaryKey = table.primaryKey.contains(column);
            if (facts.column->notNull && !field.primaryKey)
                field.allowNull = false;
            field.defaultValue = facts.defaultValue;
            field.autoIncrement = facts.autoIncrement;
            field.unique = !field.primaryKey && plan.uniqueAlone(column);
            field.comment = facts.column->comment;
            model.fields.append(field);
        }
        for (const CatalogUniqueKey &key : table.uniqueKeys) {
            if (key.columns.size() < 2)
                continue;
            if (plan.junction && !plan.generatedJunction) {
                QStringList columns = key.columns;
                QStringList pair{plan.junctionKeys[0]->columns.first(),
                                 plan.junctionKeys[1]->columns.first()};
                columns.sort();
                pair.sort();
                if (columns == pair)
                    continue; // the belongsToMany keys it
            }
            warn(table.name, key.columns.join(u", "_s),
                 SchemaInference::tr("the unique %1 %2 over several columns cannot be said in a Sequelize "
                                     "attribute; not kept")
                     .arg(key.index ? SchemaInference::tr("index") : SchemaInference::tr("constraint"),
                          key.name));
        }
        return model;
    }

    void takeAttributes(const TablePlan &plan) {
        if (plan.generatedJunction)
            return;
        TakenNames &names = mTaken[plan.model];
        for (const ColumnFacts &facts : plan.columns)
            names.take(facts.attribute);
        names.take(u"id"_s);
        if (plan.timestamps)
            for (const QString &attribute : {u"createdAt"_s, u"updatedAt"_s, u"deletedAt"_s})
                names.take(attribute);
    }

    // The key attribute a link names explicitly: empty when it is the model's own primary key (the default).
    QString keyAttribute(const TablePlan &referenced, const QString &column) const {
        const Model *model = mResult.project.schema.model(referenced.model);
        const QString attribute = referenced.attribute(column);
        return model && model->primaryKeyNames().value(0) == attribute ? QString() : attribute;
    }

    int count(const TablePlan &plan, const QString &referencedTable) const {
        int n = 0;
        for (const CatalogForeignKey *key : plan.links)
            n += key->referencedTable == referencedTable ? 1 : 0;
        return n;
    }

    QString actions(const CatalogForeignKey &key) const {
        return SchemaInference::tr("ON DELETE %1 ON UPDATE %2").arg(key.onDelete, key.onUpdate);
    }

    QString uniqueness(const TablePlan &plan, const QString &column) const {
        if (plan.table->primaryKey == QStringList{column})
            return SchemaInference::tr("%1 is the primary key").arg(column);
        for (const CatalogUniqueKey &key : plan.table->uniqueKeys)
            if (key.columns == QStringList{column})
                return (key.index ? SchemaInference::tr("%1 is unique (unique index %2)")
                                  : SchemaInference::tr("%1 is unique (constraint %2)"))
                    .arg(column, key.name);
        return SchemaInference::tr("%1 is not unique").arg(column);
    }

    void addLink(Link link, const QString &evidence) {
        Schema &schema = mResult.project.schema;
        mResult.evidence.append({int(schema.links.size()), evidence});
        schema.links.append(std::move(link));
    }

    void makeLinks(const TablePlan &plan) {
        if (plan.junction) {
            makeJunctionLinks(plan);
            return;
        }
        QList<const CatalogForeignKey *> keys = plan.links.values();
        std::sort(keys.begin(), keys.end(), [&](const CatalogForeignKey *a, const CatalogForeignKey *b) {
            return plan.position(a->columns.first()) < plan.position(b->columns.first());
        });
        for (const CatalogForeignKey *key : std::as_const(keys)) {
            const TablePlan &referenced = *planOf(key->referencedTable);
            const QString &column = key->columns.first();
            const QString attribute = plan.attribute(column);
            const QString stem = importnames::keyStem(attribute);
            const bool several = count(plan, key->referencedTable) > 1;
            const QString where = u"%1.%2 -> %3.%4"_s.arg(plan.table->name, column, referenced.table->name,
                                                          key->referencedColumns.first());
            const QString keyText =
                SchemaInference::tr("foreign key %1 (%2%3)")
                    .arg(where, key->name.isEmpty() ? QString() : key->name + u", "_s, actions(*key));

            Link belongsTo{Link::Kind::BelongsTo, plan.model, referenced.model};
            belongsTo.as =
                mTaken[plan.model].claim(!stem.isEmpty() ? stem
                                         : several ? attribute + importnames::capitalized(referenced.model)
                                                   : referenced.model);
            belongsTo.foreignKey = attribute;
            belongsTo.targetKey = keyAttribute(referenced, key->referencedColumns.first());
            belongsTo.onDelete = key->onDelete;
            belongsTo.onUpdate = key->onUpdate;
            addLink(belongsTo, keyText);

            const bool one = plan.uniqueAlone(column);
            Link inverse{one ? Link::Kind::HasOne : Link::Kind::HasMany, referenced.model, plan.model};
            const QString plain = one ? plan.model : inflection::pluralize(plan.model);
            inverse.as = mTaken[referenced.model].claim(
                several ? (stem.isEmpty() ? attribute : stem) + importnames::capitalized(plain) : plain);
            inverse.foreignKey = attribute;
            inverse.sourceKey = belongsTo.targetKey;
            inverse.onDelete = key->onDelete;
            inverse.onUpdate = key->onUpdate;
            addLink(inverse,
                    keyText + u"; "_s + uniqueness(plan, column) +
                        (one ? SchemaInference::tr(", so hasOne") : SchemaInference::tr(", so hasMany")));
        }
    }

    void makeJunctionLinks(const TablePlan &plan) {
        const CatalogTable &table = *plan.table;
        QStringList extra;
        for (const ColumnFacts &facts : plan.columns) {
            const QString &c = facts.column->name;
            if (c != plan.junctionKeys[0]->columns.first() && c != plan.junctionKeys[1]->columns.first() &&
                c != plan.createdAt && c != plan.updatedAt && c != plan.deletedAt)
                extra << c;
        }
        QStringList pair{plan.junctionKeys[0]->columns.first(), plan.junctionKeys[1]->columns.first()};
        QString keyed = table.primaryKey.size() == 2
                            ? SchemaInference::tr("(%1) is its primary key").arg(pair.join(u", "_s))
                            : SchemaInference::tr("(%1) is unique").arg(pair.join(u", "_s));
        const QString through =
            plan.generatedJunction
                ? SchemaInference::tr("the junction Sequelize defines itself (timestamps and the two keys)")
            : extra.isEmpty() ? SchemaInference::tr("through model %1").arg(plan.model)
                              : SchemaInference::tr("through model %1 for its own columns %2")
                                    .arg(plan.model, extra.join(u", "_s));
        for (int side = 0; side < 2; ++side) {
            const CatalogForeignKey &own = *plan.junctionKeys[side];
            const CatalogForeignKey &other = *plan.junctionKeys[1 - side];
            const TablePlan &source = *planOf(own.referencedTable);
            const TablePlan &target = *planOf(other.referencedTable);
            Link link{Link::Kind::BelongsToMany, source.model, target.model};
            const QString otherKey = plan.attribute(other.columns.first());
            const bool ambiguous = source.model == target.model || junctionsBetween(source, target) > 1;
            const QString stem = importnames::keyStem(otherKey);
            link.as = mTaken[source.model].claim(
                inflection::pluralize(ambiguous ? (stem.isEmpty() ? otherKey : stem) : target.model));
            link.foreignKey = plan.attribute(own.columns.first());
            link.otherKey = otherKey;
            link.through = plan.generatedJunction ? table.name : plan.model;
            link.onDelete = own.onDelete;
            link.onUpdate = own.onUpdate;
            addLink(link,
                    SchemaInference::tr("junction %1: foreign keys %2 -> %3 (%4) and %5 -> %6 (%7); %8; %9")
                        .arg(table.name, own.columns.first(), own.referencedTable, actions(own),
                             other.columns.first(), other.referencedTable, actions(other), keyed, through));
        }
    }

    int junctionsBetween(const TablePlan &a, const TablePlan &b) const {
        int n = 0;
        for (const TablePlan &plan : mPlans) {
            if (!plan.junction)
                continue;
            const QString x = plan.junctionKeys[0]->referencedTable;
            const QString y = plan.junctionKeys[1]->referencedTable;
            if ((x == a.table->name && y == b.table->name) || (x == b.table->name && y == a.table->name))
                ++n;
        }
        return n;
    }

    const DatabaseCatalog &mCatalog;
    QList<TablePlan> mPlans;
    QHash<QString, int> mPlanOf;
    QHash<QString, TakenNames> mTaken; // per model
    ImportResult mResult;
};

} // namespace

ImportResult SchemaInference::infer(const DatabaseCatalog &catalog) {
    ImportResult result = Inference(catalog).run();
    SchemaIds::assignMissing(result.project.schema);
    return result;
}

} // namespace modeldesk
