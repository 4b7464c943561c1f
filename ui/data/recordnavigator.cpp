#include "data/recordnavigator.h"

#include "data/datapage.h"
#include "data/recordlistmodel.h"
#include "document/appearance.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QToolButton>

namespace modeldesk {

using namespace Qt::StringLiterals;

RecordNavigator::RecordNavigator(DataPage *page, QTableView *list, RecordListModel *model, QWidget *parent)
    : QWidget(parent)
    , mPage(page)
    , mList(list)
    , mModel(model)
    , mPosition(new QLabel(this))
    , mModified(new QLabel(tr("● Modified"), this)) {
    setObjectName(u"recordNavigator"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    struct Step {
        Move move;
        const char *name;
        QString text;
        const char *icon;
        QList<QKeySequence> keys;
    };
    const QList<Step> steps{
        {Move::First,
         "actionFirstRecord",
         tr("First record"),
         "go-first",
         {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_PageUp), QKeySequence(Qt::ALT | Qt::Key_Home)}},
        {Move::Previous,
         "actionPreviousRecord",
         tr("Previous record"),
         "go-previous",
         {QKeySequence(Qt::CTRL | Qt::Key_PageUp), QKeySequence(Qt::ALT | Qt::Key_Left)}},
        {Move::Next,
         "actionNextRecord",
         tr("Next record"),
         "go-next",
         {QKeySequence(Qt::CTRL | Qt::Key_PageDown), QKeySequence(Qt::ALT | Qt::Key_Right)}},
        {Move::Last,
         "actionLastRecord",
         tr("Last record"),
         "go-last",
         {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_PageDown), QKeySequence(Qt::ALT | Qt::Key_End)}},
    };
    for (const Step &step : steps) {
        auto *action = new QAction(appearance::icon(QString::fromLatin1(step.icon)), step.text, this);
        action->setObjectName(QString::fromLatin1(step.name));
        action->setShortcuts(step.keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(u"%1 (%2)"_s.arg(step.text, step.keys.first().toString(QKeySequence::NativeText)));
        connect(action, &QAction::triggered, this, [this, move = step.move] { go(move); });
        page->addAction(action); // the keys work anywhere on the data page
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setAutoRaise(true);
        button->setToolButtonStyle(Qt::ToolButtonIconOnly);
        mActions << action;
        layout->addWidget(button);
    }
    // After the buttons, so that they stay put whatever it says.
    mPosition->setObjectName(u"recordPosition"_s);
    layout->addSpacing(8);
    layout->addWidget(mPosition);
    layout->addSpacing(12);
    mModified->setObjectName(u"modifiedMarker"_s);
    mModified->setToolTip(
        tr("The form holds input that is not saved: Save (Ctrl+S) writes it, Revert drops it"));
    layout->addWidget(mModified);
    layout->addStretch(1);

    connect(page, &DataPage::unsavedInputChanged, this, &RecordNavigator::refresh);
    connect(page, &DataPage::recordShown, this, &RecordNavigator::refresh);
    connect(model, &QAbstractItemModel::modelReset, this, &RecordNavigator::refresh);
    connect(model, &QAbstractItemModel::rowsInserted, this, &RecordNavigator::refresh);
    refresh();
}

QAction *RecordNavigator::action(Move move) const {
    return mActions.value(int(move));
}

int RecordNavigator::currentRow() const {
    const QJsonValue key = mPage->loadedKey();
    return key.isUndefined() ? -1 : mModel->rowOfKey(key);
}

int RecordNavigator::targetRow(Move move) const {
    const qint64 total = mModel->totalCount() >= 0 ? mModel->totalCount() : mModel->rowCount();
    if (total <= 0)
        return -1;
    const int current = currentRow();
    switch (move) {
    case Move::First:
        return 0;
    case Move::Last:
        return int(total - 1);
    case Move::Previous: // from a new record: the last one, as a step back from the end
        return current < 0 ? int(total - 1) : current - 1;
    case Move::Next:
        return current < 0 ? 0 : (current + 1 < total ? current + 1 : -1);
    }
    return -1;
}

bool RecordNavigator::go(Move move) {
    if (targetRow(move) < 0 || targetRow(move) == currentRow())
        return false;
    // Typed input first: saving it may change the list (a new record joins it), so the row is found after.
    if (!mPage->maybeKeepInput())
        return false;
    return goToRow(targetRow(move));
}

bool RecordNavigator::goToRow(int row) {
    if (row < 0 || !mPage->maybeKeepInput())
        return false;
    mModel->fetchThrough(row);
    if (row >= mModel->rowCount())
        return false;
    mList->selectRow(row); // the page loads the row's record
    mList->scrollTo(mModel->index(row, 0));
    refresh();
    return currentRow() == row;
}

QString RecordNavigator::positionText() const {
    const qint64 total = mModel->totalCount();
    const QString count = total < 0 ? tr("%1+").arg(mModel->rowCount()) : QLocale().toString(total);
    const int row = currentRow();
    if (row >= 0)
        return tr("%1 of %2").arg(QLocale().toString(row + 1), count);
    if (!mPage->loadedKey().isUndefined())
        return tr("Not in the list · %1").arg(count);
    return total == 0 ? tr("New record · none in the list") : tr("New record · %1 in the list").arg(count);
}

void RecordNavigator::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        refresh(); // the marker's colour is the palette's
}

void RecordNavigator::refresh() {
    mPosition->setText(positionText());
    const int row = currentRow();
    const qint64 total = mModel->totalCount() >= 0 ? mModel->totalCount() : mModel->rowCount();
    action(Move::First)->setEnabled(total > 0 && row != 0);
    action(Move::Previous)->setEnabled(total > 0 && row != 0);
    action(Move::Next)->setEnabled(total > 0 && (row < 0 || row + 1 < total));
    action(Move::Last)->setEnabled(total > 0 && row != total - 1);
    mModified->setStyleSheet(appearance::toneStyle(appearance::Tone::Notice, palette()) +
                             u"font-weight: 600;"_s);
    mModified->setVisible(mPage->hasUnsavedInput());
}

} // namespace modeldesk
