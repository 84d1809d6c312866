/**
 * The model patch for a column move: an edit that rewrites a top-level GFM feature table from its header
 * line on, the same number of lines, where the header's cells are the old ones in another order (the
 * editor's "move column" command). Performance: the page was built again (a third of a column move's time
 * at 10,000 rows: every region read, every row split, the page's dates scanned); now only this table is
 * made again, its rows from the old rows' cells (a row whose cells are the old ones in the new order is not
 * split again; a cell that kept its place is the very same object), its dates and its learned counts from
 * the old table's, and the rest of the page is the last model's. Anything else returns null (the page is
 * built), and the result must equal a build (test/unit/structural-edits.test.ts, moved-columns.test.ts).
 */
import type { LineDiff } from '../diff';
import { firstAtOrAfter } from '../arrays';
import { continuesTable, parsedTable, RowCell, tableRowAt, type TableRow } from '../markdown/table';
import { byPosition, CellDate, cellDateLine, dateColumns, pushRowDates } from './page-dates';
import { buildTable } from './tables';
import { moveCounts } from './learned';
import { headerOrder, recordColumnMove, whereEachWent } from './permute';
import { readElsewhere, withTable } from './patch';
import type { LogicalRow, PageDate, PageModel, TableModel } from './page-model';
import type { TableDecl } from './schema';

/**
 * What to compare of a row moved by `order` (new cell j = old cell order[j]): the runs of new cells that
 * are consecutive old cells in their old order, each as [first old cell, last old cell]. Performance: a
 * run is compared as one span of text (cells and the pipes between them), the text before the first cell
 * and after the last with the runs they touch; moving one column leaves at most four runs, so a row costs
 * up to four comparisons instead of one per cell plus two (a tenth of a column move at 10,000 rows went
 * into those comparisons and their slices).
 */
function runsOf(order: readonly number[]): number[] {
  const runs: number[] = [];
  for (let j = 0; j < order.length; j++) {
    if (j > 0 && order[j] === order[j - 1] + 1) runs[runs.length - 1] = order[j];
    else runs.push(order[j], order[j]);
  }
  return runs;
}

/** Whether `text` holds `oldText`'s [a, b) at `at`. Speed: one short-lived slice and the engine's block comparison. */
function sameSpan(oldText: string, a: number, b: number, text: string, at: number): boolean {
  return b <= a || text.startsWith(oldText.slice(a, b), at);
}

/**
 * The row of `text` on `line` when it is `old` with its cells in `order` (new cell j = old cell order[j],
 * raw text and all), made from the old cells without splitting the line; null otherwise. Both rows have a
 * leading and a trailing pipe, so every pipe between the cells stays a separator (a cell's own backslashes
 * come with it) and the line splits into exactly these cells. `runs`: runsOf(order).
 */
function movedRow(
  old: TableRow,
  oldText: string,
  text: string,
  line: number,
  order: readonly number[],
  runs: readonly number[],
): TableRow | null {
  const oc = old.cells;
  const n = order.length;
  if (oc.length !== n || !old.leadingPipe || !old.trailingPipe || text.length !== oldText.length) return null;
  const start = oc[0].rawStart;
  const end = oc[n - 1].rawEnd;
  // Each run's span, with the text before the first cell when the run starts with old cell 0 (else
  // compared on its own), and the text after the last cell when it ends with the old last cell.
  let at = start;
  if (runs[0] !== 0 && !sameSpan(oldText, 0, start, text, 0)) return null;
  for (let r = 0; r < runs.length; r += 2) {
    const first = oc[runs[r]];
    const last = oc[runs[r + 1]];
    if (r > 0 && text.charCodeAt(at - 1) !== 0x7c) return null;
    const from = r === 0 && runs[r] === 0 ? 0 : first.rawStart;
    const to = r === runs.length - 2 && runs[r + 1] === n - 1 ? oldText.length : last.rawEnd;
    if (!sameSpan(oldText, from, to, text, at - (first.rawStart - from))) return null;
    at += last.rawEnd - first.rawStart + 1;
  }
  if (at - 1 !== end) return null;
  if (runs[runs.length - 1] !== n - 1 && !sameSpan(oldText, end, oldText.length, text, end)) return null;
  at = start;
  // `map` makes the array at its final size (a push from empty reserves room for 17 cells: twice the
  // memory of a row's cells, kept until the next edit, 10,000 rows of it per move).
  const cells = order.map((i) => {
    const o = oc[i];
    const len = o.rawEnd - o.rawStart;
    // A cell that kept its place is the same object (same line, text and columns).
    const cell = at === o.rawStart ? o : new RowCell(line, o.text, at + (o.start - o.rawStart), at, at + len);
    at += len + 1;
    return cell;
  });
  return { line, cells, leadingPipe: true, trailingPipe: true };
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
  const runs = runsOf(order);
  for (const row of old) {
    const l = row.line;
    if (l >= diff.newTo) {
      rows.push(row);
      moved.push(false);
      continue;
    }
    const text = diff.lines[l].text;
    const fromOld = movedRow(row, base.lines[l].text, text, l, order, runs);
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
  if (delimiterMoved && !movedRow(tableRowAt(d, base.lines[d].text), base.lines[d].text, lines[d].text, d, order, runsOf(order)))
    return null;
  const body = bodyRows(base, diff, p.rows, order);
  if (!body) return null;
  const { rows } = body;
  const parsed = parsedTable({ ...p, header, align: delimiterMoved ? order.map((i) => p.align[i]) : p.align, rows });
  const moved = buildTable(parsed, lines, table.heading, decls);
  if (!moved.isFeatureTable || moved.isDateTable || moved.rows.length !== rows.length) return null;
  // Which rows are the old ones moved, for the check (incremental/moved-columns.ts over permute.ts).
  recordColumnMove(moved, table, order, body.moved);
  moveCounts(table, moved, order, body.moved);
  // No other date than the table's lies on its lines.
  const added = movedDates(base, table, moved, order, body.moved) ?? readDates(moved);
  return withTable(base, lines, table, moved, [p.startLine, p.endLine + 1], added, true);
}

/** The table's dates read from its rows (the memoised scan), in page order. */
function readDates(table: TableModel): PageDate[] {
  const columns = dateColumns(table);
  const added: PageDate[] = [];
  // Rows in page order, each row's dates sorted by pushRowDates: the list is in page order.
  for (const row of table.rows) pushRowDates(row, columns, added, table.header);
  return added;
}

/**
 * The dates of `after` (the column move of `before`), in page order: a moved row's dates are its old
 * dates, the very objects when their cell kept its place, else made over the cell's new place (the same
 * token and label: a cell keeps its column's name and so its reading); the other rows' are read. Performance:
 * no cell of a moved row is scanned or looked up again (the memo look-ups and the weekday test of every
 * cell were a tenth of a column move at 10,000 rows), and a date whose cell did not move is not copied.
 * Null when a date of the table is not a one-line cell's (read them all).
 */
function movedDates(
  base: PageModel,
  before: TableModel,
  after: TableModel,
  order: readonly number[],
  moved: readonly boolean[],
): PageDate[] | null {
  const p = before.parsed;
  const dates = base.dates;
  const lineOf = (d: PageDate): number => cellDateLine(d) ?? d.range.start.line;
  let i = firstAtOrAfter(dates, p.startLine, lineOf);
  let end = i;
  for (; end < dates.length && lineOf(dates[end]) <= p.endLine; end++) if (cellDateLine(dates[end]) === null) return null;
  const inverse = whereEachWent(order);
  const columns = dateColumns(after);
  const out: PageDate[] = [];
  for (let k = 0; k < after.rows.length; k++) {
    const row = after.rows[k];
    const line = p.rows[k].line;
    // The old row's dates: those on its line (rows in page order, one line each).
    const i0 = i;
    while (i < end && lineOf(dates[i]) === line) i++;
    if (!moved[k]) {
      pushRowDates(row, columns, out, after.header);
      continue;
    }
    const from = out.length;
    let reordered = false;
    for (let j = i0; j < i; j++) {
      const d = dates[j];
      if (!(d instanceof CellDate) || !(d.cell instanceof RowCell)) return null;
      const cell = newCellAt(p.rows[k].cells, row.cells, d.cell.start, inverse);
      if (!cell) return null;
      if (cell.start === d.cell.start) out.push(d);
      else {
        out.push(new CellDate(d.token, cell, d.label));
        reordered = true;
      }
    }
    if (reordered && out.length - from > 1) out.splice(from, out.length - from, ...out.slice(from).sort(byPosition));
  }
  return i === end ? out : null;
}

/** The cell of `after` that holds the cell of `before` starting at column `start` (new cell inverse[c] = old cell c), or null. */
function newCellAt(before: readonly RowCell[], after: LogicalRow['cells'], start: number, inverse: readonly number[]): RowCell | null {
  for (let c = 0; c < before.length; c++) {
    const o = before[c];
    if (o.start === start) {
      const n = after[inverse[c]];
      return n instanceof RowCell && n.text === o.text ? n : null;
    }
  }
  return null;
}
