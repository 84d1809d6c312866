/** Value types of the date scanner. */

/**
 * The written shape of a date:
 * - `iso` `2013-05-31` (also the malformed `2013-6-5`, reported as invalid)
 * - `iso-datetime` `2012-02-07 15:00UTC`, `2016-11-30 14:51:34+01:00`
 * - `slash` `15/7/2013`, `17/06/2013` (day-first or month-first: see {@link DateToken.slash})
 * - `month-day-year` `June 11, 2013`, `Jun 23 2013`
 * - `day-month-year` `27 March 2014`
 * - `year-mon-day` `2012-Aug-08`
 * - `month-day` `June 25th`, `Jun 23rd`, `Jul 25` (no year)
 */
export type DateFormat = 'iso' | 'iso-datetime' | 'slash' | 'month-day-year' | 'day-month-year' | 'year-mon-day' | 'month-day';

export interface Weekday {
  /** The weekday word as written, without parentheses or comma: `Fri`, `Friday`. */
  text: string;
  start: number;
  end: number;
  /** 0 = Sunday */
  day: number;
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
  /** Time-of-day and zone exactly as written after the date, e.g. '15:00UTC', '12:00 UTC', '14:51:34+01:00', '08:32:01 CEST' */
  time?: string;
  /** An annotation right after the date: `(Fri)`, `(Friday)`, `, Fri` */
  weekday?: Weekday;
  /** Inside <s>…</s>, <strike>…</strike>, <del>…</del> or ~~…~~ */
  struck: boolean;
  /** For 'invalid': why, in plain words: "June has only 30 days", "there is no month 13", "malformed date…" */
  reason?: string;
}

export type { YMD } from '../../../../shared/calendar';
