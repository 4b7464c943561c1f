// Compiles each given JavaScript file as Node would load it (a CommonJS module) without running it; exits
// non-zero naming the file and the syntax error.
//   node check-syntax.js FILE...
'use strict';
const fs = require('fs');
const vm = require('vm');
const { wrap } = require('module');

for (const file of process.argv.slice(2)) {
  try {
    new vm.Script(wrap(fs.readFileSync(file, 'utf8')), { filename: file });
  } catch (error) {
    console.error(`${file}: ${error.message}`);
    process.exit(1);
  }
}
