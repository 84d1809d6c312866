// date-format by page style and the `dateFormat` setting; date patterns; the page's predominant style.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CONFIG, Engine, mergeConfig, parseConfigText } from '../../server/src/core';
import { DATE_STYLES, formatDate, ISO_PATTERN, predominantStyle, styleOf } from '../../server/src/core/dates';
import { prng } from '../../bench/generate';

test('patterns write a day; the style of a written date is the pattern that writes it exactly', () => {
  assert.equal(formatDate('dddd Do MMMM YYYY', 2024, 3, 22), 'Friday 22nd March 2024');
  assert.equal(formatDate('ddd, MMM D, YYYY', 2024, 3, 1), 'Fri, Mar 1, 2024');
  assert.equal(formatDate('YYYY-MM-DD', 2024, 3, 1), '2024-03-01');
  assert.equal(styleOf('Friday 22nd March 2024', 2024, 3, 22), 'dddd Do MMMM YYYY');
  assert.equal(styleOf('Thursday, March 7th, 2019', 2019, 3, 7), 'dddd, MMMM Do, YYYY');
  assert.equal(styleOf('2024-03-22', 2024, 3, 22), 'YYYY-MM-DD');
  assert.equal(styleOf('Thursday 22nd March 2024', 2024, 3, 22), null, 'a wrong weekday has no style');
  assert.equal(styleOf('22th March 2024', 2024, 3, 22), null, 'nor a wrong ordinal');
  assert.equal(predominantStyle(['a', 'a', 'b']), 'a');
  assert.equal(predominantStyle(['a', 'b']), null, 'no majority');
  assert.equal(predominantStyle(['a']), null, 'one date is no style');
});

/** styleOf without its look-up by shape: every pattern in order. */
function styleOfEveryPattern(text: string, year: number, month: number, day: number): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDate(ISO_PATTERN, year, month, day) === text ? ISO_PATTERN : null;
  return DATE_STYLES.find((p) => formatDate(p, year, month, day) === text) ?? null;
}

test('styleOf, which tries only the patterns of the written shape, finds what trying every pattern finds', () => {
  const random = prng(7);
  const pick = (n: number): number => Math.floor(random() * n);
  let styled = 0;
  for (let i = 0; i < 3000; i++) {
    const [year, month, day] = [pick(5) === 0 ? pick(3000) : 1990 + pick(50), 1 + pick(12), 1 + pick(31)];
    const written = formatDate(DATE_STYLES[pick(DATE_STYLES.length)], year, month, day);
    // The day as written, then changed: another day's weekday or ordinal, case, spacing, a cut, an odd month.
    const variants: [string, number, number, number][] = [
      [written, year, month, day],
      [written, year, month, (day % 28) + 1],
      [written.toUpperCase(), year, month, day],
      [written.replace(' ', '  '), year, month, day],
      [written.slice(0, -1), year, month, day],
      [written, year, 13, day],
      [written, -year, month, day],
    ];
    for (const [text, y, m, d] of variants) {
      const want = styleOfEveryPattern(text, y, m, d);
      assert.equal(styleOf(text, y, m, d), want, `${JSON.stringify(text)} ${y}-${m}-${d}`);
      if (want !== null) styled++;
    }
  }
  assert.ok(styled > 3000, `${styled} variants had a style`);
});

const SCHEDULE = [
  '# Project 2.0 release schedule',
  '',
  '| What | Date |',
  '|---|---|',
  '| Release cycle begins | Monday 8th January 2024 |',
  '| Enhancements freeze | Tuesday 6th February 2024 |',
  '| Code freeze | Tuesday 5th March 2024 |',
  '| Docs freeze | Tuesday 19 March 2024 |',
  '| Release | 2024-04-02 |',
  '',
].join('\n');

function table(...dates: string[]): string {
  return ['# Plan', '', '| What | Date |', '|---|---|', ...dates.map((d, i) => `| step ${i} | ${d} |`), ''].join('\n');
}

function findings(text: string, dateFormat?: string): string[] {
  const config = dateFormat === undefined ? DEFAULT_CONFIG : mergeConfig(DEFAULT_CONFIG, { dateFormat });
  return new Engine()
    .check(text, { force: true, config })
    .findings.filter((f) => f.rule === 'date-format')
    .map((f) => `${f.range.start.line + 1} ${f.message} → ${f.fixes[0]?.edits[0]?.newText ?? ''}`);
}

test('page style: the predominant style of a page that is no oVirt page; the others get a fix to it', () => {
  assert.deepEqual(findings(SCHEDULE), [
    `8 Write the date "Tuesday 19 March 2024" as Tuesday 19th March 2024 (the page's style, dddd Do MMMM YYYY). → Tuesday 19th March 2024`,
    `9 Write the date "2024-04-02" as Tuesday 2nd April 2024 (the page's style, dddd Do MMMM YYYY). → Tuesday 2nd April 2024`,
  ]);
  // Consistent: nothing. Mixed without a majority: nothing.
  assert.deepEqual(findings(SCHEDULE.split('\n').slice(0, 7).join('\n')), []);
  assert.deepEqual(findings(table('2024-01-08', 'Tuesday 6th February 2024', 'March 5, 2024')), []);
  // An unpadded ISO date is always reported.
  assert.deepEqual(findings(table('2024-1-8')), ['5 Write the date "2024-1-8" as 2024-01-08 (YYYY-MM-DD). → 2024-01-08']);
});

test('dateFormat: iso on every page, or a pattern', () => {
  assert.equal(findings(SCHEDULE, 'iso').length, 4);
  assert.match(findings(SCHEDULE, 'iso')[0] ?? '', /→ 2024-01-08 \(Mon\)$/);
  assert.equal(findings(SCHEDULE, 'dddd Do MMMM YYYY').length, 2);
  assert.equal(findings(SCHEDULE, 'YYYY-MM-DD').length, 4);
  assert.deepEqual(findings(SCHEDULE, 'D MMM YYYY'), [
    '5 Write the date "Monday 8th January 2024" as 8 Jan 2024 (the configured date format D MMM YYYY). → 8 Jan 2024',
    '6 Write the date "Tuesday 6th February 2024" as 6 Feb 2024 (the configured date format D MMM YYYY). → 6 Feb 2024',
    '7 Write the date "Tuesday 5th March 2024" as 5 Mar 2024 (the configured date format D MMM YYYY). → 5 Mar 2024',
    '8 Write the date "Tuesday 19 March 2024" as 19 Mar 2024 (the configured date format D MMM YYYY). → 19 Mar 2024',
    '9 Write the date "2024-04-02" as 2 Apr 2024 (the configured date format D MMM YYYY). → 2 Apr 2024',
  ]);
});

test('dateFormat in a configuration file: iso, page or a pattern with a year, a month and a day', () => {
  assert.equal(parseConfigText('dateFormat: iso').config.dateFormat, 'iso');
  assert.equal(parseConfigText('dateFormat: "dddd Do MMMM YYYY"').config.dateFormat, 'dddd Do MMMM YYYY');
  const bad = parseConfigText('dateFormat: "MMMM YYYY"');
  assert.equal(bad.config.dateFormat, undefined);
  assert.match(bad.problems[0]?.message ?? '', /needs a day/);
  assert.match(parseConfigText('dateFormat: [iso]').problems[0]?.message ?? '', /must be `iso`, `page` or a pattern/);
  assert.equal(mergeConfig(DEFAULT_CONFIG, {}).dateFormat, 'page');
});
