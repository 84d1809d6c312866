/**
 * Date styles: a date pattern (`YYYY-MM-DD`, `dddd Do MMMM YYYY`) formats a day, and the style of a
 * written date is the common pattern that writes it exactly. `date-format` counts the styles of a
 * page's dates to find its predominant one, or enforces a configured pattern.
 *
 * Pattern words: `YYYY` year, `MMMM` month name (`March`), `MMM` short name (`Mar`), `MM` two-digit
 * month, `M` month, `DD` two-digit day, `D` day, `Do` day with its ordinal (`3rd`), `dddd` weekday
 * (`Friday`), `ddd` short weekday (`Fri`). Anything else is written as is.
 */
import { monthName, weekdayName, weekdayOf } from '../../../../shared/calendar';
import { ordinalSuffix } from './scan-parts';

export const ISO_PATTERN = 'YYYY-MM-DD';

const WORD = /YYYY|MMMM|MMM|MM|M|Do|DD|D|dddd|ddd/g;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The day written in a pattern. */
export function formatDate(pattern: string, year: number, month: number, day: number): string {
  return pattern.replace(WORD, (w) => {
    switch (w) {
      case 'YYYY':
        return String(year);
      case 'MMMM':
        return monthName(month);
      case 'MMM':
        return monthName(month, 'short');
      case 'MM':
        return pad(month);
      case 'M':
        return String(month);
      case 'DD':
        return pad(day);
      case 'D':
        return String(day);
      case 'Do':
        return `${day}${ordinalSuffix(day)}`;
      case 'dddd':
        return weekdayName(weekdayOf(year, month, day));
      default:
        return weekdayName(weekdayOf(year, month, day), 'short');
    }
  });
}

/** Why a pattern cannot write a whole date (it needs a year, a month and a day), or null when it can. */
export function patternProblem(pattern: string): string | null {
  const words: string[] = pattern.match(WORD) ?? [];
  if (pattern.length > 60) return 'a date pattern is at most 60 characters';
  if (!words.includes('YYYY')) return 'a date pattern needs YYYY';
  if (!words.some((w) => w.startsWith('M'))) return 'a date pattern needs a month (MMMM, MMM, MM or M)';
  if (!words.some((w) => w.startsWith('D'))) return 'a date pattern needs a day (D, DD or Do)';
  return null;
}

/** Patterns people write release dates in; each may be preceded by a weekday. */
const BODIES = [
  ISO_PATTERN,
  'D MMMM YYYY',
  'Do MMMM YYYY',
  'D MMM YYYY',
  'Do MMM YYYY',
  'MMMM D, YYYY',
  'MMMM Do, YYYY',
  'MMMM D YYYY',
  'MMMM Do YYYY',
  'MMM D, YYYY',
  'MMM Do, YYYY',
  'MMM D YYYY',
  'YYYY/MM/DD',
  'YYYY.MM.DD',
  'DD/MM/YYYY',
  'D/M/YYYY',
  'MM/DD/YYYY',
  'M/D/YYYY',
  'YYYY-MMM-DD',
];
const WEEKDAYS = ['', 'dddd ', 'dddd, ', 'ddd ', 'ddd, '];
/** The common patterns, in the order styleOf tries them (exported for its test). */
export const DATE_STYLES: readonly string[] = WEEKDAYS.flatMap((w) => BODIES.map((b) => w + b));

/** A string's shape: each run of letters written `a`, each run of digits `9`, anything else as it is. */
function shapeOf(text: string): string {
  return text.replace(/[A-Za-z]+/g, 'a').replace(/[0-9]+/g, '9');
}

/**
 * DATE_STYLES by the shape of what they write, each list in DATE_STYLES' order. The shape does not depend on
 * the day written as long as the year is a whole number ≥ 0, the month 1–12 and the day a whole number ≥ 0
 * (a name is letters, a number digits), so it is worked out on one day.
 */
let stylesByShape: Map<string, string[]> | null = null;

function stylesShaped(shape: string): readonly string[] {
  if (stylesByShape === null) {
    stylesByShape = new Map();
    for (const p of DATE_STYLES) {
      const key = shapeOf(formatDate(p, 2000, 1, 1));
      const list = stylesByShape.get(key);
      if (list) list.push(p);
      else stylesByShape.set(key, [p]);
    }
  }
  return stylesByShape.get(shape) ?? [];
}

const wholeFrom = (n: number, min: number): boolean => Number.isInteger(n) && n >= min;

/**
 * The common pattern that writes this day exactly as `text`, or null (a wrong weekday, a wrong
 * ordinal, an unpadded ISO date, an unusual shape: those are other rules' business).
 */
export function styleOf(text: string, year: number, month: number, day: number): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDate(ISO_PATTERN, year, month, day) === text ? ISO_PATTERN : null;
  // Only a pattern that writes strings of this shape can write this one: a few patterns are tried instead
  // of all 95 (a page of `March 7, 2024` dates spent more time here than in the rest of date-format).
  const usual = wholeFrom(year, 0) && wholeFrom(month, 1) && month <= 12 && wholeFrom(day, 0);
  for (const p of usual ? stylesShaped(shapeOf(text)) : DATE_STYLES) if (formatDate(p, year, month, day) === text) return p;
  return null;
}

/** The pattern a page writes most of its dates in: more than half of those with a style, at least two; else null. */
export function predominantStyle(styles: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const s of styles) counts.set(s, (counts.get(s) ?? 0) + 1);
  for (const [s, n] of counts) if (n >= 2 && n * 2 > styles.length) return s;
  return null;
}
