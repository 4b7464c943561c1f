#include "document/modelcommands.h"

#include "document/document.h"
#include "schema/schemaids.h"

#include <QCoreApplication>

namespace modeldesk {

AddModelCommand::AddModelCommand(Document *document, const Model &model, const QPointF &position,
                                 QUndoCommand *parent)
    : QUndoCommand(QCoreApplication::translate("ModelCommands", "Add model %1").arg(model.name), parent)
    , mDocument(document)
    , mModel(model)
    , mPosition(position)
    , mIndex(int(document->schema().models.size())) {
    // A new model gets its ids now, so that redo after undo brings back the very same ones.
    SchemaIds::assignMissing(document->schema(), mModel);
}

void AddModelCommand::redo() {
    mDocument->insertModel(mIndex, mModel, mPosition);
}

void AddModelCommand::undo() {
    mDocument->removeModel(mIndex);
}

RemoveModelCommand::RemoveModelCommand(Document *document, const QString &name, QUndoCommand *parent)
    : QUndoCommand(QCoreApplication::translate("ModelCommands", "Delete model %1").arg(name), parent)
    , mDocument(document) {
    const Schema &schema = document->schema();
    mIndex = schema.modelIndex(name);
    if (mIndex >= 0)
        mModel = schema.models.at(mIndex);
    mPosition = document->position(name);
    for (int i = 0; i < schema.links.size(); ++i) {
        const Link &link = schema.links.at(i);
        if (link.source == name || link.target == name)
            mLinks.append({i, link});
    }
}

void RemoveModelCommand::redo() {
    if (mIndex < 0)
        return;
    for (auto it = mLinks.crbegin(); it != mLinks.crend(); ++it)
        mDocument->removeLink(it->first);
    mDocument->removeModel(mIndex);
}

void RemoveModelCommand::undo() {
    if (mIndex < 0)
        return;
    mDocument->insertModel(mIndex, mModel, mPosition);
    for (const auto &[index, link] : std::as_const(mLinks))
        mDocument->insertLink(index, link);
}

ChangeModelCommand::ChangeModelCommand(Document *document, const Model &before, const Model &after,
                                       const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , mDocument(document)
    , mIndex(document->schema().modelIndex(before.name))
    , mBefore(before)
    , mAfter(after) {
    Q_ASSERT(mIndex >= 0 && before.name == after.name);
    SchemaIds::assignMissing(document->schema(), mAfter); // a field added by this edit
}

void ChangeModelCommand::redo() {
    if (mIndex >= 0)
        mDocument->replaceModel(mIndex, mAfter);
}

void ChangeModelCommand::undo() {
    if (mIndex >= 0)
        mDocument->replaceModel(mIndex, mBefore);
}

RenameModelCommand::RenameModelCommand(Document *document, const QString &oldName, const QString &newName,
                                       QUndoCommand *parent)
    : QUndoCommand(
          QCoreApplication::translate("ModelCommands", "Rename model %1 to %2").arg(oldName, newName), parent)
    , mDocument(document)
    , mIndex(document->schema().modelIndex(oldName))
    , mOldName(oldName)
    , mNewName(newName) {
    const QList<Link> &links = document->schema().links;
    for (int i = 0; i < links.size(); ++i) {
        Link link = links.at(i);
        if (link.source != oldName && link.target != oldName && link.through != oldName)
            continue;
        mLinksBefore.append({i, link});
        for (QString *end : {&link.source, &link.target, &link.through})
            if (*end == oldName)
                *end = newName;
        mLinksAfter.append({i, link});
    }
}

void RenameModelCommand::redo() {
    if (mIndex >= 0)
        mDocument->renameModel(mIndex, mNewName, mLinksAfter);
}

void RenameModelCommand::undo() {
    if (mIndex >= 0)
        mDocument->renameModel(mIndex, mOldName, mLinksBefore);
}

MoveModelsCommand::MoveModelsCommand(Document *document, const QMap<QString, QPointF> &before,
                                     const QMap<QString, QPointF> &after, QUndoCommand *parent)
    : QUndoCommand(after.size() == 1
                       ? QCoreApplication::translate("ModelCommands", "Move %1").arg(after.firstKey())
                       : QCoreApplication::translate("ModelCommands", "Move %1 models").arg(after.size()),
                   parent)
    , mDocument(document)
    , mBefore(before)
    , mAfter(after) {
}

void MoveModelsCommand::redo() {
    mDocument->setPositions(mAfter);
}

void MoveModelsCommand::undo() {
    mDocument->setPositions(mBefore);
}

} // namespace modeldesk
