#pragma once

#include <QStackedWidget>
#include <QTimer>

class QLabel;
class QScrollArea;

namespace modeldesk {

class DiagramScene;
class Document;
class LinkEditor;
class ModelEditor;

// Edits the canvas selection: a model (name, table, options, fields) or a link (kind, alias, keys, actions);
// several selected items get a short summary. The editors push undo commands on the document and re-sync
// in place when it changes (undo/redo, canvas edits), so the editor the user is typing in keeps its focus.
class PropertiesPanel : public QStackedWidget {
    Q_OBJECT

public:
    PropertiesPanel(Document *document, DiagramScene *scene, QWidget *parent = nullptr);

    ModelEditor *modelEditor() const { return mModelEditor; }
    LinkEditor *linkEditor() const { return mLinkEditor; }

private:
    void showSelection();
    void showEmptyIfNothingSelected();
    void followEditedLink(int index);
    QScrollArea *wrap(QWidget *editor);

    Document *mDocument;
    DiagramScene *mScene;
    QLabel *mEmptyPage;
    QLabel *mSummaryPage;
    ModelEditor *mModelEditor;
    LinkEditor *mLinkEditor;
    QScrollArea *mModelPage;
    QScrollArea *mLinkPage;
    // The canvas briefly drops its selection while it rebuilds link edges; the empty page waits for the
    // event loop so that the editor in use is not hidden (and does not lose focus) in between.
    QTimer mEmptyCheck;
};

} // namespace modeldesk
