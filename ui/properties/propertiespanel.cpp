#include "properties/propertiespanel.h"

#include "designer/diagramscene.h"
#include "designer/linkitem.h"
#include "document/document.h"
#include "properties/linkeditor.h"
#include "properties/modeleditor.h"

#include <QLabel>
#include <QScrollArea>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

QLabel *makePage(const QString &objectName, QWidget *parent) {
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setMargin(16);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

PropertiesPanel::PropertiesPanel(Document *document, DiagramScene *scene, QWidget *parent)
    : QStackedWidget(parent)
    , mDocument(document)
    , mScene(scene)
    , mEmptyPage(makePage(u"emptyPage"_s, this))
    , mSummaryPage(makePage(u"summaryPage"_s, this))
    , mModelEditor(new ModelEditor(document, this))
    , mLinkEditor(new LinkEditor(document, this))
    , mModelPage(wrap(mModelEditor))
    , mLinkPage(wrap(mLinkEditor)) {
    setObjectName(u"propertiesPanel"_s);
    mEmptyPage->setText(tr("Select a model or a link to edit it."));
    addWidget(mEmptyPage);
    addWidget(mModelPage);
    addWidget(mLinkPage);
    addWidget(mSummaryPage);
    setCurrentWidget(mEmptyPage);

    mEmptyCheck.setSingleShot(true);
    mEmptyCheck.setInterval(0);
    connect(&mEmptyCheck, &QTimer::timeout, this, &PropertiesPanel::showEmptyIfNothingSelected);
    connect(scene, &QGraphicsScene::selectionChanged, this, &PropertiesPanel::showSelection);
    // Every mutator emits schemaChanged after its specific signal, by which time the scene has updated its
    // items (and the selection) for the change.
    connect(document, &Document::schemaChanged, this, &PropertiesPanel::showSelection);
    connect(mLinkEditor, &LinkEditor::linkEdited, this, &PropertiesPanel::followEditedLink);
    showSelection();
}

QScrollArea *PropertiesPanel::wrap(QWidget *editor) {
    auto *area = new QScrollArea(this);
    // Never squeezed below its natural height (rows overlapped when a message appeared): it scrolls instead.
    editor->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    area->setWidget(editor);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return area;
}

void PropertiesPanel::showSelection() {
    const QStringList models = mScene->selectedModelNames();
    const QList<int> links = mScene->selectedLinkIndices();
    if (models.isEmpty() && links.isEmpty()) {
        mEmptyCheck.start();
        return;
    }
    if (links.size() != 1 || !models.isEmpty())
        mLinkEditor->setLinks(-1, -1); // coming back to a link edge starts with its main link again
    if (models.size() == 1 && links.isEmpty()) {
        mModelEditor->setModel(models.first());
        setCurrentWidget(mModelPage);
    } else if (models.isEmpty() && links.size() == 1) {
        const LinkItem *item = mScene->linkItemFor(links.first());
        mLinkEditor->setLinks(links.first(), item ? item->inverseIndex() : -1);
        setCurrentWidget(mLinkPage);
    } else {
        QStringList parts;
        if (!models.isEmpty())
            parts << (models.size() == 1 ? tr("1 model") : tr("%1 models").arg(models.size()));
        if (!links.isEmpty())
            parts << (links.size() == 1 ? tr("1 link") : tr("%1 links").arg(links.size()));
        QStringList sortedModels = models;
        sortedModels.sort(Qt::CaseInsensitive);
        QString text = tr("%1 selected.").arg(parts.join(tr(" and ")));
        if (!sortedModels.isEmpty())
            text += u"\n\n"_s + sortedModels.join(u", "_s);
        text += u"\n\n"_s + tr("Select a single model or link to edit it.");
        mSummaryPage->setText(text);
        setCurrentWidget(mSummaryPage);
    }
}

void PropertiesPanel::showEmptyIfNothingSelected() {
    if (!mScene->selectedItems().isEmpty())
        return;
    mLinkEditor->setLinks(-1, -1);
    setCurrentWidget(mEmptyPage);
}

void PropertiesPanel::followEditedLink(int index) {
    // An edit can re-pair edges on the canvas (a belongsTo that now mirrors a hasOne joins its edge);
    // keep the edited link selected so that the editor stays on it.
    LinkItem *item = mScene->linkItemFor(index);
    if (item && !item->isSelected()) {
        mScene->selectLink(index);
        return; // selectionChanged re-syncs
    }
    showSelection();
}

} // namespace modeldesk
