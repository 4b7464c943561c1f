#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QTableView;

namespace modeldesk {

class DataPage;
class RecordListModel;

// The record navigator above the form, as in an Access form: first, previous, next and last record of the
// list in its order (Ctrl+Shift+PgUp, Ctrl+PgUp, Ctrl+PgDown, Ctrl+Shift+PgDown; Alt+Left and Alt+Right too),
// where the form's record is in the list ("3 of 120"), and "Modified" while the form holds input that is not
// saved. A move first settles typed input through DataPage::maybeKeepInput (Save / Discard / Cancel), then
// selects the record's row, which loads it.
class RecordNavigator : public QWidget {
    Q_OBJECT

public:
    enum class Move { First, Previous, Next, Last };

    RecordNavigator(DataPage *page, QTableView *list, RecordListModel *model, QWidget *parent = nullptr);

    // Goes to the record `move` names; false when there is none, or the user kept the typed input.
    bool go(Move move);
    // Goes to the record in row `row` of the list (fetching it when the list has not yet).
    bool goToRow(int row);
    QAction *action(Move move) const;
    // "3 of 120", "New record · 120 in the list".
    QString positionText() const;
    QLabel *modifiedMarker() const { return mModified; }
    // Reads the position again (the page calls it when another record is shown).
    void refresh();

protected:
    void changeEvent(QEvent *event) override;

private:
    // The form's record's row in the list, or -1 (a new record, or one the list does not show).
    int currentRow() const;
    int targetRow(Move move) const;

    DataPage *mPage;
    QTableView *mList;
    RecordListModel *mModel;
    QList<QAction *> mActions; // by Move
    QLabel *mPosition;
    QLabel *mModified;
};

} // namespace modeldesk
