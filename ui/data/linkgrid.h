#pragma once

#include "data/card.h"
#include "records/recordbrowser.h"
#include "schema/field.h"

#include <QJsonArray>
#include <functional>
#include <optional>

class QComboBox;
class QTableWidget;

namespace modeldesk {

// An editable grid of linked records inside the entry form, with Add and Remove buttons. For a hasMany it
// holds the children themselves (one column per field; a loaded child keeps its key so that saving updates
// it). For a belongsToMany through a model with fields of its own, the first column picks an existing target
// record and the other columns hold the junction's fields (orderItem's quantity, unitPrice), nested under the
// junction model's name as the save controller expects. Columns are captioned and as wide as their type's
// values; the grid grows with its rows up to kMaxVisibleRows, then scrolls.
class LinkGrid : public Card {
    Q_OBJECT

public:
    // The records a picker offers for a model, those matching `search` (all when empty).
    using ChoiceProvider = std::function<QList<RecordChoice>(const QString &model, const QString &search)>;

    struct Options {
        QString title;
        QString alias;        // names the widgets: add_<alias>, remove_<alias>, grid_<alias>
        QList<Field> fields;  // the editable columns
        QString keyAttribute; // hasMany: the child's key; junction: the target key attribute
        QString pickModel;    // junction: the model whose records the first column picks
        QString nestName;     // junction: the through model's name, under which the field values go
        QString pickLabel;    // junction: the picked model's attribute that names a record ("name (#12)")
        QString rowModel;     // hasMany: the children's model ("Add order")
        // Junction: asks for a new record of pickModel to link (the picker's "New product…"); nullopt when
        // the user cancelled. Without it the picker offers existing records only.
        std::function<std::optional<QJsonObject>(QWidget *parent)> createTarget = {};
        QString subtitle = {}; // beside the title: "hasMany order"
    };

    static constexpr int kMaxVisibleRows = 8;

    LinkGrid(const Options &options, ChoiceProvider choices, QWidget *parent = nullptr);

    QTableWidget *table() const { return mTable; }
    // Rows as the save controller takes them; junction rows without a picked record are left out.
    QJsonArray rows() const;
    void setRows(const QJsonArray &rows);
    // Marks the cell of `field` in `row` and returns the widget to focus (null if there is no such cell).
    QWidget *markProblem(int row, const QString &field, const QString &message);
    void clearProblems();
    void refreshChoices();
    // Junction: the model whose records the first column picks; empty for a hasMany grid.
    QString pickModel() const { return mOptions.pickModel; }

signals:
    void edited();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    // Columns as wide as their values; the table as tall as its rows (one empty row's height at least,
    // kMaxVisibleRows at most) and as wide as its columns.
    void fitColumns();
    void fitToRows();
    bool picks() const { return !mOptions.pickModel.isEmpty(); }
    int firstFieldColumn() const { return picks() ? 1 : 0; }
    // Adds a row; a junction row's picker lists `choices` (the picked model's records, read once for all
    // rows being added).
    int addRow(const QList<RecordChoice> &choices);
    void fillPicker(int row, const QList<RecordChoice> &choices);
    // The picker's "New …" entry was chosen in `combo`: asks for the record and links it as new.
    void createTargetFor(QComboBox *combo);
    int rowOf(const QComboBox *combo) const;
    QList<RecordChoice> pickChoices() const;

    Options mOptions;
    ChoiceProvider mChoices;
    QTableWidget *mTable;
    QList<QJsonValue> mKeys;     // hasMany: the loaded child's key per row (Undefined for a new one)
    QList<QJsonObject> mPending; // junction: per row, a new target record to create and link (or empty)
};

// A grid cell's text as the JSON value the record store takes for `field` (FieldValue::toText is the way
// back).
QJsonValue cellValue(const Field &field, const QString &text);

} // namespace modeldesk
