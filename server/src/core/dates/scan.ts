/**
 * `scanDates`: every date-like token in a short value (a table cell's raw markdown, the value of a
 * timeline bullet, a front-matter value, a line of prose).
 *
 * Parts of a match are read in scan-drafts.ts (its groups by number: scan-groups.ts); times, ordinals and joins in scan-parts.ts.
 *
 * Recognised (month and weekday words in English, any case; `Sept` too):
 * - ISO `2013-05-31`, optionally followed by a time and zone (`2012-02-07 15:00UTC`, `2012-01-12 12:00 UTC`,
 *   `2016-11-30 14:51:34+01:00`, `2016-04-15 08:32:01 CEST`, `2014-03-27T14:45Z`);
 * - `D/M/YYYY` or `M/D/YYYY` with 1-2 digit parts (`15/7/2013`, `17/06/2013`); two-digit years are not
 *   recognised (no token); year first `2019/09/30` (format `year-slash`);
 * - `Month D, YYYY` / `Mon D YYYY` (`June 11, 2013`, `December 21, 2007`);
 * - `D Month YYYY` (`27 March 2014`); a day-first date needs its year, unless a weekday comes first
 *   (`Tuesday 10th October`, format `day-month`); a year glued to the month is read (`14th November2023`);
 * - year first with dots `2020.11.18` (format `year-dot`; two-digit month and day, so `2024.1.0` is a version);
 * - `YYYY-Mon-DD` (`2012-Aug-08`);
 * - month-day without year (`June 25th`, `Jun 23rd`, `Jul 25`, `December 12th`), ordinals st/nd/rd/th,
 *   and the wrong ones (`23th`, `1th`: read, with `ordinalTypo`).
 *   The lower-case word `may` counts as a month only when a year follows (`may 5` is not a date).
 * - A weekday before the date (`Tuesday 5th July 2023`, `Thursday, March 7th, 2018`: inside the token)
 *   or an annotation right after it: `(Fri)`, `(Friday)`, `, Fri`. Both are kept in `weekday`.
 * - A weekday and a day alone (`Mon 7`, format `weekday-day`, year null, month 0) only when that is the
 *   whole value (a cell, a milestone's value): in prose it is too often something else.
 * - A time before the date, with a zone (`02:00 UTC Friday 9th February 2024`): `time`, `minutes`, `zone`.
 * - Ranges, as one token with `until`: `4-8 March 2024`, `March 4–8`, `March 4–8, 2024`,
 *   `Tuesday 19th - Friday 22nd March 2024`, and any two day dates joined by a dash, `to`, `until` or
 *   `through` (`2024-03-04 to 2024-03-08`, `March 30 - April 2, 2024`); see `joinTokens`.
 * - Dual-zone times `02:00 UTC Friday 9th February 2024 / 18:00 PDT Thursday 8th February 2024`: two
 *   tokens, the first with `zonePair` set to the second; a first half with no date of its own
 *   (`17:00 UTC / 09:00 PDT Tuesday 13th December`) is the token's `timeBefore`.
 * - Month-year `March 2024` (precision 'month'; the month word capitalised) and quarters `Q3 2024`,
 *   `2024 Q3`, `2024-Q3` (precision 'quarter', `month` its first month); `day` is 0.
 *
 * Decisions:
 * - `2021-8-17` (ISO with a one-digit month or day) is a valid date in the wrong form: kind 'date',
 *   `unpadded`. An impossible date is kind 'invalid' with its reason.
 * - Fuzzy dates (`Feb/Jan 2011` reads only `Jan 2011`, `First week Nov`) and a lone year give no token.
 * - A date glued to more digits, letters, `.digit`, `-digit` or `/digit` is not a date (`3.3.1`,
 *   `2013-06-05.1`, `rc-2013-06-05`); URLs, link destinations, autolinks, e-mail addresses and HTML
 *   comments are masked first.
 * - Unset values (`?`, `TBD`, `TBA`, `TBC`, `Now`, `N/A`, `-`, `No date yet`, empty) yield one 'unset'
 *   token, and only when they are the whole value.
 */
import { TextMemo } from '../incremental/memo';
import { weekdayFromName } from '../../../../shared/calendar';
import { inRanges, isUnsetValue, maskNonDates, stripValueMarkup, struckRanges, unsetSpan } from './markup';
import { joinTokens, ordinalTypo, readMinutes, readTimeTail, readZone, timeOnlyBefore, ZONE_WORDS } from './scan-parts';
import { draftFor, num, type Draft } from './scan-drafts';
import { bothCases, G, numberedPattern, type GroupName, type Groups } from './scan-groups';
import { spansOf, type Spans } from './scan-spans';
import type { DateToken, DateZone, OrdinalTypo, Weekday } from './date-token';

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAY = '(?:sun(?:day)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?)';
const SP = '[ \\t\\u00a0]+';
const ORD = '(?:st|nd|rd|th)';
/** Between the two days of a range written in one date (`4-8 March 2024`, `March 4 to 8`). */
const RSEP = `(?:[ \\t\\u00a0]*[-\\u2013\\u2014][ \\t\\u00a0]*|${SP}(?:to|until|through|till)${SP})`;
/** Nothing that would make the number part of something longer (a version, a bigger number, a word). */
const END = '(?![0-9A-Za-z]|[.\\-/][0-9])';
/** A time (and zone) before a date, then a weekday: `02:00 UTC Friday 9th February 2024`, `Thursday, March 7th`. */
const PREFIX =
  `(?<pre>(?:(?<tm>\\d{1,2}:\\d{2})(?:[ \\t]?(?<tz>(?:${ZONE_WORDS})(?:[+-]\\d{1,2}(?::?\\d{2})?)?|[+-]\\d{2}:?\\d{2}))?,?${SP}(?:on${SP})?)?` +
  `(?:(?<wd>${WEEKDAY})\\.?,?${SP})?)`;

/**
 * The date expression as written (`i` flag), with named groups; exported for the tests of scan-spans.ts (its
 * `d` flag) and of the form the scanner runs (dates-expression.test.ts).
 */
export const DATE_PATTERN =
  '(?<![0-9A-Za-z\\-./])' +
  PREFIX +
  '(?:' +
  [
    // ISO (and ISO-like with one-digit parts); a `T` may follow (time).
    '(?<iy>\\d{4})-(?<im>\\d{1,2})-(?<id>\\d{1,2})(?!\\d|[A-SU-Za-su-z]|[.\\-/][0-9])',
    `(?<yy>\\d{4})-(?<ym>${MONTH})\\.?-(?<yd>\\d{1,2})${END}`,
    `(?<ry>\\d{4})/(?<rm>\\d{1,2})/(?<rd>\\d{1,2})${END}`,
    // Year first with dots (`2020.11.18`): two-digit month and day only, so a calendar version (`2024.1.0`) is no date.
    `(?<ty>\\d{4})\\.(?<tm2>\\d{2})\\.(?<td>\\d{2})${END}`,
    `(?<sa>\\d{1,2})/(?<sb>\\d{1,2})/(?<sy>\\d{4})${END}`,
    // Day first; the year may be missing (kept only after a weekday: see draftFor) or glued (`November2023`).
    `(?<dd>\\d{1,2})(?<do>${ORD})?(?:${RSEP}(?:(?<wd2>${WEEKDAY})\\.?,?${SP})?(?<de>\\d{1,2})(?<deo>${ORD})?)?${SP}(?:of${SP})?(?<dm>${MONTH})(?:\\.?,?[ \\t\\u00a0]*(?<dy>\\d{4})${END}|\\.?${END})`,
    `(?<mm>${MONTH})\\.?${SP}(?<md>\\d{1,2})(?<mo>${ORD})?(?:${RSEP}(?<me>\\d{1,2})(?<meo>${ORD})?)?${END}(?:,?${SP}(?<my>\\d{4})${END})?`,
    `(?<qm>${MONTH})\\.?,?${SP}(?<qy>\\d{4})${END}`,
    `Q(?<qq>[1-4])[ \\t\\u00a0-]?(?<qqy>\\d{4})${END}`,
    `(?<qyq>\\d{4})[ \\t\\u00a0-]?Q(?<qq2>[1-4])${END}`,
    // Placeholders.
    '(?<bs>\\\\[1-9])(?!\\d)',
    '(?<dl>\\$[1-9])(?![\\d.,])',
    `(?<pi>(?:\\d{4}|y{4}|x{4})-(?:\\d{1,2}|mm|x{1,2})-(?:\\d{1,2}|dd|x{1,2}))${END}`,
    `(?<ps>(?:dd?|mm?)/(?:dd?|mm?)/(?:y{4}|y{2}))${END}`,
    '(?<pb>\\{\\{[^{}\\n]{0,200}\\}\\})',
    // A weekday and a day alone (`Mon 7`): kept only when it is the whole value.
    `(?<=${WEEKDAY}\\.?,?[ \\t\\u00a0]{1,3})(?<bd>\\d{1,2})(?<bo>${ORD})?${END}`,
  ].join('|') +
  ')';

/**
 * Every match starts with a digit, a letter (a time, a weekday, a month, `Q`, a placeholder's `y`, `x`, `d`,
 * `m`), a backslash, `$` or `{`. Said first, before the look-behind, it lets V8 skip the other characters quickly:
 * a scan of the corpus's date values took a quarter of the instructions with it.
 */
const FIRST_CHAR = '(?=[0-9A-Za-z\\\\${])';

/**
 * The expression the scanner runs (with DATE_FLAGS): DATE_PATTERN with FIRST_CHAR before it, its groups
 * numbered and its letters in both cases instead of the `i` flag (scan-groups.ts says why); no `d` flag (the
 * few positions read are worked out by spansOf). Made on first use: writing it costs ~2.5 M instructions in
 * the interpreter, which a run without a date need not pay. dates-expression.test.ts holds it = DATE_PATTERN.
 */
export const runDateSource = (): string => FIRST_CHAR + bothCases(numberedPattern(DATE_PATTERN));
export const DATE_FLAGS = 'g';
let runExpression: RegExp | null = null;
const dateExpression = (): RegExp => (runExpression ??= new RegExp(runDateSource(), DATE_FLAGS));

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

/**
 * What every match that gives a token holds (the masked text without it gives none, so the big expression is
 * not run): four digits (each numeric date, a year, a quarter's year, a placeholder `2024-xx-xx`), a whole
 * month or weekday word (a date with a month word; a weekday before a day alone or a year-less day first),
 * or a placeholder's mark. dates-expression.test.ts holds it on every match of the fixture pages and of
 * generated text. On the corpus it leaves 584 of the 1,518 values that hold a digit, 21 K of their 102 K characters.
 */
export const MAY_GIVE_TOKEN = new RegExp(
  `\\d{4}|\\\\[1-9]|\\$[1-9]|\\{\\{|[dm]/|yyyy|xxxx|(?<![0-9a-z])(?:${MONTH}|${WEEKDAY})(?![a-z])`,
  'i',
);

/**
 * What every placeholder token (`2024-xx-xx`, `YYYY-MM-DD`, `dd/mm/yyyy`, `{{date}}`, `\\1`, `$1`) holds: a
 * value without it gives none, so a reader that wants only placeholders (template-leftover reads every typed
 * cell) need not scan it. dates-expression.test.ts holds it on every placeholder of the fixtures and of generated text.
 */
const MAY_GIVE_PLACEHOLDER = /\\[1-9]|\$[1-9]|\{\{|[dm]\/|yyyy|xxxx|-(?:mm|dd|x)/i;

/** Whether `text` may hold a placeholder token (false: scanDates(text) has none). */
export function mayHoldPlaceholder(text: string): boolean {
  return MAY_GIVE_PLACEHOLDER.test(text);
}

/** The day groups with their ordinal suffix groups (made once: an array and its destructuring per match cost, unoptimized). */
const DAY_SUFFIX_GROUPS: ReadonlyArray<readonly [GroupName, GroupName]> = [
  ['dd', 'do'],
  ['de', 'deo'],
  ['md', 'mo'],
  ['me', 'meo'],
  ['bd', 'bo'],
];

/** The first wrong ordinal suffix of a match. */
function typoOf(g: Groups, spans: Spans): OrdinalTypo | undefined {
  for (let i = 0; i < DAY_SUFFIX_GROUPS.length; i++) {
    const day = DAY_SUFFIX_GROUPS[i][0];
    const suffix = DAY_SUFFIX_GROUPS[i][1];
    const digits = g[G[day]];
    const t = digits === undefined ? null : ordinalTypo(num(digits), g[G[suffix]], spans[suffix]);
    if (t) return t;
  }
  return undefined;
}

function weekdayOfSpan(word: string | undefined, span: [number, number] | undefined): Weekday | undefined {
  const day = word === undefined ? null : weekdayFromName(word);
  return day === null || span === undefined || word === undefined ? undefined : { text: word, start: span[0], end: span[1], day };
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

interface TimeRead {
  time?: string;
  minutes: number | null;
  zone: DateZone | null;
  end: number;
}

/** The time of a match: written before the date (the prefix), or after an ISO date (`2012-02-07 15:00UTC`: the format becomes `iso-datetime`). */
function timeOf(g: Groups, spans: Spans, masked: string, draft: Draft, start: number, end: number): TimeRead {
  const tm = g[G.tm];
  if (draft.kind !== 'placeholder' && tm !== undefined) {
    const time = masked.slice(spans.tm?.[0] ?? start, spans.tz?.[1] ?? spans.tm?.[1] ?? start);
    const tz = g[G.tz];
    return { time, minutes: readMinutes(tm), zone: tz === undefined ? null : readZone(tz), end };
  }
  if (draft.format === 'iso' && (masked[end] === ' ' || masked[end] === 'T' || masked[end] === 't')) {
    TIME_RE.lastIndex = end;
    const t = TIME_RE.exec(masked);
    if (t?.[1] !== undefined) {
      draft.format = 'iso-datetime';
      return { time: t[1], ...readTimeTail(t[1]), end: TIME_RE.lastIndex };
    }
  }
  return { minutes: null, zone: null, end };
}

/** The optional fields of a token, from its draft, its time and the match's groups. */
function addDetails(token: DateToken, draft: Draft, time: TimeRead, g: Groups, spans: Spans, masked: string): void {
  if (draft.slash) token.slash = draft.slash;
  if (time.time !== undefined) token.time = time.time;
  if (time.minutes !== null) token.minutes = time.minutes;
  if (time.zone) token.zone = time.zone;
  if (draft.precision) token.precision = draft.precision;
  if (draft.unpadded) token.unpadded = true;
  if (draft.until) {
    token.until = draft.until;
    const wd2 = weekdayOfSpan(g[G.wd2], spans.wd2);
    if (wd2) token.until.weekday = wd2;
  }
  const typo = typoOf(g, spans);
  if (typo) token.ordinalTypo = typo;
  const before = draft.kind !== 'placeholder' ? weekdayOfSpan(g[G.wd], spans.wd) : undefined;
  if (before) token.weekday = before;
  else if (draft.format !== null && !draft.until && !draft.precision) {
    const weekday = weekdayAfter(masked, token.end);
    if (weekday) token.weekday = weekday;
  }
  if (draft.reason !== undefined) token.reason = draft.reason;
}

/** `17:00 UTC / 09:00 PDT Tuesday 13th December`: a time-only half before a zoned time written before its date, not the end of the previous token. */
function addTimeBefore(token: DateToken, g: Groups, text: string, masked: string, before: readonly DateToken[]): void {
  if (g[G.tm] === undefined || !token.zone || token.minutes === undefined) return;
  const other = timeOnlyBefore(masked, token.start);
  if (other && other.start >= (before.at(-1)?.end ?? 0)) token.timeBefore = { ...other, text: text.slice(other.start, other.end) };
}

function scanDatesUncached(text: string): DateToken[] {
  if (text.length <= 200 && isUnsetValue(text)) {
    const { start, end } = unsetSpan(text);
    const struck = inRanges(start, struckRanges(text));
    return [{ start, end, text: text.slice(start, end), kind: 'unset', format: null, year: null, month: 0, day: 0, struck }];
  }
  if (!MAY_HOLD_DATE.test(text)) return [];
  const masked = maskNonDates(text);
  if (!MAY_GIVE_TOKEN.test(masked)) return [];
  let struck: Array<[number, number]> | null = null;
  let wholeValue: string | null = null;
  const tokens: DateToken[] = [];
  const re = dateExpression();
  re.lastIndex = 0;
  for (let m = re.exec(masked); m !== null; m = re.exec(masked)) {
    const g: Groups = m;
    const spans = spansOf(m.index, g, masked);
    const bodyStart = m.index + (g[G.pre]?.length ?? 0);
    if (g[G.bd] !== undefined) wholeValue ??= text.length <= 200 ? stripValueMarkup(text) : '';
    const draft = draftFor(
      g,
      masked.slice(bodyStart, m.index + m[0].length),
      g[G.bd] !== undefined && wholeValue === stripValueMarkup(m[0]),
    );
    if (draft === null) {
      // The prefix may have taken the start of another date (`Mon 5 may`): read again after it.
      if (bodyStart > m.index) re.lastIndex = bodyStart;
      continue;
    }
    // A placeholder keeps no prefix: `Mon {{date}}` is a placeholder after a word.
    const start = draft.kind === 'placeholder' ? bodyStart : m.index;
    const time = timeOf(g, spans, masked, draft, start, m.index + m[0].length);
    struck ??= struckRanges(text);
    const token: DateToken = {
      start,
      end: time.end,
      text: text.slice(start, time.end),
      kind: draft.kind,
      format: draft.format,
      year: draft.year,
      month: draft.month,
      day: draft.day,
      struck: inRanges(start, struck),
    };
    addDetails(token, draft, time, g, spans, masked);
    addTimeBefore(token, g, text, masked, tokens);
    tokens.push(token);
    re.lastIndex = time.end;
  }
  return tokens.length > 1 ? joinTokens(text, tokens) : tokens;
}
