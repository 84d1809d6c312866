/**
 * The incremental path of the page model: an edit that only rewrites body rows of a top-level GFM table
 * (typing in a cell, the commonest edit of all) gives the previous model with those rows and their dates
 * replaced. Work is proportional to the edit, apart from copying a few arrays of references. Anything
 * else (lines added or removed, a row that stops being a row, a table inside a container, a timeline
 * table or the first rows of a table that could become one, a disable comment or plan line, a region read line by line) returns null and the page is built again.
 */
import type { LineDiff } from '../diff';
import { continuesTable, parsedTable, tableRowAt, type TableRow } from '../markdown/table';
import { firstAtOrAfter, spliced } from '../arrays';
import type { SourceLine } from '../lines';
import { byPosition, dateColumns, dateFacts, pushRowDates } from './page-dates';
import { pageModel, tableModel } from '../incremental/model-literals';
import { singleLineRow } from './tables';
import { learnVocabulary } from './learned';
import { SCHEDULE_SAMPLE_ROWS } from './schedule-columns';
import type { LogicalRow, PageDate, PageModel, TableModel } from './page-model';

/** Lines whose text other parts of the model read: disable comments, milestone plans (`Milestone 2 (…)`, `Status:`, `Goal:`). */
const READ_ELSEWHERE = /release-pages-|^\s*(?:milestone\b|status:|goal:)/i;

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

export function patchPage(base: PageModel, diff: LineDiff): PageModel | null {
  const { from, newTo, lines } = diff;
  if (diff.oldTo !== newTo || newTo === from || isPost(base)) return null;
  const table = tableHolding(base, from, newTo);
  if (!table || table.isDateTable) return null;
  // A region read line by line (too big, too deep) is described by its size: read it again.
  if (base.degraded.some((d) => from <= d.endLine && newTo - 1 >= d.startLine)) return null;
  const physical = table.parsed.rows;
  const p0 = firstAtOrAfter(physical, from, (r) => r.line);
  const l0 = firstAtOrAfter(table.rows, from, (r) => r.lines[0]);
  // A table's first rows decide whether it is a schedule (schedule-columns.ts): an edit there may change that.
  if (!table.isFeatureTable && l0 < SCHEDULE_SAMPLE_ROWS) return null;
  const newPhysical: TableRow[] = [];
  const newLogical: LogicalRow[] = [];
  for (let l = from, k = 0; l < newTo; l++, k++) {
    const old: SourceLine = base.lines[l];
    const text = lines[l].text;
    if (READ_ELSEWHERE.test(old.text) || READ_ELSEWHERE.test(text) || !continuesTable(text)) return null;
    // Past the end of the old rows when the edit added rows.
    const before = physical[p0 + k] as TableRow | undefined;
    const logical = table.rows[l0 + k] as LogicalRow | undefined;
    if (before?.line !== l || logical?.lines.length !== 1 || logical.lines[0] !== l) return null;
    const row = tableRowAt(l, text);
    if (row.leadingPipe !== before.leadingPipe) return null; // the row would join or leave a broken row
    newPhysical.push(row);
    newLogical.push(singleLineRow(row, table.header.length));
  }
  const parsedRows = spliced(physical, p0, p0 + newPhysical.length, newPhysical);
  const rows = spliced(table.rows, l0, l0 + newLogical.length, newLogical);
  const patched = tableModel({ ...table, parsed: parsedTable({ ...table.parsed, rows: parsedRows }), rows });
  const added: PageDate[] = [];
  const columns = dateColumns(table);
  for (const row of newLogical) pushRowDates(row, columns, added, table.header);
  added.sort(byPosition);
  // Only this table's dates lie on its body lines.
  const lineOf = (d: PageDate): number => d.range.start.line;
  const dates = spliced(base.dates, firstAtOrAfter(base.dates, from, lineOf), firstAtOrAfter(base.dates, newTo, lineOf), added);
  const tables = base.tables.map((t) => (t === table ? patched : t));
  return pageModel({
    ...base,
    lines,
    tables,
    learned: learnVocabulary(tables),
    dates,
    ...dateFacts(dates, base.gaDate),
  });
}
