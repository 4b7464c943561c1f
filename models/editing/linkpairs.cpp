#include "editing/linkpairs.h"

#include <QHash>
#include <QSet>

namespace modeldesk {

namespace {

// Each link is filed under the key its mirror would look it up by, so that pairing is one hash lookup per
// link.
QString mirrorKey(Link::Kind kind, const QString &source, const QString &target, const QString &key) {
    return QString(QChar(u'0' + int(kind))) + source + u'\n' + target + u'\n' + key;
}

struct Candidates {
    QList<int> indices; // ascending
    qsizetype next = 0; // entries before this are used up or precede every link still to be paired
};

} // namespace

QList<LinkEdge> pairLinks(const QList<Link> &links) {
    QHash<QString, Candidates> mirrors;
    for (int j = 0; j < links.size(); ++j) {
        const Link &other = links.at(j);
        if (other.kind == Link::Kind::BelongsTo)
            mirrors[mirrorKey(other.kind, other.source, other.target, other.foreignKey)].indices.append(j);
        else if (other.kind == Link::Kind::BelongsToMany)
            mirrors[mirrorKey(other.kind, other.source, other.target, other.through)].indices.append(j);
    }
    QList<LinkEdge> edges;
    edges.reserve(links.size());
    QSet<int> absorbed;
    for (int i = 0; i < links.size(); ++i) {
        if (absorbed.contains(i))
            continue;
        const Link &link = links.at(i);
        Candidates *candidates = nullptr;
        if (link.foreignKeyOnTarget())
            candidates =
                &mirrors[mirrorKey(Link::Kind::BelongsTo, link.target, link.source, link.foreignKey)];
        else if (link.kind == Link::Kind::BelongsToMany)
            candidates =
                &mirrors[mirrorKey(Link::Kind::BelongsToMany, link.target, link.source, link.through)];
        int mirror = -1;
        while (candidates && candidates->next < candidates->indices.size()) {
            const int j = candidates->indices.at(candidates->next);
            if (j <= i || absorbed.contains(j)) {
                ++candidates->next;
                continue;
            }
            mirror = j;
            break;
        }
        if (mirror >= 0)
            absorbed.insert(mirror);
        edges.append({i, mirror});
    }
    return edges;
}

} // namespace modeldesk
