/** Status and priority values a page may use, with what each means (the page legend, else the built-in meaning). */
import { DEFAULT_CONFIG, ruleSetting, type ResolvedConfig } from './config/merge';
import { valueKey } from './model/learned';
import type { CellRef, LearnedValue, PageModel, TableModel } from './model/page-model';
import { originText, schemaColumn, type SchemaValue, type StatusColour } from './model/schema';

export interface ValueInfo {
  value: string;
  meaning: string | null;
  /**
   * Where the value comes from: the page's own legend, the configuration or the built-in defaults, the
   * page's usage (learned), or a table schema's declared values (`schema`: see `declaredAt`).
   */
  source: 'legend' | 'config' | 'page' | 'schema';
  /** Where the meaning comes from (`page`: the page's usage, for a learned value; `schema`: a declaration). */
  meaningSource: 'legend' | 'default' | 'page' | 'schema' | null;
  /** The colour the value shows (declared, or the built-in colour of Green/Orange/Red); null when none. */
  colour: StatusColour | null;
  /** Its place in the declared order (0 first); null when nothing declares an order. */
  rank: number | null;
  /** For a declared value: where (`.release-pages.yaml:12`, `built-in profile "Status"`); else null. */
  declaredAt: string | null;
}

/** The colours of the built-in status words. */
function defaultColour(value: string): StatusColour | null {
  const l = value.toLowerCase();
  return l === 'green' || l === 'orange' || l === 'red' ? l : null;
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
      colour: defaultColour(value),
      rank: null,
      declaredAt: null,
    });
  };
  for (const v of own) add(v, 'config');
  for (const v of legend) add(v, 'legend');
  for (const v of learned) {
    const key = v.value.toLowerCase();
    if (v.count < 2 || seen.has(key)) continue;
    seen.add(key);
    out.push({
      value: v.value,
      source: 'page',
      meaning: `Used in ${v.count} rows of this page.`,
      meaningSource: 'page',
      colour: defaultColour(v.value),
      rank: null,
      declaredAt: null,
    });
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

/** The status values of feature tables from the configuration's lists, the legend and the page's usage. */
function featureStatusValues(page: PageModel, config: ResolvedConfig): ValueInfo[] {
  const option = strings(ruleSetting(config.rules, 'status-unknown')?.options.statuses);
  const own = option ?? config.statuses;
  const legend = page.legend?.statuses ?? [];
  return values(page, own, legend, learnedOf(page.learned.statuses, legend, own, DEFAULT_CONFIG.statuses, option !== null));
}

function featurePriorityValues(page: PageModel, config: ResolvedConfig): ValueInfo[] {
  const option = strings(ruleSetting(config.rules, 'priority-unknown')?.options.priorities);
  const own = option ?? config.priorities;
  const legend = page.legend?.priorities ?? [];
  return values(page, own, legend, learnedOf(page.learned.priorities, legend, own, DEFAULT_CONFIG.priorities, option !== null));
}

/** Status values of milestone plans (`Status: Complete`). */
export function planStatusValues(page: PageModel, config: ResolvedConfig): ValueInfo[] {
  return values(page, config.planStatuses, []);
}

/** Declared values as value infos: their meaning from the legend, else where they were declared. */
function declaredValues(page: PageModel, values: readonly SchemaValue[], declaredAt: string): ValueInfo[] {
  const meanings = legendMeanings(page);
  return values.map((v) => {
    const fromLegend = meanings.get(v.value.toLowerCase());
    return {
      value: v.value,
      source: 'schema' as const,
      meaning: fromLegend ?? DEFAULT_MEANINGS[v.value.toLowerCase()] ?? null,
      meaningSource: fromLegend ? ('legend' as const) : ('schema' as const),
      colour: v.colour ?? defaultColour(v.value),
      rank: v.rank,
      declaredAt,
    };
  });
}

/** The values a column uses twice or more (the page's own vocabulary for it), most used first. */
function learnedColumn(table: TableModel, column: number): ValueInfo[] {
  const counts = new Map<string, number>();
  for (const row of table.rows) {
    const cell = row.cells[column] as CellRef | undefined; // a short row may lack it
    if (row.malformed || !cell) continue;
    const key = valueKey.get(cell.text);
    if (key !== '') counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .filter(([, n]) => n >= 2)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([value, n]) => ({
      value,
      source: 'page' as const,
      meaning: `Used in ${n} rows of this table.`,
      meaningSource: 'page' as const,
      colour: defaultColour(value),
      rank: null,
      declaredAt: null,
    }));
}

function withoutDuplicates(lists: ReadonlyArray<readonly ValueInfo[]>): ValueInfo[] {
  const seen = new Set<string>();
  const out: ValueInfo[] = [];
  for (const list of lists)
    for (const v of list) {
      const key = v.value.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(v);
    }
  return out;
}

/** Whether a schema column's values were declared by the configuration (a closed vocabulary), not by a built-in profile. */
export function declaredByConfig(table: TableModel, column: number): boolean {
  const c = schemaColumn(table.schema, column);
  return c !== null && c.values !== null && c.origin.kind === 'config';
}

/**
 * The vocabulary of one column of one table: the values its schema declares (configuration, else a built-in
 * profile's), then — for a feature table's Status and Priority columns — the configured lists, the page's
 * legend and what the page's feature tables use; for other columns what the column itself uses twice or more.
 * Everything that lists values (completion, hover, the status dashboard's colours and order) goes through it.
 */
export function columnVocabulary(page: PageModel, config: ResolvedConfig, table: TableModel, column: number): ValueInfo[] {
  const sc = schemaColumn(table.schema, column);
  const declared = sc?.values ? declaredValues(page, sc.values, originText(sc.origin)) : [];
  const closed = sc !== null && sc.values !== null && sc.origin.kind === 'config';
  if (table.isFeatureTable && column === table.columns.status)
    return withoutDuplicates([declared, closed ? [] : featureStatusValues(page, config)]);
  if (table.isFeatureTable && column === table.columns.priority)
    return withoutDuplicates([declared, closed ? [] : featurePriorityValues(page, config)]);
  return withoutDuplicates([declared, closed ? [] : learnedColumn(table, column)]);
}

/** The declared values of the page's feature tables' columns of one key, by the configuration (first table first). */
function declaredFeatureValues(page: PageModel, config: ResolvedConfig, key: 'status' | 'priority'): ValueInfo[][] {
  const out: ValueInfo[][] = [];
  for (const t of page.tables) {
    const col = t.columns[key];
    if (t.isFeatureTable && col !== undefined && declaredByConfig(t, col)) out.push(columnVocabulary(page, config, t, col));
  }
  return out;
}

/** The status values of the page's feature tables (declared by a table schema first; the same vocabulary the status rules use). */
export function statusValues(page: PageModel, config: ResolvedConfig): ValueInfo[] {
  return withoutDuplicates([...declaredFeatureValues(page, config, 'status'), featureStatusValues(page, config)]);
}

export function priorityValues(page: PageModel, config: ResolvedConfig): ValueInfo[] {
  return withoutDuplicates([...declaredFeatureValues(page, config, 'priority'), featurePriorityValues(page, config)]);
}

/**
 * The status and priority values feature rows are read against (by the status model and the code lens
 * alike), in their order, with the colour of each status (lower-case value → colour) that has one.
 */
export function featureVocabulary(
  page: PageModel,
  config: ResolvedConfig,
): { statuses: string[]; priorities: string[]; colours: Record<string, StatusColour> } {
  const statuses = statusValues(page, config);
  // The dashboard also reads tables that are not feature tables (a support policy, a tracker): their
  // declared statuses, in their order and colours, after the feature tables' (the rules keep theirs apart).
  const others: ValueInfo[][] = [];
  for (const t of page.tables) {
    const col = t.columns.status;
    if (!t.isFeatureTable && col !== undefined && declaredByConfig(t, col)) others.push(columnVocabulary(page, config, t, col));
  }
  const all = others.length ? withoutDuplicates([statuses, ...others]) : statuses;
  const colours: Record<string, StatusColour> = {};
  for (const v of all) if (v.colour) colours[v.value.toLowerCase()] ??= v.colour;
  return { statuses: all.map((v) => v.value), priorities: priorityValues(page, config).map((v) => v.value), colours };
}
