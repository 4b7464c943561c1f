#include "data/caption.h"

#include <QStringList>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

// "firstName" → first, Name; "HTMLParser" → HTML, Parser; "user_test2" → user, test2.
QStringList words(const QString &name) {
    QStringList result;
    QString word;
    const auto flush = [&] {
        if (!word.isEmpty())
            result << word;
        word.clear();
    };
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        if (c == u'_' || c == u'-' || c.isSpace()) {
            flush();
            continue;
        }
        if (c.isUpper() && !word.isEmpty()) {
            const bool afterLower = word.back().isLower() || word.back().isDigit();
            const bool endsAbbreviation =
                word.back().isUpper() && i + 1 < name.size() && name.at(i + 1).isLower();
            if (afterLower || endsAbbreviation)
                flush();
        }
        word += c;
    }
    flush();
    return result;
}

bool isAbbreviation(const QString &word) {
    if (word.size() < 2)
        return false;
    for (const QChar c : word)
        if (c.isLower())
            return false;
    return true;
}

} // namespace

QString caption(const QString &name) {
    QStringList parts = words(name);
    for (qsizetype i = 0; i < parts.size(); ++i) {
        QString &word = parts[i];
        if (word.compare(u"id"_s, Qt::CaseInsensitive) == 0)
            word = u"ID"_s;
        else if (!isAbbreviation(word))
            word = word.toLower();
    }
    if (!parts.isEmpty() && !parts.first().isEmpty())
        parts.first()[0] = parts.first().at(0).toUpper();
    return parts.isEmpty() ? name : parts.join(u' ');
}

} // namespace modeldesk
