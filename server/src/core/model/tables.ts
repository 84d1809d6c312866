/** Typed tables: columns mapped by header name, broken rows joined into logical rows. */
import { splitRow, type ParsedTable, type TableRow } from '../markdown/table';
import type { SourceLine } from '../lines';
import type { Position } from '../findings';
import { tableModel } from '../incremental/model-literals';
import type { CellRef, ColumnKey, LogicalRow, TableModel } from './page-model';
import { scheduleLayout, SCHEDULE_SAMPLE_ROWS, type ScheduleLayout } from './schedule-columns';
import { BUILTIN_PROFILES, COLUMN_NAMES } from './profiles';
import { matchSchema, normaliseHeader, type ColumnType, type TableDecl, type TableSchema } from './schema';

export function mapColumns(header: readonly string[]): Partial<Record<ColumnKey, number>> {
  const columns: Partial<Record<ColumnKey, number>> = {};
  header.forEach((h, i) => {
    const n = normaliseHeader(h);
    for (const key of Object.keys(COLUMN_NAMES) as ColumnKey[]) {
      if (columns[key] === undefined && COLUMN_NAMES[key].includes(n)) columns[key] = i;
    }
  });
  return columns;
}

/** All header names we recognise, for "does this first row look like a header". */
function isKnownHeader(text: string): boolean {
  const n = normaliseHeader(text);
  return Object.values(COLUMN_NAMES).some((names) => names.includes(n)) || /^(scenario|name|bugs|bzs|tested by)/.test(n);
}

interface Segment {
  line: number;
  column: number;
  mergedStart: number;
  length: number;
}

function positionIn(segments: readonly Segment[], offset: number): Position {
  for (let i = segments.length - 1; i >= 0; i--) {
    const s = segments[i];
    if (offset >= s.mergedStart) return { line: s.line, character: s.column + Math.min(offset - s.mergedStart, s.length) };
  }
  return { line: segments[0].line, character: segments[0].column };
}

/** A single line's row has no continuation lines (shared; frozen, so a mutation would fail loudly). */
export const NO_LINES: number[] = Object.freeze([]) as unknown as number[];

/** A logical row made of one physical row: its cells are the row's own (they know their line). */
export class SingleLineRow implements LogicalRow {
  readonly continuationLines = NO_LINES;
  readonly lines: number[];

  constructor(
    /** The physical row (read by model/shift.ts to move the row without copying its cells). */
    readonly row: TableRow,
    readonly malformed: boolean,
  ) {
    this.lines = [row.line];
  }

  get cells(): CellRef[] {
    return this.row.cells;
  }
}

/** Joins a row and its continuation lines, then splits the joined text as one row. */
function joinRows(group: readonly TableRow[], lines: readonly SourceLine[]): CellRef[] {
  const first = group[0];
  const firstCol = first.cells.length ? Math.max(0, first.cells[0].rawStart - (first.leadingPipe ? 1 : 0)) : 0;
  const segments: Segment[] = [];
  let merged = '';
  for (const r of group) {
    const col = r === first ? firstCol : 0;
    const text = lines[r.line].text.slice(col);
    if (merged.length > 0) merged += ' ';
    segments.push({ line: r.line, column: col, mergedStart: merged.length, length: text.length });
    merged += text;
  }
  return splitRow(merged).cells.map((c) => ({
    text: c.text,
    range: { start: positionIn(segments, c.start), end: positionIn(segments, c.end) },
    posAt: (o: number): Position => positionIn(segments, c.start + o),
  }));
}

/** The logical row of a physical row that no continuation line joins. */
export function singleLineRow(row: TableRow, columns: number): LogicalRow {
  return new SingleLineRow(row, row.cells.length !== columns);
}

function looksLikeHeaderRow(row: TableRow): boolean {
  return row.cells.length > 1 && row.cells.every((c) => !/\d{4}|\*\*|<s>/.test(c.text)) && row.cells.some((c) => isKnownHeader(c.text));
}

/** The column key a schema column of each type also sets (when the header names did not): what existing rules and the dashboard read. */
const KEY_OF_TYPE: Partial<Record<ColumnType, ColumnKey>> = { status: 'status', priority: 'priority', date: 'target', person: 'owner' };

/** `columns` with the keys the schema's typed columns add (the header names' own mapping wins). */
function withSchemaColumns(columns: Partial<Record<ColumnKey, number>>, schema: TableSchema | null): Partial<Record<ColumnKey, number>> {
  if (!schema) return columns;
  let out = columns;
  for (const c of schema.columns) {
    const key = KEY_OF_TYPE[c.type];
    if (key === undefined || out[key] !== undefined || Object.values(out).includes(c.index)) continue;
    if (out === columns) out = { ...columns };
    out[key] = c.index;
  }
  return out;
}

/**
 * The typed table of a parsed table; `decls` are the configuration's table declarations, tried before the
 * built-in profiles (model/profiles.ts).
 */
export function buildTable(
  parsed: ParsedTable,
  lines: readonly SourceLine[],
  heading: string | null,
  decls: readonly TableDecl[] = [],
): TableModel {
  let headerRow = parsed.header;
  let bodyRows = parsed.rows;
  let headerInferred = false;
  if (parsed.kind === 'delimiter-first') {
    if (bodyRows.length > 0 && looksLikeHeaderRow(bodyRows[0])) {
      headerRow = bodyRows[0];
      bodyRows = bodyRows.slice(1);
    } else {
      headerRow = null;
    }
  }
  let header: string[];
  if (headerRow) {
    header = headerRow.cells.map((c) => c.text);
  } else {
    headerInferred = true;
    const dated = bodyRows.some((r) => /\d{4}-\d{2}-\d{2}/.test(r.cells[0]?.text ?? ''));
    const width = Math.max(2, ...bodyRows.map((r) => r.cells.length));
    header = dated ? ['Date', 'Milestone'] : Array.from({ length: width }, (_, i) => `Column ${i + 1}`);
  }
  const columns = mapColumns(header);
  const usesLeadingPipes = (headerRow ?? bodyRows.at(0))?.leadingPipe ?? true;
  const rows: LogicalRow[] = [];
  for (let i = 0; i < bodyRows.length; i++) {
    const group: TableRow[] = [bodyRows[i]];
    while (usesLeadingPipes && i + 1 < bodyRows.length && !bodyRows[i + 1].leadingPipe) group.push(bodyRows[++i]);
    if (group.length === 1) {
      rows.push(singleLineRow(group[0], header.length));
      continue;
    }
    const cells = joinRows(group, lines);
    rows.push({
      lines: group.map((r) => r.line),
      cells,
      continuationLines: group.slice(1).map((r) => r.line),
      malformed: cells.length !== header.length,
    });
  }
  const isFeatureTable = columns.feature !== undefined && (columns.status !== undefined || columns.priority !== undefined);
  const layout = isFeatureTable
    ? null
    : scheduleLayout(
        header,
        rows.slice(0, SCHEDULE_SAMPLE_ROWS).map((r) => r.cells.map((c) => c.text)),
        columns,
        heading,
      );
  const schema = matchSchema(decls.length ? [...decls, ...BUILTIN_PROFILES] : BUILTIN_PROFILES, header, heading, layout !== null);
  const typed = withSchemaColumns(columns, schema);
  const table = tableModel({
    parsed,
    header,
    headerInferred,
    columns: typed,
    isFeatureTable,
    isDateTable: layout !== null,
    rows,
    heading,
    schema,
  });
  if (layout) LAYOUTS.set(table, layout);
  return table;
}

/** The schedule layout of each table read as a timeline (`isDateTable`), kept beside the table it describes. */
const LAYOUTS = new WeakMap<TableModel, ScheduleLayout>();

/** `moved` is `table` moved by lines added or removed above it (model/shift.ts): the same layout. */
export function keepLayout(table: TableModel, moved: TableModel): void {
  const layout = LAYOUTS.get(table);
  if (layout) LAYOUTS.set(moved, layout);
}

/** How a schedule table (`isDateTable`) is read: its date, label, owner and actual columns, or its phases. */
export function layoutOf(table: TableModel): ScheduleLayout | null {
  return LAYOUTS.get(table) ?? null;
}
