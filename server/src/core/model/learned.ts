/**
 * Vocabularies learned from the page: the values its feature tables' Status and Priority columns use, with
 * their counts. A page with no legend and no configured vocabulary still has one, the one its authors use
 * consistently (`Done`, `Under review` on a test-day page); the value rules judge a value against it
 * instead of calling every consistent value unknown (rules/learned-values.ts).
 */
import { TextMemo } from '../incremental/memo';
import { plainText } from './inline';
import { cellText } from './shift';
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

/** Per value: how many rows use it, and the first of them (its index in the table's rows). */
/** How many rows hold a value, and the first of them (its index among the table's rows). */
interface Count {
  count: number;
  first: LogicalRow;
  index: number;
}
type Counts = ReadonlyMap<string, Count>;

/** Counts per table and column: a patched page keeps its other tables, so only the edited one is counted again. */
const COUNTS = new WeakMap<TableModel, { status: Counts | null; priority: Counts | null }>();

function countColumn(rows: readonly LogicalRow[], col: number | undefined): Counts | null {
  if (col === undefined) return null;
  const counts = new Map<string, Count>();
  rows.forEach((row, index) => {
    if (row.malformed) return;
    const text = cellText(row, col); // a short row may lack it
    const key = text === undefined ? '' : valueKey.get(text);
    if (key === '') return;
    const seen = counts.get(key);
    if (seen) seen.count++;
    else counts.set(key, { count: 1, first: row, index });
  });
  return counts;
}

/** How many of rows [from, to) (those not `skip`ped) hold each value in column `col`: what a patch takes out of the counts. */
function keyCounts(rows: readonly LogicalRow[], col: number, from: number, to: number, skip?: readonly boolean[]): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = from; i < to; i++) {
    if (skip?.[i]) continue;
    const key = keyOf(rows[i], col);
    if (key !== '') out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** Counts row `k` under `key`, which becomes its first row when it comes before the one counted so far. */
function countRow(out: Map<string, Count>, key: string, rows: readonly LogicalRow[], k: number): void {
  const e = out.get(key);
  if (!e) out.set(key, { count: 1, first: rows[k], index: k });
  else {
    e.count++;
    if (k < e.index) {
      e.first = rows[k];
      e.index = k;
    }
  }
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

/** The value key a row writes in column `col` ('' for none: a malformed row, a missing or unset cell). */
function keyOf(row: LogicalRow, col: number): string {
  if (row.malformed) return '';
  const text = cellText(row, col);
  return text === undefined ? '' : valueKey.get(text);
}

/** One column's counts after logical rows [l0, l1) of `oldRows` gave way to `added` rows (see patchCounts). */
function patchColumn(
  oldRows: readonly LogicalRow[],
  rows: readonly LogicalRow[],
  col: number,
  counts: Counts,
  l0: number,
  l1: number,
  added: number,
): Counts {
  const by = added - (l1 - l0);
  const removed = keyCounts(oldRows, col, l0, l1);
  const out = new Map<string, Count>();
  for (const [key, e] of counts) {
    const count = e.count - (removed.get(key) ?? 0);
    if (count === 0) continue;
    let index = e.index;
    if (index >= l0 && index < l1) {
      // Its first row was replaced, and no row above the edit uses it: the first one below the edit does.
      index = l1;
      while (keyOf(oldRows[index], col) !== key) index++;
    }
    if (index >= l1) index += by;
    out.set(key, { count, first: rows[index], index });
  }
  for (let k = l0; k < l0 + added; k++) {
    const key = keyOf(rows[k], col);
    if (key === '') continue;
    countRow(out, key, rows, k);
  }
  return out;
}

/**
 * `patched` is `old` with logical rows [l0, l1) replaced by `added` rows from l0 on, the rest of its
 * rows the same (moved, when the count changed): its counts are made from old's, in work proportional
 * to the edit and the number of values, not to the table's rows (model/patch.ts; the test of a patched
 * model against a built one compares them). A value whose first row was replaced is looked for below.
 */
export function patchCounts(old: TableModel, patched: TableModel, l0: number, l1: number, added: number): void {
  if (!old.isFeatureTable || !patched.isFeatureTable) return;
  const c = countsOf(old);
  const column = (counts: Counts | null, col: number | undefined): Counts | null =>
    counts === null || col === undefined ? null : patchColumn(old.rows, patched.rows, col, counts, l0, l1, added);
  COUNTS.set(patched, { status: column(c.status, patched.columns.status), priority: column(c.priority, patched.columns.priority) });
}

/**
 * `patched` is `old` with its logical rows [l0, l1) in another order (every one an old row of that span
 * moved: a sort), the rest the same rows: every value keeps its count, and only a value whose first row
 * lay in the span gets a new first row, the first of the span's new rows that writes it. Performance: a
 * sort of 10,000 rows looked up the key of every old and every new row (patchCounts: 40,000 look-ups in
 * the page's memo of cell texts, a fifth of the model's time); now the new rows are looked at only until
 * each such value is found.
 */
export function permuteCounts(old: TableModel, patched: TableModel, l0: number, l1: number): void {
  if (!old.isFeatureTable || !patched.isFeatureTable) return;
  const c = countsOf(old);
  const column = (counts: Counts | null, col: number | undefined): Counts | null =>
    counts === null || col === undefined ? null : permutedColumn(patched.rows, col, counts, l0, l1);
  COUNTS.set(patched, { status: column(c.status, patched.columns.status), priority: column(c.priority, patched.columns.priority) });
}

/** One column's counts after a permutation of rows [l0, l1) (see permuteCounts). */
function permutedColumn(rows: readonly LogicalRow[], col: number, counts: Counts, l0: number, l1: number): Counts {
  const out = new Map<string, Count>();
  const wanted = new Map<string, number>();
  for (const [key, e] of counts) {
    if (e.index >= l0 && e.index < l1) wanted.set(key, e.count);
    else out.set(key, { count: e.count, first: rows[e.index], index: e.index });
  }
  for (let k = l0; k < l1 && wanted.size > 0; k++) {
    const key = keyOf(rows[k], col);
    const count = wanted.get(key);
    if (count === undefined) continue;
    out.set(key, { count, first: rows[k], index: k });
    wanted.delete(key);
  }
  return out;
}

/**
 * `after` is `before` with its columns in `order` (new column j = old column order[j]; model/patch-columns.ts),
 * row k the old row k with its cells moved where `moved[k]`, else a row read again: its counts are the old
 * ones, the rows read again taken out and counted anew. Performance: a column move at 10,000 rows counted
 * every row's status and priority again (a memo look-up per cell, 20,000 per move); now only the rows that
 * are not moved rows are looked at, and the first row of each value is the new row of the same index.
 * Nothing is kept when a column is not the old one moved (counted again when asked).
 */
export function moveCounts(before: TableModel, after: TableModel, order: readonly number[], moved: readonly boolean[]): void {
  if (!before.isFeatureTable || !after.isFeatureTable || before.rows.length !== after.rows.length) return;
  const c = countsOf(before);
  const column = (counts: Counts | null, oldCol: number | undefined, newCol: number | undefined): Counts | null | false => {
    if (oldCol === undefined || newCol === undefined) return oldCol === newCol ? null : false;
    if (counts === null || order[newCol] !== oldCol) return false;
    return movedColumn(before.rows, after.rows, oldCol, newCol, counts, moved);
  };
  const status = column(c.status, before.columns.status, after.columns.status);
  const priority = column(c.priority, before.columns.priority, after.columns.priority);
  if (status !== false && priority !== false) COUNTS.set(after, { status, priority });
}

/** One column's counts after a column move (see moveCounts): rows not `moved` taken out and counted again. */
function movedColumn(
  oldRows: readonly LogicalRow[],
  rows: readonly LogicalRow[],
  oldCol: number,
  newCol: number,
  counts: Counts,
  moved: readonly boolean[],
): Counts {
  const removed = keyCounts(oldRows, oldCol, 0, oldRows.length, moved);
  const out = new Map<string, Count>();
  for (const [key, e] of counts) {
    const count = e.count - (removed.get(key) ?? 0);
    if (count === 0) continue;
    let index = e.index;
    // Its first row was read again: the next moved row of the value is its first among the moved rows.
    if (!moved[index]) {
      index++;
      while (!moved[index] || keyOf(oldRows[index], oldCol) !== key) index++;
    }
    out.set(key, { count, first: rows[index], index });
  }
  for (let k = 0; k < rows.length; k++) {
    if (moved[k]) continue;
    const key = keyOf(rows[k], newCol);
    if (key === '') continue;
    countRow(out, key, rows, k);
  }
  return out;
}

/** The statuses and priorities the page's feature tables use, most used first. */
export function learnVocabulary(tables: readonly TableModel[]): LearnedVocabulary {
  return { statuses: merged(tables, 'status'), priorities: merged(tables, 'priority') };
}
