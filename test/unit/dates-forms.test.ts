// Date tokens of the forms other projects write (issue #15): weekday first, ordinals and their typos,
// ranges, times with zones and dual-zone pairs, year-first slashes, month-year and quarters, unpadded ISO.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanDates, yearFromWeekday, zoneLabelOn, type DateToken } from '../../server/src/core/dates';
import { one, ymd } from '../helpers/dates';

test('a weekday before the date is read into the token', () => {
  const cases: Array<[string, string, [number, number, number], string, number]> = [
    ['Tuesday 5th July 2023', 'day-month-year', [2023, 7, 5], 'Tuesday', 2],
    ['Thursday, March 7th, 2018', 'month-day-year', [2018, 3, 7], 'Thursday', 4],
    ['Mon 8 January 2024', 'day-month-year', [2024, 1, 8], 'Mon', 1],
    ['Fri. 2024-03-08', 'iso', [2024, 3, 8], 'Fri', 5],
  ];
  for (const [value, format, parts, word, day] of cases) {
    const t = one(value);
    assert.equal(t.kind, 'date', value);
    assert.equal(t.format, format, value);
    assert.deepEqual(ymd(t), parts, value);
    assert.equal(t.start, 0, value);
    assert.equal(t.text, value, 'the weekday is inside the token');
    assert.deepEqual(t.weekday, { text: word, start: 0, end: word.length, day }, value);
  }
  // Inside bold, in a bullet: offsets are the value's.
  const b = one('**Monday 8th January 2024**: Week 1 — Release cycle begins');
  assert.equal(b.start, 2);
  assert.equal(b.text, 'Monday 8th January 2024');
  assert.equal(b.weekday?.start, 2);
});

test('a weekday and a day alone: a token only when it is the whole value', () => {
  const t = one('Mon 7');
  assert.equal(t.format, 'weekday-day');
  assert.deepEqual(ymd(t), [null, 0, 7]);
  assert.equal(t.weekday?.day, 1);
  assert.equal(one('**Wed 23rd**').day, 23);
  assert.deepEqual(scanDates('Meet on Mon 7 at noon'), []);
  assert.deepEqual(scanDates('Mon 7 people'), []);
});

test('ordinals: read, and a wrong suffix is recorded with the right one', () => {
  assert.equal(one('1st of June 2014').ordinalTypo, undefined);
  assert.equal(one('June 22nd').ordinalTypo, undefined);
  assert.equal(one('March 11th, 2024').ordinalTypo, undefined);
  const cases: Array<[string, string, string, number]> = [
    ['23th March 2024', 'th', 'rd', 2],
    ['March 1th, 2024', 'th', 'st', 7],
    ['Friday 2th February 2024', 'th', 'nd', 8],
    ['June 12nd', 'nd', 'th', 7],
    ['JUNE 3TH', 'TH', 'RD', 6],
  ];
  for (const [value, text, correct, start] of cases) {
    const t = one(value);
    assert.equal(t.kind, 'date', value);
    assert.deepEqual(t.ordinalTypo, { start, end: start + text.length, text, correct }, value);
  }
});

test('ranges are one token with their end', () => {
  const cases: Array<[string, [number | null, number, number], [number | null, number, number]]> = [
    ['Tuesday 19th - Friday 22nd March 2024', [2024, 3, 19], [2024, 3, 22]],
    ['March 4–8', [null, 3, 4], [null, 3, 8]],
    ['March 4–8, 2024', [2024, 3, 4], [2024, 3, 8]],
    ['4-8 March 2024', [2024, 3, 4], [2024, 3, 8]],
    ['2024-03-04 to 2024-03-08', [2024, 3, 4], [2024, 3, 8]],
    ['2024-03-04 – 2024-03-08', [2024, 3, 4], [2024, 3, 8]],
    ['March 30 - April 2, 2024', [2024, 3, 30], [2024, 4, 2]],
    ['December 30 - January 2, 2025', [2024, 12, 30], [2025, 1, 2]],
    ['December 10-11', [null, 12, 10], [null, 12, 11]],
  ];
  for (const [value, from, to] of cases) {
    const t = one(value);
    assert.equal(t.kind, 'date', value);
    assert.equal(t.text, value);
    assert.deepEqual(ymd(t), from, value);
    const end = t.until;
    assert.ok(end, value);
    assert.deepEqual([end.year, end.month, end.day], to, value);
  }
  assert.equal(one('Tuesday 19th - Friday 22nd March 2024').until?.weekday?.text, 'Friday');
  // An end that cannot exist makes the range invalid; an end before the start is read (date-range-order).
  assert.equal(one('March 30-32, 2024').kind, 'invalid');
  assert.deepEqual(one('8-4 March 2024').until?.day, 4);
  // Not ranges: a plain hyphen between ISO dates without spaces, a weekday in between, a version.
  assert.equal(scanDates('2013-06-05 (Wed) - 2013-06-07').length, 2);
  assert.equal(scanDates('1.2.3 - 2024-01-01')[0]?.until, undefined);
  assert.equal(one('Jun 25th - 2013').until, undefined);
});

test('times with zones before the date, and dual-zone pairs', () => {
  const value = '02:00 UTC Friday 9th February 2024 / 18:00 PDT Thursday 8th February 2024';
  const tokens = scanDates(value);
  assert.equal(tokens.length, 2);
  const a = tokens[0] as DateToken | undefined;
  const b = tokens[1] as DateToken | undefined;
  assert.ok(a && b);
  assert.equal(a.text, '02:00 UTC Friday 9th February 2024');
  assert.deepEqual(ymd(a), [2024, 2, 9]);
  assert.equal(a.time, '02:00 UTC');
  assert.equal(a.minutes, 120);
  assert.deepEqual(a.zone, { text: 'UTC', offsetMinutes: 0 });
  assert.equal(a.weekday?.text, 'Friday');
  assert.equal(a.zonePair, b);
  assert.deepEqual(b.zone, { text: 'PDT', offsetMinutes: -420 });
  assert.equal(b.minutes, 18 * 60);
  assert.equal(b.weekday?.day, 4);
  const zones: Array<[string, number]> = [
    ['10:00 CEST 2024-03-08', 120],
    ['10:00 AEDT 2024-03-08', 660],
    ['10:00 IST 2024-03-08', 330],
    ['10:00 +05:30 2024-03-08', 330],
    ['10:00 -0800 2024-03-08', -480],
    ['2024-03-08 10:00 EST', -300],
    ['2014-03-27T14:45Z', 0],
    ['2016-11-30 14:51:34+01:00', 60],
  ];
  for (const [v, offset] of zones) assert.equal(one(v).zone?.offsetMinutes, offset, v);
  assert.equal(one('2012-02-07 15:00XYZ').zone, undefined, 'an unknown zone is kept as written only');
});

test('year-first slashes, month-year, quarters', () => {
  const y = one('2019/09/30');
  assert.equal(y.format, 'year-slash');
  assert.deepEqual(ymd(y), [2019, 9, 30]);
  assert.equal(one('2019/02/30').kind, 'invalid');
  for (const [v, month] of [
    ['March 2024', 3],
    ['Mid February 2008', 2],
    ['Sept. 2024', 9],
  ] as const) {
    const t = scanDates(v)[0];
    assert.ok(t, v);
    assert.equal(t.precision, 'month', v);
    assert.equal(t.format, 'month-year', v);
    assert.deepEqual(ymd(t), [Number(v.slice(-4)), month, 0], v);
  }
  for (const [v, month] of [
    ['Q3 2024', 7],
    ['2024 Q1', 1],
    ['2024-Q4', 10],
  ] as const) {
    const t = one(v);
    assert.equal(t.precision, 'quarter', v);
    assert.deepEqual(ymd(t), [2024, month, 0], v);
  }
  assert.equal(one('March 7, 2024').precision, undefined, 'a day date has no precision field');
});

test('dotted year-first dates: two-digit parts only, an impossible one is invalid', () => {
  const t = one('2020.11.18');
  assert.equal(t.format, 'year-dot');
  assert.deepEqual(ymd(t), [2020, 11, 18]);
  const bad = one('2019.06.31');
  assert.equal(bad.kind, 'invalid');
  assert.match(bad.reason ?? '', /30/);
  assert.equal(one('(planned) 2021.01.10').start, 10);
  // Calendar versions and longer dotted numbers are no dates.
  for (const v of ['2024.1.0', 'v2020.11.18', '2020.11.18.1', '1.2020.11.18']) assert.deepEqual(scanDates(v), [], v);
});

test('a day-first date without a year is read after a weekday only', () => {
  const t = one('Tuesday 10th October');
  assert.equal(t.format, 'day-month');
  assert.deepEqual(ymd(t), [null, 10, 10]);
  assert.equal(t.weekday?.day, 2);
  assert.equal(t.text, 'Tuesday 10th October');
  const r = one('Monday 24th - Friday 28th October');
  assert.deepEqual(ymd(r), [null, 10, 24]);
  assert.deepEqual([r.until?.month, r.until?.day, r.until?.weekday?.day], [10, 28, 5]);
  // Without a weekday it is too often something else.
  assert.deepEqual(scanDates('see 10 October'), []);
  assert.deepEqual(scanDates('it took 3 May'), []);
  // A year glued to the month is read.
  assert.deepEqual(ymd(one('Tuesday 14th November2023')), [2023, 11, 14]);
});

test('a time-only first half of a dual-zone time is kept with the dated half', () => {
  const [t, ...rest] = scanDates('[17:00 UTC / 09:00 PDT Tuesday 13th December](https://example.com/x)');
  assert.equal(rest.length, 0);
  assert.equal(t.text, '09:00 PDT Tuesday 13th December');
  assert.deepEqual(t.timeBefore, { text: '17:00 UTC', start: 1, end: 10, minutes: 17 * 60, zone: { text: 'UTC', offsetMinutes: 0 } });
  // The end of a dated half is not a time-only half.
  const pair = scanDates('2024-02-09 02:00 UTC / 18:00 PST 2024-02-08');
  assert.equal(pair.at(-1)?.timeBefore, undefined);
  // No zone on the dated half: nothing to compare.
  assert.equal(scanDates('17:00 UTC / Tuesday 13th December 2022')[0]?.timeBefore, undefined);
});

test("a yearless date's year from its weekday: the fitting year nearest the page's years, never a guess", () => {
  const oct10 = one('Tuesday 10th October'); // a Tuesday in 2017, 2023, 2028
  assert.equal(yearFromWeekday(oct10, [2023]), 2023);
  assert.equal(yearFromWeekday(oct10, [2022]), 2023, 'a neighbouring year fits');
  assert.equal(yearFromWeekday(oct10, [2022, 2023, 2024]), 2023);
  assert.equal(yearFromWeekday(oct10, [2020]), null, 'no year near the page fits');
  assert.equal(yearFromWeekday(oct10, []), null, 'a page without years: no guess');
  assert.equal(yearFromWeekday(oct10, [2016, 2029]), null, '2017 and 2028 fit equally near');
  assert.equal(yearFromWeekday(oct10, [2017, 2023]), null, 'two years the page writes fit');
  assert.equal(yearFromWeekday(one('Tuesday 13th December'), [2022]), 2022);
  assert.equal(yearFromWeekday(one('October 10'), [2023]), null, 'no weekday: no evidence');
  // A range's end weekday must fit too (24-28 October 2022: Monday to Friday).
  assert.equal(yearFromWeekday(one('Monday 24th - Friday 28th October'), [2022]), 2022);
  assert.equal(yearFromWeekday(one('Monday 24th - Thursday 28th October'), [2022]), null);
});

test('the zone label in effect on a day (US, EU and Australian daylight time), never on a change day', () => {
  assert.equal(zoneLabelOn('PDT', 2022, 11, 8), 'PST', 'US daylight time ended on 6 November 2022');
  assert.equal(zoneLabelOn('PST', 2023, 3, 14), 'PDT', 'and began on 12 March 2023');
  assert.equal(zoneLabelOn('PDT', 2023, 3, 12), null, 'the change day itself');
  assert.equal(zoneLabelOn('EST', 2024, 7, 1), 'EDT');
  assert.equal(zoneLabelOn('CEST', 2024, 12, 1), 'CET');
  assert.equal(zoneLabelOn('CET', 2024, 3, 31), null, 'EU: last Sunday of March');
  assert.equal(zoneLabelOn('AEST', 2024, 12, 1), 'AEDT', 'southern summer');
  assert.equal(zoneLabelOn('UTC', 2024, 12, 1), null);
  assert.equal(zoneLabelOn('PDT', 2005, 11, 8), null, 'older US rules are not known');
});
