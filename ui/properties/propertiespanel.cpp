#include "propertiespanel.h"

#include "designer/diagramscene.h"
#include "document.h"

#include <QLabel>

namespace modeldesk {

PropertiesPanel::PropertiesPanel(Document *document, DiagramScene *scene, QWidget *parent)
    : QStackedWidget(parent)
    , mDocument(document)
    , mScene(scene) {
    auto *empty = new QLabel(tr("Select a model or a link to edit it."), this);
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    addWidget(empty);
    connect(scene, &QGraphicsScene::selectionChanged, this, &PropertiesPanel::showSelection);
}

void PropertiesPanel::showSelection() {
    setCurrentIndex(0);
}

} // namespace modeldesk
