#pragma once

#include "schema/link.h"

#include <QUndoCommand>

namespace modeldesk {

class Document;

// Adds one link at the end of the list (a drawn hasOne and its inverse belongsTo are two of these in a
// macro).
class AddLinkCommand : public QUndoCommand {
public:
    AddLinkCommand(Document *document, const Link &link, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document *mDocument;
    Link mLink;
    int mIndex;
};

class RemoveLinkCommand : public QUndoCommand {
public:
    RemoveLinkCommand(Document *document, int index, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document *mDocument;
    Link mLink;
    int mIndex;
};

// Replaces a link's value: every property edit of a link (kind, alias, keys, actions) is one of these.
class ChangeLinkCommand : public QUndoCommand {
public:
    ChangeLinkCommand(Document *document, int index, const Link &after, const QString &text,
                      QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document *mDocument;
    int mIndex;
    Link mBefore;
    Link mAfter;
};

} // namespace modeldesk
