#include "schema/link.h"

#include <QStringList>

namespace modeldesk {

using namespace Qt::StringLiterals;

QString Link::kindName(Kind kind) {
    switch (kind) {
    case Kind::HasOne:
        return u"hasOne"_s;
    case Kind::BelongsTo:
        return u"belongsTo"_s;
    case Kind::HasMany:
        return u"hasMany"_s;
    case Kind::BelongsToMany:
        return u"belongsToMany"_s;
    }
    return {};
}

std::optional<Link::Kind> Link::kindFromName(const QString &name) {
    for (Kind kind : {Kind::HasOne, Kind::BelongsTo, Kind::HasMany, Kind::BelongsToMany})
        if (kindName(kind) == name)
            return kind;
    return std::nullopt;
}

QStringList Link::referentialActions() {
    return {u"CASCADE"_s, u"SET NULL"_s, u"RESTRICT"_s, u"NO ACTION"_s, u"SET DEFAULT"_s};
}

} // namespace modeldesk
