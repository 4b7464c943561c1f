// ProjectFile::parse/load: turns untrusted JSON into a Project, naming every problem by its JSON path.
#include "project/projectfile.h"
#include "schema/schemaids.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

QString describe(const QJsonValue &value) {
    switch (value.type()) {
    case QJsonValue::Null:
        return ProjectFile::tr("null");
    case QJsonValue::Bool:
        return ProjectFile::tr("true/false");
    case QJsonValue::Double:
        return ProjectFile::tr("a number");
    case QJsonValue::String:
        return ProjectFile::tr("a string");
    case QJsonValue::Array:
        return ProjectFile::tr("a list");
    case QJsonValue::Object:
        return ProjectFile::tr("an object");
    default:
        return ProjectFile::tr("nothing");
    }
}

class Reader {
    Q_DECLARE_TR_FUNCTIONS(ProjectFile)
public:
    QStringList errors;

    std::optional<Project> read(const QJsonDocument &doc) {
        if (!doc.isObject()) {
            errors.append(tr("$: expected a JSON object at the top level"));
            return std::nullopt;
        }
        const QJsonObject root = doc.object();
        const QString format = root.value(u"format"_s).toString();
        if (format != u"modeldesk"_s) {
            errors.append(tr("$.format: expected \"modeldesk\", got %1; this is not a ModelDesk project")
                              .arg(root.contains(u"format"_s) ? describeValue(root.value(u"format"_s))
                                                              : tr("no format key")));
            return std::nullopt;
        }
        const QJsonValue version = root.value(u"version"_s);
        if (!version.isDouble() || version.toDouble() != static_cast<double>(version.toInt()) ||
            version.toInt() < 1) {
            errors.append(tr("$.version: expected a whole number >= 1, got %1").arg(describeValue(version)));
            return std::nullopt;
        }
        if (version.toInt() > ProjectFile::kFormatVersion) {
            errors.append(
                tr("$.version: the file has format version %1, written by a newer ModelDesk; this one "
                   "reads up to version %2. Update ModelDesk to open it.")
                    .arg(version.toInt())
                    .arg(ProjectFile::kFormatVersion));
            return std::nullopt;
        }
        checkKeys(root, u"$"_s, {u"format"_s, u"version"_s, u"models"_s, u"links"_s, u"layout"_s});

        Project project;
        const QJsonArray models = array(root, u"models"_s, u"$"_s);
        for (qsizetype i = 0; i < models.size(); ++i)
            project.schema.models.append(readModel(models.at(i), u"$.models[%1]"_s.arg(i)));
        const QJsonArray links = array(root, u"links"_s, u"$"_s);
        for (qsizetype i = 0; i < links.size(); ++i)
            project.schema.links.append(readLink(links.at(i), u"$.links[%1]"_s.arg(i)));
        if (root.contains(u"layout"_s))
            project.layout = readLayout(root.value(u"layout"_s), u"$.layout"_s);
        if (!errors.isEmpty())
            return std::nullopt;
        // Version 1 had no ids, and a hand-written line may leave one out: those get ids from their content.
        SchemaIds::assignMissing(project.schema);
        return project;
    }

private:
    QHash<QString, QString> mIds; // id -> the JSON path that first used it

    static QString describeValue(const QJsonValue &value) {
        if (value.isString())
            return u'"' + value.toString().left(80) + u'"';
        if (value.isDouble())
            return QString::number(value.toDouble());
        return describe(value);
    }

    void expected(const QString &path, const QString &what, const QJsonValue &got) {
        errors.append(tr("%1: expected %2, got %3").arg(path, what, describeValue(got)));
    }

    void checkKeys(const QJsonObject &object, const QString &path, const QStringList &allowed) {
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            if (!allowed.contains(it.key()))
                errors.append(
                    tr("%1: unknown key \"%2\" (allowed: %3)").arg(path, it.key(), allowed.join(u", "_s)));
    }

    QJsonObject object(const QJsonValue &value, const QString &path) {
        if (!value.isObject()) {
            expected(path, tr("an object"), value);
            return {};
        }
        return value.toObject();
    }

    QJsonArray array(const QJsonObject &parent, const QString &key, const QString &path) {
        const QJsonValue value = parent.value(key);
        if (value.isUndefined())
            return {};
        if (!value.isArray()) {
            expected(path + u'.' + key, tr("a list"), value);
            return {};
        }
        return value.toArray();
    }

    QString string(const QJsonObject &parent, const QString &key, const QString &path,
                   bool required = false) {
        const QJsonValue value = parent.value(key);
        if (value.isUndefined()) {
            if (required)
                errors.append(tr("%1: missing \"%2\"").arg(path, key));
            return {};
        }
        if (!value.isString()) {
            expected(path + u'.' + key, tr("a string"), value);
            return {};
        }
        return value.toString();
    }

    bool boolean(const QJsonObject &parent, const QString &key, const QString &path, bool fallback) {
        const QJsonValue value = parent.value(key);
        if (value.isUndefined())
            return fallback;
        if (!value.isBool()) {
            expected(path + u'.' + key, tr("true or false"), value);
            return fallback;
        }
        return value.toBool();
    }

    // An id, checked for its form and for being used once in the whole file.
    QString id(const QJsonObject &parent, const QString &path) {
        const QString value = string(parent, u"id"_s, path);
        if (value.isEmpty())
            return value;
        if (!SchemaIds::isValid(value)) {
            errors.append(tr("%1.id: \"%2\" is not an id (letters, digits, '_' and '-', at most 32)")
                              .arg(path, value.left(80)));
            return {};
        }
        const auto seen = mIds.constFind(value);
        if (seen != mIds.constEnd()) {
            errors.append(tr("%1.id: \"%2\" is already the id of %3; ids are unique in a project")
                              .arg(path, value, *seen));
            return {};
        }
        mIds.insert(value, path);
        return value;
    }

    Model readModel(const QJsonValue &value, const QString &path) {
        Model model;
        const QJsonObject o = object(value, path);
        if (o.isEmpty() && !value.isObject())
            return model;
        checkKeys(o, path,
                  {u"id"_s, u"name"_s, u"tableName"_s, u"freezeTableName"_s, u"timestamps"_s, u"paranoid"_s,
                   u"underscored"_s, u"comment"_s, u"fields"_s});
        model.id = id(o, path);
        model.name = string(o, u"name"_s, path, true);
        model.tableName = string(o, u"tableName"_s, path);
        model.freezeTableName = boolean(o, u"freezeTableName"_s, path, false);
        model.timestamps = boolean(o, u"timestamps"_s, path, true);
        model.paranoid = boolean(o, u"paranoid"_s, path, false);
        model.underscored = boolean(o, u"underscored"_s, path, false);
        model.comment = string(o, u"comment"_s, path);
        const QJsonArray fields = array(o, u"fields"_s, path);
        for (qsizetype i = 0; i < fields.size(); ++i)
            model.fields.append(readField(fields.at(i), path + u".fields[%1]"_s.arg(i)));
        return model;
    }

    Field readField(const QJsonValue &value, const QString &path) {
        Field field;
        const QJsonObject o = object(value, path);
        if (!value.isObject())
            return field;
        checkKeys(o, path,
                  {u"id"_s, u"name"_s, u"type"_s, u"allowNull"_s, u"defaultValue"_s, u"primaryKey"_s,
                   u"autoIncrement"_s, u"unique"_s, u"comment"_s, u"validate"_s});
        field.id = id(o, path);
        field.name = string(o, u"name"_s, path, true);
        const QString typeText = string(o, u"type"_s, path, true);
        if (!typeText.isEmpty()) {
            QString typeError;
            if (const auto type = DataType::parse(typeText, &typeError))
                field.type = *type;
            else
                errors.append(path + u".type: "_s + typeError);
        }
        if (o.contains(u"allowNull"_s))
            field.allowNull = boolean(o, u"allowNull"_s, path, true);
        if (o.contains(u"defaultValue"_s)) {
            const QJsonValue def = o.value(u"defaultValue"_s);
            if (def.isArray())
                expected(path + u".defaultValue"_s, tr("a string, number, true/false, null or {\"fn\": ...}"),
                         def);
            else if (def.isObject() &&
                     !(def.toObject().size() == 1 && def.toObject().value(u"fn"_s).isString()))
                expected(path + u".defaultValue"_s, tr("{\"fn\": \"NOW\"} or {\"fn\": \"UUIDV4\"}"), def);
            else
                field.defaultValue = def;
        }
        field.primaryKey = boolean(o, u"primaryKey"_s, path, false);
        field.autoIncrement = boolean(o, u"autoIncrement"_s, path, false);
        field.unique = boolean(o, u"unique"_s, path, false);
        field.comment = string(o, u"comment"_s, path);
        if (o.contains(u"validate"_s)) {
            const QJsonObject rules = object(o.value(u"validate"_s), path + u".validate"_s);
            for (auto it = rules.constBegin(); it != rules.constEnd(); ++it)
                field.validate.append(ValidateRule{it.key(), it.value()});
        }
        return field;
    }

    Link readLink(const QJsonValue &value, const QString &path) {
        Link link;
        const QJsonObject o = object(value, path);
        if (!value.isObject())
            return link;
        checkKeys(o, path,
                  {u"id"_s, u"kind"_s, u"source"_s, u"target"_s, u"as"_s, u"foreignKey"_s, u"otherKey"_s,
                   u"sourceKey"_s, u"targetKey"_s, u"through"_s, u"onDelete"_s, u"onUpdate"_s});
        link.id = id(o, path);
        const QString kind = string(o, u"kind"_s, path, true);
        if (const auto k = Link::kindFromName(kind))
            link.kind = *k;
        else if (!kind.isEmpty())
            errors.append(tr("%1.kind: unknown link kind \"%2\" (expected hasOne, belongsTo, hasMany or "
                             "belongsToMany)")
                              .arg(path, kind));
        link.source = string(o, u"source"_s, path, true);
        link.target = string(o, u"target"_s, path, true);
        link.as = string(o, u"as"_s, path);
        link.foreignKey = string(o, u"foreignKey"_s, path);
        link.otherKey = string(o, u"otherKey"_s, path);
        link.sourceKey = string(o, u"sourceKey"_s, path);
        link.targetKey = string(o, u"targetKey"_s, path);
        link.through = string(o, u"through"_s, path);
        link.onDelete = string(o, u"onDelete"_s, path).toUpper();
        link.onUpdate = string(o, u"onUpdate"_s, path).toUpper();
        return link;
    }

    std::optional<QPointF> point(const QJsonValue &value, const QString &path) {
        const QJsonArray a = value.toArray();
        if (!value.isArray() || a.size() != 2 || !a.at(0).isDouble() || !a.at(1).isDouble()) {
            expected(path, tr("[x, y]"), value);
            return std::nullopt;
        }
        return QPointF(a.at(0).toDouble(), a.at(1).toDouble());
    }

    Layout readLayout(const QJsonValue &value, const QString &path) {
        Layout layout;
        const QJsonObject o = object(value, path);
        checkKeys(o, path, {u"positions"_s, u"zoom"_s, u"center"_s});
        const QJsonObject positions =
            object(o.value(u"positions"_s).isUndefined() ? QJsonObject() : o.value(u"positions"_s),
                   path + u".positions"_s);
        for (auto it = positions.constBegin(); it != positions.constEnd(); ++it)
            if (const auto p = point(it.value(), path + u".positions."_s + it.key()))
                layout.positions.insert(it.key(), *p);
        if (o.contains(u"zoom"_s)) {
            const QJsonValue zoom = o.value(u"zoom"_s);
            if (!zoom.isDouble() || zoom.toDouble() <= 0)
                expected(path + u".zoom"_s, tr("a positive number"), zoom);
            else
                layout.zoom = zoom.toDouble();
        }
        if (o.contains(u"center"_s))
            if (const auto c = point(o.value(u"center"_s), path + u".center"_s))
                layout.center = *c;
        return layout;
    }
};

// QJsonParseError gives a byte offset; people want a line and a column.
QString positionOf(const QByteArray &json, int offset) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < json.size(); ++i) {
        if (json.at(i) == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(json.at(i)) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return ProjectFile::tr("line %1, column %2").arg(line).arg(column);
}

} // namespace

std::optional<Project> ProjectFile::parse(const QByteArray &json, QString *error) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (error)
            // Qt reports the offset just past the offending character.
            *error = tr("%1: malformed JSON: %2")
                         .arg(positionOf(json, std::max(0, parseError.offset - 1)), parseError.errorString());
        return std::nullopt;
    }
    Reader reader;
    auto project = reader.read(doc);
    if (!project && error)
        *error = reader.errors.join(u'\n');
    return project;
}

std::optional<Project> ProjectFile::load(const QString &path, QString *error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("%1: cannot open: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return std::nullopt;
    }
    QString parseError;
    auto project = parse(file.readAll(), &parseError);
    if (!project && error) {
        QStringList lines = parseError.split(u'\n');
        for (QString &line : lines)
            line = QDir::toNativeSeparators(path) + u": "_s + line;
        *error = lines.join(u'\n');
    }
    return project;
}

} // namespace modeldesk
