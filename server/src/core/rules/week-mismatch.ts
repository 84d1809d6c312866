import { dayNumber, fromDayNumber, toIso, weekdayOf } from '../dates';
import type { Range } from '../findings';
import { plainText } from '../model/inline';
import type { Milestone, PageModel } from '../model/page-model';
import { dayOf } from '../model/page-dates';
import type { Rule } from './rule';

/** A week number written beside a date: in a milestone's label (`Week 13 — Code Freeze`) or a table's Week column. */
interface WeekMark {
  week: number;
  day: number;
  iso: string;
  /** Where `Week 13` is written. */
  range: Range;
}

const WEEK = /\bweek\s*(\d{1,2})\b/i;

function dayOfMilestone(page: PageModel, m: Milestone): { day: number; iso: string } | null {
  const ymd = m.date && !m.cancelled ? dayOf(page, m.date.token) : null;
  return ymd ? { day: dayNumber(ymd.year, ymd.month, ymd.day), iso: toIso(ymd.year, ymd.month, ymd.day) } : null;
}

/** Week numbers in labels: found again in the label's source text, for the range. */
function labelMarks(page: PageModel, into: WeekMark[]): void {
  for (const tl of page.timelines) {
    if (tl.source === 'phases') continue;
    for (const m of tl.milestones) {
      const when = dayOfMilestone(page, m);
      if (!when || !WEEK.test(m.label)) continue;
      const { start, end } = m.labelRange;
      if (start.line !== end.line) continue;
      const text = page.lines[start.line].text.slice(start.character, end.character);
      const found = WEEK.exec(text);
      if (!found) continue;
      const from = start.character + found.index;
      const range = { start: { line: start.line, character: from }, end: { line: start.line, character: from + found[0].length } };
      into.push({ week: Number(found[1]), ...when, range });
    }
  }
}

/** Week numbers in a schedule table's `Week` column, paired with the milestone read from the same row. */
function columnMarks(page: PageModel, into: WeekMark[]): void {
  const byLine = new Map<number, Milestone>();
  for (const tl of page.timelines) if (tl.source === 'table') for (const m of tl.milestones) byLine.set(m.line, m);
  for (const t of page.tables) {
    const col = t.isDateTable ? t.header.findIndex((h) => /^weeks?$/i.test(plainText(h))) : -1;
    if (col < 0) continue;
    for (const row of t.rows) {
      const cell = row.cells.at(col);
      const m = byLine.get(row.lines[0]);
      const found = cell ? (WEEK.exec(cell.text) ?? /^(\d{1,2})$/.exec(cell.text.trim())) : null;
      const when = m && found ? dayOfMilestone(page, m) : null;
      if (!cell || !found || !when) continue;
      const offset = cell.text.indexOf(found[0]);
      into.push({ week: Number(found[1]), ...when, range: { start: cell.posAt(offset), end: cell.posAt(offset + found[0].length) } });
    }
  }
}

export const rule: Rule = {
  meta: {
    id: 'week-mismatch',
    description: 'A `Week N` label whose date is not in week N of the cycle that `Week 1` starts.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  check(ctx) {
    const marks: WeekMark[] = [];
    labelMarks(ctx.page, marks);
    columnMarks(ctx.page, marks);
    const firsts = marks.filter((w) => w.week === 1).sort((a, b) => a.day - b.day);
    if (firsts.length === 0) return;
    const first = firsts[0];
    const f = fromDayNumber(first.day);
    // Week 1 is the Monday-to-Sunday week of its first date.
    const monday = first.day - ((weekdayOf(f.year, f.month, f.day) + 6) % 7);
    const m = fromDayNumber(monday);
    const mondayIso = toIso(m.year, m.month, m.day);
    for (const w of marks) {
      const actual = Math.floor((w.day - monday) / 7) + 1;
      // A date a year or more away from the cycle has a wrong year: other rules say so (weekday-mismatch, timeline-order).
      if (actual === w.week || Math.abs(actual - w.week) > 52) continue;
      ctx.report({
        range: w.range,
        message: `"Week ${w.week}" but ${w.iso} is in week ${actual} of the cycle (week 1 begins on Monday ${mondayIso}).`,
      });
    }
  },
};
