/**
 * How GFM renders a row whose cell count differs from its header's, and what that does to typed columns.
 * GFM pads a short row with empty cells and drops the cells past the header's count. So a short row is
 * shown as written (unless a cell was left out in the middle, which moves the following values one
 * column left); extra cells are harmless when empty and lose their text when not; and a row with one
 * stray empty cell (`| |[Owner]…`, a leading `||`) shows every value after it one column to the right.
 */
import { scanDates } from '../dates';
import { plainText } from './inline';
import type { CellRef, LogicalRow, TableModel } from './page-model';
import { isUnsetCell, readValue } from './values';

/** The vocabularies a typed column is read against (the rule's and the status model's, config and legend included). */
export interface RowVocabulary {
  statuses: readonly string[];
  priorities: readonly string[];
}

/** A typed value shown under the wrong column: the cell's index and the header it lands under. */
export interface MisplacedValue {
  cell: number;
  /** The value (plain text) and the kind it reads as. */
  value: string;
  kind: TypedKind;
}

export type RowShape =
  | { kind: 'ok' }
  /** Fewer cells: GFM shows the missing ones empty at the end; `misplaced` when that moves a typed value into the wrong column. */
  | { kind: 'short'; missing: number; misplaced: MisplacedValue | null }
  /** More cells, the extra ones empty: nothing is lost. */
  | { kind: 'extra-empty'; extra: number }
  /** More cells, some extra ones with text: that text is not shown. */
  | { kind: 'extra-text'; dropped: readonly CellRef[] }
  /**
   * One stray empty cell (at index `stray`) moves the values after it one column right; `dropped` is what
   * falls off the end. `byType`: the typed columns show it (a status under Target); otherwise only a
   * leading empty cell with text falling off the end does.
   */
  | { kind: 'shifted'; stray: number; dropped: readonly CellRef[]; byType: boolean }
  /** A `|` inside a cell (index `at`) splits it in two and moves the values after it one column right (the typed columns show it). */
  | { kind: 'split'; at: number; dropped: readonly CellRef[] };

export type TypedKind = 'date' | 'status' | 'priority';

const OK: RowShape = { kind: 'ok' };

/** Whether a cell shows anything (an HTML comment alone does not). */
export function hasText(c: CellRef): boolean {
  return c.text.trim() !== '' && plainText(c.text).trim() !== '';
}

/** What a cell's value reads as (null: empty, unset, or plain text). */
function kindOf(cell: CellRef | undefined, vocab: RowVocabulary): TypedKind | null {
  if (!cell || !hasText(cell) || isUnsetCell(cell.text)) return null;
  if (readValue(cell, vocab.statuses).state !== 'unknown') return 'status';
  if (readValue(cell, vocab.priorities).state !== 'unknown') return 'priority';
  if (scanDates(plainText(cell.text)).length > 0) return 'date';
  return null;
}

/** The kind each typed column of the table expects, by column index. */
function typedColumns(table: TableModel): Map<number, TypedKind> {
  const c = table.columns;
  const out = new Map<number, TypedKind>();
  if (c.status !== undefined) out.set(c.status, 'status');
  if (c.priority !== undefined) out.set(c.priority, 'priority');
  if (c.target !== undefined) out.set(c.target, 'date');
  if (c.date !== undefined) out.set(c.date, 'date');
  return out;
}

/** How well the cells fit the typed columns: +1 for each typed cell of its column's kind, −1 for each of another kind. */
function fit(cells: readonly CellRef[], typed: ReadonlyMap<number, TypedKind>, vocab: RowVocabulary): number {
  let score = 0;
  for (const [col, want] of typed) {
    const got = kindOf(cells[col], vocab);
    if (got === null) continue;
    score += got === want ? 1 : -1;
  }
  return score;
}

/** The shape of a row as GFM renders it (rows with the header's count are `ok`). */
export function rowShape(table: TableModel, row: LogicalRow, vocab: RowVocabulary): RowShape {
  const expected = table.header.length;
  const cells = row.cells;
  const n = cells.length;
  if (n === expected) return OK;
  const typed = typedColumns(table);
  if (n < expected) return { kind: 'short', missing: expected - n, misplaced: misplaced(cells, typed, vocab) };
  const dropped = cells.slice(expected);
  const lostText = dropped.some(hasText);
  if (n === expected + 1) {
    const stray = strayCell(cells, typed, vocab, lostText);
    if (stray !== null) return { kind: 'shifted', stray: stray.at, dropped, byType: stray.byType };
    const split = splitCell(cells, typed, vocab);
    if (split !== null) return { kind: 'split', at: split, dropped };
  }
  return lostText ? { kind: 'extra-text', dropped: dropped.filter(hasText) } : { kind: 'extra-empty', extra: n - expected };
}

/**
 * The index of an empty cell whose removal lines the row up with its header: the removal must make the
 * typed columns fit better, or, for a leading empty cell, save text that would otherwise be dropped.
 */
function strayCell(
  cells: readonly CellRef[],
  typed: ReadonlyMap<number, TypedKind>,
  vocab: RowVocabulary,
  lostText: boolean,
): { at: number; byType: boolean } | null {
  const asIs = fit(cells, typed, vocab);
  let best: number | null = null;
  let bestScore = asIs;
  for (let i = 0; i < cells.length - 1; i++) {
    if (hasText(cells[i])) continue;
    const score = fit([...cells.slice(0, i), ...cells.slice(i + 1)], typed, vocab);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  if (best !== null) return { at: best, byType: true };
  return lostText && !hasText(cells[0]) && fit(cells.slice(1), typed, vocab) >= asIs ? { at: 0, byType: false } : null;
}

/** A typed value that a left-out cell moved into a column of another kind, where it belongs to the right. */
function misplaced(cells: readonly CellRef[], typed: ReadonlyMap<number, TypedKind>, vocab: RowVocabulary): MisplacedValue | null {
  for (let i = 0; i < cells.length; i++) {
    const want = typed.get(i);
    if (want === undefined) continue;
    const got = kindOf(cells[i], vocab);
    if (got === null || got === want) continue;
    // Only a value that belongs further right: a left-out cell moves values left, never right.
    const belongs = [...typed].some(([col, kind]) => col > i && kind === got);
    if (belongs) return { cell: i, value: plainText(cells[i].text), kind: got };
  }
  return null;
}

/** Brackets a text leaves open, and closes without opening (`[[Page`, `label]]`). */
function unbalanced(text: string): { open: number; stray: number } {
  let open = 0;
  let stray = 0;
  for (const ch of text) {
    if (ch === '[' || ch === '(') open++;
    else if (ch === ']' || ch === ')') {
      if (open > 0) open--;
      else stray++;
    }
  }
  return { open, stray };
}

/**
 * The index of a cell that a stray `|` split in two: joining it with the next one makes the typed columns
 * fit better. Among equal fits, the pair whose first half leaves a bracket open or whose second half
 * closes one it did not open (a cell never starts with `]]`); null when that does not decide.
 */
function splitCell(cells: readonly CellRef[], typed: ReadonlyMap<number, TypedKind>, vocab: RowVocabulary): number | null {
  let best: number[] = [];
  let bestScore = fit(cells, typed, vocab);
  for (let i = 0; i < cells.length - 1; i++) {
    if (!hasText(cells[i]) || !hasText(cells[i + 1]) || typed.has(i)) continue;
    // Joined, the cell keeps its own kind (untyped); only the cells after it move back.
    const score = fit([...cells.slice(0, i + 1), ...cells.slice(i + 2)], typed, vocab);
    if (score > bestScore) {
      best = [i];
      bestScore = score;
    } else if (score === bestScore && best.length) best.push(i);
  }
  if (best.length <= 1) return best.at(0) ?? null;
  const mends = best.filter((i) => unbalanced(cells[i].text).open > 0 || unbalanced(cells[i + 1].text).stray > 0);
  return mends.length === 1 ? mends[0] : null;
}
