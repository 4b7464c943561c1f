#include "properties/fieldeditor.h"

#include "editing/namecheck.h"
#include "editing/propertytext.h"
#include "properties/editorwidgets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>
#include <QVBoxLayout>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

enum AllowNullChoice { Unset = -1, No = 0, Yes = 1 };

QStringList typeChoices() {
    QStringList choices;
    for (const QString &name : DataType::kindNames()) {
        if (name == u"ENUM"_s) {
            choices << u"ENUM('a','b')"_s; // ENUM alone does not parse: it needs its values
            continue;
        }
        choices << name;
        if (name == u"STRING"_s)
            choices << u"STRING(100)"_s;
        else if (name == u"DECIMAL"_s)
            choices << u"DECIMAL(10,2)"_s;
    }
    return choices;
}

QComboBox *makeEditableCombo(const QString &objectName, const QStringList &items, QWidget *parent) {
    auto *combo = new QComboBox(parent);
    combo->setObjectName(objectName);
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    combo->addItems(items);
    combo->setMaxVisibleItems(20);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(8);
    return combo;
}

} // namespace

FieldEditor::FieldEditor(QWidget *parent)
    : QWidget(parent)
    , mHeader(editor::makeSectionHeader(tr("Field"), this))
    , mForm(editor::makeForm())
    , mName(new QLineEdit(this))
    , mType(makeEditableCombo(u"fieldTypeCombo"_s, typeChoices(), this))
    , mAllowNull(new QComboBox(this))
    , mDefault(makeEditableCombo(u"defaultValueCombo"_s,
                                 {u"NOW"_s, u"UUIDV4"_s, u"true"_s, u"false"_s, u"null"_s, u"0"_s}, this))
    , mPrimaryKey(new QCheckBox(tr("Primary key"), this))
    , mAutoIncrement(new QCheckBox(tr("Auto-increment"), this))
    , mUnique(new QCheckBox(tr("Unique"), this))
    , mValidate(new QLineEdit(this))
    , mAddRule(new QToolButton(this))
    , mComment(new QLineEdit(this))
    , mMessage(editor::makeMessageLabel(u"fieldMessage"_s, this)) {
    setObjectName(u"fieldEditor"_s);
    describeWidgets();
    layOutForm();
    connectCommits();
    clearField();
}

// Object names (for tests and style), choices and tooltips.
void FieldEditor::describeWidgets() {
    mName->setObjectName(u"fieldNameEdit"_s);
    mAllowNull->setObjectName(u"allowNullCombo"_s);
    mPrimaryKey->setObjectName(u"primaryKeyCheck"_s);
    mAutoIncrement->setObjectName(u"autoIncrementCheck"_s);
    mUnique->setObjectName(u"uniqueCheck"_s);
    mValidate->setObjectName(u"validateEdit"_s);
    mAddRule->setObjectName(u"addRuleButton"_s);
    mComment->setObjectName(u"fieldCommentEdit"_s);

    mType->setToolTip(tr("A Sequelize data type, e.g. STRING(100), DECIMAL(10,2), ENUM('new','paid')"));
    mAllowNull->addItem(tr("Default (yes)"), Unset);
    mAllowNull->addItem(tr("Yes"), Yes);
    mAllowNull->addItem(tr("No"), No);
    mAllowNull->setToolTip(tr("Default leaves allowNull out of the model, as Sequelize's default"));
    mDefault->lineEdit()->setPlaceholderText(tr("none"));
    // Inline completion would turn a typed "no" into NOW: defaults are free text.
    mDefault->setCompleter(nullptr);
    mDefault->setToolTip(
        tr("Empty: no default. NOW and UUIDV4 are Sequelize's functions; numbers, true, false "
           "and null are taken as such; anything else is text (write \"42\" to keep it "
           "text)."));
    mValidate->setPlaceholderText(tr("e.g. isEmail, len:[2,10]"));
    mValidate->setToolTip(
        tr("Rules separated by commas: isEmail, isUrl, notEmpty, len:[2,10], min:0, max:100, "
           "is:^[a-z]+$, isIn:[[\"a\",\"b\"]]"));
    mAddRule->setText(tr("Add"));
    mAddRule->setToolTip(tr("Add a validate rule"));
    mAddRule->setPopupMode(QToolButton::InstantPopup);
    auto *rules = new QMenu(mAddRule);
    for (const QString &rule : ValidateRule::knownNames())
        rules->addAction(PropertyText::ruleTemplate(rule), this, [this, rule] { insertRule(rule); });
    mAddRule->setMenu(rules);
}

void FieldEditor::layOutForm() {
    auto *flags = new QGridLayout;
    flags->setContentsMargins(0, 0, 0, 0);
    flags->setHorizontalSpacing(12);
    flags->addWidget(mPrimaryKey, 0, 0);
    flags->addWidget(mAutoIncrement, 0, 1);
    flags->addWidget(mUnique, 1, 0);
    flags->setColumnStretch(2, 1);

    auto *validateRow = new QHBoxLayout;
    validateRow->setContentsMargins(0, 0, 0, 0);
    validateRow->setSpacing(4);
    validateRow->addWidget(mValidate, 1);
    validateRow->addWidget(mAddRule);

    mForm->addRow(tr("&Name:"), mName);
    mForm->addRow(tr("&Type:"), mType);
    mForm->addRow(tr("Allow n&ull:"), mAllowNull);
    mForm->addRow(tr("De&fault:"), mDefault);
    editor::addRow(mForm, tr("&Keys:"), flags, mPrimaryKey);
    editor::addRow(mForm, tr("&Validate:"), validateRow, mValidate);
    mForm->addRow(tr("&Comment:"), mComment);
    mForm->addRow(mMessage);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(mHeader);
    layout->addLayout(mForm);
}

// Each edit is committed as one undo command when it is finished.
void FieldEditor::connectCommits() {
    connect(mName, &QLineEdit::editingFinished, this, &FieldEditor::commitName);
    connect(mType->lineEdit(), &QLineEdit::editingFinished, this, &FieldEditor::commitType);
    connect(mType, &QComboBox::activated, this, &FieldEditor::commitType);
    connect(mAllowNull, &QComboBox::activated, this, &FieldEditor::commitAllowNull);
    connect(mDefault->lineEdit(), &QLineEdit::editingFinished, this, &FieldEditor::commitDefault);
    connect(mDefault, &QComboBox::activated, this, &FieldEditor::commitDefault);
    connect(mPrimaryKey, &QCheckBox::toggled, this, [this](bool on) {
        commitFlag(&Field::primaryKey, on,
                   on ? tr("Make %1 a primary key") : tr("Make %1 not a primary key"));
    });
    connect(mAutoIncrement, &QCheckBox::toggled, this, [this](bool on) {
        commitFlag(&Field::autoIncrement, on,
                   on ? tr("Make %1 auto-increment") : tr("Make %1 not auto-increment"));
    });
    connect(mUnique, &QCheckBox::toggled, this, [this](bool on) {
        commitFlag(&Field::unique, on, on ? tr("Make %1 unique") : tr("Make %1 not unique"));
    });
    connect(mValidate, &QLineEdit::editingFinished, this, &FieldEditor::commitValidate);
    connect(mComment, &QLineEdit::editingFinished, this, &FieldEditor::commitComment);
}

void FieldEditor::setField(const Model &model, int row, const QStringList &linkAliases) {
    const QString &modelName = model.name;
    const Field &field = model.fields.at(row);
    const bool sameField = mHasField && modelName == mModelName && field.name == mField.name;
    if (!sameField)
        showMessage({});
    mModelName = modelName;
    mField = field;
    mModel = model;
    mRow = row;
    mLinkAliases = linkAliases;
    mHasField = true;
    setEnabled(true);
    mHeader->setText(tr("Field “%1”").arg(field.name));

    editor::setText(mName, field.name);
    editor::setEditText(mType, field.type.toString());
    mAllowNull->setItemText(0, field.primaryKey ? tr("Default (no: primary key)") : tr("Default (yes)"));
    editor::setCurrentData(mAllowNull, field.allowNull ? (*field.allowNull ? Yes : No) : Unset);
    editor::setEditText(mDefault, PropertyText::defaultValueText(field.defaultValue));
    editor::setChecked(mPrimaryKey, field.primaryKey);
    editor::setChecked(mAutoIncrement, field.autoIncrement);
    editor::setChecked(mUnique, field.unique);
    editor::setText(mValidate, PropertyText::validateRulesText(field.validate));
    editor::setText(mComment, field.comment);
}

void FieldEditor::clearField() {
    mHasField = false;
    mField = {};
    mHeader->setText(tr("Field"));
    showMessage({});
    for (QLineEdit *edit : {mName, mType->lineEdit(), mDefault->lineEdit(), mValidate, mComment}) {
        const QSignalBlocker blocker(edit);
        edit->clear();
    }
    editor::setCurrentData(mAllowNull, Unset);
    for (QCheckBox *check : {mPrimaryKey, mAutoIncrement, mUnique})
        editor::setChecked(check, false);
    setEnabled(false);
}

void FieldEditor::focusName() {
    mName->setFocus(Qt::OtherFocusReason);
    mName->selectAll();
}

QString FieldEditor::message() const {
    return mMessage->text();
}

QString FieldEditor::qualifiedName() const {
    return mModelName + u'.' + mField.name;
}

void FieldEditor::request(const Field &after, const QString &description) {
    if (!mHasField || after == mField)
        return;
    showMessage({});
    emit changeRequested(after, description);
}

void FieldEditor::showMessage(const QString &message) {
    editor::showMessage(mMessage, message);
}

void FieldEditor::commitName() {
    if (!mHasField)
        return;
    if (!mName->isModified()) // left without typing: nothing to apply (see ModelEditor::commitName)
        return editor::setText(mName, mField.name);
    const QString name = mName->text().trimmed();
    if (name == mField.name)
        return editor::setText(mName, name);
    const QString refusal = NameCheck::fieldName(mModel, mRow, name, mLinkAliases);
    mName->setModified(false);
    if (!refusal.isEmpty()) {
        editor::setText(mName, mField.name);
        return showMessage(refusal);
    }
    Field after = mField;
    after.name = name;
    request(after, tr("Rename field %1 to %2").arg(qualifiedName(), name));
}

void FieldEditor::commitType() {
    if (!mHasField)
        return;
    QString error;
    const auto type = DataType::parse(mType->currentText(), &error);
    if (!type) {
        // Keep the text so that the user can fix it; the design keeps the previous type.
        return showMessage(tr("Type not applied: %1").arg(error));
    }
    if (QLineEdit *edit = mType->lineEdit())
        edit->setModified(false);
    Field after = mField;
    after.type = *type;
    if (after == mField) { // e.g. "string" for STRING: show the canonical form
        showMessage({});
        return editor::setEditText(mType, type->toString());
    }
    request(after, tr("Set type of %1 to %2").arg(qualifiedName(), type->toString()));
}

void FieldEditor::commitAllowNull() {
    Field after = mField;
    const int choice = mAllowNull->currentData().toInt();
    if (choice == Unset) {
        after.allowNull.reset();
        return request(after, tr("Reset allowNull of %1").arg(qualifiedName()));
    }
    after.allowNull = choice == Yes;
    request(after,
            tr("Set allowNull of %1 to %2").arg(qualifiedName(), choice == Yes ? u"true"_s : u"false"_s));
}

void FieldEditor::commitDefault() {
    if (!mHasField)
        return;
    QString error;
    const auto value = PropertyText::parseDefaultValue(mDefault->currentText(), &error);
    if (!value)
        return showMessage(tr("Default not applied: %1").arg(error));
    mDefault->lineEdit()->setModified(false);
    Field after = mField;
    after.defaultValue = *value;
    if (after == mField) {
        showMessage({});
        return editor::setEditText(mDefault, PropertyText::defaultValueText(*value));
    }
    request(after,
            value->isUndefined()
                ? tr("Remove the default of %1").arg(qualifiedName())
                : tr("Set default of %1 to %2").arg(qualifiedName(), PropertyText::defaultValueText(*value)));
}

void FieldEditor::commitFlag(bool Field::*flag, bool value, const QString &description) {
    Field after = mField;
    after.*flag = value;
    request(after, description.arg(qualifiedName()));
}

void FieldEditor::commitValidate() {
    if (!mHasField)
        return;
    QString error;
    const auto rules = PropertyText::parseValidateRules(mValidate->text(), &error);
    if (!rules)
        return showMessage(tr("Validate rules not applied: %1").arg(error));
    mValidate->setModified(false);
    Field after = mField;
    after.validate = *rules;
    if (after == mField) {
        showMessage({});
        return editor::setText(mValidate, PropertyText::validateRulesText(*rules));
    }
    request(after, tr("Change validate rules of %1").arg(qualifiedName()));
}

void FieldEditor::commitComment() {
    if (!mHasField)
        return;
    mComment->setModified(false);
    Field after = mField;
    after.comment = mComment->text().trimmed();
    request(after, tr("Change comment of %1").arg(qualifiedName()));
}

void FieldEditor::insertRule(const QString &ruleName) {
    const QString rule = PropertyText::ruleTemplate(ruleName);
    QString text = mValidate->text().trimmed();
    if (!text.isEmpty() && !text.endsWith(u','))
        text += u", "_s;
    else if (!text.isEmpty())
        text += u' ';
    const int start = int(text.size());
    mValidate->setText(text + rule);
    mValidate->setModified(true);
    mValidate->setFocus(Qt::OtherFocusReason);
    const qsizetype colon = rule.indexOf(u':');
    if (colon < 0) // nothing to fill in: apply it right away
        return commitValidate();
    // Select the example argument so that typing replaces it; Return applies the rule.
    mValidate->setSelection(start + int(colon) + 1, int(rule.size() - colon - 1));
}

} // namespace modeldesk
