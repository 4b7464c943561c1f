// SchemaIds: content-derived short ids, unique within a design.
#include "schema/schemaids.h"

#include <QCryptographicHash>
#include <QSet>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

void collect(const Model &model, QSet<QString> *used) {
    if (!model.id.isEmpty())
        used->insert(model.id);
    for (const Field &field : model.fields)
        if (!field.id.isEmpty())
            used->insert(field.id);
}

QSet<QString> usedIds(const Schema &schema) {
    QSet<QString> used;
    for (const Model &model : schema.models)
        collect(model, &used);
    for (const Link &link : schema.links)
        if (!link.id.isEmpty())
            used.insert(link.id);
    return used;
}

// prefix + 4 hex digits of the seed's hash; on a clash the seed is retried with a counter, and after a few
// clashes the id grows by two digits, so even a design of a hundred thousand fields finds free ids.
QString newId(QChar prefix, const QString &seed, QSet<QString> *used) {
    for (int attempt = 0;; ++attempt) {
        const QByteArray hash = QCryptographicHash::hash((seed + u'#' + QString::number(attempt)).toUtf8(),
                                                         QCryptographicHash::Sha1)
                                    .toHex();
        const QString id = prefix + QString::fromLatin1(hash.left(4 + 2 * (attempt / 8)));
        if (!used->contains(id)) {
            used->insert(id);
            return id;
        }
    }
}

void assignModel(Model &model, QSet<QString> *used) {
    if (model.id.isEmpty())
        model.id = newId(u'm', model.name, used);
    for (Field &field : model.fields)
        if (field.id.isEmpty())
            field.id = newId(u'f', model.name + u'.' + field.name, used);
}

void assignLink(Link &link, QSet<QString> *used) {
    if (link.id.isEmpty())
        link.id = newId(u'l',
                        Link::kindName(link.kind) + u'|' + link.source + u'|' + link.target + u'|' + link.as +
                            u'|' + link.foreignKey + u'|' + link.through,
                        used);
}

} // namespace

bool SchemaIds::isValid(const QString &id) {
    if (id.isEmpty() || id.size() > 32)
        return false;
    for (const QChar c : id)
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'_' && c != u'-')
            return false;
    return true;
}

void SchemaIds::assignMissing(Schema &schema) {
    QSet<QString> used = usedIds(schema);
    for (Model &model : schema.models)
        assignModel(model, &used);
    for (Link &link : schema.links)
        assignLink(link, &used);
}

void SchemaIds::assignMissing(const Schema &context, Model &model) {
    QSet<QString> used = usedIds(context);
    collect(model, &used);
    assignModel(model, &used);
}

void SchemaIds::assignMissing(const Schema &context, Link &link) {
    QSet<QString> used = usedIds(context);
    assignLink(link, &used);
}

void SchemaIds::clear(Model &model) {
    model.id.clear();
    for (Field &field : model.fields)
        field.id.clear();
}

} // namespace modeldesk
