// Over 300 lines: the cases of one reader (dates in values), one test per written shape.
// Date tokens: invalid dates, placeholders, unset values, what is not a date, offsets inside markup,
// the calendar helpers, speed on hostile input. The formats themselves: dates.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  daysInMonth,
  dayNumber,
  fromDayNumber,
  inferYear,
  isUnsetValue,
  isValidDate,
  monthName,
  parseIsoDate,
  scanDates,
  stripValueMarkup,
  toIso,
  weekdayName,
  weekdayOf,
  type DateToken,
} from '../../server/src/core/dates';
import fc from 'fast-check';
import { one, ymd } from '../helpers/dates';
import { budget, params } from '../helpers/fuzz';

// ---------------------------------------------------------------------------------------------
// Invalid, placeholder, unset.

test('invalid dates: shapes that cannot exist, with a reason', () => {
  const cases: Array<[string, string]> = [
    ['2013-06-31', 'June has only 30 days'],
    ['31/06/2013', 'June has only 30 days'],
    ['April 31, 2009', 'April has only 30 days'],
    ['2013-13-01', 'there is no month 13'],
    ['2013-00-10', 'there is no month 0'],
    ['2013-01-00', 'there is no day 0'],
    ['2013-02-29', 'February 2013 has only 28 days (2013 is not a leap year)'],
    ['1900-02-29', 'February 1900 has only 28 days (1900 is not a leap year)'],
    ['2016-02-30', 'February 2016 has only 29 days'],
    ['2012-Sep-31', 'September has only 30 days'],
    ['June 31st', 'June has only 30 days'],
    ['Feb 30', 'February has only 29 days'],
    ['13/13/2013', 'there is no month 13'],
    ['2/30/2013', 'February 2013 has only 28 days'],
  ];
  for (const [value, reason] of cases) {
    const t = one(value);
    assert.equal(t.kind, 'invalid', value);
    assert.equal(t.reason, reason, value);
  }
  assert.equal(one('31/06/2013').slash?.order, 'none');
  assert.equal(one('Feb 29').kind, 'date', 'no year: February 29 may exist');
  // Unpadded ISO is a valid date in the wrong form (date-format fixes it), not a malformed one.
  const m = one('2013-6-5');
  assert.equal(m.kind, 'date');
  assert.equal(m.format, 'iso');
  assert.equal(m.unpadded, true);
  assert.deepEqual(ymd(m), [2013, 6, 5]);
  assert.equal(one('2013-06-05').unpadded, undefined);
  assert.equal(one('2013-6-31').reason, 'June has only 30 days', 'an impossible unpadded date is invalid');
});

test('leap years', () => {
  assert.equal(one('2016-02-29').kind, 'date');
  assert.equal(one('2000-02-29').kind, 'date');
  assert.equal(one('1900-02-29').kind, 'invalid');
  assert.equal(isValidDate(2016, 2, 29), true);
  assert.equal(isValidDate(1900, 2, 29), false);
  assert.equal(isValidDate(2000, 2, 29), true);
  assert.equal(isValidDate(2013, 2, 29), false);
  assert.equal(daysInMonth(2000, 2), 29);
  assert.equal(daysInMonth(2100, 2), 28);
  assert.equal(daysInMonth(2013, 13), 0);
  assert.equal(isValidDate(2013, 4, 31), false);
  assert.equal(isValidDate(2013, 0, 1), false);
});

test('placeholders: template leftovers where a date belongs', () => {
  const cases: Array<[string, number, number, number | null]> = [
    ['\\1', 0, 2, null],
    ['**\\1**', 2, 4, null],
    ['\\9', 0, 2, null],
    ['$1', 0, 2, null],
    ['**2019-xx-xx**', 2, 12, 2019],
    ['2019-XX-XX', 0, 10, 2019],
    ['YYYY-MM-DD', 0, 10, null],
    ['yyyy-mm-dd', 0, 10, null],
    ['DD/MM/YYYY', 0, 10, null],
    ['{{ release.ga_date }}', 0, 21, null],
  ];
  for (const [value, start, end, year] of cases) {
    const t = one(value);
    assert.equal(t.kind, 'placeholder', value);
    assert.equal(t.format, null, value);
    assert.equal(t.start, start, value);
    assert.equal(t.end, end, value);
    assert.equal(t.year, year, value);
  }
  const partial = one('2019-12-xx');
  assert.equal(partial.kind, 'placeholder');
  assert.deepEqual(ymd(partial), [2019, 12, 0]);
});

test('unset values: only when they are the whole value', () => {
  const unset = [
    '?',
    'TBD',
    'tba',
    'TBC',
    'Now',
    'N/A',
    'n/a',
    '-',
    '--',
    'No date yet',
    '',
    '   ',
    '**?**',
    '*TBD*',
    '_TBD_',
    '<s>TBD</s>',
    "*' TBD*'",
    '[No date yet](http://www.gluster.org/community/documentation/index.php/Planning40)',
    ' Now ',
  ];
  for (const v of unset) {
    assert.equal(isUnsetValue(v), true, JSON.stringify(v));
    const t = one(v);
    assert.equal(t.kind, 'unset', JSON.stringify(v));
    assert.equal(t.format, null);
  }
  assert.deepEqual([one('**TBD**').start, one('**TBD**').end, one('**TBD**').text], [2, 5, 'TBD']);
  assert.deepEqual([one('').start, one('').end], [0, 0]);
  assert.equal(one('<s>TBD</s>').struck, true);
  for (const v of ['----', 'TBD - depends on X', 'Nowhere', 'Now merged', '2013-06-03', 'Green', '? maybe']) {
    assert.equal(isUnsetValue(v), false, v);
    assert.ok(
      scanDates(v).every((t) => t.kind !== 'unset'),
      v,
    );
  }
});

test('unset values: the quick answer equals stripping the markup and matching the words', () => {
  // Reference: the definition (stripValueMarkup, then an unset word or nothing), without the fast path.
  const WORD = /^(?:\?+|tb[adc]|now|n\/a|-{1,3}|\u2013|\u2014|no date yet)$/i;
  const reference = (v: string): boolean => {
    const core = stripValueMarkup(v);
    return v.length <= 200 && (core === '' || WORD.test(core));
  };
  const piece = fc.constantFrom(
    ...['?', 'TBD', 'tba', 'TbC', 'now', 'N/A', 'no', 'date', 'yet', '-', '\u2013', '\u2014', ' ', '\u00a0', '\t', '*', '_', '~~', '`'],
    ...["'", '"', '<s>', '</s>', '<br>', '[', '](x)', '&nbsp;', '&#160;', '1', 'x', 'é', '\u212a', '\u017f', 'K', 's', 'Ω'],
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
      const v = pieces.join('');
      assert.equal(isUnsetValue(v), reference(v), JSON.stringify(v));
    }),
    params(budget(5000, 200_000)),
  );
});

// ---------------------------------------------------------------------------------------------
// Not dates.

test('no tokens for versions, bugs, URLs, times, percentages, years, fuzzy dates', () => {
  const none = [
    '3.3.1',
    '4.2.z',
    '3.5.z',
    '1.10.0',
    'oVirt 3.4.0-1',
    '3.1.0-1, 0.0.1-1, 4.0.0-1?',
    'Bug 918494',
    '[Tracker - 918494](https://bugzilla.redhat.com/show_bug.cgi?id=918494)',
    'show_bug.cgi?id=918494',
    'http://lists.ovirt.org/2013/06/05/x',
    '<https://bugzilla.redhat.com/918494>',
    '[3.5 compatibility mode](http://lists.ovirt.org/pipermail/users/2014-September/027421.html)',
    '[ovirt](http://example.org/blog/2013-06-05-release.html)',
    'see www.example.org/2013-06-05/x',
    'foo@2013-06-05.org',
    '15:00',
    '15:00 UTC',
    '90%',
    'code review (90% complete)',
    '2012',
    '2012?',
    'First week Nov',
    'we may 2024 change',
    'Q5 2024',
    'Mon 7 people',
    '(First week Nov)',
    'These are tentative planning dates and may change',
    'may change',
    'we may 5 times',
    'June 3.3',
    'Green (3.3.2)',
    '1/2',
    '3/4/13',
    '2013-06-05.1',
    'rc-2013-06-05',
    '2013-06-05-1',
    '20130605',
    '12/2013',
    'RC5',
    'four months before',
    '<!-- 2013-06-05 -->',
    '',
    'Green',
    'Must',
  ];
  for (const v of none) {
    const tokens = scanDates(v).filter((t) => t.kind !== 'unset');
    assert.deepEqual(tokens, [], JSON.stringify(v));
  }
});

// ---------------------------------------------------------------------------------------------
// Offsets and strike-through.

test('offsets inside markup, struck flags', () => {
  const cell = '<s>2015-05-06</s><br> **2015-05-12**';
  const [a, b, ...rest] = scanDates(cell) as Array<DateToken | undefined>; // fewer tokens than two: checked
  assert.equal(rest.length, 0);
  assert.ok(a && b);
  assert.deepEqual([a.start, a.end, a.text, a.struck], [3, 13, '2015-05-06', true]);
  assert.deepEqual([b.start, b.end, b.text, b.struck], [24, 34, '2015-05-12', false]);
  assert.equal(cell.slice(b.start, b.end), '2015-05-12');

  const long =
    '<s>2014-11-25</s><br><s>2014-12-02</s><br><s>2014-12-09</s><br><s>2015-01-07</s><br><s>2015-01-14</s><br><s>2015-01-15</s><br> **2015-01-16**';
  const ts = scanDates(long);
  assert.deepEqual(
    ts.map((t) => t.struck),
    [true, true, true, true, true, true, false],
  );
  for (const t of ts) assert.equal(long.slice(t.start, t.end), t.text);

  const multi = '<s>2014-11-12</s> \n <s>2014-11-19</s>  \n **2014-11-26**     ';
  assert.deepEqual(
    scanDates(multi).map((t) => [t.text, t.struck]),
    [
      ['2014-11-12', true],
      ['2014-11-19', true],
      ['2014-11-26', false],
    ],
  );

  assert.deepEqual(
    scanDates('<strike>June 25th</strike> Jul 25').map((t) => t.struck),
    [true, false],
  );
  assert.deepEqual(
    scanDates('<DEL>2013-06-03</DEL> 2013-06-09').map((t) => t.struck),
    [true, false],
  );
  assert.deepEqual(
    scanDates('~~2013-06-03~~ 2013-06-09').map((t) => t.struck),
    [true, false],
  );
  assert.deepEqual(
    scanDates('~~2013-06-03 2013-06-09').map((t) => t.struck),
    [false, false],
    'unpaired ~~ is text',
  );
  assert.deepEqual(
    scanDates('<s>2013-06-03 2013-06-09').map((t) => t.struck),
    [true, true],
    'unclosed <s> strikes to the end',
  );
  assert.deepEqual(
    scanDates('<s>\\1</s>').map((t) => [t.kind, t.struck]),
    [['placeholder', true]],
  );

  const milestone = one('Milestone 3 (December 21, 2007)');
  assert.deepEqual([milestone.start, milestone.end, milestone.format], [13, 30, 'month-day-year']);
  const link = one('[2015-11-27 (1 month after Fedora 23 release)](https://fedoraproject.org/wiki/Releases/23/Schedule)');
  assert.deepEqual([link.start, link.text], [1, '2015-11-27']);
  const bullet = scanDates('General availability: **2014-03-27** and RC Build: **\\1** or June 11, 2013');
  assert.deepEqual(
    bullet.map((t) => [t.kind, t.start, t.text]),
    [
      ['date', 24, '2014-03-27'],
      ['placeholder', 53, '\\1'],
      ['date', 61, 'June 11, 2013'],
    ],
  );
});

// ---------------------------------------------------------------------------------------------
// Calendar helpers.

test('calendar helpers', () => {
  assert.equal(weekdayOf(2021, 3, 9), 2, '2021-03-09 is a Tuesday');
  assert.equal(weekdayOf(2014, 8, 22), 5, '2014-08-22 is a Friday');
  assert.equal(weekdayOf(1970, 1, 1), 4);
  assert.equal(weekdayOf(1969, 12, 31), 3);
  assert.equal(weekdayOf(2000, 2, 29), 2);
  assert.equal(weekdayOf(1600, 1, 1), 6);
  assert.equal(weekdayOf(1, 1, 1), 1, 'proleptic Gregorian: 0001-01-01 is a Monday');
  assert.equal(dayNumber(1970, 1, 1), 0);
  assert.equal(dayNumber(2014, 3, 27) - dayNumber(2014, 1, 9), 77);
  assert.equal(dayNumber(2013, 1, 1) - dayNumber(2012, 1, 1), 366);
  for (let n = -800000; n <= 800000; n += 997) {
    const d = fromDayNumber(n);
    assert.equal(dayNumber(d.year, d.month, d.day), n);
    assert.ok(isValidDate(d.year, d.month, d.day));
  }
  // Agrees with Date in UTC over several centuries.
  for (let n = -200000; n <= 200000; n += 101) {
    const js = new Date(n * 86400000);
    assert.deepEqual(fromDayNumber(n), { year: js.getUTCFullYear(), month: js.getUTCMonth() + 1, day: js.getUTCDate() });
    assert.equal(weekdayOf(js.getUTCFullYear(), js.getUTCMonth() + 1, js.getUTCDate()), js.getUTCDay());
  }
  assert.equal(toIso(2014, 3, 7), '2014-03-07');
  assert.equal(toIso(987, 12, 31), '0987-12-31');
  assert.deepEqual(parseIsoDate('2014-03-27'), { year: 2014, month: 3, day: 27 });
  assert.equal(parseIsoDate('2014-3-27'), null);
  assert.equal(parseIsoDate('2014-02-30'), null);
  assert.equal(parseIsoDate(' 2014-03-27'), null);
  assert.equal(monthName(6), 'June');
  assert.equal(monthName(9, 'short'), 'Sep');
  assert.equal(weekdayName(0), 'Sunday');
  assert.equal(weekdayName(5, 'short'), 'Fri');
});

test('inferYear', () => {
  assert.equal(inferYear(6, 25, { releaseYear: 2013 }), 2013);
  assert.equal(inferYear(12, 10, { releaseYear: 2014, releaseMonth: 1 }), 2013, 'December before a January GA');
  assert.equal(inferYear(1, 10, { releaseYear: 2013, releaseMonth: 12 }), 2014, 'January after a December GA');
  assert.equal(inferYear(11, 14, { releaseYear: 2012, releaseMonth: 12 }), 2012);
  assert.equal(inferYear(6, 25, { nearbyYears: [2013, 2012, 2013] }), 2013);
  assert.equal(inferYear(6, 25, { nearbyYears: [2012, 2013] }), 2012, 'tie: the first listed');
  assert.equal(inferYear(6, 25, { releaseYear: 2014, nearbyYears: [2013, 2013] }), 2014, 'release year wins');
  assert.equal(inferYear(6, 25, {}), null);
});

test('fast pre-check and linear time on long or hostile input', () => {
  assert.deepEqual(scanDates('Orange - In progress, partially merged'), []);
  const hostile = [
    '1'.repeat(20000),
    '1/'.repeat(10000),
    '2013-'.repeat(5000),
    'June '.repeat(5000) + '1',
    '<s>'.repeat(5000) + '2013-06-05',
    '~~'.repeat(5000),
    '{{'.repeat(5000),
    '2013-06-05 '.repeat(2000) + '12:00',
    ('2013-06-05 (' + ' '.repeat(50)).repeat(300),
    '2013-06-05' + '*'.repeat(5000),
    '2013-06-05' + "_*~'".repeat(3000),
    'a.1-'.repeat(5000),
    '](1'.repeat(5000),
    '<a:1'.repeat(5000),
    'http://1'.repeat(3000),
    '1 '.repeat(10000),
    '1st of '.repeat(3000),
  ];
  for (const h of hostile) {
    const t0 = process.hrtime.bigint();
    scanDates(h);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    assert.ok(ms < 500, `${h.slice(0, 20)}…: ${ms} ms`);
  }
});
