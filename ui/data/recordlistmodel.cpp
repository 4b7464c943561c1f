#include "data/recordlistmodel.h"

#include "schema/fieldvalue.h"

#include <QDateTime>
#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {
constexpr int kPageSize = 200;
} // namespace

RecordListModel::RecordListModel(QObject *parent)
    : QAbstractTableModel(parent) {
}

void RecordListModel::reset(const Source &source, const BrowseQuery &query) {
    beginResetModel();
    mSource = source;
    mQuery = query;
    mQuery.offset = 0;
    mQuery.limit = kPageSize;
    mRows.clear();
    mAttributes.clear();
    mDeletedAtIndex = -1;
    mTotal = -1;
    mError.clear();
    mAtEnd = !mSource.fetch;
    if (mSource.fetch) {
        if (const auto page = mSource.fetch(mQuery, &mError)) {
            mAttributes = page->attributes;
            mKeyIndex = page->keyIndex;
            mDeletedAtIndex = page->deletedAtIndex;
            mRows = page->rows;
            mAtEnd = page->rows.size() < kPageSize;
        } else {
            mAtEnd = true;
        }
    }
    updateTotal();
    endResetModel();
    if (!mError.isEmpty())
        emit failed(mError);
}

// All rows fetched: they are the count. Otherwise the database counts them (the search and withDeleted of
// the list), once per reset.
void RecordListModel::updateTotal() {
    if (mAtEnd) {
        mTotal = mError.isEmpty() ? mRows.size() : -1;
        return;
    }
    QString error;
    const std::optional<qint64> count = mSource.count ? mSource.count(mQuery, &error) : std::nullopt;
    mTotal = count.value_or(-1);
}

void RecordListModel::fetchThrough(int row) {
    if (row < mRows.size() || mAtEnd || !mSource.fetch)
        return;
    BrowseQuery next = mQuery;
    next.offset = int(mRows.size());
    next.limit = row + 1 - int(mRows.size());
    const auto page = mSource.fetch(next, &mError);
    if (!page) {
        mAtEnd = true;
        emit failed(mError);
        return;
    }
    mAtEnd = page->rows.size() < next.limit;
    if (page->rows.isEmpty())
        return;
    beginInsertRows({}, int(mRows.size()), int(mRows.size() + page->rows.size() - 1));
    mRows.append(page->rows);
    endInsertRows();
}

QJsonValue RecordListModel::keyAt(int row) const {
    if (row < 0 || row >= mRows.size() || mKeyIndex < 0)
        return QJsonValue(QJsonValue::Undefined);
    return mRows.at(row).at(mKeyIndex);
}

int RecordListModel::rowOfKey(const QJsonValue &key) const {
    for (int r = 0; r < mRows.size(); ++r)
        if (mKeyIndex >= 0 && mRows.at(r).at(mKeyIndex) == key)
            return r;
    return -1;
}

QJsonValue RecordListModel::deletedAt(int row) const {
    if (row < 0 || row >= mRows.size() || mDeletedAtIndex < 0)
        return QJsonValue();
    return mRows.at(row).at(mDeletedAtIndex);
}

QString RecordListModel::deletedAtAttribute() const {
    return mDeletedAtIndex < 0 ? QString() : mAttributes.value(mDeletedAtIndex);
}

QString RecordListModel::deletedText(const QJsonValue &deletedAt) {
    const QDateTime when = QDateTime::fromString(deletedAt.toString(), Qt::ISODateWithMs);
    return when.isValid() ? tr("deleted %1 UTC").arg(when.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s))
                          : tr("deleted %1").arg(deletedAt.toString());
}

int RecordListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(mRows.size());
}

int RecordListModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(mAttributes.size());
}

QVariant RecordListModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid())
        return {};
    const QJsonValue deleted = deletedAt(index.row());
    if (!deleted.isNull()) {
        if (role == Qt::ForegroundRole)
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        if (role == Qt::FontRole && index.column() != mDeletedAtIndex) { // the date stays easy to read
            QFont font;
            font.setStrikeOut(true);
            return font;
        }
        if (role == Qt::ToolTipRole)
            return deletedText(deleted);
    }
    if (role == Qt::TextAlignmentRole) { // numbers line up on the right, as in a spreadsheet
        const auto type = mSource.types.constFind(mAttributes.value(index.column()));
        const bool number = type != mSource.types.cend() && type->isNumeric() && index.column() != mKeyIndex;
        return QVariant::fromValue(
            Qt::Alignment((number ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const QJsonValue v = mRows.at(index.row()).at(index.column());
    if (v.isNull())
        return role == Qt::DisplayRole ? QVariant(u"∅"_s) : QVariant(tr("NULL"));
    return role == Qt::DisplayRole ? displayValue(index.column(), v) : QVariant(FieldValue::toText(v));
}

// A date as people read it, in their time zone and locale ("26/11/2026 14:03"); other values as stored.
QVariant RecordListModel::displayValue(int column, const QJsonValue &v) const {
    const auto type = mSource.types.constFind(mAttributes.value(column));
    if (type != mSource.types.cend() && v.isString()) {
        if (type->kind == DataType::Kind::Date) {
            const QDateTime when = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
            if (when.isValid())
                return QLocale().toString(when.toLocalTime(), QLocale::ShortFormat);
        } else if (type->kind == DataType::Kind::DateOnly) {
            const QDate day = QDate::fromString(v.toString(), Qt::ISODate);
            if (day.isValid())
                return QLocale().toString(day, QLocale::ShortFormat);
        }
    }
    if (v.isDouble())
        return v.toDouble() == double(v.toInteger()) ? QVariant(v.toInteger()) : QVariant(v.toDouble());
    if (v.isBool())
        return v.toBool() ? u"true"_s : u"false"_s;
    return v.toString();
}

QVariant RecordListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section < mAttributes.size())
        return mAttributes.at(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

bool RecordListModel::canFetchMore(const QModelIndex &parent) const {
    return !parent.isValid() && !mAtEnd;
}

void RecordListModel::fetchMore(const QModelIndex &parent) {
    if (parent.isValid() || mAtEnd || !mSource.fetch)
        return;
    BrowseQuery next = mQuery;
    next.offset = int(mRows.size());
    next.limit = kPageSize;
    const auto page = mSource.fetch(next, &mError);
    if (!page) {
        mAtEnd = true;
        emit failed(mError);
        return;
    }
    mAtEnd = page->rows.size() < kPageSize;
    if (page->rows.isEmpty())
        return;
    beginInsertRows({}, int(mRows.size()), int(mRows.size() + page->rows.size() - 1));
    mRows.append(page->rows);
    endInsertRows();
}

void RecordListModel::sort(int column, Qt::SortOrder order) {
    if (column < 0 || column >= mAttributes.size())
        return;
    mQuery.sortAttribute = mAttributes.at(column);
    mQuery.descending = order == Qt::DescendingOrder;
    reset(mSource, mQuery);
}

} // namespace modeldesk
