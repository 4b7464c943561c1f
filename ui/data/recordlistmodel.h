#pragma once

#include "records/recordbrowser.h"
#include "schema/datatype.h"

#include <QAbstractTableModel>
#include <QHash>
#include <functional>

namespace modeldesk {

// The record list of the data mode: rows arrive a page at a time as the view scrolls (fetchMore), so a
// table of a million rows opens at once. Sorting and searching re-query through the fetch function. Deleted
// records (when asked for) are greyed and struck through, with when they were deleted as their tooltip.
// Dates show in the user's locale and time zone (the stored value is the tooltip).
class RecordListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    using Fetch = std::function<std::optional<RecordPage>(const BrowseQuery &, QString *error)>;
    using Count = std::function<std::optional<qint64>(const BrowseQuery &, QString *error)>;
    // Where the rows come from: pages of them, how many there are in all, and the columns' types by
    // attribute (how a value is shown).
    struct Source {
        Fetch fetch;
        Count count;
        QHash<QString, DataType> types;
    };

    explicit RecordListModel(QObject *parent = nullptr);

    // Starts over with a new model, search or order.
    void reset(const Source &source, const BrowseQuery &query);
    QString lastError() const { return mError; }
    // How many records the list holds in all, also those not fetched yet; -1 when unknown.
    qint64 totalCount() const { return mTotal; }
    // Fetches what is missing up to `row` (in one query), so that the row can be selected.
    void fetchThrough(int row);
    QJsonValue keyAt(int row) const;
    int rowOfKey(const QJsonValue &key) const;
    // When row `row` was deleted (listed with BrowseQuery::withDeleted), or null for a live record.
    QJsonValue deletedAt(int row) const;
    // The attribute holding a paranoid model's deletion time and its column, or empty and -1.
    QString deletedAtAttribute() const;
    int deletedAtColumn() const { return mDeletedAtIndex; }
    // "deleted 2030-05-06 07:08:09 UTC", as a deleted row's tooltip and the form say it.
    static QString deletedText(const QJsonValue &deletedAt);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order) override;

signals:
    void failed(const QString &error);

private:
    void updateTotal();
    QVariant displayValue(int column, const QJsonValue &value) const;

    Source mSource;
    BrowseQuery mQuery;
    qint64 mTotal = -1;
    QStringList mAttributes;
    QList<QList<QJsonValue>> mRows;
    int mKeyIndex = -1;
    int mDeletedAtIndex = -1;
    bool mAtEnd = true;
    QString mError;
};

} // namespace modeldesk
