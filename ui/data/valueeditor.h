#pragma once

#include "schema/field.h"

#include <QJsonValue>
#include <QWidget>

class QLabel;

namespace modeldesk {

// An editor for one field's value, chosen by its data type: text with the length limit, exact integer and
// decimal entry (BIGINT and DECIMAL never pass through floating point), a tri-state check for a nullable
// BOOLEAN, date/time editors that can be empty, a combo for ENUM, multi-line text for TEXT and JSON, a
// generator for UUID. It checks the value as the user types (type, length, required, validate rules) and can
// show a problem found later (by the save controller) under itself. Its input is as wide as the longest value
// of the field's type (DataType::maxTextLength: STRING(32) about 32 characters, INTEGER narrow, TEXT wide),
// within bounds, so that a form reads like a paper form rather than a column of equal bars.
class ValueEditor : public QWidget {
    Q_OBJECT

public:
    static ValueEditor *create(const Field &field, QWidget *parent = nullptr);

    const Field &field() const { return mField; }
    // The value as JSON, in the shape the save controller takes; null when empty.
    virtual QJsonValue value() const = 0;
    virtual void setValue(const QJsonValue &value) = 0;
    // A message under the editor, and a red frame; empty clears it.
    void setProblem(const QString &message);
    QString problem() const { return mProblem; }
    // Checks the current value against the field; shows and returns the message (empty when fine).
    QString check();
    // The widget to focus when the problem is shown.
    virtual QWidget *focusTarget() const = 0;
    // Checks the value and tells listeners; the input widgets call it as the user types.
    void emitEdited();
    // The widest the input gets, in pixels, for a value of `chars` characters (digits when `digits`).
    int widthForChars(int chars, bool digits = false) const;
    // Bounds of an input's width, in characters: a narrow field still shows its hint ("optional"), a wide
    // one stops at a readable line length.
    static constexpr int kMinChars = 10;
    static constexpr int kMaxChars = 64;

signals:
    void edited();

protected:
    ValueEditor(const Field &field, QWidget *parent);
    // Subclasses put their input widget here; the problem label goes below it.
    void setInput(QWidget *input);
    // The problem's colours follow the palette (View ▸ Theme).
    void changeEvent(QEvent *event) override;

private:
    Field mField;
    QLabel *mProblemLabel;
    QString mProblem;
};

} // namespace modeldesk
