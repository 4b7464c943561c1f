#include "import/importnames.h"

#include "schema/inflection.h"

#include <QRegularExpression>

namespace modeldesk::importnames {

using namespace Qt::StringLiterals;

QString attributeFor(const QString &column, bool underscored) {
    if (!underscored)
        return column;
    const QString attribute = inflection::camelize(column);
    return inflection::underscore(attribute) == column ? attribute : QString();
}

QString modelNameFor(const QString &table, bool underscored) {
    QString name = inflection::singularize(table);
    if (name.isEmpty())
        name = table;
    return underscored ? inflection::camelize(name) : name;
}

QString keyStem(const QString &attribute) {
    // camelCase "buyerId" / "buyerID", snake_case "buyer_id", each maybe numbered ("customerId5").
    static const QRegularExpression camel(uR"(^(.*[a-z0-9])(Id|ID)(\d*)$)"_s);
    static const QRegularExpression snake(uR"(^(.+)_(id|ID|Id)(\d*)$)"_s);
    QRegularExpressionMatch m = snake.match(attribute);
    if (!m.hasMatch())
        m = camel.match(attribute);
    if (!m.hasMatch())
        return {};
    return inflection::camelize(m.captured(1)) + m.captured(3);
}

QString capitalized(const QString &word) {
    return word.isEmpty() ? word : word.front().toUpper() + word.mid(1);
}

QString TakenNames::claim(const QString &wanted) {
    QString name = wanted;
    for (int n = 2; isTaken(name); ++n)
        name = wanted + QString::number(n);
    take(name);
    return name;
}

} // namespace modeldesk::importnames
