#include "window/themesetting.h"

#include <QApplication>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

const QString kSettingsKey = u"view/theme"_s;

// The application's look before any theme was applied: what System goes back to.
struct SystemLook {
    QString style;
    QPalette palette;
};

const SystemLook &systemLook() {
    static const SystemLook look{QApplication::style()->name(), QApplication::palette()};
    return look;
}

ThemeSetting::Theme gApplied = ThemeSetting::Theme::System;

void useStyle(const QString &name) {
    if (QApplication::style()->name().compare(name, Qt::CaseInsensitive) != 0)
        QApplication::setStyle(QStyleFactory::create(name));
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
    const SystemLook &system = systemLook(); // taken before the first change
    if (theme == gApplied)
        return;
    gApplied = theme;
    switch (theme) {
    case Theme::System:
        useStyle(system.style);
        QApplication::setPalette(system.palette);
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
