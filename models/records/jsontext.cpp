#include "records/jsontext.h"

#include <QCborValue>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace modeldesk::JsonText {

namespace {

char hexDigit(uint v) {
    return char(v < 10 ? '0' + v : 'a' + v - 10);
}

void appendEscape(QByteArray *out, char16_t u) {
    const char escaped[6] = {'\\',
                             'u',
                             hexDigit(u >> 12 & 0xf),
                             hexDigit(u >> 8 & 0xf),
                             hexDigit(u >> 4 & 0xf),
                             hexDigit(u & 0xf)};
    out->append(escaped, 6);
}

} // namespace

void appendString(QByteArray *out, QStringView text) {
    out->append('"');
    const char16_t *src = text.utf16();
    const char16_t *const end = src + text.size();
    while (src != end) {
        // The plain ASCII run, copied at once.
        const char16_t *run = src;
        while (run != end && *run >= 0x20 && *run < 0x80 && *run != u'"' && *run != u'\\')
            ++run;
        if (run != src) {
            const qsizetype from = out->size();
            out->resize(from + (run - src));
            char *to = out->data() + from;
            for (const char16_t *c = src; c != run; ++c)
                *to++ = char(*c);
            src = run;
            if (src == end)
                break;
        }
        const char16_t u = *src++;
        if (u < 0x80) {
            out->append('\\');
            switch (u) {
            case u'"':
                out->append('"');
                break;
            case u'\\':
                out->append('\\');
                break;
            case 0x8:
                out->append('b');
                break;
            case 0xc:
                out->append('f');
                break;
            case 0xa:
                out->append('n');
                break;
            case 0xd:
                out->append('r');
                break;
            case 0x9:
                out->append('t');
                break;
            default:
                out->chop(1);
                appendEscape(out, u);
            }
        } else if (u < 0x800) {
            out->append(char(0xc0 | (u >> 6)));
            out->append(char(0x80 | (u & 0x3f)));
        } else if (u < 0xd800 || u > 0xdfff) {
            out->append(char(0xe0 | (u >> 12)));
            out->append(char(0x80 | ((u >> 6) & 0x3f)));
            out->append(char(0x80 | (u & 0x3f)));
        } else if (u <= 0xdbff && src != end && *src >= 0xdc00 && *src <= 0xdfff) {
            const char32_t c = 0x10000 + ((char32_t(u) - 0xd800) << 10) + (char32_t(*src++) - 0xdc00);
            out->append(char(0xf0 | (c >> 18)));
            out->append(char(0x80 | ((c >> 12) & 0x3f)));
            out->append(char(0x80 | ((c >> 6) & 0x3f)));
            out->append(char(0x80 | (c & 0x3f)));
        } else {
            appendEscape(out, u); // a lone surrogate: not UTF-8, so Qt writes it as an escape
        }
    }
    out->append('"');
}

void appendValue(QByteArray *out, const QJsonValue &value) {
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out->append("null");
        break;
    case QJsonValue::Bool:
        out->append(value.toBool() ? "true" : "false");
        break;
    case QJsonValue::Double: {
        // QJsonValue keeps an integral double of up to 2^53 as an integer, and Qt prints integers without
        // an exponent (1000000000000000, not 1e+15).
        const QCborValue number = QCborValue::fromJsonValue(value);
        if (number.isInteger()) {
            out->append(QByteArray::number(number.toInteger()));
        } else {
            const double d = value.toDouble();
            out->append(std::isfinite(d) ? QByteArray::number(d, 'g', QLocale::FloatingPointShortest)
                                         : QByteArray("null"));
        }
        break;
    }
    case QJsonValue::String:
        appendString(out, value.toString());
        break;
    case QJsonValue::Array:
        out->append(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
        break;
    case QJsonValue::Object:
        out->append(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
        break;
    }
}

void Object::key(const QString &name) {
    mMembers.append({&name, mValues.size()});
}

void Object::end(QByteArray *out) {
    const qsizetype count = mMembers.size();
    // Each member's value ends where the next one (in insertion order) begins.
    QVarLengthArray<std::pair<Member, qsizetype>, 16> members;
    for (qsizetype i = 0; i < count; ++i)
        members.append({mMembers[i], i + 1 < count ? mMembers[i + 1].begin : mValues.size()});
    // QJsonObject's order; among equal keys the last inserted wins, as QJsonObject::insert() replaces.
    std::stable_sort(members.begin(), members.end(),
                     [](const auto &a, const auto &b) { return *a.first.name < *b.first.name; });
    out->append('{');
    bool first = true;
    for (qsizetype i = 0; i < members.size(); ++i) {
        if (i + 1 < members.size() && *members[i + 1].first.name == *members[i].first.name)
            continue;
        if (!first)
            out->append(',');
        first = false;
        appendString(out, *members[i].first.name);
        out->append(':');
        out->append(mValues.constData() + members[i].first.begin, members[i].second - members[i].first.begin);
    }
    out->append('}');
}

} // namespace modeldesk::JsonText
