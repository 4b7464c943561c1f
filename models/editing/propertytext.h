#pragma once

#include "schema/field.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <optional>

namespace modeldesk {

// The one-line text forms the property editors use for a field's default value and its validate rules, and
// their parsers. Each parser returns nullopt and a message for people on bad input, so that the editor can
// say what is wrong instead of applying half of it.
//
// Default values: empty = no default; NOW and UUIDV4 are Sequelize's functions; numbers, true, false and null
// are JSON; anything else is text ("quoted" or 'quoted' when it would otherwise read as one of the above).
// Validate rules: `isEmail, len:[2,10], min:0, is:"^[a-z]+$", isIn:[["a","b"]]`; a rule without an argument
// means `true`.
class PropertyText {
    Q_DECLARE_TR_FUNCTIONS(PropertyText)
public:
    static QString defaultValueText(const QJsonValue &value);
    static std::optional<QJsonValue> parseDefaultValue(const QString &text, QString *error = nullptr);

    static QString validateRulesText(const QList<ValidateRule> &rules);
    static std::optional<QList<ValidateRule>> parseValidateRules(const QString &text,
                                                                 QString *error = nullptr);
    // A template for each known rule, as the "add rule" menu inserts it (e.g. "len:[2,10]").
    static QString ruleTemplate(const QString &ruleName);
};

} // namespace modeldesk
