// Runs the migration files of a folder with umzug, as sequelize-cli would: each module's up/down gets
// (queryInterface, Sequelize) and SequelizeMeta records what ran. Prints one JSON line: {ok, executed} or
// {ok: false, error}.
//   node run-migration.js MIGRATIONS_DIR up|down   (DATABASE_URL, else the SQLite file DATABASE_STORAGE)
'use strict';
const path = require('path');
const { Sequelize } = require('sequelize');
const { Umzug, SequelizeStorage } = require('umzug');

async function main() {
  const [dir, command] = process.argv.slice(2);
  const sequelize = process.env.DATABASE_URL
    ? new Sequelize(process.env.DATABASE_URL, { logging: false })
    : new Sequelize({ dialect: 'sqlite', storage: process.env.DATABASE_STORAGE, logging: false });
  try {
    const umzug = new Umzug({
      migrations: {
        glob: path.join(dir, '*.js').replace(/\\/g, '/'),
        resolve: ({ name, path: file, context }) => {
          const migration = require(file);
          return {
            name,
            up: () => migration.up(context, Sequelize),
            down: () => migration.down(context, Sequelize),
          };
        },
      },
      context: sequelize.getQueryInterface(),
      storage: new SequelizeStorage({ sequelize }),
      logger: undefined,
    });
    if (command === 'up') await umzug.up();
    else await umzug.down();
    const executed = (await umzug.executed()).map((m) => m.name);
    console.log(JSON.stringify({ ok: true, executed }));
  } finally {
    await sequelize.close();
  }
}

main().catch((error) => {
  console.log(JSON.stringify({ ok: false, error: String((error && error.message) || error) }));
  process.exitCode = 1;
});
