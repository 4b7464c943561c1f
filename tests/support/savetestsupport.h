#pragma once

// What the save tests share: JSON from text, a snapshot of every row of a design's tables ("exactly as
// before" means equal snapshots), a single number from SQL, and a scratch database with the design's tables.
#include "db/databaseconnection.h"
#include "db/schemasync.h"
#include "schema/resolvedschema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace modeldesk::test {

inline QJsonObject json(const QByteArray &text) {
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return document.object();
}

// Every row of every table of the design, as sorted text: "exactly as before" means this is equal.
inline QStringList snapshot(DatabaseConnection &connection, const ResolvedSchema &resolved) {
    QStringList lines;
    for (const Table &table : resolved.tables) {
        QSqlQuery query(connection.database());
        if (!query.exec(QStringLiteral("SELECT * FROM ") + connection.dialect().quote(table.name)))
            qFatal("snapshot of %s failed: %s", qPrintable(table.name), qPrintable(query.lastError().text()));
        QStringList rows;
        while (query.next()) {
            QStringList values;
            for (int i = 0; i < query.record().count(); ++i)
                values << query.value(i).toString();
            rows << table.name + QStringLiteral(": ") + values.join(QStringLiteral(" | "));
        }
        rows.sort();
        lines << QStringLiteral("%1 rows in %2").arg(rows.size()).arg(table.name) << rows;
    }
    return lines;
}

inline qint64 scalar(DatabaseConnection &connection, const QString &sql) {
    QSqlQuery query(connection.database());
    if (!query.exec(sql) || !query.next())
        qFatal("%s failed: %s", qPrintable(sql), qPrintable(query.lastError().text()));
    return query.value(0).toLongLong();
}

// How many rows `table` holds; with `where` (SQL text such as " WHERE code = '1'"), how many match. A query
// that fails stops the test (scalar()), so a count of 0 always means no rows.
inline qint64 rowCount(DatabaseConnection &connection, const QString &table, const QString &where = {}) {
    return scalar(connection,
                  QStringLiteral("SELECT COUNT(*) FROM ") + connection.dialect().quote(table) + where);
}

// The value at `path` inside a graph, steps separated by '/': "orders/0/products/0/orderItem".
inline QJsonValue jsonAt(const QJsonValue &root, const QString &path) {
    QJsonValue value = root;
    for (const QString &step : path.split(QLatin1Char('/'))) {
        bool isIndex = false;
        const int index = step.toInt(&isIndex);
        value = isIndex ? value.toArray().at(index) : value.toObject().value(step);
    }
    return value;
}

inline bool syncSchema(const Schema &schema, DatabaseConnection &connection, QString *error) {
    SchemaSync sync(schema, connection);
    const SyncReport report = sync.sync(false);
    *error = report.error;
    return report.ok;
}

// Opens the scratch database and creates the design's tables in it.
inline bool openAndSync(DatabaseConnection &connection, const Schema &schema, QString *error) {
    return connection.open(error) && syncSchema(schema, connection, error);
}

// customer hasOne profile, hasMany orders; each order belongsToMany products through orderItem.
inline QJsonObject shopGraph(const QString &email, const QString &sku) {
    // Plain string pieces: moc, which reads this header with the tests, loses its way in multi-line raw
    // strings.
    QJsonObject graph =
        json("{\"name\": \"Ada\", \"profile\": {\"bio\": \"hi\", \"website\": \"https://example.com\"},"
             " \"orders\": [{\"status\": \"paid\", \"total\": \"12.50\", \"products\": [{\"sku\": \"SKU\","
             " \"name\": \"Widget\", \"price\": \"2.50\","
             " \"orderItem\": {\"unitPrice\": \"2.50\", \"quantity\": 5}}]}, {\"total\": 0}]}");
    graph.insert(QStringLiteral("email"), email);
    QJsonArray orders = graph.value(QStringLiteral("orders")).toArray();
    QJsonObject first = orders.at(0).toObject();
    QJsonArray products = first.value(QStringLiteral("products")).toArray();
    QJsonObject product = products.at(0).toObject();
    product.insert(QStringLiteral("sku"), sku);
    products.replace(0, product);
    first.insert(QStringLiteral("products"), products);
    orders.replace(0, first);
    graph.insert(QStringLiteral("orders"), orders);
    return graph;
}

} // namespace modeldesk::test
