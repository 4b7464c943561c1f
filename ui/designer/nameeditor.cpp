#include "designer/nameeditor.h"

#include <QKeyEvent>
#include <QPainter>
#include <QTextCursor>

namespace modeldesk {

NameEditor::NameEditor(const QString &text)
    : QGraphicsTextItem(text) {
    QFont f = font();
    f.setPointSizeF(10.5);
    f.setBold(true);
    setFont(f);
    setTextInteractionFlags(Qt::TextEditorInteraction);
    setTextWidth(180);
}

void NameEditor::start() {
    setFocus(Qt::OtherFocusReason);
    QTextCursor cursor = textCursor();
    cursor.select(QTextCursor::Document);
    setTextCursor(cursor);
}

void NameEditor::keyPressEvent(QKeyEvent *event) {
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
        return finish(true);
    if (event->key() == Qt::Key_Escape)
        return finish(false);
    QGraphicsTextItem::keyPressEvent(event);
}

void NameEditor::focusOutEvent(QFocusEvent *event) {
    QGraphicsTextItem::focusOutEvent(event);
    finish(true);
}

void NameEditor::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) {
    painter->fillRect(boundingRect(), Qt::white);
    painter->setPen(QColor(0xf2, 0x9c, 0x1f));
    painter->drawRect(boundingRect().adjusted(0, 0, -1, -1));
    QGraphicsTextItem::paint(painter, option, widget);
}

void NameEditor::finish(bool accepted) {
    if (mDone)
        return;
    mDone = true;
    emit finished(accepted, toPlainText());
}

} // namespace modeldesk
