#include "records/jsontext.h"

#include <QCborValue>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <cmath>

namespace modeldesk::JsonText {

namespace {

char hexDigit(uint v) {
    return char(v < 10 ? '0' + v : 'a' + v - 10);
}

char *escape(char *to, char16_t u) {
    *to++ = '\\';
    *to++ = 'u';
    *to++ = hexDigit(u >> 12 & 0xf);
    *to++ = hexDigit(u >> 8 & 0xf);
    *to++ = hexDigit(u >> 4 & 0xf);
    *to++ = hexDigit(u & 0xf);
    return to;
}

} // namespace

void appendString(QByteArray *out, QStringView text) {
    // Written through a pointer into room for the worst case (six bytes per UTF-16 unit), then cut to size.
    const qsizetype from = out->size();
    out->resize(from + 2 + 6 * text.size());
    char *to = out->data() + from;
    *to++ = '"';
    const char16_t *src = text.utf16();
    const char16_t *const end = src + text.size();
    while (src != end) {
        const char16_t u = *src++;
        if (u < 0x80) {
            if (u >= 0x20 && u != u'"' && u != u'\\') {
                *to++ = char(u);
                continue;
            }
            *to++ = '\\';
            switch (u) {
            case u'"':
                *to++ = '"';
                break;
            case u'\\':
                *to++ = '\\';
                break;
            case 0x8:
                *to++ = 'b';
                break;
            case 0xc:
                *to++ = 'f';
                break;
            case 0xa:
                *to++ = 'n';
                break;
            case 0xd:
                *to++ = 'r';
                break;
            case 0x9:
                *to++ = 't';
                break;
            default:
                to = escape(to - 1, u);
            }
        } else if (u < 0x800) {
            *to++ = char(0xc0 | (u >> 6));
            *to++ = char(0x80 | (u & 0x3f));
        } else if (u < 0xd800 || u > 0xdfff) {
            *to++ = char(0xe0 | (u >> 12));
            *to++ = char(0x80 | ((u >> 6) & 0x3f));
            *to++ = char(0x80 | (u & 0x3f));
        } else if (u <= 0xdbff && src != end && *src >= 0xdc00 && *src <= 0xdfff) {
            const char32_t c = 0x10000 + ((char32_t(u) - 0xd800) << 10) + (char32_t(*src++) - 0xdc00);
            *to++ = char(0xf0 | (c >> 18));
            *to++ = char(0x80 | ((c >> 12) & 0x3f));
            *to++ = char(0x80 | ((c >> 6) & 0x3f));
            *to++ = char(0x80 | (c & 0x3f));
        } else {
            to = escape(to, u); // a lone surrogate: not UTF-8, so Qt writes it as an escape
        }
    }
    *to++ = '"';
    out->resize(to - out->constData());
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

} // namespace modeldesk::JsonText
