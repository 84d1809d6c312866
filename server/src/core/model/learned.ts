/**
 * Vocabularies learned from the page: the values its feature tables' Status and Priority columns use, with
 * their counts. A page with no legend and no configured vocabulary still has one, the one its authors use
 * consistently (`Done`, `Under review` on a test-day page); the value rules judge a value against it
 * instead of calling every consistent value unknown (rules/learned-values.ts).
 */
import { TextMemo } from '../incremental/memo';
import { plainText } from './inline';
import type { LearnedValue, LearnedVocabulary, LogicalRow, TableModel } from './page-model';
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

type Counts = ReadonlyMap<string, number>;

/** Counts per table and column: a patched page keeps its other tables, so only the edited one is counted again. */
const COUNTS = new WeakMap<TableModel, { status: Counts | null; priority: Counts | null }>();

function countColumn(rows: readonly LogicalRow[], col: number | undefined): Counts | null {
  if (col === undefined) return null;
  const counts = new Map<string, number>();
  for (const row of rows) {
    if (row.malformed) continue;
    const cell = row.cells[col];
    const key = cell ? valueKey.get(cell.text) : '';
    if (key !== '') counts.set(key, (counts.get(key) ?? 0) + 1);
  }
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
  const total = new Map<string, number>();
  for (const t of tables) {
    if (!t.isFeatureTable) continue;
    const counts = countsOf(t)[column];
    if (counts) for (const [k, n] of counts) total.set(k, (total.get(k) ?? 0) + n);
  }
  return [...total].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
}

/** The statuses and priorities the page's feature tables use, most used first. */
export function learnVocabulary(tables: readonly TableModel[]): LearnedVocabulary {
  return { statuses: merged(tables, 'status'), priorities: merged(tables, 'priority') };
}
