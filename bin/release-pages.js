#!/usr/bin/env node
'use strict';
// A command-line run is short: V8 compiles a regular expression straight to machine code on its first use
// instead of to bytecode first and to machine code on its second (the date scanner's expression alone
// costs ~10 ms to compile twice). Measured with callgrind on the 49 corpus pages: 3.6 % fewer instructions,
// a tiny page 3.5 %. Set before the bundle loads, so that the compile cache is always made and read with it.
require('node:v8').setFlagsFromString('--no-regexp-tier-up');
// `release-pages check …`, the run CI and scripts repeat, loads the bundle of that command alone (dist/check.js,
// a quarter smaller: less compiled code to read back at start-up); any other command line loads dist/cli.js.
const bundle = process.argv[2] === 'check' ? 'check.js' : 'cli.js';
require('./load-bundle.js').loadBundle(require('node:path').join(__dirname, '..', 'dist', bundle));
