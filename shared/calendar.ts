/**
 * Calendar arithmetic on plain integers (proleptic Gregorian calendar). No `Date` objects, so no
 * time-zone or DST pitfalls: day numbers count days since 1970-01-01.
 */
/** A calendar date (proleptic Gregorian). */
export interface YMD {
  year: number;
  month: number;
  day: number;
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in month `m` (1-12) of year `y`; 0 for a month that does not exist. */
export function daysInMonth(y: number, m: number): number {
  if (!Number.isInteger(m) || m < 1 || m > 12) return 0;
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && Number.isInteger(d) && d >= 1 && d <= daysInMonth(y, m);
}

/** Days since 1970-01-01 (negative before). Valid for any integer year. */
export function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar date of a day number (inverse of {@link dayNumber}). */
export function fromDayNumber(n: number): YMD {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: era * 400 + yoe + (month <= 2 ? 1 : 0), month, day };
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function weekdayOf(y: number, m: number, d: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber(y, m, d) + 4) % 7) + 7) % 7;
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

/** `YYYY-MM-DD`. */
export function toIso(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** Parses exactly `YYYY-MM-DD` (no surrounding text) into a date that exists; null otherwise. */
export function parseIsoDate(s: string): YMD | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isValidDate(year, month, day) ? { year, month, day } : null;
}

/** English month name for 1-12: `monthName(6)` → 'June', `monthName(6, 'short')` → 'Jun'. */
export function monthName(m: number, style: 'long' | 'short' = 'long'): string {
  const name = MONTH_NAMES[m - 1] as string | undefined; // m may be out of 1-12
  if (name === undefined) return String(m);
  return style === 'short' ? name.slice(0, 3) : name;
}

/** English weekday name for 0 (Sunday) - 6: `weekdayName(5)` → 'Friday', `weekdayName(5, 'short')` → 'Fri'. */
export function weekdayName(day: number, style: 'long' | 'short' = 'long'): string {
  const name = WEEKDAY_NAMES[day] as string | undefined; // day may be out of 0-6
  if (name === undefined) return String(day);
  return style === 'short' ? name.slice(0, 3) : name;
}

/** Month number of an English month word (full, 3-letter or `Sept`, any case); null if not one. */
export function monthFromName(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return null;
  const i = MONTH_NAMES.findIndex((n) => {
    const l = n.toLowerCase();
    return l === w || l.slice(0, 3) === w || (l === 'september' && w === 'sept');
  });
  return i < 0 ? null : i + 1;
}

/** Weekday (0 = Sunday) of an English weekday word: full, `Mon`, `Tue`/`Tues`, `Thu`/`Thur`/`Thurs`, any case. */
export function weekdayFromName(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return null;
  const i = WEEKDAY_NAMES.findIndex((n) => {
    const l = n.toLowerCase();
    return l === w || l.slice(0, 3) === w || (l === 'tuesday' && w === 'tues') || (l === 'thursday' && (w === 'thur' || w === 'thurs'));
  });
  return i < 0 ? null : i;
}

/**
 * Why year/month/day cannot be a date, in plain words, or null when it can. A null year stands for
 * "some year" (February 29 is then possible).
 */
export function invalidDateReason(y: number | null, m: number, d: number): string | null {
  if (m < 1 || m > 12) return `there is no month ${m}`;
  if (d < 1) return `there is no day ${d}`;
  if (d > 31) return `no month has ${d} days`;
  const dim = daysInMonth(y ?? 2000, m);
  if (d <= dim) return null;
  if (m === 2 && y !== null) {
    return d === 29 ? `February ${y} has only 28 days (${y} is not a leap year)` : `February ${y} has only ${dim} days`;
  }
  return `${monthName(m)} has only ${dim} days`;
}

/** The day number of an ISO `YYYY-MM-DD` string (no validation: the caller holds a valid one). */
export function isoDay(iso: string): number {
  return dayNumber(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}
