#pragma once

#include <QGroupBox>

namespace modeldesk {

// A part of the entry form that reads as a card: a light rounded frame on the window, with a header line of
// its title (bold) and a muted subtitle (what kind of link it is, whether it is saved), instead of a group
// box's grey frame, so that cards inside cards stay light. Still a QGroupBox: a checkable card ticks and
// unticks as one would, and its title hit-tests where the style puts it.
class Card : public QGroupBox {
    Q_OBJECT

public:
    explicit Card(const QString &title = {}, QWidget *parent = nullptr);

    QString subtitle() const { return mSubtitle; }
    void setSubtitle(const QString &subtitle);

protected:
    void paintEvent(QPaintEvent *event) override;
    // The title and check box are drawn kInset further in than the style puts them: clicks on the header
    // reach the group box where the style expects them.
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    static constexpr int kInset = 10;
    // `event` moved back by kInset when it is on the header line.
    bool forwardShifted(QMouseEvent *event);

    QString mSubtitle;
};

} // namespace modeldesk
