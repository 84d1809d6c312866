/** What several value rules read alike: the vocabularies they check against and the cells of a feature column. */
import type { CellRef, ColumnKey } from '../model/types';
import type { RuleContext } from './types';

/** Values from the config (or the rule's own option) plus the page legend's, without case duplicates. */
function vocabulary(option: unknown, config: readonly string[], legend: readonly string[]): string[] {
  const own = Array.isArray(option) && option.every((x) => typeof x === 'string') ? (option as string[]) : config;
  const out: string[] = [];
  for (const v of [...own, ...legend]) if (!out.some((o) => o.toLowerCase() === v.toLowerCase())) out.push(v);
  return out;
}

export function statusVocabulary(ctx: RuleContext): string[] {
  return vocabulary(ctx.options.statuses, ctx.config.statuses, ctx.page.legend?.statuses ?? []);
}

export function priorityVocabulary(ctx: RuleContext): string[] {
  return vocabulary(ctx.options.priorities, ctx.config.priorities, ctx.page.legend?.priorities ?? []);
}

/** featureCells per page (view) and column: several rules read the same column of the same rows. */
const FEATURE_CELLS = new WeakMap<RuleContext['page'], Map<ColumnKey, readonly CellRef[]>>();

/** Each well-formed row's cell in a column of every feature table (shared by the rules: do not mutate). */
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
      const cell = row.cells[col];
      if (!row.malformed && cell) out.push(cell);
    }
  }
  return out;
}
