/**
 * The model patch for a column move: an edit that rewrites a top-level GFM feature table from its header
 * line on, the same number of lines, where the header's cells are the old ones in another order (the
 * editor's "move column" command). Performance: the page was built again (a third of a column move's time
 * at 10,000 rows: every region read, every row split, the page's dates scanned); now only this table is
 * made again, its rows from the old rows' cells (a row whose cells are the old ones in the new order is not
 * split again; a cell that kept its place is the very same object), its dates from the memoised scan, and
 * the rest of the page is the last model's. Anything else returns null (the page is built), and the
 * result must equal a build (test/unit/structural-edits.test.ts, moved-columns.test.ts).
 */
import type { LineDiff } from '../diff';
import { continuesTable, parsedTable, RowCell, tableRowAt, type TableRow } from '../markdown/table';
import { byPosition, dateColumns, pushRowDates } from './page-dates';
import { buildTable } from './tables';
import { headerOrder, recordColumnMove } from './permute';
import { readElsewhere, withTable } from './patch';
import type { PageDate, PageModel, TableModel } from './page-model';
import type { TableDecl } from './schema';

/**
 * Whether the old cell `o` of `oldText` is written at column `at` of `text`, its blanks too. Speed: one
 * short-lived slice and the engine's block comparison; comparing the padded cells of an aligned table a
 * character at a time cost more (profiled).
 */
function sameCell(oldText: string, o: RowCell, text: string, at: number): boolean {
  return text.startsWith(oldText.slice(o.rawStart, o.rawEnd), at);
}

/**
 * The row of `text` on `line` when it is `old` with its cells in `order` (new cell j = old cell order[j],
 * raw text and all), made from the old cells without splitting the line; null otherwise. Both rows have a
 * leading and a trailing pipe, so every pipe between the cells stays a separator (a cell's own backslashes
 * come with it) and the line splits into exactly these cells.
 */
function movedRow(old: TableRow, oldText: string, text: string, line: number, order: readonly number[]): TableRow | null {
  const oc = old.cells;
  const n = order.length;
  if (oc.length !== n || !old.leadingPipe || !old.trailingPipe || text.length !== oldText.length) return null;
  const start = oc[0].rawStart;
  const end = oc[n - 1].rawEnd;
  // The text around the cells (indentation, the outer pipes, trailing blanks) is the same.
  if (!text.startsWith(oldText.slice(0, start)) || !text.endsWith(oldText.slice(end))) return null;
  const cells: RowCell[] = [];
  let at = start;
  for (let j = 0; j < n; j++) {
    const o = oc[order[j]];
    const len = o.rawEnd - o.rawStart;
    if (j > 0 && text.charCodeAt(at - 1) !== 0x7c) return null;
    if (!sameCell(oldText, o, text, at)) return null;
    // A cell that kept its place is the same object (same line, text and columns).
    cells.push(at === o.rawStart ? o : new RowCell(line, o.text, at + (o.start - o.rawStart), at, at + len));
    at += len + 1;
  }
  return at - 1 === end ? { line, cells, leadingPipe: true, trailingPipe: true } : null;
}

/** The table's rows after the edit: its rows moved where they are the old ones in `order`, else read; null if one would join the row above. */
function bodyRows(
  base: PageModel,
  diff: LineDiff,
  old: readonly TableRow[],
  order: readonly number[],
): { rows: TableRow[]; moved: boolean[] } | null {
  const rows: TableRow[] = [];
  const moved: boolean[] = [];
  for (const row of old) {
    const l = row.line;
    if (l >= diff.newTo) {
      rows.push(row);
      moved.push(false);
      continue;
    }
    const text = diff.lines[l].text;
    const fromOld = movedRow(row, base.lines[l].text, text, l, order);
    const next = fromOld ?? tableRowAt(l, text);
    if (!next.leadingPipe) return null;
    rows.push(next);
    moved.push(fromOld !== null);
  }
  return { rows, moved };
}

/** Whether lines [from, to) were and stay lines of a table that no other part of the model reads. */
function tableLinesStay(base: PageModel, diff: LineDiff): boolean {
  for (let l = diff.from; l < diff.newTo; l++) {
    const text = diff.lines[l].text;
    if (readElsewhere(base.lines[l].text) || readElsewhere(text) || !continuesTable(text)) return false;
  }
  return true;
}

/** The table whose header is on line `from` and whose lines hold the edit, when a column move may be patched. */
function movedTable(base: PageModel, diff: LineDiff): TableModel | null {
  for (const t of base.tables) {
    const p = t.parsed;
    if (p.kind !== 'gfm' || p.fromMdast || !p.header || p.startLine !== diff.from || diff.newTo - 1 > p.endLine) continue;
    if (!t.isFeatureTable || t.isDateTable || t.headerInferred || !p.header.leadingPipe || !p.header.trailingPipe) return null;
    // Every row a single-line row of its own (none joined to the row above).
    if (t.rows.length !== p.rows.length) return null;
    return t;
  }
  return null;
}

export function patchColumns(base: PageModel, diff: LineDiff, decls: readonly TableDecl[]): PageModel | null {
  const { from, newTo, lines } = diff;
  if (diff.oldTo !== newTo || newTo - from < 3) return null;
  const table = movedTable(base, diff);
  if (!table) return null;
  if (base.degraded.some((d) => from <= d.endLine && newTo - 1 >= d.startLine)) return null;
  const p = table.parsed;
  if (!tableLinesStay(base, diff)) return null;
  const header = tableRowAt(from, lines[from].text);
  const oldHeader = p.header;
  if (!oldHeader || !header.leadingPipe || !header.trailingPipe) return null;
  const order = headerOrder(
    oldHeader.cells.map((c) => c.text),
    header.cells.map((c) => c.text),
  );
  if (!order) return null;
  // The delimiter row: its cells the old ones in the new order (so is the alignment).
  const d = p.delimiterLine;
  if (d >= newTo) return null;
  const delimiterMoved = lines[d] !== base.lines[d];
  if (delimiterMoved && !movedRow(tableRowAt(d, base.lines[d].text), base.lines[d].text, lines[d].text, d, order)) return null;
  const body = bodyRows(base, diff, p.rows, order);
  if (!body) return null;
  const { rows } = body;
  const parsed = parsedTable({ ...p, header, align: delimiterMoved ? order.map((i) => p.align[i]) : p.align, rows });
  const moved = buildTable(parsed, lines, table.heading, decls);
  if (!moved.isFeatureTable || moved.isDateTable || moved.rows.length !== rows.length) return null;
  // Which rows are the old ones moved, for the check (incremental/moved-columns.ts over permute.ts).
  recordColumnMove(moved, table, order, body.moved);
  // The table's dates are made again (from the memoised scan); no other date lies on its lines.
  const columns = dateColumns(moved);
  const added: PageDate[] = [];
  for (const row of moved.rows) pushRowDates(row, columns, added, moved.header);
  added.sort(byPosition);
  return withTable(base, lines, table, moved, [p.startLine, p.endLine + 1], added, false);
}
