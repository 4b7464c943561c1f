#pragma once

#include <QObject>

class QWidget;

namespace modeldesk {

// Ctrl+Z and Ctrl+Shift+Z in the line edits of a part of the window that edits the design (Properties): a
// line edit undoes its own
// typing while it has some not yet applied, and otherwise the shortcut goes on to the window's Undo/Redo,
// which undo the last edit of the document. Without this a focused line edit swallows the shortcut and
// nothing happens.
class UndoShortcuts : public QObject {
    Q_OBJECT

public:
    // Watches the line edits inside `scope` (installed on the application, removed with `scope`).
    explicit UndoShortcuts(QWidget *scope);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *mScope;
};

} // namespace modeldesk
