#pragma once

#include "designer/diagramimage.h"

#include <QList>
#include <QObject>

class QAction;
class QMenu;
class QWidget;

namespace modeldesk {

class DiagramScene;

// File ▸ Export's pictures of the diagram: PNG, SVG and PDF of the whole diagram, and of the selection
// (enabled while something is selected). Asks where to write, shows failures in a message box and reports
// success through exported(), like the other exports.
class ImageExportActions : public QObject {
    Q_OBJECT

public:
    // Appends the actions to `menu`; `window` parents the dialogs.
    ImageExportActions(QMenu *menu, DiagramScene *scene, QWidget *window);

    // Writes without asking (the actions after their dialog, and tests). Returns false with *error set.
    bool exportTo(DiagramImage::Format format, DiagramImage::Scope scope, const QString &path,
                  QString *error);

signals:
    void exported(const QString &target);

private:
    void run(DiagramImage::Format format, DiagramImage::Scope scope);
    void updateSelectionActions();

    DiagramScene *mScene;
    QWidget *mWindow;
    QList<QAction *> mSelectionActions;
};

} // namespace modeldesk
