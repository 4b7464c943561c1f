#pragma once

#include <QList>
#include <QString>

namespace modeldesk {

// The path of a record or value inside a nested record, as problems and plans name it:
// "user_test.code", "orders[1].products[0]". The root is "".
inline QString joinPath(const QString &path, const QString &key) {
    return path.isEmpty() ? key : path + u'.' + key;
}

inline QString indexedPath(const QString &path, qsizetype index) {
    return path + u'[' + QString::number(index) + u']';
}

// One step of a path: a key, and the index of an item of its list when the step names one ("orders[1]").
struct PathStep {
    QString key;
    qsizetype index = -1; // -1: the key itself
    friend bool operator==(const PathStep &, const PathStep &) = default;
};

// A path read back into its steps, the inverse of joinPath() and indexedPath():
// "products[0].orderItem.unitPrice" gives products[0], orderItem, unitPrice; "" gives none. A key holding
// '.' cannot be told from two keys (paths never escape them).
inline QList<PathStep> splitPath(const QString &path) {
    QList<PathStep> steps;
    if (path.isEmpty())
        return steps;
    for (const QString &part : path.split(u'.')) {
        PathStep step{part, -1};
        const qsizetype open = part.lastIndexOf(u'[');
        if (open > 0 && part.endsWith(u']')) {
            const QString digits = part.mid(open + 1, part.size() - open - 2);
            bool ok = false;
            const qsizetype index = digits.toLongLong(&ok);
            if (ok && index >= 0 && QString::number(index) == digits) // as indexedPath() writes it
                step = PathStep{part.left(open), index};
        }
        steps << step;
    }
    return steps;
}

// The path of `steps`, as joinPath() and indexedPath() build it.
inline QString joinPath(const QList<PathStep> &steps) {
    QString path;
    for (const PathStep &step : steps) {
        path = joinPath(path, step.key);
        if (step.index >= 0)
            path = indexedPath(path, step.index);
    }
    return path;
}

} // namespace modeldesk
