import { dayNumber, toIso } from '../dates';
import type { Milestone, MilestoneKind } from '../model/page-model';
import { dayOf } from '../model/page-dates';
import type { Rule } from './rule';

interface Dated {
  m: Milestone;
  day: number;
  ymd: { year: number; month: number; day: number };
}

function iso(d: Dated): string {
  return toIso(d.ymd.year, d.ymd.month, d.ymd.day);
}

/** For each element, the latest-dated element before it in `order` (a running maximum: linear). */
function latestBefore(items: readonly Dated[], key: (d: Dated) => number): Map<Dated, Dated> {
  const sorted = [...items].sort((a, b) => key(a) - key(b));
  const out = new Map<Dated, Dated>();
  let best: Dated | null = null;
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j < sorted.length && key(sorted[j]) === key(sorted[i])) j++;
    for (let k = i; k < j; k++) if (best) out.set(sorted[k], best);
    for (let k = i; k < j; k++) if (!best || sorted[k].day > best.day) best = sorted[k];
    i = j;
  }
  return out;
}

export const rule: Rule = {
  meta: {
    id: 'timeline-order',
    description:
      'Milestones out of order (alpha ≤ feature freeze ≤ beta ≤ RC ≤ GA, test days before GA, numbered milestones in order), per release.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  check(ctx) {
    const order: readonly MilestoneKind[] = ctx.config.milestoneOrder;
    for (const tl of ctx.page.timelines) {
      const dated: Dated[] = [];
      for (const m of tl.milestones) {
        const ymd = m.date && !m.cancelled ? dayOf(ctx.page, m.date.token) : null;
        if (ymd) dated.push({ m, day: dayNumber(ymd.year, ymd.month, ymd.day), ymd });
      }
      const ranked = dated.filter((d) => order.includes(d.m.kind));
      const byRank = latestBefore(ranked, (d) => order.indexOf(d.m.kind));
      const byOrdinal = new Map<Dated, Dated>();
      for (const kind of order) {
        const same = ranked.filter((d) => d.m.kind === kind && d.m.ordinal !== null);
        for (const [k, v] of latestBefore(same, (d) => d.m.ordinal!)) byOrdinal.set(k, v);
      }
      const ga = dated.find((d) => d.m.kind === 'ga');
      for (const d of dated) {
        let why: string | null = null;
        const earlier = byRank.get(d);
        const numbered = byOrdinal.get(d);
        if (earlier && earlier.day > d.day) why = `"${earlier.m.label}" (${iso(earlier)}) comes before it`;
        else if (numbered && numbered.day > d.day) why = `"${numbered.m.label}" (${iso(numbered)}) is numbered before it`;
        else if (d.m.kind === 'test-day' && ga && ga.day < d.day) why = `general availability is ${iso(ga)}`;
        if (!why || !d.m.date) continue;
        const where = tl.release ? ` in the ${tl.release} timeline` : '';
        ctx.report({ range: d.m.date.range, message: `"${d.m.label}" on ${iso(d)} is out of order${where}: ${why}.` });
      }
    }
  },
};
