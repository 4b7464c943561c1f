// Models written by the real sequelize-auto from a database, as a user would generate them:
//   node sequelize-auto.js DATABASE_URL OUTPUT_DIR
// (its define style with init-models.js, table names kept as model names).
const { Sequelize } = require('sequelize');
const SequelizeAuto = require('sequelize-auto');

const [url, directory] = process.argv.slice(2);
const sequelize = new Sequelize(url, { logging: false });
const auto = new SequelizeAuto(sequelize, null, null, {
  directory,
  lang: 'js',
  caseModel: 'o',
  caseFile: 'o',
  caseProp: 'o',
});
auto.run().then(
  () => sequelize.close().then(() => process.exit(0)),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
