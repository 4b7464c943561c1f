#pragma once

#include <QColor>
#include <QIcon>
#include <QPalette>
#include <QString>

// How the widgets look, shared by every ui folder: the bundled icon set and the few colours a palette has no
// role for (an error, a success, a card). Everything here follows the application's palette, so the same
// widgets read in the light and the dark theme (window/themesetting applies those).
namespace modeldesk::appearance {

// Whether `palette` is a dark one: light text on a dark window.
bool isDark(const QPalette &palette);
// The application's palette.
bool isDark();

// An icon of the bundled set, resources/icons/NAME.svg: a line drawing in the palette's text colour (the
// disabled text colour when disabled), so it reads in light and dark. A platform icon theme that has NAME
// (the freedesktop names: document-save, edit-undo, go-next…) supplies its own instead; the names starting
// with "modeldesk-" are ours alone.
QIcon icon(const QString &name);

// Text that says how something went, readable on the palette's window and base colours.
enum class Tone {
    Error,   // a refused value, a failed save
    Success, // saved, deleted, restored
    Notice,  // unsaved input: the record navigator's "Modified"
    Muted    // secondary text: a record's key, a section's kind
};
QColor toneColor(Tone tone, const QPalette &palette);
// "color: #rrggbb;" of toneColor, for the style sheets of labels.
QString toneStyle(Tone tone, const QPalette &palette);

// A grid cell with a problem: a tint of the error colour that keeps the cell's text readable.
QColor problemBackground(const QPalette &palette);

// A card of the entry form (a record's section, a grid of linked records): a light frame on the window.
QColor cardFill(const QPalette &palette);
QColor cardBorder(const QPalette &palette);

} // namespace modeldesk::appearance
