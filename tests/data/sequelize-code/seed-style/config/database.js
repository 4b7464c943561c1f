// The one instance every model file requires. SQLite here, but the import never connects (and needs no
// sqlite3 package).
const { Sequelize } = require('sequelize');

module.exports = new Sequelize(process.env.DATABASE_URL || 'sqlite::memory:', { logging: false });
