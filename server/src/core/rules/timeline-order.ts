import { dayNumber, toIso } from '../dates';
import type { Milestone, MilestoneKind, Timeline } from '../model/page-model';
import { dayOf } from '../model/page-dates';
import { isFeatureFreeze } from '../model/milestones';
import type { Rule, RuleContext } from './rule';

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

/** The planned dates of a timeline's milestones (an actual date is a slip, never an order problem). */
function datedMilestones(ctx: RuleContext, tl: Timeline): Dated[] {
  const dated: Dated[] = [];
  for (const m of tl.milestones) {
    const ymd = m.date && !m.cancelled ? dayOf(ctx.page, m.date.token) : null;
    if (ymd) dated.push({ m, day: dayNumber(ymd.year, ymd.month, ymd.day), ymd });
  }
  return dated;
}

/**
 * Whether a milestone takes its rank from the configured order. A freeze does when it is a feature
 * freeze (oVirt's alpha → feature freeze → beta); other freezes (code, test, docs, enhancements) fall
 * between alpha builds on many schedules and are only checked against the release.
 */
function isRanked(d: Dated, order: readonly MilestoneKind[]): boolean {
  return order.includes(d.m.kind) && (d.m.kind !== 'freeze' || isFeatureFreeze(d.m.label));
}

/** Why a milestone of the phases around the release (start, freezes, test days, maintenance, EOL) is out of place, or null. */
function phaseProblem(d: Dated, dated: readonly Dated[], ga: Dated | undefined): string | null {
  const k = d.m.kind;
  if (k === 'start') {
    const before = dated
      .filter((o) => o.m.kind !== 'start' && o.m.kind !== 'other' && o.day < d.day)
      .sort((a, b) => a.day - b.day)
      .at(0);
    return before ? `"${before.m.label}" (${iso(before)}) comes before the start` : null;
  }
  if ((k === 'test-day' || k === 'freeze') && ga && ga.day < d.day) return `general availability is ${iso(ga)}`;
  if ((k === 'maintenance' || k === 'eol') && ga && ga.day > d.day) return `the release ("${ga.m.label}") is ${iso(ga)}`;
  if (k === 'eol') {
    const maintenance = dated.find((o) => o.m.kind === 'maintenance' && o.day > d.day);
    if (maintenance) return `"${maintenance.m.label}" (${iso(maintenance)}) comes before the end of life`;
  }
  return null;
}

export const rule: Rule = {
  meta: {
    id: 'timeline-order',
    description:
      'Milestones out of order (start first, alpha ≤ feature freeze ≤ beta ≤ RC ≤ GA, freezes and test days before GA, maintenance and EOL after it, numbered milestones in order), per release.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  check(ctx) {
    const order: readonly MilestoneKind[] = ctx.config.milestoneOrder;
    for (const tl of ctx.page.timelines) {
      const dated = datedMilestones(ctx, tl);
      const ranked = dated.filter((d) => isRanked(d, order));
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
        else if (!isRanked(d, order)) why = phaseProblem(d, dated, ga);
        if (!why || !d.m.date) continue;
        const where = tl.release ? ` in the ${tl.release} timeline` : '';
        ctx.report({ range: d.m.date.range, message: `"${d.m.label}" on ${iso(d)} is out of order${where}: ${why}.` });
      }
    }
  },
};
