import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, dayNumber, DEFAULT_CONFIG, distanceToGa, distanceToToday, hoverAt, mergeConfig } from '../../server/src/core';
import { readFixture } from '../helpers/paths';
import { positionOf } from '../helpers/positions';

const SEED0 = readFixture('seeds', '000_015c11820e0fe26e.md');
const TODAY = dayNumber(2013, 6, 1);
const OPTIONS = { config: DEFAULT_CONFIG, today: TODAY };

function hover(
  text: string,
  needle: string,
  o: { lineMarker?: string; offset?: number } = {},
  options = OPTIONS,
): { markdown: string; text: string } | null {
  const page = checkText(text).page;
  const h = hoverAt(page, positionOf(text, needle, { offset: 1, ...o }), options);
  if (!h) return null;
  const line = text.split('\n')[h.range.start.line];
  return { markdown: h.markdown, text: line.slice(h.range.start.character, h.range.end.character) };
}

test('a date: ISO form, weekday, distance to GA and to today', () => {
  const h = hover(SEED0, '2013-06-14', { lineMarker: 'RC Build' });
  assert.ok(h);
  assert.equal(h.text, '2013-06-14');
  assert.match(h.markdown, /\*\*2013-06-14\*\* · Friday/);
  assert.match(h.markdown, /17 days \(2\.4 weeks\) before GA \(2013-07-01 \(Monday\)\)/);
  assert.match(h.markdown, /In 13 days/);
  assert.match(h.markdown, /Milestone: RC Build/);
});

test('the GA date says it is the GA date', () => {
  const h = hover(SEED0, '2013-07-01', { lineMarker: 'General availability' });
  assert.ok(h);
  assert.match(h.markdown, /general availability \(GA\) date/);
  assert.match(h.markdown, /In 30 days/);
});

test('a date written D/M/YYYY in a table: read in the page order, shown as ISO', () => {
  const h = hover(SEED0, '16/6/2013');
  assert.ok(h);
  assert.equal(h.text, '16/6/2013');
  assert.match(h.markdown, /\*\*2013-06-16\*\* · Sunday/);
  assert.match(h.markdown, /Written `16\/6\/2013`/);
  assert.match(h.markdown, /15 days \(2\.1 weeks\) before GA/);
  assert.match(h.markdown, /Column: Target date/);
});

test('an impossible date says why; a front matter date is explained too', () => {
  const bad = hover(SEED0, '31/06/2013');
  assert.ok(bad);
  assert.match(bad.markdown, /is not a date: June has only 30 days/);
  const fm = hover(SEED0, '2013-08-27');
  assert.ok(fm);
  assert.match(fm.markdown, /57 days \(8\.1 weeks\) after GA/);
  assert.match(fm.markdown, /In 87 days/);
});

test('a placeholder, an ambiguous date and a date without a year', () => {
  const seed1 = readFixture('seeds', '001_dc88aac92be68e04.md');
  const ph = hover(seed1, '\\1', { lineMarker: 'RC2 Build' });
  assert.ok(ph);
  assert.match(ph.markdown, /template placeholder/);
  const page = '# oVirt 9.9 Release Management\n\n## Timeline\n\n* Beta: **03/04/2013**\n* General availability: **June 25th**\n';
  const amb = hover(page, '03/04/2013');
  assert.ok(amb);
  assert.match(amb.markdown, /ambiguous/);
  assert.match(amb.markdown, /day first: 2013-04-03 \(Wednesday\)/);
  assert.match(amb.markdown, /month first: 2013-03-04 \(Monday\)/);
  const noYear = hover(page, 'June 25th');
  assert.ok(noYear);
  assert.match(noYear.markdown, /has no year/);
  // A weekday tells the year among the page's years (13 December is a Tuesday in 2022).
  const k8s =
    '# Release 1.26\n\n## Timeline\n\n- **Friday 9th December 2022**: v1.26.0 released\n- **Tuesday 13th December**: Release retrospective\n';
  const byWeekday = hover(k8s, 'Tuesday 13th December');
  assert.ok(byWeekday);
  assert.match(byWeekday.markdown, /Read by its weekday, among the page's years: 2022-12-13 \(Tuesday\)/);
});

test('a milestone label: its date, its order and its distance to GA', () => {
  const h = hover(SEED0, 'Feature freeze', { offset: 3 });
  assert.ok(h);
  assert.equal(h.text, 'Feature freeze');
  assert.match(h.markdown, /\*\*Feature freeze\*\* · feature freeze in \*Timeline\*/);
  assert.match(h.markdown, /2013-05-31\*\* · Friday/);
  assert.match(h.markdown, /31 days \(4\.4 weeks\) before GA/);
  assert.match(h.markdown, /2nd of 5 dated milestones in this timeline \(by date\); 3rd as listed/);
});

test('a status value: what it means, from the page legend', () => {
  const h = hover(SEED0, 'Orange - In progress, , see comment');
  assert.ok(h);
  assert.match(h.markdown, /\*\*Status: Orange\*\* — Feature is in code base but not completed yet\./);
  assert.match(h.markdown, /Meaning from the page's legend/);
  const lower = hover(SEED0, 'red - in progress');
  assert.ok(lower);
  assert.match(lower.markdown, /Status: Red/);
  assert.match(lower.markdown, /Written "red": the expected case is "Red"/);
});

test('a priority value: the legend meaning, else the usual one; unset and unknown values', () => {
  const must = hover(SEED0, 'Must  ', { lineMarker: '[Migration Network]' });
  assert.ok(must);
  assert.match(must.markdown, /\*\*Priority: Must\*\* — feature absense will delay the release/);
  const optional = hover(SEED0, 'Optional  ', { lineMarker: 'Virtio-SCSI' });
  assert.ok(optional);
  assert.match(optional.markdown, /Priority: Optional\*\* — Nice to have/);
  assert.match(optional.markdown, /usual meaning/);
  const unset = hover(SEED0, '?', { lineMarker: 'RAM Snapshots', offset: 0 });
  assert.ok(unset);
  assert.match(unset.markdown, /Priority: not set/);
  const custom = '# oVirt 9.9 Release Management\n\n| Feature | Status |\n|---|---|\n| A | Done |\n';
  const config = mergeConfig(DEFAULT_CONFIG, { statuses: ['Done', 'Green'] });
  const done = hover(custom, 'Done', {}, { config, today: TODAY });
  assert.ok(done);
  assert.match(done.markdown, /Status: Done/);
  const unknown = hover(custom, 'Done', {}, OPTIONS);
  assert.ok(unknown);
  assert.match(unknown.markdown, /"Done" is not a known value\.\*\* Known: Green, Orange, Red/);
});

test('a milestone plan status', () => {
  const page = readFixture('pages', 'milestone-plan.md');
  const h = hover(page, 'Complete', { lineMarker: 'Status: Complete' });
  assert.ok(h);
  assert.match(h.markdown, /Status: Complete\*\* — The milestone is reached/);
});

test('nothing to say: plain prose, headings, a non-date column', () => {
  assert.equal(hover(SEED0, 'Tracker bug'), null);
  assert.equal(hover(SEED0, 'Features Status Table'), null);
  assert.equal(hover(SEED0, 'Virt ', { lineMarker: 'RAM Snapshots' }), null);
});

test('distance wording', () => {
  assert.equal(distanceToGa(10, 10), 'the GA day');
  assert.equal(distanceToGa(9, 10), '1 day before GA');
  assert.equal(distanceToGa(24, 10), '14 days (2 weeks) after GA');
  assert.equal(distanceToToday(5, 5), 'today');
  assert.equal(distanceToToday(6, 5), 'in 1 day');
  assert.equal(distanceToToday(3, 5), '2 days ago');
});

test('a range, a zoned time, a dual-zone pair, a month and a quarter', () => {
  const page = [
    '---',
    'title: oVirt 9.9 Release Management',
    'category: release',
    '---',
    '# oVirt 9.9 Release Management',
    '',
    '## Timeline',
    '',
    '*   General availability: **2024-03-22**',
    '    -   Test days: **2024-03-04 to 2024-03-08**',
    '',
    'The freeze starts at 02:00 UTC Friday 9th February 2024 / 18:00 PST Thursday 8th February 2024.',
    'The cut is at 16:00 UTC Wednesday 7th February 2024 / 08:00 PDT Wednesday 7th February 2024.',
    '',
    '| Feature | Target date |',
    '|---|---|',
    '| Scheduler | March 2024 |',
    '| Importer | Q3 2024 |',
  ].join('\n');
  const range = hover(page, '2024-03-04 to', { lineMarker: 'Test days' });
  assert.ok(range);
  assert.equal(range.text, '2024-03-04 to 2024-03-08');
  assert.match(range.markdown, /A range: 2024-03-04 to 2024-03-08 \(Friday\) \(5 days\)/);
  const zoned = hover(page, '02:00 UTC');
  assert.ok(zoned);
  assert.match(zoned.markdown, /At 2024-02-09 02:00 UTC/);
  assert.match(zoned.markdown, /The same instant as `18:00 PST Thursday 8th February 2024`/);
  const other = hover(page, '18:00 PST');
  assert.ok(other);
  assert.match(other.markdown, /At 2024-02-09 02:00 UTC \(`18:00 PST`\)/);
  const wrong = hover(page, '16:00 UTC');
  assert.ok(wrong);
  assert.match(wrong.markdown, /`08:00 PDT Wednesday 7th February 2024` is 2024-02-07 15:00 UTC: not the same instant/);
  assert.match(hover(page, 'March 2024')?.markdown ?? '', /a month, no day \(precision: month\)/);
  assert.match(hover(page, 'Q3 2024')?.markdown ?? '', /a quarter, July to September 2024 \(precision: quarter\)/);
});

test('a learned status: hover says how often the page uses it and that it was learned', () => {
  const text = readFixture('pages', 'learned-vocabulary.md');
  const h = hover(text, 'At risk', { lineMarker: 'Billing' });
  assert.ok(h);
  assert.match(h.markdown, /\*\*Status: At risk\*\* — Used in 3 rows of this page\./);
  assert.match(h.markdown, /Learned from this page/);
});
