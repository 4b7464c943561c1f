#include "window/undoshortcuts.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLineEdit>

namespace modeldesk {

UndoShortcuts::UndoShortcuts(QWidget *scope)
    : QObject(scope)
    , mScope(scope) {
    qApp->installEventFilter(this);
}

bool UndoShortcuts::eventFilter(QObject *watched, QEvent *event) {
    if (event->type() != QEvent::ShortcutOverride)
        return false;
    auto *edit = qobject_cast<QLineEdit *>(watched);
    if (!edit || !mScope->isAncestorOf(edit))
        return false;
    auto *key = static_cast<QKeyEvent *>(event);
    const bool undo = key->matches(QKeySequence::Undo);
    const bool redo = key->matches(QKeySequence::Redo);
    // Text typed and not yet applied is the line edit's to undo; once applied (the editors clear `modified`)
    // the edit is on the document's stack.
    const bool typing = edit->isModified();
    if ((undo && !(typing && edit->isUndoAvailable())) || (redo && !(typing && edit->isRedoAvailable()))) {
        event->ignore(); // not the line edit's: the window's shortcut takes it
        return true;
    }
    return false;
}

} // namespace modeldesk
