#include "support/conformancerows.h"

#include "schema/fieldvalue.h"
#include "sql/drivervalue.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>

namespace modeldesk::test::conformance {

using namespace Qt::StringLiterals;

namespace {

constexpr double kMaxSafeInteger = 9007199254740992.0; // 2^53

QString keyText(const QJsonValue &key) {
    if (key.isDouble())
        return QString::number(key.toInteger());
    return key.toString();
}

bool isText(const DataType &type) {
    return type.kind == DataType::Kind::String || type.kind == DataType::Kind::Char ||
           type.kind == DataType::Kind::Text;
}

} // namespace

QDateTime setupInstant() {
    return QDateTime(QDate(2001, 2, 3), QTime(4, 5, 6), Qt::UTC);
}

bool rewriteTimestamps(DatabaseConnection &connection, const ResolvedSchema &resolved, QString *error) {
    const SqlDialect dialect = connection.dialect();
    for (const Table &table : resolved.tables) {
        for (const Column &column : table.columns) {
            if (!DatabaseRows::isTimestamp(table, column))
                continue;
            QSqlQuery query(connection.database());
            const QString name = dialect.quote(column.name);
            query.prepare(
                u"UPDATE %1 SET %2 = ? WHERE %2 IS NOT NULL"_s.arg(dialect.quote(table.name), name));
            query.addBindValue(DriverValue::toDatabase(column.type, setupInstant(), dialect));
            if (!query.exec()) {
                *error = u"rewriting %1.%2: %3"_s.arg(table.name, column.name,
                                                      DatabaseConnection::describe(query.lastError()));
                return false;
            }
        }
    }
    return true;
}

std::optional<QJsonValue> findKey(DatabaseConnection &connection, const ResolvedSchema &resolved,
                                  const QString &model, const QString &attribute, const QJsonValue &value,
                                  QString *error) {
    const Table *table = resolved.tableForModel(model);
    const Column *column = table ? table->columnForAttribute(attribute) : nullptr;
    const Column *key = table ? table->singleKey() : nullptr;
    if (!column || !key) {
        *error = u"no single-key model %1 with attribute %2"_s.arg(model, attribute);
        return std::nullopt;
    }
    const SqlDialect dialect = connection.dialect();
    const FieldCheck check = FieldValue::check(*column, value);
    QSqlQuery query(connection.database());
    query.prepare(u"SELECT %1 FROM %2 WHERE %3 = ?"_s.arg(
        dialect.quote(key->name), dialect.quote(table->name), dialect.quote(column->name)));
    query.addBindValue(DriverValue::toDatabase(column->type, check.value, dialect));
    if (!check.ok() || !query.exec()) {
        *error = check.ok() ? DatabaseConnection::describe(query.lastError()) : check.message;
        return std::nullopt;
    }
    if (!query.next())
        return QJsonValue(QJsonValue::Null);
    return FieldValue::toJson(key->type, DriverValue::fromDatabase(key->type, query.value(0), dialect));
}

bool DatabaseRows::isGeneratedKey(const Table &table, const Column &column) {
    if (!column.primaryKey || table.primaryKey.size() != 1)
        return false;
    const QString fn = column.defaultValue.toObject().value(u"fn"_s).toString();
    return column.autoIncrement || fn == u"UUIDV4"_s || fn == u"UUIDV1"_s;
}

const Table *DatabaseRows::referencedGeneratedKey(const ResolvedSchema &resolved, const Column &column) {
    if (!column.references)
        return nullptr;
    const Table *target = resolved.table(column.references->table);
    const Column *key = target ? target->column(column.references->column) : nullptr;
    return key && isGeneratedKey(*target, *key) ? target : nullptr;
}

bool DatabaseRows::isTimestamp(const Table &table, const Column &column) {
    return !column.name.isEmpty() &&
           (column.name == table.createdAtColumn || column.name == table.updatedAtColumn ||
            column.name == table.deletedAtColumn);
}

QJsonValue DatabaseRows::timestampClass(const QJsonValue &value) {
    if (value.isNull() || value.isUndefined())
        return QJsonValue::Null;
    const FieldCheck date = FieldValue::parseDate(value);
    return date.ok() && date.value.toDateTime() == setupInstant() ? u"setup"_s : u"set"_s;
}

QString DatabaseRows::label(const QString &table, const QJsonValue &key) const {
    if (key.isNull() || key.isUndefined())
        return {};
    const QString text = keyText(key);
    const QString found = mLabels.value(table).value(text);
    return found.isEmpty() ? table + u"{missing "_s + text + u'}' : found;
}

std::optional<DatabaseRows> DatabaseRows::read(DatabaseConnection &connection, const ResolvedSchema &resolved,
                                               QString *error) {
    const SqlDialect dialect = connection.dialect();
    // First every value as stored, in ModelDesk's canonical JSON.
    QList<QList<QJsonArray>> raw;
    for (const Table &table : resolved.tables) {
        QStringList columns;
        for (const Column &column : table.columns)
            columns << dialect.quote(column.name);
        QSqlQuery query(connection.database());
        query.setNumericalPrecisionPolicy(QSql::HighPrecision);
        if (!query.exec(u"SELECT %1 FROM %2"_s.arg(columns.join(u", "_s), dialect.quote(table.name)))) {
            *error = u"reading %1: %2"_s.arg(table.name, DatabaseConnection::describe(query.lastError()));
            return std::nullopt;
        }
        QList<QJsonArray> rows;
        while (query.next()) {
            QJsonArray row;
            for (int i = 0; i < table.columns.size(); ++i) {
                const DataType &type = table.columns.at(i).type;
                row << FieldValue::toJson(type, DriverValue::fromDatabase(type, query.value(i), dialect));
            }
            rows << row;
        }
        raw << rows;
    }

    // Then a label for each record with a generated key: its text columns (keys, foreign keys and
    // timestamps left out); records with the same text are told apart by the rest of their values.
    DatabaseRows result;
    for (qsizetype t = 0; t < resolved.tables.size(); ++t) {
        const Table &table = resolved.tables.at(t);
        const Column *key = table.singleKey();
        if (!key || !isGeneratedKey(table, *key))
            continue;
        const qsizetype keyIndex = key - table.columns.constData();
        QHash<QString, QList<QJsonArray>> byText;
        for (const QJsonArray &row : std::as_const(raw.at(t))) {
            QStringList text;
            for (qsizetype i = 0; i < table.columns.size(); ++i) {
                const Column &column = table.columns.at(i);
                if (isText(column.type) && !column.primaryKey && !column.references &&
                    !isTimestamp(table, column))
                    text << (row.at(i).isNull() ? u"null"_s : row.at(i).toString());
            }
            byText[text.join(u',')] << row;
        }
        for (auto it = byText.begin(); it != byText.end(); ++it) {
            QList<QJsonArray> &rows = it.value();
            const auto withoutGenerated = [&](const QJsonArray &row) {
                QJsonArray rest;
                for (qsizetype i = 0; i < table.columns.size(); ++i)
                    if (i != keyIndex && !table.columns.at(i).references &&
                        !isTimestamp(table, table.columns.at(i)))
                        rest << row.at(i);
                return compact(rest);
            };
            std::sort(rows.begin(), rows.end(), [&](const QJsonArray &a, const QJsonArray &b) {
                return withoutGenerated(a) < withoutGenerated(b);
            });
            for (qsizetype i = 0; i < rows.size(); ++i) {
                QString label = table.name + u'{' + it.key() + u'}';
                if (rows.size() > 1)
                    label += u'#' + QString::number(i + 1);
                result.mLabels[table.name].insert(keyText(rows.at(i).at(keyIndex)), label);
            }
        }
    }

    // Finally the rows with generated keys and timestamps mapped.
    for (qsizetype t = 0; t < resolved.tables.size(); ++t) {
        const Table &table = resolved.tables.at(t);
        TableRows rows{table.name, {}};
        for (const QJsonArray &row : std::as_const(raw.at(t))) {
            QJsonObject mapped;
            for (qsizetype i = 0; i < table.columns.size(); ++i) {
                const Column &column = table.columns.at(i);
                const QJsonValue value = row.at(i);
                if (isGeneratedKey(table, column))
                    mapped.insert(column.name, result.label(table.name, value));
                else if (const Table *target = referencedGeneratedKey(resolved, column))
                    mapped.insert(column.name, value.isNull()
                                                   ? QJsonValue::Null
                                                   : QJsonValue(result.label(target->name, value)));
                else if (isTimestamp(table, column))
                    mapped.insert(column.name, timestampClass(value));
                else
                    mapped.insert(column.name, value);
            }
            rows.rows << mapped;
        }
        std::sort(rows.rows.begin(), rows.rows.end(),
                  [](const QJsonObject &a, const QJsonObject &b) { return compact(a) < compact(b); });
        result.mTables << rows;
    }
    return result;
}

QJsonValue canonical(const DataType &type, const QJsonValue &value) {
    if (value.isNull() || value.isUndefined())
        return QJsonValue::Null;
    switch (type.kind) {
    case DataType::Kind::Integer:
    case DataType::Kind::BigInt:
    case DataType::Kind::SmallInt:
        if (value.isString()) {
            bool ok = false;
            const qint64 number = value.toString().toLongLong(&ok);
            if (ok && std::fabs(double(number)) <= kMaxSafeInteger)
                return double(number);
        }
        return value;
    case DataType::Kind::Float:
    case DataType::Kind::Double:
        if (value.isString()) {
            bool ok = false;
            const double number = value.toString().toDouble(&ok);
            return ok ? QJsonValue(number) : value;
        }
        return value;
    case DataType::Kind::Decimal:
        // A driver that has no DECIMAL (SQLite) gives a number: show it as stored, with the type's scale.
        if (value.isDouble())
            return type.scale >= 0 ? QString::number(value.toDouble(), 'f', type.scale)
                                   : QString::number(value.toDouble(), 'g', 17);
        return value;
    case DataType::Kind::Date: {
        const FieldCheck date = FieldValue::parseDate(value);
        return date.ok() ? FieldValue::toJson(type, date.value) : value;
    }
    default:
        return value;
    }
}

QJsonValue GraphNormalizer::value(const Table &table, const Column &column, const QJsonValue &value) const {
    if (value.isNull())
        return QJsonValue::Null;
    if (DatabaseRows::isGeneratedKey(table, column))
        return mRows.label(table.name, canonical(column.type, value));
    if (const Table *target = DatabaseRows::referencedGeneratedKey(mResolved, column))
        return mRows.label(target->name, canonical(column.type, value));
    if (DatabaseRows::isTimestamp(table, column))
        return DatabaseRows::timestampClass(value);
    return canonical(column.type, value);
}

QJsonObject GraphNormalizer::object(const QString &model, const Table &table,
                                    const QJsonObject &object) const {
    QJsonObject out;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const ResolvedLink *link = model.isEmpty() ? nullptr : mResolved.link(model, it.key());
        const Column *column = table.columnForAttribute(it.key());
        if (!link) {
            out.insert(it.key(), column ? value(table, *column, it.value()) : it.value());
            continue;
        }
        const Table *target = mResolved.tableForModel(link->target);
        const Table *junction = link->throughModel.isEmpty() ? nullptr : mResolved.table(link->throughTable);
        const auto item = [&](const QJsonValue &v) -> QJsonValue {
            if (!v.isObject() || !target)
                return v;
            QJsonObject linked = v.toObject();
            const QJsonValue through = linked.take(link->throughModel);
            QJsonObject normalized = this->object(link->target, *target, linked);
            if (junction && through.isObject())
                normalized.insert(link->throughModel, this->object(QString(), *junction, through.toObject()));
            else if (!link->throughModel.isEmpty() && !through.isUndefined())
                normalized.insert(link->throughModel, through);
            return normalized;
        };
        if (it.value().isArray()) {
            QJsonArray items;
            for (const QJsonValue &v : it.value().toArray())
                items << item(v);
            out.insert(it.key(), items);
        } else {
            out.insert(it.key(), item(it.value()));
        }
    }
    return out;
}

QJsonValue GraphNormalizer::normalize(const QString &model, const QJsonValue &graph) const {
    const Table *table = mResolved.tableForModel(model);
    if (!graph.isObject() || !table)
        return graph;
    return object(model, *table, graph.toObject());
}

QJsonValue GraphNormalizer::project(const QString &model, const QJsonValue &full,
                                    const QJsonValue &shape) const {
    if (!full.isObject() || !shape.isObject())
        return full;
    const QJsonObject from = full.toObject();
    const QJsonObject wanted = shape.toObject();
    QJsonObject out;
    for (auto it = wanted.constBegin(); it != wanted.constEnd(); ++it) {
        if (!from.contains(it.key()))
            continue; // missing from the load: shows as a difference
        const ResolvedLink *link = mResolved.link(model, it.key());
        const QJsonValue have = from.value(it.key());
        if (!link) {
            out.insert(it.key(), have);
            continue;
        }
        const Table *target = mResolved.tableForModel(link->target);
        const Column *key = target ? target->singleKey() : nullptr;
        const auto item = [&](const QJsonValue &loaded, const QJsonValue &saved) {
            QJsonObject projected = project(link->target, loaded, saved).toObject();
            const QJsonObject through = saved.toObject().value(link->throughModel).toObject();
            if (!link->throughModel.isEmpty() && saved.toObject().contains(link->throughModel)) {
                const QJsonObject values = loaded.toObject().value(link->throughModel).toObject();
                QJsonObject kept;
                for (auto v = through.constBegin(); v != through.constEnd(); ++v)
                    if (values.contains(v.key()))
                        kept.insert(v.key(), values.value(v.key()));
                projected.insert(link->throughModel, kept);
            }
            return projected;
        };
        if (it.value().isArray() && have.isArray() && key) {
            QJsonArray items;
            for (const QJsonValue &saved : it.value().toArray()) {
                const QJsonValue savedKey = saved.toObject().value(key->attribute);
                const QJsonArray loaded = have.toArray();
                const auto match = std::find_if(loaded.begin(), loaded.end(), [&](const QJsonValue &v) {
                    return keyText(v.toObject().value(key->attribute)) == keyText(savedKey);
                });
                items << (match == loaded.end() ? QJsonValue(u"(not loaded)"_s) : item(*match, saved));
            }
            out.insert(it.key(), items);
        } else if (it.value().isObject() && have.isObject()) {
            out.insert(it.key(), item(have, it.value()));
        } else {
            out.insert(it.key(), have);
        }
    }
    return out;
}

QString compact(const QJsonValue &value) {
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return compact(QJsonArray{value}).mid(1).chopped(1);
}

QJsonValue sorted(const QJsonValue &value) {
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            out.insert(it.key(), sorted(it.value()));
        return out;
    }
    if (!value.isArray())
        return value;
    QList<QJsonValue> items;
    for (const QJsonValue &item : value.toArray())
        items << sorted(item);
    std::sort(items.begin(), items.end(),
              [](const QJsonValue &a, const QJsonValue &b) { return compact(a) < compact(b); });
    QJsonArray out;
    for (const QJsonValue &item : std::as_const(items))
        out << item;
    return out;
}

} // namespace modeldesk::test::conformance
