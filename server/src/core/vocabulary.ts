/** Status and priority values a page may use, with what each means (the page legend, else the built-in meaning). */
import { DEFAULT_CONFIG, ruleSetting, type ResolvedConfig } from './config/merge';
import type { LearnedValue, PageModel } from './model/page-model';

export interface ValueInfo {
  value: string;
  meaning: string | null;
  /** Where the value comes from: the page's own legend, the configuration or the built-in defaults, or the page's usage (learned). */
  source: 'legend' | 'config' | 'page';
  /** Where the meaning comes from (`page`: the page's usage, for a learned value). */
  meaningSource: 'legend' | 'default' | 'page' | null;
}

const DEFAULT_MEANINGS: Readonly<Partial<Record<string, string>>> = {
  green: 'Feature is in the code base and ready for testing.',
  orange: 'Feature is in the code base but not completed yet.',
  red: "Feature isn't in the code base yet.",
  must: 'Feature absence will delay the release.',
  should: "Feature absence won't delay the release.",
  optional: 'Nice to have: the release does not wait for it.',
  complete: 'The milestone is reached.',
  completed: 'The milestone is reached.',
  done: 'The milestone is reached.',
  'in progress': 'Work on the milestone has started.',
  started: 'Work on the milestone has started.',
  'not started': 'Work on the milestone has not started yet.',
  blocked: 'The milestone cannot progress until something else is resolved.',
  planned: 'The milestone is planned.',
  cancelled: 'The milestone was dropped.',
};

const LEGEND_ITEM = /^\s*[*+-]\s+([A-Za-z][A-Za-z ]*?)(?:\s+[-–]+|\s*:)\s+(.*?)\s*$/;

const memo = new WeakMap<PageModel, Map<string, string>>();

/** Meanings the page's legend gives its values (lower-case value → text), e.g. `Must - feature absence will delay the release`. */
export function legendMeanings(page: PageModel): Map<string, string> {
  const hit = memo.get(page);
  if (hit) return hit;
  const out = new Map<string, string>();
  const legend = page.legend;
  if (legend) {
    const top = page.headings.find((h) => h.line === legend.line);
    const end = page.headings.find((h) => h.line > legend.line && top !== undefined && h.level <= top.level)?.line ?? page.lines.length;
    for (let l = legend.line + 1; l < end; l++) {
      const m = LEGEND_ITEM.exec(page.lines[l].text);
      if (m && m[2]) out.set(m[1].trim().toLowerCase(), m[2].replace(/\s+/g, ' '));
    }
  }
  memo.set(page, out);
  return out;
}

function strings(v: unknown): string[] | null {
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : null;
}

function values(page: PageModel, own: readonly string[], legend: readonly string[], learned: readonly LearnedValue[] = []): ValueInfo[] {
  const meanings = legendMeanings(page);
  const out: ValueInfo[] = [];
  // A set of the values seen (lower case): a configuration may list thousands of statuses.
  const seen = new Set<string>();
  const add = (value: string, source: ValueInfo['source']): void => {
    const key = value.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    const fromLegend = meanings.get(key);
    const fallback = DEFAULT_MEANINGS[key];
    out.push({
      value,
      source,
      meaning: fromLegend ?? fallback ?? null,
      meaningSource: fromLegend ? 'legend' : fallback ? 'default' : null,
    });
  };
  for (const v of own) add(v, 'config');
  for (const v of legend) add(v, 'legend');
  for (const v of learned) {
    const key = v.value.toLowerCase();
    if (v.count < 2 || seen.has(key)) continue;
    seen.add(key);
    out.push({ value: v.value, source: 'page', meaning: `Used in ${v.count} rows of this page.`, meaningSource: 'page' });
  }
  return out;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * The values learned from the page (used twice or more) when nothing declares the column's vocabulary: no
 * legend for it, the default list, no rule option (as rules/learned-values.ts decides).
 */
function learnedOf(
  learned: readonly LearnedValue[],
  legend: readonly string[],
  own: readonly string[],
  defaults: readonly string[],
  option: boolean,
): readonly LearnedValue[] {
  return legend.length === 0 && !option && sameList(own, defaults) ? learned : [];
}

/** The status values of feature tables (the same vocabulary the status rules use). */
export function statusValues(page: PageModel, config: ResolvedConfig): ValueInfo[] {
  const option = strings(ruleSetting(config.rules, 'status-unknown')?.options.statuses);
  const own = option ?? config.statuses;
  const legend = page.legend?.statuses ?? [];
  return values(page, own, legend, learnedOf(page.learned.statuses, legend, own, DEFAULT_CONFIG.statuses, option !== null));
}

export function priorityValues(page: PageModel, config: ResolvedConfig): ValueInfo[] {
  const option = strings(ruleSetting(config.rules, 'priority-unknown')?.options.priorities);
  const own = option ?? config.priorities;
  const legend = page.legend?.priorities ?? [];
  return values(page, own, legend, learnedOf(page.learned.priorities, legend, own, DEFAULT_CONFIG.priorities, option !== null));
}

/** Status values of milestone plans (`Status: Complete`). */
export function planStatusValues(page: PageModel, config: ResolvedConfig): ValueInfo[] {
  return values(page, config.planStatuses, []);
}

/** The status and priority values feature rows are read against (by the status model and the code lens alike). */
export function featureVocabulary(page: PageModel, config: ResolvedConfig): { statuses: string[]; priorities: string[] } {
  return { statuses: statusValues(page, config).map((v) => v.value), priorities: priorityValues(page, config).map((v) => v.value) };
}
