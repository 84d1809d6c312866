// Page text cannot forge the CLI's output: findings quote cell text, so a status cell holding escape
// sequences (erase the line, go to column 1, print a fake all-clear, hide the rest) or bidi controls
// reached the terminal as they were. stylish and github show them as visible escapes; json and sarif
// stay faithful data (JSON.parse gives the page's very characters) without a raw control byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths';
import { PAGE_HEAD } from '../helpers/big-pages';

const CLI = join(ROOT, 'bin', 'release-pages.js');
const ESC = '\u001b';
/** The tester's payload: erase the finding, print a fake all-clear, hide what follows. */
const FORGE = `${ESC}[2K${ESC}[1G1 page checked, no problems.${ESC}[8m`;
/** Text read right to left from U+202E (shows `Green`), an isolate and marks. */
const BIDI = 'Rd \u202eneerG\u202c \u2066x\u2069 \u200f\u061cz';
/** Ends a workflow-command annotation and starts another one (if % and line breaks were not escaped). */
const GITHUB = '%0A::error file=x.md,line=1::all good%0D';
/** C1 CSI (U+009B), DEL, a bell and a backspace. */
const C1 = '\u009b2K\u007f\u0007\bx';

const page = (status: string): string =>
  [
    ...PAGE_HEAD,
    '## Features Status Table',
    '',
    '| Functional team | Feature | Release priority | Owner | Status | Target date |',
    '|---|---|---|---|---|---|',
    // Mostly the usual statuses, so the payload is a slip against them (a page's own consistent words are learned).
    '| Virt | g | Must | o | Green | 2024-01-01 |',
    '| Virt | h | Must | o | Red | 2024-01-01 |',
    `| Virt | f | Must | o | ${status} | 2024-01-01 |`,
    '',
  ].join('\n');

function run(args: string[], files: Record<string, string>): { code: number | null; stdout: string; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'release-pages-forge-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// eslint-disable-next-line no-control-regex -- what must not reach a terminal
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

test('the payloads reach a finding message (else the tests below would prove nothing)', () => {
  const r = run(['check', '--format', 'json', 'p.md'], { 'p.md': page(FORGE) });
  const messages = (JSON.parse(r.stdout) as Array<{ message: string }>).map((f) => f.message);
  assert.ok(
    messages.some((m) => m.includes(FORGE)),
    messages.join('\n'),
  );
});

test('stylish: escape sequences and bidi controls from the page are shown as visible escapes', () => {
  for (const payload of [FORGE, BIDI, C1]) {
    const r = run(['check', 'p.md'], { 'p.md': page(payload) });
    assert.equal(r.code, 1, r.stderr);
    assert.doesNotMatch(r.stdout, RAW, JSON.stringify(r.stdout));
    assert.match(r.stdout, /\d+ problems? \(/, 'the real summary is printed');
  }
  const forged = run(['check', 'p.md'], { 'p.md': page(FORGE) }).stdout;
  assert.ok(forged.includes('\\x1b[2K\\x1b[1G1 page checked, no problems.\\x1b[8m'), forged);
  const bidi = run(['check', 'p.md'], { 'p.md': page(BIDI) }).stdout;
  assert.ok(bidi.includes('Rd \\u202eneerG\\u202c \\u2066x\\u2069 \\u200f\\u061cz'), bidi);
  const c1 = run(['check', 'p.md'], { 'p.md': page(C1) }).stdout;
  assert.ok(c1.includes('\\x9b2K\\x7f\\x07\\x08x'), c1);
});

test('stylish and stderr: file names are made visible too', () => {
  const name = `a${ESC}[2Kb\u202e.md`;
  const r = run(['check', '--all', name], { [name]: page(FORGE) });
  assert.doesNotMatch(r.stdout, RAW, JSON.stringify(r.stdout));
  assert.ok(r.stdout.includes('a\\x1b[2Kb\\u202e.md'), r.stdout);
  const missing = run(['check', `gone${ESC}[2K.md`], {});
  assert.equal(missing.code, 2);
  assert.doesNotMatch(missing.stderr, RAW, JSON.stringify(missing.stderr));
  const fmt = run(['format', '--check', '--all', name], { [name]: page('Red') });
  assert.doesNotMatch(fmt.stdout + fmt.stderr, RAW, JSON.stringify(fmt.stdout));
});

test('github: one annotation per finding; %, CR, LF escaped in messages, also : and , in properties; no raw control', () => {
  const name = `dir,x/a:b${ESC}[8m.md`;
  for (const payload of [FORGE, GITHUB, BIDI, C1]) {
    const r = run(['check', '--format', 'github', '--all', name], { [name]: page(payload) });
    const json = JSON.parse(run(['check', '--format', 'json', '--all', name], { [name]: page(payload) }).stdout) as unknown[];
    const lines = r.stdout.split('\n').filter(Boolean);
    assert.equal(lines.length, json.length, r.stdout);
    for (const line of lines) {
      assert.doesNotMatch(line, RAW, JSON.stringify(line));
      const m = /^::(error|warning|notice) file=([^:,]*),line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=([^:,]*)::(.*)$/.exec(line);
      assert.ok(m, line);
      assert.equal(m[2], 'dir%2Cx/a%3Ab\\x1b[8m.md');
    }
  }
  const gh = run(['check', '--format', 'github', 'p.md'], { 'p.md': page(GITHUB) }).stdout;
  assert.ok(
    gh.includes('%250A::error file=x.md%2Cline=1::all good%250D') || gh.includes('%250A::error file=x.md,line=1::all good%250D'),
    gh,
  );
});

test("json and sarif: faithful data (the page's very characters after JSON.parse), no raw control or bidi byte", () => {
  for (const payload of [FORGE, BIDI, C1]) {
    const json = run(['check', '--format', 'json', 'p.md'], { 'p.md': page(payload) }).stdout;
    assert.doesNotMatch(json, RAW, JSON.stringify(json));
    assert.ok((JSON.parse(json) as Array<{ message: string }>).some((f) => f.message.includes(payload)));
    const sarif = run(['check', '--format', 'sarif', 'p.md'], { 'p.md': page(payload) }).stdout;
    assert.doesNotMatch(sarif, RAW, JSON.stringify(sarif));
    const results = (JSON.parse(sarif) as { runs: Array<{ results: Array<{ message: { text: string } }> }> }).runs[0].results;
    assert.ok(results.some((x) => x.message.text.includes(payload)));
    const report = run(['report', '--format', 'json', '--as-of', '2024-01-01', 'p.md'], { 'p.md': page(payload) }).stdout;
    assert.doesNotMatch(report, RAW, JSON.stringify(report));
    assert.ok(JSON.stringify(JSON.parse(report)).includes(JSON.stringify(payload).slice(1, -1)));
  }
});
