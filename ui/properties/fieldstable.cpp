#include "properties/fieldstable.h"

#include "editing/propertytext.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QSignalBlocker>
#include <QStyle>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

enum Column { NameColumn, TypeColumn, ConstraintsColumn, ColumnCount };

QToolButton *makeButton(QWidget *parent, const QString &objectName, const QString &text,
                        const QString &toolTip) {
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setAutoRaise(false);
    return button;
}

void setCell(QTableWidget *table, int row, int column, const QString &text, const QString &toolTip = {}) {
    QTableWidgetItem *item = table->item(row, column);
    if (!item) {
        item = new QTableWidgetItem;
        item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
        table->setItem(row, column, item);
    }
    if (item->text() != text)
        item->setText(text);
    item->setToolTip(toolTip);
}

} // namespace

FieldsTable::FieldsTable(QWidget *parent)
    : QWidget(parent)
    , mTable(new QTableWidget(0, ColumnCount, this)) {
    mTable->setObjectName(u"fieldsTable"_s);
    mTable->setHorizontalHeaderLabels({tr("Name"), tr("Type"), tr("Constraints")});
    mTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    mTable->setSelectionMode(QAbstractItemView::SingleSelection);
    mTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mTable->setAlternatingRowColors(true);
    mTable->setWordWrap(false);
    mTable->setTextElideMode(Qt::ElideRight);
    mTable->verticalHeader()->hide();
    mTable->verticalHeader()->setDefaultSectionSize(mTable->fontMetrics().height() + 8);
    QHeaderView *header = mTable->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(NameColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(TypeColumn, QHeaderView::Interactive);
    header->setStretchLastSection(true);
    header->resizeSection(NameColumn, 96);
    header->resizeSection(TypeColumn, 104);
    mTable->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    mTable->setMinimumHeight(mTable->verticalHeader()->defaultSectionSize() * 5 +
                             header->sizeHint().height());
    mTable->installEventFilter(this);
    mTable->setToolTip(tr("Insert adds a field, Delete removes it, Ctrl+Up / Ctrl+Down move it"));

    mAdd = makeButton(this, u"addFieldButton"_s, tr("Add field"), tr("Add a field (Insert)"));
    mRemove =
        makeButton(this, u"removeFieldButton"_s, tr("Remove"), tr("Remove the selected field (Delete)"));
    mUp = makeButton(this, u"moveFieldUpButton"_s, tr("Move up"), tr("Move the field up (Ctrl+Up)"));
    mDown =
        makeButton(this, u"moveFieldDownButton"_s, tr("Move down"), tr("Move the field down (Ctrl+Down)"));
    mUp->setIcon(style()->standardIcon(QStyle::SP_ArrowUp));
    mDown->setIcon(style()->standardIcon(QStyle::SP_ArrowDown));
    for (QToolButton *arrow : {mUp, mDown})
        arrow->setToolButtonStyle(Qt::ToolButtonIconOnly);

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(4);
    buttons->addWidget(mAdd);
    buttons->addWidget(mRemove);
    buttons->addStretch();
    buttons->addWidget(mUp);
    buttons->addWidget(mDown);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(mTable);
    layout->addLayout(buttons);

    connect(mAdd, &QToolButton::clicked, this, &FieldsTable::addRequested);
    connect(mRemove, &QToolButton::clicked, this, &FieldsTable::requestRemove);
    connect(mUp, &QToolButton::clicked, this, [this] { requestMove(-1); });
    connect(mDown, &QToolButton::clicked, this, [this] { requestMove(+1); });
    connect(mTable, &QTableWidget::currentCellChanged, this, [this](int row, int, int previousRow, int) {
        updateButtons();
        if (row != previousRow)
            emit currentRowChanged(row);
    });
    updateButtons();
}

void FieldsTable::setFields(const QList<Field> &fields) {
    const QSignalBlocker blocker(mTable);
    const int current = mTable->currentRow();
    mTable->setRowCount(int(fields.size()));
    for (int row = 0; row < fields.size(); ++row) {
        const Field &field = fields.at(row);
        const QString constraints = constraintsText(field);
        setCell(mTable, row, NameColumn, field.name, field.comment);
        setCell(mTable, row, TypeColumn, field.type.toString(), field.type.toString());
        setCell(mTable, row, ConstraintsColumn, constraints, constraints);
    }
    const int row = fields.isEmpty() ? -1 : qBound(0, current, int(fields.size()) - 1);
    if (mTable->currentRow() != row || (row >= 0 && !mTable->item(row, 0)->isSelected()))
        mTable->setCurrentCell(row, row < 0 ? -1 : NameColumn);
    updateButtons();
}

int FieldsTable::currentRow() const {
    return mTable->currentRow();
}

void FieldsTable::setCurrentRow(int row) {
    mTable->setCurrentCell(row, row < 0 ? -1 : NameColumn);
}

bool FieldsTable::eventFilter(QObject *watched, QEvent *event) {
    if (watched != mTable || (event->type() != QEvent::ShortcutOverride && event->type() != QEvent::KeyPress))
        return QWidget::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    const Qt::KeyboardModifiers modifiers = key->modifiers() & ~Qt::KeypadModifier;
    const bool plain = modifiers == Qt::NoModifier;
    const bool ctrl = modifiers == Qt::ControlModifier;
    const bool handled = (plain && (key->key() == Qt::Key_Insert || key->key() == Qt::Key_Delete)) ||
                         (ctrl && (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down));
    if (!handled)
        return QWidget::eventFilter(watched, event);
    // Claim the key before the window's shortcuts see it: Delete here removes a field, not the model.
    event->accept();
    if (event->type() == QEvent::ShortcutOverride)
        return true;
    switch (key->key()) {
    case Qt::Key_Insert:
        emit addRequested();
        break;
    case Qt::Key_Delete:
        requestRemove();
        break;
    case Qt::Key_Up:
        requestMove(-1);
        break;
    default:
        requestMove(+1);
        break;
    }
    return true;
}

void FieldsTable::requestRemove() {
    if (const int row = mTable->currentRow(); row >= 0)
        emit removeRequested(row);
}

void FieldsTable::requestMove(int delta) {
    const int row = mTable->currentRow();
    const int to = row + delta;
    if (row >= 0 && to >= 0 && to < mTable->rowCount())
        emit moveRequested(row, to);
}

void FieldsTable::updateButtons() {
    const int row = mTable->currentRow();
    mRemove->setEnabled(row >= 0);
    mUp->setEnabled(row > 0);
    mDown->setEnabled(row >= 0 && row < mTable->rowCount() - 1);
}

QString FieldsTable::constraintsText(const Field &field) {
    QStringList parts;
    if (field.primaryKey)
        parts << tr("PK");
    if (field.autoIncrement)
        parts << tr("auto");
    if (!field.primaryKey && field.allowNull == false)
        parts << tr("not null");
    if (field.unique)
        parts << tr("unique");
    if (field.hasDefault())
        parts << tr("= %1").arg(PropertyText::defaultValueText(field.defaultValue));
    if (!field.validate.isEmpty())
        parts << tr("validated");
    return parts.join(u", "_s);
}

} // namespace modeldesk
