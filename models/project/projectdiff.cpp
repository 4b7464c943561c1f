#include "project/projectdiff.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

QString jsonText(const QJsonValue &value) {
    if (value.isUndefined())
        return ProjectDiff::tr("none");
    if (value.isString())
        return u'"' + value.toString() + u'"';
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (value.isNull())
        return u"null"_s;
    const QJsonDocument document =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    return QString::fromUtf8(document.toJson(QJsonDocument::Compact));
}

QString flag(const std::optional<bool> &value) {
    return value ? (*value ? u"true"_s : u"false"_s) : ProjectDiff::tr("default");
}

// The properties of a field that differ, e.g. "type STRING → TEXT, unique".
QString fieldChange(const Field &a, const Field &b) {
    QStringList parts;
    if (a.type != b.type)
        parts << ProjectDiff::tr("type %1 → %2").arg(a.type.toString(), b.type.toString());
    if (a.allowNull != b.allowNull)
        parts << ProjectDiff::tr("allowNull %1 → %2").arg(flag(a.allowNull), flag(b.allowNull));
    if (a.defaultValue != b.defaultValue)
        parts << ProjectDiff::tr("default %1 → %2").arg(jsonText(a.defaultValue), jsonText(b.defaultValue));
    if (a.primaryKey != b.primaryKey)
        parts << u"primaryKey"_s;
    if (a.autoIncrement != b.autoIncrement)
        parts << u"autoIncrement"_s;
    if (a.unique != b.unique)
        parts << u"unique"_s;
    if (a.comment != b.comment)
        parts << ProjectDiff::tr("comment");
    if (a.validate != b.validate)
        parts << u"validate"_s;
    return parts.join(u", "_s);
}

QStringList optionChanges(const Model &a, const Model &b) {
    QStringList parts;
    if (a.tableName != b.tableName)
        parts << u"tableName"_s;
    if (a.freezeTableName != b.freezeTableName)
        parts << u"freezeTableName"_s;
    if (a.timestamps != b.timestamps)
        parts << u"timestamps"_s;
    if (a.paranoid != b.paranoid)
        parts << u"paranoid"_s;
    if (a.underscored != b.underscored)
        parts << u"underscored"_s;
    if (a.comment != b.comment)
        parts << ProjectDiff::tr("comment");
    return parts;
}

ProjectDiff::ModelChange compareModels(const Model &a, const Model &b) {
    ProjectDiff::ModelChange change;
    change.model = b.name;
    for (const Field &field : b.fields) {
        const Field *old = a.field(field.name);
        if (!old)
            change.fieldsAdded << field.name;
        else if (!(*old == field))
            change.fieldsChanged << u"%1 (%2)"_s.arg(field.name, fieldChange(*old, field));
    }
    for (const Field &field : a.fields)
        if (!b.field(field.name))
            change.fieldsRemoved << field.name;
    change.optionsChanged = optionChanges(a, b);
    // Only the order of the fields changed: say so rather than nothing.
    if (change.fieldsAdded.isEmpty() && change.fieldsRemoved.isEmpty() && change.fieldsChanged.isEmpty() &&
        a.fields != b.fields)
        change.optionsChanged << ProjectDiff::tr("field order");
    return change;
}

QString linkIdentity(const Link &link) {
    QString text = u"%1 %2 %3"_s.arg(link.source, Link::kindName(link.kind), link.target);
    if (!link.as.isEmpty())
        text += u" as "_s + link.as;
    return text;
}

QStringList linkChanges(const Link &a, const Link &b) {
    QStringList parts;
    const QList<std::pair<const char *, std::pair<QString, QString>>> keys{
        {"foreignKey", {a.foreignKey, b.foreignKey}}, {"otherKey", {a.otherKey, b.otherKey}},
        {"sourceKey", {a.sourceKey, b.sourceKey}},    {"targetKey", {a.targetKey, b.targetKey}},
        {"through", {a.through, b.through}},          {"onDelete", {a.onDelete, b.onDelete}},
        {"onUpdate", {a.onUpdate, b.onUpdate}},
    };
    for (const auto &[name, values] : keys)
        if (values.first != values.second)
            parts << QString::fromLatin1(name);
    return parts;
}

QString joined(const QStringList &items) {
    return items.join(u", "_s);
}

} // namespace

bool ProjectDiff::isEmpty() const {
    return modelsAdded.isEmpty() && modelsRemoved.isEmpty() && modelsChanged.isEmpty() &&
           linksAdded.isEmpty() && linksRemoved.isEmpty() && linksChanged.isEmpty() && boxesMoved == 0;
}

QStringList ProjectDiff::lines() const {
    QStringList out;
    if (!modelsAdded.isEmpty())
        out << tr("Models added: %1").arg(joined(modelsAdded));
    if (!modelsRemoved.isEmpty())
        out << tr("Models removed: %1").arg(joined(modelsRemoved));
    for (const ModelChange &change : modelsChanged) {
        QStringList parts;
        if (!change.fieldsAdded.isEmpty())
            parts << tr("fields added: %1").arg(joined(change.fieldsAdded));
        if (!change.fieldsRemoved.isEmpty())
            parts << tr("fields removed: %1").arg(joined(change.fieldsRemoved));
        if (!change.fieldsChanged.isEmpty())
            parts << tr("fields changed: %1").arg(joined(change.fieldsChanged));
        if (!change.optionsChanged.isEmpty())
            parts << tr("options changed: %1").arg(joined(change.optionsChanged));
        out << tr("Model %1: %2").arg(change.model, parts.join(u"; "_s));
    }
    if (!linksAdded.isEmpty())
        out << tr("Links added: %1").arg(joined(linksAdded));
    if (!linksRemoved.isEmpty())
        out << tr("Links removed: %1").arg(joined(linksRemoved));
    if (!linksChanged.isEmpty())
        out << tr("Links changed: %1").arg(joined(linksChanged));
    if (boxesMoved > 0)
        out << QCoreApplication::translate("ProjectDiff", "%n box(es) moved", nullptr, boxesMoved);
    if (out.isEmpty())
        out << tr("No differences.");
    return out;
}

ProjectDiff ProjectDiff::compare(const Project &before, const Project &after) {
    ProjectDiff diff;
    QHash<QString, const Model *> oldModels;
    for (const Model &model : before.schema.models)
        oldModels.insert(model.name, &model);
    QSet<QString> newNames;
    for (const Model &model : after.schema.models) {
        newNames.insert(model.name);
        const Model *old = oldModels.value(model.name);
        if (!old) {
            diff.modelsAdded << model.name;
            continue;
        }
        if (*old == model)
            continue;
        diff.modelsChanged << compareModels(*old, model);
    }
    for (const Model &model : before.schema.models)
        if (!newNames.contains(model.name))
            diff.modelsRemoved << model.name;

    // Links have no names; the same kind between the same models under the same alias is the same link.
    // Several links may share that identity (broken designs do): they pair up in order.
    QHash<QString, QList<const Link *>> oldLinks;
    for (const Link &link : before.schema.links)
        oldLinks[linkIdentity(link)].append(&link);
    for (const Link &link : after.schema.links) {
        const QString identity = linkIdentity(link);
        QList<const Link *> &candidates = oldLinks[identity];
        if (candidates.isEmpty()) {
            diff.linksAdded << identity;
            continue;
        }
        const Link *old = candidates.takeFirst();
        if (!(*old == link))
            diff.linksChanged << u"%1 (%2)"_s.arg(identity, linkChanges(*old, link).join(u", "_s));
    }
    for (const Link &link : before.schema.links) {
        const QString identity = linkIdentity(link);
        if (!oldLinks.value(identity).isEmpty() && oldLinks.value(identity).contains(&link))
            diff.linksRemoved << identity;
    }

    for (auto it = after.layout.positions.cbegin(); it != after.layout.positions.cend(); ++it) {
        const auto old = before.layout.positions.constFind(it.key());
        if (old != before.layout.positions.cend() && *old != it.value())
            ++diff.boxesMoved;
    }
    return diff;
}

} // namespace modeldesk
