#pragma once

#include "schema/model.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QToolButton;

namespace modeldesk {

// Edits one field of a model: name, type, allowNull (unset / yes / no), default, primary key,
// auto-increment, unique, validate rules and comment. Text is applied when the editor is left or Return is
// pressed; text that does not parse is not applied and the parser's message is shown. Each accepted edit is
// emitted as the whole changed Field; the model editor turns it into one undo command.
class FieldEditor : public QWidget {
    Q_OBJECT

public:
    explicit FieldEditor(QWidget *parent = nullptr);

    // Shows field `row` of `model` (the whole model and the aliases of its links: a rename may not take
    // another of its names). Keeps what the user is typing into a focused editor.
    void setField(const Model &model, int row, const QStringList &linkAliases);
    // No field to edit (the model has none, or none is selected).
    void clearField();
    void focusName();
    QString message() const;
    QFormLayout *form() const { return mForm; }

signals:
    void changeRequested(const Field &after, const QString &description);

private:
    void describeWidgets();
    void layOutForm();
    void connectCommits();
    void commitName();
    void commitType();
    void commitAllowNull();
    void commitDefault();
    void commitFlag(bool Field::*flag, bool value, const QString &description);
    void commitValidate();
    void commitComment();
    void insertRule(const QString &ruleName);
    void request(const Field &after, const QString &description);
    void showMessage(const QString &message);
    QString qualifiedName() const;

    QString mModelName;
    Field mField;
    Model mModel;
    int mRow = -1;
    QStringList mLinkAliases; // of the links from the model: a field may not take one
    bool mHasField = false;

    QLabel *mHeader;
    QFormLayout *mForm;
    QLineEdit *mName;
    QComboBox *mType;
    QComboBox *mAllowNull;
    QComboBox *mDefault;
    QCheckBox *mPrimaryKey;
    QCheckBox *mAutoIncrement;
    QCheckBox *mUnique;
    QLineEdit *mValidate;
    QToolButton *mAddRule;
    QLineEdit *mComment;
    QLabel *mMessage;
};

} // namespace modeldesk
