/**
 * Pieces of the date scanner that read one part of a written date: times and their zones, ordinal
 * suffixes, and the second pass that joins two dates into a range or a dual-zone pair.
 */
import { invalidDateReason } from '../../../../shared/calendar';
import type { DateToken, DateZone, OrdinalTypo, TimeOnly } from './date-token';

/** Zone abbreviations the scanner knows, with their offset from UTC in minutes (IST is India's). */
export const ZONE_OFFSETS: Readonly<Record<string, number>> = {
  UTC: 0,
  GMT: 0,
  Z: 0,
  PST: -480,
  PDT: -420,
  MST: -420,
  MDT: -360,
  CST: -360,
  CDT: -300,
  EST: -300,
  EDT: -240,
  CET: 60,
  CEST: 120,
  BST: 60,
  IST: 330,
  JST: 540,
  AEST: 600,
  AEDT: 660,
};

/** The zone words the scanner reads before a date (longest first, so `CEST` is not read as `CET`). */
export const ZONE_WORDS = Object.keys(ZONE_OFFSETS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** A zone as written: a known abbreviation, `UTC+02:00`, or an offset `+05:30`/`-0800`; null when unknown. */
export function readZone(text: string): DateZone | null {
  const m = /^(?:([A-Z]{1,4})(?:([+-])(\d{1,2})(?::?(\d{2}))?)?|([+-])(\d{2}):?(\d{2}))$/.exec(text.trim());
  if (!m) return null;
  const sign = m[5] as string | undefined;
  if (sign !== undefined) {
    const minutes = Number(m[6]) * 60 + Number(m[7]);
    return minutes > 18 * 60 ? null : { text: text.trim(), offsetMinutes: sign === '-' ? -minutes : minutes };
  }
  const base = ZONE_OFFSETS[m[1]] as number | undefined;
  if (base === undefined) return null;
  const extraSign = m[2] as string | undefined;
  if (extraSign === undefined) return { text: text.trim(), offsetMinutes: base };
  const extra = Number(m[3]) * 60 + Number((m[4] as string | undefined) ?? '0');
  return { text: text.trim(), offsetMinutes: base + (extraSign === '-' ? -extra : extra) };
}

/** `hh:mm[:ss]` → minutes after midnight, or null when not a time of day. */
export function readMinutes(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})/.exec(text);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h > 24 || min > 59 || (h === 24 && min > 0) ? null : h * 60 + min;
}

/** Time and zone of an ISO date-time's tail (`15:00UTC`, `14:51:34+01:00`, `08:32:01 CEST`, `14:45Z`). */
export function readTimeTail(time: string): { minutes: number | null; zone: DateZone | null } {
  const minutes = readMinutes(time);
  const zone = /^\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)? ?(.*)$/.exec(time)?.[1] ?? '';
  return { minutes, zone: zone === '' ? null : readZone(zone) };
}

/** The right ordinal suffix of a day number: 1st 2nd 3rd 4th … 11th 12th 13th … 21st 22nd 23rd. */
export function ordinalSuffix(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
}

/** A wrong suffix written after `day` at `span` (null when right or absent). Case is kept in the fix (`23TH` → `23RD`). */
export function ordinalTypo(day: number, suffix: string | undefined, span: [number, number] | undefined): OrdinalTypo | null {
  if (suffix === undefined || span === undefined) return null;
  const right = ordinalSuffix(day);
  if (suffix.toLowerCase() === right) return null;
  const correct = suffix === suffix.toUpperCase() ? right.toUpperCase() : right;
  return { start: span[0], end: span[1], text: suffix, correct };
}

/** What may stand between the two ends of a range: a dash (with or without spaces), `to`, `until`, `through`. */
const RANGE_GAP = /^[ \t\u00a0]*(?:[-\u2013\u2014]|to|until|through|till)[ \t\u00a0]*$/i;
const SPACED_GAP = /^[ \t\u00a0]+(?:[-\u2013\u2014]|to|until|through|till)[ \t\u00a0]+$|^[ \t\u00a0]*[\u2013\u2014][ \t\u00a0]*$/i;
/** Between the two halves of a dual-zone time. */
const PAIR_GAP = /^[ \t\u00a0]*(?:\/|\||or)[ \t\u00a0]*$/i;

function isDay(t: DateToken): boolean {
  return t.kind === 'date' && (t.precision ?? 'day') === 'day' && !t.until && t.format !== 'weekday-day';
}

/** `a` and `b` as one range token when only a range gap lies between them; else null. */
function joinRange(text: string, a: DateToken, b: DateToken): DateToken | null {
  if (!isDay(a) || !isDay(b) || a.time !== undefined || b.time !== undefined || a.struck !== b.struck) return null;
  const gap = text.slice(a.end, b.start);
  const isoPair = a.format === 'iso' && b.format === 'iso';
  if (!(isoPair ? SPACED_GAP : RANGE_GAP).test(gap) || (a.year !== null && b.year === null)) return null;
  const year = a.year ?? (b.year === null ? null : a.month > b.month ? b.year - 1 : b.year);
  if (year !== null && invalidDateReason(year, a.month, a.day) !== null) return null;
  const joined: DateToken = {
    ...a,
    end: b.end,
    text: text.slice(a.start, b.end),
    year,
    until: { year: b.year, month: b.month, day: b.day },
  };
  if (b.weekday && joined.until) joined.until.weekday = b.weekday;
  if (!a.ordinalTypo && b.ordinalTypo) joined.ordinalTypo = b.ordinalTypo;
  return joined;
}

function pairsWith(text: string, a: DateToken, b: DateToken): boolean {
  return (
    a.zone !== undefined &&
    b.zone !== undefined &&
    a.minutes !== undefined &&
    b.minutes !== undefined &&
    PAIR_GAP.test(text.slice(a.end, b.start))
  );
}

/**
 * Second pass over the tokens of one value: two day dates separated only by a range gap become one
 * token with `until` (an ISO pair needs spaces around a plain hyphen); two zoned times separated by `/`
 * are linked by `zonePair`. The start of a range without a year takes the end's year (the year before
 * when its month is later).
 */
export function joinTokens(text: string, tokens: DateToken[]): DateToken[] {
  const out: DateToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i];
    const b = tokens[i + 1] as DateToken | undefined;
    const joined = b ? joinRange(text, a, b) : null;
    if (joined) {
      out.push(joined);
      i++;
    } else out.push(b && pairsWith(text, a, b) ? { ...a, zonePair: b } : a);
  }
  return out;
}

/** `17:00 UTC / ` right before a zoned time: a time and zone, then `/`, `|` or `or`, then the offset. */
const TIME_ONLY_BEFORE = new RegExp(
  `(?<![0-9A-Za-z:])(\\d{1,2}:\\d{2})[ \\t]?(${ZONE_WORDS})[ \\t\\u00a0]*(?:/|\\||or)[ \\t\\u00a0]*$`,
  'd',
);

/** The time-only half written right before `at` (`17:00 UTC / 09:00 PDT Tuesday 13th December`), or null. */
export function timeOnlyBefore(text: string, at: number): TimeOnly | null {
  const from = Math.max(0, at - 40);
  const m = TIME_ONLY_BEFORE.exec(text.slice(from, at));
  const zoneEnd = m?.indices?.[2]?.[1];
  if (!m || zoneEnd === undefined) return null;
  const minutes = readMinutes(m[1]);
  const zone = readZone(m[2]);
  if (minutes === null || !zone) return null;
  return { text: text.slice(from + m.index, from + zoneEnd), start: from + m.index, end: from + zoneEnd, minutes, zone };
}
