#include "records/errorterms.h"

#include "schema/fieldvalue.h"

#include <QJsonValue>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

// The value the step wrote into `column`, as a person reads it; empty when it came from another statement.
QString writtenValue(const PlanStep &step, const Column &column) {
    for (const PlanValue &value : step.values)
        if (value.column == column.name && !value.isReference())
            return FieldValue::toText(FieldValue::toJson(column.type, value.value));
    return {};
}

QString recordName(const Table &table) {
    return table.model.isEmpty() ? table.name : table.model;
}

} // namespace

QString ErrorTerms::describe(const ResolvedSchema &resolved, const PlanStep &step, ErrorSubject::Kind kind,
                             const QStringList &columns) {
    const Table *table = resolved.table(step.table);
    if (!table)
        return {};
    QList<const Column *> named;
    for (const QString &name : columns)
        if (const Column *column = table->column(name))
            named << column;
    // SQLite names no column for a foreign key: the step's one linking value it wrote is the suspect.
    if (named.isEmpty() && kind == ErrorSubject::Kind::ForeignKey)
        for (const PlanValue &value : step.values)
            if (const Column *column = table->column(value.column); column && column->references)
                named << column;
    if (kind == ErrorSubject::Kind::ForeignKey && named.size() > 1)
        named.clear();
    const Column *first = named.isEmpty() ? nullptr : named.first();
    switch (kind) {
    case ErrorSubject::Kind::Unique: {
        if (named.size() == 1) {
            const QString value = writtenValue(step, *first);
            return value.isEmpty()
                       ? tr("%1 is already used by another %2").arg(first->attribute, recordName(*table))
                       : tr("%1 %2 is already used by another %3")
                             .arg(first->attribute, value, recordName(*table));
        }
        QStringList attributes;
        for (const Column *column : std::as_const(named))
            attributes << column->attribute;
        if (!attributes.isEmpty())
            return tr("another %1 already has the same %2")
                .arg(recordName(*table), attributes.join(tr(" and ")));
        return tr("another %1 already has one of these values, which must be unique").arg(recordName(*table));
    }
    case ErrorSubject::Kind::NotNull:
        return first ? tr("%1 needs a value").arg(first->attribute) : QString();
    case ErrorSubject::Kind::TooLong:
        return first ? tr("%1 is longer than %2 allows").arg(first->attribute, first->type.toString())
                     : tr("a value is longer than its column allows");
    case ErrorSubject::Kind::Check:
        return first ? tr("%1 is not an allowed value").arg(first->attribute)
                     : tr("a value is not allowed by a check of %1").arg(recordName(*table));
    case ErrorSubject::Kind::ForeignKey:
        if (step.action == PlanStep::Action::Delete)
            return tr("this %1 cannot be removed: other records still refer to it").arg(recordName(*table));
        if (first && first->references) {
            const Table *target = resolved.table(first->references->table);
            const QString value = writtenValue(step, *first);
            const QString targetName = target ? recordName(*target) : first->references->table;
            return value.isEmpty() ? tr("%1 names no %2").arg(first->attribute, targetName)
                                   : tr("%1 %2 names no %3").arg(first->attribute, value, targetName);
        }
        return tr("a link names a record that does not exist");
    case ErrorSubject::Kind::Other:
        break;
    }
    return {};
}

} // namespace modeldesk
