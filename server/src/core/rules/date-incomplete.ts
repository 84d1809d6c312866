import { inferYear, isValidDate, toIso, type DateToken } from '../dates';
import { dayOf, OWN_DATE_STYLE_KINDS, releaseYear } from '../model/page-dates';
import type { Rule, RuleContext } from './rule';

/**
 * The date in ISO with year `y`, a range as `start to end` (its end in the same year, or the next when
 * its month comes earlier: `December 30 - January 2`); null when a day does not exist in that year.
 */
function completed(t: DateToken, y: number): string | null {
  if (!isValidDate(y, t.month, t.day)) return null;
  const end = t.until;
  if (!end) return toIso(y, t.month, t.day);
  const endYear = end.month < t.month ? y + 1 : y;
  return isValidDate(endYear, end.month, end.day) ? `${toIso(y, t.month, t.day)} to ${toIso(endYear, end.month, end.day)}` : null;
}

export const rule: Rule = {
  meta: {
    id: 'date-incomplete',
    description: "A date without a year (`June 25th`); fix: the year of the page's release.",
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(ctx) {
    // A schedule of another project that writes most of its days without a year (`Tuesday, Oct 6th` all
    // through a release's schedule) does so by design: its year is the release's. The oVirt wiki writes
    // years: there a yearless date is a slip, however many there are.
    if (!OWN_DATE_STYLE_KINDS.has(ctx.page.kind)) return reportYearless(ctx);
    let days = 0;
    let yearless = 0;
    for (const d of ctx.page.dates) {
      if (d.token.kind !== 'date' || d.token.month === 0 || d.context === 'prose') continue;
      days++;
      if (d.token.year === null) yearless++;
    }
    if (days >= 3 && yearless * 2 > days) return;
    reportYearless(ctx);
  },
};

function reportYearless(ctx: RuleContext): void {
  const year = releaseYear(ctx.page);
  const ga = ctx.page.gaDate?.token;
  const releaseMonth = ga && ga.year === year ? ga.month : undefined;
  for (const d of ctx.page.dates) {
    const t = d.token;
    // `Mon 7` (a weekday and a day) names no month: the schedule around it does, not this rule.
    if (t.kind !== 'date' || t.year !== null || t.month === 0 || d.context === 'prose') continue;
    // The year the weekday fits near the page's years, else the release's.
    const fromWeekday = dayOf(ctx.page, t)?.year ?? null;
    const y = fromWeekday ?? (year === null ? null : inferYear(t.month, t.day, { releaseYear: year, releaseMonth }));
    // `Tuesday 13th December` (a weekday, perhaps a time, before the day): the year goes after it, in the page's words.
    const newText = y === null ? null : t.format === 'day-month' && !t.until ? `${t.text} ${y}` : completed(t, y);
    const fixes = newText !== null ? [{ title: `Write ${newText}`, edits: [{ range: d.range, newText }], preferred: true }] : [];
    const hint = !fixes.length
      ? ''
      : fromWeekday !== null
        ? ` (${y} by its weekday and the page's years)`
        : ` (by the page's release date, ${y})`;
    ctx.report({ range: d.range, message: `"${t.text}" has no year${hint}.`, fixes });
  }
}
