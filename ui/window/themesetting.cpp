#include "window/themesetting.h"

#include "document/appearance.h"

#include <QApplication>
#include <QPainter>
#include <QProxyStyle>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOption>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

const QString kSettingsKey = u"view/theme"_s;

// The application's style before any theme was applied: what System goes back to. Its palette is not kept:
// System sets an empty one, so every colour comes from the platform and follows the desktop when it switches
// between light and dark while ModelDesk runs (Qt re-resolves an application palette that pins no colour).
const QString &systemStyle() {
    static const QString style = QApplication::style()->name();
    return style;
}

ThemeSetting::Theme gApplied = ThemeSetting::Theme::System;

// The style named `name`, with one repair: Fusion draws the frame of a check box and a radio button a shade
// darker than the window, which on a dark palette vanishes into the dark box (an unticked card or BOOLEAN
// reads as nothing). On a dark palette the frame is drawn again, between the box's colour and the text's.
class ThemeStyle : public QProxyStyle {
public:
    explicit ThemeStyle(const QString &name)
        : QProxyStyle(QStyleFactory::create(name))
        , mName(name.toLower()) {}
    const QString &baseName() const { return mName; }

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget) const override {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        const bool indicator = element == PE_IndicatorCheckBox || element == PE_IndicatorRadioButton;
        if (!indicator || mName != u"fusion"_s || !appearance::isDark(option->palette))
            return;
        const QColor box = option->palette.color(QPalette::Base);
        const QColor text = option->palette.color(QPalette::Text);
        const double ink = option->state & State_Enabled ? 0.45 : 0.22;
        QColor frame;
        frame.setRgbF(box.redF() + (text.redF() - box.redF()) * ink,
                      box.greenF() + (text.greenF() - box.greenF()) * ink,
                      box.blueF() + (text.blueF() - box.blueF()) * ink);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QPen(frame, 1));
        painter->setBrush(Qt::NoBrush);
        const QRectF r = QRectF(option->rect).adjusted(0.5, 0.5, -1.5, -1.5);
        if (element == PE_IndicatorRadioButton)
            painter->drawEllipse(r);
        else
            painter->drawRoundedRect(r, 1.5, 1.5);
        painter->restore();
    }

private:
    QString mName;
};

void useStyle(const QString &name) {
    const auto *current = dynamic_cast<const ThemeStyle *>(QApplication::style());
    if (!current || current->baseName().compare(name, Qt::CaseInsensitive) != 0)
        QApplication::setStyle(new ThemeStyle(name));
}

struct Colors {
    QColor window, text, base, alternateBase, button, highlight, highlightedText, link, placeholder, light,
        midlight, mid, dark, shadow, toolTipBase, disabledText, disabledBase;
};

QPalette paletteOf(const Colors &c) {
    QPalette p;
    for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        const bool disabled = group == QPalette::Disabled;
        p.setColor(group, QPalette::Window, c.window);
        p.setColor(group, QPalette::WindowText, disabled ? c.disabledText : c.text);
        p.setColor(group, QPalette::Base, disabled ? c.disabledBase : c.base);
        p.setColor(group, QPalette::AlternateBase, c.alternateBase);
        p.setColor(group, QPalette::Text, disabled ? c.disabledText : c.text);
        p.setColor(group, QPalette::Button, c.button);
        p.setColor(group, QPalette::ButtonText, disabled ? c.disabledText : c.text);
        p.setColor(group, QPalette::BrightText, Qt::white);
        p.setColor(group, QPalette::Highlight, disabled ? c.mid : c.highlight);
        p.setColor(group, QPalette::HighlightedText, c.highlightedText);
        p.setColor(group, QPalette::Link, c.link);
        p.setColor(group, QPalette::LinkVisited, c.link);
        p.setColor(group, QPalette::PlaceholderText, c.placeholder);
        p.setColor(group, QPalette::Light, c.light);
        p.setColor(group, QPalette::Midlight, c.midlight);
        p.setColor(group, QPalette::Mid, c.mid);
        p.setColor(group, QPalette::Dark, c.dark);
        p.setColor(group, QPalette::Shadow, c.shadow);
        p.setColor(group, QPalette::ToolTipBase, c.toolTipBase);
        p.setColor(group, QPalette::ToolTipText, c.text);
    }
    return p;
}

} // namespace

ThemeSetting::Theme ThemeSetting::saved() {
    return fromKey(QSettings().value(kSettingsKey).toString()).value_or(Theme::System);
}

void ThemeSetting::save(Theme theme) {
    QSettings().setValue(kSettingsKey, key(theme));
}

void ThemeSetting::apply(Theme theme) {
    const QString &system = systemStyle(); // taken before the first change
    if (theme == gApplied)
        return;
    gApplied = theme;
    switch (theme) {
    case Theme::System:
        useStyle(system);
        QApplication::setPalette(QPalette());
        break;
    case Theme::Light:
        useStyle(u"Fusion"_s);
        QApplication::setPalette(lightPalette());
        break;
    case Theme::Dark:
        useStyle(u"Fusion"_s);
        QApplication::setPalette(darkPalette());
        break;
    }
}

ThemeSetting::Theme ThemeSetting::applied() {
    return gApplied;
}

QString ThemeSetting::key(Theme theme) {
    switch (theme) {
    case Theme::Light:
        return u"light"_s;
    case Theme::Dark:
        return u"dark"_s;
    case Theme::System:
        break;
    }
    return u"system"_s;
}

std::optional<ThemeSetting::Theme> ThemeSetting::fromKey(const QString &key) {
    for (const Theme theme : {Theme::System, Theme::Light, Theme::Dark})
        if (key.compare(ThemeSetting::key(theme), Qt::CaseInsensitive) == 0)
            return theme;
    return std::nullopt;
}

QString ThemeSetting::title(Theme theme) {
    switch (theme) {
    case Theme::Light:
        return tr("&Light");
    case Theme::Dark:
        return tr("&Dark");
    case Theme::System:
        break;
    }
    return tr("&System");
}

// Fusion's light palette, a little cooler, with the canvas's blue as the highlight.
QPalette ThemeSetting::lightPalette() {
    return paletteOf({.window = QColor(0xf2, 0xf3, 0xf5),
                      .text = QColor(0x1f, 0x23, 0x28),
                      .base = Qt::white,
                      .alternateBase = QColor(0xf5, 0xf7, 0xfa),
                      .button = QColor(0xf2, 0xf3, 0xf5),
                      .highlight = QColor(0x2f, 0x6f, 0xb3),
                      .highlightedText = Qt::white,
                      .link = QColor(0x1f, 0x5f, 0xa8),
                      .placeholder = QColor(0x8a, 0x91, 0x99),
                      .light = Qt::white,
                      .midlight = QColor(0xe4, 0xe6, 0xea),
                      .mid = QColor(0xb9, 0xbe, 0xc5),
                      .dark = QColor(0x9a, 0xa0, 0xa8),
                      .shadow = QColor(0x5f, 0x64, 0x6b),
                      .toolTipBase = QColor(0xff, 0xfd, 0xe8),
                      .disabledText = QColor(0xa2, 0xa7, 0xae),
                      .disabledBase = QColor(0xf2, 0xf3, 0xf5)});
}

// A dark grey (not black) window, darker fields, light grey text (over 10:1 on both).
QPalette ThemeSetting::darkPalette() {
    return paletteOf({.window = QColor(0x2b, 0x2d, 0x31),
                      .text = QColor(0xe4, 0xe6, 0xea),
                      .base = QColor(0x1e, 0x1f, 0x22),
                      .alternateBase = QColor(0x25, 0x27, 0x2a),
                      .button = QColor(0x36, 0x39, 0x3e),
                      .highlight = QColor(0x3a, 0x78, 0xc4),
                      .highlightedText = Qt::white,
                      .link = QColor(0x7a, 0xb2, 0xf0),
                      .placeholder = QColor(0x86, 0x8c, 0x94),
                      .light = QColor(0x4a, 0x4e, 0x54),
                      .midlight = QColor(0x3e, 0x41, 0x46),
                      .mid = QColor(0x22, 0x24, 0x27),
                      .dark = QColor(0x18, 0x19, 0x1b),
                      .shadow = QColor(0x0c, 0x0c, 0x0d),
                      .toolTipBase = QColor(0x36, 0x39, 0x3e),
                      .disabledText = QColor(0x74, 0x79, 0x80),
                      .disabledBase = QColor(0x26, 0x28, 0x2b)});
}

} // namespace modeldesk
