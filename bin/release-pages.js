#!/usr/bin/env node
'use strict';
// A command-line run is short: V8 compiles a regular expression straight to machine code on its first use
// instead of to bytecode first and to machine code on its second (the date scanner's expression alone
// costs ~10 ms to compile twice). Measured with callgrind on the 49 corpus pages: 3.6 % fewer instructions,
// a tiny page 3.5 %. Set before the bundle loads, so that the compile cache is always made and read with it.
require('node:v8').setFlagsFromString('--no-regexp-tier-up');
// The optimizing compiler (TurboFan) waits 16 times longer than V8's default before it optimizes a function: by
// default a folder check optimized ~80 functions, most of which the run then hardly used (the compile cost more
// than it saved). Callgrind, `node --single-threaded`: the 49 corpus pages 1,846 M → 1,524 M instructions, a
// 200-page generated wiki 5,059 M → 3,676 M, a tiny page 662 M → 659 M; the 2,000-page wiki 4.3 → 3.5 s of CPU
// (`perf stat`). No optimizing at all (--no-opt) was 1,484 M on the corpus but 4,024 M on the 200 pages.
require('node:v8').setFlagsFromString('--interrupt-budget=1081344');
// `release-pages check …`, the run CI and scripts repeat, loads the bundle of that command alone (dist/check.js,
// a quarter smaller: less compiled code to read back at start-up); any other command line loads dist/cli.js.
const bundle = process.argv[2] === 'check' ? 'check.js' : 'cli.js';
require('./load-bundle.js').loadBundle(require('node:path').join(__dirname, '..', 'dist', bundle));
