/**
 * A column move: a table whose header, delimiter and every body row are those of the last model's table
 * with the same cells in another order (the editor's "move column" command replaces the whole table).
 * Performance: the findings of such a table's rows are the old ones with their ranges moved to the cells'
 * new places (incremental/views.ts), instead of every slice of the table being checked again (at 10,000
 * rows, two thirds of a column move's time). This module says when two tables are such a pair and where a
 * character of the old table is in the new one; it knows nothing of findings or slices.
 *
 * Sound only because a row's findings depend on its cells through their columns' meanings and texts, not
 * on the columns' order (held by test/unit/structural-edits.test.ts against a fresh check); so the pair is
 * refused unless every column keeps its meaning: the same header text (no two alike), alignment, typed
 * column key and schema column, and every row is single-line. A row whose cell count is not the header's
 * (its values may land under other columns: model/row-shape.ts), or whose cells are not the old ones
 * moved, is not a moved row: its findings are made by the rules again.
 */
import type { SourceLine } from '../lines';
import type { RowCell, TableRow } from '../markdown/table';
import { ShiftedRow } from './shift';
import type { TableModel } from './page-model';
import type { SchemaColumn } from './schema';

export interface ColumnMove {
  /** New column j holds what old column `order[j]` held. */
  readonly order: readonly number[];
  /** Where each old column went: old cell c is new cell toNew[c] (the inverse of `order`). */
  readonly toNew: readonly number[];
  /** Whether the body row on `line` is the old row with its cells in `order` (false: a row of new text, or of another cell count). */
  rowMoved(line: number): boolean;
  /** The old row's cells on `line` (their columns; a moved row's are its origin's, not made again), for a moved row. */
  oldCells(line: number): readonly RowCell[];
  /** The new row's cells on `line`. */
  newCells(line: number): readonly RowCell[];
}

/**
 * How far the span [a, b) of a row moved when its cells `before` became `after` (old cell c is new cell
 * toNew[c], the same text, the text around the cells the same): the shift of the cell that holds it, 0
 * when it covers the whole row, null when it is neither within one cell nor the whole row. Performance:
 * read from the rows' own cells, so a moved finding keeps two arrays the model holds anyway and the
 * move's one `toNew`, not a map of numbers per row (10,000 of them per move at 10,000 rows, a third of
 * what a move left for the collector to copy).
 */
export function cellShift(
  before: readonly RowCell[],
  after: readonly RowCell[],
  toNew: readonly number[],
  a: number,
  b: number,
): number | null {
  const n = before.length;
  if (n === 0 || after.length !== n) return null;
  if (a <= before[0].rawStart && b >= before[n - 1].rawEnd) return 0;
  for (let c = 0; c < n; c++) {
    const o = before[c];
    if (o.rawStart <= a && b <= o.rawEnd) return after[toNew[c]].rawStart - o.rawStart;
  }
  return null;
}

/** Where each old column went under `order` (new column j = old column order[j]): its inverse. */
export function whereEachWent(order: readonly number[]): number[] {
  const toNew: number[] = [];
  order.forEach((i, j) => (toNew[i] = j));
  return toNew;
}

/** `first` then `then`, as where each cell went: old cell c is at then[first[c]]. */
export function composeMoves(first: readonly number[], then: readonly number[]): number[] {
  return first.map((j) => then[j]);
}

/**
 * Whether `x`'s text [a, a+n) equals `y`'s [b, b+n). Speed: one short-lived slice and a block comparison
 * by the engine (a loop of charCodeAt over every row of the table was about a tenth of a column move).
 */
function sameChars(x: string, a: number, y: string, b: number, n: number): boolean {
  return n === 0 || y.startsWith(x.slice(a, a + n), b);
}

/** Whether `after`'s row is `before`'s row with its cells in `order` (new cell j = old cell order[j], raw text and all). */
function permutedRow(before: TableRow, after: TableRow, order: readonly number[], oldText: string, newText: string): boolean {
  const n = order.length;
  const oc = before.cells;
  const nc = after.cells;
  if (oc.length !== n || nc.length !== n || oldText.length !== newText.length) return false;
  if (before.leadingPipe !== after.leadingPipe || before.trailingPipe !== after.trailingPipe) return false;
  // What lies outside the cells (indentation, the outer pipes, trailing blanks) is the same text.
  if (oc[0].rawStart !== nc[0].rawStart || !sameChars(oldText, 0, newText, 0, oc[0].rawStart)) return false;
  const tail = oc[n - 1].rawEnd;
  if (nc[n - 1].rawEnd !== tail || !sameChars(oldText, tail, newText, tail, oldText.length - tail)) return false;
  for (let j = 0; j < n; j++) {
    const o = oc[order[j]];
    const c = nc[j];
    const len = o.rawEnd - o.rawStart;
    if (c.rawEnd - c.rawStart !== len || c.start - c.rawStart !== o.start - o.rawStart) return false;
    if (!sameChars(oldText, o.rawStart, newText, c.rawStart, len)) return false;
  }
  return true;
}

function sameSchemaColumn(a: SchemaColumn, b: SchemaColumn): boolean {
  return (
    a.header === b.header &&
    a.type === b.type &&
    a.values === b.values &&
    a.required === b.required &&
    a.pattern === b.pattern &&
    JSON.stringify(a.origin) === JSON.stringify(b.origin)
  );
}

/** Whether every typed fact of the table is the old one's, column for column under `order`. */
function sameMeanings(before: TableModel, after: TableModel, order: readonly number[]): boolean {
  if (before.isFeatureTable !== after.isFeatureTable || before.isDateTable || after.isDateTable) return false;
  if (before.heading !== after.heading || before.headerInferred || after.headerInferred) return false;
  const keys = new Set([...Object.keys(before.columns), ...Object.keys(after.columns)]) as Set<keyof TableModel['columns']>;
  for (const k of keys) {
    const o = before.columns[k];
    const c = after.columns[k];
    if (o === undefined || c === undefined || order[c] !== o) return false;
  }
  const a = before.schema;
  const b = after.schema;
  if (a === null || b === null) return a === b;
  if (a.name !== b.name || JSON.stringify(a.origin) !== JSON.stringify(b.origin) || a.columns.length !== b.columns.length) return false;
  const old = new Map(a.columns.map((c) => [c.index, c]));
  return b.columns.every((c) => {
    const o = old.get(order[c.index]);
    return o !== undefined && sameSchemaColumn(o, c);
  });
}

/** The order of `after`'s header cells in `before`'s (no two header cells alike), or null; null too when nothing moved. */
export function headerOrder(before: readonly string[], after: readonly string[]): number[] | null {
  if (before === after || before.length !== after.length || before.length < 2) return null;
  const at = new Map<string, number>();
  for (let i = 0; i < before.length; i++) at.set(before[i], i);
  if (at.size !== before.length) return null;
  const order: number[] = [];
  let moved = false;
  for (let j = 0; j < after.length; j++) {
    const i = at.get(after[j]);
    if (i === undefined) return null;
    if (i !== j) moved = true;
    order.push(i);
  }
  return moved && new Set(order).size === order.length ? order : null;
}

/** Whether both tables are top-level GFM tables with a header, on the same lines. */
function sameSpan(before: TableModel, after: TableModel): boolean {
  const p = before.parsed;
  const q = after.parsed;
  if (p.kind !== 'gfm' || q.kind !== 'gfm' || p.fromMdast || q.fromMdast || !p.header || !q.header) return false;
  return p.startLine === q.startLine && p.delimiterLine === q.delimiterLine && p.endLine === q.endLine;
}

/** Whether each new row is the old row of its index with its cells in `order`; null when the rows' lines differ. */
function movedRows(
  old: readonly TableRow[],
  rows: readonly TableRow[],
  order: readonly number[],
  oldLines: readonly SourceLine[],
  newLines: readonly SourceLine[],
): boolean[] | null {
  const moved: boolean[] = [];
  for (let i = 0; i < rows.length; i++) {
    const line = rows[i].line;
    if (old[i].line !== line) return null;
    moved.push(permutedRow(old[i], rows[i], order, oldLines[line].text, newLines[line].text));
  }
  return moved;
}

/** Column moves the model patch made (model/patch-columns.ts): the old table, the order, which rows it made from the old cells. */
const PATCHED = new WeakMap<TableModel, { before: TableModel; order: readonly number[]; moved: readonly boolean[] }>();

/**
 * Records that the model patch made `after` from `before` by a column move, `moved[i]` telling whether row
 * i is old row i with its cells in `order`. Performance: columnMove then does not compare every row's
 * characters again (the patch compared them to make the rows).
 */
export function recordColumnMove(after: TableModel, before: TableModel, order: readonly number[], moved: readonly boolean[]): void {
  // `before`'s own record is dropped: it told how `before` was made, which no check asks once a newer
  // table was patched from it; kept, each table would keep every table before it alive (a weak map's
  // value lives as long as its key: test/unit/retained.test.ts).
  PATCHED.delete(before);
  PATCHED.set(after, { before, order, moved });
}

/**
 * The column move that makes `after` (of lines `newLines`) from `before` (of `oldLines`), or null when
 * `after` is not exactly `before` with its columns in another order, every column keeping its meaning.
 * Cost: one comparison of each row's characters (no allocation per row), paid only when the header's
 * cells moved.
 */
export function columnMove(
  before: TableModel,
  after: TableModel,
  oldLines: readonly SourceLine[],
  newLines: readonly SourceLine[],
): ColumnMove | null {
  const p = before.parsed;
  const q = after.parsed;
  if (!sameSpan(before, after)) return null;
  const order = headerOrder(before.header, after.header);
  if (!order) return null;
  if (!order.every((i, j) => p.align[i] === q.align[j])) return null;
  if (!sameMeanings(before, after, order)) return null;
  const old = p.rows;
  const rows = q.rows;
  if (old.length !== rows.length || before.rows.length !== old.length || after.rows.length !== rows.length) return null;
  const patched = PATCHED.get(after);
  const moved =
    patched && patched.before === before && patched.order.every((i, j) => order[j] === i)
      ? patched.moved
      : movedRows(old, rows, order, oldLines, newLines);
  if (!moved) return null;
  const first = rows.length > 0 ? rows[0].line : 0;
  const toNew = whereEachWent(order);
  const rowMoved = (line: number): boolean => moved[line - first] === true;
  return {
    order,
    toNew,
    rowMoved,
    oldCells: (line) => offsetCells(old[line - first]),
    newCells: (line) => rows[line - first].cells,
  };
}

/** A row's cells for their columns: a moved row's origin's (the same columns), not its moved cells made on first read. */
function offsetCells(row: TableRow): readonly RowCell[] {
  return row instanceof ShiftedRow ? offsetCells(row.origin) : row.cells;
}
