/** Finding the page element under a position: table cells, milestones, dates, list items. */
import { splitRow, type TableCell } from '../markdown/table';
import type { CellRef, ColumnKey, Milestone, PageDate, PageModel, TableModel, Timeline } from '../model/page-model';
import type { Position, Range } from '../findings';

export function contains(r: Range, p: Position): boolean {
  const afterStart = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const beforeEnd = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return afterStart && beforeEnd;
}

export function overlaps(a: Range, b: Range): boolean {
  return contains(a, b.start) || contains(a, b.end) || contains(b, a.start);
}

export function lineRangeOf(page: PageModel, line: number): Range {
  return { start: { line, character: 0 }, end: { line, character: page.lines[line]?.text.length ?? 0 } };
}

/** The table whose lines include `line` (header, delimiter and body rows). */
export function tableAtLine(page: PageModel, line: number): { table: TableModel; index: number } | null {
  for (let i = 0; i < page.tables.length; i++) {
    const t = page.tables[i];
    if (line >= t.parsed.startLine && line <= t.parsed.endLine) return { table: t, index: i };
  }
  return null;
}

/** The column key of a column index, if the table maps one. */
export function columnKeyOf(table: TableModel, column: number): ColumnKey | null {
  for (const [key, idx] of Object.entries(table.columns)) if (idx === column) return key as ColumnKey;
  return null;
}

/** The cell of a physical table line under a character (split as GFM does), with its column index. */
export function rawCellAt(lineText: string, character: number): { cell: TableCell; column: number } | null {
  const row = splitRow(lineText);
  for (let i = 0; i < row.cells.length; i++) {
    const c = row.cells[i];
    if (character >= c.rawStart && character <= c.rawEnd) return { cell: c, column: i };
  }
  return null;
}

/** The logical cell of a feature table in `column` that contains the position. */
export function featureCellAt(
  page: PageModel,
  p: Position,
  column: ColumnKey,
): { table: TableModel; cell: CellRef; rowLine: number } | null {
  const at = tableAtLine(page, p.line);
  if (!at || !at.table.isFeatureTable) return null;
  const col = at.table.columns[column];
  if (col === undefined) return null;
  for (const row of at.table.rows) {
    if (row.malformed || !row.lines.includes(p.line)) continue;
    const cell = row.cells[col] as CellRef | undefined; // a row may have fewer cells than the header
    if (cell && contains(cell.range, p)) return { table: at.table, cell, rowLine: row.lines[0] };
  }
  return null;
}

/** The body cell under a position in any table, with its table and column index. */
export function tableCellAt(page: PageModel, p: Position): { table: TableModel; column: number; cell: CellRef } | null {
  const at = tableAtLine(page, p.line);
  if (!at) return null;
  for (const row of at.table.rows) {
    if (row.malformed || !row.lines.includes(p.line)) continue;
    for (let column = 0; column < row.cells.length; column++) {
      const cell = row.cells[column];
      if (contains(cell.range, p)) return { table: at.table, column, cell };
    }
  }
  return null;
}

export function milestoneAt(page: PageModel, p: Position): { timeline: Timeline; milestone: Milestone } | null {
  for (const timeline of page.timelines) {
    for (const milestone of timeline.milestones) {
      if (milestone.line === p.line && contains(milestone.labelRange, p)) return { timeline, milestone };
    }
  }
  return null;
}

export function dateAt(page: PageModel, p: Position): PageDate | null {
  for (const d of page.dates) {
    if (d.range.start.line > p.line) break;
    if (contains(d.range, p)) return d;
  }
  return null;
}

const LIST_ITEM = /^(\s*)([*+-]|\d{1,9}[.)])(\s+|$)/;

/** A list item's marker indentation and content column, or null when the line starts no list item. */
export function listItemOf(text: string): { indent: number; content: number } | null {
  const m = LIST_ITEM.exec(text);
  return m ? { indent: m[1].length, content: m[0].length } : null;
}

/** The nearest heading above a line. */
export function headingAbove(page: PageModel, line: number): PageModel['headings'][number] | null {
  let found: PageModel['headings'][number] | null = null;
  for (const h of page.headings) {
    if (h.line >= line) break;
    found = h;
  }
  return found;
}
