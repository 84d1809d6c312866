import { monthName, weekdayName, weekdayOf, type Weekday } from '../dates';
import { dayOf } from '../model/page-dates';
import type { PageDate } from '../model/page-model';
import type { Rule, RuleContext } from './rule';

interface Day {
  year: number;
  month: number;
  day: number;
}

/**
 * "; 8 January 2024 is a Monday — the year may be 2024" when the written weekday fits the same day a
 * year off and that year is the page's release year (or the page has none): a weekday one day off is
 * the commoner slip, and it too fits a neighbouring year.
 */
function yearHint(d: Day, written: number, releaseYear: number | null): string {
  for (const year of [d.year + 1, d.year - 1]) {
    if ((releaseYear === null || releaseYear === year) && weekdayOf(year, d.month, d.day) === written) {
      return `; ${d.day} ${monthName(d.month)} ${year} is a ${weekdayName(written)} — the year may be ${year}`;
    }
  }
  return '';
}

/** One weekday written with a day (the date's, or a range end's): a finding when they disagree. */
function checkWeekday(ctx: RuleContext, d: PageDate, what: string, ymd: Day, weekday: Weekday): void {
  const actual = weekdayOf(ymd.year, ymd.month, ymd.day);
  if (actual === weekday.day) return;
  const full = weekdayName(actual);
  const written = weekday.text.replace(/^[(,\s]+|[)\s]+$/g, '');
  const replacement = written.length <= 3 ? full.slice(0, 3) : full;
  const offset = weekday.text.indexOf(written);
  const from = weekday.start - d.token.start + offset;
  const range = { start: d.posAt(from), end: d.posAt(from + written.length) };
  const hint = yearHint(ymd, weekday.day, ctx.page.releaseYear);
  ctx.report({
    range,
    message: `${what} is a ${full}, not "${written}"${hint}.`,
    fixes: [{ title: `Write ${replacement}`, edits: [{ range, newText: replacement }], preferred: true }],
  });
}

export const rule: Rule = {
  meta: {
    id: 'weekday-mismatch',
    description: 'A weekday that does not match its date, written before or after it (`2021-03-09 (Mon)` is a Tuesday).',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(ctx) {
    for (const d of ctx.page.dates) {
      const t = d.token;
      const ymd = t.weekday || t.until?.weekday ? dayOf(ctx.page, t) : null;
      if (!ymd) continue;
      const name = `${ymd.day} ${monthName(ymd.month)} ${ymd.year}`;
      // A weekday after the date (`2014-10-17 (Thu)`) names the date as written; one inside the token names the day.
      if (t.weekday) checkWeekday(ctx, d, t.until || t.weekday.start < t.end ? name : t.text, ymd, t.weekday);
      const end = t.until;
      if (end?.weekday && end.month > 0) {
        const endDay = { year: end.year ?? ymd.year, month: end.month, day: end.day };
        checkWeekday(ctx, d, `${endDay.day} ${monthName(endDay.month)} ${endDay.year}`, endDay, end.weekday);
      }
    }
  },
};
