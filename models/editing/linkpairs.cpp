#include "editing/linkpairs.h"

#include <QHash>

namespace modeldesk {

namespace {

// Each link is filed under the key its mirror would look it up by, so that pairing is one hash lookup per
// link. The names are shared, not joined into one string: no allocation per link.
struct MirrorKey {
    Link::Kind kind;
    QString source;
    QString target;
    QString key;
    friend bool operator==(const MirrorKey &, const MirrorKey &) = default;
};

size_t qHash(const MirrorKey &key, size_t seed = 0) {
    return qHashMulti(seed, int(key.kind), key.source, key.target, key.key);
}

MirrorKey mirrorKey(Link::Kind kind, const QString &source, const QString &target, const QString &key) {
    return MirrorKey{kind, source, target, key};
}

struct Candidates {
    QList<int> indices; // ascending
    qsizetype next = 0; // entries before this are used up or precede every link still to be paired
};

} // namespace

QList<LinkEdge> pairLinks(const QList<Link> &links) {
    QHash<MirrorKey, Candidates> mirrors;
    for (int j = 0; j < links.size(); ++j) {
        const Link &other = links.at(j);
        if (other.kind == Link::Kind::BelongsTo)
            mirrors[mirrorKey(other.kind, other.source, other.target, other.foreignKey)].indices.append(j);
        else if (other.kind == Link::Kind::BelongsToMany)
            mirrors[mirrorKey(other.kind, other.source, other.target, other.through)].indices.append(j);
    }
    QList<LinkEdge> edges;
    edges.reserve(links.size());
    QList<bool> absorbed(links.size(), false);
    for (int i = 0; i < links.size(); ++i) {
        if (absorbed.at(i))
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
            if (j <= i || absorbed.at(j)) {
                ++candidates->next;
                continue;
            }
            mirror = j;
            break;
        }
        if (mirror >= 0)
            absorbed[mirror] = true;
        edges.append({i, mirror});
    }
    return edges;
}

} // namespace modeldesk
