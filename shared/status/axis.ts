/**
 * Time axes of the status charts (the timeline strip and the release bars): the days an axis spans,
 * its ticks, and day numbers back to ISO text. Days are day numbers (`shared/calendar.ts`).
 */
import { fromDayNumber, isoDay, toIso } from '../calendar';
import { english, shortMonth, type Translate } from '../l10n';

export interface Tick {
  day: number;
  label: string;
}

export interface Span {
  lo: number;
  hi: number;
  /** Today is on the axis (it was within half a span of the dates, and the axis was widened to it). */
  todayInside: boolean;
}

export function isoOfDay(day: number): string {
  const d = fromDayNumber(day);
  return toIso(d.year, d.month, d.day);
}

/**
 * The days an axis spans: the dates, widened by `minDays / 2` on each side when they are less than
 * `minDays` apart, then to today when today is within half a span of them.
 */
export function spanOf(days: readonly number[], today: number, minDays = 14): Span {
  let lo = Math.min(...days);
  let hi = Math.max(...days);
  if (hi - lo < minDays) {
    lo -= Math.ceil(minDays / 2);
    hi += Math.ceil(minDays / 2);
  }
  const span = hi - lo;
  const todayInside = today >= lo - span / 2 && today <= hi + span / 2;
  if (todayInside) {
    lo = Math.min(lo, today);
    hi = Math.max(hi, today);
  }
  return { lo, hi, todayInside };
}

/** First days of months from `lo` to `hi`, every `step` months counted from January. */
function monthStarts(lo: number, hi: number, step: number): Array<{ day: number; month: number; year: number }> {
  const start = fromDayNumber(lo);
  const out: Array<{ day: number; month: number; year: number }> = [];
  let y = start.year;
  let mo = start.month;
  for (;;) {
    if (mo > 12) {
      mo -= 12;
      y++;
    }
    const day = isoDay(toIso(y, mo, 1));
    if (day > hi) break;
    if (day >= lo && (mo - 1) % step === 0) out.push({ day, month: mo, year: y });
    mo++;
  }
  return out;
}

/**
 * Month ticks for the timeline strip: at most about 8, yearly when the months would be a year apart;
 * month names in the language of `tag` (`Intl`).
 */
export function monthTicks(lo: number, hi: number, tag = 'en'): Tick[] {
  const months = monthStarts(lo + 1, hi, 1).length;
  const step = Math.max(1, Math.ceil(months / 8));
  const yearly = step >= 12;
  return monthStarts(lo + 1, hi, yearly ? 12 : step).map((t, i) => ({
    day: t.day,
    label: yearly ? String(t.year) : `${shortMonth(t.month, tag)}${i === 0 || t.month === 1 ? ` ${t.year}` : ''}`,
  }));
}

/**
 * Calendar ticks for a span of years (the release bars): one per year when the span is long, per quarter
 * (`Q2`, the year at each Q1 and at the first tick) when it is a year or two, per month when shorter.
 */
export function calendarTicks(lo: number, hi: number, tag = 'en', tr: Translate = english): Tick[] {
  const years = (hi - lo) / 365.25;
  if (years > 3) {
    const step = Math.max(1, Math.ceil(years / 12));
    return monthStarts(lo, hi, 12)
      .filter((t) => t.year % step === 0)
      .map((t) => ({ day: t.day, label: String(t.year) }));
  }
  if (years > 1) {
    return monthStarts(lo, hi, 3).map((t, i) => {
      const q = quarter((t.month + 2) / 3, tr);
      return { day: t.day, label: t.month === 1 || i === 0 ? `${q} ${t.year}` : q };
    });
  }
  return monthTicks(lo, hi, tag);
}

/** `Q2` (a quarter of the year, as the axis labels it). */
function quarter(n: number, t: Translate): string {
  return t('Q{0}', n);
}
