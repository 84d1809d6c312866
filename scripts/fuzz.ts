// `npm run fuzz`: the fuzz tests of the unit stage with many more generated pages (FUZZ_RUNS, default
// 100,000 instead of 10,000) and any seed (FUZZ_SEED; a failure prints the seed and path to reproduce),
// then the language-server soak with 5,000 operations instead of 300 (SOAK_OPERATIONS, SOAK_SEED).
// Usage: FUZZ_RUNS=200000 FUZZ_SEED=7 npm run fuzz   (after a build: node out/scripts/fuzz.js [name filter])
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

// This file is bundled to out/scripts/fuzz.js: the tests are in out/test/unit next to it.
const dir = join(__dirname, '..', 'test', 'unit');
const filter = process.argv[2] ?? '';
const files = (existsSync(dir) ? readdirSync(dir) : []).filter((f) => /^fuzz-.*\.test\.js$/.test(f) && f.includes(filter)).sort().map((f) => join(dir, f));
// The soak drives the built server (dist/server.js, which `npm run fuzz` builds first).
const soak = join(__dirname, '..', 'test', 'lsp', 'soak.test.js');
if (existsSync(soak) && 'soak.test.js'.includes(filter)) files.push(soak);
if (files.length === 0) {
  console.error(`no fuzz tests in ${dir} (run the build first)`);
  process.exit(2);
}
const env: NodeJS.ProcessEnv = { ...process.env, FUZZ_RUNS: process.env.FUZZ_RUNS ?? '100000', SOAK_OPERATIONS: process.env.SOAK_OPERATIONS ?? '5000' };
console.log(`fuzz: FUZZ_RUNS=${env.FUZZ_RUNS} FUZZ_SEED=${env.FUZZ_SEED ?? '(default)'} SOAK_OPERATIONS=${env.SOAK_OPERATIONS} SOAK_SEED=${env.SOAK_SEED ?? '(default)'}; ${files.length} file(s)`);
const started = Date.now();
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...files], { stdio: 'inherit', env });
console.log(`fuzz: ${r.status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(r.status ?? 1);
