#pragma once

#include <QString>

namespace modeldesk::inflection {

// Word forms exactly as Sequelize 6 derives them (it calls the npm `inflection` library, 1.x):
// pluralize("testUser") == "testUsers", pluralize("person") == "people", singularize("categories") ==
// "category".
QString pluralize(const QString &word);
QString singularize(const QString &word);
// inflection.underscore: "testUser" -> "test_user" (Sequelize's `underscored` option).
QString underscore(const QString &word);
// Sequelize's Utils.camelize: "user_id" -> "userId"; the first letter is kept as it is.
QString camelize(const QString &word);

} // namespace modeldesk::inflection
