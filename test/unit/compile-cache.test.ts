// The CLI's compile cache (bin/load-bundle.js): on Node without module.enableCompileCache the bundle's
// compiled code is kept in a folder of the temporary directory that only this user may write; a later
// run uses it and prints the same; a broken cache file is replaced, a folder others may write is not used.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { readFixture } from '../helpers/paths';
import { runCli, tempFolder } from '../helpers/cli-run';

const builtIn = typeof (Module as { enableCompileCache?: unknown }).enableCompileCache === 'function';
const skip = builtIn ? 'this Node has module.enableCompileCache: the fallback is not used' : process.getuid ? false : 'no user ids here';
const SEED1 = readFixture('seeds', '001_dc88aac92be68e04.md');

function setUp(): { dir: string; tmp: string; cacheDir: string; run: () => ReturnType<typeof runCli> } {
  // y.md's front matter (an anchor) is beyond the simple reader: it loads the YAML parser.
  const dir = tempFolder({ 'x.md': SEED1, 'y.md': '---\ntags: &t [release, notes]\n---\n# Notes\n' });
  const tmp = tempFolder({}, 'release-pages-tmpdir-');
  const cacheDir = join(tmp, `release-pages-compile-cache-${process.getuid?.() ?? 0}`);
  return { dir, tmp, cacheDir, run: () => runCli(['check', 'x.md', 'y.md'], dir, { env: { TMPDIR: tmp } }) };
}

function cacheFiles(cacheDir: string): string[] {
  return readdirSync(cacheDir).filter((f) => f.endsWith('.code'));
}

test('the first run writes the cache; the second uses it (not rewritten) and prints the same', { skip }, () => {
  const { dir, cacheDir, run } = setUp();
  const plain = runCli(['check', 'x.md', 'y.md'], dir, { env: { NODE_DISABLE_COMPILE_CACHE: '1' } });
  const first = run();
  assert.deepEqual([first.code, first.stdout, first.stderr], [plain.code, plain.stdout, plain.stderr]);
  // y.md's front matter needs the YAML parser: a bundle of its own loaded on first use, it keeps its code too.
  assert.deepEqual(
    cacheFiles(cacheDir).map((f) => f.replace(/-\d+-\d+-v[\d.]+-\w+\.code$/, '')),
    ['check.js', 'yaml.js'],
    cacheFiles(cacheDir).join(' '),
  );
  const files = cacheFiles(cacheDir).filter((f) => f.startsWith('check.js-'));
  assert.match(files[0], /^check\.js-\d+-\d+-v[\d.]+-\w+\.code$/);
  assert.equal(statSync(cacheDir).mode & 0o777, 0o700, 'the folder is private');
  const path = join(cacheDir, files[0]);
  const before = statSync(path).mtimeMs;
  const second = run();
  assert.deepEqual([second.code, second.stdout, second.stderr], [plain.code, plain.stdout, plain.stderr]);
  assert.equal(statSync(path).mtimeMs, before, 'accepted by V8, so not written again');
});

test('a broken cache file: the run prints the same and replaces it', { skip }, () => {
  const { cacheDir, run } = setUp();
  const good = run();
  const path = join(cacheDir, cacheFiles(cacheDir)[0]);
  writeFileSync(path, 'not code');
  const again = run();
  assert.deepEqual([again.code, again.stdout, again.stderr], [good.code, good.stdout, good.stderr]);
  assert.notEqual(readFileSync(path, 'utf8'), 'not code', 'rejected data is replaced');
});

test('a cache folder that others may write is not used', { skip }, () => {
  const { cacheDir, run } = setUp();
  mkdirSync(cacheDir);
  chmodSync(cacheDir, 0o777);
  const r = run();
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /x\.md/);
  assert.deepEqual(cacheFiles(cacheDir), []);
});

test('a cache made by a short run is made again by a run that compiled noticeably more', { skip }, () => {
  const { dir, tmp, cacheDir } = setUp();
  // Every run counts as long here (the limit is 100 ms of running after the bundle loaded).
  const env = { TMPDIR: tmp, RELEASE_PAGES_CACHE_LONG_RUN_MS: '0' };
  // `check --help` loads the check bundle (dist/check.js) and runs next to none of it.
  assert.equal(runCli(['check', '--help'], dir, { env }).code, 0);
  const [file] = cacheFiles(cacheDir);
  const thin = statSync(join(cacheDir, file)).size;
  const checked = runCli(['check', 'x.md'], dir, { env });
  assert.equal(checked.code, runCli(['check', 'x.md'], dir, { env: { NODE_DISABLE_COMPILE_CACHE: '1' } }).code);
  const fat = statSync(join(cacheDir, file)).size;
  assert.ok(fat > thin * 1.1, `the check's functions are kept: ${thin} → ${fat} bytes`);
  const mtime = statSync(join(cacheDir, file)).mtimeMs;
  runCli(['check', 'x.md'], dir, { env });
  assert.equal(statSync(join(cacheDir, file)).mtimeMs, mtime, 'a run that compiled nothing more does not write it again');
});

test("writing a new cache removes other builds' files no run read for a week, and keeps the rest", { skip }, () => {
  const { cacheDir, run } = setUp();
  mkdirSync(cacheDir, { mode: 0o700 });
  const old = join(cacheDir, 'check.js-1-1-v0.0.0-x64.code');
  const recent = join(cacheDir, 'check.js-2-2-v0.0.0-x64.code');
  const other = join(cacheDir, 'notes.txt');
  for (const f of [old, recent, other]) writeFileSync(f, 'x');
  const weeks = (Date.now() - 8 * 24 * 3600 * 1000) / 1000;
  utimesSync(old, weeks, weeks);
  utimesSync(other, weeks, weeks);
  assert.equal(run().code, 0);
  const left = readdirSync(cacheDir);
  assert.ok(!left.includes('check.js-1-1-v0.0.0-x64.code'), left.join(' '));
  assert.ok(left.includes('check.js-2-2-v0.0.0-x64.code') && left.includes('notes.txt'), left.join(' '));
  assert.equal(
    cacheFiles(cacheDir).filter((f) => !f.startsWith('check.js-2-')).length,
    2,
    `this build's check.js and yaml.js: ${left.join(' ')}`,
  );
});
