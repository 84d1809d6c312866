/** The instant a zoned date-time names, in minutes since 1970-01-01 00:00 UTC, and how to write it. */
import { dayNumber, fromDayNumber, toIso } from '../../../../shared/calendar';
import type { DateToken } from './date-token';

/** Minutes since 1970-01-01 00:00 UTC of a token with a day, a time and a known zone; else null. */
export function utcInstant(t: DateToken): number | null {
  if (t.kind !== 'date' || t.year === null || t.month === 0 || t.precision || t.minutes === undefined || !t.zone) return null;
  return dayNumber(t.year, t.month, t.day) * 1440 + t.minutes - t.zone.offsetMinutes;
}

/** `2024-02-09 02:00 UTC` */
export function formatUtc(minutes: number): string {
  const day = Math.floor(minutes / 1440);
  const rest = minutes - day * 1440;
  const d = fromDayNumber(day);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${toIso(d.year, d.month, d.day)} ${p(Math.floor(rest / 60))}:${p(rest % 60)} UTC`;
}
