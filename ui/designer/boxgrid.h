#pragma once

#include <QHash>
#include <QList>
#include <QRectF>

#include <unordered_map>

namespace modeldesk {

class ModelItem;

// Where the boxes are, in square cells: what routing a link asks for (the boxes near its line). The scene's
// own index holds the links too, and on a big design hundreds of long links cross any area, so asking it for
// the boxes near each of thousands of lines grew with the square of the design.
class BoxGrid {
public:
    // Puts the box at `rect` (scene coordinates), wherever it was before.
    void place(ModelItem *box, const QRectF &rect);
    void remove(ModelItem *box);
    void clear();
    struct Entry {
        ModelItem *box;
        QRectF rect; // as placed
    };
    // The boxes whose rect (as placed) intersects `area`, each once, in no particular order.
    QList<Entry> boxesIn(const QRectF &area) const;

private:
    struct Cells {
        int left, top, right, bottom;
    };
    static Cells cellsOf(const QRectF &rect);
    static quint64 key(int column, int row) { return (quint64(quint32(column)) << 32) | quint32(row); }

    QHash<quint64, QList<Entry>> mCells;
    std::unordered_map<const ModelItem *, QRectF> mRects;
};

} // namespace modeldesk
