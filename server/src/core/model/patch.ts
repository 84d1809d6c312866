// Over 300 lines: both patch paths (rows rewritten in place, rows added or removed) share what an edit may
// touch (readElsewhere) and how the patched page is made and its date facts kept (withTable, also the
// column move's); one file keeps those decisions in one place, and each path must equal a fresh build.
/**
 * The incremental path of the page model: an edit that only rewrites body rows of a top-level GFM table
 * (typing in a cell, the commonest edit of all) gives the previous model with those rows and their dates
 * replaced. Work is proportional to the edit, apart from copying a few arrays of references. An edit that
 * inserts, deletes or pastes whole rows inside such a table (Enter, a deleted row, a pasted block) is
 * patched the same way, and what lies below it is moved (model/shift.ts: light copies, nothing read
 * again). Anything else (a row that stops being a row, a table inside a container, a timeline table or
 * the first rows of a table that could become one, rows added after a table's last row, a disable comment
 * or plan line, a region read line by line) returns null and the page is built again.
 * An edit from a table's header line on is a column move or is built again (model/patch-columns.ts).
 */
import type { LineDiff } from '../diff';
import { continuesTable, parsedTable, tableRowAt, type TableRow } from '../markdown/table';
import { firstAtOrAfter, joined, spliced } from '../arrays';
import type { SourceLine } from '../lines';
import { byPosition, dateColumns, dateFacts, pushRowDates } from './page-dates';
import { pageModel, tableModel } from '../incremental/model-literals';
import { singleLineRow } from './tables';
import { learnVocabulary, patchCounts, permuteCounts } from './learned';
import { recordRowMoves, REUSE_FROM, RowsByText } from './row-moves';
import { SCHEDULE_SAMPLE_ROWS } from './schedule-columns';
import { PROSE_LINES_READ } from './detect';
import { firstLine, lastLine, LineShift } from './shift';
import type { LogicalRow, PageDate, PageModel, TableModel } from './page-model';
import type { TableDecl } from './schema';
import { patchColumns } from './patch-columns';

/** Lines whose text other parts of the model read: disable comments, milestone plans (`Milestone 2 (…)`, `Status:`, `Goal:`). */
const READ_ELSEWHERE = /release-pages-|^\s*(?:milestone\b|status:|goal:)/i;

/**
 * Whether other parts of the model read this line (READ_ELSEWHERE). Speed: a line that starts with `|`
 * (after blanks), as table rows do, cannot start a plan line, so only the directive's name is looked
 * for, as findDirectives (directives.ts) looks for it: lower case, a plain search (the whole pattern took
 * about 0.5 µs a line, 10 ms for the 20,000 lines a sort or a column move of 10,000 rows tests, old and
 * new; a case-insensitive expression still 3 ms).
 */
export function readElsewhere(text: string): boolean {
  let i = 0;
  while (i < text.length && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
  return text.charCodeAt(i) === 0x7c ? text.includes('release-pages-') : READ_ELSEWHERE.test(text);
}

function tableHolding(page: PageModel, from: number, to: number): TableModel | null {
  for (const t of page.tables) {
    const p = t.parsed;
    if (p.kind === 'gfm' && !p.fromMdast && from > p.delimiterLine && to - 1 <= p.endLine) return t;
  }
  return null;
}

function isPost(page: PageModel): boolean {
  const layout = page.frontMatter?.fields.get('layout')?.value;
  return typeof layout === 'string' && layout.toLowerCase() === 'post';
}

export function patchPage(base: PageModel, diff: LineDiff, decls: readonly TableDecl[] = []): PageModel | null {
  const { from, newTo, lines } = diff;
  if (isPost(base)) return null;
  if (diff.oldTo !== newTo) return patchRowCount(base, diff);
  if (newTo === from) return null;
  const table = tableHolding(base, from, newTo);
  // An edit from a table's header line on: a column move (model/patch-columns.ts), else built.
  if (!table) return patchColumns(base, diff, decls);
  if (table.isDateTable) return null;
  // A region read line by line (too big, too deep) is described by its size: read it again.
  if (base.degraded.some((d) => from <= d.endLine && newTo - 1 >= d.startLine)) return null;
  const physical = table.parsed.rows;
  const p0 = firstAtOrAfter(physical, from, (r) => r.line);
  const l0 = firstAtOrAfter(table.rows, from, (r) => r.lines[0]);
  // A table's first rows decide whether it is a schedule (schedule-columns.ts): an edit there may change that.
  if (!table.isFeatureTable && l0 < SCHEDULE_SAMPLE_ROWS) return null;
  if (!singleRowsStay(base, diff, table, p0, l0)) return null;
  const edit = editRows(base, diff, table, p0, l0);
  if (!edit) return null;
  const { newPhysical, newLogical, added, oldLine, taken } = edit;
  const parsedRows = spliced(physical, p0, p0 + newPhysical.length, newPhysical);
  const rows = spliced(table.rows, l0, l0 + newLogical.length, newLogical);
  const patched = tableModel({ ...table, parsed: parsedTable({ ...table.parsed, rows: parsedRows }), rows });
  // Every row of the edit an old one moved (a sort): the same values, only their first rows may change.
  if (taken === newLogical.length) permuteCounts(table, patched, l0, l0 + taken);
  else patchCounts(table, patched, l0, l0 + newLogical.length, newLogical.length);
  if (oldLine && taken > 0) recordRowMoves(patched, table, from, oldLine);
  // `added` is in page order: row by row, each row's dates in order.
  // Only this table's dates lie on its body lines.
  return withTable(base, lines, table, patched, [from, newTo], added, true);
}

/**
 * The rows of the edit's lines [from, newTo) of `table` (its rows from physical row p0 and logical row l0
 * on): each an old row moved when an old line of the edit had its text (a sort, a moved block: see
 * RowsByText in row-moves.ts), else read; their dates in page order; where each came from (`oldLine`, -1: read; null when
 * no row was looked for) and how many were taken. Null when a row would join or leave a broken row.
 */
function editRows(
  base: PageModel,
  diff: LineDiff,
  table: TableModel,
  p0: number,
  l0: number,
): { newPhysical: TableRow[]; newLogical: LogicalRow[]; added: PageDate[]; oldLine: Int32Array | null; taken: number } | null {
  const { from, newTo, lines } = diff;
  const physical = table.parsed.rows;
  const newPhysical: TableRow[] = [];
  const newLogical: LogicalRow[] = [];
  // Rows moved within the edit (a sort, a moved block) are the old rows moved, not read again.
  const reuse = newTo - from >= REUSE_FROM ? new RowsByText(base, table.rows, l0, from, newTo) : null;
  const added: PageDate[] = [];
  const columns = dateColumns(table);
  // Where each row of the edit was (-1: read again), for the check (model/row-moves.ts): a typed array, no object per row.
  const oldLine = reuse ? new Int32Array(newTo - from).fill(-1) : null;
  let taken = 0;
  for (let l = from, k = 0; l < newTo; l++, k++) {
    const text = lines[l].text;
    // The row takes the place of a row with this pipe: a row without one would join the row above.
    const kept = reuse?.take(text, l, physical[p0 + k].leadingPipe);
    if (kept && reuse && oldLine) {
      newPhysical.push(kept.physical);
      newLogical.push(kept.logical);
      reuse.pushDates(kept.line, l, added);
      oldLine[k] = kept.line;
      taken++;
      continue;
    }
    const row = tableRowAt(l, text);
    if (row.leadingPipe !== physical[p0 + k].leadingPipe) return null; // the row would join or leave a broken row
    const logical = singleLineRow(row, table.header.length);
    newPhysical.push(row);
    newLogical.push(logical);
    pushRowDates(logical, columns, added, table.header);
  }
  return { newPhysical, newLogical, added, oldLine, taken };
}

/**
 * `base` with `table` replaced by `patched` and `lines` for its lines; the dates on lines [from, to)
 * (only the table's lie there) replaced by `added` (page order). The page-wide date facts are kept when
 * `mayKeepFacts` and the new dates are the same tokens as the old ones, else worked out again.
 */
export function withTable(
  base: PageModel,
  lines: PageModel['lines'],
  table: TableModel,
  patched: TableModel,
  [from, to]: readonly [number, number],
  added: PageDate[],
  mayKeepFacts: boolean,
): PageModel {
  const lineOf = (d: PageDate): number => d.range.start.line;
  const d0 = firstAtOrAfter(base.dates, from, lineOf);
  const d1 = firstAtOrAfter(base.dates, to, lineOf);
  const dates = spliced(base.dates, d0, d1, added);
  const tables = base.tables.map((t) => (t === table ? patched : t));
  return pageModel({
    ...base,
    lines,
    tables,
    learned: learnVocabulary(tables),
    dates,
    ...(mayKeepFacts && sameTokens(base.dates, d0, d1, added) ? keptFacts(base) : dateFacts(dates, base.gaDate)),
  });
}

/**
 * Whether dates [d0, d1) of `dates` gave way to dates of the very same tokens (the memoised scan gives
 * a cell's text the same token objects), in the same order and context. Then the page-wide date facts
 * (day/month order, years), which read only the tokens and contexts, are those of the last model:
 * performance, a one-cell edit outside the dates no longer walks the page's 28,000 dates at 50,000 rows.
 */
function sameTokens(dates: readonly PageDate[], d0: number, d1: number, added: readonly PageDate[]): boolean {
  if (d1 - d0 !== added.length) return false;
  for (let i = 0; i < added.length; i++) {
    const a = dates[d0 + i];
    const b = added[i];
    if (a.token !== b.token || a.context !== b.context) return false;
  }
  return true;
}

function keptFacts(base: PageModel): Pick<PageModel, 'slashOrder' | 'releaseYear' | 'pageYears'> {
  return { slashOrder: base.slashOrder, releaseYear: base.releaseYear, pageYears: base.pageYears };
}

/** Whether every line of the edit was and stays a single-line row of `table` (starting at rows p0 / l0) that no other part of the model reads. */
function singleRowsStay(base: PageModel, diff: LineDiff, table: TableModel, p0: number, l0: number): boolean {
  for (let l = diff.from, k = 0; l < diff.newTo; l++, k++) {
    const old: SourceLine = base.lines[l];
    const text = diff.lines[l].text;
    if (readElsewhere(old.text) || readElsewhere(text) || !continuesTable(text)) return false;
    // Past the end of the old rows when the edit added rows.
    const before = table.parsed.rows[p0 + k] as TableRow | undefined;
    const logical = table.rows[l0 + k] as LogicalRow | undefined;
    // firstLine/lastLine, not `lines`: a moved row would make (and keep) an array of its one line (model/shift.ts).
    if (before?.line !== l || logical === undefined || firstLine(logical) !== l || lastLine(logical) !== l) return false;
  }
  return true;
}

/** The top-level GFM table whose body holds old lines [from, oldTo) and goes on after them (a body row at oldTo). */
function tableAround(page: PageModel, from: number, oldTo: number): TableModel | null {
  for (const t of page.tables) {
    const p = t.parsed;
    if (p.kind === 'gfm' && !p.fromMdast && from > p.delimiterLine && oldTo <= p.endLine) return t;
  }
  return null;
}

/** New rows [from, newTo) of the new lines, each a single-line row with a leading pipe; null if one is not. */
function newRows(lines: LineDiff['lines'], from: number, newTo: number): TableRow[] | null {
  const rows: TableRow[] = [];
  for (let l = from; l < newTo; l++) {
    const text = lines[l].text;
    if (readElsewhere(text) || !continuesTable(text)) return null;
    const row = tableRowAt(l, text);
    if (!row.leadingPipe) return null; // it would join the row above (a broken row)
    rows.push(row);
  }
  return rows;
}

/**
 * Rows inserted, deleted or replaced by a different number of rows, inside one table's body, before its
 * last row: the old rows [from, oldTo) give way to the new ones, and everything below moves by the
 * difference. The rows above and the rest of the page above keep their objects.
 */
/** Where a row-count edit lies in its table (indexes of physical and logical rows), or null when it cannot be patched. */
interface RowSpan {
  table: TableModel;
  p0: number;
  p1: number;
  l0: number;
  l1: number;
}

/** The table whose body rows the edit changes, when its rows may be patched. */
function patchableTable(base: PageModel, diff: LineDiff): TableModel | null {
  const { from, oldTo, newTo } = diff;
  const table = tableAround(base, from, oldTo);
  if (!table || table.isDateTable || !(table.parsed.header?.leadingPipe ?? false)) return null;
  // The detection reads the page's first lines outside tables: they must stay the same lines.
  if (table.parsed.endLine + Math.min(0, newTo - oldTo) < PROSE_LINES_READ) return null;
  if (base.degraded.some((d) => from <= d.endLine && oldTo >= d.startLine)) return null;
  return table;
}

function rowSpan(base: PageModel, diff: LineDiff): RowSpan | null {
  const { from, oldTo } = diff;
  const table = patchableTable(base, diff);
  if (!table) return null;
  const physical = table.parsed.rows;
  const p0 = firstAtOrAfter(physical, from, (r) => r.line);
  const p1 = firstAtOrAfter(physical, oldTo, (r) => r.line);
  const l0 = firstAtOrAfter(table.rows, from, firstLine);
  const l1 = firstAtOrAfter(table.rows, oldTo, firstLine);
  // Every removed line is a row of its own, and the row after the edit starts a row of its own.
  if (p1 - p0 !== oldTo - from || l1 - l0 !== oldTo - from || physical[p1]?.line !== oldTo || !physical[p1].leadingPipe) return null;
  const next = table.rows.at(l1);
  const previous = l0 > 0 ? table.rows[l0 - 1] : undefined;
  if (next === undefined || firstLine(next) !== oldTo || (previous === undefined ? -1 : lastLine(previous)) >= from) return null;
  if (!table.isFeatureTable && l0 < SCHEDULE_SAMPLE_ROWS) return null;
  for (let l = from; l < oldTo; l++) if (readElsewhere(base.lines[l].text)) return null;
  return { table, p0, p1, l0, l1 };
}

function patchRowCount(base: PageModel, diff: LineDiff): PageModel | null {
  const { from, oldTo, newTo, lines } = diff;
  const by = newTo - oldTo;
  const span = rowSpan(base, diff);
  if (!span) return null;
  const { table, p0, p1, l0, l1 } = span;
  const physical = table.parsed.rows;
  const added = newRows(lines, from, newTo);
  if (!added) return null;
  const shift = new LineShift(oldTo, by);
  const columns = table.header.length;
  // The rows below: one ShiftedRow each (cells moved only when read), see model/shift.ts.
  const below = shift.rowsBelow(table, p1, l1);
  if (!below) return null;
  // One array each at its final size (arrays.ts joined), not a push per row.
  const logical: LogicalRow[] = joined<LogicalRow>(
    table.rows,
    l0,
    added.map((row) => singleLineRow(row, columns)),
    below.logical,
  );
  const parsedRows = joined<TableRow>(physical, p0, added, below.physical);
  const patched = tableModel({ ...table, parsed: shift.parsed(table.parsed, parsedRows), rows: logical });
  patchCounts(table, patched, l0, l1, added.length);
  // Milestones first, so that a date they share with the page's list (the GA date) moves to one copy.
  const timelines = base.timelines.map((t) => shift.timeline(t));
  const dateColumnsOf = dateColumns(table);
  const addedDates: PageDate[] = [];
  for (let k = l0; k < l0 + added.length; k++) pushRowDates(logical[k], dateColumnsOf, addedDates, table.header);
  addedDates.sort(byPosition);
  const lineOf = (d: PageDate): number => d.range.start.line;
  const d0 = firstAtOrAfter(base.dates, from, lineOf);
  const d1 = firstAtOrAfter(base.dates, oldTo, lineOf);
  // At its final size, as the rows (the 28,000 dates of a 50,000-row page grew by pushes before).
  const dates = new Array<PageDate>(d0 + addedDates.length + base.dates.length - d1);
  for (let i = 0; i < d0; i++) dates[i] = base.dates[i];
  for (let i = 0; i < addedDates.length; i++) dates[d0 + i] = addedDates[i];
  for (let i = d1, k = d0 + addedDates.length; i < base.dates.length; i++, k++) dates[k] = shift.date(base.dates[i]);
  const gaDate = shift.maybeDate(base.gaDate);
  const movedTables = base.tables.map((t) => (t === table ? patched : shift.table(t)));
  return pageModel({
    ...base,
    lines,
    detection: shift.detection(base.detection),
    headings: base.headings.map((h) => shift.heading(h)),
    timelines,
    criteria: base.criteria.map((c) => shift.criterion(c)),
    tables: movedTables,
    learned: learnVocabulary(movedTables),
    orphanRows: base.orphanRows.map((o) => shift.orphans(o)),
    legend: shift.legend(base.legend),
    plan: base.plan.map((p) => shift.plan(p)),
    dates,
    literalLines: shift.literalLines(base.literalLines),
    directives: base.directives.map((d) => shift.directive(d)),
    degraded: base.degraded.map((d) => shift.degraded(d)),
    gaDate,
    ...(keepsFacts(base, base.dates.slice(d0, d1), addedDates) ? keptFacts(base) : dateFacts(dates, gaDate)),
  });
}

/**
 * Whether removing `removed` and adding `added` leaves the page-wide date facts of `base` as they are
 * (the moved dates keep their tokens). Performance: an insert or a paste of rows whose years the page
 * already has does not walk the page's every date again (28,000 at 50,000 rows). Sufficient, not exact:
 * a removed date that could be the last of its year, or a slash date's order where none is known,
 * computes the facts again.
 */
function keepsFacts(base: PageModel, removed: readonly PageDate[], added: readonly PageDate[]): boolean {
  for (const d of removed) if ((d.token.kind === 'date' && d.token.year) || d.token.slash) return false;
  for (const d of added) {
    const t = d.token;
    if (t.slash && (t.slash.order === 'dmy' || t.slash.order === 'mdy') && t.slash.order !== base.slashOrder) return false;
    if (t.kind !== 'date' || !t.year) continue;
    if (!base.pageYears.includes(t.year)) return false;
    // The newest year outside the front matter is the release year when no GA date gives one.
    const fromGa = base.gaDate?.token.year ?? null;
    if (d.context !== 'frontmatter' && fromGa === null && (base.releaseYear === null || t.year > base.releaseYear)) return false;
  }
  return true;
}
