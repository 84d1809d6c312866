// `release-pages format` and `format --check` on temp copies of the seed pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, readFixture } from '../helpers/paths';

const CLI = join(ROOT, 'bin', 'release-pages.js');
const SEED0 = readFixture('seeds', '000_015c11820e0fe26e.md');
const README = '# Tool\n\n|a|b|\n|-|-|\n|1|2|\n';

function run(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function workspace(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'release-pages-format-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

test('format --check lists the pages that would change and exits 1; format writes them; then --check exits 0', () => {
  const crlf = `\uFEFF${SEED0.replace(/\n/g, '\r\n')}`;
  const dir = workspace({ 'a.md': SEED0, 'b.md': Buffer.from(crlf, 'utf8'), 'readme.md': README });
  chmodSync(join(dir, 'a.md'), 0o640);
  const check = run(['format', '--check', '.'], dir);
  assert.equal(check.code, 1, check.stderr);
  assert.deepEqual(check.stdout.trim().split('\n').sort(), ['a.md', 'b.md']);
  assert.match(check.stderr, /2 files would be reformatted/);
  assert.equal(readFileSync(join(dir, 'a.md'), 'utf8'), SEED0, '--check writes nothing');

  const write = run(['format'], dir);
  assert.equal(write.code, 0, write.stderr);
  assert.deepEqual(write.stdout.trim().split('\n').sort(), ['a.md', 'b.md']);
  const a = readFileSync(join(dir, 'a.md'), 'utf8');
  assert.notEqual(a, SEED0);
  assert.equal(statSync(join(dir, 'a.md')).mode & 0o777, 0o640, 'file mode kept');
  // Only table lines changed; BOM and CRLF kept in b.md, and it equals a.md with CRLF.
  const before = SEED0.split('\n');
  const after = a.split('\n');
  assert.equal(after.length, before.length);
  for (let i = 0; i < before.length; i++) if (!before[i].startsWith('|')) assert.equal(after[i], before[i], `line ${i + 1}`);
  const b = readFileSync(join(dir, 'b.md'), 'utf8');
  assert.equal(b, `\uFEFF${a.replace(/\n/g, '\r\n')}`);
  assert.equal(readFileSync(join(dir, 'readme.md'), 'utf8'), README, 'not a release page: untouched');

  const again = run(['format', '--check'], dir);
  assert.equal(again.code, 0, again.stdout);
  assert.equal(again.stdout, '');
});

test('format --all also formats ordinary pages; --style and --max-column-width; usage errors exit 2', () => {
  const dir = workspace({ 'readme.md': README });
  assert.equal(run(['format', '--all', '--style', 'compact', 'readme.md'], dir).code, 0);
  assert.equal(readFileSync(join(dir, 'readme.md'), 'utf8'), '# Tool\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n');
  assert.equal(run(['format', '--all', '--max-column-width=0', 'readme.md'], dir).code, 0);
  assert.equal(readFileSync(join(dir, 'readme.md'), 'utf8'), '# Tool\n\n| a   | b   |\n| --- | --- |\n| 1   | 2   |\n');
  assert.equal(run(['format', '--style', 'wide', 'readme.md'], dir).code, 2);
  assert.equal(run(['format', '--max-column-width', '-1', 'readme.md'], dir).code, 2);
  assert.equal(run(['format', 'missing.md'], dir).code, 2);
  assert.match(run(['--help'], dir).stdout, /format\s+align the tables/);
  assert.match(run(['format', '--help'], dir).stdout, /--check/);
});
