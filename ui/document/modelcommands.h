#pragma once

#include "schema/link.h"
#include "schema/model.h"

#include <QList>
#include <QMap>
#include <QPointF>
#include <QUndoCommand>

namespace modeldesk {

class Document;

// The commands address the model they change by its index in Schema::models, taken when the command is made:
// the undo stack replays exactly the states it was made in, so an index stays the same model, where a name
// can change or (in a hand-written file) be shared by two models. A box position is keyed by the model's
// name, as in the project file.

// Adds a model with its box position. Owns the model value, so nothing leaks when the stack is cleared.
class AddModelCommand : public QUndoCommand {
public:
    AddModelCommand(Document *document, const Model &model, const QPointF &position,
                    QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document *mDocument;
    Model mModel;
    QPointF mPosition;
    int mIndex;
};

// Removes a model together with every link that touches it, and restores all of it on undo.
class RemoveModelCommand : public QUndoCommand {
public:
    RemoveModelCommand(Document *document, const QString &name, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document *mDocument;
    Model mModel;
    QPointF mPosition;
    int mIndex = -1;
    QList<QPair<int, Link>> mLinks; // removed links with their former indices, ascending
};

// Replaces a model's value (options, fields) with another one of the same name. Every property edit of a
// model or its fields is one of these: cheap to write, and undo is exact. `before` is the model's value now
// (the model at that value's name).
class ChangeModelCommand : public QUndoCommand {
public:
    ChangeModelCommand(Document *document, const Model &before, const Model &after, const QString &text,
                       QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document *mDocument;
    int mIndex;
    Model mBefore;
    Model mAfter;
};

// Renames a model; the links that name it and its box position follow. Undo puts back exactly the links
// that were changed, so it cannot mix them up with another model's.
class RenameModelCommand : public QUndoCommand {
public:
    RenameModelCommand(Document *document, const QString &oldName, const QString &newName,
                       QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document *mDocument;
    int mIndex;
    QString mOldName;
    QString mNewName;
    QList<std::pair<int, Link>> mLinksBefore;
    QList<std::pair<int, Link>> mLinksAfter;
};

// Moves one or more boxes; pushed once per drag (on release) so a drag is one undo step.
class MoveModelsCommand : public QUndoCommand {
public:
    MoveModelsCommand(Document *document, const QMap<QString, QPointF> &before,
                      const QMap<QString, QPointF> &after, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document *mDocument;
    QMap<QString, QPointF> mBefore;
    QMap<QString, QPointF> mAfter;
};

} // namespace modeldesk
