#pragma once

// Answers the next modal dialog of a widget test: a QMessageBox's question, a file dialog, a window's own
// dialog opened by a menu action.

#include <QApplication>
#include <QTimer>

namespace modeldesk::test {

// Runs `act` on the next modal dialog of type T as soon as it shows up (exec() has started).
template <typename T, typename Act> void whenModal(Act act) {
    auto *timer = new QTimer;
    QObject::connect(timer, &QTimer::timeout, timer, [timer, act] {
        if (auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget())) {
            timer->stop();
            timer->deleteLater();
            act(dialog);
        }
    });
    timer->start(20);
}

} // namespace modeldesk::test
