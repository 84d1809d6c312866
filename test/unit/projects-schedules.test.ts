/**
 * The schedules of other projects' pages (test/fixtures/projects, read by a person in expected.json):
 * for each page of class `schedule` or `support-policy`, the number of dated milestones and the GA date
 * the model reads equal the person's; pages of class `other` give no dated milestone at all; and the
 * schedule rules (timeline-order, week-mismatch, release-date-conflict) report exactly the mistakes of
 * those rules that the person found.
 *
 * A summary list that repeats the timeline table (Kubernetes' "Summary" bullets) is one schedule written
 * twice: its milestones are counted once, in the table. A page whose dates use a form the date scanner
 * does not read yet is a `todo` naming the form, live again as soon as the scanner reads it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, type PageModel } from '../../server/src/core';
import type { Timeline } from '../../server/src/core/model/page-model';
import { scanDates, toIso } from '../../server/src/core/dates';
import { dayOf } from '../../server/src/core/model/page-dates';
import { pagesIn, readFixture } from '../helpers/paths';

interface Expected {
  class: 'schedule' | 'support-policy' | 'other';
  milestones?: number;
  ga?: string | null;
  mistakes?: Array<{ line: number; rule: string }>;
}

const EXPECTED = JSON.parse(readFixture('projects', 'expected.json')) as Record<string, Expected>;
const SCHEDULE_RULES = new Set(['timeline-order', 'week-mismatch', 'release-date-conflict']);

/** Date forms some pages need; while the scanner does not read one, the pages that need it are `todo`. */
const FORMS: Record<string, { sample: string; pages: RegExp }> = {
  'year-first slashes (2019/09/30)': { sample: '2019/09/30', pages: /envoy-releases/ },
  'dotted dates (2020.11.18)': { sample: '2020.11.18', pages: /thanos-release-process/ },
  'weekday-first day ranges (Monday 6th - Thursday 9th November 2023)': {
    sample: 'Monday 6th - Thursday 9th November 2023',
    pages: /kubernetes-1\.\d\d\.md/,
  },
  'dates without a year, the year from the page (Tuesday 10th October)': {
    sample: 'Tuesday 10th October',
    pages: /kubernetes-1\.(20|26|28|29|32)\.md|meeting-update/,
  },
};

/** The forms a page needs that the scanner does not read yet (read: one date token from the sample's first character). */
function unreadForms(file: string): string[] {
  return Object.entries(FORMS)
    .filter(([, f]) => f.pages.test(file))
    .filter(([, f]) => !scanDates(f.sample).some((t) => t.kind === 'date' && t.start === 0))
    .map(([name]) => name);
}

function dayKey(page: PageModel, tl: Timeline): Set<string> {
  const out = new Set<string>();
  for (const m of tl.milestones) {
    const ymd = m.date ? dayOf(page, m.date.token) : null;
    if (ymd) out.add(toIso(ymd.year, ymd.month, ymd.day));
  }
  return out;
}

/** A list whose dated milestones (three in four at least: a summary may be stale) fall on days of a table timeline of the same release: a summary of that table. */
function isSummary(page: PageModel, tl: Timeline): boolean {
  if (tl.source !== 'bullets') return false;
  const days = dayKey(page, tl);
  const tableDays = new Set<string>();
  for (const t of page.timelines) if (t.source === 'table' && t.release === tl.release) for (const d of dayKey(page, t)) tableDays.add(d);
  return days.size > 0 && [...days].filter((d) => tableDays.has(d)).length >= 0.75 * days.size;
}

function datedMilestones(page: PageModel): number {
  let n = 0;
  for (const tl of page.timelines) if (!isSummary(page, tl)) for (const m of tl.milestones) if (m.date) n++;
  return n;
}

function gaIso(page: PageModel): string | null {
  const ymd = page.gaDate ? dayOf(page, page.gaDate.token) : null;
  return ymd ? toIso(ymd.year, ymd.month, ymd.day) : null;
}

for (const [file, e] of Object.entries(EXPECTED)) {
  const todo = unreadForms(file);
  const options = todo.length ? { todo: `needs ${todo.join(', ')}` } : {};
  test(`project page ${file} (${e.class})`, options, () => {
    const result = checkText(readFixture('projects', file));
    const page = result.page;
    if (e.class === 'other') {
      assert.equal(datedMilestones(page), 0, `${file}: a page that is no schedule has no milestone`);
      return;
    }
    assert.equal(datedMilestones(page), e.milestones, `${file}: dated milestones`);
    assert.equal(gaIso(page), e.ga ?? null, `${file}: GA`);
    const found = result.findings.filter((f) => SCHEDULE_RULES.has(f.rule)).map((f) => `${f.range.start.line + 1} ${f.rule}`);
    const wanted = (e.mistakes ?? []).filter((m) => SCHEDULE_RULES.has(m.rule)).map((m) => `${m.line} ${m.rule}`);
    assert.deepEqual([...new Set(found)].sort(), [...new Set(wanted)].sort(), `${file}: findings of the schedule rules`);
  });
}

test('every project page has its reading in expected.json', () => {
  const files = [...pagesIn('projects/release').map((f) => `release/${f}`), ...pagesIn('projects/other').map((f) => `other/${f}`)];
  assert.deepEqual(
    files.filter((f) => !(f in EXPECTED)),
    [],
  );
  const classes = new Set(Object.values(EXPECTED).map((e) => e.class));
  assert.deepEqual([...classes].sort(), ['other', 'schedule', 'support-policy']);
});
