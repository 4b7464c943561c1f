// Parses exported DBML with @dbml/core (the current parser, and optionally the legacy one) and Mermaid with
// mermaid's own parser, and prints what they read as JSON, so the test can compare names exactly.
//   node parse-diagrams.mjs dbml|dbml-legacy|mermaid FILE
import fs from 'fs';
import path from 'path';
import { createRequire } from 'module';
import { pathToFileURL } from 'url';

// The packages live in the test tools cache (the working directory), not beside this script.
const require = createRequire(path.join(process.cwd(), 'package.json'));
const [kind, file] = process.argv.slice(2);
const source = fs.readFileSync(file, 'utf8');

async function parseDbml(format) {
  const { Parser } = require('@dbml/core');
  const database = new Parser().parse(source, format).export();
  const schema = database.schemas[0];
  return {
    tables: schema.tables.map((t) => ({
      name: t.name,
      note: t.note,
      columns: t.fields.map((f) => ({
        name: f.name, type: f.type.type_name, pk: !!f.pk, unique: !!f.unique, notNull: !!f.not_null,
        increment: !!f.increment, default: f.dbdefault ? f.dbdefault.value : null,
      })),
    })),
    enums: schema.enums.map((e) => ({ name: e.name, values: e.values.map((v) => v.name) })),
    refs: schema.refs.map((r) => ({
      from: [r.endpoints[0].tableName, r.endpoints[0].fieldNames[0], r.endpoints[0].relation],
      to: [r.endpoints[1].tableName, r.endpoints[1].fieldNames[0], r.endpoints[1].relation],
      onDelete: r.onDelete, onUpdate: r.onUpdate,
    })),
  };
}

// Mermaid encodes "#quot;"-style entity codes before parsing and decodes them when it renders; undo it here
// so the test sees the text a reader of the diagram sees.
const named = { quot: '"', amp: '&', lt: '<', gt: '>', nbsp: '\u00a0' };
const decode = (text) => (text ?? '')
  .replace(/ﬂ°°(\d+)¶ß/g, (_, code) => String.fromCodePoint(Number(code)))
  .replace(/ﬂ°(\w+)¶ß/g, (_, name) => named[name] ?? `#${name};`);

async function parseMermaid() {
  const { JSDOM } = require('jsdom');
  const dom = new JSDOM('<!doctype html><html><body></body></html>');
  globalThis.window = dom.window;
  globalThis.document = dom.window.document;
  const { default: mermaid } = await import(pathToFileURL(require.resolve('mermaid')).href);
  mermaid.initialize({ startOnLoad: false });
  await mermaid.parse(source); // throws on a syntax error
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(source);
  const entities = diagram.db.getEntities();
  const byId = new Map();
  const out = [];
  for (const [name, entity] of entities) {
    byId.set(entity.id, name);
    out.push({ name, alias: decode(entity.alias), attributes: entity.attributes.map((a) => ({
      type: a.type, name: a.name, keys: a.keys, comment: decode(a.comment) })) });
  }
  return {
    type: diagram.type,
    entities: out,
    relationships: diagram.db.getRelationships().map((r) => ({
      from: byId.get(r.entityA) ?? r.entityA, to: byId.get(r.entityB) ?? r.entityB, label: decode(r.roleA),
      cardA: r.relSpec.cardA, cardB: r.relSpec.cardB })),
  };
}

try {
  const result = kind === 'mermaid' ? await parseMermaid()
    : await parseDbml(kind === 'dbml-legacy' ? 'dbml' : 'dbmlv2');
  process.stdout.write(JSON.stringify(result) + '\n');
  process.exit(0);
} catch (error) {
  const diags = error && error.diags ? error.diags.map((d) => `${d.message} at ${JSON.stringify(d.location && d.location.start)}`) : [];
  console.error(diags.length ? diags.join('\n') : (error && error.stack) || String(error));
  process.exit(1);
}
