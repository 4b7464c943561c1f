#include "document/linkcommands.h"

#include "document/document.h"
#include "schema/schemaids.h"

#include <QCoreApplication>

namespace modeldesk {

namespace {
QString describe(const Link &link) {
    return QStringLiteral("%1 %2 %3").arg(link.source, Link::kindName(link.kind), link.target);
}
} // namespace

AddLinkCommand::AddLinkCommand(Document *document, const Link &link, QUndoCommand *parent)
    : QUndoCommand(QCoreApplication::translate("LinkCommands", "Add link %1").arg(describe(link)), parent)
    , mDocument(document)
    , mLink(link)
    , mIndex(int(document->schema().links.size())) {
    SchemaIds::assignMissing(document->schema(), mLink);
}

void AddLinkCommand::redo() {
    mDocument->insertLink(mIndex, mLink);
}

void AddLinkCommand::undo() {
    mDocument->removeLink(mIndex);
}

RemoveLinkCommand::RemoveLinkCommand(Document *document, int index, QUndoCommand *parent)
    : QUndoCommand(parent)
    , mDocument(document)
    , mLink(document->schema().links.at(index))
    , mIndex(index) {
    setText(QCoreApplication::translate("LinkCommands", "Delete link %1").arg(describe(mLink)));
}

void RemoveLinkCommand::redo() {
    mDocument->removeLink(mIndex);
}

void RemoveLinkCommand::undo() {
    mDocument->insertLink(mIndex, mLink);
}

ChangeLinkCommand::ChangeLinkCommand(Document *document, int index, const Link &after, const QString &text,
                                     QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , mDocument(document)
    , mIndex(index)
    , mBefore(document->schema().links.at(index))
    , mAfter(after) {
    SchemaIds::assignMissing(document->schema(), mAfter);
}

void ChangeLinkCommand::redo() {
    mDocument->replaceLink(mIndex, mAfter);
}

void ChangeLinkCommand::undo() {
    mDocument->replaceLink(mIndex, mBefore);
}

} // namespace modeldesk
