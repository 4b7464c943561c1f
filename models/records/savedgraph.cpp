#include "records/savedgraph.h"

#include "schema/fieldvalue.h"

#include <QHash>
#include <QJsonArray>

namespace modeldesk {

namespace {

// Every column statement `step` wrote into `table`, by attribute.
QJsonObject writtenValues(const Table &table, const SavePlan &plan, const QList<QVariant> &keys, int step) {
    QJsonObject object;
    for (const Column &column : table.columns) {
        bool written = false;
        const QVariant value = plan.value(keys, step, column.name, &written);
        if (written)
            object.insert(column.attribute, FieldValue::toJson(column.type, value));
    }
    return object;
}

} // namespace

// The junction rows' values go under the through model's name, as the loader returns them
// (`products[0].orderItem.unitPrice`).
QHash<QString, int> insertedJunctionRows(const ResolvedSchema &resolved, const SavePlan &plan,
                                         const QString &model, const QString &alias) {
    QHash<QString, int> rows;
    const ResolvedLink *link = resolved.link(model, alias);
    if (!link || link->kind != Link::Kind::BelongsToMany || link->throughModel.isEmpty() ||
        !resolved.table(link->throughTable))
        return rows;
    for (int s = 0; s < plan.steps.size(); ++s) {
        const PlanStep &step = plan.steps.at(s);
        if (step.action == PlanStep::Action::Insert && step.record < 0 && step.table == link->throughTable)
            rows.insert(step.path, s);
    }
    return rows;
}

QJsonObject savedGraph(const ResolvedSchema &resolved, const SavePlan &plan, const QList<QVariant> &keys,
                       int record) {
    const PlanRecord &r = plan.records.at(record);
    const Table *table = resolved.tableForModel(r.model);
    QJsonObject object;
    if (r.step >= 0) {
        object = writtenValues(*table, plan, keys, r.step);
    } else if (const Column *key = table->column(r.keyColumn)) {
        object.insert(key->attribute, FieldValue::toJson(key->type, r.key));
    }
    for (const PlanRecord::Children &group : r.children) {
        if (group.toMany) {
            const QHash<QString, int> junctionRows =
                insertedJunctionRows(resolved, plan, r.model, group.alias);
            QJsonArray items;
            for (int child : group.records) {
                QJsonObject item = savedGraph(resolved, plan, keys, child);
                if (const auto row = junctionRows.constFind(plan.records.at(child).path);
                    row != junctionRows.cend())
                    item.insert(resolved.link(r.model, group.alias)->throughModel,
                                writtenValues(*resolved.table(plan.steps.at(*row).table), plan, keys, *row));
                items.append(item);
            }
            object.insert(group.alias, items);
        } else if (!group.records.isEmpty()) {
            object.insert(group.alias, savedGraph(resolved, plan, keys, group.records.first()));
        }
    }
    return object;
}

QSet<QString> graphModels(const ResolvedSchema &resolved, const QString &model, const QJsonObject &graph) {
    QSet<QString> models{model};
    for (auto it = graph.constBegin(); it != graph.constEnd(); ++it) {
        const ResolvedLink *link = resolved.link(model, it.key());
        if (!link)
            continue;
        const QJsonArray items = it.value().isArray() ? it.value().toArray() : QJsonArray{it.value()};
        for (const QJsonValue &item : items) {
            if (!item.isObject())
                continue;
            QJsonObject object = item.toObject();
            if (!link->throughModel.isEmpty() && object.contains(link->throughModel)) {
                models.insert(link->throughModel);
                object.remove(link->throughModel);
            }
            models.unite(graphModels(resolved, link->target, object));
        }
    }
    return models;
}

} // namespace modeldesk
