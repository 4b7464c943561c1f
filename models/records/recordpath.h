#pragma once

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

} // namespace modeldesk
