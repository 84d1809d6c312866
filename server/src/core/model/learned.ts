/**
 * Vocabularies learned from the page: the values its feature tables' Status and Priority columns use, with
 * their counts. A page with no legend and no configured vocabulary still has one, the one its authors use
 * consistently (`Done`, `Under review` on a test-day page); the value rules judge a value against it
 * instead of calling every consistent value unknown (rules/learned-values.ts).
 */
import { TextMemo } from '../incremental/memo';
import { plainText } from './inline';
import type { CellRef, LearnedValue, LearnedVocabulary, LogicalRow, TableModel } from './page-model';
import { isUnsetCell, struckPrefix } from './values';

/**
 * The value a cell states, without its comment: the live text (after struck history), up to the first
 * ` - `, `,`, `;`, `(` or line break (`Orange - In progress, see comment` → `Orange`,
 * `coding (90% complete)` → `coding`). Empty for an unset cell.
 */
export const valueKey = new TextMemo((text: string): string => {
  if (isUnsetCell(text)) return '';
  const live = text.slice(struckPrefix(text)).split(/<br\s*\/?>/i)[0];
  const plain = plainText(live).replace(/\s+/g, ' ').trim();
  return plain.split(/\s+[-–—]\s+|[,;(]/)[0].trim();
});

/** A column with at least this many values is long enough to call a value used once among them a slip. */
export const LEARNED_LONG_COLUMN = 12;
/** …when the values used more than once are at most this many (a small set). */
export const LEARNED_SMALL_SET = 6;

/** Per value: how many rows use it, and the first of them (its index in the table's rows). */
type Counts = ReadonlyMap<string, { count: number; first: LogicalRow; index: number }>;

/** Counts per table and column: a patched page keeps its other tables, so only the edited one is counted again. */
const COUNTS = new WeakMap<TableModel, { status: Counts | null; priority: Counts | null }>();

function countColumn(rows: readonly LogicalRow[], col: number | undefined): Counts | null {
  if (col === undefined) return null;
  const counts = new Map<string, { count: number; first: LogicalRow; index: number }>();
  rows.forEach((row, index) => {
    if (row.malformed) return;
    const cell = row.cells[col] as CellRef | undefined; // a short row may lack it
    const key = cell ? valueKey.get(cell.text) : '';
    if (key === '') return;
    const seen = counts.get(key);
    if (seen) seen.count++;
    else counts.set(key, { count: 1, first: row, index });
  });
  return counts;
}

function countsOf(table: TableModel): { status: Counts | null; priority: Counts | null } {
  let c = COUNTS.get(table);
  if (!c) {
    c = { status: countColumn(table.rows, table.columns.status), priority: countColumn(table.rows, table.columns.priority) };
    COUNTS.set(table, c);
  }
  return c;
}

function merged(tables: readonly TableModel[], column: 'status' | 'priority'): LearnedValue[] {
  const total = new Map<string, LearnedValue>();
  tables.forEach((t, table) => {
    if (!t.isFeatureTable) return;
    const counts = countsOf(t)[column];
    if (!counts) return;
    for (const [value, n] of counts) {
      const seen = total.get(value);
      if (seen) seen.count += n.count;
      else total.set(value, { value, count: n.count, first: n.first, at: [table, n.index] });
    }
  });
  return [...total.values()].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
}

/** The statuses and priorities the page's feature tables use, most used first. */
export function learnVocabulary(tables: readonly TableModel[]): LearnedVocabulary {
  return { statuses: merged(tables, 'status'), priorities: merged(tables, 'priority') };
}
