#include "schema/field.h"

namespace modeldesk {

using namespace Qt::StringLiterals;

QStringList ValidateRule::knownNames() {
    return {u"isEmail"_s, u"isUrl"_s, u"notEmpty"_s, u"len"_s, u"min"_s, u"max"_s, u"is"_s, u"isIn"_s};
}

} // namespace modeldesk
