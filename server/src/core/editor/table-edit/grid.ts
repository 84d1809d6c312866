/**
 * One GFM table as a grid of cell texts (read from the core's own table reading: escaped pipes, code
 * spans, container prefixes of tables in lists and block quotes), and the grid written back as aligned
 * lines with the column where each cell's text starts.
 */
import type { SourceLine } from '../../lines';
import { parseDelimiterRow, splitRow, type Align, type ParsedTable, type TableRow } from '../../markdown/table';
import { delimiterCell, displayWidth, MIN_WIDTH, pad, type FormatOptions } from '../../format';

export interface GridRow {
  /** The text before the row's own text (a list item's marker or indentation, a block quote's `>`), kept. */
  prefix: string;
  /** Cell texts as written (escapes kept), at least one per column; a row with more cells keeps the extra ones after the columns. */
  cells: string[];
}

export interface Grid {
  /** Line of the header row. */
  startLine: number;
  /** Header first, then the body rows (grid row r > 0 is on line startLine + r + 1). */
  rows: GridRow[];
  delimiterPrefix: string;
  align: Align[];
  /** The line ending new rows get (the table's own). */
  eol: string;
}

export const columnsOf = (g: Grid): number => g.align.length;

/** Line of grid row `r` (the delimiter row sits between the header and the body). */
export const lineOfRow = (g: Grid, r: number): number => g.startLine + (r === 0 ? 0 : r + 1);

function rowPrefixLength(text: string, row: TableRow): number | null {
  const first = row.cells.at(0);
  if (!first) return null;
  const at = row.leadingPipe ? first.rawStart - 1 : first.rawStart;
  if (at < 0 || (row.leadingPipe && text.charCodeAt(at) !== 124)) return null;
  return at;
}

const PREFIX_CHARS = /[ \t>]/;

function delimiterPrefixLength(line: string): number {
  let i = 0;
  while (i < line.length && PREFIX_CHARS.test(line[i])) i++;
  return i;
}

/** The grid of a GFM table with a header, or null when it cannot be read as one (each row one line). */
export function readGrid(lines: readonly SourceLine[], table: ParsedTable): Grid | null {
  const header = table.header;
  if (table.kind !== 'gfm' || !header) return null;
  const delimiterText = lines[table.delimiterLine].text;
  const dp = delimiterPrefixLength(delimiterText);
  const align = parseDelimiterRow(delimiterText.slice(dp));
  if (!align || align.length !== header.cells.length || table.delimiterLine !== header.line + 1) return null;
  const columns = align.length;
  const rows: GridRow[] = [];
  const all = [header, ...table.rows];
  for (let i = 0; i < all.length; i++) {
    const row = all[i];
    if (row.line !== (i === 0 ? header.line : table.delimiterLine + i)) return null;
    const text = lines[row.line].text;
    const p = rowPrefixLength(text, row);
    if (p === null) return null;
    const cells = row.cells.map((c) => c.text);
    while (cells.length < columns) cells.push('');
    rows.push({ prefix: text.slice(0, p), cells });
  }
  const eolLine = lines[header.line].eol || lines[table.delimiterLine].eol || '\n';
  return { startLine: header.line, rows, delimiterPrefix: delimiterText.slice(0, dp), align, eol: eolLine };
}

/** Grid row and column at a position of a table line (the delimiter row counts as the header), or null outside the table. */
export function cellAt(lines: readonly SourceLine[], g: Grid, line: number, character: number): { row: number; column: number } | null {
  const delimiter = g.startLine + 1;
  const last = lineOfRow(g, g.rows.length - 1);
  if (line < g.startLine || line > last) return null;
  const row = line <= delimiter ? 0 : line - g.startLine - 1;
  const prefix = line === delimiter ? g.delimiterPrefix : g.rows[row].prefix;
  const text = lines[line].text.slice(prefix.length);
  const { cells, leadingPipe } = splitRow(text);
  const at = character - prefix.length;
  let column = 0;
  for (let c = 0; c < cells.length; c++) {
    column = c;
    // A cell runs from its opening pipe (or the row's start) to its closing pipe.
    if (at <= cells[c].rawEnd) break;
  }
  if (!leadingPipe && at < 0) column = 0;
  return { row, column: Math.min(column, columnsOf(g) - 1) };
}

export interface Rendered {
  /** Header, delimiter, body rows: whole lines, prefixes included. */
  lines: string[];
  /** For grid row r and column c: the line column where the cell's text starts. */
  starts: number[][];
}

/** The grid as aligned lines (or compact ones, as the format options say): the same layout the table formatter makes. */
export function renderGrid(g: Grid, options: FormatOptions): Rendered {
  const columns = columnsOf(g);
  const target = new Array<number>(columns).fill(MIN_WIDTH);
  const widths = g.rows.map((r) =>
    r.cells.map((text, c) => {
      const w = displayWidth(text);
      if (c < columns && w > target[c]) target[c] = w;
      return w;
    }),
  );
  for (let c = 0; c < columns; c++) {
    const padded = options.style === 'aligned' && (options.maxColumnWidth <= 0 || target[c] <= options.maxColumnWidth);
    if (!padded) target[c] = 0;
  }
  const lines: string[] = [];
  const starts: number[][] = [];
  g.rows.forEach((row, r) => {
    let text = `${row.prefix}|`;
    const s: number[] = [];
    row.cells.forEach((cell, c) => {
      const padded = c < columns ? pad(cell, widths[r][c], target[c], g.align[c]) : ` ${cell} `;
      const lead = cell === '' ? 1 : padded.indexOf(cell);
      s.push(text.length + lead);
      text += `${padded}|`;
    });
    lines.push(text);
    starts.push(s);
    if (r === 0) {
      let d = `${g.delimiterPrefix}|`;
      for (let c = 0; c < columns; c++) d += `${delimiterCell(g.align[c], Math.max(MIN_WIDTH, target[c]))}|`;
      lines.push(d);
    }
  });
  return { lines, starts };
}

/** An empty body row shaped like the table's (its container prefix taken from the delimiter row's, which is never a list item's first line). */
export function emptyRow(g: Grid): GridRow {
  return { prefix: g.delimiterPrefix, cells: new Array<string>(columnsOf(g)).fill('') };
}
