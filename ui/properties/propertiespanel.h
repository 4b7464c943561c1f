#pragma once

#include <QStackedWidget>

namespace modeldesk {

class DiagramScene;
class Document;

// Edits the canvas selection: a model (name, table, options, fields) or a link (kind, alias, keys, actions).
// Every change is pushed as an undo command on the document.
class PropertiesPanel : public QStackedWidget {
    Q_OBJECT

public:
    PropertiesPanel(Document *document, DiagramScene *scene, QWidget *parent = nullptr);

private:
    void showSelection();

    Document *mDocument;
    DiagramScene *mScene;
};

} // namespace modeldesk
