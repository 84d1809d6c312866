/** Page-level inference: the order of slash dates, the year of a date written without one. */
import { dayNumber, invalidDateReason, isValidDate, weekdayOf } from '../../../../shared/calendar';
import type { DateToken } from './date-token';

/**
 * The reading of `a/b/yyyy` dates a page uses, from all its slash tokens: 'dmy' when some can only be
 * day-first and none only month-first, 'mdy' the other way round; null on conflicting or no evidence.
 * Tokens that are ambiguous ('both') or impossible ('none') are no evidence.
 * `tokenOf` reads the token of each item (a page's dates), so no array of tokens has to be made.
 */
export function inferSlashOrder<T = DateToken>(
  items: readonly T[],
  tokenOf: (item: T) => DateToken = (t) => t as DateToken,
): 'dmy' | 'mdy' | null {
  let dmy = 0;
  let mdy = 0;
  for (const item of items) {
    const order = tokenOf(item).slash?.order;
    if (order === 'dmy') dmy++;
    else if (order === 'mdy') mdy++;
  }
  if (dmy > 0 && mdy === 0) return 'dmy';
  if (mdy > 0 && dmy === 0) return 'mdy';
  return null;
}

/**
 * A slash token read in the given order: a copy whose month/day follow `order` and whose kind/reason
 * say whether that reading exists. Non-slash tokens and a null order give the token back unchanged.
 */
export function resolveSlash(token: DateToken, order: 'dmy' | 'mdy' | null): DateToken {
  if (!token.slash || order === null || token.year === null) return token;
  const { a, b } = token.slash;
  const month = order === 'dmy' ? b : a;
  const day = order === 'dmy' ? a : b;
  const reason = invalidDateReason(token.year, month, day);
  const out: DateToken = { ...token, month, day, kind: reason === null ? 'date' : 'invalid' };
  if (reason === null) delete out.reason;
  else out.reason = reason;
  return out;
}

export interface YearContext {
  /** Year of the page's GA / release date. */
  releaseYear?: number;
  /** Month (1-12) of the page's GA / release date, when known: lets a date near a year boundary move to the adjacent year. */
  releaseMonth?: number;
  /** Years of the dated neighbours (e.g. other rows of the same table), nearest first. */
  nearbyYears?: number[];
}

/**
 * The year to propose for a date written without one (`June 25th`):
 * 1. with `releaseYear` and `releaseMonth`: of the previous, same and next year, the one that puts
 *    the date nearest to the middle of the release month (so `December 10th` before a January GA
 *    goes to the year before);
 * 2. with `releaseYear` only: that year;
 * 3. otherwise the most frequent of `nearbyYears` (ties: the one listed first);
 * 4. otherwise null (no proposal).
 * The result is not checked against the date: February 29 may land on a common year.
 */
export function inferYear(month: number, day: number, context: YearContext): number | null {
  const { releaseYear, releaseMonth, nearbyYears } = context;
  if (releaseYear !== undefined) {
    if (releaseMonth === undefined || releaseMonth < 1 || releaseMonth > 12) return releaseYear;
    const anchor = dayNumber(releaseYear, releaseMonth, 15);
    let best = releaseYear;
    let bestDist = Infinity;
    for (const y of [releaseYear, releaseYear - 1, releaseYear + 1]) {
      const dist = Math.abs(dayNumber(y, month, Math.min(day, 28)) - anchor);
      if (dist < bestDist) {
        best = y;
        bestDist = dist;
      }
    }
    return best;
  }
  if (nearbyYears && nearbyYears.length > 0) {
    const counts = new Map<number, number>();
    for (const y of nearbyYears) counts.set(y, (counts.get(y) ?? 0) + 1);
    let best = nearbyYears[0] ?? null;
    let bestCount = 0;
    for (const y of nearbyYears) {
      const c = counts.get(y) ?? 0;
      if (c > bestCount) {
        best = y;
        bestCount = c;
      }
    }
    return best;
  }
  return null;
}

/** Does the yearless token's written weekday (and its range end's) fall on its day in `year`? */
function weekdaysFit(t: DateToken, year: number): boolean {
  if (!isValidDate(year, t.month, t.day)) return false;
  if (t.weekday && weekdayOf(year, t.month, t.day) !== t.weekday.day) return false;
  const end = t.until;
  if (end?.weekday && end.month > 0) {
    const endYear = end.year ?? (end.month < t.month ? year + 1 : year);
    if (!isValidDate(endYear, end.month, end.day) || weekdayOf(endYear, end.month, end.day) !== end.weekday.day) return false;
  }
  return true;
}

/**
 * The year of a date written with a weekday and without a year (`Tuesday 10th October`): of the years
 * the page writes and their neighbours (one before, one after), the one in which the weekday fits,
 * nearest to a year the page writes. Null when the date has no weekday, the page writes no year, no such
 * year fits, or two fit equally near (never a guess).
 */
export function yearFromWeekday(t: DateToken, pageYears: readonly number[]): number | null {
  if (t.year !== null || t.month === 0 || t.day === 0 || !(t.weekday || t.until?.weekday)) return null;
  for (const dist of [0, 1]) {
    const fits = new Set<number>();
    for (const p of pageYears) for (const y of dist === 0 ? [p] : [p - 1, p + 1]) if (weekdaysFit(t, y)) fits.add(y);
    if (fits.size === 1) return [...fits][0];
    if (fits.size > 1) return null;
  }
  return null;
}
