/**
 * The findings of a slice of a table whose columns were moved (model/permute.ts: the same rows, the same
 * cells in another order, every column keeping its meaning), made from the last check's findings of the
 * same lines with their ranges moved to the cells' new places, instead of running the rules on the slice.
 * Performance: a column move replaces every line of the table, so no slice is found in the cache and,
 * at 10,000 rows, checking them all again was two thirds of the move's time. Sound because a slice's
 * findings depend only on its rows, the page's context and the table's header (slice-cache.ts), and a
 * row's findings not on the other rows of its slice (slices are cut anywhere); the caller gives this class
 * only a last check of the same context and disable comments. A row that is not the old row moved
 * (another cell count, new text), or one with a finding that does not lie within one cell (or the whole
 * row), is checked by the rules: all such rows of the table in one view.
 */
import type { Finding, Fix, Range } from '../findings';
import type { SourceLine } from '../lines';
import type { LogicalRow, PageModel, TableModel } from '../model/page-model';
import { cellShift, composeMoves, type ColumnMove } from '../model/permute';
import type { RowCell } from '../markdown/table';
import { firstLine, lastLine } from '../model/shift';
import { moveFinding, moveRange, type LineMovable, type SliceFindings } from './finding-parts';
import type { Slice } from './slices';

/**
 * The context of moved rows' findings: the context key without where values are first used, and the rows
 * whose findings depend on that (legend-mismatch reports a value on its first row: rules/learned-values.ts).
 */
export interface RowsContext {
  key: string;
  firstRows: readonly LogicalRow[];
}

/** A complete sliced check: its page, its context keys, its slices and their findings (in the same order). */
export interface CheckedSlices {
  page: PageModel;
  key: string;
  rows: RowsContext;
  slices: readonly Slice[];
  found: readonly SliceFindings[];
}

type MoveOf = (
  before: TableModel,
  after: TableModel,
  oldLines: readonly SourceLine[],
  newLines: readonly SourceLine[],
) => ColumnMove | null;

/** Indexes into `last.slices` of the slices of `table`, in page order. */
export function slicesOf(last: CheckedSlices, table: TableModel): number[] {
  const out: number[] = [];
  for (let i = 0; i < last.slices.length; i++) if (last.slices[i].table === table) out.push(i);
  return out;
}

/** The rules on some rows of a table (a view of those rows alone), giving the findings on their lines. */
export type CheckRows = (table: TableModel, rows: LogicalRow[]) => Finding[];

/** One moved table: the move, the last check's slices of the old table, and the findings of the rows checked again. */
class TableMove {
  /** Indexes into the last check's slices of the old table's slices, in page order. */
  slices: readonly number[] = [];
  /** Findings of rows the rules checked again, by line (made once for the table: one view, not one per slice). */
  private readonly again = new Map<number, Finding[]>();
  private readonly checkedRows = new Set<number>();
  // The last composed move and what it was composed from: the findings of a table come from few moves
  // (one per earlier check that moved its columns), so one entry is a memo without a Map look-up.
  private lastFirst: readonly number[] | null = null;
  private lastComposed: readonly number[] = [];

  constructor(
    readonly table: TableModel,
    readonly move: ColumnMove,
    private readonly checkRows: CheckRows,
  ) {}

  /** Checks the rows on `lines` (not checked yet) by the rules, in one view. */
  check(lines: readonly number[]): void {
    const wanted = new Set(lines.filter((l) => !this.checkedRows.has(l)));
    if (wanted.size === 0) return;
    for (const l of wanted) this.checkedRows.add(l);
    const rows = this.table.rows.filter((r) => wanted.has(firstLine(r)));
    for (const f of this.checkRows(this.table, rows)) {
      const line = f.range.start.line;
      if (!wanted.has(line)) continue;
      const list = this.again.get(line);
      if (list) list.push(f);
      else this.again.set(line, [f]);
    }
  }

  /** The findings of a row checked again (check() first). */
  checked(line: number): readonly Finding[] {
    return this.again.get(line) ?? [];
  }

  /** Where each cell of a row went since `first` (where it went before this move), made once per earlier move. */
  composed(first: readonly number[]): readonly number[] {
    if (first !== this.lastFirst) {
      this.lastFirst = first;
      this.lastComposed = composeMoves(first, this.move.toNew);
    }
    return this.lastComposed;
  }

  /**
   * The fixes the rules give `f`'s row for the same finding (when its moved fixes cannot be made): of the
   * row in this move's table, `after` lines above where `f` is now (rows moved since: moved-rows.ts).
   */
  fixesOf(f: Finding, after: number): Fix[] {
    const line = f.range.start.line - after;
    this.check([line]);
    const same = (a: Range, b: Range): boolean =>
      a.start.line + after === b.start.line &&
      a.start.character === b.start.character &&
      a.end.line + after === b.end.line &&
      a.end.character === b.end.character;
    const g = this.checked(line).find((x) => x.rule === f.rule && x.message === f.message && same(x.range, f.range));
    return g ? moveFinding(g, after).fixes : [];
  }
}

/** `f` (of the last check, `by` lines off) moved with the columns; null when its range is neither within one cell nor the whole row. */
function movedFinding(f: Finding, by: number, table: TableMove): Finding | null {
  const old = moveFinding(f, by).range;
  const line = old.start.line;
  if (old.end.line !== line) return null;
  const before = table.move.oldCells(line);
  const after = table.move.newCells(line);
  const shift = cellShift(before, after, table.move.toNew, old.start.character, old.end.character);
  if (shift === null) return null;
  // A range that did not move (its cell kept its place, or the whole row) is shared: ranges are never changed.
  const range: Range =
    shift === 0 ? old : { start: { line, character: old.start.character + shift }, end: { line, character: old.end.character + shift } };
  if (f instanceof ColumnMovedFinding) return f.movedAgain(range, by, after, table);
  return new ColumnMovedFinding(f.rule, f.severity, f.message, range, f, by, before, after, table.move.toNew, table);
}

/**
 * A finding of the last check moved with its table's columns: its range moved now, its fixes when first
 * read (most are never read, and the rules' own fixes may be made only when read: moving them all at
 * once was as slow as checking the rows again). It keeps the finding as the rules made it (`root`), the
 * lines it has moved since, its row's cells when the rules made it and now, and where each of those
 * cells went since (`toNew`, one array per move, composed when the columns move again: moved findings
 * never chain). A fix edit that does not lie within one cell of the row takes the fixes the rules give
 * that row now. Private fields, as LazyFinding's (engine/check-result.ts).
 */
class ColumnMovedFinding implements LineMovable {
  readonly #root: Finding;
  readonly #lines: number;
  /** The row's cells when `#root` was made (their columns), and now. */
  readonly #rootCells: readonly RowCell[];
  readonly #cells: readonly RowCell[];
  /** Root cell c is cell toNew[c] now. */
  readonly #toNew: readonly number[];
  readonly #table: TableMove;
  /** Lines moved since `#table`'s move (a sort after it: moved-rows.ts). */
  readonly #after: number;
  #fixes: Fix[] | null = null;

  constructor(
    readonly rule: string,
    readonly severity: Finding['severity'],
    readonly message: string,
    readonly range: Range,
    root: Finding,
    lines: number,
    rootCells: readonly RowCell[],
    cells: readonly RowCell[],
    toNew: readonly number[],
    table: TableMove,
    after = 0,
  ) {
    this.#root = root;
    this.#lines = lines;
    this.#rootCells = rootCells;
    this.#cells = cells;
    this.#toNew = toNew;
    this.#table = table;
    this.#after = after;
  }

  /** This finding moved again by `table`'s move to the row's cells `cells`, `by` lines since the last check. */
  movedAgain(range: Range, by: number, cells: readonly RowCell[], table: TableMove): Finding {
    const toNew = table.composed(this.#toNew);
    return new ColumnMovedFinding(
      this.rule,
      this.severity,
      this.message,
      range,
      this.#root,
      this.#lines + by,
      this.#rootCells,
      cells,
      toNew,
      table,
    );
  }

  get startLine(): number {
    return this.range.start.line;
  }

  get endLine(): number {
    return this.range.end.line;
  }

  /** The same finding `by` lines further down (its row moved whole: its cells stay), not a finding moved twice. */
  movedLines(by: number): Finding {
    return new ColumnMovedFinding(
      this.rule,
      this.severity,
      this.message,
      moveRange(this.range, by),
      this.#root,
      this.#lines + by,
      this.#rootCells,
      this.#cells,
      this.#toNew,
      this.#table,
      this.#after + by,
    );
  }

  get fixes(): Fix[] {
    return (this.#fixes ??= this.movedFixes() ?? this.#table.fixesOf(this, this.#after));
  }

  private movedFixes(): Fix[] | null {
    const line = this.range.start.line;
    const fixes: Fix[] = [];
    for (const x of this.#root.fixes) {
      const edits = [];
      for (const e of x.edits) {
        if (e.range.start.line + this.#lines !== line || e.range.end.line + this.#lines !== line) return null;
        const shift = cellShift(this.#rootCells, this.#cells, this.#toNew, e.range.start.character, e.range.end.character);
        if (shift === null) return null;
        const range = {
          start: { line, character: e.range.start.character + shift },
          end: { line, character: e.range.end.character + shift },
        };
        edits.push({ ...e, range });
      }
      fixes.push({ ...x, edits });
    }
    return fixes;
  }

  toJSON(): Finding {
    return { rule: this.rule, severity: this.severity, message: this.message, range: this.range, fixes: this.fixes };
  }
}

export class MovedColumns {
  /** By the new table; null: not a column move of a table the last check sliced. */
  private readonly moves = new Map<TableModel, TableMove | null>();

  constructor(
    private readonly last: CheckedSlices,
    private readonly page: PageModel,
    private readonly moveOf: MoveOf,
    private readonly checkRows: CheckRows,
  ) {}

  private tableMove(table: TableModel): TableMove | null {
    let m = this.moves.get(table);
    if (m !== undefined) return m;
    m = null;
    const line = table.parsed.startLine;
    const before = this.last.page.tables.find((t) => t.parsed.startLine === line && t.parsed.kind === 'gfm');
    const move = before && before !== table ? this.moveOf(before, table, this.last.page.lines, this.page.lines) : null;
    if (before && move) {
      m = new TableMove(table, move, this.checkRows);
      // The rows that are not the old ones moved, checked by the rules once for the whole table.
      const again: number[] = [];
      for (const r of table.rows) if (!move.rowMoved(firstLine(r))) again.push(firstLine(r));
      if (again.length > 0) m.check(again);
      m.slices = slicesOf(this.last, before);
    }
    this.moves.set(table, m);
    return m;
  }

  /**
   * The slice's findings: those of its moved rows from the last check's, moved with the columns, and those
   * of its other rows from the rules; null when the slice's table is not a column move of a table the last
   * check sliced (check the slice as before).
   */
  findings(s: Slice): Finding[] | null {
    const m = this.tableMove(s.table);
    if (!m) return null;
    const out: Finding[] = [];
    // Rows with a finding that cannot be moved: checked again, their moved findings dropped.
    let failed: number[] | null = null;
    for (const i of m.slices) {
      const old = this.last.slices[i];
      if (old.to <= s.from || old.from >= s.to) continue;
      const { list, by } = this.last.found[i];
      for (const f of list) {
        const line = f.range.start.line + by;
        // A finding outside its own slice's lines: where it belongs now is not known.
        if (line < old.from || line >= old.to) return null;
        if (line < s.from || line >= s.to || !m.move.rowMoved(line)) continue;
        const g = movedFinding(f, by, m);
        if (g) out.push(g);
        else (failed ??= []).push(line);
      }
    }
    for (const row of s.rows) {
      const line = firstLine(row);
      if (lastLine(row) !== line) return null;
      if (!m.move.rowMoved(line)) for (const f of m.checked(line)) out.push(f);
    }
    if (failed) {
      const lines = new Set(failed);
      m.check([...lines]);
      const kept = out.filter((f) => !lines.has(f.range.start.line));
      for (const line of lines) for (const f of m.checked(line)) kept.push(f);
      return kept;
    }
    return out;
  }
}
