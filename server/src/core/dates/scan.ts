/**
 * `scanDates`: every date-like token in a short value (a table cell's raw markdown, the value of a
 * timeline bullet, a front-matter value).
 *
 * Recognised (month and weekday words in English, any case; `Sept` too):
 * - ISO `2013-05-31`, optionally followed by a time and zone (`2012-02-07 15:00UTC`, `2012-01-12 12:00 UTC`,
 *   `2016-11-30 14:51:34+01:00`, `2016-04-15 08:32:01 CEST`, `2014-03-27T14:45Z`);
 * - `D/M/YYYY` or `M/D/YYYY` with 1-2 digit parts (`15/7/2013`, `17/06/2013`); only `/` separates them,
 *   the only separator the corpus shows; two-digit years are not recognised (no token);
 * - `Month D, YYYY` / `Mon D YYYY` (`June 11, 2013`, `December 21, 2007`);
 * - `D Month YYYY` (`27 March 2014`); a day-first date needs its year;
 * - `YYYY-Mon-DD` (`2012-Aug-08`);
 * - month-day without year (`June 25th`, `Jun 23rd`, `Jul 25`, `December 12th`), ordinals st/nd/rd/th.
 *   The lower-case word `may` counts as a month only when a year follows (`may 5` is not a date).
 * - Weekday annotations right after a date: `(Fri)`, `(Friday)`, `, Fri`.
 *
 * Decisions:
 * - `2013-6-5` (ISO-like with a one-digit month or day) is kind 'invalid', format 'iso', with the parts
 *   read, and reason "malformed date: …". An impossible date is reported as impossible first.
 * - Month-only or fuzzy dates (`June 2013`, `Feb/Jan 2011`, `Mid February 2008`, `First week Nov`) and
 *   a lone year give no token; nor do ranges like `December 10-11` (the day is followed by `-digits`).
 * - A date glued to more digits, letters, `.digit`, `-digit` or `/digit` is not a date (`3.3.1`,
 *   `2013-06-05.1`, `rc-2013-06-05`); URLs, link destinations, autolinks, e-mail addresses and HTML
 *   comments are masked first.
 * - Unset values (`?`, `TBD`, `TBA`, `TBC`, `Now`, `N/A`, `-`, `No date yet`, empty) yield one 'unset'
 *   token, and only when they are the whole value.
 */
import { TextMemo } from '../incremental/memo';
import { invalidDateReason, isValidDate, monthFromName, weekdayFromName } from '../../../../shared/calendar';
import { inRanges, isUnsetValue, maskNonDates, struckRanges, unsetSpan } from './markup';
import type { DateFormat, DateToken, SlashOrder, Weekday } from './date-token';

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAY = '(?:sun(?:day)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?)';
const SP = '[ \\t\\u00a0]+';
/** Nothing that would make the number part of something longer (a version, a bigger number, a word). */
const END = '(?![0-9A-Za-z]|[.\\-/][0-9])';

const DATE_RE = new RegExp(
  '(?<![0-9A-Za-z\\-./])(?:' +
    [
      // ISO (and ISO-like with one-digit parts); a `T` may follow (time).
      '(?<iy>\\d{4})-(?<im>\\d{1,2})-(?<id>\\d{1,2})(?!\\d|[A-SU-Za-su-z]|[.\\-/][0-9])',
      `(?<yy>\\d{4})-(?<ym>${MONTH})\\.?-(?<yd>\\d{1,2})${END}`,
      `(?<sa>\\d{1,2})/(?<sb>\\d{1,2})/(?<sy>\\d{4})${END}`,
      `(?<dd>\\d{1,2})(?:st|nd|rd|th)?${SP}(?:of${SP})?(?<dm>${MONTH})\\.?,?${SP}(?<dy>\\d{4})${END}`,
      `(?<mm>${MONTH})\\.?${SP}(?<md>\\d{1,2})(?:st|nd|rd|th)?${END}(?:,?${SP}(?<my>\\d{4})${END})?`,
      // Placeholders.
      '(?<bs>\\\\[1-9])(?!\\d)',
      '(?<dl>\\$[1-9])(?![\\d.,])',
      `(?<pi>(?:\\d{4}|y{4}|x{4})-(?:\\d{1,2}|mm|x{1,2})-(?:\\d{1,2}|dd|x{1,2}))${END}`,
      `(?<ps>(?:dd?|mm?)/(?:dd?|mm?)/(?:y{4}|y{2}))${END}`,
      '(?<pb>\\{\\{[^{}\\n]{0,200}\\}\\})',
    ].join('|') +
    ')',
  'gi',
);

/** A time right after an ISO date; case matters for the zone (`UTC`, `CEST`), so no `i` flag. */
const TIME_RE =
  /(?:T| {1,2})(\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?| ?(?:UTC|GMT|[A-Z]{3,4})(?:[+-]\d{1,2}(?::?\d{2})?)?)?)(?![0-9A-Za-z])/y;

/** A weekday annotation after a date, possibly after closing emphasis or strike-through. */
const WEEKDAY_RE = new RegExp(
  `(?:[ \\t\\u00a0*_~']|</(?:s|strike|del|b|strong|em|i|u)>)*` +
    `(?:\\([ \\t]*(${WEEKDAY})\\.?[ \\t]*\\)|,[ \\t]*(${WEEKDAY})\\.?(?![A-Za-z]))`,
  'iyd',
);

/** Cheap test: can this value hold any token other than 'unset'? */
const MAY_HOLD_DATE = /[0-9{]|yyyy/i;

type Groups = Record<string, string | undefined>;

/** What reading a match decides about a token, before its position and markup are known. */
type Draft = Pick<DateToken, 'kind' | 'format' | 'year' | 'month' | 'day' | 'slash' | 'reason'>;

function num(s: string | undefined): number {
  return s === undefined ? 0 : Number(s);
}

function dated(format: DateFormat, year: number | null, month: number, day: number): Draft {
  const reason = invalidDateReason(year, month, day);
  return reason === null ? { kind: 'date', format, year, month, day } : { kind: 'invalid', format, year, month, day, reason };
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

function draftFor(g: Groups, text: string): Draft | null {
  if (g.iy !== undefined) {
    const year = num(g.iy);
    const month = num(g.im);
    const day = num(g.id);
    const d = dated('iso', year, month, day);
    if (d.kind === 'date' && (g.im?.length !== 2 || g.id?.length !== 2)) {
      d.kind = 'invalid';
      d.reason = 'malformed date: an ISO date needs a two-digit month and day (YYYY-MM-DD)';
    }
    return d;
  }
  if (g.yy !== undefined) return dated('year-mon-day', num(g.yy), monthFromName(g.ym ?? '') ?? 0, num(g.yd));
  if (g.sa !== undefined) return slashDraft(num(g.sa), num(g.sb), num(g.sy));
  if (g.dd !== undefined) return dated('day-month-year', num(g.dy), monthFromName(g.dm ?? '') ?? 0, num(g.dd));
  if (g.mm !== undefined) {
    const hasYear = g.my !== undefined;
    if (!hasYear && g.mm === 'may') return null; // "may 5": the verb, not the month
    const month = monthFromName(g.mm) ?? 0;
    return hasYear ? dated('month-day-year', num(g.my), month, num(g.md)) : dated('month-day', null, month, num(g.md));
  }
  if (g.pi !== undefined) return placeholderDraft(text);
  return { kind: 'placeholder', format: null, year: null, month: 0, day: 0 };
}

function weekdayAfter(text: string, at: number): Weekday | undefined {
  WEEKDAY_RE.lastIndex = at;
  const m = WEEKDAY_RE.exec(text);
  if (!m?.indices) return undefined;
  // One of the two groups takes part in a match; a group that does not is undefined at run time.
  const gi = (m[1] as string | undefined) !== undefined ? 1 : 2;
  const word = m[gi] as string | undefined;
  const span = m.indices[gi] as [number, number] | undefined;
  if (word === undefined || span === undefined) return undefined;
  const day = weekdayFromName(word);
  return day === null ? undefined : { text: word, start: span[0], end: span[1], day };
}

// Speed: memoised by text (see incremental/memo.ts), as a column repeats a few dozen values over thousands of
// rows; the memo stays beside the function it wraps (the incremental layer cannot import this module).
/** Every date-like token of a short value, in order. See the module comment for the formats. */
const SCANNED = new TextMemo(scanDatesUncached);

/** Every date-like token in a short value (memoised by text: cell values repeat; tokens are shared, never mutate them). */
export function scanDates(text: string): readonly DateToken[] {
  return SCANNED.get(text);
}

function scanDatesUncached(text: string): DateToken[] {
  if (text.length <= 200 && isUnsetValue(text)) {
    const { start, end } = unsetSpan(text);
    const struck = inRanges(start, struckRanges(text));
    return [{ start, end, text: text.slice(start, end), kind: 'unset', format: null, year: null, month: 0, day: 0, struck }];
  }
  if (!MAY_HOLD_DATE.test(text)) return [];
  const masked = maskNonDates(text);
  let struck: Array<[number, number]> | null = null;
  const tokens: DateToken[] = [];
  DATE_RE.lastIndex = 0;
  for (let m = DATE_RE.exec(masked); m !== null; m = DATE_RE.exec(masked)) {
    const start = m.index;
    let end = start + m[0].length;
    const draft = draftFor(m.groups ?? {}, m[0]);
    if (draft === null) continue;
    let time: string | undefined;
    if (draft.format === 'iso' && (masked[end] === ' ' || masked[end] === 'T' || masked[end] === 't')) {
      TIME_RE.lastIndex = end;
      const t = TIME_RE.exec(masked);
      if (t?.[1] !== undefined) {
        time = t[1];
        end = TIME_RE.lastIndex;
        draft.format = 'iso-datetime';
      }
    }
    struck ??= struckRanges(text);
    const token: DateToken = {
      start,
      end,
      text: text.slice(start, end),
      kind: draft.kind,
      format: draft.format,
      year: draft.year,
      month: draft.month,
      day: draft.day,
      struck: inRanges(start, struck),
    };
    if (draft.slash) token.slash = draft.slash;
    if (time !== undefined) token.time = time;
    if (draft.format !== null) {
      const weekday = weekdayAfter(masked, end);
      if (weekday) token.weekday = weekday;
    }
    if (draft.reason !== undefined) token.reason = draft.reason;
    tokens.push(token);
    DATE_RE.lastIndex = end;
  }
  return tokens;
}
