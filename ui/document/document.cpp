#include "document/document.h"

#include "project/projectfile.h"

#include <QFileInfo>

namespace modeldesk {

using namespace Qt::StringLiterals;

Document::Document(QObject *parent)
    : QObject(parent) {
    connect(&mUndoStack, &QUndoStack::cleanChanged, this,
            [this](bool) { emit modifiedChanged(isModified()); });
}

QString Document::displayName() const {
    if (!mFilePath.isEmpty())
        return QFileInfo(mFilePath).fileName();
    return mDisplayName.isEmpty() ? tr("Untitled") : mDisplayName;
}

const ResolvedSchema &Document::resolved() const {
    if (!mResolved)
        mResolved = SchemaResolver::resolve(mProject.schema);
    return *mResolved;
}

void Document::reset(const Project &project, const QString &filePath, const QString &displayName) {
    mProject = project;
    schemaEdited();
    mFilePath = filePath;
    mDisplayName = displayName;
    mUndoStack.clear();
    mUndoStack.setClean();
    mModifiedWithoutUndo = false;
    emit resetDone();
    emit schemaChanged();
    emit filePathChanged(mFilePath);
    emit modifiedChanged(false);
}

bool Document::save(const QString &path, QString *error) {
    const QString target = path.isEmpty() ? mFilePath : path;
    if (!ProjectFile::save(target, mProject, error))
        return false;
    mFilePath = target;
    mModifiedWithoutUndo = false;
    mUndoStack.setClean();
    emit filePathChanged(mFilePath);
    emit modifiedChanged(false);
    return true;
}

void Document::markModified() {
    if (mModifiedWithoutUndo)
        return;
    const bool was = isModified();
    mModifiedWithoutUndo = true;
    if (!was)
        emit modifiedChanged(true);
}

void Document::insertModel(int index, const Model &model, const QPointF &position) {
    mProject.schema.models.insert(index, model);
    schemaEdited();
    mProject.layout.positions.insert(model.name, position);
    emit modelInserted(index);
    emit schemaChanged();
}

void Document::removeModel(int index) {
    const QString name = mProject.schema.models.at(index).name;
    mProject.schema.models.removeAt(index);
    schemaEdited();
    // Another model may carry the same (invalid, duplicate) name; keep its position then.
    if (mProject.schema.modelIndex(name) < 0)
        mProject.layout.positions.remove(name);
    emit modelRemoved(name);
    emit schemaChanged();
}

void Document::replaceModel(int index, const Model &model) {
    Q_ASSERT(mProject.schema.models.at(index).name == model.name);
    mProject.schema.models[index] = model;
    schemaEdited();
    emit modelChanged(index);
    emit schemaChanged();
}

void Document::renameModel(const QString &oldName, const QString &newName) {
    Model *model = mProject.schema.model(oldName);
    if (!model)
        return;
    model->name = newName;
    schemaEdited();
    // Links and the layout refer to models by name; they follow the rename.
    for (Link &link : mProject.schema.links) {
        if (link.source == oldName)
            link.source = newName;
        if (link.target == oldName)
            link.target = newName;
        if (link.through == oldName)
            link.through = newName;
    }
    if (mProject.layout.positions.contains(oldName))
        mProject.layout.positions.insert(newName, mProject.layout.positions.take(oldName));
    emit modelRenamed(oldName, newName);
    emit linksChanged();
    emit schemaChanged();
}

void Document::insertLink(int index, const Link &link) {
    mProject.schema.links.insert(index, link);
    schemaEdited();
    emit linksChanged();
    emit schemaChanged();
}

void Document::removeLink(int index) {
    mProject.schema.links.removeAt(index);
    schemaEdited();
    emit linksChanged();
    emit schemaChanged();
}

void Document::replaceLink(int index, const Link &link) {
    mProject.schema.links[index] = link;
    schemaEdited();
    emit linksChanged();
    emit schemaChanged();
}

void Document::setPosition(const QString &modelName, const QPointF &position) {
    mProject.layout.positions.insert(modelName, position);
    emit positionChanged(modelName, position);
}

void Document::setView(double zoom, const QPointF &center) {
    // The view is saved with the file but is not an edit: no undo step, and it does not mark the file
    // modified.
    mProject.layout.zoom = zoom;
    mProject.layout.center = center;
}

QString Document::uniqueModelName(const QString &stem) const {
    if (!mProject.schema.model(stem))
        return stem;
    for (int i = 2;; ++i) {
        const QString candidate = stem + QString::number(i);
        if (!mProject.schema.model(candidate))
            return candidate;
    }
}

} // namespace modeldesk
