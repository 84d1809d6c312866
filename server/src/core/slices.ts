/**
 * Big tables are checked in slices of rows. A slice's findings depend only on its rows' text and on the
 * page's context (config, legend, GA date, date order, the table's header), so the engine caches them by
 * content: after a one-cell edit only the slice holding that cell is checked again. Slice boundaries are
 * content-defined (a row ends a slice when a hash of its text says so), so inserting a row disturbs one
 * slice, not every slice after it.
 */
import type { TableRow } from './markdown/table';
import type { LogicalRow, PageDate, PageModel, TableModel } from './model/types';

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

function boundaryAfter(text: string): boolean {
  let h = text.length;
  for (let i = Math.max(0, text.length - 24); i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return ((h >>> 0) & 63) === 0;
}

export function sliceTables(page: PageModel): Slice[] {
  const slices: Slice[] = [];
  for (const table of page.tables) {
    if (table.isDateTable || table.parsed.kind !== 'gfm' || table.rows.length < MIN_ROWS) continue;
    let rows: LogicalRow[] = [];
    const flush = (): void => {
      if (rows.length === 0) return;
      const last = rows[rows.length - 1];
      slices.push({ table, rows, from: rows[0].lines[0], to: last.lines[last.lines.length - 1] + 1 });
      rows = [];
    };
    for (const row of table.rows) {
      rows.push(row);
      const lastLine = row.lines[row.lines.length - 1];
      if (rows.length >= MAX_SLICE || boundaryAfter(page.lines[lastLine].text)) flush();
    }
    flush();
  }
  return slices;
}

/** The table's physical rows within the slice's lines (binary search: rows are sorted by line). */
function physicalRows(s: Slice): TableRow[] {
  const rows = s.table.parsed.rows;
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid].line < s.from) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < rows.length && rows[end].line < s.to) end++;
  return rows.slice(lo, end);
}

/** The texts a slice's findings depend on (besides the context): its rows' lines. */
export function sliceTexts(page: PageModel, s: Slice): string[] {
  const out: string[] = [];
  for (let l = s.from; l < s.to; l++) out.push(page.lines[l].text);
  return out;
}

/** Splits the page's dates into those inside each slice and the rest (one pass, slices sorted by line). */
function partitionDates(page: PageModel, slices: readonly Slice[]): { inSlice: PageDate[][]; rest: PageDate[] } {
  const sorted = slices.map((s, i) => ({ s, i })).sort((a, b) => a.s.from - b.s.from);
  const inSlice: PageDate[][] = slices.map(() => []);
  const rest: PageDate[] = [];
  for (const d of page.dates) {
    const line = d.range.start.line;
    let lo = 0;
    let hi = sorted.length - 1;
    let hit = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = sorted[mid].s;
      if (line < s.from) hi = mid - 1;
      else if (line >= s.to) lo = mid + 1;
      else {
        hit = sorted[mid].i;
        break;
      }
    }
    if (hit >= 0 && d.context === 'table') inSlice[hit].push(d);
    else rest.push(d);
  }
  return { inSlice, rest };
}


/** A view of the page holding one slice's rows only (page-level context kept). */
export function slicePages(page: PageModel, slices: readonly Slice[]): { slicePages: PageModel[]; rest: PageModel } {
  const { inSlice, rest } = partitionDates(page, slices);
  const views = slices.map((s, i): PageModel => ({
    ...page,
    timelines: [],
    criteria: [],
    plan: [],
    orphanRows: [],
    degraded: [],
    frontMatter: null,
    tables: [{ ...s.table, rows: s.rows, parsed: { ...s.table.parsed, rows: physicalRows(s) }, sliceOf: s.table }],
    dates: inSlice[i],
    scanRanges: [[s.from, s.to]],
  }));
  const sliced = new Set(slices.map((s) => s.table));
  const ranges: Array<[number, number]> = [];
  let at = 0;
  for (const s of [...slices].sort((a, b) => a.from - b.from)) {
    if (s.from > at) ranges.push([at, s.from]);
    at = s.to;
  }
  if (at < page.lines.length) ranges.push([at, page.lines.length]);
  const restPage: PageModel = {
    ...page,
    tables: page.tables.map((t) => (sliced.has(t) ? { ...t, rows: [], parsed: { ...t.parsed, rows: [] } } : t)),
    dates: rest,
    scanRanges: ranges,
  };
  return { slicePages: views, rest: restPage };
}
