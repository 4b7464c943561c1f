#include "editing/propertytext.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

template <typename T> std::optional<T> fail(QString *error, const QString &message) {
    if (error)
        *error = message;
    return std::nullopt;
}

// One JSON value written on its own ("1.5", "\"a\"", "[2,10]"), or nullopt when it is not exactly one.
std::optional<QJsonValue> parseJsonValue(const QString &text) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson((u'[' + text + u']').toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || doc.array().size() != 1)
        return std::nullopt;
    return doc.array().at(0);
}

QString compactJson(const QJsonValue &value) {
    const QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

bool isFunction(const QJsonValue &value, QString *name) {
    const QJsonObject object = value.toObject();
    if (!value.isObject() || object.size() != 1 || !object.value(u"fn"_s).isString())
        return false;
    *name = object.value(u"fn"_s).toString();
    return true;
}

// Splits at commas outside quotes and brackets, so that `len:[2,10], isIn:[["a,b"]]` is two rules.
QStringList splitTopLevel(const QString &text) {
    QStringList parts;
    QString current;
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (const QChar c : text) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == u'\\')
                escaped = true;
            else if (c == u'"')
                inString = false;
        } else if (c == u'"') {
            inString = true;
        } else if (c == u'[' || c == u'{' || c == u'(') {
            ++depth;
        } else if (c == u']' || c == u'}' || c == u')') {
            --depth;
        } else if (c == u',' && depth == 0) {
            parts.append(current.trimmed());
            current.clear();
            continue;
        }
        current += c;
    }
    parts.append(current.trimmed());
    return parts;
}

// The same argument shapes SchemaValidator requires, checked while typing so that a typo never reaches the
// design. Returns an empty string when the argument fits.
QString checkArgument(const ValidateRule &rule) {
    const QJsonValue &arg = rule.argument;
    if (rule.name == u"len"_s) {
        const QJsonArray range = arg.toArray();
        if (!arg.isArray() || range.size() != 2 || !range.at(0).isDouble() || !range.at(1).isDouble() ||
            range.at(0).toDouble() < 0 || range.at(0).toDouble() > range.at(1).toDouble())
            return PropertyText::tr("len takes [min, max] with 0 <= min <= max, e.g. len:[2,10]");
    } else if (rule.name == u"min"_s || rule.name == u"max"_s) {
        if (!arg.isDouble())
            return PropertyText::tr("%1 takes a number, e.g. %1:0").arg(rule.name);
    } else if (rule.name == u"is"_s) {
        const QRegularExpression re(arg.toString());
        if (!arg.isString() || arg.toString().isEmpty())
            return PropertyText::tr("is takes a regular expression, e.g. is:\"^[a-z]+$\"");
        if (!re.isValid())
            return PropertyText::tr("is: invalid regular expression: %1").arg(re.errorString());
    } else if (rule.name == u"isIn"_s) {
        if (!arg.isArray() || arg.toArray().isEmpty() || !arg.toArray().at(0).isArray())
            return PropertyText::tr(
                "isIn takes the allowed values wrapped in a list, e.g. isIn:[[\"a\",\"b\"]]");
    } else if (!arg.isBool()) {
        return PropertyText::tr("%1 takes no argument (or true/false)").arg(rule.name);
    }
    return {};
}

} // namespace

QString PropertyText::defaultValueText(const QJsonValue &value) {
    QString function;
    if (value.isUndefined())
        return {};
    if (isFunction(value, &function))
        return function;
    if (value.isString()) {
        // Plain text stays plain unless it would read back as something else (a number, NOW, "", ...).
        const auto reread = parseDefaultValue(value.toString());
        if (reread && *reread == value)
            return value.toString();
    }
    return compactJson(value);
}

std::optional<QJsonValue> PropertyText::parseDefaultValue(const QString &input, QString *error) {
    const QString text = input.trimmed();
    if (text.isEmpty())
        return QJsonValue(QJsonValue::Undefined);
    if (text == u"NOW"_s || text == u"UUIDV4"_s)
        return QJsonValue(QJsonObject{{u"fn"_s, text}});
    if (text.startsWith(u'\'')) {
        if (text.size() < 2 || !text.endsWith(u'\''))
            return fail<QJsonValue>(error, tr("the text starting with ' has no closing '"));
        QString inner = text.mid(1, text.size() - 2);
        inner.replace(u"\\'"_s, u"'"_s);
        return QJsonValue(inner);
    }
    if (const auto json = parseJsonValue(text)) {
        if (json->isArray() || json->isObject())
            return fail<QJsonValue>(
                error, tr("a default value is a number, true, false, null, text, NOW or UUIDV4"));
        return json;
    }
    if (text.startsWith(u'"'))
        return fail<QJsonValue>(error,
                                tr("%1 is not valid quoted text (JSON escapes, closing \")").arg(text));
    return QJsonValue(text);
}

QString PropertyText::validateRulesText(const QList<ValidateRule> &rules) {
    QStringList parts;
    for (const ValidateRule &rule : rules)
        parts.append(rule.argument == QJsonValue(true) ? rule.name
                                                       : rule.name + u':' + compactJson(rule.argument));
    return parts.join(u", "_s);
}

std::optional<QList<ValidateRule>> PropertyText::parseValidateRules(const QString &text, QString *error) {
    using Result = QList<ValidateRule>;
    static const QRegularExpression identifier(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
    const QStringList known = ValidateRule::knownNames();
    Result rules;
    QSet<QString> seen;
    const QStringList items = splitTopLevel(text);
    for (const QString &item : items) {
        if (item.isEmpty())
            continue; // "isEmail, " while typing, or an empty text
        const qsizetype colon = item.indexOf(u':');
        ValidateRule rule{colon < 0 ? item : item.left(colon).trimmed()};
        if (!identifier.match(rule.name).hasMatch())
            return fail<Result>(error,
                                tr("\"%1\" is not a rule name (known: %2)").arg(item, known.join(u", "_s)));
        if (!known.contains(rule.name))
            return fail<Result>(error,
                                tr("unknown rule \"%1\" (known: %2)").arg(rule.name, known.join(u", "_s)));
        if (seen.contains(rule.name))
            return fail<Result>(error, tr("%1 is given twice").arg(rule.name));
        seen.insert(rule.name);
        if (colon >= 0) {
            const QString argText = item.mid(colon + 1).trimmed();
            if (argText.isEmpty())
                return fail<Result>(error, tr("%1: missing argument after \":\"").arg(rule.name));
            if (const auto json = parseJsonValue(argText))
                rule.argument = *json;
            else if (rule.name == u"is"_s && !argText.startsWith(u'"'))
                rule.argument = argText; // a bare regex, so that \d needs no JSON escaping
            else
                return fail<Result>(error, tr("%1: \"%2\" is not a valid argument").arg(rule.name, argText));
        }
        if (const QString problem = checkArgument(rule); !problem.isEmpty())
            return fail<Result>(error, problem);
        rules.append(rule);
    }
    return rules;
}

QString PropertyText::ruleTemplate(const QString &ruleName) {
    if (ruleName == u"len"_s)
        return u"len:[2,10]"_s;
    if (ruleName == u"min"_s)
        return u"min:0"_s;
    if (ruleName == u"max"_s)
        return u"max:100"_s;
    if (ruleName == u"is"_s)
        return u"is:\"^[a-z]+$\""_s;
    if (ruleName == u"isIn"_s)
        return u"isIn:[[\"a\",\"b\"]]"_s;
    return ruleName;
}

} // namespace modeldesk
