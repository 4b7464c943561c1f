#pragma once

#include "schema/resolvedschema.h"

#include <QColor>
#include <QGraphicsObject>

namespace modeldesk {

class LinkItem;

// A model's box on the canvas: a header with the model and table names, and one row per column with its type
// and markers (PK, FK, UQ, * for required). Columns Sequelize adds (id, timestamps, foreign keys not
// declared) are drawn subtly. Level of detail keeps big designs fast: zoomed out it draws its header only,
// and far out a plain tile with its name (when the name would be readable at all). Painting goes through a
// device-coordinate cache, so panning and repainting blit a pixmap instead of laying out text again.
class ModelItem : public QGraphicsObject {
    Q_OBJECT

public:
    struct Row {
        QString name;
        QString type;
        // A long ENUM's values, on lines of their own under the row (never cut: images show every value).
        QStringList more = {};
        bool primaryKey = false;
        bool foreignKey = false;
        bool unique = false;
        bool required = false;
        bool implied = false;
        friend bool operator==(const Row &, const Row &) = default;
    };

    explicit ModelItem(const QString &modelName);

    QString modelName() const { return mModelName; }
    // Moves the box without its links following and without `moved`: for the scene, when it moves many boxes
    // at once and routes their links once afterwards (DiagramScene::moveBoxes).
    void setPosQuietly(const QPointF &pos);
    void setModelName(const QString &name);
    // Rebuilds the rows from the resolved table (or clears them when the model has none). Returns false,
    // touching nothing, when the content is what the box already shows: the scene refreshes every box after
    // each edit, and only the changed ones may pay for a relayout and a new cache.
    bool setContent(const QString &tableName, const QString &comment, const QList<Row> &rows);
    // The same from the resolved table (none for a model without one). Compares the columns first, so an
    // unchanged box costs a comparison rather than building its rows (type names) again.
    bool setContent(const QString &tableName, const QString &comment, const Table *table);
    static QList<Row> rowsFor(const Table &table);
    const QList<Row> &rows() const { return mRows; }
    QString tableName() const { return mTableName; }
    QString comment() const { return mComment; }
    bool hasProblem() const { return mHasProblem; }

    void setHasProblem(bool error);
    // A baked box is drawn by the scene into the views' cached background (far out, a plain tile among
    // thousands) and paints nothing itself unless it is selected (see DiagramScene::bake).
    void setBaked(bool baked);
    bool isBaked() const { return mBaked; }
    // Below this zoom every box is a plain tile without its name (on a screen of `dpi` dots per inch): what
    // the scene can draw in batches (BakedLayer::paintFar).
    static double plainTileZoom(double dpi);
    void addLink(LinkItem *link) { mLinks.append(link); }
    void removeLink(LinkItem *link) { mLinks.removeAll(link); }
    const QList<LinkItem *> &links() const { return mLinks; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    QRectF headerRect() const;
    // How much detail to paint: the zoom for the screen and PNG images, full detail for SVG and PDF.
    static double levelOfDetail(const QStyleOptionGraphicsItem *option, const QPainter *painter);
    // The box size a model with these rows gets; the auto-layout uses it without building items.
    QSizeF boxSize() const { return mSize; }

    enum { Type = UserType + 1 };
    int type() const override { return Type; }

signals:
    void moved(ModelItem *item);
    // Its size changed (new rows, a new name).
    void resized(ModelItem *item);

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    void relayout();
    void paintTile(QPainter *painter, double lod, const QColor &header, bool selected) const;
    void paintBox(QPainter *painter, const QColor &header, bool selected) const;
    void paintRows(QPainter *painter) const;

    QString mModelName;
    QString mTableName;
    QString mComment;
    QList<Row> mRows;
    QList<Column> mColumns; // what mRows were built from (shared with the resolved table, not copied)
    QSizeF mSize;
    double mFarPointSize = 10; // the name's font size on the far-out tile, fitted to the box
    bool mHasProblem = false;
    bool mHovered = false;
    bool mQuiet = false; // in setPosQuietly()
    bool mBaked = false;
    QList<LinkItem *> mLinks;
};

} // namespace modeldesk
