/** What several value rules read alike: the vocabularies they check against and the cells of a feature column. */
import type { CellRef, ColumnKey } from '../model/page-model';
import { listed } from '../lines';
import { isLeftoverValue } from '../model/leftovers';
import type { RuleContext } from './rule';

/**
 * Vocabularies by their input arrays (the config's or the option's, then the legend's). The rules ask once
 * per rule and slice of a page (hundreds of times per check): with a configuration of thousands of statuses,
 * building the list each time would cost rows × statuses. The same inputs give the same array, so the
 * value readers' memo (model/values.ts, by array) is hit without joining the list either.
 */
const VOCABULARIES = new WeakMap<readonly string[], WeakMap<readonly string[], string[]>>();
const NO_LEGEND: readonly string[] = [];
/** Option arrays already found to hold strings only. */
const VALID_OPTIONS = new WeakSet<readonly unknown[]>();

function isStrings(option: unknown): option is string[] {
  if (!Array.isArray(option)) return false;
  if (VALID_OPTIONS.has(option)) return true;
  if (!option.every((x) => typeof x === 'string')) return false;
  VALID_OPTIONS.add(option);
  return true;
}

/** Values from the config (or the rule's own option) plus the page legend's, without case duplicates (a set: a configuration may list thousands). Shared: do not mutate. */
function vocabulary(option: unknown, config: readonly string[], legend: readonly string[] = NO_LEGEND): string[] {
  const own = isStrings(option) ? option : config;
  let byLegend = VOCABULARIES.get(own);
  if (!byLegend) VOCABULARIES.set(own, (byLegend = new WeakMap()));
  const hit = byLegend.get(legend);
  if (hit) return hit;
  const out: string[] = [];
  const seen = new Set<string>();
  for (const list of [own, legend]) {
    for (const v of list) {
      const key = v.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(v);
    }
  }
  byLegend.set(legend, out);
  return out;
}

/** A vocabulary in a message: the first values and how many more (never thousands of values in every finding). */
export function knownList(values: readonly string[]): string {
  return listed(values, 12);
}

export function statusVocabulary(ctx: RuleContext): string[] {
  return vocabulary(ctx.options.statuses, ctx.config.statuses, ctx.page.legend?.statuses);
}

export function priorityVocabulary(ctx: RuleContext): string[] {
  return vocabulary(ctx.options.priorities, ctx.config.priorities, ctx.page.legend?.priorities);
}

/** featureCells per page (view) and column: several rules read the same column of the same rows. */
const FEATURE_CELLS = new WeakMap<RuleContext['page'], Map<ColumnKey, readonly CellRef[]>>();

/**
 * Each well-formed row's cell in a column of every feature table, but for values that are only template
 * leftovers (shared by the rules: do not mutate).
 */
export function featureCells(ctx: RuleContext, column: ColumnKey): readonly CellRef[] {
  let byColumn = FEATURE_CELLS.get(ctx.page);
  if (!byColumn) FEATURE_CELLS.set(ctx.page, (byColumn = new Map()));
  let cells = byColumn.get(column);
  if (!cells) byColumn.set(column, (cells = collectFeatureCells(ctx, column)));
  return cells;
}

function collectFeatureCells(ctx: RuleContext, column: ColumnKey): CellRef[] {
  const out: CellRef[] = [];
  for (const table of ctx.page.tables) {
    const col = table.columns[column];
    if (!table.isFeatureTable || col === undefined) continue;
    for (const row of table.rows) {
      const cell = row.cells[col] as CellRef | undefined; // a row may have fewer cells than the header
      // A value that is only a template leftover (`\1`, `<priority>`) is template-leftover's, not unknown or unset.
      if (!row.malformed && cell && !isLeftoverValue(cell.text)) out.push(cell);
    }
  }
  return out;
}
