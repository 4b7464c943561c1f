#pragma once

#include "project/project.h"
#include "schema/resolvedschema.h"
#include "schema/resolvescope.h"

#include <QMap>
#include <QObject>
#include <QPointF>
#include <QUndoStack>
#include <optional>

namespace modeldesk {

// The open project: owns the Project value, its file path and the undo stack. Every change goes through the
// mutators below, which the undo commands call; each emits a typed signal so that views update only what
// changed. Views never change the Project directly, and the Project never points at a view.
class Document : public QObject {
    Q_OBJECT

public:
    explicit Document(QObject *parent = nullptr);

    const Project &project() const { return mProject; }
    const Schema &schema() const { return mProject.schema; }
    // What the schema resolves to, computed once per change and shared by the canvas and the validation (on a
    // big design a resolve costs tens of milliseconds).
    const ResolvedSchema &resolved() const;
    QUndoStack *undoStack() { return &mUndoStack; }
    // What the last change of the schema touched (valid while schemaChanged is emitted), so that views can
    // resolve and redraw only what it can have changed (ResolveScope).
    const SchemaTouch &lastTouch() const { return mLastTouch; }
    // Which models carry each table name, kept up to date edit by edit (for ResolveScope).
    const TableNames &tableNames() const { return mTableNames; }

    QString filePath() const { return mFilePath; }
    // The name shown in the title bar: the file name, or "Untitled"/the example's name.
    QString displayName() const;
    // The start of the file names proposed for this project (Save As, exports, images): the file's base
    // name, or the display name with spaces and other awkward characters as '-' ("seed-example").
    QString fileBaseName() const;
    bool isModified() const { return !mUndoStack.isClean() || mModifiedWithoutUndo; }

    // Replaces everything (New, Open): clears the undo history.
    void reset(const Project &project, const QString &filePath, const QString &displayName = {});
    // Saves to `path` (or the current path); on success the document becomes clean and takes the path.
    bool save(const QString &path, QString *error);
    // Marks the document as having unsaved changes that no undo step holds (restored recovered work).
    void markModified();

    // Mutators used by undo commands. Indices refer to Schema::models / Schema::links.
    void insertModel(int index, const Model &model, const QPointF &position);
    void removeModel(int index);
    void replaceModel(int index, const Model &model);
    // Gives model `index` the name `newName`, sets the links given (index, value) — those that name the model
    // — and moves its box position to the new name.
    void renameModel(int index, const QString &newName, const QList<std::pair<int, Link>> &links);
    void insertLink(int index, const Link &link);
    void removeLink(int index);
    void replaceLink(int index, const Link &link);
    void setPosition(const QString &modelName, const QPointF &position);
    // Moves many boxes as one change (a drag of a selection, the auto-layout): one positionsChanged signal,
    // so that the canvas can move them all and route their links once instead of once per box.
    void setPositions(const QMap<QString, QPointF> &positions);
    void setView(double zoom, const QPointF &center);

    QPointF position(const QString &modelName) const { return mProject.layout.positions.value(modelName); }
    // A model name that is not used yet ("model", "model2", ...).
    QString uniqueModelName(const QString &stem) const;

signals:
    void resetDone();
    void modelInserted(int index);
    void modelRemoved(const QString &name);
    void modelChanged(int index);
    void modelRenamed(const QString &oldName, const QString &newName);
    void linksChanged();
    void positionChanged(const QString &modelName, const QPointF &position);
    void positionsChanged(const QMap<QString, QPointF> &positions);
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &path);
    // Anything in the schema changed (for validation and other whole-schema views).
    void schemaChanged();

private:
    // Every schema change goes through here before its signals: the whole resolve is stale, and views learn
    // what the change touched.
    void schemaEdited(SchemaTouch touch) {
        mResolved.reset();
        mLastTouch = std::move(touch);
    }

    Project mProject;
    mutable std::optional<ResolvedSchema> mResolved; // of mProject.schema; reset by every schema change
    SchemaTouch mLastTouch;
    TableNames mTableNames;
    QString mFilePath;
    QString mDisplayName;
    QUndoStack mUndoStack;
    bool mModifiedWithoutUndo = false;
};

} // namespace modeldesk
