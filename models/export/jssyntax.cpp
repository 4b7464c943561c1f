#include "export/jssyntax.h"

#include "export/exporttext.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

namespace modeldesk::js {

using namespace Qt::StringLiterals;

namespace {

QString hex4(uint code) {
    return u"\\u%1"_s.arg(code, 4, 16, QChar(u'0'));
}

QString number(double d) {
    if (d == static_cast<double>(static_cast<qint64>(d)) && d > -9.0e15 && d < 9.0e15)
        return QString::number(static_cast<qint64>(d));
    return QString::number(d, 'g', 17);
}

} // namespace

QString stringLiteral(const QString &text) {
    QString out;
    out.reserve(text.size() + 2);
    out += u'\'';
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const char16_t u = c.unicode();
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            out += c;
            out += text.at(++i);
            continue;
        }
        if (c.isSurrogate()) { // unpaired: not encodable in UTF-8, so keep it as an escape
            out += hex4(u);
            continue;
        }
        switch (u) {
        case u'\\':
            out += u"\\\\"_s;
            break;
        case u'\'':
            out += u"\\'"_s;
            break;
        case u'\n':
            out += u"\\n"_s;
            break;
        case u'\r':
            out += u"\\r"_s;
            break;
        case u'\t':
            out += u"\\t"_s;
            break;
        case 0x2028:
        case 0x2029:
            out += hex4(u);
            break;
        default:
            if (u < 0x20 || u == 0x7f)
                out += hex4(u);
            else
                out += c;
        }
    }
    out += u'\'';
    return out;
}

bool isReservedWord(const QString &name) {
    static const QSet<QString> words = [] {
        QSet<QString> set;
        for (const char *w :
             {"await",    "break",      "case",      "catch",  "class",     "const",      "continue",
              "debugger", "default",    "delete",    "do",     "else",      "enum",       "export",
              "extends",  "false",      "finally",   "for",    "function",  "if",         "import",
              "in",       "instanceof", "new",       "null",   "return",    "super",      "switch",
              "this",     "throw",      "true",      "try",    "typeof",    "var",        "void",
              "while",    "with",       "yield",     "let",    "static",    "implements", "interface",
              "package",  "private",    "protected", "public", "arguments", "eval"})
            set.insert(QString::fromLatin1(w));
        return set;
    }();
    return words.contains(name);
}

bool isPlainIdentifier(const QString &name) {
    if (name.isEmpty())
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char16_t c = name.at(i).unicode();
        const bool letter = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_' || c == u'$';
        const bool digit = c >= u'0' && c <= u'9';
        if (!letter && !(digit && i > 0))
            return false;
    }
    return !isReservedWord(name);
}

QString propertyKey(const QString &name) {
    if (name == u"__proto__"_s)
        return u"['__proto__']"_s;
    if (isPlainIdentifier(name))
        return name;
    return stringLiteral(name);
}

QString memberAccess(const QString &object, const QString &name) {
    if (isPlainIdentifier(name) && name != u"__proto__"_s)
        return object + u'.' + name;
    return object + u'[' + stringLiteral(name) + u']';
}

QString value(const QJsonValue &json) {
    switch (json.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return json.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double:
        return number(json.toDouble());
    case QJsonValue::String:
        return stringLiteral(json.toString());
    case QJsonValue::Array: {
        QStringList items;
        for (const QJsonValue &item : json.toArray())
            items << value(item);
        return u'[' + items.join(u", "_s) + u']';
    }
    case QJsonValue::Object: {
        const QJsonObject object = json.toObject();
        if (object.isEmpty())
            return u"{}"_s;
        QStringList items;
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            items << propertyKey(it.key()) + u": "_s + value(it.value());
        return u"{ "_s + items.join(u", "_s) + u" }"_s;
    }
    case QJsonValue::Undefined:
        break;
    }
    return u"undefined"_s;
}

QString commentText(const QString &text) {
    return exporttext::singleLine(text);
}

QString pascalCase(const QString &name) {
    QString out;
    bool startWord = true;
    for (const uint code : name.toUcs4()) {
        const bool letter = QChar::isLetter(code);
        const bool digit = code < 0x80 && QChar::isDigit(code);
        if (!letter && !digit) {
            startWord = true;
            continue;
        }
        const char32_t mapped = startWord ? QChar::toUpper(code) : code;
        out += QString::fromUcs4(&mapped, 1);
        startWord = false;
    }
    if (!out.isEmpty() && out.at(0).isDigit())
        out.prepend(u'M');
    return out;
}

} // namespace modeldesk::js
