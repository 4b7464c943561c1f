// Lets the real Sequelize create the tables of exported models: loads `require('EXPORT_DIR/models')`
// unmodified, runs sequelize.sync({force: true}) on the database of the export's own config/database.js
// (DATABASE_URL, else the SQLite file DATABASE_STORAGE) and closes. The import tests then read that database.
//   node sequelize-sync.js EXPORT_DIR
'use strict';
const path = require('path');

const db = require(path.resolve(process.argv[2], 'models'));
db.sequelize.options.logging = false;
db.sequelize
  .sync({ force: true })
  .then(() => db.sequelize.close())
  .then(
    () => console.log(JSON.stringify({ synced: Object.keys(db.sequelize.models).sort() })),
    (error) => {
      console.error(error && error.stack ? error.stack : String(error));
      process.exit(1);
    }
  );
