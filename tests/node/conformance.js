// The Sequelize side of tst_conformance: does what a Sequelize 6 user would do with ModelDesk's exported
// model files, one command per line on stdin, one JSON answer per line on stdout.
//   {"cmd": "open", "exportDir": DIR, "url": URL | "storage": SQLITE_FILE}   load the models on that database
//   {"cmd": "steps", "steps": [STEP, ...]}                                   run the steps, stop at the first error
//   {"cmd": "read", "model": M, "key": K, "depth": N}                       findByPk with every link N levels deep
//   {"cmd": "close"}
// Answers: {"ok": true, ...} or {"ok": false, "error": {"name", "message"}, "step": i}. The tables exist
// already (ModelDesk's DDL): nothing here syncs.
//
// Steps (tests/data/conformance/operations.json), each as a user writes it:
//   {"create": MODEL, "values": {...}, "as": VAR}   Model.create(values, {include}) with the include tree the
//                                                   values' nested aliases give
//   {"find": MODEL, "key": K, "as": VAR}            Model.findByPk(K) (a missing record is an error)
//   {"findOne": MODEL, "where": {...}, "as": VAR}   Model.findOne({where}) (likewise)
//   {"set": VAR, "values": {...}}                   instance.set(values)
//   {"save": VAR}                                   instance.save()
//   {"update": VAR, "values": {...}}                instance.update(values)
//   {"destroy": VAR}                                instance.destroy()
//   {"call": VAR, "method": NAME, "args": [...]}    instance[NAME](...args), e.g. setCard(null), addBox(box),
//                                                   setClubs([id], {through: {...}}); {"var": X} is instance X
// Values are JSON: a BLOB attribute's value comes as base64 and is handed to Sequelize as the Buffer a user
// would pass; read graphs give BLOBs back as base64.
'use strict';
const path = require('path');
const readline = require('readline');

let db = null;
let exportDir = null;

function reply(answer) {
  process.stdout.write(JSON.stringify(answer, (key, value) =>
    value && value.type === 'Buffer' && Array.isArray(value.data) ? Buffer.from(value.data).toString('base64') : value) + '\n');
}

async function open(command) {
  await close();
  exportDir = path.resolve(command.exportDir);
  // The export's config/database.js reads the connection from the environment when it is loaded.
  delete process.env.DATABASE_URL;
  delete process.env.DATABASE_STORAGE;
  if (command.url) process.env.DATABASE_URL = command.url;
  else process.env.DATABASE_STORAGE = command.storage;
  for (const file of Object.keys(require.cache))
    if (file.startsWith(exportDir + path.sep)) delete require.cache[file];
  db = require(path.join(exportDir, 'models'));
  await db.sequelize.authenticate();
  return {};
}

async function close() {
  if (db) await db.sequelize.close();
  db = null;
}

function model(name) {
  const found = db[name];
  if (!found) throw new Error(`the export has no model ${name}`);
  return found;
}

// The include tree of a create's values: every key that is an association alias, recursively, merged over
// the items of a list (one item may nest deeper than another).
function includeFor(target, values) {
  const include = [];
  for (const [key, value] of Object.entries(values || {})) {
    const association = target.associations[key];
    if (!association || value === null || typeof value !== 'object') continue;
    for (const item of Array.isArray(value) ? value : [value])
      merge(include, [{ association: key, include: includeFor(association.target, item) }]);
  }
  return include;
}

function merge(into, more) {
  for (const entry of more) {
    const same = into.find((e) => e.association === entry.association);
    if (same) merge(same.include, entry.include);
    else into.push(entry);
  }
}

// BLOB values from base64, through nested aliases and a belongsToMany item's through values.
function prepare(target, values) {
  if (values === null || typeof values !== 'object' || Array.isArray(values)) return values;
  const out = {};
  for (const [key, value] of Object.entries(values)) {
    const association = target.associations[key];
    const attribute = target.rawAttributes[key];
    if (association && value !== null && typeof value === 'object') {
      const through = association.through && association.through.model;
      const item = (v) => {
        const prepared = prepare(association.target, v);
        if (through && v && v[through.name]) prepared[through.name] = prepare(through, v[through.name]);
        return prepared;
      };
      out[key] = Array.isArray(value) ? value.map(item) : item(value);
    } else if (attribute && attribute.type.key === 'BLOB' && typeof value === 'string') {
      out[key] = Buffer.from(value, 'base64');
    } else {
      out[key] = value;
    }
  }
  return out;
}

function argument(vars, value) {
  if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 1 && 'var' in value)
    return instance(vars, value.var);
  if (Array.isArray(value)) return value.map((v) => argument(vars, v));
  return value;
}

function instance(vars, name) {
  if (!vars[name]) throw new Error(`no instance named ${name}`);
  return vars[name];
}

async function step(vars, s) {
  if (s.create) {
    const target = model(s.create);
    vars[s.as || s.create] = await target.create(prepare(target, s.values), { include: includeFor(target, s.values) });
  } else if (s.find) {
    const found = await model(s.find).findByPk(s.key);
    if (!found) throw new Error(`${s.find} ${s.key} not found`);
    vars[s.as] = found;
  } else if (s.findOne) {
    const found = await model(s.findOne).findOne({ where: s.where });
    if (!found) throw new Error(`no ${s.findOne} where ${JSON.stringify(s.where)}`);
    vars[s.as] = found;
  } else if (s.set) {
    const target = instance(vars, s.set);
    target.set(prepare(target.constructor, s.values));
  } else if (s.save) {
    await instance(vars, s.save).save();
  } else if (s.update) {
    const target = instance(vars, s.update);
    await target.update(prepare(target.constructor, s.values));
  } else if (s.destroy) {
    await instance(vars, s.destroy).destroy();
  } else if (s.call) {
    const target = instance(vars, s.call);
    if (typeof target[s.method] !== 'function') throw new Error(`${s.call} has no method ${s.method}`);
    await target[s.method](...(s.args || []).map((a) => argument(vars, a)));
  } else {
    throw new Error(`unknown step ${JSON.stringify(s)}`);
  }
}

async function steps(command) {
  const vars = {};
  for (let i = 0; i < command.steps.length; ++i) {
    try {
      await step(vars, command.steps[i]);
    } catch (error) {
      return { ok: false, step: i, error: { name: error.name, message: error.message } };
    }
  }
  return {};
}

// Every association of `target`, `depth` levels deep, as a user lists them in `include`.
function includeAll(target, depth) {
  if (depth <= 0) return [];
  return Object.keys(target.associations).map((alias) => {
    const nested = includeAll(target.associations[alias].target, depth - 1);
    return nested.length ? { association: alias, include: nested } : { association: alias };
  });
}

async function read(command) {
  const target = model(command.model);
  const found = await target.findByPk(command.key, { include: includeAll(target, command.depth) });
  return { graph: found ? found.toJSON() : null };
}

const handlers = { open, steps, read, close: async () => (await close(), {}) };

(async () => {
  const lines = readline.createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let answer;
    try {
      const command = JSON.parse(line);
      const handler = handlers[command.cmd];
      if (!handler) throw new Error(`unknown command ${command.cmd}`);
      answer = await handler(command);
      if (answer.ok === undefined) answer.ok = true;
    } catch (error) {
      answer = { ok: false, error: { name: error.name, message: error.stack || String(error) } };
    }
    reply(answer);
  }
  await close();
})();
