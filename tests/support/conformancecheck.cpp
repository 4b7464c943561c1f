#include "support/conformancecheck.h"

namespace modeldesk::test::conformance {

using namespace Qt::StringLiterals;

namespace {

bool sameValue(const QJsonValue &a, const QJsonValue &b) {
    if (a.isDouble() && b.isDouble())
        return a.toDouble() == b.toDouble();
    return a == b;
}

bool matches(const QJsonObject &row, const QJsonObject &matcher) {
    for (auto it = matcher.constBegin(); it != matcher.constEnd(); ++it)
        if (!row.contains(it.key()) || !sameValue(row.value(it.key()), it.value()))
            return false;
    return true;
}

// Removes from `rows` one row matching each matcher; a matcher with no row left is a problem.
void takeExpected(QList<QJsonObject> *rows, const QList<QJsonObject> &matchers, const Difference &difference,
                  const QString &side, QStringList *problems) {
    for (const QJsonObject &matcher : matchers) {
        const auto found = std::find_if(rows->begin(), rows->end(),
                                        [&](const QJsonObject &row) { return matches(row, matcher); });
        if (found == rows->end()) {
            *problems
                << u"documented difference %1 did not happen: %2 has no row %3 in %4 that the other side "
                   u"lacks"_s.arg(difference.doc, side, compact(matcher), difference.table);
            continue;
        }
        rows->erase(found);
    }
}

// The values at `path` (removed from `value`), '*' stepping into every item of an array.
QJsonValue takeAt(const QJsonValue &value, QStringList path, QList<QJsonValue> *found) {
    if (path.isEmpty())
        return value;
    const QString step = path.takeFirst();
    if (step == u"*"_s && value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : value.toArray())
            out << takeAt(item, path, found);
        return out;
    }
    if (!value.isObject())
        return value;
    QJsonObject object = value.toObject();
    if (!object.contains(step))
        return value;
    if (path.isEmpty()) {
        *found << object.take(step);
        return object;
    }
    object.insert(step, takeAt(object.value(step), path, found));
    return object;
}

void checkGraphSide(const Difference &difference, const QString &side, const QJsonValue &expected,
                    const QList<QJsonValue> &found, QStringList *problems) {
    const QString what = expected.isString() ? expected.toString() : compact(expected);
    bool ok = false;
    if (what == u"absent"_s)
        ok = found.isEmpty();
    else if (what == u"present"_s)
        ok = !found.isEmpty();
    else
        ok = !found.isEmpty() && std::all_of(found.begin(), found.end(),
                                             [&](const QJsonValue &v) { return sameValue(v, expected); });
    if (!ok) {
        QStringList values;
        for (const QJsonValue &v : found)
            values << compact(v);
        *problems << u"documented difference %1 did not happen: %2 should show %3 at %4, shows %5"_s.arg(
            difference.doc, side, what, difference.graph,
            values.isEmpty() ? u"nothing"_s : values.join(u", "_s));
    }
}

} // namespace

QList<Difference> Difference::parse(const QJsonArray &entries, QString *error) {
    QList<Difference> differences;
    for (const QJsonValue &entry : entries) {
        const QJsonObject object = entry.toObject();
        Difference difference;
        difference.doc = object.value(u"doc"_s).toString();
        difference.table = object.value(u"table"_s).toString();
        difference.graph = object.value(u"graph"_s).toString();
        if (difference.doc.isEmpty() || difference.table.isEmpty() == difference.graph.isEmpty()) {
            *error = u"a difference needs a doc and either a table or a graph: "_s + compact(object);
            return {};
        }
        if (!difference.table.isEmpty()) {
            for (const QJsonValue &row : object.value(u"modeldesk"_s).toArray())
                difference.modeldesk << row.toObject();
            for (const QJsonValue &row : object.value(u"sequelize"_s).toArray())
                difference.sequelize << row.toObject();
        } else {
            difference.graphModeldesk = object.value(u"modeldesk"_s);
            difference.graphSequelize = object.value(u"sequelize"_s);
        }
        differences << difference;
    }
    return differences;
}

QStringList compareRows(const DatabaseRows &modeldesk, const DatabaseRows &sequelize,
                        const QList<Difference> &differences) {
    QStringList problems;
    for (qsizetype t = 0; t < modeldesk.tables().size(); ++t) {
        const TableRows &ours = modeldesk.tables().at(t);
        QList<QJsonObject> onlyOurs = ours.rows;
        QList<QJsonObject> onlyTheirs = sequelize.tables().at(t).rows;
        for (auto it = onlyOurs.begin(); it != onlyOurs.end();) {
            const auto same = std::find(onlyTheirs.begin(), onlyTheirs.end(), *it);
            if (same == onlyTheirs.end()) {
                ++it;
                continue;
            }
            onlyTheirs.erase(same);
            it = onlyOurs.erase(it);
        }
        for (const Difference &difference : differences) {
            if (difference.table != ours.table)
                continue;
            takeExpected(&onlyOurs, difference.modeldesk, difference, u"ModelDesk"_s, &problems);
            takeExpected(&onlyTheirs, difference.sequelize, difference, u"Sequelize"_s, &problems);
        }
        for (const QJsonObject &row : std::as_const(onlyOurs))
            problems << u"%1: only ModelDesk has %2"_s.arg(ours.table, compact(row));
        for (const QJsonObject &row : std::as_const(onlyTheirs))
            problems << u"%1: only Sequelize has %2"_s.arg(ours.table, compact(row));
    }
    for (const Difference &difference : differences) {
        const bool known = std::any_of(modeldesk.tables().begin(), modeldesk.tables().end(),
                                       [&](const TableRows &t) { return t.table == difference.table; });
        if (!difference.table.isEmpty() && !known)
            problems << u"difference %1 names a table the design does not have: %2"_s.arg(difference.doc,
                                                                                          difference.table);
    }
    return problems;
}

QStringList compareGraphs(QJsonValue modeldesk, QJsonValue sequelize, const QList<Difference> &differences) {
    QStringList problems;
    for (const Difference &difference : differences) {
        if (difference.graph.isEmpty())
            continue;
        QList<QJsonValue> ours, theirs;
        const QStringList path = difference.graph.split(u'/');
        modeldesk = takeAt(modeldesk, path, &ours);
        sequelize = takeAt(sequelize, path, &theirs);
        checkGraphSide(difference, u"ModelDesk"_s, difference.graphModeldesk, ours, &problems);
        checkGraphSide(difference, u"Sequelize"_s, difference.graphSequelize, theirs, &problems);
    }
    QStringList where;
    jsonDifferences(sorted(modeldesk), sorted(sequelize), QString(), &where);
    for (const QString &difference : std::as_const(where))
        problems << u"the graphs differ at "_s + difference;
    return problems;
}

void jsonDifferences(const QJsonValue &a, const QJsonValue &b, const QString &path, QStringList *out,
                     const Sides &sides) {
    const QString here = path.isEmpty() ? u"(root)"_s : path;
    if (a.isObject() && b.isObject()) {
        const QJsonObject x = a.toObject();
        const QJsonObject y = b.toObject();
        QStringList keys = x.keys();
        for (const QString &key : y.keys())
            if (!keys.contains(key))
                keys << key;
        keys.sort();
        for (const QString &key : std::as_const(keys)) {
            const QString where = path.isEmpty() ? key : path + u'/' + key;
            if (x.contains(key) && y.contains(key))
                jsonDifferences(x.value(key), y.value(key), where, out, sides);
            else
                *out << u"%1: %2 %3 | %4 %5"_s.arg(
                    where, sides.a, x.contains(key) ? compact(x.value(key)) : u"(absent)"_s, sides.b,
                    y.contains(key) ? compact(y.value(key)) : u"(absent)"_s);
        }
        return;
    }
    if (a.isArray() && b.isArray() && a.toArray().size() == b.toArray().size()) {
        for (qsizetype i = 0; i < a.toArray().size(); ++i)
            jsonDifferences(a.toArray().at(i), b.toArray().at(i), here + u'/' + QString::number(i), out,
                            sides);
        return;
    }
    if (!sameValue(a, b))
        *out << u"%1: %2 %3 | %4 %5"_s.arg(here, sides.a, compact(a), sides.b, compact(b));
}

} // namespace modeldesk::test::conformance
