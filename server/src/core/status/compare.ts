/**
 * Compares two status models of one page (a base revision and a newer one): which features changed
 * status (worse or better), priority, target date or owner, which were added or removed, which
 * milestones moved, which criteria came or went, and a one-line summary. Pure: models in, data out.
 * Features are matched by link, then by normalised name, then by name similarity (a slight rename),
 * so rows that moved or were renamed slightly are still the same feature.
 */
import { isoDay } from '../../../../shared/calendar';
import {
  statusDirection,
  type ChangesSide,
  type CriterionRef,
  type FeatureChange,
  type FeatureMatch,
  type FeatureRef,
  type MilestoneChange,
  type MilestoneRef,
  type PageChanges,
} from '../../../../shared/status/changes';
import { changesSummary } from '../../../../shared/status/changes-summary';
import type { CriterionStatus, FeatureStatus, MilestoneStatus, PageStatus, StatusDate } from '../../../../shared/status/model';
import { matchFeatures, normalisedName, SIMILAR, similarity } from './match';

const UNNAMED: ChangesSide = { label: '', commit: null, date: null };

/** Days from one date to the other (positive: later); null unless both name a day. */
export function daysBetween(from: StatusDate | null, to: StatusDate | null): number | null {
  if (!from?.iso || !to?.iso) return null;
  return isoDay(to.iso) - isoDay(from.iso);
}

function sameDate(a: StatusDate | null, b: StatusDate | null): boolean {
  if (a === null || b === null) return a === b;
  return a.iso !== null || b.iso !== null ? a.iso === b.iso : a.text.trim() === b.text.trim();
}

/** Owners compared without case, spacing and parenthesised handles (`Arik Hadas` = `Arik Hadas (ahadas)`). */
function sameOwner(a: string | null, b: string | null): boolean {
  const norm = (s: string | null): string =>
    (s ?? '')
      .replace(/\([^()]*\)/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase();
  return norm(a) === norm(b);
}

function featureChange(base: FeatureStatus, head: FeatureStatus, match: FeatureMatch): FeatureChange | null {
  const status =
    base.colour !== head.colour
      ? {
          from: base.colour,
          to: head.colour,
          fromLabel: base.statusLabel,
          toLabel: head.statusLabel,
          direction: statusDirection(base.colour, head.colour),
        }
      : null;
  const priority =
    (base.priority ?? '').toLowerCase() !== (head.priority ?? '').toLowerCase() ? { from: base.priority, to: head.priority } : null;
  const target = sameDate(base.target, head.target)
    ? null
    : { from: base.target, to: head.target, days: daysBetween(base.target, head.target) };
  const owner = sameOwner(base.owner, head.owner) ? null : { from: base.owner, to: head.owner };
  const renamed = base.name !== head.name;
  if (!status && !priority && !target && !owner && !renamed) return null;
  return {
    name: head.name,
    oldName: renamed ? base.name : null,
    line: head.line,
    oldLine: base.line,
    team: head.team,
    match,
    status,
    priority,
    target,
    owner,
  };
}

function featureRef(f: FeatureStatus): FeatureRef {
  return {
    name: f.name,
    line: f.line,
    team: f.team,
    colour: f.colour,
    statusLabel: f.statusLabel,
    priority: f.priority,
    target: f.target,
  };
}

const GROUP: Record<string, number> = { worse: 0, better: 1, changed: 2 };

/** Worse first, then better, then other changes; page order within each group. */
function order(a: FeatureChange, b: FeatureChange): number {
  const ga = GROUP[a.status?.direction ?? ''] ?? 3;
  const gb = GROUP[b.status?.direction ?? ''] ?? 3;
  return ga - gb || a.line - b.line;
}

/** A milestone's key: its release, kind and ordinal among the milestones of that kind (`other` ones by name). */
function milestoneKeys(list: readonly MilestoneStatus[]): string[] {
  const seen = new Map<string, number>();
  return list.map((m) => {
    const what = m.kind === 'other' ? `other:${normalisedName(m.label)}` : m.kind;
    const base = `${m.release ?? ''}\u0000${what}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return `${base}\u0000${n}`;
  });
}

function milestoneRef(m: MilestoneStatus): MilestoneRef {
  return { label: m.label, kind: m.kind, release: m.release, line: m.line, date: m.date };
}

function compareMilestones(base: readonly MilestoneStatus[], head: readonly MilestoneStatus[]) {
  const baseKeys = milestoneKeys(base);
  const byKey = new Map(baseKeys.map((k, i) => [k, base[i]]));
  const matched = new Set<string>();
  const moved: MilestoneChange[] = [];
  const added: MilestoneRef[] = [];
  milestoneKeys(head).forEach((key, i) => {
    const h = head[i];
    const b = byKey.get(key);
    if (!b) {
      added.push(milestoneRef(h));
      return;
    }
    matched.add(key);
    const dateChanged = !sameDate(b.date, h.date);
    if (!dateChanged && b.cancelled === h.cancelled) return;
    moved.push({
      label: h.label,
      oldLabel: normalisedName(b.label) === normalisedName(h.label) ? null : b.label,
      kind: h.kind,
      release: h.release,
      line: h.line,
      oldLine: b.line,
      date: { from: b.date, to: h.date },
      days: dateChanged ? daysBetween(b.date, h.date) : 0,
      cancelled: b.cancelled === h.cancelled ? null : { from: b.cancelled, to: h.cancelled },
    });
  });
  const removed = base.filter((_, i) => !matched.has(baseKeys[i])).map(milestoneRef);
  return { moved, added, removed };
}

function criterionKey(c: CriterionStatus): string {
  return `${c.keyword.toUpperCase()}\u0000${normalisedName(c.text)}`;
}

function compareCriteria(base: readonly CriterionStatus[], head: readonly CriterionStatus[]) {
  const count = (list: readonly CriterionStatus[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const c of list) m.set(criterionKey(c), (m.get(criterionKey(c)) ?? 0) + 1);
    return m;
  };
  const onlyIn = (list: readonly CriterionStatus[], other: Map<string, number>): CriterionRef[] => {
    const left = new Map(other);
    const out: CriterionRef[] = [];
    for (const c of list) {
      const k = criterionKey(c);
      const n = left.get(k) ?? 0;
      if (n > 0) left.set(k, n - 1);
      else out.push({ line: c.line, keyword: c.keyword, text: c.text });
    }
    return out;
  };
  const added = onlyIn(head, count(base));
  const removed = onlyIn(base, count(head));
  // A criterion reworded slightly (a link's markup fixed) is the same criterion: neither added nor removed.
  const reworded = new Set<CriterionRef>();
  for (const a of added) {
    const r = removed.find((x) => !reworded.has(x) && x.keyword === a.keyword && similarity(x.text, a.text) >= SIMILAR);
    if (r) reworded.add(r).add(a);
  }
  return { added: added.filter((x) => !reworded.has(x)), removed: removed.filter((x) => !reworded.has(x)) };
}

export interface CompareSides {
  base?: ChangesSide;
  head?: ChangesSide;
}

/** What changed from `base` to `head` (two status models of the same page). */
export function compareStatus(base: PageStatus, head: PageStatus, sides: CompareSides = {}): PageChanges {
  const pairs = matchFeatures(base.features, head.features);
  const matchedBase = new Set<number>();
  const matchedHead = new Set<number>();
  const features: FeatureChange[] = [];
  for (const { base: b, head: h, match } of pairs) {
    matchedBase.add(b);
    matchedHead.add(h);
    const change = featureChange(base.features[b], head.features[h], match);
    if (change) features.push(change);
  }
  features.sort(order);
  const added = head.features.filter((_, i) => !matchedHead.has(i)).map(featureRef);
  const removed = base.features.filter((_, i) => !matchedBase.has(i)).map(featureRef);
  const ms = compareMilestones(base.milestones, head.milestones);
  const criteria = compareCriteria(base.criteria, head.criteria);
  const gaFrom = base.ga?.date ?? null;
  const gaTo = head.ga?.date ?? null;
  const ga = sameDate(gaFrom, gaTo) ? null : { from: gaFrom, to: gaTo, days: daysBetween(gaFrom, gaTo) };
  const dir = (d: string): number => features.filter((f) => f.status?.direction === d).length;
  const partial: Omit<PageChanges, 'summary'> = {
    schema: 1,
    base: sides.base ?? UNNAMED,
    head: sides.head ?? UNNAMED,
    counts: {
      worse: dir('worse'),
      better: dir('better'),
      statusChanged: dir('changed'),
      slipped: features.filter((f) => (f.target?.days ?? 0) > 0).length,
      pulledIn: features.filter((f) => (f.target?.days ?? 0) < 0).length,
      priority: features.filter((f) => f.priority).length,
      owner: features.filter((f) => f.owner).length,
      added: added.length,
      removed: removed.length,
      milestonesMoved: ms.moved.length,
    },
    ga,
    features,
    added,
    removed,
    milestones: ms.moved,
    milestonesAdded: ms.added,
    milestonesRemoved: ms.removed,
    criteriaAdded: criteria.added,
    criteriaRemoved: criteria.removed,
  };
  return { ...partial, summary: changesSummary(partial) };
}
