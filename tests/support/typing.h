#pragma once

// Typing into a line edit as a user would, shared by the widget tests.
#include <QLineEdit>
#include <QTest>

namespace modeldesk::test {

// Replaces the text of a line edit as a user would (select all, type) and presses Return.
inline void typeAndReturn(QLineEdit *edit, const QString &text) {
    edit->setFocus(Qt::MouseFocusReason);
    edit->selectAll();
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Backspace);
    else
        QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

} // namespace modeldesk::test
