'use strict';
// ModelDesk's reader of Sequelize model code (File > Import Sequelize Models..., `modeldesk import PATH`).
//
//   node read-sequelize-models.js PATH RESULT.json
//
// Loads the user's models the way their app does (a models/ folder with sequelize-cli's index.js, a folder of
// model files, or a .js file exporting a Sequelize instance or the db object) with the `sequelize` package of
// the user's own project, and writes what the registry holds to RESULT.json: every model's declared attributes
// and options, and every association call with the options as written and as Sequelize resolved them.
// No database is touched: every `new Sequelize(...)` is replaced by an instance of the MySQL dialect with a
// placeholder driver (so no driver package is needed) whose sync/authenticate/query do nothing. The user's
// console output goes to this process's stdout/stderr, never into RESULT.json. On failure RESULT.json holds
// {"error": "..."} and the exit code is 2.
const fs = require('fs');
const path = require('path');
const Module = require('module');

const [target, resultPath] = process.argv.slice(2);
let finished = false;

function finish(document, code) {
  if (finished) return;
  finished = true;
  fs.writeFileSync(resultPath, JSON.stringify(document));
  process.exit(code);
}

function fail(message) {
  finish({ error: message }, 2);
}

const root = path.resolve(target);
const projectDir = fs.existsSync(root) && fs.statSync(root).isDirectory() ? root : path.dirname(root);

function relative(file) {
  const rel = path.relative(projectDir, file);
  return rel.startsWith('..') ? file : rel;
}

// "models/user.js line 12: Unexpected token '}'" for a syntax error, "models/user.js line 3: TypeError: ..."
// for code that throws: the first place in the user's own files.
function describe(error) {
  const stack = String((error && error.stack) || error);
  if (error instanceof SyntaxError) {
    const where = /^(.+?):(\d+)\n/.exec(stack);
    if (where) return `syntax error in ${relative(where[1])} line ${where[2]}: ${error.message}`;
  }
  const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
  for (const frame of frames) {
    const where = /\(?((?:[A-Za-z]:)?[^():]+):(\d+):\d+\)?$/.exec(frame);
    if (!where) continue;
    const file = where[1];
    if (file === __filename || file.includes(`${path.sep}node_modules${path.sep}`) || !path.isAbsolute(file))
      continue;
    return `${relative(file)} line ${where[2]}: ${error && error.name ? error.name + ': ' : ''}${error && error.message}`;
  }
  return String((error && error.message) || error);
}

process.on('uncaughtException', (error) => fail(describe(error)));
process.on('unhandledRejection', (error) => fail(describe(error)));

let sequelizeMain;
try {
  sequelizeMain = require.resolve('sequelize', { paths: [projectDir, path.dirname(root)] });
} catch (error) {
  fail(`the project has no 'sequelize' package (searched node_modules from ${projectDir} up); run npm install there`);
}
const Real = require(sequelizeMain);
const { Model, DataTypes } = Real;
const version = (() => {
  try {
    return require(path.join(path.dirname(sequelizeMain), '..', 'package.json')).version;
  } catch (error) {
    return '';
  }
})();
if (!/^6\./.test(version)) fail(`the project's sequelize is version ${version || 'unknown'}; ModelDesk reads Sequelize 6`);

// ---- A Sequelize that never connects ------------------------------------------------------------------------
const instances = [];
function userOptions(args) {
  for (let i = args.length - 1; i >= 0; --i)
    if (args[i] && typeof args[i] === 'object' && !Array.isArray(args[i])) return args[i];
  return {};
}
class OfflineSequelize extends Real {
  constructor(...args) {
    const given = userOptions(args);
    super({ dialect: 'mysql', dialectModule: {}, logging: false, define: given.define || {} });
    this.modeldeskDialect = given.dialect || (typeof args[0] === 'string' && /^(\w+):/.exec(args[0])?.[1]) || '';
    instances.push(this);
  }
  async authenticate() {}
  async sync() {
    return this;
  }
  async drop() {}
  async close() {}
  async query() {
    return [];
  }
}
OfflineSequelize.Sequelize = OfflineSequelize;
OfflineSequelize.default = OfflineSequelize;
require.cache[sequelizeMain].exports = OfflineSequelize;
const originalRequire = Module.prototype.require;
Module.prototype.require = function (request) {
  if (request === 'sequelize') return OfflineSequelize;
  return originalRequire.apply(this, arguments);
};

// ---- What the user declared ----------------------------------------------------------------------------------
const declared = new Map(); // model class -> { attributes, order }
const calls = [];
let depth = 0;
let defining = 0;

function typeOf(type) {
  if (!type) return { key: '' };
  const out = { key: String(type.key || (type.constructor && type.constructor.key) || '') };
  const length = type._length !== undefined ? type._length : type.options && type.options.length;
  if (length !== undefined && length !== null && length !== '') out.length = length;
  if (type._precision !== undefined) out.precision = type._precision;
  if (type._scale !== undefined) out.scale = type._scale;
  if (type._decimals !== undefined) out.decimals = type._decimals;
  if (type._unsigned) out.unsigned = true;
  if (type._zerofill) out.zerofill = true;
  if (type._binary) out.binary = true;
  if (Array.isArray(type.values)) out.values = type.values.map(String);
  if (type.type && type.type.key) out.of = String(type.type.key);
  return out;
}

function defaultOf(value) {
  if (value instanceof DataTypes.ABSTRACT && ['NOW', 'UUIDV1', 'UUIDV4'].includes(value.key))
    return { fn: value.key };
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return { value };
  if (value instanceof Date) return { value: value.toISOString() };
  if (typeof value === 'function') return { other: 'a function' };
  if (value instanceof Real.Utils.Fn || value instanceof Real.Utils.Literal || value instanceof Real.Utils.Col)
    return { other: 'an SQL expression' };
  try {
    return { value: JSON.parse(JSON.stringify(value)) };
  } catch (error) {
    return { other: 'a value that is not JSON' };
  }
}

function plain(value) {
  try {
    return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  } catch (error) {
    return undefined;
  }
}

function attributeOf(name, attribute) {
  const out = { name, type: typeOf(attribute.type) };
  for (const key of ['allowNull', 'primaryKey', 'autoIncrement', 'comment', 'field'])
    if (attribute[key] !== undefined) out[key] = attribute[key];
  if (Object.prototype.hasOwnProperty.call(attribute, 'defaultValue'))
    out.defaultValue = defaultOf(attribute.defaultValue);
  if (attribute.unique !== undefined) out.unique = plain(attribute.unique);
  if (attribute.get) out.getter = true;
  if (attribute.set) out.setter = true;
  if (attribute.references) out.references = true;
  if (attribute.validate) {
    out.validate = {};
    for (const [rule, given] of Object.entries(attribute.validate)) {
      if (typeof given === 'function') out.validate[rule] = { custom: true };
      else if (given && typeof given === 'object' && !Array.isArray(given) && 'args' in given)
        out.validate[rule] = { argument: plain(given.args), message: given.msg !== undefined };
      else if (given && typeof given === 'object' && !Array.isArray(given) && 'msg' in given)
        out.validate[rule] = { argument: true, message: true };
      else out.validate[rule] = { argument: plain(given) };
    }
  }
  return out;
}

const originalInit = Model.init;
Model.init = function (attributes, options) {
  // What the class body declared, before Sequelize adds attribute accessors and association methods.
  const instanceMethods = ownFunctions(this.prototype, ['constructor']);
  const staticMethods = ownFunctions(this, ['length', 'name', 'prototype', 'associate']);
  const result = originalInit.apply(this, arguments);
  declared.set(this, {
    attributes: Object.keys(attributes || {}).map((name) => attributeOf(name, this.rawAttributes[name])),
    generated: defining > 0,
    instanceMethods,
    staticMethods,
    written: {
      tableName: options && options.tableName !== undefined,
      createdAt: this.options.createdAt,
      updatedAt: this.options.updatedAt,
      deletedAt: this.options.deletedAt,
    },
  });
  return result;
};

function keyName(key) {
  return key && typeof key === 'object' ? key.name || key.fieldName : key;
}

for (const kind of ['hasOne', 'belongsTo', 'hasMany', 'belongsToMany']) {
  const original = Model[kind];
  Model[kind] = function (targetModel, options) {
    const written = Object.assign({}, options || {});
    const top = depth === 0;
    ++depth;
    if (kind === 'belongsToMany') ++defining;
    let association;
    try {
      association = original.apply(this, arguments);
    } finally {
      --depth;
      if (kind === 'belongsToMany') --defining;
    }
    if (top) calls.push({ kind, source: this, target: targetModel, written, association });
    return association;
  };
}

// ---- Loading ----------------------------------------------------------------------------------------------------
function isModelClass(value) {
  return typeof value === 'function' && value.prototype instanceof Model;
}

function modelFiles(dir) {
  return fs
    .readdirSync(dir)
    .filter((file) => !file.startsWith('.') && file.endsWith('.js') && !file.endsWith('.test.js'))
    .sort()
    .map((file) => path.join(dir, file));
}

function allModels() {
  const models = [];
  for (const instance of instances)
    for (const model of instance.modelManager.models) if (!models.includes(model)) models.push(model);
  return models;
}

function associateAll(models) {
  const db = {};
  for (const model of models) db[model.name] = model;
  for (const model of models) if (typeof model.associate === 'function') model.associate(db);
}

function sharedInstance() {
  return instances[0] || new OfflineSequelize();
}

// sequelize-cli's model file: module.exports = (sequelize, DataTypes) => { ... return Model; }
function isDefineFunction(value) {
  return typeof value === 'function' && !isModelClass(value) && !(value.prototype instanceof Real);
}

function loadFile(file) {
  const exported = require(file);
  if (isDefineFunction(exported)) return exported(sharedInstance(), DataTypes);
  return exported;
}

function load() {
  let dir = fs.statSync(root).isDirectory() ? root : null;
  if (!dir) {
    loadFile(root);
    if (!calls.length) associateAll(allModels());
    return;
  }
  if (!modelFiles(dir).length && fs.existsSync(path.join(dir, 'models'))) dir = path.join(dir, 'models');
  const files = modelFiles(dir);
  if (!files.length) fail(`${relative(dir) || dir} has no .js files to read models from`);
  const index = files.find((file) => path.basename(file) === 'index.js');
  if (index) loadFile(index);
  if (allModels().length) return;
  // No index.js (or one that defines nothing): every file. Model files that require a shared instance
  // define their models as they load; define functions are called with one instance, unless the folder
  // has sequelize-auto's init-models.js, which calls them itself and adds the associations.
  const exported = files.filter((file) => file !== index).map((file) => [file, require(file)]);
  const init = exported.find(
    ([file, value]) => isDefineFunction(value) && (value.name === 'initModels' || path.basename(file) === 'init-models.js')
  );
  if (init) init[1](sharedInstance(), DataTypes);
  else for (const [, value] of exported) if (isDefineFunction(value)) value(sharedInstance(), DataTypes);
  if (!calls.length) associateAll(allModels());
}

// ---- The result ------------------------------------------------------------------------------------------------
function hookNames(model) {
  const hooks = (model.options && model.options.hooks) || {};
  return Object.keys(hooks).filter((name) => Array.isArray(hooks[name]) && hooks[name].length);
}

function ownFunctions(object, ignore) {
  return Object.getOwnPropertyNames(object).filter((name) => {
    if (ignore.includes(name)) return false;
    const descriptor = Object.getOwnPropertyDescriptor(object, name);
    return descriptor && (typeof descriptor.value === 'function' || descriptor.get || descriptor.set);
  });
}

function modelOf(model) {
  const info = declared.get(model) || { attributes: [], generated: false, written: {} };
  const options = model.options;
  const indexes = (options.indexes || []).map((index) => ({
    name: index.name || '',
    unique: !!index.unique,
    fields: (index.fields || []).map((field) => (typeof field === 'string' ? field : field.name || field.attribute)),
  }));
  return {
    name: model.name,
    generated: info.generated,
    tableName: model.tableName,
    freezeTableName: !!options.freezeTableName,
    timestamps: !!options.timestamps,
    paranoid: !!options.paranoid,
    underscored: !!options.underscored,
    comment: options.comment || '',
    schema: options.schema || '',
    createdAt: info.written.createdAt,
    updatedAt: info.written.updatedAt,
    deletedAt: info.written.deletedAt,
    attributes: info.attributes,
    primaryKeys: model.primaryKeyAttributes || [],
    hooks: hookNames(model),
    scopes: Object.keys(options.scopes || {}),
    defaultScope: Object.keys(options.defaultScope || {}).length > 0,
    modelValidators: Object.keys(options.validate || {}),
    getterMethods: Object.keys(options.getterMethods || {}),
    setterMethods: Object.keys(options.setterMethods || {}),
    indexes,
    instanceMethods: info.instanceMethods || [],
    staticMethods: info.staticMethods || [],
  };
}

function associationOf(call) {
  const a = call.association;
  const w = call.written;
  const out = {
    kind: call.kind,
    source: call.source.name,
    target: call.target.name,
    as: a.as,
    foreignKey: a.foreignKey || '',
    sourceKey: a.sourceKey || '',
    targetKey: a.targetKey || '',
    otherKey: a.otherKey || '',
    onDelete: w.onDelete ? String(w.onDelete).toUpperCase() : '',
    onUpdate: w.onUpdate ? String(w.onUpdate).toUpperCase() : '',
    written: Object.keys(w).filter((key) => w[key] !== undefined),
  };
  // foreignKey: { name, allowNull: false, ... } states attribute options: the attribute, with the type
  // Sequelize gave it on the model holding the key.
  const extra = w.foreignKey && typeof w.foreignKey === 'object'
    ? Object.keys(w.foreignKey).filter((key) => !['name', 'fieldName'].includes(key)) : [];
  if (extra.length) {
    const holder = call.kind === 'belongsTo' ? call.source : call.kind === 'belongsToMany' ? a.through.model : call.target;
    const final = holder.rawAttributes[a.foreignKey] || {};
    // What Sequelize applied: an earlier association may have defined the attribute already.
    const applied = { type: final.type };
    for (const key of extra) applied[key] = final[key] !== undefined ? final[key] : w.foreignKey[key];
    out.foreignKeyAttribute = attributeOf(a.foreignKey, applied);
    out.foreignKeyHolder = holder.name;
  }
  if (w.as && typeof w.as === 'object') out.asObject = true;
  if (w.constraints === false) out.constraints = false;
  if (w.scope) out.scope = true;
  if (call.kind === 'belongsToMany') {
    out.through = a.through.model.name;
    out.throughTable = a.through.model.tableName;
  }
  return out;
}

try {
  load();
} catch (error) {
  fail(describe(error));
}
// Models a user's index.js defines in a promise still get read: one turn of the event loop.
setImmediate(() => {
  const models = allModels();
  if (!models.length) fail(`no Sequelize models were defined by ${relative(root) || root}`);
  finish(
    {
      sequelize: version,
      dialects: instances.map((instance) => instance.modeldeskDialect),
      models: models.map(modelOf),
      associations: calls.map(associationOf),
    },
    0
  );
});
