/**
 * Matching the features of two versions of one page: by link target, then by normalised name (case,
 * punctuation and spacing ignored), then by name similarity for slight renames ("Redesing" →
 * "Redesign"). Rows may move anywhere; duplicates pair up in page order.
 */
import type { FeatureStatus } from '../../../../shared/status/model';
import type { FeatureMatch } from '../../../../shared/status/changes';

export interface FeaturePair {
  base: number;
  head: number;
  match: FeatureMatch;
}

/** Names at least this similar (Dice coefficient of letter pairs) are the same feature renamed. */
export const SIMILAR = 0.75;
/** Above this many candidate pairs the similarity pass is skipped (a rewritten table is not a rename). */
const MAX_SIMILARITY_PAIRS = 250_000;

/** A name without case, markup punctuation or repeated spaces: `RAM  Snapshots!` → `ram snapshots`. */
export function normalisedName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A link target without case and trailing slashes. */
export function normalisedLink(link: string): string {
  return link.trim().toLowerCase().replace(/\/+$/, '');
}

function bigrams(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const s = text.replace(/ /g, '');
  for (let i = 0; i + 1 < s.length; i++) {
    const g = s.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Dice coefficient of two names' letter pairs: 1 for the same letters in the same order, 0 for nothing shared. */
export function similarity(a: string, b: string): number {
  return diceOf(bigrams(normalisedName(a)), bigrams(normalisedName(b)));
}

function diceOf(x: Map<string, number>, y: Map<string, number>): number {
  let total = 0;
  for (const n of x.values()) total += n;
  for (const n of y.values()) total += n;
  if (total === 0) return 0;
  let common = 0;
  for (const [g, n] of x) common += Math.min(n, y.get(g) ?? 0);
  return (2 * common) / total;
}

/** Pairs each head feature with at most one base feature by `key`, in page order; returns the pairs made. */
function pairByKey(
  base: readonly FeatureStatus[],
  head: readonly FeatureStatus[],
  key: (f: FeatureStatus) => string | null,
  match: FeatureMatch,
  used: { base: Set<number>; head: Set<number> },
): FeaturePair[] {
  const queues = new Map<string, number[]>();
  base.forEach((f, i) => {
    const k = used.base.has(i) ? null : key(f);
    if (k === null || k === '') return;
    const q = queues.get(k);
    if (q) q.push(i);
    else queues.set(k, [i]);
  });
  const out: FeaturePair[] = [];
  head.forEach((f, i) => {
    if (used.head.has(i)) return;
    const k = key(f);
    const b = k ? queues.get(k)?.shift() : undefined;
    if (b === undefined) return;
    used.base.add(b);
    used.head.add(i);
    out.push({ base: b, head: i, match });
  });
  return out;
}

function pairBySimilarity(
  base: readonly FeatureStatus[],
  head: readonly FeatureStatus[],
  used: { base: Set<number>; head: Set<number> },
): FeaturePair[] {
  const bs = base.map((_, i) => i).filter((i) => !used.base.has(i));
  const hs = head.map((_, i) => i).filter((i) => !used.head.has(i));
  if (!bs.length || !hs.length || bs.length * hs.length > MAX_SIMILARITY_PAIRS) return [];
  const grams = new Map<string, Map<string, number>>();
  const gramsOf = (name: string): Map<string, number> => {
    let g = grams.get(name);
    if (!g) grams.set(name, (g = bigrams(normalisedName(name))));
    return g;
  };
  const candidates: Array<{ b: number; h: number; score: number }> = [];
  for (const h of hs)
    for (const b of bs) {
      const score = diceOf(gramsOf(base[b].name), gramsOf(head[h].name));
      if (score >= SIMILAR) candidates.push({ b, h, score });
    }
  candidates.sort((x, y) => y.score - x.score || x.h - y.h || x.b - y.b);
  const out: FeaturePair[] = [];
  for (const c of candidates) {
    if (used.base.has(c.b) || used.head.has(c.h)) continue;
    used.base.add(c.b);
    used.head.add(c.h);
    out.push({ base: c.b, head: c.h, match: 'similar' });
  }
  return out;
}

/** The features of `head` found in `base`, each at most once. */
export function matchFeatures(base: readonly FeatureStatus[], head: readonly FeatureStatus[]): FeaturePair[] {
  const used = { base: new Set<number>(), head: new Set<number>() };
  // A link two rows share on either side (a generic "Features" page) identifies neither.
  const linkCount = new Map<string, number>();
  for (const f of [...base, ...head]) if (f.link) linkCount.set(normalisedLink(f.link), (linkCount.get(normalisedLink(f.link)) ?? 0) + 1);
  const uniqueLink = (f: FeatureStatus): string | null => {
    const k = f.link ? normalisedLink(f.link) : null;
    return k !== null && (linkCount.get(k) ?? 0) <= 2 ? k : null;
  };
  return [
    ...pairByKey(base, head, uniqueLink, 'link', used),
    ...pairByKey(base, head, (f) => normalisedName(f.name), 'name', used),
    ...pairBySimilarity(base, head, used),
  ].sort((x, y) => x.head - y.head);
}
