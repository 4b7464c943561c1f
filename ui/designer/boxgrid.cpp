#include "designer/boxgrid.h"

#include <cmath>

namespace modeldesk {

namespace {
// About two boxes wide: a routed line's surroundings span a few cells, and a box sits in one to four.
constexpr double kCell = 512;
} // namespace

BoxGrid::Cells BoxGrid::cellsOf(const QRectF &rect) {
    return {int(std::floor(rect.left() / kCell)), int(std::floor(rect.top() / kCell)),
            int(std::floor(rect.right() / kCell)), int(std::floor(rect.bottom() / kCell))};
}

void BoxGrid::place(ModelItem *box, const QRectF &rect) {
    if (const auto it = mRects.find(box); it != mRects.end()) {
        if (it->second == rect)
            return;
        remove(box);
    }
    mRects.emplace(box, rect);
    const Cells c = cellsOf(rect);
    for (int column = c.left; column <= c.right; ++column)
        for (int row = c.top; row <= c.bottom; ++row)
            mCells[key(column, row)].append({box, rect});
}

void BoxGrid::remove(ModelItem *box) {
    const auto it = mRects.find(box);
    if (it == mRects.end())
        return;
    const Cells c = cellsOf(it->second);
    for (int column = c.left; column <= c.right; ++column) {
        for (int row = c.top; row <= c.bottom; ++row) {
            const auto cell = mCells.find(key(column, row));
            if (cell != mCells.end())
                cell->removeIf([box](const Entry &entry) { return entry.box == box; });
        }
    }
    mRects.erase(it);
}

void BoxGrid::clear() {
    mCells.clear();
    mRects.clear();
}

QList<BoxGrid::Entry> BoxGrid::boxesIn(const QRectF &area) const {
    QList<Entry> result;
    if (mRects.empty())
        return result;
    const Cells c = cellsOf(area);
    for (int column = c.left; column <= c.right; ++column) {
        for (int row = c.top; row <= c.bottom; ++row) {
            const auto cell = mCells.constFind(key(column, row));
            if (cell == mCells.cend())
                continue;
            for (const Entry &entry : *cell) {
                if (!entry.rect.intersects(area))
                    continue;
                // A box in several cells is reported by the first cell (left to right, top to bottom) where
                // it meets the area.
                const Cells first = cellsOf(entry.rect.intersected(area));
                if (first.left == column && first.top == row)
                    result.append(entry);
            }
        }
    }
    return result;
}

} // namespace modeldesk
