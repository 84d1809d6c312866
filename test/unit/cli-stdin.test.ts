// Standard input (`-`, --stdin-filename for config lookup and output), --output-file written whole or not
// at all, and colour decided by NO_COLOR / FORCE_COLOR / the terminal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { colorWanted } from '../../server/src/cli/terminal';
import { encodePage } from '../../server/src/cli/write';
import { readFixture } from '../helpers/paths';
import { runCli, tempFolder } from '../helpers/cli-run';

const SEED0 = readFixture('seeds', '000_015c11820e0fe26e.md');
const SEED1 = readFixture('seeds', '001_dc88aac92be68e04.md');
const NOTES = '# Notes\n\n|a|b|\n|-|-|\n|1|2|\n'; // not a release page

interface JsonFinding {
  file: string;
  rule: string;
  severity: string;
}

test('check -: findings under the --stdin-filename (its folder picks the configuration), else under <stdin>', () => {
  const dir = tempFolder({ 'strict/.release-pages.yaml': 'rules:\n  date-placeholder: error\n' });
  const named = runCli(['check', '-', '--stdin-filename', 'strict/page.md', '--format', 'json'], dir, { input: SEED1 });
  assert.equal(named.code, 1, named.stderr);
  const findings = JSON.parse(named.stdout) as JsonFinding[];
  assert.equal(findings.length, 6);
  assert.ok(findings.every((f) => f.file === 'strict/page.md'));
  assert.ok(
    findings.filter((f) => f.rule === 'date-placeholder').every((f) => f.severity === 'error'),
    'the config of strict/ applies',
  );
  const bare = runCli(['check', '-', '--format', 'json'], dir, { input: SEED1 });
  assert.equal(bare.code, 0, bare.stderr);
  const plain = JSON.parse(bare.stdout) as JsonFinding[];
  assert.ok(plain.length === 6 && plain.every((f) => f.file === '<stdin>' && f.severity === 'warning'));
  const stylish = runCli(['check', '-', '--stdin-filename', 'strict/page.md'], dir, { input: SEED1 });
  assert.match(stylish.stdout, /^\nstrict\/page\.md\n/);
  const github = runCli(['check', '-', '--stdin-filename', 'strict/page.md', '--format', 'github'], dir, { input: SEED1 });
  assert.match(github.stdout, /^::error file=strict\/page\.md,line=17,/);
});

test('- is one page: not with other paths, not with --fix; --stdin-filename needs -', () => {
  const dir = tempFolder({ 'a.md': SEED1 });
  for (const [args, message] of [
    [['check', '-', 'a.md'], /- \(standard input\) must be the only path/],
    [['check', '-', '--fix'], /--fix cannot write standard input back/],
    [['check', 'a.md', '--stdin-filename', 'x.md'], /--stdin-filename names the page read from standard input: give -/],
    [['format', '-', 'a.md'], /- \(standard input\) must be the only path/],
  ] as Array<[string[], RegExp]>) {
    const r = runCli(args, dir, { input: SEED1 });
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, message);
  }
});

test('format -: the formatted page on stdout and nothing else; unchanged bytes when there is nothing to do', () => {
  const dir = tempFolder({ 'notes/.release-pages.yaml': "include: ['*.md']\n", 'ref.md': SEED0 });
  assert.equal(runCli(['format', 'ref.md'], dir).code, 0);
  const expected = readFileSync(join(dir, 'ref.md'), 'utf8');
  assert.notEqual(expected, SEED0);
  const r = runCli(['format', '-'], dir, { input: SEED0 });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, expected);
  assert.equal(r.stderr, '', 'no summary: editors read stdout, pre-commit shows stderr');
  // CRLF and a BOM survive; UTF-16 stays UTF-16.
  const crlf = `\uFEFF${SEED0.replace(/\n/g, '\r\n')}`;
  assert.equal(runCli(['format', '-'], dir, { input: crlf }).stdout, `\uFEFF${expected.replace(/\n/g, '\r\n')}`);
  const wide = runCli(['format', '-'], dir, { input: encodePage({ bom: true, encoding: 'utf16le' }, SEED0) });
  assert.ok(wide.raw.equals(encodePage({ bom: true, encoding: 'utf16le' }, expected)));
  // Not a release page: echoed; --stdin-filename in a folder whose config includes it: formatted.
  assert.equal(runCli(['format', '-'], dir, { input: NOTES }).stdout, NOTES);
  assert.equal(
    runCli(['format', '-', '--stdin-filename', 'notes/n.md'], dir, { input: NOTES }).stdout,
    '# Notes\n\n| a   | b   |\n| --- | --- |\n| 1   | 2   |\n',
  );
  assert.equal(runCli(['format', '-', '--stdin-filename', 'n.md'], dir, { input: NOTES }).stdout, NOTES);
  // Bytes that are not valid UTF-8 are given back as they came (exit 2: the page could not be formatted).
  const latin1 = Buffer.concat([Buffer.from(SEED0, 'utf8'), Buffer.from('\nZo\xeb\n', 'latin1')]);
  const lossy = runCli(['format', '-'], dir, { input: latin1 });
  assert.equal(lossy.code, 2);
  assert.ok(lossy.raw.equals(latin1));
  assert.match(lossy.stderr, /not valid UTF-8/);
  // --check with -: exit 1 and the name when it would change.
  const check = runCli(['format', '--check', '-', '--stdin-filename', 'page.md'], dir, { input: SEED0 });
  assert.equal(check.code, 1);
  assert.equal(check.stdout, 'page.md\n');
  const empty = runCli(['format', '-'], dir, { input: '' });
  assert.equal(empty.code, 0);
  assert.equal(empty.stdout, '');
});

test('--output-file: the report written whole (replacing the old file, no temp file left), or not at all', () => {
  const dir = tempFolder({ 'a.md': SEED0, 'out/report.json': 'old report\n' });
  const r = runCli(['check', 'a.md', '--format', 'json', '--output-file', 'out/report.json'], dir);
  assert.equal(r.code, 1, 'the exit code still says errors were found');
  assert.equal(r.stdout, '');
  const written = readFileSync(join(dir, 'out', 'report.json'), 'utf8');
  assert.deepEqual(JSON.parse(written), JSON.parse(runCli(['check', 'a.md', '--format', 'json'], dir).stdout));
  assert.deepEqual(readdirSync(join(dir, 'out')), ['report.json'], 'no temp or lock file left');
  // A read-only report file is not replaced; a missing folder is not created; a folder is not replaced.
  chmodSync(join(dir, 'out', 'report.json'), 0o444);
  const readOnly = runCli(['check', 'a.md', '-o', 'out/report.json', '--format', 'sarif'], dir);
  assert.equal(readOnly.code, 2);
  assert.match(readOnly.stderr, /out\/report\.json: /);
  assert.equal(readFileSync(join(dir, 'out', 'report.json'), 'utf8'), written, 'byte for byte as it was');
  assert.deepEqual(readdirSync(join(dir, 'out')), ['report.json']);
  const missing = runCli(['check', 'a.md', '-o', 'nowhere/report.json'], dir);
  assert.equal(missing.code, 2);
  assert.deepEqual(readdirSync(dir).sort(), ['a.md', 'out']);
  mkdirSync(join(dir, 'folder.json'));
  writeFileSync(join(dir, 'folder.json', 'inside'), 'x');
  const folder = runCli(['check', 'a.md', '-o', 'folder.json'], dir);
  assert.equal(folder.code, 2);
  assert.ok(statSync(join(dir, 'folder.json')).isDirectory());
});

test('colour: none into a pipe, FORCE_COLOR turns it on (also into --output-file), NO_COLOR off; FORCE_COLOR=0 off', () => {
  const dir = tempFolder({ 'a.md': SEED0 });
  const ESC = '\u001b[';
  assert.ok(!runCli(['check', 'a.md'], dir).stdout.includes(ESC), 'a pipe is not a terminal');
  assert.ok(runCli(['check', 'a.md'], dir, { env: { FORCE_COLOR: '1' } }).stdout.includes(`${ESC}31merror`));
  assert.ok(runCli(['check', 'a.md'], dir, { env: { FORCE_COLOR: '' } }).stdout.includes(ESC), 'FORCE_COLOR set but empty: on');
  assert.ok(runCli(['check', 'a.md'], dir, { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout.includes(ESC), 'FORCE_COLOR wins');
  assert.ok(!runCli(['check', 'a.md'], dir, { env: { FORCE_COLOR: '0' } }).stdout.includes(ESC));
  assert.ok(!runCli(['check', 'a.md'], dir, { env: { NO_COLOR: '1' } }).stdout.includes(ESC));
  assert.ok(
    !runCli(['check', 'a.md', '--format', 'json'], dir, { env: { FORCE_COLOR: '1' } }).stdout.includes(ESC),
    'only stylish is coloured',
  );
  runCli(['check', 'a.md', '-o', 'r.txt'], dir, { env: { FORCE_COLOR: '1' } });
  assert.ok(readFileSync(join(dir, 'r.txt'), 'utf8').includes(ESC));
  runCli(['check', 'a.md', '-o', 'plain.txt'], dir);
  assert.ok(!readFileSync(join(dir, 'plain.txt'), 'utf8').includes(ESC));
});

test('colorWanted: a terminal gets colour unless NO_COLOR (non-empty) says no; FORCE_COLOR decides first', () => {
  assert.equal(colorWanted({}, true), true);
  assert.equal(colorWanted({}, false), false);
  assert.equal(colorWanted({ NO_COLOR: '1' }, true), false);
  assert.equal(colorWanted({ NO_COLOR: '' }, true), true, 'an empty NO_COLOR is not set (no-color.org)');
  assert.equal(colorWanted({ FORCE_COLOR: 'false' }, true), false);
  assert.equal(colorWanted({ FORCE_COLOR: '3' }, false), true);
});
