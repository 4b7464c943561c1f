#pragma once

#include "schema/link.h"

#include <QGraphicsItem>
#include <QPainterPath>
#include <QStaticText>

namespace modeldesk {

class ModelItem;

// An edge between two model boxes, labelled in ORM terms ("hasOne · as user_test · userId") with its
// cardinalities at the ends. A hasOne/hasMany and the belongsTo that mirrors it share one edge. A
// belongsToMany through a model of the design runs via that model's box (order → orderItem → product), so the
// junction reads as the middle of the link rather than a box standing apart. It follows
// its boxes (they call adjust() when they move) and is selectable. Its geometry is computed in adjust() and
// kept, because the scene asks for boundingRect() far more often than anything moves; zoomed out it draws
// only the line, and the label's text layout is prepared once.
class LinkItem : public QGraphicsItem {
public:
    LinkItem(ModelItem *source, ModelItem *target, int linkIndex, const Link &link, int inverseIndex = -1,
             ModelItem *via = nullptr);
    ~LinkItem() override;

    int linkIndex() const { return mLinkIndex; }
    int inverseIndex() const { return mInverseIndex; }
    ModelItem *sourceItem() const { return mSource; }
    ModelItem *targetItem() const { return mTarget; }
    ModelItem *viaItem() const { return mVia; } // the through model's box, or nullptr
    QString label() const { return mLabel; }
    // The link it was made for (the first of a pair); an item is reused only for that very link.
    const Link &link() const { return mLink; }
    // The links it stands for, after links before them were added or removed.
    void setIndices(int linkIndex, int inverseIndex);
    // Parallel edges between the same two boxes are drawn side by side.
    void setOffset(double offset);
    // Links leaving the same box would put their labels side by side at their middles; each gets a slot
    // (0, 1, 2, ...) that moves its label along the line, alternately towards either end.
    void setLabelSlot(int slot);
    void setHasProblem(bool error);
    bool hasProblem() const { return mHasProblem; }
    double offset() const { return mOffset; }
    int labelSlot() const { return mLabelSlot; }
    void adjust();

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    // What paint() draws, for painters that draw the link on its behalf (the scene's link layer, images).
    void paintContent(QPainter *painter, const QStyleOptionGraphicsItem *option);
    // A baked link is drawn by the scene into the views' cached background (while boxes are dragged, and far
    // out), and paints nothing itself unless it is selected (see DiagramScene::bake).
    void setBaked(bool baked);
    bool isBaked() const { return mBaked; }
    // The line as drawn far out: straight from end to end, or else the path.
    bool isStraight() const { return mSource != mTarget && !mVia && mLegs.first().size() <= 2; }
    QLineF line() const { return QLineF(mFrom, mTo); }
    const QPainterPath &path() const { return mPath; }

    enum { Type = UserType + 2 };
    int type() const override { return Type; }

    static QString labelFor(const Link &link, bool hasInverse);

    // How the ends are drawn: an arrow head with cardinalities ("1", "0..1", "N"), or crow's-foot marks
    // (a bar for one, a ring for optional, a fork for many) as pgModeler and DBeaver draw them. One setting
    // for every link of the application (View ▸ Crow's Foot Notation).
    enum class Notation { Arrows, CrowsFoot };
    static void setNotation(Notation notation);
    static Notation notation();

    // The points the line runs through, per leg (two legs via a junction box): straight, or around the
    // boxes in its way (EdgeRouter).
    const QList<QList<QPointF>> &legs() const { return mLegs; }

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    // Tells the scene that this baked link's area of the background must be drawn again.
    void bakedChanged(const QRectF &area) const;
    // A leg from box `a` to box `b`, routed around the other boxes of the scene, moved sideways by `shift`.
    QList<QPointF> routeLeg(const QRectF &a, const QRectF &b, const QPointF &shift) const;
    void updateGeometry();
    QPointF pointAt(double t) const; // t in [0, 1] along the link
    // The point `distance` along the line from its start (negative: from its end).
    QPointF pointAlong(double distance) const;
    QPointF labelCentre() const;
    // A crow's-foot mark for `end` ("1", "0..1", "N") where the line meets a box at `at`, coming from
    // `towards`.
    void paintArrowAndEnds(QPainter *painter, const QColor &color, double lod);
    void paintLabel(QPainter *painter, const QColor &color);
    static void paintCrowsFoot(QPainter *painter, const QPointF &at, const QPointF &towards,
                               const QString &end);

    ModelItem *mSource;
    ModelItem *mTarget;
    ModelItem *mVia;
    int mLinkIndex;
    int mInverseIndex;
    Link mLink;
    Link::Kind mKind;
    QString mLabel;
    double mOffset = 0;
    int mLabelSlot = 0;
    bool mHasProblem = false;
    bool mBaked = false;
    QPointF mFrom; // where the line leaves the source box
    QPointF mTo;   // and enters the target box
    QList<QList<QPointF>> mLegs;
    QList<double> mLegLengths;
    double mLength = 0;
    QPainterPath mPath;
    QRectF mBounds;
    double mLabelWidth = 0;
    QStaticText mStaticLabel;
};

} // namespace modeldesk
