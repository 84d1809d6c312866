/**
 * Judging a Status or Priority value against the vocabulary the page itself uses (model/learned.ts), for
 * pages that declare none: no legend for the column, no configured list, no rule option. A value the page
 * uses consistently (more than once) is accepted. A value used once is unknown as before when the column
 * mostly uses the known vocabulary (an oVirt page without its legend); otherwise only a clear slip is
 * reported: a case variant of a spelling used more, a near-duplicate (edit distance) of a value used more
 * than once or of a known value, or a value used once in a long column of a small set. Shared by
 * status-unknown and priority-unknown.
 */
import { DEFAULT_CONFIG, type ResolvedConfig } from '../config/merge';
import { matchLeading } from '../model/inline';
import { LEARNED_LONG_COLUMN, LEARNED_SMALL_SET, valueKey } from '../model/learned';
import type { CellRef, LearnedValue, LogicalRow, PageModel } from '../model/page-model';
import { knownList } from './feature-cells';
import type { RuleContext } from './rule';

export type LearnedColumn = 'status' | 'priority';

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Whether the page or the configuration declares the column's vocabulary (then nothing is learned). */
export function declares(ctx: RuleContext, column: LearnedColumn): boolean {
  const legend = column === 'status' ? ctx.page.legend?.statuses : ctx.page.legend?.priorities;
  if (legend && legend.length > 0) return true;
  if (Array.isArray(column === 'status' ? ctx.options.statuses : ctx.options.priorities)) return true;
  return column === 'status'
    ? !sameList(ctx.config.statuses, DEFAULT_CONFIG.statuses)
    : !sameList(ctx.config.priorities, DEFAULT_CONFIG.priorities);
}

/** Edit distance with transpositions (optimal string alignment), lower-cased; stops early past `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  if (Math.abs(s.length - t.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[t.length];
}

/** What the page's own usage says of a value the declared vocabulary does not know. */
export type LearnedJudgement = { kind: 'accepted' } | { kind: 'unknown' } | { kind: 'slip'; message: string };

const ACCEPTED: LearnedJudgement = { kind: 'accepted' };
const UNKNOWN: LearnedJudgement = { kind: 'unknown' };

const MOSTLY_KNOWN = new WeakMap<readonly LearnedValue[], WeakMap<readonly string[], boolean>>();

/** Whether at least half the column's values start with a known value (the page follows the known vocabulary). */
export function mostlyKnown(learned: readonly LearnedValue[], known: readonly string[]): boolean {
  let byKnown = MOSTLY_KNOWN.get(learned);
  if (!byKnown) MOSTLY_KNOWN.set(learned, (byKnown = new WeakMap()));
  let hit = byKnown.get(known);
  if (hit === undefined) {
    let total = 0;
    let ok = 0;
    for (const v of learned) {
      total += v.count;
      if (matchLeading(v.value, known)) ok += v.count;
    }
    byKnown.set(known, (hit = ok * 2 >= total));
  }
  return hit;
}

/** A value unknown to the declared vocabulary, judged by the page's own usage. */
export function judgeLearned(
  cell: CellRef,
  column: LearnedColumn,
  learned: readonly LearnedValue[],
  known: readonly string[],
): LearnedJudgement {
  const key = valueKey.get(cell.text);
  if (key === '') return UNKNOWN;
  const what = column === 'status' ? 'Status' : 'Priority';
  const own = learned.find((v) => v.value === key);
  const count = own?.count ?? 0;
  const lower = key.toLowerCase();
  const variant = learned.find((v) => v.value !== key && v.value.toLowerCase() === lower && v.count > count);
  if (variant) return { kind: 'slip', message: `${what} "${key}" is written "${variant.value}" elsewhere on this page.` };
  if (count >= 2) return ACCEPTED;
  if (mostlyKnown(learned, known)) return UNKNOWN;
  const limit = key.length >= 5 ? 2 : 1;
  const used = learned.filter((v) => v.count >= 2);
  const near = [...known, ...used.map((v) => v.value)].find((v) => v.toLowerCase() !== lower && editDistance(v, key, limit) <= limit);
  if (near !== undefined) return { kind: 'slip', message: `${what} "${key}" looks like a typo of "${near}", which this page uses.` };
  const total = learned.reduce((n, v) => n + v.count, 0);
  if (total >= LEARNED_LONG_COLUMN && used.length > 0 && used.length <= LEARNED_SMALL_SET) {
    const set = knownList(used.map((v) => v.value));
    return {
      kind: 'slip',
      message: `${what} "${key}" is used once; this page's ${column === 'status' ? 'statuses' : 'priorities'} are ${set}.`,
    };
  }
  return ACCEPTED;
}

/** The learned values legend-mismatch reports on their first row: those the configuration knows and the legend lacks. */
function reportedFirsts(vs: readonly LearnedValue[], known: readonly string[], own: readonly string[]): LearnedValue[] {
  return vs.filter((v) => matchLeading(v.value, known) && !matchLeading(v.value, own));
}

/**
 * The rows whose findings depend on where they are in the page (learnedContext's positions): the first
 * rows of the values legend-mismatch reports once. A sort that moves them is checked without the positions
 * in its context key, these rows (before and after) by the rules (incremental/moved-rows.ts).
 */
export function learnedFirstRows(page: PageModel, config: ResolvedConfig): LogicalRow[] {
  const legend = page.legend;
  if (!legend) return [];
  // legend-mismatch picks the first row among a value's spellings in any case: all of theirs.
  const rows = (vs: readonly LearnedValue[], known: readonly string[], own: readonly string[]): LogicalRow[] => {
    const reported = new Set(reportedFirsts(vs, known, own).map((v) => v.value.toLowerCase()));
    return vs.filter((v) => reported.has(v.value.toLowerCase())).map((v) => v.first);
  };
  return [
    ...rows(page.learned.statuses, config.statuses, legend.statuses),
    ...rows(page.learned.priorities, config.priorities, legend.priorities),
  ];
}

/**
 * What the learned vocabularies tell the rules, for the engine's cache of findings per slice of a big
 * table: which values a column uses once and which more often, whether the column is long and mostly known;
 * on a page with a legend, where the values the legend lacks are first used.
 * Counts past two do not change a finding (but for values written in two cases), so typing in a big table
 * rarely invalidates its cached slices.
 */
export function learnedContext(page: PageModel, config: ResolvedConfig, positions = true): unknown {
  const legend = page.legend;
  if (legend) {
    // legend-mismatch reports a value on its first row only: where that is, for the values it reports
    // (without `positions`: which values, for a check that looks at those rows itself, learnedFirstRows).
    const firsts = (vs: readonly LearnedValue[], known: readonly string[], own: readonly string[]): unknown =>
      reportedFirsts(vs, known, own).map((v) => (positions ? [v.value, v.at] : v.value));
    return [
      firsts(page.learned.statuses, config.statuses, legend.statuses),
      firsts(page.learned.priorities, config.priorities, legend.priorities),
    ];
  }
  const summary = (vs: readonly LearnedValue[], known: readonly string[]): unknown => [
    vs.map((v) => [v.value, vs.some((w) => w !== v && w.value.toLowerCase() === v.value.toLowerCase()) ? v.count : Math.min(v.count, 2)]),
    Math.min(
      vs.reduce((n, v) => n + v.count, 0),
      LEARNED_LONG_COLUMN,
    ),
    mostlyKnown(vs, known),
  ];
  return [summary(page.learned.statuses, config.statuses), summary(page.learned.priorities, config.priorities)];
}
