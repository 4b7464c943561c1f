#include "schema/model.h"

#include "schema/inflection.h"

namespace modeldesk {

using namespace Qt::StringLiterals;

QString Model::effectiveTableName() const {
    if (!tableName.isEmpty())
        return tableName;
    if (freezeTableName)
        return name;
    const QString plural = inflection::pluralize(name);
    return underscored ? inflection::underscore(plural) : plural;
}

QString Model::columnName(const QString &attribute) const {
    return underscored ? inflection::underscore(attribute) : attribute;
}

QString Model::createdAtName() const {
    return columnName(u"createdAt"_s);
}
QString Model::updatedAtName() const {
    return columnName(u"updatedAt"_s);
}
QString Model::deletedAtName() const {
    return columnName(u"deletedAt"_s);
}

bool Model::hasImpliedId() const {
    for (const Field &f : fields)
        if (f.primaryKey)
            return false;
    return true;
}

QStringList Model::primaryKeyNames() const {
    if (hasImpliedId())
        return {u"id"_s};
    QStringList names;
    for (const Field &f : fields)
        if (f.primaryKey)
            names.append(f.name);
    return names;
}

DataType Model::primaryKeyType() const {
    for (const Field &f : fields)
        if (f.primaryKey)
            return f.type;
    return DataType::integer();
}

const Field *Model::field(const QString &fieldName) const {
    const int i = fieldIndex(fieldName);
    return i < 0 ? nullptr : &fields.at(i);
}

Field *Model::field(const QString &fieldName) {
    const int i = fieldIndex(fieldName);
    return i < 0 ? nullptr : &fields[i];
}

int Model::fieldIndex(const QString &fieldName) const {
    for (int i = 0; i < fields.size(); ++i)
        if (fields.at(i).name == fieldName)
            return i;
    return -1;
}

} // namespace modeldesk
