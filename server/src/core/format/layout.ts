/**
 * Lays out one GFM table: pipes lined up, cells padded to their column's display width as the delimiter
 * row aligns them, delimiter row normalised. Only whitespace, pipes and delimiter characters change:
 * every cell keeps its exact text. Rows that GFM or the checker read differently from their header
 * (too many or too few cells, a row broken across lines, a `|` inside a code span) keep their line
 * byte for byte; the diagnostics explain them.
 */
import { codeSpanPipes } from '../markdown/code-pipes';
import { parseDelimiterRow, type Align, type TableRow } from '../markdown/table';
import type { TableModel } from '../model/page-model';
import { displayWidth } from './width';

export type FormatStyle = 'aligned' | 'compact';

export interface FormatOptions {
  /** `aligned`: cells padded so the pipes line up; `compact`: one space around each cell. */
  style: FormatStyle;
  /**
   * A column whose widest cell is wider than this (display columns) is not padded (0: no limit). The
   * default keeps the output proportional to the input: without a limit, one 100,000-character cell
   * would pad every row of its table to 100,000 characters.
   */
  maxColumnWidth: number;
}

/** Default column width limit (display columns): wide enough for every ordinary cell, small enough to bound the padding. */
export const DEFAULT_MAX_COLUMN_WIDTH = 120;

export const DEFAULT_FORMAT_OPTIONS: FormatOptions = { style: 'aligned', maxColumnWidth: DEFAULT_MAX_COLUMN_WIDTH };

/** Receives the new text of one table line from column `from` (the line's container prefix, kept) to its end. */
export type LineSink = (line: number, from: number, text: string) => void;

/** Smallest width of a padded column: `:-:` needs three characters. */
export const MIN_WIDTH = 3;
const PREFIX_CHARS = /[ \t>]/;

/** Column where the row's own text starts (its leading pipe, or its first cell); the text before is the container prefix. */
function rowStart(line: string, row: TableRow): number | null {
  const first = row.cells.at(0); // a row may have no cells
  if (!first) return null;
  const at = row.leadingPipe ? first.rawStart - 1 : first.rawStart;
  if (at < 0 || (row.leadingPipe && line.charCodeAt(at) !== 124)) return null;
  return at;
}

function delimiterStart(line: string): number {
  let i = 0;
  while (i < line.length && PREFIX_CHARS.test(line[i])) i++;
  return i;
}

/** Runs of spaces, the short ones shared. */
const SPACES: string[] = Array.from({ length: 129 }, (_, n) => ' '.repeat(n));
const spaces = (n: number): string => (n < SPACES.length ? SPACES[n] : ' '.repeat(n));

/** A cell's text padded (with one space each side) to `target` display columns as `align` says. */
export function pad(text: string, width: number, target: number, align: Align): string {
  const gap = target - width;
  if (gap <= 0) return ` ${text} `;
  if (align === 'right') return `${spaces(gap + 1)}${text} `;
  if (align === 'center') {
    const left = gap >> 1;
    return `${spaces(left + 1)}${text}${spaces(gap - left + 1)}`;
  }
  return ` ${text}${spaces(gap + 1)}`;
}

/** A delimiter row cell of `width` dashes (colons included), with one space each side. */
export function delimiterCell(align: Align, width: number): string {
  switch (align) {
    case 'left':
      return ` :${'-'.repeat(width - 1)} `;
    case 'right':
      return ` ${'-'.repeat(width - 1)}: `;
    case 'center':
      return ` :${'-'.repeat(width - 2)}: `;
    default:
      return ` ${'-'.repeat(width)} `;
  }
}

/**
 * Lines of the table whose rows are left as they are: malformed rows, rows broken across lines (also the
 * row they continue), rows with a `|` inside a code span. A frozen row without a leading pipe would, once
 * the header gets one, read as the continuation of the row above it, so that row is frozen too: formatting
 * twice gives the same text.
 */
function frozenLines(lines: readonly string[], table: TableModel, columns: number): Set<number> {
  const frozen = new Set<number>();
  for (const r of table.rows) if (r.malformed || r.continuationLines.length > 0) for (const l of r.lines) frozen.add(l);
  const body = table.parsed.rows;
  for (const row of body) {
    const start = rowStart(lines[row.line], row);
    const line = lines[row.line];
    if (row.cells.length !== columns || start === null || (line.includes('`', start) && codeSpanPipes(line, start).length > 0))
      frozen.add(row.line);
  }
  for (let i = body.length - 1; i > 0; i--) {
    if (!frozen.has(body[i].line) || body[i].leadingPipe) continue;
    let k = i - 1;
    while (k > 0 && frozen.has(body[k].line) && !body[k].leadingPipe) k--;
    frozen.add(body[k].line);
  }
  return frozen;
}

/** Emits the formatted text of every line of `table` that is not frozen; false when the whole table is left as it is. */
export function layoutTable(lines: readonly string[], table: TableModel, options: FormatOptions, emit: LineSink): boolean {
  const parsed = table.parsed;
  const header = parsed.header;
  if (parsed.kind !== 'gfm' || !header) return false;
  const columns = header.cells.length;
  const headerStart = rowStart(lines[header.line], header);
  if (headerStart === null || codeSpanPipes(lines[header.line], headerStart).length > 0) return false;
  const delimiterLine = lines[parsed.delimiterLine];
  const delimiterFrom = delimiterStart(delimiterLine);
  const align = parseDelimiterRow(delimiterLine.slice(delimiterFrom));
  if (!align || align.length !== columns) return false;

  const frozen = frozenLines(lines, table, columns);
  const rows = [header];
  for (const r of parsed.rows) if (!frozen.has(r.line)) rows.push(r);
  const widths = new Int32Array(rows.length * columns);
  const target = new Array<number>(columns).fill(MIN_WIDTH);
  for (let i = 0, k = 0; i < rows.length; i++) {
    const cells = rows[i].cells;
    for (let c = 0; c < columns; c++, k++) {
      const w = displayWidth(cells[c].text);
      widths[k] = w;
      if (w > target[c]) target[c] = w;
    }
  }
  for (let c = 0; c < columns; c++) {
    const padded = options.style === 'aligned' && (options.maxColumnWidth <= 0 || target[c] <= options.maxColumnWidth);
    if (!padded) target[c] = 0;
  }

  for (let i = 0, k = 0; i < rows.length; i++) {
    const row = rows[i];
    let text = '|';
    for (let c = 0; c < columns; c++, k++) text += `${pad(row.cells[c].text, widths[k], target[c], align[c])}|`;
    emit(row.line, rowStart(lines[row.line], row)!, text);
    if (i === 0) {
      let d = '|';
      for (let c = 0; c < columns; c++) d += `${delimiterCell(align[c], Math.max(MIN_WIDTH, target[c]))}|`;
      emit(parsed.delimiterLine, delimiterFrom, d);
    }
  }
  return true;
}
