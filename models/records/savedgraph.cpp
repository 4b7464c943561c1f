#include "records/savedgraph.h"

#include "schema/fieldvalue.h"

#include <QJsonArray>

namespace modeldesk {

QJsonObject savedGraph(const ResolvedSchema &resolved, const SavePlan &plan, const QList<QVariant> &keys,
                       int record) {
    const PlanRecord &r = plan.records.at(record);
    const Table *table = resolved.tableForModel(r.model);
    QJsonObject object;
    if (r.step >= 0) {
        for (const Column &column : table->columns) {
            bool written = false;
            const QVariant value = plan.value(keys, r.step, column.name, &written);
            if (written)
                object.insert(column.attribute, FieldValue::toJson(column.type, value));
        }
    } else if (const Column *key = table->column(r.keyColumn)) {
        object.insert(key->attribute, FieldValue::toJson(key->type, r.key));
    }
    for (const PlanRecord::Children &group : r.children) {
        if (group.toMany) {
            QJsonArray items;
            for (int child : group.records)
                items.append(savedGraph(resolved, plan, keys, child));
            object.insert(group.alias, items);
        } else if (!group.records.isEmpty()) {
            object.insert(group.alias, savedGraph(resolved, plan, keys, group.records.first()));
        }
    }
    return object;
}

} // namespace modeldesk
