/**
 * The schedules of other projects' pages (test/fixtures/projects, read by a person in expected.json):
 * for each page of class `schedule` or `support-policy`, the number of dated milestones and the GA date
 * the model reads equal the person's; pages of class `other` give no dated milestone at all; and the
 * schedule rules (timeline-order, week-mismatch, release-date-conflict) report exactly the mistakes of
 * those rules that the person found.
 *
 * A summary list that repeats the timeline table (Kubernetes' "Summary" bullets) is one schedule written
 * twice: its milestones are counted once, in the table. A page that writes no year at all (Kubernetes
 * 1.20) has its days compared by month and day, and its GA is the one the page alone dates (`gaFromPage`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, type PageModel } from '../../server/src/core';
import type { Timeline } from '../../server/src/core/model/page-model';
import { toIso } from '../../server/src/core/dates';
import { dayOf } from '../../server/src/core/model/page-dates';
import { pagesIn, readFixture } from '../helpers/paths';

interface Expected {
  class: 'schedule' | 'support-policy' | 'other';
  milestones?: number;
  ga?: string | null;
  /** The GA a reader of the page alone can date, when it differs from `ga` (a year known only from outside the page). */
  gaFromPage?: string | null;
  mistakes?: Array<{ line: number; rule: string }>;
}

const EXPECTED = JSON.parse(readFixture('projects', 'expected.json')) as Record<string, Expected>;
const SCHEDULE_RULES = new Set(['timeline-order', 'week-mismatch', 'release-date-conflict']);

function dayKey(page: PageModel, tl: Timeline): Set<string> {
  const out = new Set<string>();
  for (const m of tl.milestones) {
    const t = m.date?.token;
    const ymd = t ? dayOf(page, t) : null;
    // A page that writes no year at all: its days by month and day.
    if (ymd) out.add(toIso(ymd.year, ymd.month, ymd.day));
    else if (t?.kind === 'date' && t.year === null && t.month > 0 && t.day > 0) out.add(toIso(0, t.month, t.day).slice(4));
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
  test(`project page ${file} (${e.class})`, () => {
    const result = checkText(readFixture('projects', file));
    const page = result.page;
    if (e.class === 'other') {
      assert.equal(datedMilestones(page), 0, `${file}: a page that is no schedule has no milestone`);
      return;
    }
    assert.equal(datedMilestones(page), e.milestones, `${file}: dated milestones`);
    assert.equal(gaIso(page), e.gaFromPage !== undefined ? e.gaFromPage : (e.ga ?? null), `${file}: GA`);
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
