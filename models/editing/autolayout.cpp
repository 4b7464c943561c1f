#include "editing/autolayout.h"

#include "schema/resolvedschema.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>

namespace modeldesk {

namespace {

struct Graph {
    int size = 0;
    QList<QList<int>> children;
    QList<QList<int>> parents;
};

// Parent -> child edges: the referenced model above the model that holds the foreign key.
Graph buildGraph(const Schema &schema) {
    Graph g;
    g.size = int(schema.models.size());
    g.children.resize(g.size);
    g.parents.resize(g.size);
    QHash<QString, int> index;
    for (int i = 0; i < g.size; ++i)
        index.insert(schema.models.at(i).name, i);
    QSet<quint64> seen;
    auto addEdge = [&](int from, int to) {
        if (from < 0 || to < 0 || from == to)
            return;
        const quint64 key = (quint64(from) << 32) | quint64(to);
        if (seen.contains(key))
            return;
        seen.insert(key);
        g.children[from].append(to);
        g.parents[to].append(from);
    };
    for (const Link &link : schema.links) {
        const int s = index.value(link.source, -1);
        const int t = index.value(link.target, -1);
        switch (link.kind) {
        case Link::Kind::HasOne:
        case Link::Kind::HasMany:
            addEdge(s, t);
            break;
        case Link::Kind::BelongsTo:
            addEdge(t, s);
            break;
        case Link::Kind::BelongsToMany: {
            const int through = index.value(link.through, -1);
            if (through >= 0) {
                addEdge(s, through);
                addEdge(t, through);
            } else if (s < t) {
                addEdge(s, t);
            }
            break;
        }
        }
    }
    return g;
}

// Longest-path layering on the graph with back edges ignored (found by an iterative DFS).
QList<int> assignLayers(const Graph &g) {
    QList<int> state(g.size, 0); // 0 new, 1 open, 2 done
    QList<int> order;            // reverse postorder = topological order of the acyclic part
    order.reserve(g.size);
    QList<QPair<int, int>> stack;
    QSet<quint64> backEdges;
    for (int root = 0; root < g.size; ++root) {
        if (state[root])
            continue;
        stack.append({root, 0});
        state[root] = 1;
        while (!stack.isEmpty()) {
            auto &[node, next] = stack.last();
            if (next < g.children[node].size()) {
                const int child = g.children[node][next++];
                if (state[child] == 0) {
                    state[child] = 1;
                    stack.append({child, 0});
                } else if (state[child] == 1) {
                    backEdges.insert((quint64(node) << 32) | quint64(child));
                }
            } else {
                state[node] = 2;
                order.append(node);
                stack.removeLast();
            }
        }
    }
    std::reverse(order.begin(), order.end());
    QList<int> layer(g.size, 0);
    for (int node : std::as_const(order))
        for (int child : g.children[node])
            if (!backEdges.contains((quint64(node) << 32) | quint64(child)))
                layer[child] = std::max(layer[child], layer[node] + 1);
    return layer;
}

double barycenter(const QList<int> &neighbours, const QList<double> &position, double fallback) {
    double sum = 0;
    int count = 0;
    for (int n : neighbours) {
        if (position[n] >= 0) {
            sum += position[n];
            ++count;
        }
    }
    return count ? sum / count : fallback;
}

// Crossing reduction: orders each layer by the mean position of its neighbours in the layer above (down
// sweep) or below (up sweep).
void orderLayers(const Graph &g, QList<QList<int>> &layers, int sweeps) {
    const int layerCount = int(layers.size());
    QList<double> position(g.size, -1);
    auto number = [&](const QList<int> &row) {
        for (int i = 0; i < row.size(); ++i)
            position[row[i]] = i;
    };
    for (const QList<int> &row : std::as_const(layers))
        number(row);
    for (int sweep = 0; sweep < sweeps; ++sweep) {
        const bool down = sweep % 2 == 0;
        for (int l = down ? 1 : layerCount - 2; down ? l < layerCount : l >= 0; l += down ? 1 : -1) {
            QList<int> &row = layers[l];
            QList<double> key(row.size());
            for (int i = 0; i < row.size(); ++i)
                key[i] =
                    barycenter(down ? g.parents[row[i]] : g.children[row[i]], position, position[row[i]]);
            QList<int> idx(row.size());
            std::iota(idx.begin(), idx.end(), 0);
            std::stable_sort(idx.begin(), idx.end(), [&](int a, int b) { return key[a] < key[b]; });
            QList<int> sorted;
            sorted.reserve(row.size());
            for (int i : std::as_const(idx))
                sorted.append(row[i]);
            row = sorted;
            number(row);
        }
    }
}

// Wraps wide layers into rows so that the whole picture stays roughly as wide as it is tall.
QList<QList<int>> wrapRows(const QList<QList<int>> &layers, const std::function<QSizeF(int)> &sizeOf,
                           const AutoLayout::Options &options, int nodeCount) {
    double area = 0;
    for (int i = 0; i < nodeCount; ++i) {
        const QSizeF s = sizeOf(i);
        area += (s.width() + options.horizontalGap) * (s.height() + options.verticalGap);
    }
    const double maxRowWidth = std::max(1200.0, std::sqrt(area) * 1.4);
    QList<QList<int>> rows;
    for (const QList<int> &row : layers) {
        QList<int> current;
        double width = 0;
        for (int node : row) {
            const double w = sizeOf(node).width() + options.horizontalGap;
            if (!current.isEmpty() && width + w > maxRowWidth) {
                rows.append(current);
                current.clear();
                width = 0;
            }
            current.append(node);
            width += w;
        }
        if (!current.isEmpty())
            rows.append(current);
    }
    return rows;
}

} // namespace

QMap<QString, QPointF> AutoLayout::arrange(const Schema &schema, const QMap<QString, QSizeF> &sizes,
                                           const Options &options) {
    const Graph g = buildGraph(schema);
    const QList<int> layer = assignLayers(g);
    const int layerCount = g.size ? *std::max_element(layer.cbegin(), layer.cend()) + 1 : 0;
    QList<QList<int>> layers(layerCount);
    for (int i = 0; i < g.size; ++i)
        layers[layer[i]].append(i);
    orderLayers(g, layers, options.sweeps);

    const QSizeF fallback(200, 120);
    const std::function<QSizeF(int)> sizeOf = [&](int node) {
        return sizes.value(schema.models.at(node).name, fallback);
    };
    const QList<QList<int>> rows = wrapRows(layers, sizeOf, options, g.size);

    // Rows are centred under the widest.
    double widest = 0;
    QList<double> rowWidths;
    for (const QList<int> &row : rows) {
        double width = -options.horizontalGap;
        for (int node : row)
            width += sizeOf(node).width() + options.horizontalGap;
        rowWidths.append(width);
        widest = std::max(widest, width);
    }
    QMap<QString, QPointF> result;
    double y = 0;
    for (int r = 0; r < rows.size(); ++r) {
        double x = (widest - rowWidths[r]) / 2;
        double rowHeight = 0;
        for (int node : rows[r]) {
            const QSizeF s = sizeOf(node);
            result.insert(schema.models.at(node).name, QPointF(std::round(x), std::round(y)));
            x += s.width() + options.horizontalGap;
            rowHeight = std::max(rowHeight, s.height());
        }
        y += rowHeight + options.verticalGap;
    }
    return result;
}

QMap<QString, QPointF> AutoLayout::placeMissing(const Schema &schema, const QMap<QString, QPointF> &placed,
                                                const QMap<QString, QSizeF> &sizes) {
    Schema missing;
    QSet<QString> names;
    for (const Model &model : schema.models) {
        if (!placed.contains(model.name) && !names.contains(model.name)) {
            missing.models.append(model);
            names.insert(model.name);
        }
    }
    if (missing.models.isEmpty())
        return {};
    for (const Link &link : schema.links)
        if (names.contains(link.source) && names.contains(link.target))
            missing.links.append(link);
    const Options options;
    QMap<QString, QPointF> positions = arrange(missing, sizes, options);
    // Below the placed models that are still in the design, starting at their left edge.
    bool any = false;
    double left = 0;
    double bottom = 0;
    for (const Model &model : schema.models) {
        const auto it = placed.constFind(model.name);
        if (it == placed.cend())
            continue;
        const double height = sizes.value(model.name, QSizeF(200, 120)).height();
        left = any ? std::min(left, it->x()) : it->x();
        bottom = any ? std::max(bottom, it->y() + height) : it->y() + height;
        any = true;
    }
    if (!any)
        return positions;
    const QPointF offset(left, bottom + options.verticalGap);
    for (QPointF &position : positions)
        position += offset;
    return positions;
}

QMap<QString, QSizeF> AutoLayout::estimatedSizes(const Schema &schema) {
    QMap<QString, QSizeF> sizes;
    const ResolvedSchema resolved = SchemaResolver::resolve(schema);
    for (const Table &table : resolved.tables) {
        if (table.model.isEmpty())
            continue;
        qsizetype longest = table.name.size();
        for (const Column &column : table.columns)
            longest = std::max(longest, column.name.size() + column.type.toString().size() + 4);
        const double width = std::max(190.0, 46.0 + 7.0 * double(longest));
        sizes.insert(table.model, QSizeF(width, 46.0 + 20.0 * double(table.columns.size())));
    }
    return sizes;
}

} // namespace modeldesk
