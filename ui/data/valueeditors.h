#pragma once

// The concrete ValueEditor kinds. They are small and only ever made by ValueEditor::create().

#include "data/valueeditor.h"

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLineEdit;
class QPlainTextEdit;

namespace modeldesk {

// Single-line text: STRING, CHAR, integers, DECIMAL, FLOAT, DOUBLE, UUID, BLOB (base64). Numbers are kept as
// the exact text typed; integers beyond 2^53 are passed on as strings.
class LineValueEditor : public ValueEditor {
    Q_OBJECT
public:
    LineValueEditor(const Field &field, QWidget *parent);
    QJsonValue value() const override;
    void setValue(const QJsonValue &value) override;
    QWidget *focusTarget() const override;

private:
    QLineEdit *mEdit;
};

class MultiLineEditor : public ValueEditor {
    Q_OBJECT
public:
    MultiLineEditor(const Field &field, QWidget *parent);
    QJsonValue value() const override;
    void setValue(const QJsonValue &value) override;
    QWidget *focusTarget() const override;

private:
    QPlainTextEdit *mEdit;
};

// A check box; tri-state (unset = NULL) when the field allows NULL.
class BooleanEditor : public ValueEditor {
    Q_OBJECT
public:
    BooleanEditor(const Field &field, QWidget *parent);
    QJsonValue value() const override;
    void setValue(const QJsonValue &value) override;
    QWidget *focusTarget() const override;

private:
    QCheckBox *mBox;
};

class EnumEditor : public ValueEditor {
    Q_OBJECT
public:
    EnumEditor(const Field &field, QWidget *parent);
    QJsonValue value() const override;
    void setValue(const QJsonValue &value) override;
    QWidget *focusTarget() const override;

private:
    QComboBox *mCombo;
};

// DATE, DATEONLY and TIME, with an "empty" state for NULL.
class DateTimeEditor : public ValueEditor {
    Q_OBJECT
public:
    DateTimeEditor(const Field &field, QWidget *parent);
    QJsonValue value() const override;
    void setValue(const QJsonValue &value) override;
    QWidget *focusTarget() const override;

private:
    QCheckBox *mSet;
    QDateTimeEdit *mEdit;
};

} // namespace modeldesk
