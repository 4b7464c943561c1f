#include "document/document.h"

#include "editing/namecheck.h"
#include "project/projectfile.h"
#include "schema/schemaids.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

SchemaTouch modelTouch(const Model &model) {
    SchemaTouch touch;
    touch.models.insert(model.name);
    touch.tableNames.insert(model.effectiveTableName());
    return touch;
}

SchemaTouch linkTouch(const Link &link) {
    SchemaTouch touch;
    touch.addLink(link);
    return touch;
}

} // namespace

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

QString Document::fileBaseName() const {
    if (!mFilePath.isEmpty())
        return QFileInfo(mFilePath).completeBaseName();
    QString name = displayName().toLower();
    name.replace(QRegularExpression(u"[^\\w.-]+"_s, QRegularExpression::UseUnicodePropertiesOption), u"-"_s);
    return name;
}

const ResolvedSchema &Document::resolved() const {
    if (!mResolved)
        mResolved = SchemaResolver::resolve(mProject.schema);
    return *mResolved;
}

void Document::reset(const Project &project, const QString &filePath, const QString &displayName) {
    mProject = project;
    // Every element of an open design has an id (an imported or generated one may come without).
    SchemaIds::assignMissing(mProject.schema);
    mTableNames.reset(mProject.schema.models);
    schemaEdited(SchemaTouch{{}, {}, true});
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
    mTableNames.add(model);
    schemaEdited(modelTouch(model));
    mProject.layout.positions.insert(model.name, position);
    emit modelInserted(index);
    emit schemaChanged();
}

void Document::removeModel(int index) {
    const QString name = mProject.schema.models.at(index).name;
    SchemaTouch touch = modelTouch(mProject.schema.models.at(index));
    mTableNames.remove(mProject.schema.models.at(index));
    mProject.schema.models.removeAt(index);
    schemaEdited(std::move(touch));
    // Another model may carry the same (invalid, duplicate) name; keep its position then.
    if (mProject.schema.modelIndex(name) < 0)
        mProject.layout.positions.remove(name);
    emit modelRemoved(name);
    emit schemaChanged();
}

void Document::replaceModel(int index, const Model &model) {
    Q_ASSERT(mProject.schema.models.at(index).name == model.name);
    SchemaTouch touch = modelTouch(mProject.schema.models.at(index));
    touch.tableNames.insert(model.effectiveTableName());
    mTableNames.remove(mProject.schema.models.at(index));
    mTableNames.add(model);
    mProject.schema.models[index] = model;
    schemaEdited(std::move(touch));
    emit modelChanged(index);
    emit schemaChanged();
}

void Document::renameModel(int index, const QString &newName, const QList<std::pair<int, Link>> &links) {
    Model &model = mProject.schema.models[index];
    const QString oldName = model.name;
    SchemaTouch touch = modelTouch(model);
    mTableNames.remove(model);
    model.name = newName;
    mTableNames.add(model);
    touch.models.insert(newName);
    touch.tableNames.insert(model.effectiveTableName());
    for (const auto &[linkIndex, link] : links) {
        touch.addLink(mProject.schema.links.at(linkIndex));
        touch.addLink(link);
        mProject.schema.links[linkIndex] = link;
    }
    schemaEdited(std::move(touch));
    if (mProject.layout.positions.contains(oldName)) {
        // Another model may still carry the old (duplicate) name in a hand-written file; it keeps the
        // position.
        const QPointF position = mProject.layout.positions.value(oldName);
        if (mProject.schema.modelIndex(oldName) < 0)
            mProject.layout.positions.remove(oldName);
        mProject.layout.positions.insert(newName, position);
    }
    emit modelRenamed(oldName, newName);
    emit linksChanged();
    emit schemaChanged();
}

void Document::insertLink(int index, const Link &link) {
    mProject.schema.links.insert(index, link);
    schemaEdited(linkTouch(link));
    emit linksChanged();
    emit schemaChanged();
}

void Document::removeLink(int index) {
    SchemaTouch touch = linkTouch(mProject.schema.links.at(index));
    mProject.schema.links.removeAt(index);
    schemaEdited(std::move(touch));
    emit linksChanged();
    emit schemaChanged();
}

void Document::replaceLink(int index, const Link &link) {
    SchemaTouch touch = linkTouch(mProject.schema.links.at(index));
    touch.addLink(link);
    mProject.schema.links[index] = link;
    schemaEdited(std::move(touch));
    emit linksChanged();
    emit schemaChanged();
}

void Document::setPosition(const QString &modelName, const QPointF &position) {
    mProject.layout.positions.insert(modelName, position);
    emit positionChanged(modelName, position);
}

void Document::setPositions(const QMap<QString, QPointF> &positions) {
    for (auto it = positions.cbegin(); it != positions.cend(); ++it)
        mProject.layout.positions.insert(it.key(), it.value());
    emit positionsChanged(positions);
}

void Document::setView(double zoom, const QPointF &center) {
    // The view is saved with the file but is not an edit: no undo step, and it does not mark the file
    // modified.
    mProject.layout.zoom = zoom;
    mProject.layout.center = center;
}

QString Document::uniqueModelName(const QString &stem) const {
    // Taken as NameCheck sees it (ignoring case), so that a new model never starts with a name the validator
    // calls a duplicate.
    const auto free = [this](const QString &name) {
        return NameCheck::modelName(mProject.schema, -1, name).isEmpty();
    };
    if (free(stem))
        return stem;
    for (int i = 2;; ++i) {
        const QString candidate = stem + QString::number(i);
        if (free(candidate))
            return candidate;
    }
}

} // namespace modeldesk
