/**
 * Big tables are checked in slices of rows. A slice's findings depend only on its rows' text and on the
 * page's context (config, legend, GA date, date order, the table's header), so the engine caches them by
 * content: after a one-cell edit only the slice holding that cell is checked again. Slice boundaries are
 * content-defined (a row ends a slice when a hash of its text says so), so inserting a row disturbs one
 * slice, not every slice after it. Only the slices that changed get a view of the page (sliceView).
 */
import { parsedTable, type TableRow } from '../markdown/table';
import { pageModel, tableModel } from './model-literals';
import { firstAtOrAfter } from '../arrays';
import type { LogicalRow, PageDate, PageModel, TableModel } from '../model/page-model';
import { firstLine, lastLine } from '../model/shift';

/** Tables smaller than this are checked with the rest of the page. */
const MIN_ROWS = 64;
const MAX_SLICE = 256;

export interface Slice {
  table: TableModel;
  rows: LogicalRow[];
  /** Lines [from, to) the slice covers. */
  from: number;
  to: number;
}

/** Content-defined: whether a row ends a slice depends on its text alone (length and two characters). */
function boundaryAfter(text: string): boolean {
  const n = text.length;
  const h = Math.imul(n ^ (text.charCodeAt(n - 2) << 7) ^ (text.charCodeAt(n >> 1) << 13) ^ text.charCodeAt(n - 5), 0x9e3779b1);
  return (h >>> 0) >>> 26 === 0;
}

export function sliceTables(page: PageModel): Slice[] {
  const slices: Slice[] = [];
  for (const table of page.tables) {
    if (table.isDateTable || table.parsed.kind !== 'gfm' || table.rows.length < MIN_ROWS) continue;
    const rows = table.rows;
    const cut = (a: number, b: number): void => {
      slices.push({ table, rows: rows.slice(a, b), from: firstLine(rows[a]), to: lastLine(rows[b - 1]) + 1 });
    };
    // firstLine/lastLine, not row.lines: a moved row makes no array for this walk (model/shift.ts); each
    // slice's rows are one copy (slice), not a push per row.
    let start = 0;
    for (let i = 0; i < rows.length; i++) {
      if (i + 1 - start >= MAX_SLICE || boundaryAfter(page.lines[lastLine(rows[i])].text)) {
        cut(start, i + 1);
        start = i + 1;
      }
    }
    if (start < rows.length) cut(start, rows.length);
  }
  return slices;
}

/** The table's physical rows within the slice's lines (binary search: rows are sorted by line). */
function physicalRows(s: Slice): TableRow[] {
  const rows = s.table.parsed.rows;
  const from = firstAtOrAfter(rows, s.from, (r) => r.line);
  return rows.slice(
    from,
    firstAtOrAfter(rows, s.to, (r) => r.line),
  );
}

/** The texts a slice's findings depend on (besides the context): its rows' lines. */
export function sliceTexts(page: PageModel, s: Slice): string[] {
  const out: string[] = [];
  for (let l = s.from; l < s.to; l++) out.push(page.lines[l].text);
  return out;
}

/** A view of the page for the rules: a page (whole, or a part of it), its lines, the table it holds part of. */
export interface PageView {
  /** The page as the rules see it: all of it, the rest without the sliced tables' rows, or one slice's rows. */
  page: PageModel;
  /** The lines the view covers, [from, to) in page order. */
  lines: ReadonlyArray<readonly [number, number]>;
  /** The table the view holds some rows of (its table-wide findings belong to the rest of the page), or null. */
  partOf: TableModel | null;
}

/** Every view is made here, with the same fields in the same order (one hidden class). */
function pageView(page: PageModel, lines: ReadonlyArray<readonly [number, number]>, partOf: TableModel | null): PageView {
  return { page, lines, partOf };
}

/** The whole page as one view. */
export function wholeView(page: PageModel): PageView {
  return pageView(page, [[0, page.lines.length]], null);
}

/** A view of the page holding one slice's rows and their dates only (page-level context kept). */
export function sliceView(page: PageModel, s: Slice): PageView {
  const dates: PageDate[] = [];
  for (
    let i = firstAtOrAfter(page.dates, s.from, (d) => d.range.start.line);
    i < page.dates.length && page.dates[i].range.start.line < s.to;
    i++
  ) {
    if (page.dates[i].context === 'table') dates.push(page.dates[i]);
  }
  const table = tableModel({ ...s.table, rows: s.rows, parsed: parsedTable({ ...s.table.parsed, rows: physicalRows(s) }) });
  return pageView(tableOnly(page, table, dates), [[s.from, s.to]], table);
}

/** The page with `table` as its only part (and `dates`, the table's), page-level context kept: a slice's or rows' model. */
function tableOnly(page: PageModel, table: TableModel, dates: PageDate[]): PageModel {
  return pageModel({
    ...page,
    timelines: [],
    criteria: [],
    plan: [],
    orphanRows: [],
    degraded: [],
    frontMatter: null,
    tables: [table],
    dates,
  });
}

/**
 * A view of the page holding some single-line rows of one table (not necessarily adjacent; in page order),
 * their lines and their dates only: the rows of a moved table that must be checked again
 * (moved-columns.ts).
 */
export function rowsView(page: PageModel, table: TableModel, rows: readonly LogicalRow[]): PageView {
  if (rows.length === 0) return pageView(page, [], table);
  const s: Slice = { table, rows: [], from: firstLine(rows[0]), to: lastLine(rows[rows.length - 1]) + 1 };
  const parsedRows = physicalRows(s);
  const lines: Array<[number, number]> = [];
  const physical: TableRow[] = [];
  let p = 0;
  for (const row of rows) {
    const line = firstLine(row);
    while (p < parsedRows.length && parsedRows[p].line < line) p++;
    if (p < parsedRows.length && parsedRows[p].line === line) physical.push(parsedRows[p]);
    const last = lines.at(-1);
    if (last && last[1] === line) last[1] = line + 1;
    else lines.push([line, line + 1]);
  }
  // The dates of each run of lines, found by a binary search: the rows may lie far apart (the first rows
  // of values, rows read again after a sort), and reading every date between them made the ranges of
  // thousands of moved dates (model/shift.ts) for nothing.
  const dates: PageDate[] = [];
  const lineOf = (d: PageDate): number => d.range.start.line;
  for (const [a, b] of lines) {
    for (let i = firstAtOrAfter(page.dates, a, lineOf); i < page.dates.length && lineOf(page.dates[i]) < b; i++) {
      if (page.dates[i].context === 'table') dates.push(page.dates[i]);
    }
  }
  const part = tableModel({ ...table, rows: [...rows], parsed: parsedTable({ ...table.parsed, rows: physical }) });
  return pageView(tableOnly(page, part, dates), lines, part);
}

/** The page without the sliced tables' rows (and their dates): what the rules check besides the slices. */
export function restView(page: PageModel, slices: readonly Slice[]): PageView {
  const sliced = new Set(slices.map((s) => s.table));
  const bodies: Array<[number, number]> = [];
  for (const t of sliced) {
    bodies.push([firstLine(t.rows[0]), lastLine(t.rows[t.rows.length - 1]) + 1]);
  }
  // The dates are in page order: only those within a body are looked at (a binary search finds them), so
  // the dates of the rows below an inserted row do not make their ranges (see model/shift.ts).
  bodies.sort((x, y) => x[0] - y[0]);
  const lineOf = (d: PageDate): number => d.range.start.line;
  const dates: PageDate[] = [];
  let i = 0;
  for (const [a, b] of bodies) {
    const i0 = Math.max(i, firstAtOrAfter(page.dates, a, lineOf));
    const i1 = Math.max(i0, firstAtOrAfter(page.dates, b, lineOf));
    for (; i < i0; i++) dates.push(page.dates[i]);
    for (; i < i1; i++) if (page.dates[i].context !== 'table') dates.push(page.dates[i]);
  }
  for (; i < page.dates.length; i++) dates.push(page.dates[i]);
  const ranges: Array<[number, number]> = [];
  let at = 0;
  for (const s of [...slices].sort((a, b) => a.from - b.from)) {
    if (s.from > at) ranges.push([at, s.from]);
    at = s.to;
  }
  if (at < page.lines.length) ranges.push([at, page.lines.length]);
  const view = pageModel({
    ...page,
    tables: page.tables.map((t) => (sliced.has(t) ? tableModel({ ...t, rows: [], parsed: parsedTable({ ...t.parsed, rows: [] }) }) : t)),
    dates,
  });
  return pageView(view, ranges, null);
}

/** The page model of a slice's view (see sliceView). */
export function slicePage(page: PageModel, s: Slice): PageModel {
  return sliceView(page, s).page;
}

/** The page model of the rest's view (see restView). */
export function restPage(page: PageModel, slices: readonly Slice[]): PageModel {
  return restView(page, slices).page;
}
