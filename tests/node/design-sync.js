// Builds a .modeldesk design the way a person would write it by hand in Sequelize 6 — each model with only
// the options the design states, each link with only its own options, so every default is Sequelize's —
// syncs it into an in-memory SQLite database and prints the CREATE TABLE statements Sequelize emitted.
// The test compares them with ModelDesk's DDL, which checks ModelDesk's resolver against Sequelize itself.
//   node design-sync.js PROJECT.modeldesk
'use strict';
const fs = require('fs');
const { Sequelize, DataTypes } = require('sequelize');

const project = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const statements = [];
const sequelize = new Sequelize({
  dialect: 'sqlite', storage: ':memory:',
  logging: (sql) => statements.push(sql.replace(/^Executing \([^)]*\): /, '')),
});

// "STRING(100)", "DECIMAL(10,2)", "ENUM('a','b')" -> DataTypes
function dataType(text) {
  const match = /^(\w+)(?:\((.*)\))?$/s.exec(text.trim());
  const name = match[1].toUpperCase();
  if (match[2] === undefined) return DataTypes[name];
  if (name === 'ENUM') {
    const values = [];
    const re = /'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g;
    let m;
    while ((m = re.exec(match[2]))) values.push((m[1] ?? m[2]).replace(/\\(.)/g, '$1'));
    return DataTypes.ENUM(...values);
  }
  return DataTypes[name](...match[2].split(',').map((a) => Number(a.trim())));
}

function defaultValue(value) {
  if (value && typeof value === 'object' && value.fn) return DataTypes[value.fn];
  return value;
}

const models = {};
for (const m of project.models) {
  const attributes = {};
  for (const f of m.fields || []) {
    const a = { type: dataType(f.type) };
    for (const key of ['allowNull', 'primaryKey', 'autoIncrement', 'unique', 'comment'])
      if (f[key] !== undefined) a[key] = f[key];
    if (f.defaultValue !== undefined) a.defaultValue = defaultValue(f.defaultValue);
    attributes[f.name] = a;
  }
  const options = {};
  for (const key of ['tableName', 'freezeTableName', 'timestamps', 'paranoid', 'underscored', 'comment'])
    if (m[key] !== undefined) options[key] = m[key];
  models[m.name] = sequelize.define(m.name, attributes, options);
}
for (const l of project.links || []) {
  const options = {};
  for (const key of ['as', 'foreignKey', 'otherKey', 'sourceKey', 'targetKey', 'onDelete', 'onUpdate'])
    if (l[key]) options[key] = l[key];
  if (l.through) options.through = models[l.through] || l.through;
  models[l.source][l.kind](models[l.target], options);
}

sequelize.sync({ force: true }).then(() => {
  process.stdout.write(statements.filter((s) => s.startsWith('CREATE TABLE')).join('\n') + '\n');
}).catch((error) => {
  console.error(error && error.stack ? error.stack : error);
  process.exit(1);
});
