#include "designer/nameeditor.h"

#include "designer/diagramtheme.h"

#include <QBrush>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsView>
#include <QKeyEvent>
#include <QPainter>
#include <QPen>
#include <QTextCursor>

namespace modeldesk {

NameEditor::NameEditor(const QString &text)
    : QGraphicsTextItem(text) {
    QFont f = font();
    f.setPointSizeF(10.5);
    f.setBold(true);
    setFont(f);
    setDefaultTextColor(DiagramTheme::current().rowText);
    setTextInteractionFlags(Qt::TextEditorInteraction);
    setTextWidth(180);
}

void NameEditor::start() {
    setFocus(Qt::OtherFocusReason);
    selectAll();
}

void NameEditor::selectAll() {
    QTextCursor cursor = textCursor();
    cursor.select(QTextCursor::Document);
    setTextCursor(cursor);
}

QString NameEditor::refusal() const {
    return mMessageCard && mMessageCard->isVisible() ? mMessage->text() : QString();
}

void NameEditor::keyPressEvent(QKeyEvent *event) {
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        const QString message = mCheck ? mCheck(toPlainText().trimmed()) : QString();
        if (message.isEmpty())
            return finish(true);
        if (!mMessage) {
            // On a white card of its own below the editor, readable over the box and the grid.
            mMessageCard = new QGraphicsRectItem(this);
            const DiagramTheme &theme = DiagramTheme::current();
            mMessageCard->setBrush(theme.refusalFill);
            mMessageCard->setPen(QPen(theme.refusal, 1));
            mMessage = new QGraphicsSimpleTextItem(mMessageCard);
            mMessage->setBrush(theme.refusal);
            QFont small = font();
            small.setBold(false);
            small.setPointSizeF(9);
            mMessage->setFont(small);
        }
        mMessage->setText(message);
        const QRectF text = mMessage->boundingRect();
        mMessage->setPos(6, 4);
        mMessageCard->setRect(0, 0, text.width() + 12, text.height() + 8);
        mMessageCard->setPos(0, boundingRect().height() + 2);
        mMessageCard->show();
        if (QGraphicsScene *canvas = scene())
            for (QGraphicsView *view : canvas->views())
                view->ensureVisible(mMessageCard->sceneBoundingRect());
        update();
        return selectAll();
    }
    if (event->key() == Qt::Key_Escape)
        return finish(false);
    if (mMessageCard)
        mMessageCard->hide();
    QGraphicsTextItem::keyPressEvent(event);
}

void NameEditor::focusOutEvent(QFocusEvent *event) {
    QGraphicsTextItem::focusOutEvent(event);
    const QString message = mCheck ? mCheck(toPlainText().trimmed()) : QString();
    if (message.isEmpty())
        return finish(true);
    if (!mDone)
        emit refused(message);
    finish(false);
}

void NameEditor::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) {
    const DiagramTheme &theme = DiagramTheme::current();
    painter->fillRect(boundingRect(), theme.editorFill);
    painter->setPen(refusal().isEmpty() ? theme.selection : theme.refusal);
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
