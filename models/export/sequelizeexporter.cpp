#include "export/sequelizeexporter.h"

#include "export/exporttext.h"
#include "export/jssyntax.h"
#include "schema/linkfacts.h"
#include "schema/resolvedschema.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSet>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype kLineLimit = 110;

QString header(const ExportOptions &options) {
    return u"// "_s + js::commentText(exporttext::generatedBy(options.origin)) + u'\n';
}

QString dataType(const DataType &type) {
    using K = DataType::Kind;
    const QString base = u"DataTypes."_s + DataType::kindName(type.kind);
    switch (type.kind) {
    case K::String:
    case K::Char:
        return type.length > 0 ? base + u"(%1)"_s.arg(type.length) : base;
    case K::Decimal:
        if (type.precision <= 0)
            return base;
        return type.scale >= 0 ? base + u"(%1, %2)"_s.arg(type.precision).arg(type.scale)
                               : base + u"(%1)"_s.arg(type.precision);
    case K::Enum: {
        QStringList values;
        for (const QString &v : type.values)
            values << js::stringLiteral(v);
        return base + u'(' + values.join(u", "_s) + u')';
    }
    default:
        return base;
    }
}

// Sequelize's own default generators become the DataTypes objects it expects; anything else is a value.
QString defaultValue(const QJsonValue &value) {
    if (value.isObject()) {
        const QString fn = value.toObject().value(u"fn"_s).toString();
        if (fn == u"NOW"_s || fn == u"UUIDV4"_s || fn == u"UUIDV1"_s)
            return u"DataTypes."_s + fn;
    }
    return js::value(value);
}

// "{ a, b }" on one line when it fits, else one entry per line; `indent` is that of the opening line.
QString objectLiteral(const QStringList &entries, const QString &indent, qsizetype prefixLength) {
    if (entries.isEmpty())
        return u"{}"_s;
    const QString oneLine = u"{ "_s + entries.join(u", "_s) + u" }"_s;
    if (prefixLength + oneLine.size() <= kLineLimit && !oneLine.contains(u'\n'))
        return oneLine;
    QString out = u"{\n"_s;
    for (const QString &entry : entries)
        out += indent + u"  "_s + entry + u",\n"_s;
    return out + indent + u'}';
}

QString fieldDefinition(const Field &field) {
    const QString type = dataType(field.type);
    QStringList options;
    options << u"type: "_s + type;
    if (field.allowNull)
        options << u"allowNull: "_s + (*field.allowNull ? u"true"_s : u"false"_s);
    if (field.hasDefault())
        options << u"defaultValue: "_s + defaultValue(field.defaultValue);
    if (field.primaryKey)
        options << u"primaryKey: true"_s;
    if (field.autoIncrement)
        options << u"autoIncrement: true"_s;
    if (field.unique)
        options << u"unique: true"_s;
    if (!field.comment.isEmpty())
        options << u"comment: "_s + js::stringLiteral(field.comment);
    if (!field.validate.isEmpty()) {
        QStringList rules;
        for (const ValidateRule &rule : field.validate)
            rules << js::propertyKey(rule.name) + u": "_s + js::value(rule.argument);
        options << u"validate: "_s + objectLiteral(rules, u"    "_s, 14);
    }
    const QString key = js::propertyKey(field.name);
    if (options.size() == 1) // as the seed writes it: `name: DataTypes.STRING`
        return u"  "_s + key + u": "_s + type + u",\n"_s;
    QString out = u"  "_s + key + u": {\n"_s;
    for (const QString &option : std::as_const(options))
        out += u"    "_s + option + u",\n"_s;
    return out + u"  },\n"_s;
}

QString modelOptions(const Model &model) {
    QStringList options{u"sequelize"_s, u"modelName: "_s + js::stringLiteral(model.name)};
    if (!model.tableName.isEmpty())
        options << u"tableName: "_s + js::stringLiteral(model.tableName);
    if (model.freezeTableName)
        options << u"freezeTableName: true"_s;
    if (!model.timestamps)
        options << u"timestamps: false"_s;
    if (model.paranoid)
        options << u"paranoid: true"_s;
    if (model.underscored)
        options << u"underscored: true"_s;
    if (!model.comment.isEmpty())
        options << u"comment: "_s + js::stringLiteral(model.comment);
    if (options.size() == 2)
        return u"{ "_s + options.join(u", "_s) + u" }"_s;
    QString out = u"{\n"_s;
    for (const QString &option : std::as_const(options))
        out += u"  "_s + option + u",\n"_s;
    return out + u'}';
}

QString modelFile(const Model &model, const Table *table, const QString &className,
                  const ExportOptions &options) {
    QString out = header(options);
    out += u"// Model "_s + js::commentText(js::stringLiteral(model.name));
    if (table)
        out += u", table "_s + js::commentText(js::stringLiteral(table->name));
    out += u". Its associations are declared in associations.js.\n"_s;
    out += u"const { Model, DataTypes } = require('sequelize');\n"_s
           u"const sequelize = require('../config/database');\n\n"_s;
    out += u"class "_s + className + u" extends Model {}\n\n"_s;
    out += className + u".init({"_s;
    if (!model.fields.isEmpty()) {
        out += u'\n';
        for (const Field &field : model.fields)
            out += fieldDefinition(field);
    }
    out += u"}, "_s + modelOptions(model) + u");\n\n"_s;
    out += u"module.exports = "_s + className + u";\n"_s;
    return out;
}

QString linkCall(const Schema &schema, const ResolvedSchema &resolved, const ResolvedLink &link,
                 const QHash<QString, QString> &classOf) {
    const Link &declared = schema.links.at(link.index);
    const linkfacts::LinkActions actions = linkfacts::effectiveActions(resolved, link);
    QStringList options;
    if (link.kind == Link::Kind::BelongsToMany)
        options << u"through: "_s + (link.throughModel.isEmpty() ? js::stringLiteral(link.throughTable)
                                                                 : classOf.value(link.throughModel));
    options << u"as: "_s + js::stringLiteral(link.as);
    options << u"foreignKey: "_s + js::stringLiteral(link.foreignKey);
    if (link.kind == Link::Kind::BelongsToMany)
        options << u"otherKey: "_s + js::stringLiteral(link.otherKey);
    if (!declared.sourceKey.isEmpty())
        options << u"sourceKey: "_s + js::stringLiteral(link.sourceKey);
    if (!declared.targetKey.isEmpty())
        options << u"targetKey: "_s + js::stringLiteral(link.targetKey);
    options << u"onDelete: "_s + js::stringLiteral(actions.onDelete);
    options << u"onUpdate: "_s + js::stringLiteral(actions.onUpdate);
    const QString prefix = classOf.value(link.source) + u'.' + Link::kindName(link.kind) + u'(' +
                           classOf.value(link.target) + u", "_s;
    return prefix + objectLiteral(options, QString(), prefix.size() + 2) + u");\n"_s;
}

QString requireLines(const Schema &schema, const QStringList &classes) {
    QString out;
    for (qsizetype i = 0; i < schema.models.size(); ++i)
        out += u"const "_s + classes.at(i) + u" = require("_s + js::stringLiteral(u"./"_s + classes.at(i)) +
               u");\n"_s;
    return out;
}

QString associationsFile(const Schema &schema, const ResolvedSchema &resolved, const QStringList &classes,
                         const ExportOptions &options) {
    QHash<QString, QString> classOf;
    for (qsizetype i = 0; i < schema.models.size(); ++i)
        classOf.insert(schema.models.at(i).name, classes.at(i));
    QString out = header(options);
    out +=
        u"// Every association states its alias, keys and ON DELETE / ON UPDATE actions, so the constraints\n"
        u"// Sequelize creates are exactly those of ModelDesk's SQL export, whatever Sequelize's defaults.\n"
        u"// Order matters: the first association that defines a foreign key column decides its constraint.\n"_s;
    out += requireLines(schema, classes);
    if (!resolved.links.isEmpty())
        out += u'\n';
    for (const ResolvedLink &link : resolved.links)
        out += linkCall(schema, resolved, link, classOf);
    return out;
}

QString indexFile(const Schema &schema, const QStringList &classes, const ExportOptions &options) {
    QString out = header(options);
    out += u"// `const db = require('./models')` gives every model by its modelName, plus db.sequelize (the\n"
           u"// connection, see ../config/database.js) and db.Sequelize.\n"
           u"const { Sequelize } = require('sequelize');\n"
           u"const sequelize = require('../config/database');\n"_s;
    out += requireLines(schema, classes);
    out += u"require('./associations');\n\n"_s;
    out += u"const db = {\n"_s;
    for (qsizetype i = 0; i < schema.models.size(); ++i)
        out += u"  "_s + js::propertyKey(schema.models.at(i).name) + u": "_s + classes.at(i) + u",\n"_s;
    out += u"};\n"
           u"db.sequelize = sequelize;\n"
           u"db.Sequelize = Sequelize;\n\n"
           u"module.exports = db;\n"_s;
    return out;
}

QString databaseFile(const ExportOptions &options) {
    QString out = header(options);
    out += uR"(// The one Sequelize instance all models share. Set DATABASE_URL to use a server, e.g.
//   DATABASE_URL=postgres://user:password@localhost:5432/mydb   (npm install sequelize pg)
//   DATABASE_URL=mysql://user:password@localhost:3306/mydb      (npm install sequelize mysql2)
// Without it, an SQLite file is used: DATABASE_STORAGE, else database.sqlite beside the config folder
// (npm install sequelize sqlite3). Set DATABASE_LOGGING=1 to print every SQL statement.
const path = require('path');
const { Sequelize } = require('sequelize');

const options = { logging: process.env.DATABASE_LOGGING ? console.log : false };

const sequelize = process.env.DATABASE_URL
  ? new Sequelize(process.env.DATABASE_URL, options)
  : new Sequelize({
      ...options,
      dialect: 'sqlite',
      storage: process.env.DATABASE_STORAGE || path.join(__dirname, '..', 'database.sqlite'),
    });

module.exports = sequelize;
)"_s;
    return out;
}

} // namespace

QString SequelizeExporter::name() const {
    return u"sequelize"_s;
}

QString SequelizeExporter::description() const {
    return tr(
        "Sequelize 6 models: a folder with models/*.js, associations.js, index.js and config/database.js");
}

QStringList SequelizeExporter::classNames(const Schema &schema) {
    QSet<QString> taken{u"model"_s, u"datatypes"_s, u"sequelize"_s, u"index"_s, u"associations"_s};
    QStringList names;
    for (qsizetype i = 0; i < schema.models.size(); ++i) {
        QString base = js::pascalCase(schema.models.at(i).name);
        if (base.isEmpty())
            base = u"Model%1"_s.arg(i + 1);
        QString name = base;
        for (int n = 2; taken.contains(name.toLower()); ++n)
            name = base + QString::number(n);
        taken.insert(name.toLower());
        names << name;
    }
    return names;
}

std::optional<ExportFiles> SequelizeExporter::render(const Project &project, const ExportOptions &options,
                                                     QString *error) const {
    const Schema &schema = project.schema;
    for (const Model &model : schema.models) {
        if (model.name == u"sequelize"_s || model.name == u"Sequelize"_s) {
            if (error)
                *error = tr("model '%1' cannot be exported to Sequelize: models/index.js uses db.%1 for the "
                            "connection; rename the model")
                             .arg(model.name);
            return std::nullopt;
        }
    }
    const ResolvedSchema resolved = SchemaResolver::resolve(schema);
    const QStringList classes = classNames(schema);

    ExportFiles files;
    files.append({u"config/database.js"_s, databaseFile(options).toUtf8()});
    files.append({u"models/index.js"_s, indexFile(schema, classes, options).toUtf8()});
    files.append(
        {u"models/associations.js"_s, associationsFile(schema, resolved, classes, options).toUtf8()});
    for (qsizetype i = 0; i < schema.models.size(); ++i) {
        const Model &model = schema.models.at(i);
        files.append({u"models/"_s + classes.at(i) + u".js"_s,
                      modelFile(model, resolved.tableForModel(model.name), classes.at(i), options).toUtf8()});
    }
    return files;
}

} // namespace modeldesk
