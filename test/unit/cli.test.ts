import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, readFixture } from '../helpers/paths';

const CLI = join(ROOT, 'bin', 'release-pages.js');

function run(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function workspace(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'release-pages-cli-'));
  for (const [name, content] of Object.entries(files)) {
    const p = join(dir, name);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, content);
  }
  return dir;
}

const SEED0 = readFixture('seeds', '000_015c11820e0fe26e.md');
const SEED1 = readFixture('seeds', '001_dc88aac92be68e04.md');
const SEED2 = readFixture('seeds', '002_b2c45803c922cfb7.md');

test('exit 1 with errors, 0 without, 2 on usage and I/O problems', () => {
  const dir = workspace({ 'a.md': SEED0, 'b.md': SEED1, 'c.md': SEED2 });
  assert.equal(run(['check', 'a.md'], dir).code, 1);
  assert.equal(run(['check', 'b.md'], dir).code, 0);
  assert.equal(run(['check', 'c.md'], dir).code, 0);
  assert.equal(run(['check', 'missing.md'], dir).code, 2);
  assert.equal(run(['check', '--format', 'xml', 'b.md'], dir).code, 2);
  assert.equal(run(['lint', 'b.md'], dir).code, 2);
  assert.equal(run(['check', 'nothing/**/*.md'], dir).code, 2);
  const help = run(['--help'], dir);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /Usage: release-pages <command>/);
  assert.match(run(['check', '--help'], dir).stdout, /Usage: release-pages check/);
});

test('--format json prints the documented fields with 1-based positions', () => {
  const dir = workspace({ 'b.md': SEED1 });
  const r = run(['check', 'b.md', '--format', 'json'], dir);
  const findings = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
  assert.equal(findings.length, 6);
  const line17 = SEED1.split('\n')[16];
  assert.deepEqual(findings[0], {
    file: 'b.md',
    line: 17,
    column: line17.indexOf('\\1') + 1,
    endLine: 17,
    endColumn: line17.indexOf('\\1') + 3,
    severity: 'warning',
    rule: 'date-placeholder',
    message: findings[0].message,
    fixable: false,
  });
});

test('folders recurse into .md and .markdown pages; globs expand', () => {
  const dir = workspace({ 'docs/a.md': SEED1, 'docs/sub/b.markdown': SEED1, 'docs/notes.txt': SEED1 });
  const all = JSON.parse(run(['check', 'docs', '--format', 'json'], dir).stdout) as Array<{ file: string }>;
  assert.deepEqual([...new Set(all.map((f) => f.file))].sort(), ['docs/a.md', 'docs/sub/b.markdown']);
  const glob = JSON.parse(run(['check', 'docs/**/*.markdown', '--format', 'json'], dir).stdout) as Array<{ file: string }>;
  assert.deepEqual([...new Set(glob.map((f) => f.file))], ['docs/sub/b.markdown']);
});

test('sarif and github formats', () => {
  const dir = workspace({ 'b.md': SEED1 });
  const sarif = JSON.parse(run(['check', 'b.md', '--format', 'sarif'], dir).stdout) as {
    version: string;
    runs: Array<{ results: unknown[]; tool: { driver: { rules: unknown[] } } }>;
  };
  assert.equal(sarif.version, '2.1.0');
  assert.equal(sarif.runs[0].results.length, 6);
  assert.ok(sarif.runs[0].tool.driver.rules.length >= 21);
  const gh = run(['check', 'b.md', '--format', 'github'], dir).stdout.trim().split('\n');
  assert.equal(gh.length, 6);
  assert.match(gh[0], /^::warning file=b\.md,line=17,col=\d+,endLine=17,endColumn=\d+,title=date-placeholder::/);
});

test('--fix writes atomically, keeps CRLF, BOM and file mode, and changes only the fixed text', () => {
  const crlf = SEED0.replace(/\n/g, '\r\n');
  const dir = workspace({ 'a.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf, 'utf8')]) });
  chmodSync(join(dir, 'a.md'), 0o640);
  const r = run(['check', 'a.md', '--fix', '--format', 'json'], dir);
  assert.match(r.stderr, /a\.md: fixed \d+ problems/);
  const after = readFileSync(join(dir, 'a.md'));
  assert.deepEqual([...after.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM kept');
  const text = after.subarray(3).toString('utf8');
  assert.equal(text.split('\r\n').length, crlf.split('\r\n').length, 'same number of CRLF lines');
  assert.ok(!/[^\r]\n/.test(text), 'no bare LF introduced');
  assert.equal(statSync(join(dir, 'a.md')).mode & 0o777, 0o640);
  const before = crlf.split('\r\n');
  const lines = text.split('\r\n');
  const changed = lines.map((l, i) => (l === before[i] ? -1 : i)).filter((i) => i >= 0);
  for (const i of changed) {
    assert.equal(lines[i].toLowerCase().replace(/\d{4}-\d{2}-\d{2}/g, 'D'), lines[i].toLowerCase().replace(/\d{4}-\d{2}-\d{2}/g, 'D'));
    assert.match(before[i], /\b(red|orange|must|should)\b|\d+\/\d+\/\d{4}|\]\(/, `line ${i + 1} had something to fix`);
  }
  const again = JSON.parse(run(['check', 'a.md', '--format', 'json'], dir).stdout) as Array<{ fixable: boolean; rule: string }>;
  assert.deepEqual(
    again.filter((f) => f.fixable && f.rule !== 'date-ambiguous').map((f) => f.rule),
    [],
  );
  const unchanged = readFileSync(join(dir, 'a.md'));
  assert.equal(run(['check', 'a.md', '--fix'], dir).stderr.includes('fixed'), false, 'nothing left to write');
  assert.ok(readFileSync(join(dir, 'a.md')).equals(unchanged));
});

test('--quiet reports errors only; --config uses a given file; bad config is exit 2 with file:line', () => {
  const dir = workspace({
    'a.md': SEED0,
    'strict.yaml': 'rules:\n  status-case: error\n',
    'bad/.release-pages.yaml': 'rules:\n  no-such-rule: warning\n',
    'bad/a.md': SEED1,
  });
  const quiet = JSON.parse(run(['check', 'a.md', '--quiet', '--format', 'json'], dir).stdout) as Array<{ severity: string }>;
  assert.ok(quiet.length > 0 && quiet.every((f) => f.severity === 'error'));
  const strict = JSON.parse(run(['check', 'a.md', '--config', 'strict.yaml', '--format', 'json'], dir).stdout) as Array<{
    rule: string;
    severity: string;
  }>;
  assert.ok(strict.filter((f) => f.rule === 'status-case').every((f) => f.severity === 'error'));
  const bad = run(['check', 'bad/a.md'], dir);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /\.release-pages\.yaml:2:3: Unknown rule "no-such-rule"/);
});
