/** Shared reading of Status and Priority cells for the value rules. */
import { isUnsetValue } from '../dates';
import { leadingMarkupEnd, matchLeading, plainText } from '../model/inline';
import type { CellRef, ColumnKey, LogicalRow, TableModel } from '../model/types';
import type { Range } from '../types';
import type { RuleContext } from './types';

export type CellValue =
  | { state: 'unset' }
  | { state: 'ok'; match: string }
  | { state: 'case'; match: string; written: string; range: Range }
  | { state: 'unknown'; value: string };

const unsetCache = new Map<string, boolean>();

/** Whether a cell's value is unset (`?`, `TBD`, empty…), memoised by the cell's text. */
export function isUnsetCell(text: string): boolean {
  let v = unsetCache.get(text);
  if (v === undefined) {
    if (unsetCache.size > 50_000) unsetCache.clear();
    unsetCache.set(text, (v = isUnsetValue(plainText(text))));
  }
  return v;
}

/** Length of leading struck-through history (`<s>orange</s> `, `~~Must~~ `): the value is what follows. */
export function struckPrefix(raw: string): number {
  const m = /^(?:\s|<(s|del|strike)>[\s\S]*?<\/\1>|~~[\s\S]*?~~|<br\s*\/?>)*/i.exec(raw);
  return m ? m[0].length : 0;
}

export function readValue(cell: CellRef, known: readonly string[]): CellValue {
  const live = struckPrefix(cell.text);
  if (isUnsetCell(cell.text.slice(live))) return { state: 'unset' };
  const offset = live + leadingMarkupEnd(cell.text.slice(live));
  const rest = cell.text.slice(offset);
  const m = matchLeading(rest, known);
  if (!m) return { state: 'unknown', value: plainText(cell.text.slice(live)) };
  if (m.exact) return { state: 'ok', match: m.match };
  return {
    state: 'case',
    match: m.match,
    written: rest.slice(0, m.length),
    range: { start: cell.posAt(offset), end: cell.posAt(offset + m.length) },
  };
}

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

/** Each well-formed row's cell in a column of every feature table. */
export function* featureCells(ctx: RuleContext, column: ColumnKey): Generator<{ table: TableModel; row: LogicalRow; cell: CellRef }> {
  for (const table of ctx.page.tables) {
    const col = table.columns[column];
    if (!table.isFeatureTable || col === undefined) continue;
    for (const row of table.rows) {
      const cell = row.cells[col];
      if (!row.malformed && cell) yield { table, row, cell };
    }
  }
}
