#include "window/imageexportactions.h"

#include "designer/diagramscene.h"
#include "document/appearance.h"
#include "document/document.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>

namespace modeldesk {

using namespace Qt::StringLiterals;

ImageExportActions::ImageExportActions(QMenu *menu, DiagramScene *scene, QWidget *window)
    : QObject(menu)
    , mScene(scene)
    , mWindow(window) {
    menu->addSeparator();
    for (const DiagramImage::FormatInfo &info : DiagramImage::formats()) {
        QAction *a =
            menu->addAction(tr("Diagram as %1…").arg(info.name.toUpper()), this,
                            [this, format = info.format] { run(format, DiagramImage::Scope::Everything); });
        a->setObjectName(u"actionExportImage_"_s + info.name);
        a->setIcon(appearance::icon(u"image-x-generic"_s));
        a->setStatusTip(info.description);
    }
    for (const DiagramImage::FormatInfo &info : DiagramImage::formats()) {
        QAction *a =
            menu->addAction(tr("Selection as %1…").arg(info.name.toUpper()), this,
                            [this, format = info.format] { run(format, DiagramImage::Scope::Selection); });
        a->setObjectName(u"actionExportSelection_"_s + info.name);
        a->setIcon(appearance::icon(u"image-x-generic"_s));
        a->setStatusTip(tr("The selected models and the links between them"));
        mSelectionActions.append(a);
    }
    connect(mScene, &QGraphicsScene::selectionChanged, this, &ImageExportActions::updateSelectionActions);
    updateSelectionActions();
}

bool ImageExportActions::exportTo(DiagramImage::Format format, DiagramImage::Scope scope, const QString &path,
                                  QString *error) {
    return DiagramImage::write(mScene, format, scope, path, error);
}

void ImageExportActions::run(DiagramImage::Format format, DiagramImage::Scope scope) {
    const DiagramImage::FormatInfo &info = DiagramImage::info(format);
    QString base = mScene->document()->fileBaseName();
    if (scope == DiagramImage::Scope::Selection)
        base += tr("-selection");
    const QString path = QFileDialog::getSaveFileName(mWindow, tr("Export %1").arg(info.description),
                                                      base + u'.' + info.extension, info.fileFilter);
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(format, scope, path, &error)) {
        QMessageBox::warning(mWindow, tr("Export Failed"), error);
        return;
    }
    emit exported(QDir::toNativeSeparators(path));
}

void ImageExportActions::updateSelectionActions() {
    const bool any = !mScene->selectedItems().isEmpty();
    for (QAction *a : std::as_const(mSelectionActions))
        a->setEnabled(any);
}

} // namespace modeldesk
