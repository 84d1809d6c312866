import { formatUtc, monthName, utcInstant, ZONE_OFFSETS, zoneLabelOn, type DateToken, type YMD } from '../dates';
import type { DateZone } from '../dates/date-token';
import { dayOf } from '../model/page-dates';
import type { Rule } from './rule';

/** Minutes after midnight UTC of a time of day in a zone (0-1439). */
function utcTimeOfDay(minutes: number, zone: DateZone): number {
  return (((minutes - zone.offsetMinutes) % 1440) + 1440) % 1440;
}

function hhmm(minutes: number): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${p(Math.floor(minutes / 60))}:${p(minutes % 60)}`;
}

/**
 * "; PDT is not in effect on 8 November 2022 (PST is), and with PST the two agree": when the zone label
 * written is the wrong one for the day and the right one makes the other half equal `target` (minutes
 * UTC; `mod` 1440 compares times of day only).
 */
function labelHint(target: number, other: number, zone: DateZone, mod: number | null, day: YMD | null): string {
  const right = day ? zoneLabelOn(zone.text, day.year, day.month, day.day) : null;
  const offset = right === null ? undefined : (ZONE_OFFSETS[right] as number | undefined);
  if (!day || right === null || right === zone.text || offset === undefined) return '';
  const shifted = other + zone.offsetMinutes - offset;
  const same = mod === null ? shifted === target : (((shifted - target) % mod) + mod) % mod === 0;
  const when = `${day.day} ${monthName(day.month)} ${day.year}`;
  return same ? `; ${zone.text} is not in effect on ${when} (${right} is), and with ${right} the two agree` : '';
}

/** A time-only half before a dated one (`17:00 UTC / 09:00 PDT Tuesday 13th December`): the same time of day in UTC, or a message. */
function timeOnlyMismatch(t: DateToken, day: YMD | null): string | null {
  const before = t.timeBefore;
  if (!before || t.minutes === undefined || !t.zone) return null;
  const a = utcTimeOfDay(before.minutes, before.zone);
  const b = utcTimeOfDay(t.minutes, t.zone);
  if (a === b) return null;
  const apart = Math.min(Math.abs(a - b), 1440 - Math.abs(a - b)) / 60;
  const written = t.time ?? `${hhmm(t.minutes)} ${t.zone.text}`;
  return (
    `"${before.text}" and "${written}" are not the same time: ${written} is ${hhmm(b)} UTC, ${hhmm(a)} UTC is ` +
    `${hhmm((((a + t.zone.offsetMinutes) % 1440) + 1440) % 1440)} ${t.zone.text} (${apart} hour${apart === 1 ? '' : 's'} apart)` +
    `${labelHint(a, b, t.zone, 1440, day)}.`
  );
}

export const rule: Rule = {
  meta: {
    id: 'date-zone-mismatch',
    description:
      'The two halves of a dual-zone time that are not the same instant (`02:00 UTC Friday 9th February 2024 / 18:00 PDT Thursday 8th February 2024`).',
    defaultSeverity: 'error',
    fixable: false,
  },
  check(ctx) {
    for (const d of ctx.page.dates) {
      const a = d.token;
      const timeOnly = a.timeBefore ? timeOnlyMismatch(a, dayOf(ctx.page, a)) : null;
      if (timeOnly !== null && a.timeBefore) {
        ctx.report({ range: { start: d.posAt(a.timeBefore.start - a.start), end: d.range.end }, message: timeOnly });
      }
      const b = a.zonePair;
      const ia = utcInstant(a);
      const ib = b ? utcInstant(b) : null;
      if (!b || ia === null || ib === null || ia === ib) continue;
      const hours = Math.abs(ia - ib) / 60;
      const hint = b.zone ? labelHint(ia, ib, b.zone, null, dayOf(ctx.page, b)) : '';
      ctx.report({
        range: { start: d.range.start, end: d.posAt(b.end - a.start) },
        message: `"${a.text}" is ${formatUtc(ia)} but "${b.text}" is ${formatUtc(ib)}: ${hours} hour${hours === 1 ? '' : 's'} apart${hint}.`,
      });
    }
  },
};
