#pragma once

#include <QHash>
#include <QSet>
#include <QString>

namespace modeldesk::importnames {

// The names an import gives, from table and column names, deterministically.

// The attribute that stores `column` in a model: the column itself, or for an underscored model the camelCase
// name Sequelize turns back into it (user_id <- userId). Empty when an underscored model cannot reach that
// column (underscore(camelize(c)) != c, e.g. "userID").
QString attributeFor(const QString &column, bool underscored);

// A model name for `table` as Sequelize would derive it the other way: the singular (camelCase when the model
// is underscored), "testUsers" -> "testUser", "order_items" -> "orderItem".
QString modelNameFor(const QString &table, bool underscored);

// What a foreign key attribute names without its key suffix: "buyerId" -> "buyer", "user_id" -> "user",
// "customerId5" -> "customer5"; empty when it has no such suffix ("ReportsTo", "paid").
QString keyStem(const QString &attribute);

// "orders" -> "Orders": the first letter upper-cased, to append a name to a stem (buyerOrders).
QString capitalized(const QString &word);

// Names already given on one model (attributes and aliases), compared ignoring case as the validator does.
class TakenNames {
public:
    void take(const QString &name) { mTaken.insert(name.toLower()); }
    bool isTaken(const QString &name) const { return mTaken.contains(name.toLower()); }
    // `wanted`, or wanted2, wanted3... whichever is free first; taken on return.
    QString claim(const QString &wanted);

private:
    QSet<QString> mTaken;
};

} // namespace modeldesk::importnames
