#pragma once

#include <QColor>

namespace modeldesk {

// The canvas's colours: the grid, the boxes, the links and their labels, the inline name editor. Whatever
// paints on the canvas takes its colours from current(), which follows the application's palette (light or
// dark, see window/themesetting); images are drawn for paper, so while a PaperScope lives current() is the
// light set whatever the palette.
struct DiagramTheme {
    QColor canvas; // behind the grid
    QColor grid;
    QColor boxFill;
    QColor boxBorder;
    QColor header; // a box's header band, and a far-out tile
    QColor headerError;
    QColor headerText;
    QColor headerSubText; // "table customers"
    QColor selection;     // selected boxes and links, the link being drawn, the name editor's frame
    QColor rowText;
    QColor typeText;
    QColor impliedText; // columns Sequelize adds by itself
    QColor primaryKey;
    QColor foreignKey;
    QColor unique;
    QColor line;
    QColor lineError;
    QColor labelFill; // behind a link's label
    QColor editorFill;
    QColor refusal; // a refused name: its text and frame
    QColor refusalFill;

    static const DiagramTheme &light();
    static const DiagramTheme &dark();
    // light() or dark(), after the application's palette (or light() inside a PaperScope).
    static const DiagramTheme &current();

    // For its lifetime current() is light(): diagram images are white paper also in the dark theme.
    class PaperScope {
    public:
        PaperScope();
        ~PaperScope();
        PaperScope(const PaperScope &) = delete;
        PaperScope &operator=(const PaperScope &) = delete;

    private:
        const DiagramTheme *mPrevious;
    };
};

} // namespace modeldesk
