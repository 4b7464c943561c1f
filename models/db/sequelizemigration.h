#pragma once

#include "migrate/schemadiff.h"

#include <QDateTime>
#include <QString>

namespace modeldesk {

// A sequelize-cli / umzug migration file (`YYYYMMDDHHMMSS-<name>.js`, `up` and `down`) for a MigrationPlan
// and its way back. It runs the very statements `modeldesk diff` writes and the engine tests prove, for
// whichever of SQLite, PostgreSQL and MySQL/MariaDB the Sequelize instance speaks: Sequelize's own
// queryInterface changeColumn/renameColumn rebuild SQLite tables without their other foreign keys and
// uniques, so the file does not go through them. Each direction first checks that the database is at its
// starting version (every table with exactly the expected columns) and names what differs; then runs in one
// transaction where the engine has transactional DDL (on SQLite with foreign keys off and checked before the
// commit).
class SequelizeMigration {
public:
    // `up` takes OLD to NEW, `down` NEW to OLD (SchemaDiff::compare(new, old)).
    static QString render(const MigrationPlan &up, const MigrationPlan &down, const QString &origin);
    // "20261207221500-add-writers.js": the time in UTC and the name with anything but letters, digits and '-'
    // as '-'.
    static QString fileName(const QDateTime &when, const QString &name);
};

} // namespace modeldesk
