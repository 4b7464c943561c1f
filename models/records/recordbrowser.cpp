#include "records/recordbrowser.h"

#include "schema/fieldvalue.h"
#include "sql/drivervalue.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

bool searchable(const Column &column) {
    using K = DataType::Kind;
    const K k = column.type.kind;
    return k == K::String || k == K::Char || k == K::Text || k == K::Enum || k == K::Uuid;
}

// LIKE with '!' as the escape character, so that a search for "50%" finds "50%" and not everything.
constexpr QChar kLikeEscape = u'!';

QString likePattern(const QString &search) {
    QString escaped = search;
    escaped.replace(kLikeEscape, u"!!"_s).replace(u'%', u"!%"_s).replace(u'_', u"!_"_s);
    return u'%' + escaped + u'%';
}

} // namespace

QString RecordBrowser::labelAttribute(const Table &table) {
    for (const Column &c : table.columns)
        if (c.origin == Column::Origin::Declared && !c.references &&
            (c.type.kind == DataType::Kind::String || c.type.kind == DataType::Kind::Char))
            return c.attribute;
    const Column *key = table.primaryKey.isEmpty() ? nullptr : table.column(table.primaryKey.first());
    return key ? key->attribute : QString();
}

bool RecordBrowser::keepsDeleted(const QString &model) const {
    const Table *table = mResolved.tableForModel(model);
    return table && !table->deletedAtColumn.isEmpty();
}

QString RecordBrowser::whereClause(const Table &table, const BrowseQuery &query, QVariantList *binds) const {
    const SqlDialect dialect = mConnection.dialect();
    const QString search = query.search;
    QStringList conditions;
    if (!table.deletedAtColumn.isEmpty() && !query.withDeleted)
        conditions << dialect.quote(table.deletedAtColumn) + u" IS NULL"_s;
    if (!search.trimmed().isEmpty()) {
        QStringList any;
        for (const Column &c : table.columns) {
            if (!searchable(c))
                continue;
            any << dialect.caseInsensitiveLike(dialect.quote(c.name), kLikeEscape);
            binds->append(likePattern(search.trimmed()));
        }
        conditions << (any.isEmpty() ? u"1 = 0"_s : u'(' + any.join(u" OR "_s) + u')');
    }
    return conditions.isEmpty() ? QString() : u" WHERE "_s + conditions.join(u" AND "_s);
}

std::optional<RecordPage> RecordBrowser::page(const BrowseQuery &query, QString *error) {
    const Table *table = mResolved.tableForModel(query.model);
    if (!table) {
        *error = tr("model '%1' has no table").arg(query.model);
        return std::nullopt;
    }
    if (!mConnection.ensureOpen(error))
        return std::nullopt;
    const SqlDialect dialect = mConnection.dialect();
    RecordPage page;
    QStringList columns;
    const Column *key = table->singleKey();
    for (const Column &c : table->columns) {
        if (key && c.name == key->name)
            page.keyIndex = int(page.attributes.size());
        if (c.name == table->deletedAtColumn)
            page.deletedAtIndex = int(page.attributes.size());
        columns << dialect.quote(c.name);
        page.attributes << c.attribute;
    }
    QVariantList binds;
    QString sql = u"SELECT %1 FROM %2"_s.arg(columns.join(u", "_s), dialect.quote(table->name)) +
                  whereClause(*table, query, &binds);
    // Only a column of this table may be named in ORDER BY; anything else falls back to the key.
    const Column *sort =
        query.sortAttribute.isEmpty() ? nullptr : table->columnForAttribute(query.sortAttribute);
    QStringList order;
    if (sort)
        order << dialect.quote(sort->name) + (query.descending ? u" DESC"_s : u" ASC"_s);
    for (const QString &pk : table->primaryKey)
        order << dialect.quote(pk) + (query.descending && !sort ? u" DESC"_s : u" ASC"_s);
    if (!order.isEmpty())
        sql += u" ORDER BY "_s + order.join(u", "_s);
    sql += u" LIMIT ? OFFSET ?"_s;
    binds << qMax(0, query.limit) << qMax(0, query.offset);

    QSqlQuery *q = mConnection.prepared(sql, error);
    if (!q)
        return std::nullopt;
    q->setNumericalPrecisionPolicy(QSql::HighPrecision);
    for (const QVariant &v : std::as_const(binds))
        q->addBindValue(v);
    if (!q->exec()) {
        *error = DatabaseConnection::describe(q->lastError());
        q->finish();
        mConnection.checkConnectionLost();
        return std::nullopt;
    }
    while (q->next()) {
        QList<QJsonValue> row;
        row.reserve(table->columns.size());
        for (int i = 0; i < table->columns.size(); ++i) {
            const DataType &type = table->columns.at(i).type;
            row << FieldValue::toJson(type, DriverValue::fromDatabase(type, q->value(i), dialect));
        }
        page.rows.append(row);
    }
    q->finish();
    return page;
}

std::optional<qint64> RecordBrowser::count(const BrowseQuery &query, QString *error) {
    const Table *table = mResolved.tableForModel(query.model);
    if (!table) {
        *error = tr("model '%1' has no table").arg(query.model);
        return std::nullopt;
    }
    if (!mConnection.ensureOpen(error))
        return std::nullopt;
    QVariantList binds;
    const QString sql = u"SELECT COUNT(*) FROM %1"_s.arg(mConnection.dialect().quote(table->name)) +
                        whereClause(*table, query, &binds);
    QSqlQuery *q = mConnection.prepared(sql, error);
    if (!q)
        return std::nullopt;
    for (const QVariant &v : std::as_const(binds))
        q->addBindValue(v);
    if (!q->exec() || !q->next()) {
        *error = DatabaseConnection::describe(q->lastError());
        q->finish();
        mConnection.checkConnectionLost();
        return std::nullopt;
    }
    const qint64 rows = q->value(0).toLongLong();
    q->finish();
    return rows;
}

std::optional<QList<RecordChoice>> RecordBrowser::choices(const QString &model, const QString &search,
                                                          int limit, QString *error) {
    const Table *table = mResolved.tableForModel(model);
    if (!table || !table->singleKey()) {
        *error =
            tr("records of '%1' cannot be picked: it needs a table with a single primary key").arg(model);
        return std::nullopt;
    }
    const QString label = labelAttribute(*table);
    BrowseQuery query{model, search, label, false, 0, limit};
    const auto rows = page(query, error);
    if (!rows)
        return std::nullopt;
    const int labelIndex = int(rows->attributes.indexOf(label));
    QList<RecordChoice> result;
    for (const QList<QJsonValue> &row : rows->rows) {
        const QJsonValue key = row.at(rows->keyIndex);
        QJsonValue name; // none when the label is the key itself
        if (labelIndex >= 0 && labelIndex != rows->keyIndex) {
            const QJsonValue text = row.at(labelIndex);
            name = text.isString() ? text : QJsonValue(FieldValue::keyText(key)); // a NULL name shows the key
        }
        result.append({key, choiceLabel(name, key)});
    }
    return result;
}

QString RecordBrowser::choiceLabel(const QJsonValue &name, const QJsonValue &key) {
    // A UUID's 36 characters would push the name out of sight: its start tells records apart well enough
    // beside their names (the picker holds the whole key).
    QString keyText = FieldValue::keyText(key);
    if (name.isString() && keyText.size() > 13)
        keyText = keyText.left(8) + u"…"_s;
    return name.isString() ? u"%1 (#%2)"_s.arg(name.toString(), keyText) : u"#%1"_s.arg(keyText);
}

} // namespace modeldesk
