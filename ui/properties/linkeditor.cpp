#include "properties/linkeditor.h"

#include "document/document.h"
#include "document/linkcommands.h"
#include "document/modelcommands.h"
#include "editing/linkdraft.h"
#include "editing/linkkeychange.h"
#include "editing/namecheck.h"
#include "properties/editorwidgets.h"
#include "schema/linkfacts.h"
#include "schema/resolvedschema.h"

#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScopedValueRollback>
#include <QVBoxLayout>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

// The Link member each LinkEditor::Key edits, in the order of the enum.
constexpr QString Link::*kKeyMembers[] = {&Link::as,        &Link::foreignKey, &Link::otherKey,
                                          &Link::sourceKey, &Link::targetKey,  &Link::through};

bool usesSourceKey(Link::Kind kind) {
    return kind != Link::Kind::BelongsTo;
}

bool usesTargetKey(Link::Kind kind) {
    return kind == Link::Kind::BelongsTo || kind == Link::Kind::BelongsToMany;
}

QComboBox *makeActionCombo(const QString &objectName, QWidget *parent) {
    auto *combo = new QComboBox(parent);
    combo->setObjectName(objectName);
    combo->addItem(QString(), QString()); // "(default: X)", filled in by sync()
    for (const QString &action : Link::referentialActions())
        combo->addItem(action, action);
    return combo;
}

} // namespace

LinkEditor::LinkEditor(Document *document, QWidget *parent)
    : QWidget(parent)
    , mDocument(document)
    , mEnds(new QLabel(this))
    , mKind(new QComboBox(this))
    , mAlias(new QLineEdit(this))
    , mForeignKey(new QLineEdit(this))
    , mOtherKey(new QLineEdit(this))
    , mThrough(new QComboBox(this))
    , mSourceKey(new QLineEdit(this))
    , mTargetKey(new QLineEdit(this))
    , mOnDelete(makeActionCombo(u"linkOnDeleteCombo"_s, this))
    , mOnUpdate(makeActionCombo(u"linkOnUpdateCombo"_s, this))
    , mMirrorNote(new QLabel(this))
    , mActionsNote(new QLabel(this))
    , mMessage(editor::makeMessageLabel(u"linkMessage"_s, this)) {
    setObjectName(u"linkEditor"_s);
    describeWidgets();
    layOutForm();
    connectCommits();
}

// Object names (for tests and style), choices and tooltips.
void LinkEditor::describeWidgets() {
    mEnds->setObjectName(u"linkEndsLabel"_s);
    mKind->setObjectName(u"linkEditorKindCombo"_s);
    mAlias->setObjectName(u"linkAliasEdit"_s);
    mForeignKey->setObjectName(u"linkForeignKeyEdit"_s);
    mOtherKey->setObjectName(u"linkOtherKeyEdit"_s);
    mThrough->setObjectName(u"linkThroughCombo"_s);
    mSourceKey->setObjectName(u"linkSourceKeyEdit"_s);
    mTargetKey->setObjectName(u"linkTargetKeyEdit"_s);
    mMirrorNote->setObjectName(u"linkMirrorNote"_s);
    mActionsNote->setObjectName(u"linkActionsNote"_s);
    mActionsNote->setWordWrap(true);
    mActionsNote->setTextFormat(Qt::PlainText);
    mActionsNote->setForegroundRole(QPalette::PlaceholderText);
    mActionsNote->hide();

    QFont endsFont = mEnds->font();
    endsFont.setBold(true);
    mEnds->setFont(endsFont);
    mEnds->setTextFormat(Qt::PlainText);
    mEnds->setWordWrap(true);
    for (Link::Kind kind :
         {Link::Kind::HasOne, Link::Kind::BelongsTo, Link::Kind::HasMany, Link::Kind::BelongsToMany})
        mKind->addItem(Link::kindName(kind), int(kind));
    mThrough->setEditable(true);
    mThrough->setInsertPolicy(QComboBox::NoInsert);
    mThrough->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    mThrough->setMinimumContentsLength(8);
    mThrough->completer()->setCaseSensitivity(Qt::CaseSensitive); // a table name is typed as meant
    mThrough->setToolTip(tr("A model of the design, or the name of a junction table to generate"));
    mOnDelete->setToolTip(tr("What the database does to the rows holding the key when the row they refer "
                             "to is deleted"));
    mOnUpdate->setToolTip(tr("What the database does to the rows holding the key when the key they refer "
                             "to changes"));
    mMirrorNote->setWordWrap(true);
    mMirrorNote->setTextFormat(Qt::RichText);
    mMirrorNote->setForegroundRole(QPalette::PlaceholderText);
}

void LinkEditor::layOutForm() {
    QFormLayout *form = editor::makeForm();
    form->addRow(tr("Link:"), mEnds);
    form->addRow(tr("&Kind:"), mKind);
    form->addRow(tr("&Alias (as):"), mAlias);
    form->addRow(tr("&Foreign key:"), mForeignKey);
    form->addRow(tr("&Other key:"), mOtherKey);
    form->addRow(tr("&Through:"), mThrough);
    form->addRow(tr("&Source key:"), mSourceKey);
    form->addRow(tr("Tar&get key:"), mTargetKey);
    form->addRow(tr("On &delete:"), mOnDelete);
    form->addRow(tr("On &update:"), mOnUpdate);
    form->addRow(mActionsNote);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(form);
    layout->addWidget(mMessage);
    layout->addSpacing(6);
    layout->addWidget(mMirrorNote);
    layout->addStretch(1);
}

// Each edit is committed as one undo command when it is finished.
void LinkEditor::connectCommits() {
    connect(mKind, &QComboBox::activated, this, &LinkEditor::commitKind);
    for (Key key : {Key::Alias, Key::ForeignKey, Key::OtherKey, Key::SourceKey, Key::TargetKey, Key::Through})
        connect(keyEdit(key), &QLineEdit::editingFinished, this, [this, key] { commitKey(key); });
    connect(mThrough, &QComboBox::activated, this, [this] { commitKey(Key::Through); });
    connect(mOnDelete, &QComboBox::activated, this, [this] { commitAction(true); });
    connect(mOnUpdate, &QComboBox::activated, this, [this] { commitAction(false); });
    connect(mMirrorNote, &QLabel::linkActivated, this, [this] {
        if (const int partner = partnerIndex(); partner >= 0) {
            mIndex = partner;
            editor::showMessage(mMessage, {});
            sync();
        }
    });
}

QLineEdit *LinkEditor::keyEdit(Key key) const {
    switch (key) {
    case Key::Alias:
        return mAlias;
    case Key::ForeignKey:
        return mForeignKey;
    case Key::OtherKey:
        return mOtherKey;
    case Key::SourceKey:
        return mSourceKey;
    case Key::TargetKey:
        return mTargetKey;
    case Key::Through:
        return mThrough->lineEdit();
    }
    return nullptr;
}

const Link *LinkEditor::link() const {
    const QList<Link> &links = mDocument->schema().links;
    return mIndex >= 0 && mIndex < links.size() ? &links.at(mIndex) : nullptr;
}

int LinkEditor::partnerIndex() const {
    if (mIndex == mPrimary)
        return mInverse;
    return mIndex == mInverse ? mPrimary : -1;
}

QString LinkEditor::describe(const Link &link) const {
    return u"%1.%2(%3)"_s.arg(link.source, Link::kindName(link.kind), link.target);
}

void LinkEditor::setLinks(int index, int inverseIndex) {
    if (mPushing)
        return; // the canvas re-pairs edges between the steps of a macro; the edit ends with linkEdited()
    if (mIndex < 0 || (mIndex != index && mIndex != inverseIndex)) {
        mIndex = index;
        editor::showMessage(mMessage, {});
    }
    mPrimary = index;
    mInverse = inverseIndex;
    sync();
}

void LinkEditor::sync() {
    const Link *current = link();
    if (!current)
        return;
    mEnds->setText(u"%1 → %2"_s.arg(current->source, current->target));
    editor::setCurrentData(mKind, int(current->kind));
    syncDefaults(*current);
    syncThroughChoices();
    syncValues(*current);
    syncMirrorNote();
}

// Placeholders: what Sequelize uses for each key and action that the link does not name.
void LinkEditor::syncDefaults(const Link &current) {
    const Schema &schema = mDocument->schema();
    const Link::Kind kind = current.kind;
    const bool toMany = kind == Link::Kind::BelongsToMany;
    Link withoutAlias = current;
    withoutAlias.as.clear();
    mAlias->setPlaceholderText(tr("%1 (default)").arg(SchemaResolver::defaultAlias(schema, withoutAlias)));
    Link withoutKey = current;
    withoutKey.foreignKey.clear();
    mForeignKey->setPlaceholderText(
        tr("%1 (default)").arg(SchemaResolver::defaultForeignKey(schema, withoutKey)));
    Link withoutOther = current;
    withoutOther.otherKey.clear();
    mOtherKey->setPlaceholderText(
        toMany ? tr("%1 (default)").arg(SchemaResolver::defaultOtherKey(schema, withoutOther))
               : tr("belongsToMany only"));
    mThrough->lineEdit()->setPlaceholderText(toMany ? tr("required") : tr("belongsToMany only"));

    const std::optional<ResolvedLink> effective = SchemaResolver::linkDefaults(schema, mIndex);
    const auto defaultText = [](const QString &value) {
        return value.isEmpty() ? tr("(default)") : tr("(default: %1)").arg(value);
    };
    mSourceKey->setPlaceholderText(usesSourceKey(kind)
                                       ? tr("%1 (default)").arg(effective ? effective->sourceKey : QString())
                                       : tr("not used by belongsTo"));
    mTargetKey->setPlaceholderText(usesTargetKey(kind)
                                       ? tr("%1 (default)").arg(effective ? effective->targetKey : QString())
                                       : tr("not used by %1").arg(Link::kindName(kind)));
    // One source of truth: what the constraint on the key column says (the DDL, the exports and the delete
    // preview use it). When an earlier link defines the same column, its options decide, as in Sequelize.
    const ResolvedSchema &resolved = mDocument->resolved();
    const ResolvedLink *own = nullptr;
    for (const ResolvedLink &candidate : resolved.links)
        if (candidate.index == mIndex)
            own = &candidate;
    const int decider = own ? linkfacts::decidingLink(resolved, *own) : -1;
    if (own && decider >= 0 && decider != mIndex) {
        const linkfacts::LinkActions actions = linkfacts::effectiveActions(resolved, *own);
        mOnDelete->setItemText(0, defaultText(actions.onDelete));
        mOnUpdate->setItemText(0, defaultText(actions.onUpdate));
        const Column *column = linkfacts::foreignKeyColumn(resolved, *own);
        const Table *table = linkfacts::foreignKeyTable(resolved, *own);
        editor::setNote(
            mActionsNote,
            tr("%1.%2 is ON DELETE %3 ON UPDATE %4, decided by %5, the first link that defines the "
               "column (as in Sequelize); On delete and On update here do not change it.")
                .arg(table ? table->name : QString(), column ? column->name : QString(), actions.onDelete,
                     actions.onUpdate, describe(schema.links.at(decider))));
    } else {
        mOnDelete->setItemText(0, defaultText(effective ? effective->onDelete : QString()));
        mOnUpdate->setItemText(0, defaultText(effective ? effective->onUpdate : QString()));
        editor::setNote(mActionsNote, {});
    }
}

// The through choices are the design's models; the list is rebuilt only when they changed.
void LinkEditor::syncThroughChoices() {
    QStringList models;
    for (const Model &model : mDocument->schema().models)
        models << model.name;
    QStringList listed;
    for (int i = 0; i < mThrough->count(); ++i)
        listed << mThrough->itemText(i);
    if (listed == models)
        return;
    const QSignalBlocker blocker(mThrough);
    const QString text = mThrough->currentText();
    mThrough->clear();
    mThrough->addItems(models);
    mThrough->setEditText(text);
}

void LinkEditor::syncValues(const Link &current) {
    const Link::Kind kind = current.kind;
    const bool toMany = kind == Link::Kind::BelongsToMany;
    for (Key key : {Key::Alias, Key::ForeignKey, Key::OtherKey, Key::SourceKey, Key::TargetKey, Key::Through})
        editor::setText(keyEdit(key), current.*kKeyMembers[int(key)]);
    mOtherKey->setEnabled(toMany || !current.otherKey.isEmpty());
    mThrough->setEnabled(toMany || !current.through.isEmpty());
    mSourceKey->setEnabled(usesSourceKey(kind) || !current.sourceKey.isEmpty());
    mTargetKey->setEnabled(usesTargetKey(kind) || !current.targetKey.isEmpty());
    editor::setCurrentData(mOnDelete, current.onDelete);
    editor::setCurrentData(mOnUpdate, current.onUpdate);
}

void LinkEditor::syncMirrorNote() {
    const Schema &schema = mDocument->schema();
    const int partner = partnerIndex();
    if (partner < 0 || partner >= schema.links.size()) {
        mMirrorNote->clear();
        mMirrorNote->hide();
        return;
    }
    const QString other = describe(schema.links.at(partner)).toHtmlEscaped();
    const QString note =
        mIndex == mPrimary ? tr("Mirrored by %1, drawn as the same edge. Changing a shared key here changes "
                                "it there too.")
                                 .arg(other)
                           : tr("Mirrors %1, drawn as the same edge. Changing a shared key here changes it "
                                "there too.")
                                 .arg(other);
    mMirrorNote->setText(note + u" <a href=\"#partner\">"_s + tr("Edit %1").arg(other) + u"</a>"_s);
    mMirrorNote->show();
}

void LinkEditor::commitKind() {
    const Link *current = link();
    if (!current)
        return;
    Link after = *current;
    after.kind = Link::Kind(mKind->currentData().toInt());
    // Drop what the new kind cannot use, so that the project never carries dead options; undo restores them.
    if (after.kind != Link::Kind::BelongsToMany) {
        after.otherKey.clear();
        after.through.clear();
    } else if (after.through.isEmpty()) {
        after.through = draftLink(mDocument->schema(), after.source, after.target, after.kind).link.through;
    }
    if (!usesSourceKey(after.kind))
        after.sourceKey.clear();
    if (!usesTargetKey(after.kind))
        after.targetKey.clear();
    push(after, tr("Change %1 to %2").arg(describe(*current), Link::kindName(after.kind)));
}

void LinkEditor::commitAction(bool onDelete) {
    const Link *current = link();
    if (!current)
        return;
    const QComboBox *combo = onDelete ? mOnDelete : mOnUpdate;
    const QString action = combo->currentData().toString();
    const QString property = onDelete ? u"onDelete"_s : u"onUpdate"_s;
    Link after = *current;
    (onDelete ? after.onDelete : after.onUpdate) = action;
    push(after, action.isEmpty() ? tr("Reset %1 of %2").arg(property, describe(*current))
                                 : tr("Set %1 of %2 to %3").arg(property, describe(*current), action));
}

void LinkEditor::commitKey(Key key) {
    const Link *current = link();
    if (!current)
        return;
    QLineEdit *edit = keyEdit(key);
    const QString value = edit->text().trimmed();
    const QString old = current->*kKeyMembers[int(key)];
    if (key == Key::Through && value.isEmpty() && current->kind == Link::Kind::BelongsToMany) {
        editor::showMessage(mMessage, tr("A belongsToMany link needs a through model or table."));
        edit->setModified(false);
        return editor::setText(edit, old);
    }
    if (key == Key::Alias && !edit->isModified()) // left without typing (see ModelEditor::commitName)
        return editor::setText(edit, old);
    edit->setModified(false);
    if (value == old)
        return editor::setText(edit, old);
    if (key == Key::Alias) {
        if (const QString refusal = NameCheck::alias(mDocument->schema(), mIndex, value);
            !refusal.isEmpty()) {
            editor::showMessage(mMessage, refusal);
            return editor::setText(edit, old);
        }
    }
    const QStringList names{tr("alias"),      tr("foreign key"), tr("other key"),
                            tr("source key"), tr("target key"),  tr("through")};
    const QString name = names.at(int(key));
    const QString description = value.isEmpty()
                                    ? tr("Reset the %1 of %2").arg(name, describe(*current))
                                    : tr("Set the %1 of %2 to %3").arg(name, describe(*current), value);
    const LinkKeyChange change =
        LinkKeyChange::plan(mDocument->schema(), mIndex, partnerIndex(), kKeyMembers[int(key)], value);
    if (!change.isCompound())
        return push(change.after, description);
    const int index = mIndex;
    {
        const QScopedValueRollback pushing(mPushing, true);
        QUndoStack *stack = mDocument->undoStack();
        stack->beginMacro(description);
        stack->push(new ChangeLinkCommand(mDocument, index, change.after, description));
        if (change.mirrorAfter)
            stack->push(new ChangeLinkCommand(mDocument, change.mirrorIndex, *change.mirrorAfter,
                                              tr("Follow in %1").arg(describe(*change.mirrorAfter))));
        if (change.holderAfter)
            stack->push(new ChangeModelCommand(
                mDocument, *change.holderBefore, *change.holderAfter,
                tr("Rename field %1.%2").arg(change.holderBefore->name, change.renamedField)));
        stack->endMacro();
    }
    editor::showMessage(mMessage, {});
    emit linkEdited(index);
}

void LinkEditor::push(const Link &after, const QString &description) {
    const Link *current = link();
    if (!current || after == *current)
        return;
    const int index = mIndex;
    {
        const QScopedValueRollback pushing(mPushing, true);
        mDocument->undoStack()->push(new ChangeLinkCommand(mDocument, index, after, description));
    }
    editor::showMessage(mMessage, {});
    emit linkEdited(index);
}

} // namespace modeldesk
