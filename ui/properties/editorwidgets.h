#pragma once

#include "document/appearance.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>

namespace modeldesk::editor {

// Small helpers the property editors share. The set* functions show a document value without disturbing
// the user: no signals (a re-sync must never push a command), no focus change, and text the user is typing
// into a focused editor is left alone until they commit it.

inline bool isBeingEdited(const QLineEdit *edit) {
    return edit->hasFocus() && edit->isModified();
}

inline void setText(QLineEdit *edit, const QString &text) {
    if (edit->text() == text || isBeingEdited(edit))
        return;
    const QSignalBlocker blocker(edit);
    edit->setText(text); // also clears isModified()
    if (!edit->hasFocus())
        edit->setCursorPosition(0); // show the start of a long value, e.g. ENUM('new',...
}

inline void setEditText(QComboBox *combo, const QString &text) {
    if (QLineEdit *edit = combo->lineEdit())
        return setText(edit, text);
}

inline void setCurrentData(QComboBox *combo, const QVariant &data) {
    const QSignalBlocker blocker(combo);
    combo->setCurrentIndex(qMax(0, combo->findData(data)));
}

inline void setChecked(QAbstractButton *button, bool checked) {
    const QSignalBlocker blocker(button);
    button->setChecked(checked);
}

// A word-wrapped error line, hidden while there is nothing to say.
inline QLabel *makeMessageLabel(const QString &objectName, QWidget *parent) {
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setProperty("errorLine", true); // showMessage() colours it
    label->hide();
    return label;
}

inline void showMessage(QLabel *label, const QString &message) {
    // In the error colour of the palette in use (it changes with View > Theme).
    if (!message.isEmpty() && label->property("errorLine").toBool()) {
        QPalette palette = label->palette();
        palette.setColor(QPalette::WindowText,
                         appearance::toneColor(appearance::Tone::Error, QGuiApplication::palette()));
        label->setPalette(palette);
    }
    label->setText(message);
    label->setVisible(!message.isEmpty());
    // A QFormLayout row gives a word-wrapped label about one line (the message was cut in half): ask for the
    // height of the wrapped text at the narrowest width the row can have.
    if (!message.isEmpty() && label->parentWidget())
        label->setMinimumHeight(label->heightForWidth(qMax(120, label->parentWidget()->width() - 24)));
}

// A grey explanatory note, hidden while empty (sized for its wrapped text, as showMessage does).
inline void setNote(QLabel *label, const QString &note) {
    showMessage(label, note);
}

// The bold title of a section ("Model", "Fields", "Field status").
inline QLabel *makeSectionHeader(const QString &text, QWidget *parent) {
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    label->setContentsMargins(0, 4, 0, 0);
    return label;
}

inline QFormLayout *makeForm() {
    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    return form;
}

// A form row whose field is a layout: QFormLayout gives such a label no buddy, so its "&" would show.
inline void addRow(QFormLayout *form, const QString &label, QLayout *field, QWidget *buddy) {
    auto *text = new QLabel(label);
    text->setBuddy(buddy);
    form->addRow(text, field);
}

// Lines up the label columns of forms stacked in one editor.
inline void alignLabelColumns(const QList<QFormLayout *> &forms) {
    int width = 0;
    QList<QWidget *> labels;
    for (QFormLayout *form : forms)
        for (int row = 0; row < form->rowCount(); ++row)
            if (QLayoutItem *item = form->itemAt(row, QFormLayout::LabelRole); item && item->widget()) {
                labels << item->widget();
                width = qMax(width, item->widget()->sizeHint().width());
            }
    for (QWidget *label : std::as_const(labels))
        label->setMinimumWidth(width);
}

} // namespace modeldesk::editor
