#include "data/card.h"

#include "document/appearance.h"

#include <QMouseEvent>
#include <QPainter>
#include <QStyle>
#include <QStyleOptionGroupBox>

namespace modeldesk {

Card::Card(const QString &title, QWidget *parent)
    : QGroupBox(title, parent) {
}

void Card::setSubtitle(const QString &subtitle) {
    if (mSubtitle == subtitle)
        return;
    mSubtitle = subtitle;
    update();
}

void Card::paintEvent(QPaintEvent *) {
    QPainter painter(this);
    QStyleOptionGroupBox option;
    initStyleOption(&option);
    const QPalette &pal = palette();
    QStyle *style = this->style();
    const QRect label = style->subControlRect(QStyle::CC_GroupBox, &option, QStyle::SC_GroupBoxLabel, this)
                            .translated(isFlat() ? 0 : kInset, 0);
    const QRect check = style->subControlRect(QStyle::CC_GroupBox, &option, QStyle::SC_GroupBoxCheckBox, this)
                            .translated(isFlat() ? 0 : kInset, 0);
    const bool titled = !title().isEmpty() || isCheckable();
    if (!isFlat()) {
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(appearance::cardBorder(pal));
        painter.setBrush(appearance::cardFill(pal));
        painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
        if (titled) { // the header line
            const double y = std::max(label.bottom(), check.bottom()) + 4.5;
            painter.setRenderHint(QPainter::Antialiasing, false);
            painter.drawLine(QPointF(1, y), QPointF(width() - 2, y));
        }
    }
    if (isCheckable()) {
        QStyleOptionButton box;
        box.QStyleOption::operator=(option);
        box.rect = check;
        style->drawPrimitive(QStyle::PE_IndicatorCheckBox, &box, &painter, this);
    }
    if (!titled)
        return;
    // The title where the style puts its label (a click there ticks a checkable card), in bold, then the
    // subtitle in the muted colour.
    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.setPen(pal.color(isEnabled() ? QPalette::Active : QPalette::Disabled, QPalette::WindowText));
    const int right = width() - kInset;
    QRect text(label.left(), label.top(), std::max(0, right - label.left()), label.height());
    const QString title = QFontMetrics(bold).elidedText(this->title(), Qt::ElideRight, text.width());
    painter.drawText(text, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextHideMnemonic, title);
    if (mSubtitle.isEmpty())
        return;
    text.setLeft(text.left() + QFontMetrics(bold).horizontalAdvance(title) + 10);
    if (text.width() <= 0)
        return;
    painter.setFont(font());
    painter.setPen(appearance::toneColor(appearance::Tone::Muted, pal));
    painter.drawText(text, Qt::AlignLeft | Qt::AlignVCenter,
                     fontMetrics().elidedText(mSubtitle, Qt::ElideRight, text.width()));
}

bool Card::forwardShifted(QMouseEvent *event) {
    QStyleOptionGroupBox option;
    initStyleOption(&option);
    const QRect header = style()
                             ->subControlRect(QStyle::CC_GroupBox, &option, QStyle::SC_GroupBoxLabel, this)
                             .adjusted(0, -4, 0, 4);
    if (isFlat() || event->position().y() > header.bottom())
        return false;
    QMouseEvent shifted(event->type(), event->position() - QPointF(kInset, 0), event->scenePosition(),
                        event->globalPosition(), event->button(), event->buttons(), event->modifiers(),
                        event->pointingDevice());
    switch (event->type()) {
    case QEvent::MouseButtonPress:
        QGroupBox::mousePressEvent(&shifted);
        break;
    case QEvent::MouseMove:
        QGroupBox::mouseMoveEvent(&shifted);
        break;
    default:
        QGroupBox::mouseReleaseEvent(&shifted);
        break;
    }
    event->setAccepted(shifted.isAccepted());
    return true;
}

void Card::mousePressEvent(QMouseEvent *event) {
    if (!forwardShifted(event))
        QGroupBox::mousePressEvent(event);
}

void Card::mouseMoveEvent(QMouseEvent *event) {
    if (!forwardShifted(event))
        QGroupBox::mouseMoveEvent(event);
}

void Card::mouseReleaseEvent(QMouseEvent *event) {
    if (!forwardShifted(event))
        QGroupBox::mouseReleaseEvent(event);
}

} // namespace modeldesk
