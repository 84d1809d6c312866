/**
 * Which label of a zone with daylight time is in effect on a day: `PST` or `PDT` (US rules since 2007:
 * second Sunday of March to first Sunday of November), `CET` or `CEST` (EU: last Sunday of March to last
 * Sunday of October), `AEST` or `AEDT` (first Sunday of October to first Sunday of April). By the day:
 * the change days themselves are not judged.
 */
import { dayNumber, daysInMonth, weekdayOf } from '../../../../shared/calendar';

type Rules = 'us' | 'eu' | 'au';

const ZONES: Readonly<Record<string, { standard: string; daylight: string; rules: Rules }>> = {};
for (const [standard, daylight, rules] of [
  ['PST', 'PDT', 'us'],
  ['MST', 'MDT', 'us'],
  ['CST', 'CDT', 'us'],
  ['EST', 'EDT', 'us'],
  ['CET', 'CEST', 'eu'],
  ['AEST', 'AEDT', 'au'],
] as const) {
  const zone = { standard, daylight, rules };
  Object.assign(ZONES, { [standard]: zone, [daylight]: zone });
}

/** The day number of the n-th Sunday of a month (n = -1: the last). */
function sunday(y: number, m: number, n: number): number {
  if (n < 0) {
    const last = daysInMonth(y, m);
    return dayNumber(y, m, last - weekdayOf(y, m, last));
  }
  const first = 1 + ((7 - weekdayOf(y, m, 1)) % 7);
  return dayNumber(y, m, first + 7 * (n - 1));
}

/** Daylight time's first and last whole days in year `y` (for the southern rules: the days outside it). */
function span(rules: Rules, y: number): [number, number] {
  if (rules === 'us') return [sunday(y, 3, 2), sunday(y, 11, 1)];
  if (rules === 'eu') return [sunday(y, 3, -1), sunday(y, 10, -1)];
  return [sunday(y, 4, 1), sunday(y, 10, 1)];
}

/** The label in effect on a day for a zone written `label`, or null (an unknown zone, a change day, US dates before 2007). */
export function zoneLabelOn(label: string, y: number, m: number, d: number): string | null {
  const zone = ZONES[label] as (typeof ZONES)[string] | undefined;
  if (!zone || (zone.rules === 'us' && y < 2007)) return null;
  const day = dayNumber(y, m, d);
  const [from, to] = span(zone.rules, y);
  if (day === from || day === to) return null;
  const inside = day > from && day < to;
  // Southern hemisphere: daylight time is outside the April-October span.
  const daylight = zone.rules === 'au' ? !inside : inside;
  return daylight ? zone.daylight : zone.standard;
}
