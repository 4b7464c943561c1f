#!/usr/bin/env node
// Regenerates tests/data/inflection/sequelize-reference.tsv: the word forms that Sequelize 6 itself derives
// (Utils.pluralize / singularize / underscore / camelize), used by tests/tst_inflection.cpp to check the C++
// port in models/inflection.cpp. Only needed when the table is refreshed, never at build or test time.
//
//   mkdir -p /tmp/infl && cd /tmp/infl && npm init -y && npm install sequelize@6.37.8
//   node /path/to/repo/scripts/gen-inflection-table.js /tmp/infl > tests/data/inflection/sequelize-reference.tsv
//
// The argument is the folder whose node_modules holds sequelize (default: the current directory).
// Cells are escaped: backslash as \\, tab as \t, newline as \n, carriage return as \r.
// Where Sequelize's camelize throws (a trailing '-', '_' run), the cell reads "!throws " followed by what it
// gives for the word without that trailing run, which is what the C++ port returns instead of throwing.
'use strict';

const fs = require('fs');
const path = require('path');

const root = path.resolve(process.argv[2] || '.');
const req = (name) => require(require.resolve(name, { paths: [root] }));
const Utils = req('sequelize/lib/utils');
const sequelizePkg = req('sequelize/package.json');
// The inflection copy that sequelize itself resolves.
const sequelizeDir = path.dirname(require.resolve('sequelize/package.json', { paths: [root] }));
const inflectionMain = require.resolve('inflection', { paths: [sequelizeDir] });
const inflectionPkg = require(path.join(inflectionMain, '..', '..', 'package.json'));

// Every (non commented-out) entry of the library's uncountable list, read from its source.
function uncountables() {
  const src = fs.readFileSync(inflectionMain, 'utf8');
  const block = src.match(/uncountable_words\s*=\s*\[([\s\S]*?)\]/)[1];
  const words = [];
  for (const line of block.split('\n')) {
    const code = line.replace(/\/\/.*$/, '');
    for (const m of code.matchAll(/'([^']*)'/g)) words.push(m[1]);
  }
  return words;
}

const words = [
  // plain regular nouns and typical model names
  'user', 'post', 'comment', 'tag', 'order', 'product', 'invoice', 'payment', 'customer', 'account', 'role',
  'permission', 'session', 'token', 'file', 'image', 'video', 'message', 'event', 'task', 'project', 'team',
  'member', 'group', 'note', 'item', 'page', 'book', 'author', 'car', 'dog', 'cat', 'tree', 'game', 'table',
  'column', 'record', 'schema', 'model', 'device', 'price', 'office', 'notice', 'service', 'article', 'review',
  'rating', 'setting', 'profile', 'article', 'employee', 'department', 'shipment', 'warehouse', 'vendor',
  'supplier', 'ticket', 'label', 'phase', 'purchase', 'release', 'response', 'course', 'nurse', 'purpose',
  'expense', 'license', 'lease', 'case', 'use', 'horse', 'house', 'spouse', 'base', 'database', 'codebase',
  'test', 'latest', 'theme', 'area', 'idea', 'sofa', 'pizza', 'agenda', 'human', 'german', 'roman', 'shaman',
  'talisman', 'caiman',
  // -y
  'category', 'company', 'city', 'country', 'party', 'story', 'entry', 'activity', 'property', 'history',
  'library', 'query', 'reply', 'strategy', 'policy', 'currency', 'delivery', 'inventory', 'dictionary',
  'directory', 'gallery', 'family', 'baby', 'lady', 'body', 'copy', 'key', 'day', 'monkey', 'survey', 'journey',
  'essay', 'guy', 'buy', 'boy', 'toy', 'way', 'soliloquy', 'colloquy', 'quay', 'ally',
  // -s -ss -x -ch -sh -z
  'bus', 'gas', 'glass', 'class', 'address', 'boss', 'kiss', 'process', 'access', 'success', 'business', 'box',
  'fox', 'tax', 'fax', 'church', 'match', 'watch', 'batch', 'branch', 'search', 'dish', 'wish', 'brush', 'flash',
  'crash', 'hash', 'push', 'bench', 'coach', 'stomach', 'epoch', 'monarch', 'buzz', 'fizz', 'waltz', 'topaz',
  'lens', 'iris', 'atlas', 'minibus', 'plus', 'chaos', 'kudos',
  // -us -is -um -ix -ex -on -a
  'status', 'campus', 'canvas', 'alias', 'bonus', 'summons', 'virus', 'octopus', 'cactus', 'fungus', 'radius',
  'stimulus', 'syllabus', 'focus', 'census', 'apparatus', 'corpus', 'genus', 'opus', 'circus', 'chorus', 'sinus',
  'analysis', 'basis', 'diagnosis', 'parenthesis', 'prognosis', 'synopsis', 'thesis', 'crisis', 'axis', 'testis',
  'oasis', 'emphasis', 'hypothesis', 'synthesis', 'ellipsis', 'taxis', 'ax', 'datum', 'medium', 'curriculum',
  'memorandum', 'bacterium', 'stadium', 'forum', 'album', 'museum', 'premium', 'quantum', 'millennium', 'podium',
  'aquarium', 'matrix', 'appendix', 'index', 'vertex', 'vortex', 'apex', 'codex', 'suffix', 'prefix', 'helix',
  'criterion', 'phenomenon', 'automaton', 'beta', 'quota', 'meta', 'delta', 'vista', 'via', 'pita', 'formula',
  'antenna', 'alumna',
  // -f -fe -ve
  'leaf', 'loaf', 'wolf', 'half', 'calf', 'elf', 'self', 'shelf', 'knife', 'wife', 'life', 'thief', 'roof',
  'chief', 'proof', 'belief', 'cliff', 'staff', 'scarf', 'dwarf', 'wharf', 'surf', 'turf', 'hoof', 'safe',
  'giraffe', 'cafe', 'strafe', 'hive', 'archive', 'objective', 'native', 'drive', 'curve', 'cave', 'wave',
  'grave', 'valve', 'nerve', 'serve', 'reserve', 'dove', 'glove', 'move', 'love', 'stove', 'olive', 'active',
  // -o
  'buffalo', 'tomato', 'potato', 'hero', 'echo', 'veto', 'photo', 'piano', 'radio', 'zoo', 'kilo', 'volcano',
  'torpedo', 'embargo', 'cargo', 'memo', 'logo', 'todo',
  // irregulars and the library's special cases
  'person', 'man', 'woman', 'child', 'ox', 'mouse', 'louse', 'foot', 'tooth', 'goose', 'mongoose', 'moose',
  'fish', 'quiz', 'whereas', 'shoe', 'horseshoe', 'movie', 'cookie', 'zombie', 'pie', 'tie', 'die', 'lie',
  'selfie', 'brownie', 'calorie', 'salesperson', 'chairperson', 'grandchild', 'fireman', 'chairman', 'salesman',
  'policeman', 'superman', 'dormouse', 'blouse', 'slice', 'police', 'accomplice', 'notice', 'oxford', 'oxenfree',
  'canoe', 'toe', 'foe', 'axe', 'testes',
  // already plural
  'users', 'posts', 'people', 'men', 'women', 'children', 'mice', 'lice', 'feet', 'teeth', 'geese', 'criteria',
  'genera', 'oxen', 'data', 'media', 'analyses', 'bases', 'databases', 'codebases', 'crises', 'axes', 'taxes',
  'octopuses', 'viruses', 'statuses', 'aliases', 'campuses', 'canvases', 'buses', 'bonuses', 'summonses',
  'quizzes', 'whereases', 'matrices', 'vertices', 'indices', 'indexes', 'appendices', 'boxes', 'churches',
  'dishes', 'classes', 'addresses', 'processes', 'businesses', 'categories', 'companies', 'cities', 'keys',
  'days', 'monkeys', 'leaves', 'wolves', 'halves', 'knives', 'wives', 'lives', 'olives', 'nerves', 'valves',
  'curves', 'drives', 'archives', 'hives', 'moves', 'gloves', 'waves', 'heroes', 'potatoes', 'tomatoes', 'shoes',
  'horseshoes', 'toes', 'canoes', 'movies', 'cookies', 'pies', 'ties', 'dies', 'prices', 'devices', 'slices',
  'houses', 'horses', 'phases', 'purchases', 'cases', 'theses', 'syntheses', 'diagnoses', 'cafes', 'safes',
  'roofs', 'chiefs', 'giraffes', 'photos', 'stadia', 'quotas', 'settings', 'tests', 'orderItems', 'testUsers',
  'userProfiles', 'UserAccounts', 'userStatuses',
  // camelCase / PascalCase model names
  'testUser', 'orderItem', 'userProfile', 'UserAccount', 'OrderItem', 'userAddress', 'blogPost',
  'productCategory', 'companyStatus', 'userStatus', 'userRole', 'ApiKey', 'HTTPRequest', 'XMLParser', 'userID',
  'IPAddress', 'OAuthToken', 'lineItem', 'shippingAddress', 'personData', 'salesPerson', 'chairPerson',
  'superMan', 'SuperWoman', 'PostComment', 'userSettings', 'appConfig', 'taskQueue', 'mediaFile', 'newsItem',
  'dataSet', 'metaData', 'childNode', 'parentChild', 'userChild', 'userPerson', 'signingBonus', 'userSheep',
  'userInformation', 'UserNews', 'userSoftware', 'userIndex', 'userMatrix', 'userQuiz', 'userCriterion',
  'userFoot', 'userMouse', 'userLife', 'userLeaf', 'userAnalysis', 'userDatum', 'userMedium', 'projectCompany',
  'BlogPostCategory', 'Order2Item', 'item2',
  // mixed and upper case
  'User', 'USER', 'USERS', 'Person', 'PERSON', 'PEOPLE', 'People', 'CATEGORY', 'Category', 'CATEGORIES',
  'Status', 'STATUS', 'STATUSES', 'Sheep', 'SHEEP', 'News', 'Mouse', 'MICE', 'Child', 'CHILDREN', 'Children',
  'Ox', 'OX', 'Oxen', 'Foot', 'FOOT', 'FEET', 'Tooth', 'Goose', 'GEESE', 'Genus', 'GENERA', 'Criterion',
  'CRITERIA', 'Woman', 'WOMEN', 'Man', 'MEN', 'Quiz', 'QUIZZES', 'Analysis', 'Analyses', 'ANALYSES', 'Fish',
  'Box', 'BOXES', 'Knife', 'KNIVES', 'Company', 'COMPANY', 'Address', 'ADDRESS', 'Matrix', 'Index', 'INDEX',
  'Datum', 'DATA', 'Medium', 'Bus', 'BUSES', 'Police', 'Slice', 'Shoe', 'SHOES', 'Movie', 'Information',
  'EQUIPMENT', 'Rice', 'Deer', 'Series', 'SPECIES', 'Whereas', 'Summons', 'Octopus', 'Virus', 'Alias', 'Campus',
  'Canvas', 'Potato', 'Hive', 'Drive', 'DRIVES', 'Day', 'KEY', 'Key', 'Wolf', 'WOLVES', 'Safe', 'Cafe',
  'CaFe', 'sTaTuS', 'pErSoN', 'mOuSe', 'cHiLd',
  // snake_case, kebab-case, spaces and separators (mainly for camelize and underscore)
  'user_id', 'created_at', 'updated_at', 'deleted_at', 'test_user', 'order_item', 'user_profile', 'first_name',
  'last_name', 'user_ids', 'User_ID', 'MixedCase_id', 'already_snake_cases', 'user_person', 'order_items',
  'a_b_c', 'x_1', 'item_2_name', 'api_v2', '_private', '__proto', '__init__', 'user__name', 'user-name',
  '-dashed-word', 'user name', ' user name ', '  padded  ', 'user \t name', 'user\tid', 'user\nid', 'multi word status',
  'user_', 'user-', 'user__', '_', '-', ' ', '', 'a', 'A', 's', 'S', 'es', 'ies', 'ss', '1', '42s', 'user-_ id',
  'Foo::Bar', 'Admin::UserAccount', 'admin::user', 'a::b::c', ':::', 'foo/bar', 'user.name', 'user$id',
  'camelCase_and_snake', 'ALL_CAPS_NAME',
  // non-ASCII: JS and PCRE differ on case-insensitive matching of these, and lower-casing is Unicode-aware
  'Café', 'café', 'cafés', 'naïve', 'Ärger', 'ÜberUser', 'ÉcoleName', 'Straße', 'user_ßtraße', 'user_éclair',
  'İstanbul', 'ΟΔΟΣ', 'ΟΔΟΣ ΟΔΟΣ', 'ΣΟΦΙΑ', 'ΑΣ.', 'user_σ', 'bu\u017f', 'sheep\u017f', '\u212aarate',
  '\u212aey', 'ſ', 'user_ŉ', 'user_ǆ', 'user_\u00a0name', 'user\u3000name', '\ufeffuser_id\ufeff',
  'user\u0085id', 'user\u2028id', 'Σ', 'ΣΣ', 'aΣb', 'box\n', 'person\n', 'users\n',
];

const all = [];
const seen = new Set();
for (const w of [...words, ...uncountables(), 'access', 'art', 'fish', 'beer', 'moose', 'mail', 'work']) {
  if (!seen.has(w)) {
    seen.add(w);
    all.push(w);
  }
}

const esc = (s) => s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');

function camelizeCell(w) {
  try {
    return Utils.camelize(w);
  } catch (e) {
    return '!throws ' + Utils.camelize(w.trim().replace(/[-_\s]+$/, ''));
  }
}

const out = [];
out.push(`# Generated by scripts/gen-inflection-table.js from sequelize@${sequelizePkg.version} (inflection@${inflectionPkg.version}) on node ${process.version}: Utils.pluralize, Utils.singularize, Utils.underscore, Utils.camelize. Escapes: \\\\ \\t \\n \\r. "!throws X": Sequelize throws a TypeError, the port returns X.`);
out.push(['word', 'pluralize', 'singularize', 'underscore', 'camelize'].join('\t'));
for (const w of all) {
  out.push([w, Utils.pluralize(w), Utils.singularize(w), Utils.underscore(w), camelizeCell(w)].map(esc).join('\t'));
}
process.stdout.write(out.join('\n') + '\n');
