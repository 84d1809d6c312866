/**
 * table-cell-count as GFM renders rows: the severity of each shape (lost text, a stray empty cell, a split
 * cell, extra empty cells, short rows), the fixes, a configured severity as a ceiling, and the fixture
 * sets where no short row may be an error.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { applyFixGroups, checkText, DEFAULT_CONFIG, mergeConfig, type Finding } from '../../server/src/core';
import { pagesIn, readFixture } from '../helpers/paths';

const HEADER = [
  '---',
  'title: oVirt 9.9 Release Management',
  '---',
  '# oVirt 9.9 Release Management',
  '',
  '| Functional team | Feature | Release priority | Owner | Status | Target date | Test page | Remarks |',
  '|---|---|---|---|---|---|---|---|',
];

function page(rows: string[]): string {
  return [...HEADER, ...rows, ''].join('\n');
}

function cellCount(rows: string[], config = DEFAULT_CONFIG): Finding[] {
  return checkText(page(rows), { config }).findings.filter((f) => f.rule === 'table-cell-count');
}

function one(row: string): Finding {
  const found = cellCount([row]);
  assert.equal(found.length, 1, `one finding for ${row}: ${found.map((f) => f.message).join(' / ')}`);
  return found[0];
}

test('extra cells with text are an error that quotes the lost text', () => {
  const f = one('| Infra | [A](Features/A) | Must | Eli | Green | 2013-07-14 | | [A#Testing](Features/A#Testing) | Merged |');
  assert.equal(f.severity, 'error');
  assert.match(f.message, /`Merged` is not shown/);
});

test('extra empty cells are a hint', () => {
  const f = one('| Infra | [A](Features/A) | Must | Eli | Green | 2013-07-14 | ? | ok | |');
  assert.equal(f.severity, 'hint');
  assert.match(f.message, /empty and not shown/);
});

test('a short row is information: GFM pads it', () => {
  const f = one('| Infra | [A](Features/A) | Must | Eli | Green | 2013-07-14 |');
  assert.equal(f.severity, 'information');
  assert.match(f.message, /the 2 missing cells empty at the end/);
});

test('a short row that moves a date under Status is a warning naming the column', () => {
  const f = one('| Infra | [A](Features/A) | Must | Eli | 2013-07-14 | ? |');
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /`2013-07-14`, which is shown under Status \(it reads as a date\)/);
});

test('a stray empty cell inside the row: an error explaining the shift, fixed by removing the cell', () => {
  const row = '| Virt | [B](Features/B) | Must | |[Kobzik](User:FKobzik) | Orange | 2013-07-21 | ? | review |';
  const f = one(row);
  assert.equal(f.severity, 'error');
  assert.match(
    f.message,
    /an empty cell after Release priority moves every value after it one column right \(`Kobzik` is shown under Status\), and `review` is not shown/,
  );
  assert.equal(f.fixes.length, 1);
  assert.equal(f.fixes[0].preferred, true);
  const fixed = applyFixGroups(page([row]), [f.fixes[0].edits]).text.split('\n')[HEADER.length];
  assert.equal(fixed, '| Virt | [B](Features/B) | Must |[Kobzik](User:FKobzik) | Orange | 2013-07-21 | ? | review |');
  assert.deepEqual(cellCount([fixed]), []);
});

test('a stray leading empty cell: the row starts with an empty cell', () => {
  const f = one('| | Network | [C](Features/C) | Should | Mucha | Green | 2013-07-20 | ? | done |');
  assert.equal(f.severity, 'error');
  assert.match(
    f.message,
    /the row starts with an empty cell, which moves every value after it one column right \(`Network` is shown under Feature\), and `done` is not shown/,
  );
  assert.equal(f.fixes[0]?.preferred, true);
});

test('a `|` splitting a cell: an error naming the two halves, fixed by escaping the pipe', () => {
  const row = '| Virt | Features/Guest Reboot | reboot VM]] | Should | Betak | Green | 2013-07-22 | | |';
  const f = one(row);
  assert.equal(f.severity, 'error');
  assert.match(f.message, /splits Feature into `Features\/Guest Reboot` and `reboot VM\]\]`/);
  const edit = f.fixes[0].edits[0];
  assert.equal(row.slice(edit.range.start.character, edit.range.end.character), '|');
  assert.equal(edit.newText, '\\|');
});

test('a configured severity is a ceiling: warning keeps hints and information below it', () => {
  const config = mergeConfig(DEFAULT_CONFIG, { rules: { 'table-cell-count': { severity: 'warning', options: {} } } });
  const found = cellCount(
    [
      '| Infra | [A](Features/A) | Must | Eli | Green | 2013-07-14 | ? | x | lost |',
      '| Infra | [A](Features/A) | Must | Eli | Green | 2013-07-14 | ? | ok | |',
      '| Infra | [A](Features/A) | Must | Eli | Green |',
    ],
    config,
  );
  assert.deepEqual(
    found.map((f) => f.severity),
    ['warning', 'hint', 'information'],
  );
});

test('no short row is an error or a warning in the corpus, the seeds or the collected pages', () => {
  let short = 0;
  for (const set of ['corpus', 'seeds', 'projects/release', 'projects/other']) {
    for (const name of pagesIn(set)) {
      const text = readFixture(set, name);
      for (const f of checkText(text).findings) {
        const m = /^Row has (\d+) cells?.*?; the header has (\d+)/.exec(f.message);
        if (f.rule !== 'table-cell-count' || !m || Number(m[1]) >= Number(m[2])) continue;
        assert.equal(f.severity, 'information', `${join(set, name)}:${f.range.start.line + 1}`);
        short++;
      }
    }
  }
  assert.ok(short > 0, 'the corpus has short rows (releases__3.3__testday.md)');
});
