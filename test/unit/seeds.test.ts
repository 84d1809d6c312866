import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, type Finding } from '../../server/src/core';
import { readFixture } from '../helpers/paths';

const SEED = {
  s000: '000_015c11820e0fe26e.md',
  s001: '001_dc88aac92be68e04.md',
  s002: '002_b2c45803c922cfb7.md',
  s003: '003_b019c6ff070c67ad.md',
  s004: '004_9116975cb6519a9e.md',
};

function check(name: string): { text: string; lines: string[]; findings: Finding[]; kind: string } {
  const text = readFixture('seeds', name);
  const r = checkText(text);
  return { text, lines: text.split('\n'), findings: r.findings, kind: r.page.kind };
}

function textOf(lines: string[], f: Finding): string {
  assert.equal(f.range.start.line, f.range.end.line, 'single-line finding');
  return lines[f.range.start.line].slice(f.range.start.character, f.range.end.character);
}

test('seed 000: the invalid date 31/06/2013 is an error', () => {
  const { lines, findings, kind } = check(SEED.s000);
  assert.equal(kind, 'release-management');
  const invalid = findings.filter((f) => f.rule === 'date-invalid');
  assert.equal(invalid.length, 1);
  assert.equal(textOf(lines, invalid[0]), '31/06/2013');
  assert.equal(invalid[0].severity, 'error');
  assert.match(invalid[0].message, /June has only 30 days/);
});

test('seed 000: lower-case status and priority values get case findings with fixes', () => {
  const { lines, findings } = check(SEED.s000);
  const status = findings.filter((f) => f.rule === 'status-case');
  const priority = findings.filter((f) => f.rule === 'priority-case');
  assert.deepEqual(status.map((f) => textOf(lines, f)).sort(), ['orange', 'orange', 'orange', 'red', 'red', 'red']);
  assert.deepEqual(priority.map((f) => textOf(lines, f)).sort(), ['must', 'should']);
  for (const f of [...status, ...priority]) {
    const fix = f.fixes[0];
    assert.equal(fix.edits.length, 1);
    assert.equal(fix.edits[0].newText.toLowerCase(), textOf(lines, f));
    assert.match(fix.edits[0].newText, /^[A-Z][a-z]+$/);
  }
});

test('seed 000: the stray-pipe rows get table-cell-count and nothing else on those rows', () => {
  const { lines, findings } = check(SEED.s000);
  const rows = findings.filter((f) => f.rule === 'table-cell-count').map((f) => f.range.start.line);
  assert.deepEqual(rows, [87, 88, 93]);
  for (const l of rows) {
    assert.match(lines[l], /\| \|\[|\|\s*\|\s*\[/, `line ${l + 1} has a stray pipe`);
    const others = findings.filter((f) => f.range.start.line === l && !['table-cell-count', 'link-target-space'].includes(f.rule));
    assert.deepEqual(
      others.map((f) => f.rule),
      [],
      'no value findings cascade from a malformed row',
    );
  }
});

test('seed 001: each **\\1** placeholder is a date-placeholder finding', () => {
  const { lines, findings, kind } = check(SEED.s001);
  assert.equal(kind, 'release-management');
  const expected = lines.map((l, i) => (l.includes('**\\1**') ? i : -1)).filter((i) => i >= 0);
  assert.equal(expected.length, 6);
  const got = findings.filter((f) => f.rule === 'date-placeholder');
  assert.deepEqual(
    got.map((f) => f.range.start.line),
    expected,
  );
  for (const f of got) assert.equal(textOf(lines, f), '\\1');
  assert.deepEqual(
    findings.filter((f) => f.rule !== 'date-placeholder'),
    [],
  );
});

for (const [label, name, kind] of [
  ['002 (workshop roadmap)', SEED.s002, 'roadmap'],
  ['003 (release announcement)', SEED.s003, 'announcement'],
  ['004 (milestone plan)', SEED.s004, 'milestone-plan'],
] as const) {
  test(`seed ${label}: recognised and no false alarms`, () => {
    const { findings, kind: k } = check(name);
    assert.equal(k, kind);
    assert.deepEqual(
      findings.map((f) => `${f.range.start.line + 1}: ${f.rule} ${f.message}`),
      [],
    );
  });
}

test('ordinary Markdown (a README with a Status table and a bold date) gets nothing', () => {
  const readme =
    '# My tool\n\nReleased **2024-01-31**.\n\n| Component | Status |\n|---|---|\n| api | red - broken |\n| ui | ??? |\n\nSee [the docs](docs/Getting Started).\n';
  const r = checkText(readme);
  assert.equal(r.isReleasePage, false);
  assert.deepEqual(r.findings, []);
  const forced = checkText(readme, { force: true });
  assert.equal(forced.isReleasePage, true);
  assert.ok(
    forced.findings.some((f) => f.rule === 'link-target-space'),
    'a page the config includes is checked',
  );
});
