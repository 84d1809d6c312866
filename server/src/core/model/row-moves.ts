/**
 * Rows an edit only moved: a sort or a moved block rewrites many body rows of a table without changing
 * their number, and the model patch (model/patch.ts) takes each new row whose text is an old row's as that
 * old row moved (RowsByText, below). This module finds those rows and records, for the patched table, where
 * each was, so the check can move the row's findings with it instead of running the rules on it again
 * (incremental/moved-rows.ts). It knows nothing of findings or slices.
 *
 * Sound because a row's findings depend on its text, its table (the header and its columns' meanings) and
 * the page's context, not on its line or on the other rows (ARCHITECTURE.md, "Positions are absolute"):
 * the check takes the moves only when the last check had the same context and disable comments.
 */
import { firstAtOrAfter } from '../arrays';
import type { TableRow } from '../markdown/table';
import { CellDate, cellDateLine } from './page-dates';
import type { LogicalRow, PageDate, PageModel, TableModel } from './page-model';
import { movedRow, ShiftedRow } from './shift';
import { SingleLineRow } from './tables';

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
  // `before`'s own record is dropped, as in recordColumnMove (permute.ts): kept, each sorted table would
  // keep every table sorted before it alive.
  MOVES.delete(before);
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

/** An edit of at least this many lines looks for rows it only moved (below that, reading a row again costs less than looking). */
export const REUSE_FROM = 8;

/**
 * The single-line rows of old lines [from, to), by text, to be taken again by new lines of the same text
 * (a sort or a moved block rewrites many lines but writes few new rows): a row taken is its old row moved
 * (model/shift.ts movedRow, its cells not split again) with its dates moved (not scanned again).
 * Performance: one Map entry per distinct text, the other lines of a text chained in a typed array, and
 * each line's dates found by index (no array or Map entry per line: a sort of 10,000 rows made 10,000 of
 * each).
 */
export class RowsByText {
  /** By text: the first old line of that text not taken yet (-1: none left). */
  private readonly byText = new Map<string, number>();
  /** Per old line (from `from`): the next old line of the same text, or -1. */
  private readonly next: Int32Array;
  /** Per old line (from `from`, one more at the end): the index in base.dates of its first date. */
  private readonly dateFrom: Int32Array;

  constructor(
    private readonly base: PageModel,
    private readonly rows: readonly LogicalRow[],
    private readonly l0: number,
    private readonly from: number,
    to: number,
  ) {
    this.next = new Int32Array(to - from);
    this.dateFrom = new Int32Array(to - from + 1);
    for (let l = to - 1; l >= from; l--) {
      const text = base.lines[l].text;
      this.next[l - from] = this.byText.get(text) ?? -1;
      this.byText.set(text, l);
    }
    const dates = base.dates;
    let i = firstAtOrAfter(dates, from, (d) => d.range.start.line);
    for (let l = from; l < to; l++) {
      this.dateFrom[l - from] = i;
      for (; i < dates.length; i++) {
        const line = cellDateLine(dates[i]);
        if (line === null && dates[i].range.start.line < to) {
          this.byText.clear(); // a date not of a one-line cell: read the rows again
          return;
        }
        if (line !== l) break;
      }
    }
    this.dateFrom[to - from] = i;
  }

  /** The old row of this text, first come first served, moved to line `l`, with its old line; null if there is none. */
  take(text: string, l: number, leadingPipe: boolean): { physical: TableRow; logical: LogicalRow; line: number } | null {
    const line = this.byText.get(text);
    if (line === undefined || line < 0) return null;
    this.byText.set(text, this.next[line - this.from]);
    const old = this.rows[this.l0 + line - this.from];
    const physical = old instanceof SingleLineRow ? old.row : old instanceof ShiftedRow ? old : null;
    if (!physical || physical.leadingPipe !== leadingPipe) return null;
    if (line === l) return { physical, logical: old, line };
    const moved = movedRow(old, l - line);
    if (!moved) return null;
    return { physical: moved, logical: moved, line };
  }

  /** Appends the dates of the old row of line `line`, moved to line `l` (the same objects when it did not move). */
  pushDates(line: number, l: number, into: PageDate[]): void {
    const dates = this.base.dates;
    const end = this.dateFrom[line - this.from + 1];
    for (let i = this.dateFrom[line - this.from]; i < end; i++) {
      const d = dates[i] as CellDate; // every date of these lines is a cell's (else nothing is taken)
      into.push(line === l ? d : d.moved(l - line));
    }
  }
}
