/**
 * Rows an edit only moved: a sort or a moved block rewrites many body rows of a table without changing
 * their number, and the model patch takes each new row whose text is an old row's as that old row moved
 * (model/patch.ts, MovedRows). This module records, for the patched table, where each such row was, so the
 * check can move the row's findings with it instead of running the rules on it again
 * (incremental/moved-rows.ts). It knows nothing of findings or slices.
 *
 * Sound because a row's findings depend on its text, its table (the header and its columns' meanings) and
 * the page's context, not on its line or on the other rows (ARCHITECTURE.md, "Positions are absolute"):
 * the check takes the moves only when the last check had the same context and disable comments.
 */
import type { TableModel } from './page-model';

interface Moves {
  readonly before: TableModel;
  /** Lines [from, from + oldLine.length) of the edit. */
  readonly from: number;
  /** Per line of the edit, the old line of the row it holds, or -1 for a row read again. */
  readonly oldLine: Int32Array;
}

/** Tables made by a patch that moved rows (model/patch.ts): the old table, where each row of the edit was. */
const MOVES = new WeakMap<TableModel, Moves>();

/**
 * Records that the model patch made `after` from `before` by rewriting lines [from, from + oldLine.length)
 * (the same number of rows), the row on line from + k being the old row of line oldLine[k] moved (-1: read
 * again); every other row of `after` is the old row of its line. Plain numbers in one typed array, so the
 * record costs no object per row.
 */
export function recordRowMoves(after: TableModel, before: TableModel, from: number, oldLine: Int32Array): void {
  MOVES.set(after, { before, from, oldLine });
}

/**
 * Where the rows of `after` were: the old table, and a function from a body row's line to the line of the
 * old row it is (moved or not), or -1 for a row read again; null when `after` was not made by such a patch.
 */
export function rowMoves(after: TableModel): { before: TableModel; oldLine: (line: number) => number } | null {
  const m = MOVES.get(after);
  if (!m) return null;
  const { from, oldLine } = m;
  return { before: m.before, oldLine: (line) => (line >= from && line < from + oldLine.length ? oldLine[line - from] : line) };
}
