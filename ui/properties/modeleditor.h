#pragma once

#include <QWidget>
#include <functional>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace modeldesk {

class Document;
class FieldEditor;
class FieldsTable;
struct Field;
struct Model;

// Edits one model: name, table name, options, comment, and its fields (the list plus the editor of the
// current field). Every accepted edit is one undo command on the document: RenameModelCommand for the
// name, ChangeModelCommand with the whole before/after value for everything else.
class ModelEditor : public QWidget {
    Q_OBJECT

public:
    explicit ModelEditor(Document *document, QWidget *parent = nullptr);

    // Shows the model named `name` (follows renames by itself); re-syncs when it is the same model.
    void setModel(const QString &name);
    QString modelName() const { return mModelName; }
    // Re-reads the model from the document without disturbing an editor the user is typing in.
    void sync();

private:
    const Model *model() const;
    void commitName();
    void commitTableName();
    void commitOption(bool Model::*option, bool value, const QString &description);
    void commitComment();
    void addField();
    void removeField(int row);
    void moveField(int from, int to);
    void changeField(const Field &after, const QString &description);
    void showCurrentField();
    // Pushes one ChangeModelCommand with `edit` applied to the current value, unless it changes nothing.
    bool change(const QString &description, const std::function<void(Model &)> &edit);

    Document *mDocument;
    QString mModelName;

    QLineEdit *mName;
    QLabel *mNameMessage;
    QLineEdit *mTableName;
    QCheckBox *mFreezeTableName;
    QCheckBox *mTimestamps;
    QCheckBox *mParanoid;
    QCheckBox *mUnderscored;
    QLineEdit *mComment;
    FieldsTable *mFields;
    FieldEditor *mFieldEditor;
};

} // namespace modeldesk
