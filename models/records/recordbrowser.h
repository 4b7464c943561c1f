#pragma once

#include "db/databaseconnection.h"
#include "schema/resolvedschema.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QList>
#include <optional>

namespace modeldesk {

// One page of a model's records, for lists and pickers.
struct RecordPage {
    QStringList attributes;        // the table's columns by attribute name, in table order
    QList<QList<QJsonValue>> rows; // values as FieldValue::toJson gives them
    int keyIndex = -1;             // the single primary key's position in `attributes`, or -1
    int deletedAtIndex = -1;       // a paranoid model's deletedAt position in `attributes`, or -1

    // When row `row` was deleted (a paranoid model's deletedAt), or null for a live record.
    QJsonValue deletedAt(qsizetype row) const {
        return deletedAtIndex < 0 ? QJsonValue() : rows.at(row).at(deletedAtIndex);
    }
};

// What a list asks for: a search text (matched case-insensitively against the text columns), an order, and a
// window of rows.
struct BrowseQuery {
    QString model;
    QString search;
    QString sortAttribute; // empty: by primary key
    bool descending = false;
    int offset = 0;
    int limit = 200;
    bool withDeleted = false; // a paranoid model's deleted records too (Sequelize's `paranoid: false`)
};

// A record as a picker shows it: its key and a label a person recognises (its first text field).
struct RecordChoice {
    QJsonValue key;
    QString label;
};

// Reads records page by page for the data mode's record list and the link pickers, so that a table of a
// million rows opens as fast as one of ten. Values are bound and identifiers quoted like everywhere else;
// paranoid models hide their deleted rows unless a list asks for them (pickers never do).
class RecordBrowser {
    Q_DECLARE_TR_FUNCTIONS(RecordBrowser)
public:
    RecordBrowser(const ResolvedSchema &resolved, DatabaseConnection &connection)
        : mResolved(resolved)
        , mConnection(connection) {}

    std::optional<RecordPage> page(const BrowseQuery &query, QString *error);
    // How many records the query lists in all (its search and withDeleted; the window is ignored): the
    // "of 120" of the form's record navigator.
    std::optional<qint64> count(const BrowseQuery &query, QString *error);
    std::optional<QList<RecordChoice>> choices(const QString &model, const QString &search, int limit,
                                               QString *error);
    // How a picker shows a record: "name (#key)" (a key longer than 13 characters cut to its first 8 and
    // "…"), or "#key" when `name` is not text.
    static QString choiceLabel(const QJsonValue &name, const QJsonValue &key);
    // The attribute that names a record for people: the first declared text column, else the key.
    static QString labelAttribute(const Table &table);
    // Whether `model` is paranoid: its deleted records are kept (marked by deletedAt), so a list can show
    // them (BrowseQuery::withDeleted) and RecordStore::restore can bring them back.
    bool keepsDeleted(const QString &model) const;

private:
    QString whereClause(const Table &table, const BrowseQuery &query, QVariantList *binds) const;

    const ResolvedSchema &mResolved;
    DatabaseConnection &mConnection;
};

} // namespace modeldesk
