// The date scanner places the parts of a match it reads positions of (core/dates/scan-spans.ts) from the
// groups' texts; V8's `d` flag gives the true positions. They must agree on every match in every line and
// table cell of the fixture pages, and on generated date-like text (times, zones, weekdays, ordinals, ranges).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { DATE_PATTERN } from '../../server/src/core/dates/scan';
import { spansOf } from '../../server/src/core/dates/scan-spans';
import { maskNonDates } from '../../server/src/core/dates/markup';
import { budget, fuzzLabel, params } from '../helpers/fuzz';
import { FIXTURES, markdownUnder } from '../helpers/paths';

const WITH_INDICES = new RegExp(DATE_PATTERN, 'gid');
const PLACED = ['pre', 'tm', 'tz', 'wd', 'wd2', 'do', 'deo', 'mo', 'meo', 'bo'];

/** Every match of `text` (masked as the scanner masks it): placed spans = the `d` flag's. Returns the matches. */
function sameSpans(text: string, what: string): number {
  const masked = maskNonDates(text);
  let n = 0;
  WITH_INDICES.lastIndex = 0;
  for (let m = WITH_INDICES.exec(masked); m !== null; m = WITH_INDICES.exec(masked)) {
    n++;
    const truth = m.indices?.groups ?? {};
    const placed = spansOf(m.index, m, masked);
    for (const name of PLACED)
      assert.deepEqual(placed[name], truth[name], `${what}: group ${name} of "${m[0]}" in ${JSON.stringify(text)}`);
  }
  return n;
}

test('date parts placed from their groups = the d flag, on every fixture line and cell', () => {
  let matches = 0;
  for (const file of markdownUnder(FIXTURES)) {
    for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
      matches += sameSpans(line, file);
      if (line.includes('|')) for (const cell of line.split('|')) matches += sameSpans(cell, file);
    }
  }
  assert.ok(matches > 3000, `${matches} matches compared`);
});

const PIECES = [
  ...['02:00', '9:30', '17:00', ' ', '  ', '\t', '\u00a0', ',', '.', '-', '\u2013', '\u2014', ' to ', ' until ', ' through ', ' till '],
  ...['UTC', 'CEST', 'PDT', 'Z', '+01:00', '-0500', 'on ', 'Tuesday', 'tue', 'Thurs', 'FRI', 'sun.', 'Mon,', 'of '],
  ...['1', '5', '9', '12', '23', '31', '2024', '2013', 'st', 'nd', 'rd', 'th', 'June', 'jun', 'Sept', 'March', 'may', 'Dec.'],
  ...['2024-03-04', '2012-Aug-08', '2019/09/30', '15/7/2013', '2020.11.18', 'Q3', '{{date}}', '$1', '\\1', 'yyyy-mm-dd', 'dd/mm/yyyy'],
  ...['[x](http://a/2024-01-02)', 'a@b.c', '<!-- 1 -->', '`2024`', 'x', '(', ')', '/'],
];

const opt = (...xs: string[]): fc.Arbitrary<string> => fc.constantFrom('', ...xs);
/** Date-shaped text: an optional time, zone and weekday, then a day-first or month-first date, maybe a range. */
const dateLike = fc
  .tuple(
    fc.tuple(opt('02:00', '9:30'), opt(' UTC', 'CEST', '\tPDT', '+01:00', ' Z'), opt(' ', ', ', ' on ')),
    fc.tuple(opt('Friday', 'tue', 'Thurs'), opt('.', ''), opt(',', ''), opt(' ', '  ', '\u00a0')),
    fc.tuple(opt('4', '23', '1'), opt('st', 'nd', 'rd', 'th', 'TH')),
    fc.tuple(
      opt('-', ' - ', '\u2013', ' to ', ' until ', '  through\t'),
      opt('Monday ', 'fri. ', 'Sat, '),
      opt('8', '22'),
      opt('th', 'nd'),
    ),
    fc.tuple(opt(' ', ' of '), opt('March', 'jun', 'Sept.'), opt(' ', ', '), opt('2024', '1999')),
    fc.boolean(),
  )
  .map(([time, weekday, day, range, month, monthFirst]) => {
    const [d, ord] = day;
    const body = monthFirst
      ? `${month[1]} ${d}${ord}${range.join('')}${month[2]}${month[3]}`
      : `${d}${ord}${range.join('')}${month.join('')}`;
    return `x ${time.join('')}${weekday.join('')}${body} y`;
  });

const RUNS = budget(4000, 150_000);

test(`date parts placed from their groups = the d flag, on generated text (${fuzzLabel(RUNS)})`, () => {
  let matches = 0;
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }), (pieces) => {
      matches += sameSpans(pieces.join(''), 'generated');
    }),
    params(RUNS),
  );
  let shaped = 0;
  fc.assert(
    fc.property(dateLike, (text) => {
      shaped += sameSpans(text, 'date-like');
    }),
    params(RUNS, 1),
  );
  assert.ok(matches + shaped > RUNS / 2, `${matches} + ${shaped} matches compared`);
});
