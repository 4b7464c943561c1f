#pragma once

#include "schema/field.h"

#include <QWidget>

class QTableWidget;
class QToolButton;

namespace modeldesk {

// The list of a model's fields (name, type, constraints at a glance) with the buttons and keys that add,
// remove and reorder them. It only asks: the model editor turns each request into an undo command, and
// the field editor below the list edits the current field.
//
// Keys while the list has focus: Insert adds, Delete removes, Ctrl+Up / Ctrl+Down move the current field.
class FieldsTable : public QWidget {
    Q_OBJECT

public:
    explicit FieldsTable(QWidget *parent = nullptr);

    // Shows `fields`, keeping the current row (clamped to the new size). Emits nothing.
    void setFields(const QList<Field> &fields);
    int currentRow() const;
    void setCurrentRow(int row);
    QTableWidget *table() const { return mTable; }

signals:
    void currentRowChanged(int row);
    void addRequested();
    void removeRequested(int row);
    void moveRequested(int from, int to);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void requestRemove();
    void requestMove(int delta);
    void updateButtons();
    static QString constraintsText(const Field &field);

    QTableWidget *mTable;
    QToolButton *mAdd;
    QToolButton *mRemove;
    QToolButton *mUp;
    QToolButton *mDown;
};

} // namespace modeldesk
