// `npm run fuzz`: every generated (fuzz and property) test of the unit stage with the long budget
// (RELEASE_PAGES_FUZZ=long, about 100 times the cases `npm test` runs) and any seed
// (RELEASE_PAGES_FUZZ_SEED; a failure prints the seed and path to reproduce). The budgets are in
// test/helpers/fuzz.ts; a test file takes part when it uses that helper.
// Then the language-server soak with 5,000 operations instead of 300 (SOAK_OPERATIONS, SOAK_SEED).
// Usage: RELEASE_PAGES_FUZZ_SEED=7 npm run fuzz   (after a build: node out/scripts/fuzz.js [name filter])
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// This file is bundled to out/scripts/fuzz.js: the tests are in out/test/unit next to it.
const dir = join(__dirname, '..', 'test', 'unit');
const filter = process.argv[2] ?? '';
const files = (existsSync(dir) ? readdirSync(dir) : [])
  .filter((f) => f.endsWith('.test.js') && f.includes(filter))
  .map((f) => join(dir, f))
  // The bundle of a test that uses test/helpers/fuzz.ts holds its variable's name.
  .filter((f) => readFileSync(f, 'utf8').includes('RELEASE_PAGES_FUZZ'))
  .sort();
// The soak drives the built server (dist/server.js, which `npm run fuzz` builds first).
const soak = join(__dirname, '..', 'test', 'lsp', 'soak.test.js');
if (existsSync(soak) && 'soak.test.js'.includes(filter)) files.push(soak);
if (files.length === 0) {
  console.error(`no fuzz tests${filter ? ` matching "${filter}"` : ''} in ${dir} (run the build first)`);
  process.exit(2);
}
const seed = process.env.RELEASE_PAGES_FUZZ_SEED ?? String(20_240_501);
const env: NodeJS.ProcessEnv = {
  ...process.env,
  RELEASE_PAGES_FUZZ: process.env.RELEASE_PAGES_FUZZ ?? 'long',
  RELEASE_PAGES_FUZZ_SEED: seed,
  SOAK_OPERATIONS: process.env.SOAK_OPERATIONS ?? '5000',
};
console.log(
  `fuzz: RELEASE_PAGES_FUZZ=${env.RELEASE_PAGES_FUZZ} RELEASE_PAGES_FUZZ_SEED=${seed} SOAK_OPERATIONS=${env.SOAK_OPERATIONS} SOAK_SEED=${env.SOAK_SEED ?? '(default)'}; ${files.length} file(s)`,
);
const started = Date.now();
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...files], { stdio: 'inherit', env });
console.log(
  `fuzz: ${r.status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s (RELEASE_PAGES_FUZZ_SEED=${seed})`,
);
process.exit(r.status ?? 1);
