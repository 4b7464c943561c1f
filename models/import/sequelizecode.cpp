#include "import/sequelizecode.h"

#include "editing/autolayout.h"
#include "schema/linkfacts.h"
#include "schema/resolvedschema.h"

#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QSet>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

// Collects the warnings of one import.
class Warnings {
public:
    void add(const QString &model, const QString &attribute, const QString &message) {
        mList.append({model, attribute, message});
    }
    QList<ImportWarning> take() { return std::move(mList); }

    // Attributes with `references`: warned about unless an association covers them.
    QList<std::pair<QString, QString>> referencing;

private:
    QList<ImportWarning> mList;
};

QStringList strings(const QJsonValue &value) {
    QStringList out;
    for (const QJsonValue &item : value.toArray())
        out << item.toString();
    return out;
}

// Sequelize's type (its key and arguments) as a design type; what does not fit is warned about.
std::optional<DataType> typeOf(const QJsonObject &type, const QString &model, const QString &attribute,
                               Warnings &warnings) {
    using K = DataType::Kind;
    const QString key = type.value(u"key"_s).toString();
    static const QHash<QString, std::pair<K, QString>> kApproximate{
        {u"TINYINT"_s, {K::SmallInt, u"SMALLINT"_s}}, {u"MEDIUMINT"_s, {K::Integer, u"INTEGER"_s}},
        {u"REAL"_s, {K::Float, u"FLOAT"_s}},          {u"DOUBLE PRECISION"_s, {K::Double, QString()}},
        {u"JSONB"_s, {K::Json, u"JSON"_s}},           {u"CITEXT"_s, {K::Text, u"TEXT"_s}},
        {u"TSVECTOR"_s, {K::Text, u"TEXT"_s}},        {u"INET"_s, {K::String, u"STRING"_s}},
        {u"CIDR"_s, {K::String, u"STRING"_s}},        {u"MACADDR"_s, {K::String, u"STRING"_s}},
        {u"UUIDV1"_s, {K::Uuid, u"UUID"_s}},          {u"UUIDV4"_s, {K::Uuid, u"UUID"_s}},
    };
    if (key == u"VIRTUAL"_s) {
        warnings.add(model, attribute,
                     SequelizeCodeImport::tr("VIRTUAL attribute (computed in JavaScript, no "
                                             "column): not in the design"));
        return std::nullopt;
    }
    DataType out;
    if (const auto kind = DataType::kindFromName(key)) {
        out = DataType::ofKind(*kind);
    } else if (kApproximate.contains(key)) {
        const auto &[kind, name] = kApproximate.value(key);
        out = DataType::ofKind(kind);
        if (!name.isEmpty())
            warnings.add(model, attribute,
                         SequelizeCodeImport::tr("%1 has no ModelDesk type; imported as %2").arg(key, name));
    } else {
        out = DataType::ofKind(K::Text);
        warnings.add(model, attribute,
                     SequelizeCodeImport::tr("type %1 has no ModelDesk form; imported as TEXT")
                         .arg(key.isEmpty() ? SequelizeCodeImport::tr("(unknown)") : key));
        return out;
    }
    const QJsonValue length = type.value(u"length"_s);
    switch (out.kind) {
    case K::String:
    case K::Char:
        // Sequelize fills in 255 when no length is given: the design's default.
        if (length.isDouble() && length.toInt() != 255)
            out.length = length.toInt();
        break;
    case K::Decimal:
        if (type.value(u"precision"_s).isDouble())
            out.precision = type.value(u"precision"_s).toInt();
        if (type.value(u"scale"_s).isDouble())
            out.scale = type.value(u"scale"_s).toInt();
        break;
    case K::Enum:
        out.values = strings(type.value(u"values"_s));
        break;
    default:
        if (!length.isUndefined() && !length.isNull())
            warnings.add(
                model, attribute,
                SequelizeCodeImport::tr("%1(%2): the design keeps %1 without its argument")
                    .arg(key, length.isString() ? length.toString() : QString::number(length.toDouble())));
    }
    for (const QString &flag : {u"unsigned"_s, u"zerofill"_s, u"binary"_s})
        if (type.value(flag).toBool())
            warnings.add(
                model, attribute,
                SequelizeCodeImport::tr("%1.%2: the design has no %2 types").arg(key, flag.toUpper()));
    if (type.contains(u"decimals"_s) && out.kind != K::Decimal)
        warnings.add(model, attribute,
                     SequelizeCodeImport::tr("%1 with decimals: the design keeps %1 without them").arg(key));
    return out;
}

void readValidate(const QJsonObject &rules, Field &field, const QString &model, Warnings &warnings) {
    const QStringList known = ValidateRule::knownNames();
    for (auto it = rules.begin(); it != rules.end(); ++it) {
        const QJsonObject rule = it.value().toObject();
        if (rule.value(u"custom"_s).toBool()) {
            warnings.add(
                model, field.name,
                SequelizeCodeImport::tr("custom validator %1 (a function): not in the design").arg(it.key()));
            continue;
        }
        if (!known.contains(it.key())) {
            warnings.add(model, field.name,
                         SequelizeCodeImport::tr("validate rule %1 has no ModelDesk form: not in the design")
                             .arg(it.key()));
            continue;
        }
        if (rule.value(u"message"_s).toBool())
            warnings.add(
                model, field.name,
                SequelizeCodeImport::tr("the message of validate rule %1 is not kept").arg(it.key()));
        field.validate.append({it.key(), rule.value(u"argument"_s)});
    }
}

// The unique names that more than one attribute of a model shares: composite uniques.
QHash<QString, QStringList> uniqueGroups(const QJsonArray &attributes) {
    QHash<QString, QStringList> groups;
    for (const QJsonValue &value : attributes) {
        const QJsonObject attribute = value.toObject();
        const QJsonValue unique = attribute.value(u"unique"_s);
        const QString name =
            unique.isString() ? unique.toString() : unique.toObject().value(u"name"_s).toString();
        if (!name.isEmpty())
            groups[name] << attribute.value(u"name"_s).toString();
    }
    return groups;
}

std::optional<Field> fieldOf(const QJsonObject &attribute, const Model &model,
                             const QHash<QString, QStringList> &groups, Warnings &warnings) {
    Field field;
    field.name = attribute.value(u"name"_s).toString();
    const auto type = typeOf(attribute.value(u"type"_s).toObject(), model.name, field.name, warnings);
    if (!type)
        return std::nullopt;
    field.type = *type;
    if (attribute.value(u"allowNull"_s).isBool())
        field.allowNull = attribute.value(u"allowNull"_s).toBool();
    const QJsonObject defaultValue = attribute.value(u"defaultValue"_s).toObject();
    if (defaultValue.contains(u"fn"_s))
        field.defaultValue = QJsonObject{{u"fn"_s, defaultValue.value(u"fn"_s)}};
    else if (defaultValue.contains(u"value"_s))
        field.defaultValue = defaultValue.value(u"value"_s);
    else if (defaultValue.contains(u"other"_s))
        warnings.add(model.name, field.name,
                     SequelizeCodeImport::tr("the default value is %1: not in the design")
                         .arg(defaultValue.value(u"other"_s).toString()));
    field.primaryKey = attribute.value(u"primaryKey"_s).toBool();
    field.autoIncrement = attribute.value(u"autoIncrement"_s).toBool();
    const QJsonValue unique = attribute.value(u"unique"_s);
    const QString uniqueName =
        unique.isString() ? unique.toString() : unique.toObject().value(u"name"_s).toString();
    if (!uniqueName.isEmpty() && groups.value(uniqueName).size() > 1) {
        if (groups.value(uniqueName).constFirst() == field.name)
            warnings.add(
                model.name, field.name,
                SequelizeCodeImport::tr("composite unique '%1' on (%2): the design holds single-field "
                                        "uniques only")
                    .arg(uniqueName, groups.value(uniqueName).join(u", "_s)));
    } else {
        field.unique = unique.toBool() || !uniqueName.isEmpty();
    }
    field.comment = attribute.value(u"comment"_s).toString();
    const QString column = attribute.value(u"field"_s).toString();
    if (!column.isEmpty() && column != model.columnName(field.name))
        warnings.add(model.name, field.name,
                     SequelizeCodeImport::tr("stored in column '%1': a design names columns after attributes")
                         .arg(column));
    if (attribute.value(u"getter"_s).toBool())
        warnings.add(model.name, field.name, SequelizeCodeImport::tr("getter (get): not in the design"));
    if (attribute.value(u"setter"_s).toBool())
        warnings.add(model.name, field.name, SequelizeCodeImport::tr("setter (set): not in the design"));
    if (attribute.value(u"references"_s).toBool())
        warnings.referencing.append({model.name, field.name});
    readValidate(attribute.value(u"validate"_s).toObject(), field, model.name, warnings);
    return field;
}

void modelWarnings(const QJsonObject &m, Model &model, Warnings &warnings) {
    const auto list = [&](const QString &key, const QString &what) {
        const QStringList names = strings(m.value(key));
        if (!names.isEmpty())
            warnings.add(model.name, QString(),
                         SequelizeCodeImport::tr("%1 %2: not in the design").arg(what, names.join(u", "_s)));
    };
    list(u"hooks"_s, SequelizeCodeImport::tr("hooks"));
    list(u"scopes"_s, SequelizeCodeImport::tr("scopes"));
    list(u"modelValidators"_s, SequelizeCodeImport::tr("model validators"));
    list(u"getterMethods"_s, SequelizeCodeImport::tr("getterMethods"));
    list(u"setterMethods"_s, SequelizeCodeImport::tr("setterMethods"));
    list(u"instanceMethods"_s, SequelizeCodeImport::tr("instance methods"));
    list(u"staticMethods"_s, SequelizeCodeImport::tr("static methods"));
    if (m.value(u"defaultScope"_s).toBool())
        warnings.add(model.name, QString(), SequelizeCodeImport::tr("defaultScope: not in the design"));
    if (const QString schema = m.value(u"schema"_s).toString(); !schema.isEmpty() && schema != u"public"_s)
        warnings.add(model.name, QString(),
                     SequelizeCodeImport::tr("schema '%1': the design uses the connection's schema")
                         .arg(m.value(u"schema"_s).toString()));
    for (const QString &stamp : {u"createdAt"_s, u"updatedAt"_s, u"deletedAt"_s})
        if (m.value(stamp).isString() || m.value(stamp).isBool())
            warnings.add(model.name, QString(),
                         SequelizeCodeImport::tr("%1: %2 — the design uses Sequelize's timestamp names")
                             .arg(stamp, m.value(stamp).isBool()
                                             ? u"false"_s
                                             : u"'"_s + m.value(stamp).toString() + u"'"_s));
    if (strings(m.value(u"primaryKeys"_s)).isEmpty() && m.contains(u"primaryKeys"_s))
        warnings.add(
            model.name, QString(),
            SequelizeCodeImport::tr("no primary key (removeAttribute('id')?): the design implies id"));
    const QStringList keys = strings(m.value(u"primaryKeys"_s));
    const QSet<QString> primaryKeys(keys.begin(), keys.end());
    for (const QJsonValue &value : m.value(u"indexes"_s).toArray()) {
        const QJsonObject index = value.toObject();
        const QStringList fields = strings(index.value(u"fields"_s));
        if (index.value(u"unique"_s).toBool() && QSet<QString>(fields.begin(), fields.end()) == primaryKeys)
            continue; // the primary key's own index (sequelize-auto writes it out)
        Field *single = fields.size() == 1 ? model.field(fields.constFirst()) : nullptr;
        if (index.value(u"unique"_s).toBool() && single) {
            single->unique = true;
            continue;
        }
        warnings.add(
            model.name, QString(),
            SequelizeCodeImport::tr("%1index %2 on (%3): the design holds single-field uniques only")
                .arg(index.value(u"unique"_s).toBool() ? SequelizeCodeImport::tr("unique ") : QString(),
                     index.value(u"name"_s).toString(), fields.join(u", "_s)));
    }
}

Model modelOf(const QJsonObject &m, Warnings &warnings) {
    Model model;
    model.name = m.value(u"name"_s).toString();
    model.freezeTableName = m.value(u"freezeTableName"_s).toBool();
    model.timestamps = m.value(u"timestamps"_s).toBool(true);
    model.paranoid = m.value(u"paranoid"_s).toBool();
    model.underscored = m.value(u"underscored"_s).toBool();
    model.comment = m.value(u"comment"_s).toString();
    const QString table = m.value(u"tableName"_s).toString();
    if (table != model.effectiveTableName()) // else Sequelize's own name: the design derives it too
        model.tableName = table;
    const QJsonArray attributes = m.value(u"attributes"_s).toArray();
    const QHash<QString, QStringList> groups = uniqueGroups(attributes);
    for (const QJsonValue &attribute : attributes)
        if (auto field = fieldOf(attribute.toObject(), model, groups, warnings))
            model.fields.append(*field);
    modelWarnings(m, model, warnings);
    return model;
}

void linkWarnings(const QJsonObject &a, const Link &link, const QSet<QString> &generated,
                  Warnings &warnings) {
    const QString where = Link::kindName(link.kind) + u' ' + link.target;
    static const QSet<QString> kKept{u"as"_s,       u"foreignKey"_s, u"sourceKey"_s, u"targetKey"_s,
                                     u"otherKey"_s, u"through"_s,    u"onDelete"_s,  u"onUpdate"_s,
                                     u"hooks"_s,    u"useHooks"_s};
    for (const QString &option : strings(a.value(u"written"_s)))
        if (!kKept.contains(option))
            warnings.add(link.source, where,
                         SequelizeCodeImport::tr("association option %1: not in the design").arg(option));
    if (a.value(u"asObject"_s).toBool())
        warnings.add(link.source, where,
                     SequelizeCodeImport::tr("as {singular, plural}: the design keeps '%1'").arg(link.as));
    if (a.contains(u"foreignKeyAttribute"_s) && generated.contains(a.value(u"foreignKeyHolder"_s).toString()))
        warnings.add(
            link.source, where,
            SequelizeCodeImport::tr("foreignKey options besides its name: declare the attribute '%1' "
                                    "on the junction model to keep them")
                .arg(a.value(u"foreignKey"_s).toString()));
}

// The link as the association call resolved it, then every value Sequelize would have chosen itself
// cleared, so the design states only what the user chose.
Link linkOf(const QJsonObject &a, const Schema &schema, const QSet<QString> &generated) {
    Link link;
    link.kind = Link::kindFromName(a.value(u"kind"_s).toString()).value_or(Link::Kind::HasOne);
    link.source = a.value(u"source"_s).toString();
    link.target = a.value(u"target"_s).toString();
    link.onDelete = a.value(u"onDelete"_s).toString();
    link.onUpdate = a.value(u"onUpdate"_s).toString();
    if (link.kind == Link::Kind::BelongsToMany) {
        const QString through = a.value(u"through"_s).toString();
        link.through = generated.contains(through) ? a.value(u"throughTable"_s).toString() : through;
        link.otherKey = a.value(u"otherKey"_s).toString();
    }
    link.as = a.value(u"as"_s).toString();
    link.foreignKey = a.value(u"foreignKey"_s).toString();
    if (link.kind != Link::Kind::BelongsTo)
        link.sourceKey = a.value(u"sourceKey"_s).toString();
    if (link.kind == Link::Kind::BelongsTo || link.kind == Link::Kind::BelongsToMany)
        link.targetKey = a.value(u"targetKey"_s).toString();

    // Sequelize's defaults for this link depend only on its own models: resolve it alone with them.
    Schema alone;
    for (const QString &name : {link.source, link.target, link.through})
        if (const Model *model = schema.model(name); model && !alone.model(name))
            alone.models.append(*model);
    Link bare = link;
    bare.as.clear();
    if (SchemaResolver::defaultAlias(alone, bare) == link.as)
        link.as.clear();
    bare = link;
    bare.foreignKey.clear();
    if (SchemaResolver::defaultForeignKey(alone, bare) == link.foreignKey)
        link.foreignKey.clear();
    if (link.kind == Link::Kind::BelongsToMany) {
        bare = link;
        bare.otherKey.clear();
        if (SchemaResolver::defaultOtherKey(alone, bare) == link.otherKey)
            link.otherKey.clear();
    }
    alone.links = {link};
    if (const auto defaults = SchemaResolver::linkDefaults(alone, 0)) {
        if (link.sourceKey == defaults->sourceKey)
            link.sourceKey.clear();
        if (link.targetKey == defaults->targetKey)
            link.targetKey.clear();
        if (link.onDelete == defaults->onDelete)
            link.onDelete.clear();
        if (link.onUpdate == defaults->onUpdate)
            link.onUpdate.clear();
    }
    return link;
}

// (model, attribute) of every foreign key the links define or use.
QSet<std::pair<QString, QString>> linkedKeys(const Schema &schema) {
    QSet<std::pair<QString, QString>> out;
    for (const ResolvedLink &link : SchemaResolver::resolve(schema).links) {
        switch (link.kind) {
        case Link::Kind::HasOne:
        case Link::Kind::HasMany:
            out.insert({link.target, link.foreignKey});
            break;
        case Link::Kind::BelongsTo:
            out.insert({link.source, link.foreignKey});
            break;
        case Link::Kind::BelongsToMany:
            out.insert({link.throughModel, link.foreignKey});
            out.insert({link.throughModel, link.otherKey});
            break;
        }
    }
    return out;
}

// `foreignKey: {name, allowNull: false, ...}` declares the attribute as a person would draw it: a field of
// the model holding the key (unless it declares one already).
void addForeignKeyAttribute(const QJsonObject &a, Schema &schema, Warnings &warnings) {
    const QJsonObject attribute = a.value(u"foreignKeyAttribute"_s).toObject();
    Model *holder = schema.model(a.value(u"foreignKeyHolder"_s).toString());
    if (attribute.isEmpty() || !holder || holder->field(attribute.value(u"name"_s).toString()))
        return;
    if (auto field = fieldOf(attribute, *holder, {}, warnings))
        holder->fields.append(*field);
}

// Code that states every action (as ModelDesk's export does, so that Sequelize's constraints match the
// DDL) also states them on links whose foreign key column an earlier link defines: there the earlier link
// decides the constraint, they change nothing, and a person would not have drawn them.
void clearDecidedActions(Schema &schema) {
    const ResolvedSchema resolved = SchemaResolver::resolve(schema);
    for (const ResolvedLink &link : resolved.links) {
        const int deciding = linkfacts::decidingLink(resolved, link);
        if (deciding >= 0 && deciding != link.index) {
            schema.links[link.index].onDelete.clear();
            schema.links[link.index].onUpdate.clear();
        }
    }
}

} // namespace

ImportResult SequelizeCodeImport::fromRegistry(const QJsonObject &registry) {
    ImportResult result;
    Warnings warnings;
    Schema &schema = result.project.schema;
    QSet<QString> generated;
    for (const QJsonValue &value : registry.value(u"models"_s).toArray()) {
        const QJsonObject m = value.toObject();
        if (m.value(u"generated"_s).toBool())
            generated.insert(m.value(u"name"_s).toString());
        else
            schema.models.append(modelOf(m, warnings));
    }
    for (const QJsonValue &value : registry.value(u"associations"_s).toArray()) {
        const QJsonObject a = value.toObject();
        const QString source = a.value(u"source"_s).toString();
        const QString target = a.value(u"target"_s).toString();
        if (generated.contains(source) || generated.contains(target)) {
            warnings.add(
                source, a.value(u"kind"_s).toString() + u' ' + target,
                SequelizeCodeImport::tr("an association of the junction Sequelize generates for a "
                                        "belongsToMany: not in the design (make the junction a model)"));
            continue;
        }
        addForeignKeyAttribute(a, schema, warnings);
        Link link = linkOf(a, schema, generated);
        linkWarnings(a, link, generated, warnings);
        schema.links.append(link);
    }
    clearDecidedActions(schema);
    const QSet<std::pair<QString, QString>> covered = linkedKeys(schema);
    for (const auto &[model, attribute] : std::as_const(warnings.referencing))
        if (!covered.contains({model, attribute}))
            warnings.add(model, attribute,
                         SequelizeCodeImport::tr("references without an association: draw a link for it"));
    result.warnings = warnings.take();
    result.project.layout.positions = AutoLayout::arrange(schema, AutoLayout::estimatedSizes(schema));
    return result;
}

bool SequelizeCodeImport::isCodePath(const QString &argument) {
    const QFileInfo info(argument);
    if (!info.exists())
        return argument.endsWith(u".js"_s) || argument.endsWith(u".cjs"_s);
    return info.isDir() || info.suffix() == u"js"_s || info.suffix() == u"cjs"_s;
}

} // namespace modeldesk
