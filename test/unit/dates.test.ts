// Date tokens: every format found on the real pages (VOCABULARY.txt b and c), time and zone, slash
// dates, weekday annotations. Invalid values, non-dates, offsets and the calendar: dates-values.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inferSlashOrder, resolveSlash, scanDates, weekdayName, weekdayOf } from '../../server/src/core/dates';
import { one, ymd } from '../helpers/dates';

// ---------------------------------------------------------------------------------------------
// Formats, with the literal values of VOCABULARY.txt (b) and (c).

test('Target date / Updated values of the corpus (VOCABULARY b)', () => {
  const cases: Array<[string, string, [number | null, number, number]]> = [
    ['2011-12-01', 'iso', [2011, 12, 1]],
    ['2013-06-03', 'iso', [2013, 6, 3]],
    ['June 25th', 'month-day', [null, 6, 25]],
    ['15/7/2013', 'slash', [2013, 7, 15]],
    ['17/06/2013', 'slash', [2013, 6, 17]],
    ['2013-05-31', 'iso', [2013, 5, 31]],
    ['2013-06-09', 'iso', [2013, 6, 9]],
    ['2013-06-16', 'iso', [2013, 6, 16]],
    ['2013-06-30', 'iso', [2013, 6, 30]],
    ['2013-07-02', 'iso', [2013, 7, 2]],
    ['2013-07-03', 'iso', [2013, 7, 3]],
    ['2013-07-14', 'iso', [2013, 7, 14]],
    ['2013-07-17', 'iso', [2013, 7, 17]],
    ['29/6/2013', 'slash', [2013, 6, 29]],
    ['Jul 25', 'month-day', [null, 7, 25]],
    ['Jun 23rd', 'month-day', [null, 6, 23]],
    ['Jun 25th', 'month-day', [null, 6, 25]],
    ['June 11, 2013', 'month-day-year', [2013, 6, 11]],
    ['June 27th', 'month-day', [null, 6, 27]],
    ['28/06/2013', 'slash', [2013, 6, 28]],
  ];
  for (const [value, format, parts] of cases) {
    const t = one(value);
    assert.equal(t.kind, 'date', value);
    assert.equal(t.format, format, value);
    assert.deepEqual(ymd(t), parts, value);
    assert.equal(t.start, 0, value);
    assert.equal(t.end, value.length, value);
    assert.equal(t.text, value);
    assert.equal(t.struck, false);
  }
});

test('date formats found anywhere (VOCABULARY c)', () => {
  const cases: Array<[string, string, [number | null, number, number]]> = [
    ['December 12th', 'month-day', [null, 12, 12]],
    ['November 14th', 'month-day', [null, 11, 14]],
    ['November 19th', 'month-day', [null, 11, 19]],
    ['2012-Aug-08', 'year-mon-day', [2012, 8, 8]],
    ['2012-Aug-01', 'year-mon-day', [2012, 8, 1]],
    ['2012-Jun-14', 'year-mon-day', [2012, 6, 14]],
    ['2012-Jun-07', 'year-mon-day', [2012, 6, 7]],
    ['2012-01-31', 'iso', [2012, 1, 31]],
    ['2015-09-05', 'iso', [2015, 9, 5]],
    ['27 March 2014', 'day-month-year', [2014, 3, 27]],
    ['December 21, 2007', 'month-day-year', [2007, 12, 21]],
    ['Sept 3, 2013', 'month-day-year', [2013, 9, 3]],
    ['sep 3 2013', 'month-day-year', [2013, 9, 3]],
    ['JUNE 3rd', 'month-day', [null, 6, 3]],
    ['Jun. 2nd', 'month-day', [null, 6, 2]],
    ['May 5', 'month-day', [null, 5, 5]],
    ['5 May 2014', 'day-month-year', [2014, 5, 5]],
    ['1st of June 2014', 'day-month-year', [2014, 6, 1]],
  ];
  for (const [value, format, parts] of cases) {
    const t = one(value);
    assert.equal(t.kind, 'date', value);
    assert.equal(t.format, format, value);
    assert.deepEqual(ymd(t), parts, value);
    assert.equal(t.text, value);
  }
});

test('ISO dates with time of day and zone, kept exactly as written', () => {
  const cases: Array<[string, string]> = [
    ['2012-02-07 15:00UTC', '15:00UTC'],
    ['2012-01-12 12:00 UTC', '12:00 UTC'],
    ['2016-11-30 14:51:34+01:00', '14:51:34+01:00'],
    ['2016-04-15 08:32:01 CEST', '08:32:01 CEST'],
    ['2014-03-27 14:45 UTC', '14:45 UTC'],
    ['2014-03-27T14:45Z', '14:45Z'],
  ];
  for (const [value, time] of cases) {
    const t = one(value);
    assert.equal(t.kind, 'date');
    assert.equal(t.format, 'iso-datetime', value);
    assert.equal(t.time, time, value);
    assert.equal(t.end, value.length, value);
  }
  const bold = one('**2012-02-07 15:00UTC**');
  assert.equal(bold.start, 2);
  assert.equal(bold.text, '2012-02-07 15:00UTC');
  // A following word is not a zone.
  const t = one('2012-01-12 12:00 and later');
  assert.equal(t.time, '12:00');
  assert.equal(t.text, '2012-01-12 12:00');
});

test('slash dates: both readings, the order they allow, inference over a page', () => {
  assert.deepEqual(one('15/7/2013').slash, { a: 15, b: 7, order: 'dmy' });
  assert.deepEqual(one('7/15/2013').slash, { a: 7, b: 15, order: 'mdy' });
  const both = one('1/7/2013');
  assert.deepEqual(both.slash, { a: 1, b: 7, order: 'both' });
  assert.equal(both.kind, 'date');
  assert.deepEqual(ymd(both), [2013, 7, 1], 'ambiguous: day-first reading until resolved');
  assert.deepEqual(ymd(resolveSlash(both, 'mdy')), [2013, 1, 7]);
  assert.deepEqual(ymd(resolveSlash(both, 'dmy')), [2013, 7, 1]);
  assert.equal(resolveSlash(both, null), both);
  const wrongWay = resolveSlash(one('15/7/2013'), 'mdy');
  assert.equal(wrongWay.kind, 'invalid');
  assert.equal(wrongWay.reason, 'there is no month 15');
  const iso = one('2013-07-01');
  assert.equal(resolveSlash(iso, 'mdy'), iso);

  const page = ['1/7/2013', '16/6/2013', '31/05/2013', '30/5/2013', '20/6/2013', '31/06/2013'].flatMap(scanDates);
  assert.equal(inferSlashOrder(page), 'dmy');
  assert.equal(inferSlashOrder(scanDates('7/15/2013 1/2/2013')), 'mdy');
  assert.equal(inferSlashOrder(scanDates('7/15/2013 15/7/2013')), null, 'conflicting');
  assert.equal(inferSlashOrder(scanDates('1/2/2013')), null, 'no evidence');
  assert.equal(inferSlashOrder([]), null);
});

test('weekday annotations', () => {
  const fri = one('**2014-10-17** (Fri)');
  assert.deepEqual(fri.weekday, { text: 'Fri', start: 16, end: 19, day: 5 });
  assert.equal(weekdayOf(2014, 10, 17), 5);
  const malformed = one("*' 2014-08-22*' (Fri)");
  assert.equal(malformed.start, 3);
  assert.equal(malformed.text, '2014-08-22');
  assert.deepEqual(malformed.weekday, { text: 'Fri', start: 17, end: 20, day: 5 });
  assert.deepEqual(one('2014-08-22 (Friday)').weekday, { text: 'Friday', start: 12, end: 18, day: 5 });
  assert.deepEqual(one('2014-08-22, Fri').weekday, { text: 'Fri', start: 12, end: 15, day: 5 });
  assert.deepEqual(one('2021-03-09 (tues.)').weekday?.day, 2);
  assert.deepEqual(one('June 11, 2013 (Thurs)').weekday?.day, 4);
  assert.equal(one('2014-08-22, Monitoring').weekday, undefined);
  assert.equal(one('2014-08-22 (Fr)').weekday, undefined);
  // Every annotation of releases__3.5__release-management.md, with the weekday of its date.
  const lines: Array<[string, number]> = [
    ['**2014-10-17** (Fri)', 5],
    ['**2014-10-09** (Thu)', 4],
    ['**2014-10-02** (Thu)', 4],
    ['**2014-09-24** (Wed)', 3],
    ['**2014-09-17** (Wed)', 3],
    ['**2014-09-11** (Thu)', 4],
    ["*' 2014-08-22*' (Fri)", 5],
    ["*' 2014-08-05*' (Tue)", 2],
    ['**2014-07-29** (Tue)', 2],
    ['**2014-07-23** (Wed)', 3],
    ['**2014-07-01** (Tue)', 2],
    ['**2014-06-30** (Mon)', 1],
    ['**2014-06-15** (Sun)', 0],
    ['**2014-06-06** (Fri)', 5],
    ['**2014-05-20** (Tue)', 2],
  ];
  for (const [value, day] of lines) {
    const t = one(value);
    assert.equal(t.weekday?.day, day, value);
    assert.equal(weekdayOf(t.year ?? 0, t.month, t.day), day, `${value} is really a ${weekdayName(day)}`);
  }
});
