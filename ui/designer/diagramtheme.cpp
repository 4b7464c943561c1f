#include "designer/diagramtheme.h"

#include "document/appearance.h"

namespace modeldesk {

namespace {
const DiagramTheme *gOverride = nullptr;
} // namespace

const DiagramTheme &DiagramTheme::light() {
    static const DiagramTheme theme{
        .canvas = QColor(0xf6, 0xf7, 0xf9),
        .grid = QColor(0xe3, 0xe6, 0xea),
        .boxFill = Qt::white,
        .boxBorder = QColor(0x9a, 0xa5, 0xb1),
        .header = QColor(0x2f, 0x6f, 0xb3),
        .headerError = QColor(0xb3, 0x3a, 0x3a),
        .headerText = Qt::white,
        .headerSubText = QColor(0xdd, 0xe8, 0xf5),
        .selection = QColor(0xf2, 0x9c, 0x1f),
        .rowText = QColor(0x20, 0x25, 0x2b),
        .typeText = QColor(0x6b, 0x75, 0x80),
        .impliedText = QColor(0x9a, 0xa1, 0xa8),
        .primaryKey = QColor(0xb0, 0x7d, 0x00),
        .foreignKey = QColor(0x7b, 0x4f, 0xb5),
        .unique = QColor(0x1c, 0x8a, 0x7a),
        .line = QColor(0x5a, 0x64, 0x70),
        .lineError = QColor(0xb3, 0x3a, 0x3a),
        .labelFill = QColor(0xff, 0xff, 0xff, 235),
        .editorFill = Qt::white,
        .refusal = QColor(0xb0, 0x1f, 0x1f),
        .refusalFill = QColor(0xff, 0xf4, 0xf2),
    };
    return theme;
}

// The same hues, lifted for a dark canvas: boxes a step lighter than the canvas, text light, the header
// blue a little deeper so its white text keeps its contrast.
const DiagramTheme &DiagramTheme::dark() {
    static const DiagramTheme theme{
        .canvas = QColor(0x1c, 0x1d, 0x20),
        .grid = QColor(0x29, 0x2b, 0x2f),
        .boxFill = QColor(0x2b, 0x2e, 0x33),
        .boxBorder = QColor(0x4d, 0x53, 0x5b),
        .header = QColor(0x2a, 0x62, 0xa3),
        .headerError = QColor(0xa8, 0x3a, 0x3a),
        .headerText = Qt::white,
        .headerSubText = QColor(0xc8, 0xd9, 0xee),
        .selection = QColor(0xf5, 0xa6, 0x3a),
        .rowText = QColor(0xe2, 0xe5, 0xe9),
        .typeText = QColor(0x9d, 0xa6, 0xb0),
        .impliedText = QColor(0x7a, 0x83, 0x8d),
        .primaryKey = QColor(0xe3, 0xb3, 0x41),
        .foreignKey = QColor(0xb8, 0x9c, 0xf0),
        .unique = QColor(0x4f, 0xc9, 0xb3),
        .line = QColor(0x94, 0x9e, 0xaa),
        .lineError = QColor(0xe8, 0x7a, 0x72),
        .labelFill = QColor(0x26, 0x28, 0x2c, 235),
        .editorFill = QColor(0x1e, 0x1f, 0x22),
        .refusal = QColor(0xff, 0x8a, 0x80),
        .refusalFill = QColor(0x3d, 0x24, 0x24),
    };
    return theme;
}

const DiagramTheme &DiagramTheme::current() {
    if (gOverride)
        return *gOverride;
    return appearance::isDark() ? dark() : light();
}

DiagramTheme::PaperScope::PaperScope()
    : mPrevious(gOverride) {
    gOverride = &light();
}

DiagramTheme::PaperScope::~PaperScope() {
    gOverride = mPrevious;
}

} // namespace modeldesk
