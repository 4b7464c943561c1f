#include "properties/modeleditor.h"

#include "document/document.h"
#include "document/linkcommands.h"
#include "document/modelcommands.h"
#include "editing/fieldrename.h"
#include "editing/namecheck.h"
#include "properties/editorwidgets.h"
#include "properties/fieldeditor.h"
#include "properties/fieldstable.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

QCheckBox *makeCheck(const QString &objectName, const QString &text, const QString &toolTip,
                     QWidget *parent) {
    auto *check = new QCheckBox(text, parent);
    check->setObjectName(objectName);
    check->setToolTip(toolTip);
    return check;
}

QString uniqueFieldName(const Model &model) {
    const QString stem = u"field"_s;
    if (NameCheck::fieldName(model, -1, stem).isEmpty())
        return stem;
    for (int i = 2;; ++i)
        if (const QString candidate = stem + QString::number(i);
            NameCheck::fieldName(model, -1, candidate).isEmpty())
            return candidate;
}

} // namespace

ModelEditor::ModelEditor(Document *document, QWidget *parent)
    : QWidget(parent)
    , mDocument(document)
    , mName(new QLineEdit(this))
    , mNameMessage(editor::makeMessageLabel(u"modelMessage"_s, this))
    , mTableName(new QLineEdit(this))
    , mFreezeTableName(makeCheck(
          u"freezeTableNameCheck"_s, tr("Freeze name"),
          tr("freezeTableName: use the model name as the table name, without pluralizing it"), this))
    , mTimestamps(makeCheck(u"timestampsCheck"_s, tr("Timestamps"),
                            tr("timestamps: add createdAt and updatedAt"), this))
    , mParanoid(makeCheck(u"paranoidCheck"_s, tr("Paranoid"),
                          tr("paranoid: delete by setting deletedAt (needs timestamps)"), this))
    , mUnderscored(makeCheck(u"underscoredCheck"_s, tr("Underscored"),
                             tr("underscored: snake_case column names for the attributes"), this))
    , mComment(new QLineEdit(this))
    , mFields(new FieldsTable(this))
    , mFieldEditor(new FieldEditor(this)) {
    setObjectName(u"modelEditor"_s);
    mName->setObjectName(u"modelNameEdit"_s);
    mTableName->setObjectName(u"tableNameEdit"_s);
    mComment->setObjectName(u"modelCommentEdit"_s);
    mTableName->setToolTip(tr("Leave empty to let Sequelize derive the table name"));

    auto *options = new QGridLayout;
    options->setContentsMargins(0, 0, 0, 0);
    options->setHorizontalSpacing(12);
    options->addWidget(mTimestamps, 0, 0);
    options->addWidget(mParanoid, 0, 1);
    options->addWidget(mUnderscored, 1, 0);
    options->addWidget(mFreezeTableName, 1, 1);
    options->setColumnStretch(2, 1);

    QFormLayout *form = editor::makeForm();
    form->addRow(tr("N&ame:"), mName);
    form->addRow(mNameMessage);
    form->addRow(tr("Ta&ble:"), mTableName);
    editor::addRow(form, tr("&Options:"), options, mTimestamps);
    form->addRow(tr("Co&mment:"), mComment);
    editor::alignLabelColumns({form, mFieldEditor->form()});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 8);
    layout->addWidget(editor::makeSectionHeader(tr("Model"), this));
    layout->addLayout(form);
    layout->addSpacing(4);
    layout->addWidget(editor::makeSectionHeader(tr("Fields"), this));
    layout->addWidget(mFields, 1);
    layout->addSpacing(4);
    layout->addWidget(mFieldEditor);

    connect(mName, &QLineEdit::editingFinished, this, &ModelEditor::commitName);
    connect(mTableName, &QLineEdit::editingFinished, this, &ModelEditor::commitTableName);
    connect(mComment, &QLineEdit::editingFinished, this, &ModelEditor::commitComment);
    connect(mFreezeTableName, &QCheckBox::toggled, this, [this](bool on) {
        commitOption(&Model::freezeTableName, on,
                     on ? tr("Freeze the table name of %1") : tr("Unfreeze the table name of %1"));
    });
    connect(mTimestamps, &QCheckBox::toggled, this, [this](bool on) {
        commitOption(&Model::timestamps, on,
                     on ? tr("Turn on timestamps of %1") : tr("Turn off timestamps of %1"));
    });
    connect(mParanoid, &QCheckBox::toggled, this, [this](bool on) {
        commitOption(&Model::paranoid, on, on ? tr("Make %1 paranoid") : tr("Make %1 not paranoid"));
    });
    connect(mUnderscored, &QCheckBox::toggled, this, [this](bool on) {
        commitOption(&Model::underscored, on, on ? tr("Make %1 underscored") : tr("Make %1 not underscored"));
    });
    connect(mFields, &FieldsTable::currentRowChanged, this, &ModelEditor::showCurrentField);
    connect(mFields, &FieldsTable::addRequested, this, &ModelEditor::addField);
    connect(mFields, &FieldsTable::removeRequested, this, &ModelEditor::removeField);
    connect(mFields, &FieldsTable::moveRequested, this, &ModelEditor::moveField);
    connect(mFieldEditor, &FieldEditor::changeRequested, this, &ModelEditor::changeField);
    connect(document, &Document::modelRenamed, this, [this](const QString &oldName, const QString &newName) {
        if (mModelName == oldName)
            mModelName = newName;
    });
}

const Model *ModelEditor::model() const {
    return mDocument->schema().model(mModelName);
}

void ModelEditor::setModel(const QString &name) {
    if (name != mModelName) {
        mModelName = name;
        editor::showMessage(mNameMessage, {});
        mFields->setFields({});
    }
    sync();
}

void ModelEditor::sync() {
    const Model *current = model();
    if (!current)
        return;
    Model derived = *current;
    derived.tableName.clear();
    editor::setText(mName, current->name);
    editor::setText(mTableName, current->tableName);
    mTableName->setPlaceholderText(tr("%1 (derived)").arg(derived.effectiveTableName()));
    editor::setChecked(mFreezeTableName, current->freezeTableName);
    editor::setChecked(mTimestamps, current->timestamps);
    editor::setChecked(mParanoid, current->paranoid);
    editor::setChecked(mUnderscored, current->underscored);
    // Sequelize ignores paranoid without timestamps; still allow turning a stray one off.
    mParanoid->setEnabled(current->timestamps || current->paranoid);
    editor::setText(mComment, current->comment);
    mFields->setFields(current->fields);
    showCurrentField();
}

void ModelEditor::showCurrentField() {
    const Model *current = model();
    const int row = mFields->currentRow();
    if (!current || row < 0 || row >= current->fields.size())
        return mFieldEditor->clearField();
    mFieldEditor->setField(*current, row, NameCheck::aliasesFrom(mDocument->schema(), current->name));
}

bool ModelEditor::change(const QString &description, const std::function<void(Model &)> &edit) {
    const Model *current = model();
    if (!current)
        return false;
    Model after = *current;
    edit(after);
    if (after == *current)
        return false;
    mDocument->undoStack()->push(new ChangeModelCommand(mDocument, *current, after, description));
    return true;
}

void ModelEditor::commitName() {
    const Model *current = model();
    if (!current)
        return;
    // Only what the user typed is applied: leaving the field without typing applies nothing, even when the
    // text shown is not the model's name (renamed elsewhere while the field had focus).
    if (!mName->isModified())
        return editor::setText(mName, current->name);
    const QString name = mName->text().trimmed();
    mName->setModified(false);
    const QString refusal =
        name == current->name
            ? QString()
            : NameCheck::modelName(mDocument->schema(), mDocument->schema().modelIndex(current->name), name);
    editor::showMessage(mNameMessage, refusal);
    if (!refusal.isEmpty() || name == current->name)
        return editor::setText(mName, current->name);
    mDocument->undoStack()->push(new RenameModelCommand(mDocument, current->name, name));
}

void ModelEditor::commitTableName() {
    mTableName->setModified(false);
    const QString table = mTableName->text().trimmed();
    change(table.isEmpty() ? tr("Reset the table name of %1").arg(mModelName)
                           : tr("Set the table name of %1 to %2").arg(mModelName, table),
           [&](Model &m) { m.tableName = table; });
    editor::setText(mTableName, table);
}

void ModelEditor::commitOption(bool Model::*option, bool value, const QString &description) {
    change(description.arg(mModelName), [&](Model &m) { m.*option = value; });
}

void ModelEditor::commitComment() {
    mComment->setModified(false);
    const QString comment = mComment->text().trimmed();
    change(tr("Change the comment of %1").arg(mModelName), [&](Model &m) { m.comment = comment; });
}

void ModelEditor::addField() {
    const Model *current = model();
    if (!current)
        return;
    const QString name = uniqueFieldName(*current);
    const int row = int(current->fields.size());
    change(tr("Add field %1.%2").arg(mModelName, name), [&](Model &m) {
        m.fields.append(Field{name, DataType::string()});
    });
    mFields->setCurrentRow(row);
    mFieldEditor->focusName();
}

void ModelEditor::removeField(int row) {
    const Model *current = model();
    if (!current || row < 0 || row >= current->fields.size())
        return;
    change(tr("Remove field %1.%2").arg(mModelName, current->fields.at(row).name),
           [&](Model &m) { m.fields.removeAt(row); });
    mFields->table()->setFocus(Qt::OtherFocusReason); // keep Delete working for the next one
}

void ModelEditor::moveField(int from, int to) {
    const Model *current = model();
    if (!current || from < 0 || to < 0 || from >= current->fields.size() || to >= current->fields.size())
        return;
    change(tr("Move field %1.%2 %3")
               .arg(mModelName, current->fields.at(from).name, to < from ? tr("up") : tr("down")),
           [&](Model &m) { m.fields.move(from, to); });
    mFields->setCurrentRow(to);
}

void ModelEditor::changeField(const Field &after, const QString &description) {
    const int row = mFields->currentRow();
    const Model *current = model();
    if (!current || row < 0 || row >= current->fields.size())
        return;
    const QString oldName = current->fields.at(row).name;
    const QList<std::pair<int, Link>> follow =
        linksFollowingFieldRename(mDocument->schema(), current->name, oldName, after.name);
    if (follow.isEmpty()) {
        change(description, [&](Model &m) { m.fields[row] = after; });
        return;
    }
    // The links that named the field follow it, in the same undo step.
    Model changed = *current;
    changed.fields[row] = after;
    QUndoStack *stack = mDocument->undoStack();
    stack->beginMacro(description);
    stack->push(new ChangeModelCommand(mDocument, *current, changed, description));
    for (const auto &[index, link] : follow)
        stack->push(new ChangeLinkCommand(
            mDocument, index, link,
            tr("Follow the rename in %1 %2 %3").arg(link.source, Link::kindName(link.kind), link.target)));
    stack->endMacro();
}

} // namespace modeldesk
