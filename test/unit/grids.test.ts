// Month grids (model/grids.ts): read when the heading names the month and every day is on its weekday;
// skipped, with the reason in the detection, otherwise.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText } from '../../server/src/core';
import { dayOf } from '../../server/src/core/model/page-dates';

const grid = (heading: string, header: string, row: string): string =>
  `# Example 3.0 release calendar\n\n### ${heading}\n\n| ${header.split(' ').join(' | ')} |\n|${header
    .split(' ')
    .map(() => '---')
    .join('|')}|\n${row}\n`;

test('a Sunday-first grid under its month is read: each labelled day a milestone of that day', () => {
  const page = checkText(grid('September 2024', 'Sun Mon Tue Wed Thu Fri Sat', '| 1 | 2 | 3 Beta 1 | 4 | 5 | 6 **Final release** | 7 |'), {
    force: true,
  }).page;
  const ms = page.timelines.flatMap((t) => t.milestones);
  assert.deepEqual(
    ms.map((m) => [m.label, m.kind, m.date ? dayOf(page, m.date.token) : null, m.date?.range.start.character]),
    [
      ['Beta 1', 'beta', { year: 2024, month: 9, day: 3 }, 10],
      ['Final release', 'ga', { year: 2024, month: 9, day: 6 }, 29],
    ],
  );
  assert.equal(page.gaDate?.token.day, 6);
  assert.equal(page.detection.evidence.filter((e) => e.why.includes('month grid')).length, 0);
});

test('grids that cannot be read unambiguously are skipped, and detection says why', () => {
  const cases: Array<[string, string, string, RegExp]> = [
    ['Next cycle', 'Mon Tue Wed Thu Fri Sat Sun', '| 1 | 2 Beta | 3 | 4 | 5 | 6 | 7 |', /does not name one month/],
    ['September 2024 and October 2024', 'Mon Tue Wed Thu Fri Sat Sun', '| 1 | 2 Beta | 3 | 4 | 5 | 6 | 7 |', /does not name one month/],
    ['May 2024', 'Mon Tue Wed Thu Fri Sat Sun', '| 1 Beta | 2 | 3 | 4 | 5 | 6 | 7 |', /1 is under Monday but 1 May 2024 is a Wednesday/],
    ['July 2024', 'Mon Tue Wed Thu Fri Sat Sun', '| 8 | 9 | 10 Beta | 11 | 12 | 13 | 14 |\n| 1 | 2 | 3 | 4 | 5 | 6 | 7 |', /not in order/],
  ];
  for (const [heading, header, rows, why] of cases) {
    const page = checkText(grid(heading, header, rows), { force: true }).page;
    assert.equal(page.timelines.flatMap((t) => t.milestones).length, 0, heading);
    const note = page.detection.evidence.find((e) => e.why.startsWith('a month grid not read'));
    assert.match(note?.why ?? '', why, heading);
    assert.equal(note?.weight, 0);
  }
});

test('a table of weekdays out of order, or with other columns, is no grid', () => {
  for (const header of ['Mon Wed Tue Thu Fri Sat Sun', 'Owner Mon Tue Wed Thu Fri Sat Sun', 'Mon Tue Wed Thu Fri']) {
    const page = checkText(
      grid(
        'May 2024',
        header,
        `|${header
          .split(' ')
          .map((_, i) => ` ${i + 6} Beta `)
          .join('|')}|`,
      ),
      { force: true },
    ).page;
    assert.equal(page.timelines.length, 0, header);
    assert.equal(page.detection.evidence.filter((e) => e.why.includes('month grid')).length, 0, header);
  }
});
