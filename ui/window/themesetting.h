#pragma once

#include <QCoreApplication>
#include <QPalette>
#include <QString>
#include <optional>

namespace modeldesk {

// View ▸ Theme: the platform's look (System), or the Fusion style with a light or a dark palette. The choice
// is kept in QSettings and applied to the whole application; the widgets follow the palette (icons, the
// canvas's colours, the form's cards: document/appearance, designer/diagramtheme).
class ThemeSetting {
    Q_DECLARE_TR_FUNCTIONS(ThemeSetting)
public:
    enum class Theme { System, Light, Dark };

    // The saved choice (System when none was saved).
    static Theme saved();
    static void save(Theme theme);
    // Applies `theme` to the application (a no-op when it is the one applied already).
    static void apply(Theme theme);
    static Theme applied();

    // "system", "light", "dark": in the settings and for --theme.
    static QString key(Theme theme);
    static std::optional<Theme> fromKey(const QString &key);
    // The menu entry's text.
    static QString title(Theme theme);

    static QPalette lightPalette();
    static QPalette darkPalette();
};

} // namespace modeldesk
