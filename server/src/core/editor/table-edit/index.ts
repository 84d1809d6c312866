/**
 * Spreadsheet editing of GFM tables: an operation at a position (move to the next cell, insert a row,
 * move a column, sort…) read on the core's own table reading, applied to the table's grid, and returned
 * as the minimal text edits that turn the old table into the new, aligned one, with where the cursor goes.
 * Only the table changes.
 */
import type { Position, Range, TextEdit } from '../../findings';
import type { SourceLine } from '../../lines';
import type { PageModel } from '../../model/page-model';
import type { Align } from '../../markdown/table';
import { lineEdit, tableAtLine, type FormatOptions } from '../../format';
import { cellAt, columnsOf, emptyRow, lineOfRow, readGrid, renderGrid, type Grid } from './grid';
import { gridToCsv, readTabular, tableLines, type TabularKind } from './convert';
import { sortOrder, type SortType, type SortVocabulary } from './sort';
import type { TableOp } from '../../../../../shared/table-ops';

export { readTabular, readDelimited, readHtmlTable, detectTabular, escapeCell, tableLines as tabularTableLines } from './convert';
export type { TabularKind } from './convert';
export type { SortType, SortVocabulary } from './sort';

export { TABLE_OPS, type TableOp } from '../../../../../shared/table-ops';

export interface TableEditOptions {
  format: FormatOptions;
  vocabulary: SortVocabulary;
  /** For `alignColumn`. */
  align?: Align;
  /** Locale of text collation (the host's when absent). */
  locale?: string;
}

export interface TableEditResult {
  /** Edits in the page's coordinates, non-overlapping, in document order (none when the table is already as it should be). */
  edits: TextEdit[];
  /** Where the cursor goes, in the coordinates of the page after the edits. */
  cursor: Position;
  /** The table's lines after the edits (inclusive). */
  table: { start: number; end: number };
  /** Why nothing was done (deleting the header row, moving the first column left…). */
  note?: string;
  /** The column's type a sort read. */
  sortedAs?: SortType;
  /** `copyCsv`: the table as CSV. */
  text?: string;
}

type Page = Pick<PageModel, 'lines' | 'tables'>;

/** The whole-line replacements that turn `old` (lines from `first` on) into `next`, as minimal edits. */
export function linesEdits(
  lines: readonly SourceLine[],
  first: number,
  old: readonly string[],
  next: readonly string[],
  eol: string,
): TextEdit[] {
  let a = 0;
  while (a < old.length && a < next.length && old[a] === next[a]) a++;
  let b = 0;
  while (b < old.length - a && b < next.length - a && old[old.length - 1 - b] === next[next.length - 1 - b]) b++;
  const oldMid = old.length - a - b;
  const newMid = next.slice(a, next.length - b);
  if (oldMid === 0 && newMid.length === 0) return [];
  if (oldMid === newMid.length) {
    const edits: TextEdit[] = [];
    for (let k = 0; k < oldMid; k++) {
      const e = lineEdit(first + a + k, old[a + k], 0, newMid[k]);
      if (e) edits.push(e);
    }
    return edits;
  }
  const from = first + a;
  const to = from + oldMid - 1; // last replaced line (inclusive)
  const endOf = (l: number): Position => ({ line: l, character: lines[l].text.length });
  let range: Range;
  let newText: string;
  if (oldMid === 0) {
    // Pure insertion after line from - 1 (never the first line of the table: the header stays).
    range = { start: endOf(from - 1), end: endOf(from - 1) };
    newText = newMid.map((l) => eol + l).join('');
  } else if (newMid.length === 0) {
    range = { start: endOf(from - 1), end: endOf(to) };
    newText = '';
  } else {
    range = { start: { line: from, character: 0 }, end: endOf(to) };
    newText = newMid.join(eol);
  }
  return [{ range, newText }];
}

function swap<T>(a: T[], i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/** Swaps two rows' cells; each line keeps its container prefix. */
function swapCells(g: Grid, i: number, j: number): void {
  const t = g.rows[i].cells;
  g.rows[i].cells = g.rows[j].cells;
  g.rows[j].cells = t;
}

interface Moved {
  row: number;
  column: number;
  note?: string;
  sortedAs?: SortType;
}

/** One operation: changes the grid in place; returns the cursor's new cell, or a note when it cannot apply. */
type Apply = (g: Grid, row: number, column: number, options: TableEditOptions) => Moved;

const lastRow = (g: Grid): number => g.rows.length - 1;
const everyRow = (g: Grid, f: (cells: string[]) => void): void => g.rows.forEach((r) => f(r.cells));

const insertRow =
  (below: boolean, firstColumn: boolean): Apply =>
  (g, row, column) => {
    const at = below ? row + 1 : Math.max(1, row);
    g.rows.splice(at, 0, emptyRow(g));
    return { row: at, column: firstColumn ? 0 : column };
  };

const moveRow =
  (by: -1 | 1): Apply =>
  (g, row, column) => {
    const to = row + by;
    if (row === 0) return { row, column, note: 'The header row stays first.' };
    if (to < 1 || to > lastRow(g)) return { row, column, note: by < 0 ? 'This is the first row.' : 'This is the last row.' };
    swapCells(g, row, to);
    return { row: to, column };
  };

const insertColumn =
  (right: boolean): Apply =>
  (g, row, column) => {
    const at = right ? column + 1 : column;
    everyRow(g, (cells) => cells.splice(at, 0, ''));
    g.align.splice(at, 0, null);
    return { row, column: at };
  };

const moveColumn =
  (by: -1 | 1): Apply =>
  (g, row, column) => {
    const to = column + by;
    if (to < 0 || to >= columnsOf(g)) return { row, column, note: to < 0 ? 'This is the first column.' : 'This is the last column.' };
    everyRow(g, (cells) => swap(cells, column, to));
    swap(g.align, column, to);
    return { row, column: to };
  };

const sortRows =
  (descending: boolean): Apply =>
  (g, row, column, options) => {
    const rows = g.rows.slice(1);
    const { order, type } = sortOrder(
      rows.map((r) => r.cells[column]),
      descending,
      options.vocabulary,
      options.locale,
    );
    // Cells move, container prefixes stay with their lines.
    const cells = order.map((i) => rows[i].cells);
    rows.forEach((r, i) => {
      r.cells = cells[i];
    });
    return { row: row === 0 ? 0 : order.indexOf(row - 1) + 1, column, sortedAs: type };
  };

const OPERATIONS: Record<TableOp, Apply> = {
  nextCell: (g, row, column) => {
    if (column < columnsOf(g) - 1) return { row, column: column + 1 };
    if (row === lastRow(g)) g.rows.push(emptyRow(g));
    return { row: row + 1, column: 0 };
  },
  previousCell: (g, row, column) => {
    if (column > 0) return { row, column: column - 1 };
    return row > 0 ? { row: row - 1, column: columnsOf(g) - 1 } : { row, column };
  },
  cellAbove: (_g, row, column) => ({ row: Math.max(0, row - 1), column }),
  cellBelow: (g, row, column) => {
    if (row === lastRow(g)) g.rows.push(emptyRow(g));
    return { row: row + 1, column };
  },
  newRowBelow: insertRow(true, true),
  insertRowBelow: insertRow(true, false),
  insertRowAbove: insertRow(false, false),
  deleteRow: (g, row, column) => {
    if (row === 0) return { row, column, note: 'The header row cannot be deleted.' };
    g.rows.splice(row, 1);
    return { row: Math.min(row, lastRow(g)), column };
  },
  moveRowUp: moveRow(-1),
  moveRowDown: moveRow(1),
  insertColumnLeft: insertColumn(false),
  insertColumnRight: insertColumn(true),
  deleteColumn: (g, row, column) => {
    const columns = columnsOf(g);
    if (columns === 1) return { row, column, note: 'A table keeps at least one column.' };
    everyRow(g, (cells) => cells.splice(column, 1));
    g.align.splice(column, 1);
    return { row, column: Math.min(column, columns - 2) };
  },
  moveColumnLeft: moveColumn(-1),
  moveColumnRight: moveColumn(1),
  alignColumn: (g, row, column, options) => {
    g.align[column] = options.align ?? null;
    return { row, column };
  },
  sortAscending: sortRows(false),
  sortDescending: sortRows(true),
  copyCsv: (_g, row, column) => ({ row, column }),
};

/**
 * The edits of `op` at `position` of a page, or null when the position is not in a GFM table (with a
 * header, each row on one line).
 */
export function tableEdit(page: Page, position: Position, op: TableOp, options: TableEditOptions): TableEditResult | null {
  const table = tableAtLine(page, position.line);
  if (!table) return null;
  const g = readGrid(page.lines, table.parsed);
  if (!g) return null;
  const at = cellAt(page.lines, g, position.line, position.character);
  if (!at) return null;
  const first = g.startLine;
  const oldLines: string[] = [];
  for (let l = first; l <= lineOfRow(g, g.rows.length - 1); l++) oldLines.push(page.lines[l].text);
  if (op === 'copyCsv') {
    return { edits: [], cursor: position, table: { start: first, end: first + oldLines.length - 1 }, text: gridToCsv(g, g.eol) };
  }
  const moved = OPERATIONS[op](g, at.row, at.column, options);
  const rendered = renderGrid(g, options.format);
  const edits = moved.note ? [] : linesEdits(page.lines, first, oldLines, rendered.lines, g.eol);
  const cursor = moved.note ? position : { line: lineOfRow(g, moved.row), character: rendered.starts[moved.row][moved.column] };
  const result: TableEditResult = {
    edits,
    cursor,
    table: { start: first, end: first + (moved.note ? oldLines : rendered.lines).length - 1 },
  };
  if (moved.note) result.note = moved.note;
  if (moved.sortedAs) result.sortedAs = moved.sortedAs;
  return result;
}

/**
 * The lines `[start, end]` of a page (a selected CSV or TSV block, or pasted text) as a Markdown table:
 * the edit that replaces them and the cursor at the table's first cell; null when the text is not tabular.
 */
export function convertToTable(
  page: Pick<PageModel, 'lines'>,
  range: Range,
  text: string,
  options: FormatOptions,
  kind?: TabularKind,
): { edits: TextEdit[]; cursor: Position; text: string } | null {
  const rows = readTabular(text, kind);
  if (!rows) return null;
  const eol = page.lines[range.start.line]?.eol || page.lines.find((l) => l.eol)?.eol || '\n';
  const lines = tableLines(rows, options);
  const table = lines.join(eol);
  return {
    edits: [{ range, newText: table }],
    cursor: { line: range.start.line, character: range.start.character + 2 },
    text: table,
  };
}

/**
 * Rows of the page's tables put in the order `lines` lists them (the status preview's sort, "Apply to
 * the page"): in each table, the listed rows take the listed rows' places in that order; other rows,
 * the header and the delimiter stay. Null when a line is not a body row of a table.
 */
export function reorderTableRows(
  page: Page,
  lines: readonly number[],
  options: FormatOptions,
): { edits: TextEdit[]; tables: number } | null {
  const byTable = new Map<number, { grid: Grid; rows: number[] }>();
  for (const line of lines) {
    const table = tableAtLine(page, line);
    if (!table) return null;
    let entry = byTable.get(table.parsed.startLine);
    if (!entry) {
      const grid = readGrid(page.lines, table.parsed);
      if (!grid) return null;
      entry = { grid, rows: [] };
      byTable.set(table.parsed.startLine, entry);
    }
    const row = line - entry.grid.startLine - 1;
    if (row < 1 || row >= entry.grid.rows.length || entry.rows.includes(row)) return null;
    entry.rows.push(row);
  }
  const edits: TextEdit[] = [];
  for (const { grid, rows } of byTable.values()) {
    const old = renderGrid(grid, options).lines.length;
    const oldLines: string[] = [];
    for (let l = grid.startLine; l < grid.startLine + old; l++) oldLines.push(page.lines[l].text);
    const slots = [...rows].sort((a, b) => a - b);
    const cells = rows.map((r) => grid.rows[r].cells);
    slots.forEach((slot, i) => {
      grid.rows[slot].cells = cells[i];
    });
    edits.push(...linesEdits(page.lines, grid.startLine, oldLines, renderGrid(grid, options).lines, grid.eol));
  }
  edits.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { edits, tables: byTable.size };
}
