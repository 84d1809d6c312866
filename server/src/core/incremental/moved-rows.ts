/**
 * The findings of a slice of a table whose rows an edit only moved (model/row-moves.ts: a sort, a moved
 * block of rows), made from the last check's findings of each row's old line, moved to its new line,
 * instead of running the rules on the slice. Performance: a sort replaces every body line, so no slice is
 * found in the cache (the slices are cut again, by text) and, at 10,000 rows, checking them all again was
 * about half of a sort's time. Sound because a row's findings depend on its text, its table and the page's
 * context, never on its line or its neighbours (slices are cut anywhere; ARCHITECTURE.md), and the caller
 * gives this class only a last check of the same context and disable comments. A row read again (new
 * text), or one whose old slice had a finding over several lines or outside the slice, is checked by the
 * rules: all such rows of the table in one view.
 */
import type { Finding } from '../findings';
import type { TableModel } from '../model/page-model';
import { rowMoves } from '../model/row-moves';
import { firstLine, lastLine } from '../model/shift';
import { compareFindings, endLine, moveFinding, startLine } from './finding-parts';
import { slicesOf, type CheckedSlices, type CheckRows } from './moved-columns';
import type { Slice } from './slices';

/** One table whose rows moved: the last check's slices of its old table, and the rows checked again. */
class TableRows {
  /** Indexes into the last check's slices of the old table's slices, in page order. */
  private readonly slices: number[];
  /** Per entry of `slices`: whether its findings may be moved (each on one line, within the slice); made when first asked. */
  private readonly movable: Array<boolean | undefined> = [];
  /** Findings of the rows the rules checked again, by line, sorted (one view for the table). */
  private readonly again = new Map<number, Finding[]>();

  constructor(
    private readonly last: CheckedSlices,
    before: TableModel,
    readonly oldLine: (line: number) => number,
  ) {
    this.slices = slicesOf(last, before);
  }

  /** The last check's slice (an index into last.slices) holding old line `line` when its findings may be moved, else -1. */
  sliceOf(line: number): number {
    let lo = 0;
    let hi = this.slices.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.last.slices[this.slices[mid]].to <= line) lo = mid + 1;
      else hi = mid;
    }
    if (lo === this.slices.length || this.last.slices[this.slices[lo]].from > line) return -1;
    this.movable[lo] ??= this.mayMove(this.slices[lo]);
    return this.movable[lo] ? this.slices[lo] : -1;
  }

  /** Whether every finding of the last check's slice `i` lies on one line within the slice (where it goes is known). */
  private mayMove(i: number): boolean {
    const s = this.last.slices[i];
    const { list, by } = this.last.found[i];
    for (const f of list) {
      const line = startLine(f) + by;
      if (line < s.from || line >= s.to || endLine(f) + by !== line) return false;
    }
    return true;
  }

  /**
   * Runs the rules on the rows of `table` whose findings cannot be moved (once, in one view): rows read
   * again, rows of an old slice whose findings cannot be placed, and the rows on `firstLines` or from
   * `oldFirstLines`, whose findings depend on where they are.
   */
  checkAgain(table: TableModel, checkRows: CheckRows, firstLines: ReadonlySet<number>, oldFirstLines: ReadonlySet<number>): void {
    const rows = table.rows.filter((r) => {
      const line = firstLine(r);
      const old = this.oldLine(line);
      return old < 0 || this.sliceOf(old) < 0 || firstLines.has(line) || oldFirstLines.has(old);
    });
    if (rows.length === 0) return;
    for (const r of rows) this.again.set(firstLine(r), []);
    for (const f of checkRows(table, rows)) this.again.get(f.range.start.line)?.push(f);
    for (const list of this.again.values()) list.sort(compareFindings);
  }

  /** The findings of the rows checked again on `line`, or null when the row's old findings are moved. */
  checked(line: number): readonly Finding[] | null {
    return this.again.get(line) ?? null;
  }

  /** Appends the last check's findings of old line `old` (in slice `i`), moved to `line`, in their order. */
  pushMoved(i: number, old: number, line: number, into: Finding[]): void {
    const { list, by } = this.last.found[i];
    // The list is sorted by line: the first finding of the old line by a binary search.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (startLine(list[mid]) + by < old) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < list.length && startLine(list[k]) + by === old; k++) into.push(moveFinding(list[k], by + line - old));
  }
}

export class MovedRows {
  /** By the new table; null: its rows were not moved from a table the last check sliced. */
  private readonly tables = new Map<TableModel, TableRows | null>();
  /** How many rows had their findings moved (tests and benchmarks read it through the engine). */
  movedRows = 0;

  constructor(
    private readonly last: CheckedSlices,
    private readonly checkRows: CheckRows,
    /** Rows whose findings depend on where they are (first rows of values: RowsContext), by their line now and their old line. */
    private readonly firstLines: ReadonlySet<number>,
    private readonly oldFirstLines: ReadonlySet<number>,
  ) {}

  private tableRows(table: TableModel): TableRows | null {
    let m = this.tables.get(table);
    if (m !== undefined) return m;
    const moves = rowMoves(table);
    m = moves && this.last.page.tables.includes(moves.before) ? new TableRows(this.last, moves.before, moves.oldLine) : null;
    m?.checkAgain(table, this.checkRows, this.firstLines, this.oldFirstLines);
    this.tables.set(table, m);
    return m;
  }

  /**
   * The slice's findings: its moved rows' from the last check's, moved to their lines, the others' from the
   * rules, sorted; null when the slice's table is not one whose rows were moved (check the slice as before).
   */
  findings(s: Slice): Finding[] | null {
    const m = this.tableRows(s.table);
    if (!m) return null;
    const out: Finding[] = [];
    let moved = 0;
    for (const row of s.rows) {
      const line = firstLine(row);
      if (lastLine(row) !== line) return null;
      const again = m.checked(line);
      if (again) {
        for (const f of again) out.push(f);
        continue;
      }
      const old = m.oldLine(line);
      m.pushMoved(m.sliceOf(old), old, line, out);
      moved++;
    }
    this.movedRows += moved;
    return out;
  }
}
