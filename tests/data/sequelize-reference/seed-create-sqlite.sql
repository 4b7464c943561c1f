-- The CREATE TABLE statements Sequelize 6.37.8 emitted for the seed's sync({force:true}) (sqlite), copied from
-- shared/reference/emitted-sqlite.sql. tst_sequelize_runtime compares ModelDesk's DDL with them.
CREATE TABLE IF NOT EXISTS `testUsers` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `name` VARCHAR(255), `email` VARCHAR(255), `createdAt` DATETIME NOT NULL, `updatedAt` DATETIME NOT NULL);
CREATE TABLE IF NOT EXISTS `tests` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `code` VARCHAR(255), `userId` INTEGER REFERENCES `testUsers` (`id`) ON DELETE CASCADE ON UPDATE CASCADE, `createdAt` DATETIME NOT NULL, `updatedAt` DATETIME NOT NULL);
