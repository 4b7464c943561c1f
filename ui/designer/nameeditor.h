#pragma once

#include <QGraphicsTextItem>

namespace modeldesk {

// The in-place editor for a model's name: Enter accepts, Escape cancels, clicking elsewhere accepts.
class NameEditor : public QGraphicsTextItem {
    Q_OBJECT

public:
    explicit NameEditor(const QString &text);
    void start();

signals:
    void finished(bool accepted, const QString &text);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void finish(bool accepted);
    bool mDone = false;
};

} // namespace modeldesk
