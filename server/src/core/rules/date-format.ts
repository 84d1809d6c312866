import { formatDate, ISO_PATTERN, predominantStyle, styleOf, toIso, weekdayName, weekdayOf } from '../dates';
import { dayOf, OWN_DATE_STYLE_KINDS } from '../model/page-dates';
import type { PageDate } from '../model/page-model';
import type { Rule, RuleContext } from './rule';

interface Day {
  year: number;
  month: number;
  day: number;
}

/** A date this rule judges: one whole day with a year, neither struck nor in a milestone plan's prose. */
function judged(d: PageDate): boolean {
  const t = d.token;
  return (
    d.context !== 'plan' &&
    t.kind === 'date' &&
    !t.struck &&
    t.year !== null &&
    !t.precision &&
    !t.until &&
    t.format !== 'weekday-day' &&
    t.format !== 'grid-day'
  );
}

function report(ctx: RuleContext, d: PageDate, newText: string, why: string): void {
  ctx.report({
    range: d.range,
    message: `Write the date "${d.token.text}" as ${newText} (${why}).`,
    fixes: [{ title: `Write ${newText}`, edits: [{ range: d.range, newText }], preferred: true }],
  });
}

/** ISO style: every non-ISO date (and unpadded ISO) with an ISO fix; prose dates are left to the page's own style. */
function checkIso(ctx: RuleContext): void {
  for (const d of ctx.page.dates) {
    const t = d.token;
    if (!judged(d) || d.context === 'prose' || t.ordinalTypo || (t.time !== undefined && t.format !== 'iso-datetime')) continue;
    if ((t.format === 'iso' || t.format === 'iso-datetime') && !t.unpadded) continue;
    const ymd = dayOf(ctx.page, t);
    if (!ymd) continue; // an ambiguous slash date: date-ambiguous reports it
    // A weekday written before the date is kept after it, the wiki's way: `2018-03-07 (Wed)` (a wrong one: weekday-mismatch first).
    const before = t.weekday && t.weekday.start < t.end ? t.weekday : null;
    if (before && (before.day !== weekdayOf(ymd.year, ymd.month, ymd.day) || t.format === 'iso-datetime')) continue;
    const leading = before ? ` (${weekdayName(before.day, 'short')})` : '';
    const iso = toIso(ymd.year, ymd.month, ymd.day) + leading;
    // An unpadded date-time keeps its time: only the date part is rewritten.
    const newText = t.format === 'iso-datetime' ? iso + t.text.slice(/^\d{4}-\d{1,2}-\d{1,2}/.exec(t.text)?.[0].length ?? 0) : iso;
    report(ctx, d, newText, 'YYYY-MM-DD');
  }
}

interface Styled {
  d: PageDate;
  ymd: Day;
  style: string | null;
}

/** The dates a style is judged on, each with the common pattern it is written in (null: none or not for certain). */
function styledDates(ctx: RuleContext): Styled[] {
  const styled: Styled[] = [];
  for (const d of ctx.page.dates) {
    const t = d.token;
    if (!judged(d) || t.time !== undefined || t.ordinalTypo) continue;
    const ymd = dayOf(ctx.page, t);
    if (!ymd) continue;
    styled.push({ d, ymd, style: t.unpadded ? null : styleOf(t.text, ymd.year, ymd.month, ymd.day) });
  }
  return styled;
}

/**
 * Dates not written in `pattern` (the page's predominant style, or the configured one when `configured`),
 * and unpadded ISO dates. A date whose weekday or ordinal is wrong has no style (weekday-mismatch and
 * date-ordinal report it); a weekday written after the date is left alone by a pattern that writes one.
 */
function checkStyle(ctx: RuleContext, styled: readonly Styled[], pattern: string | null, configured: boolean): void {
  const why = configured ? `the configured date format ${pattern ?? ''}` : `the page's style, ${pattern ?? ''}`;
  for (const { d, ymd, style } of styled) {
    const t = d.token;
    const wrongWeekday = style === null && t.weekday !== undefined && t.weekday.start < t.end;
    if (wrongWeekday || (t.weekday && t.weekday.start >= t.end && pattern?.includes('ddd'))) continue;
    if (t.unpadded) report(ctx, d, formatDate(pattern ?? ISO_PATTERN, ymd.year, ymd.month, ymd.day), pattern ? why : 'YYYY-MM-DD');
    else if (pattern && (configured ? t.text !== formatDate(pattern, ymd.year, ymd.month, ymd.day) : style !== null && style !== pattern)) {
      // Two patterns may write a date alike (`May 19, 2023` is both `MMM D, YYYY` and `MMMM D, YYYY`): nothing to change then.
      const wanted = formatDate(pattern, ymd.year, ymd.month, ymd.day);
      if (wanted !== t.text) report(ctx, d, wanted, why);
    }
  }
}

export const rule: Rule = {
  meta: {
    id: 'date-format',
    description:
      "A date written unlike the page's style (ISO on oVirt pages, else the page's predominant style) or the configured `dateFormat`; unpadded ISO (`2021-8-17`).",
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(ctx) {
    const setting = ctx.config.dateFormat;
    if (setting === 'iso') return checkIso(ctx);
    if (setting !== 'page') return checkStyle(ctx, styledDates(ctx), setting, true);
    // The oVirt wiki's house style is ISO; other pages keep their own predominant style.
    if (!OWN_DATE_STYLE_KINDS.has(ctx.page.kind)) return checkIso(ctx);
    const styled = styledDates(ctx);
    checkStyle(ctx, styled, predominantStyle(styled.flatMap((s) => (s.style === null ? [] : [s.style]))), false);
  },
};
