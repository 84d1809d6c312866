/**
 * The reading of one match of the date scanner (scan.ts): which date a match's groups name, before its
 * position, time and markup are known. Kept apart so each file stays readable.
 */
import { invalidDateReason, isValidDate, monthFromName } from '../../../../shared/calendar';
import type { DateFormat, DateRangeEnd, DateToken, SlashOrder } from './date-token';
import { G, type Groups } from './scan-groups';

/** What reading a match decides about a token, before its position and markup are known. */
export type Draft = Pick<DateToken, 'kind' | 'format' | 'year' | 'month' | 'day' | 'slash' | 'reason' | 'precision' | 'until' | 'unpadded'>;

export function num(s: string | undefined): number {
  return s === undefined ? 0 : Number(s);
}

function dated(format: DateFormat, year: number | null, month: number, day: number): Draft {
  const reason = invalidDateReason(year, month, day);
  return reason === null ? { kind: 'date', format, year, month, day } : { kind: 'invalid', format, year, month, day, reason };
}

/** A date with a range end read in the same match: invalid when either end cannot exist. */
function ranged(d: Draft, until: DateRangeEnd | null): Draft {
  if (!until || d.kind !== 'date') return d;
  d.until = until;
  const reason = invalidDateReason(until.year ?? d.year, until.month, until.day);
  if (reason !== null) return { ...d, kind: 'invalid', reason: `the range's end: ${reason}` };
  return d;
}

/** Which readings of `a/b/year` exist. */
export function slashOrder(a: number, b: number, year: number): SlashOrder {
  const dmy = isValidDate(year, b, a);
  const mdy = isValidDate(year, a, b);
  return dmy && mdy ? 'both' : dmy ? 'dmy' : mdy ? 'mdy' : 'none';
}

function slashDraft(a: number, b: number, year: number): Draft {
  const order = slashOrder(a, b, year);
  // Month-first only when that is the only reading, or (invalid either way) when only `b` can be a day.
  const mdy = order === 'mdy' || (order === 'none' && b > 12 && a <= 12);
  const month = mdy ? a : b;
  const day = mdy ? b : a;
  const d: Draft = { kind: 'date', format: 'slash', year, month, day, slash: { a, b, order } };
  if (order === 'none') {
    d.kind = 'invalid';
    d.reason = invalidDateReason(year, month, day) ?? 'malformed date';
  }
  return d;
}

function placeholderDraft(text: string): Draft | null {
  const parts = /^([0-9a-z]{4})-([0-9a-z]{1,2})-([0-9a-z]{1,2})$/i.exec(text);
  if (parts && parts.slice(1).every((p) => /^\d+$/.test(p))) return null; // all digits: not a placeholder
  const part = (p: string | undefined): number => (p !== undefined && /^\d+$/.test(p) ? Number(p) : 0);
  const year = parts && /^\d{4}$/.test(parts[1]) ? Number(parts[1]) : null;
  return { kind: 'placeholder', format: null, year, month: part(parts?.[2]), day: part(parts?.[3]) };
}

/** Dates written with digits only: ISO, `YYYY-Mon-DD`, `YYYY/MM/DD`, `D/M/YYYY`. */
function numericDraft(g: Groups): Draft | null {
  if (g[G.iy] !== undefined) {
    const d = dated('iso', num(g[G.iy]), num(g[G.im]), num(g[G.id]));
    if (d.kind === 'date' && (g[G.im]?.length !== 2 || g[G.id]?.length !== 2)) d.unpadded = true;
    return d;
  }
  if (g[G.yy] !== undefined) return dated('year-mon-day', num(g[G.yy]), monthFromName(g[G.ym] ?? '') ?? 0, num(g[G.yd]));
  if (g[G.ry] !== undefined) return dated('year-slash', num(g[G.ry]), num(g[G.rm]), num(g[G.rd]));
  if (g[G.ty] !== undefined) return dated('year-dot', num(g[G.ty]), num(g[G.tm2]), num(g[G.td]));
  if (g[G.sa] !== undefined) return slashDraft(num(g[G.sa]), num(g[G.sb]), num(g[G.sy]));
  return null;
}

function monthFirstDraft(g: Groups): Draft | null {
  const hasYear = g[G.my] !== undefined;
  if (!hasYear && g[G.mm] === 'may') return null; // "may 5": the verb, not the month
  const month = monthFromName(g[G.mm] ?? '') ?? 0;
  const year = hasYear ? num(g[G.my]) : null;
  const until = g[G.me] === undefined ? null : { year, month, day: num(g[G.me]) };
  return ranged(dated(hasYear ? 'month-day-year' : 'month-day', year, month, num(g[G.md])), until);
}

/** Month-year and quarters: no day. */
function coarseDraft(g: Groups): Draft | null {
  const qm = g[G.qm];
  if (qm !== undefined) {
    if (!/^[A-Z]/.test(qm)) return null; // "may 2024" in a sentence; month words in dates are capitalised
    return { kind: 'date', format: 'month-year', year: num(g[G.qy]), month: monthFromName(qm) ?? 0, day: 0, precision: 'month' };
  }
  const q = num(g[G.qq] ?? g[G.qq2]);
  return { kind: 'date', format: 'quarter', year: num(g[G.qqy] ?? g[G.qyq]), month: 3 * q - 2, day: 0, precision: 'quarter' };
}

/** `27 March 2014`, `4-8 March 2024`, and after a weekday `Tuesday 10th October` (no year). */
function dayFirstDraft(g: Groups): Draft | null {
  // A day-first date without a year (`Tuesday 10th October`) only after a weekday: `5 March` in prose is too often something else.
  if (g[G.dy] === undefined && g[G.wd] === undefined) return null;
  const year = g[G.dy] === undefined ? null : num(g[G.dy]);
  const month = monthFromName(g[G.dm] ?? '') ?? 0;
  const format = year === null ? 'day-month' : 'day-month-year';
  return ranged(dated(format, year, month, num(g[G.dd])), g[G.de] === undefined ? null : { year, month, day: num(g[G.de]) });
}

/** The draft a match's groups name, or null when the match is no date after all (`may 5`, `5 March` without a weekday). */
export function draftFor(g: Groups, body: string, whole: boolean): Draft | null {
  if (g[G.iy] !== undefined || g[G.yy] !== undefined || g[G.ry] !== undefined || g[G.ty] !== undefined || g[G.sa] !== undefined)
    return numericDraft(g);
  if (g[G.dd] !== undefined) return dayFirstDraft(g);
  if (g[G.mm] !== undefined) return monthFirstDraft(g);
  if (g[G.qm] !== undefined || g[G.qq] !== undefined || g[G.qq2] !== undefined) return coarseDraft(g);
  if (g[G.bd] !== undefined) {
    const day = num(g[G.bd]);
    return whole && g[G.wd] !== undefined && day >= 1 && day <= 31
      ? { kind: 'date', format: 'weekday-day', year: null, month: 0, day }
      : null;
  }
  if (g[G.pi] !== undefined) return placeholderDraft(body);
  return { kind: 'placeholder', format: null, year: null, month: 0, day: 0 };
}
