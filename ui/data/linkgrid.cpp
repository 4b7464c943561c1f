#include "data/linkgrid.h"

#include "data/caption.h"
#include "data/pickerchoice.h"
#include "document/appearance.h"
#include "records/recordbrowser.h"
#include "schema/fieldvalue.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QPainter>
#include <QPushButton>
#include <QScrollBar>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {
// The junction picker's own entries beside the records' keys.
const QString kCreate = u"__create__"_s;   // "New product…": asks for a new record
const QString kPending = u"__pending__"_s; // the new record asked for, created when the form is saved

// How a cell of a field's column shows its text: numbers on the right; a date the database gave (in UTC, with
// its zone) in the user's locale and time zone. The cell keeps, and its editor shows, the text as stored, and
// a date typed without a zone shows as typed.
class CellDelegate : public QStyledItemDelegate {
public:
    CellDelegate(const DataType &type, QObject *parent)
        : QStyledItemDelegate(parent)
        , mType(type) {}

    QString displayText(const QVariant &value, const QLocale &locale) const override {
        const QString text = value.toString();
        if (mType.kind == DataType::Kind::Date) {
            const QDateTime when = QDateTime::fromString(text, Qt::ISODateWithMs);
            if (when.isValid() && when.timeSpec() != Qt::LocalTime)
                return locale.toString(when.toLocalTime(), QLocale::ShortFormat);
        }
        return QStyledItemDelegate::displayText(value, locale);
    }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override {
        QStyledItemDelegate::initStyleOption(option, index);
        if (mType.isNumeric())
            option->displayAlignment = Qt::AlignRight | Qt::AlignVCenter;
    }

private:
    DataType mType;
};

// The grid's table, which says so when it has no rows instead of showing an empty box.
class GridTable : public QTableWidget {
public:
    GridTable(int columns, const QString &placeholder, QWidget *parent)
        : QTableWidget(0, columns, parent)
        , mPlaceholder(placeholder) {}

protected:
    void paintEvent(QPaintEvent *event) override {
        QTableWidget::paintEvent(event);
        if (rowCount() > 0)
            return;
        QPainter painter(viewport());
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(viewport()->rect().adjusted(8, 0, -8, 0), Qt::AlignLeft | Qt::AlignVCenter,
                         mPlaceholder);
    }

private:
    QString mPlaceholder;
};

} // namespace

QJsonValue cellValue(const Field &field, const QString &text) {
    return FieldValue::fromText(field.type, text);
}

LinkGrid::LinkGrid(const Options &options, ChoiceProvider choices, QWidget *parent)
    : Card(options.title, parent)
    , mOptions(options)
    , mChoices(std::move(choices))
    , mTable(new GridTable(
          int(options.fields.size()) + (options.pickModel.isEmpty() ? 0 : 1),
          options.pickModel.isEmpty()
              ? tr("No %1 yet: Add %2 starts one.").arg(options.title.toLower(), options.rowModel)
              : tr("No %1 linked yet: Add %1 picks one.").arg(options.pickModel),
          this)) {
    setObjectName(u"linkGrid_"_s + options.alias);
    setSubtitle(options.subtitle);
    mTable->setObjectName(u"grid_"_s + options.alias);
    // Captions, with the field's name and type as the tooltip.
    int column = 0;
    if (picks()) {
        auto *header = new QTableWidgetItem(caption(options.pickModel));
        header->setToolTip(tr("The %1 to link").arg(options.pickModel));
        mTable->setHorizontalHeaderItem(column++, header);
    }
    for (const Field &f : options.fields) {
        auto *header = new QTableWidgetItem(caption(f.name) + (f.isRequired() ? u" *"_s : QString()));
        header->setToolTip(u"%1 · %2"_s.arg(f.name, f.type.toString()) +
                           (f.isRequired() ? tr(" · required") : QString()));
        mTable->setItemDelegateForColumn(column, new CellDelegate(f.type, mTable));
        mTable->setHorizontalHeaderItem(column++, header);
    }
    mTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    mTable->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    mTable->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    mTable->setWordWrap(false);
    fitColumns();
    fitToRows();
    connect(mTable, &QTableWidget::cellChanged, this, &LinkGrid::edited);
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(mTable->model(), signal, this, &LinkGrid::fitToRows);
    connect(mTable->horizontalHeader(), &QHeaderView::sectionResized, this, &LinkGrid::fitToRows);

    auto *add = new QPushButton(appearance::icon(u"list-add"_s),
                                tr("Add %1").arg(picks() ? options.pickModel : options.rowModel), this);
    add->setObjectName(u"add_"_s + options.alias);
    auto *remove = new QPushButton(appearance::icon(u"list-remove"_s), tr("Remove"), this);
    remove->setObjectName(u"remove_"_s + options.alias);
    remove->setToolTip(tr("Remove the selected row"));
    connect(add, &QPushButton::clicked, this, [this] {
        const int row = addRow(pickChoices());
        mTable->setCurrentCell(row, firstFieldColumn() < mTable->columnCount() ? firstFieldColumn() : 0);
        emit edited();
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = mTable->currentRow();
        if (row < 0)
            return;
        mTable->removeRow(row);
        mKeys.removeAt(row);
        mPending.removeAt(row);
        emit edited();
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 12);
    layout->addWidget(mTable);
    layout->addLayout(buttons);
}

void LinkGrid::fitColumns() {
    const QFontMetrics metrics = mTable->fontMetrics();
    const auto charsWide = [&metrics](int chars) {
        return chars * metrics.averageCharWidth() + 16;
    };
    QHeaderView *header = mTable->horizontalHeader();
    for (int column = 0; column < mTable->columnCount(); ++column) {
        int width = charsWide(28); // a picker: a record's name and key
        if (column >= firstFieldColumn()) {
            const DataType &type = mOptions.fields.at(column - firstFieldColumn()).type;
            // A date's cell holds its stored form while it is edited: 2024-05-06T07:08:09.123Z.
            const int length = type.kind == DataType::Kind::Date ? 24 : type.maxTextLength();
            width = charsWide(std::clamp(length < 0 ? 40 : length, 8, 32));
        }
        const QString title = mTable->horizontalHeaderItem(column)->text();
        width = std::max(width, header->fontMetrics().horizontalAdvance(title) + 24);
        mTable->setColumnWidth(column, width);
    }
}

void LinkGrid::fitToRows() {
    const int rows = mTable->rowCount();
    int height = 2 * mTable->frameWidth() + mTable->horizontalHeader()->sizeHint().height();
    for (int r = 0; r < std::clamp(rows, 1, kMaxVisibleRows); ++r)
        height += r < rows ? mTable->rowHeight(r) : mTable->verticalHeader()->defaultSectionSize();
    int width = 2 * mTable->frameWidth() + mTable->verticalHeader()->sizeHint().width() +
                mTable->horizontalHeader()->length();
    if (rows > kMaxVisibleRows)
        width += mTable->verticalScrollBar()->sizeHint().width();
    mTable->setMaximumWidth(width);
    // Narrower than its columns, it scrolls sideways: room for the scroll bar below the rows.
    if (mTable->width() < width && mTable->isVisible())
        height += mTable->horizontalScrollBar()->sizeHint().height();
    mTable->setFixedHeight(height);
}

void LinkGrid::resizeEvent(QResizeEvent *event) {
    Card::resizeEvent(event);
    fitToRows();
}

QList<RecordChoice> LinkGrid::pickChoices() const {
    return picks() && mChoices ? mChoices(mOptions.pickModel, QString()) : QList<RecordChoice>();
}

int LinkGrid::addRow(const QList<RecordChoice> &choices) {
    const int row = mTable->rowCount();
    mTable->insertRow(row);
    mKeys.append(QJsonValue(QJsonValue::Undefined));
    mPending.append(QJsonObject());
    if (picks()) {
        auto *combo = new QComboBox(mTable);
        const bool creates = bool(mOptions.createTarget);
        makeSearchable(combo,
                       mChoices ? std::function([choices = mChoices, model = mOptions.pickModel](
                                                    const QString &text) { return choices(model, text); })
                                : nullptr,
                       [creates](QComboBox *c) { return creates ? c->count() - 1 : c->count(); });
        mTable->setCellWidget(row, 0, combo);
        fillPicker(row, choices);
        connect(combo, &QComboBox::activated, this, [this, combo] {
            if (combo->currentData().toString() == kCreate)
                createTargetFor(combo);
        });
    }
    return row;
}

int LinkGrid::rowOf(const QComboBox *combo) const {
    for (int r = 0; r < mTable->rowCount(); ++r)
        if (mTable->cellWidget(r, 0) == combo)
            return r;
    return -1;
}

void LinkGrid::createTargetFor(QComboBox *combo) {
    const int row = rowOf(combo);
    if (row < 0)
        return;
    const std::optional<QJsonObject> record = mOptions.createTarget(window());
    if (record)
        mPending[row] = *record;
    fillPicker(row, pickChoices());
    combo->setCurrentIndex(record ? combo->findData(kPending) : 0);
    if (record) {
        mTable->setCurrentCell(row, firstFieldColumn() < mTable->columnCount() ? firstFieldColumn() : 0);
        emit edited();
    }
}

void LinkGrid::fillPicker(int row, const QList<RecordChoice> &choices) {
    auto *combo = qobject_cast<QComboBox *>(mTable->cellWidget(row, 0));
    if (!combo)
        return;
    const QVariant current = combo->currentData();
    const QString currentLabel = combo->currentText();
    const QSignalBlocker block(combo);
    combo->clear();
    combo->addItem(tr("(choose)"), QVariant());
    if (!mPending.value(row).isEmpty()) {
        const QString name = FieldValue::toText(mPending.value(row).value(mOptions.pickLabel));
        combo->addItem(name.isEmpty() ? tr("new %1").arg(mOptions.pickModel) : tr("new: %1").arg(name),
                       kPending);
    }
    for (const RecordChoice &choice : choices)
        combo->addItem(choice.label, choice.key.toVariant());
    if (mOptions.createTarget)
        combo->addItem(tr("New %1…").arg(mOptions.pickModel), kCreate);
    combo->setCurrentIndex(0);
    if (current.toString() == kPending)
        combo->setCurrentIndex(std::max(0, combo->findData(kPending)));
    else if (current.toString() != kCreate) // kept even beyond the choices
        selectChoice(combo, QJsonValue::fromVariant(current), currentLabel,
                     mOptions.createTarget ? combo->count() - 1 : -1);
}

void LinkGrid::refreshChoices() {
    if (mTable->rowCount() == 0)
        return;
    const QList<RecordChoice> choices = pickChoices();
    for (int r = 0; r < mTable->rowCount(); ++r)
        fillPicker(r, choices);
}

QJsonArray LinkGrid::rows() const {
    QJsonArray result;
    for (int r = 0; r < mTable->rowCount(); ++r) {
        QJsonObject values;
        for (int c = 0; c < mOptions.fields.size(); ++c) {
            const QTableWidgetItem *cell = mTable->item(r, c + firstFieldColumn());
            const QJsonValue v = cellValue(mOptions.fields.at(c), cell ? cell->text() : QString());
            if (!v.isNull())
                values.insert(mOptions.fields.at(c).name, v);
        }
        if (picks()) {
            auto *combo = qobject_cast<QComboBox *>(mTable->cellWidget(r, 0));
            if (!combo || !combo->currentData().isValid() || combo->currentData().toString() == kCreate)
                continue;
            if (combo->currentData().toString() == kPending) { // a new record, created and linked by the save
                QJsonObject created = mPending.value(r);
                created.insert(mOptions.nestName, values);
                result.append(created);
                continue;
            }
            result.append(QJsonObject{{mOptions.keyAttribute, QJsonValue::fromVariant(combo->currentData())},
                                      {mOptions.nestName, values}});
        } else {
            if (!mKeys.value(r).isUndefined() && !mOptions.keyAttribute.isEmpty())
                values.insert(mOptions.keyAttribute, mKeys.value(r));
            result.append(values);
        }
    }
    return result;
}

void LinkGrid::setRows(const QJsonArray &rows) {
    const QSignalBlocker block(mTable);
    mTable->setRowCount(0);
    mKeys.clear();
    mPending.clear();
    const QList<RecordChoice> choices = rows.isEmpty() ? QList<RecordChoice>() : pickChoices();
    for (const QJsonValue &item : rows) {
        const QJsonObject object = item.toObject();
        const int row = addRow(choices);
        QJsonObject values = object;
        if (picks()) {
            auto *combo = qobject_cast<QComboBox *>(mTable->cellWidget(row, 0));
            const QJsonValue key = item.isObject() ? object.value(mOptions.keyAttribute) : item;
            selectChoice(combo, key, RecordBrowser::choiceLabel(object.value(mOptions.pickLabel), key));
            values = object.value(mOptions.nestName).toObject();
        } else {
            mKeys[row] = object.value(mOptions.keyAttribute);
        }
        for (int c = 0; c < mOptions.fields.size(); ++c)
            mTable->setItem(
                row, c + firstFieldColumn(),
                new QTableWidgetItem(FieldValue::toText(values.value(mOptions.fields.at(c).name))));
    }
}

QWidget *LinkGrid::markProblem(int row, const QString &field, const QString &message) {
    for (int c = 0; c < mOptions.fields.size(); ++c) {
        if (mOptions.fields.at(c).name != field)
            continue;
        const int column = c + firstFieldColumn();
        if (!mTable->item(row, column))
            mTable->setItem(row, column, new QTableWidgetItem);
        mTable->item(row, column)->setBackground(appearance::problemBackground(palette()));
        mTable->item(row, column)->setToolTip(message);
        mTable->setCurrentCell(row, column);
        return mTable;
    }
    return nullptr;
}

void LinkGrid::clearProblems() {
    for (int r = 0; r < mTable->rowCount(); ++r)
        for (int c = 0; c < mTable->columnCount(); ++c)
            if (QTableWidgetItem *item = mTable->item(r, c)) {
                item->setBackground(QBrush());
                item->setToolTip({});
            }
}

} // namespace modeldesk
