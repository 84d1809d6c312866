/** Value types of the date scanner. */

/**
 * The written shape of a date:
 * - `iso` `2013-05-31` (also the unpadded `2013-6-5`, see {@link DateToken.unpadded})
 * - `iso-datetime` `2012-02-07 15:00UTC`, `2016-11-30 14:51:34+01:00`
 * - `slash` `15/7/2013`, `17/06/2013` (day-first or month-first: see {@link DateToken.slash})
 * - `month-day-year` `June 11, 2013`, `Jun 23 2013`
 * - `day-month-year` `27 March 2014`
 * - `day-month` `Tuesday 10th October` (no year; read only after a weekday)
 * - `year-dot` `2020.11.18` (year first, dotted, two-digit month and day)
 * - `grid-day` `8`: a day number in a month grid, its month and year from the heading (model/grids.ts; never scanned)
 * - `year-mon-day` `2012-Aug-08`
 * - `month-day` `June 25th`, `Jun 23rd`, `Jul 25` (no year)
 * - `year-slash` `2019/09/30` (year first)
 * - `weekday-day` `Mon 7` (a weekday and a day only, when that is the whole value: year null, month 0)
 * - `month-year` `March 2024` (precision 'month'), `quarter` `Q3 2024`, `2024 Q3` (precision 'quarter')
 */
export type DateFormat =
  | 'iso'
  | 'iso-datetime'
  | 'slash'
  | 'month-day-year'
  | 'day-month-year'
  | 'day-month'
  | 'year-dot'
  | 'grid-day'
  | 'year-mon-day'
  | 'month-day'
  | 'year-slash'
  | 'weekday-day'
  | 'month-year'
  | 'quarter';

/** What a date names: one day (the default when absent), a month, or a quarter (its first month in `month`). */
export type DatePrecision = 'day' | 'month' | 'quarter';

/** The end of a range (`March 4–8`, `2024-03-04 to 2024-03-08`); the token's own parts are its start. */
export interface DateRangeEnd {
  year: number | null;
  month: number;
  day: number;
  /** A weekday written with the end (`Tuesday 19th - Friday 22nd March 2024`). */
  weekday?: Weekday;
}

/** A time zone as written (`UTC`, `PDT`, `+01:00`) and its offset from UTC in minutes. */
export interface DateZone {
  text: string;
  offsetMinutes: number;
}

/** An ordinal suffix as written (`23th`) when it is not the right one for its number (`rd`). */
export interface OrdinalTypo {
  /** Offsets of the suffix in the scanned string. */
  start: number;
  end: number;
  text: string;
  correct: string;
}

export interface Weekday {
  /** The weekday word as written, without parentheses or comma: `Fri`, `Friday`. */
  text: string;
  start: number;
  end: number;
  /** 0 = Sunday */
  day: number;
}

/** A time of day with its zone and no date (the first half of `17:00 UTC / 09:00 PDT Tuesday 13th December`). */
export interface TimeOnly {
  text: string;
  start: number;
  end: number;
  minutes: number;
  zone: DateZone;
}

export type DateTokenKind = 'date' | 'invalid' | 'placeholder' | 'unset';
export type SlashOrder = 'dmy' | 'mdy' | 'both' | 'none';

export interface DateToken {
  /** UTF-16 offsets into the scanned string */
  start: number;
  end: number;
  text: string;
  kind: DateTokenKind;
  /** The shape of the date; null for placeholders and unset values. */
  format: DateFormat | null;
  /**
   * Parts as read. `year` is null when the date has no year. `month`/`day` are 0 when unknown
   * (placeholders, unset values). For slash dates see `slash`: an unambiguous date holds its only
   * reading; an ambiguous one (`order: 'both'`) holds the day-first reading until resolved with `resolveSlash`.
   */
  year: number | null;
  month: number;
  day: number;
  /** Slash dates `a/b/yyyy`: the two numbers as written; `order` which readings are possible: 'dmy' (a > 12), 'mdy' (b > 12), 'both' (ambiguous), 'none' (invalid either way). */
  slash?: { a: number; b: number; order: SlashOrder };
  /** Time-of-day and zone exactly as written after the date (e.g. '15:00UTC', '12:00 UTC', '14:51:34+01:00', '08:32:01 CEST') or before it (`02:00 UTC Friday 9th February 2024`) */
  time?: string;
  /** The time of day in minutes after midnight, when a time is written. */
  minutes?: number;
  /** The zone of the time, when it is one of the known abbreviations or an offset. */
  zone?: DateZone;
  /**
   * A weekday written with the date: an annotation right after it (`(Fri)`, `(Friday)`, `, Fri`) or a
   * word before it (`Tuesday 5th July 2023`, `Thursday, March 7th, 2018`: then inside the token's span).
   */
  weekday?: Weekday;
  /** What the token names; absent means one day. Month and quarter tokens have `day` 0. */
  precision?: DatePrecision;
  /** The end of a range; the token's text covers both ends. */
  until?: DateRangeEnd;
  /** A wrong ordinal suffix (`23th`, `1th`); the date is read all the same. */
  ordinalTypo?: OrdinalTypo;
  /** An ISO date with a one-digit month or day (`2021-8-17`): valid, in the wrong form. */
  unpadded?: true;
  /** The other half of a dual-zone time (`02:00 UTC Friday 9th February 2024 / 18:00 PDT Thursday 8th February 2024`), also a token of its own. */
  zonePair?: DateToken;
  /**
   * A time in another zone written before this one without a date of its own (`17:00 UTC / 09:00 PDT
   * Tuesday 13th December`): the same moment, named twice. Offsets are in the scanned string (before `start`).
   */
  timeBefore?: TimeOnly;
  /** Inside <s>…</s>, <strike>…</strike>, <del>…</del> or ~~…~~ */
  struck: boolean;
  /** For 'invalid': why, in plain words: "June has only 30 days", "there is no month 13", "malformed date…" */
  reason?: string;
}

export type { YMD } from '../../../../shared/calendar';
