// ProjectFile::serialize/save: a stable, diff-friendly rendering of a Project. Keys come in a fixed order
// (the order a person would write them), defaults are left out, and each field and link sits on one line so
// that a change to one shows as a one-line diff.
#include "project/projectfile.h"
#include "project/wholefile.h"
#include "schema/schemaids.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

QString jsonString(const QString &text) {
    QString out;
    out.reserve(text.size() + 2);
    out += u'"';
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '"':
            out += u"\\\""_s;
            break;
        case '\\':
            out += u"\\\\"_s;
            break;
        case '\n':
            out += u"\\n"_s;
            break;
        case '\r':
            out += u"\\r"_s;
            break;
        case '\t':
            out += u"\\t"_s;
            break;
        default:
            if (c.unicode() < 0x20)
                out += u"\\u%1"_s.arg(uint(c.unicode()), 4, 16, QChar(u'0'));
            else
                out += c;
        }
    }
    out += u'"';
    return out;
}

QString number(double value) {
    if (value == static_cast<double>(static_cast<qint64>(value)) && std::abs(value) < 1e15)
        return QString::number(static_cast<qint64>(value));
    return QString::number(value, 'g', 17);
}

// A JSON value on one line; objects keep their (alphabetical) key order.
QString compact(const QJsonValue &value) {
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double:
        return number(value.toDouble());
    case QJsonValue::String:
        return jsonString(value.toString());
    case QJsonValue::Array: {
        QStringList items;
        for (const QJsonValue &item : value.toArray())
            items.append(compact(item));
        return u'[' + items.join(u", "_s) + u']';
    }
    case QJsonValue::Object: {
        const QJsonObject o = value.toObject();
        QStringList items;
        for (auto it = o.constBegin(); it != o.constEnd(); ++it)
            items.append(jsonString(it.key()) + u": "_s + compact(it.value()));
        return u'{' + items.join(u", "_s) + u'}';
    }
    default:
        return u"null"_s;
    }
}

// Builds `{"a": 1, "b": "x"}` with keys in the order they are added.
class Line {
public:
    Line &add(const QString &key, const QString &renderedValue) {
        mItems.append(jsonString(key) + u": "_s + renderedValue);
        return *this;
    }
    Line &text(const QString &key, const QString &value, bool skipEmpty = true) {
        return skipEmpty && value.isEmpty() ? *this : add(key, jsonString(value));
    }
    Line &flag(const QString &key, bool value, bool defaultValue) {
        return value == defaultValue ? *this : add(key, value ? u"true"_s : u"false"_s);
    }
    QString render() const { return u'{' + mItems.join(u", "_s) + u'}'; }
    const QStringList &items() const { return mItems; }

private:
    QStringList mItems;
};

QString fieldLine(const Field &field) {
    Line line;
    line.text(u"id"_s, field.id)
        .text(u"name"_s, field.name, false)
        .text(u"type"_s, field.type.toString(), false);
    if (field.allowNull)
        line.add(u"allowNull"_s, *field.allowNull ? u"true"_s : u"false"_s);
    if (field.hasDefault())
        line.add(u"defaultValue"_s, compact(field.defaultValue));
    line.flag(u"primaryKey"_s, field.primaryKey, false)
        .flag(u"autoIncrement"_s, field.autoIncrement, false)
        .flag(u"unique"_s, field.unique, false)
        .text(u"comment"_s, field.comment);
    if (!field.validate.isEmpty()) {
        // Sorted, because a JSON object has no order: this keeps load -> save -> load an identity.
        QList<ValidateRule> rules = field.validate;
        std::stable_sort(rules.begin(), rules.end(),
                         [](const ValidateRule &a, const ValidateRule &b) { return a.name < b.name; });
        Line validate;
        for (const ValidateRule &rule : std::as_const(rules))
            validate.add(rule.name, compact(rule.argument));
        line.add(u"validate"_s, validate.render());
    }
    return line.render();
}

QString linkLine(const Link &link) {
    Line line;
    line.text(u"id"_s, link.id)
        .text(u"kind"_s, Link::kindName(link.kind), false)
        .text(u"source"_s, link.source, false)
        .text(u"target"_s, link.target, false)
        .text(u"as"_s, link.as)
        .text(u"foreignKey"_s, link.foreignKey)
        .text(u"otherKey"_s, link.otherKey)
        .text(u"sourceKey"_s, link.sourceKey)
        .text(u"targetKey"_s, link.targetKey)
        .text(u"through"_s, link.through)
        .text(u"onDelete"_s, link.onDelete)
        .text(u"onUpdate"_s, link.onUpdate);
    return line.render();
}

QString point(const QPointF &p) {
    return u'[' + number(p.x()) + u", "_s + number(p.y()) + u']';
}

} // namespace

QByteArray ProjectFile::serialize(const Project &given) {
    // Every element is written with an id; one built in code without them gets the ids a load would give.
    Project project = given;
    SchemaIds::assignMissing(project.schema);
    QString out;
    out += u"{\n  \"format\": \"modeldesk\",\n  \"version\": "_s + QString::number(kFormatVersion) + u",\n"_s;

    out += u"  \"models\": ["_s;
    const QList<Model> &models = project.schema.models;
    for (qsizetype m = 0; m < models.size(); ++m) {
        const Model &model = models.at(m);
        Line head;
        head.text(u"id"_s, model.id)
            .text(u"name"_s, model.name, false)
            .text(u"tableName"_s, model.tableName)
            .flag(u"freezeTableName"_s, model.freezeTableName, false)
            .flag(u"timestamps"_s, model.timestamps, true)
            .flag(u"paranoid"_s, model.paranoid, false)
            .flag(u"underscored"_s, model.underscored, false)
            .text(u"comment"_s, model.comment);
        out += (m == 0 ? u"\n"_s : u",\n"_s) + u"    {\n"_s;
        for (const QString &item : head.items())
            out += u"      "_s + item + u",\n"_s;
        out += u"      \"fields\": ["_s;
        for (qsizetype f = 0; f < model.fields.size(); ++f)
            out += (f == 0 ? u"\n"_s : u",\n"_s) + u"        "_s + fieldLine(model.fields.at(f));
        out += model.fields.isEmpty() ? u"]\n"_s : u"\n      ]\n"_s;
        out += u"    }"_s;
    }
    out += models.isEmpty() ? u"],\n"_s : u"\n  ],\n"_s;

    out += u"  \"links\": ["_s;
    const QList<Link> &links = project.schema.links;
    for (qsizetype l = 0; l < links.size(); ++l)
        out += (l == 0 ? u"\n"_s : u",\n"_s) + u"    "_s + linkLine(links.at(l));
    out += links.isEmpty() ? u"],\n"_s : u"\n  ],\n"_s;

    const Layout &layout = project.layout;
    out += u"  \"layout\": {\n    \"positions\": {"_s;
    bool first = true;
    for (auto it = layout.positions.constBegin(); it != layout.positions.constEnd(); ++it) {
        out +=
            (first ? u"\n"_s : u",\n"_s) + u"      "_s + jsonString(it.key()) + u": "_s + point(it.value());
        first = false;
    }
    out += layout.positions.isEmpty() ? u"},\n"_s : u"\n    },\n"_s;
    out += u"    \"zoom\": "_s + number(layout.zoom) + u",\n    \"center\": "_s + point(layout.center) +
           u"\n  }\n}\n"_s;
    return out.toUtf8();
}

bool ProjectFile::save(const QString &path, const Project &project, QString *error) {
    QString reason;
    bool opened = false;
    if (writeWholeFile(path, serialize(project), &reason, &opened))
        return true;
    if (error)
        *error = (opened ? QCoreApplication::translate("ProjectFile", "%1: cannot save: %2")
                         : QCoreApplication::translate("ProjectFile", "%1: cannot write: %2"))
                     .arg(QDir::toNativeSeparators(path), reason);
    return false;
}

} // namespace modeldesk
