#pragma once

#include <QString>

namespace modeldesk {

// A field's or an alias's name as a form's caption: words split at camel humps, underscores and dashes,
// the first capitalised, the rest lower case, "id" and words in capitals kept as abbreviations:
// "firstName" → "First name", "user_test" → "User test", "customerId" → "Customer ID", "htmlURL" →
// "Html URL". The name itself stays in the caption's tooltip.
QString caption(const QString &name);

} // namespace modeldesk
