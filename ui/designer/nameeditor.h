#pragma once

#include <QGraphicsTextItem>

#include <functional>

class QGraphicsRectItem;
class QGraphicsSimpleTextItem;

namespace modeldesk {

// The in-place editor for a model's name: Enter accepts, Escape cancels, clicking elsewhere accepts. With a
// check set, a name the check refuses is not accepted: Enter keeps the editor open with the reason shown
// under it (the name selected, to retype), clicking elsewhere gives up the edit and reports the reason.
class NameEditor : public QGraphicsTextItem {
    Q_OBJECT

public:
    explicit NameEditor(const QString &text);
    void start();
    // Answers the message that refuses a name, or an empty string when it is fine.
    void setCheck(std::function<QString(const QString &)> check) { mCheck = std::move(check); }
    // The refusal shown under the editor ("" when none).
    QString refusal() const;

signals:
    void finished(bool accepted, const QString &text);
    // A name was given up because the check refused it (the edit lost focus).
    void refused(const QString &message);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void finish(bool accepted);
    void selectAll();
    bool mDone = false;
    std::function<QString(const QString &)> mCheck;
    QGraphicsRectItem *mMessageCard = nullptr;
    QGraphicsSimpleTextItem *mMessage = nullptr;
};

} // namespace modeldesk
