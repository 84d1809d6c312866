// Over 300 lines: one mover per part of the page model (rows, dates, timelines, headings, legend,
// directives…), all under one invariant (what lies at or below `at` moves `by` lines, nothing above it
// is copied); split by part, that invariant would be spread and a part below an edit could be left unmoved.
/**
 * Moving the parts of a page model that lie below an edit which added or removed lines (model/patch.ts:
 * rows inserted, deleted or pasted inside a table). A part at or below line `at` of the old page moves
 * `by` lines; a part above it is kept as it is (the same object). Cells, rows and dates of a table are
 * moved by making light copies that share their texts and tokens: nothing is read or scanned again, so
 * moving the rows below an inserted row costs a copy of references per row, not a parse.
 *
 * Performance trick (with domain code cooperating): a moved date keeps its token, and a moved table
 * cell is a RowCell like any other (RowCell.moved), so the rules meet the same classes as after a build.
 * A moved single-line body row is one ShiftedRow (below), both the physical and the logical row, whose
 * cells are moved only when read; a moved table date (CellDate.moved) makes its range only when read.
 * So the rows below an inserted row cost one small object each (and one per date), not a copy of their
 * cells: their slices' findings are kept (incremental/slice-cache.ts), so most are never read again.
 */
import type { Position, Range } from '../findings';
import { parsedTable, RowCell, type ParsedTable, type TableRow } from '../markdown/table';
import { tableModel } from '../incremental/model-literals';
import { CellDate } from './page-dates';
import { keepLayout, NO_LINES, SingleLineRow, singleLineRow } from './tables';
import type {
  CellRef,
  Criterion,
  DegradedBlock,
  Detection,
  DisableDirective,
  Heading,
  Legend,
  LogicalRow,
  Milestone,
  OrphanRows,
  PageDate,
  PlanMilestone,
  TableModel,
  Timeline,
} from './page-model';

/**
 * A single-line body row `by` lines below where it was read (`origin`, never itself a ShiftedRow: a row
 * moved again moves from its origin, so moves never chain). It is the table's physical row and its
 * logical row at once; its cells are moved when first read. Read by the rules like any row.
 */
export class ShiftedRow implements TableRow, LogicalRow {
  #cells: RowCell[] | null = null;
  #lines: number[] | null = null;

  constructor(
    readonly origin: TableRow,
    readonly by: number,
    readonly malformed: boolean,
  ) {}

  get line(): number {
    return this.origin.line + this.by;
  }

  /** Made when first read: the walks over every row (slices, the next patch) ask firstLine/lastLine instead (below). */
  get lines(): number[] {
    return (this.#lines ??= [this.origin.line + this.by]);
  }

  /**
   * On the prototype, not a field of each row (performance: one word less per moved row; tens of thousands
   * of rows are made again below every inserted row).
   */
  get continuationLines(): number[] {
    return NO_LINES;
  }

  get cells(): RowCell[] {
    return (this.#cells ??= this.origin.cells.map((c) => c.moved(this.by)));
  }

  get leadingPipe(): boolean {
    return this.origin.leadingPipe;
  }

  get trailingPipe(): boolean {
    return this.origin.trailingPipe;
  }
}

/**
 * A logical row's first line, without making a moved row's `lines` array (performance: the walks over
 * every row of a table on each edit, cutting slices and moving the rows below, would otherwise allocate
 * one array per moved row, and keep it, since ShiftedRow caches it).
 */
export function firstLine(r: LogicalRow): number {
  return r instanceof ShiftedRow ? r.origin.line + r.by : r.lines[0];
}

/**
 * The text of a logical row's cell `col` (undefined past its last cell), without moving a moved row's
 * cells: the text is the same wherever the row lies. Performance: the walks that read only texts (the
 * counts of statuses and priorities after a sort) would otherwise make and keep a moved copy of every
 * cell of every row they pass.
 */
export function cellText(r: LogicalRow, col: number): string | undefined {
  const cells = r instanceof ShiftedRow ? r.origin.cells : r.cells;
  return (cells[col] as CellRef | undefined)?.text;
}

/** A logical row's last line (see firstLine). */
export function lastLine(r: LogicalRow): number {
  if (r instanceof ShiftedRow) return r.origin.line + r.by;
  const lines = r.lines;
  return lines[lines.length - 1];
}

/**
 * What a logical row was read from: the same for a row and its moved copies (the physical row of a
 * single-line row, else the row itself). Equal identities mean equal texts (incremental/slice-cache.ts).
 */
export function rowIdentity(r: LogicalRow): object {
  if (r instanceof ShiftedRow) return r.origin;
  if (r instanceof SingleLineRow) return r.row instanceof ShiftedRow ? r.row.origin : r.row;
  return r;
}

/** A single-line logical row `by` lines further down, as one ShiftedRow; null for a row joined from broken lines. */
export function movedRow(r: LogicalRow, by: number): ShiftedRow | null {
  if (r instanceof ShiftedRow) return new ShiftedRow(r.origin, r.by + by, r.malformed);
  if (!(r instanceof SingleLineRow)) return null;
  const p = r.row;
  return p instanceof ShiftedRow ? new ShiftedRow(p.origin, p.by + by, r.malformed) : new ShiftedRow(p, by, r.malformed);
}

/** Moves line numbers at or after `at` by `by`; keeps the objects above `at`. */
export class LineShift {
  /** The old dates that are not table cells' (milestones', the GA date…) and their moved copies, so that every reference moves to the same copy. */
  private readonly movedDates = new Map<PageDate, PageDate>();

  constructor(
    readonly at: number,
    readonly by: number,
  ) {}

  line(l: number): number {
    return l >= this.at ? l + this.by : l;
  }

  position(p: Position): Position {
    return p.line >= this.at ? { line: p.line + this.by, character: p.character } : p;
  }

  range(r: Range): Range {
    return r.start.line >= this.at || r.end.line >= this.at ? { start: this.position(r.start), end: this.position(r.end) } : r;
  }

  /** A cell of a row that moves (a RowCell stays a RowCell; a joined broken row's cell gets moved positions). */
  cell(c: CellRef): CellRef {
    if (c instanceof RowCell) return c.line < this.at ? c : c.moved(this.by);
    if (c.range.start.line < this.at) return c;
    const by = this.by;
    const range = this.range(c.range);
    return { text: c.text, range, posAt: (o: number): Position => ({ line: c.posAt(o).line + by, character: c.posAt(o).character }) };
  }

  tableRow(r: TableRow): TableRow {
    if (r.line < this.at) return r;
    if (r instanceof ShiftedRow) return new ShiftedRow(r.origin, r.by + this.by, r.malformed);
    return {
      line: r.line + this.by,
      cells: r.cells.map((c) => c.moved(this.by)),
      leadingPipe: r.leadingPipe,
      trailingPipe: r.trailingPipe,
    };
  }

  /**
   * A logical row: a single-line row is made again over its moved physical row (`moved`, found by the
   * caller in the same order); a row joined from broken lines gets its cells moved.
   */
  logicalRow(r: LogicalRow, moved: TableRow | undefined, columns: number): LogicalRow {
    if (firstLine(r) < this.at) return r;
    if (moved && r.lines.length === 1 && r.continuationLines.length === 0) return singleLineRow(moved, columns);
    return {
      lines: r.lines.map((l) => this.line(l)),
      cells: r.cells.map((c) => this.cell(c)),
      continuationLines: r.continuationLines.map((l) => this.line(l)),
      malformed: r.malformed,
    };
  }

  parsed(t: ParsedTable, rows: TableRow[]): ParsedTable {
    return parsedTable({
      ...t,
      startLine: this.line(t.startLine),
      endLine: this.line(t.endLine),
      delimiterLine: this.line(t.delimiterLine),
      header: t.header && this.tableRow(t.header),
      rows,
    });
  }

  /** A single-line logical row below the edit as one ShiftedRow, or null for a row joined from broken lines. */
  singleRow(r: LogicalRow): ShiftedRow | null {
    return movedRow(r, this.by);
  }

  /**
   * The body rows of a GFM table from logical row `l` and physical row `p` on (all below the edit),
   * moved: a single-line row as one ShiftedRow in both lists, a joined row by copies. In a GFM table
   * the logical rows partition the physical rows in order; null if they do not line up.
   */
  rowsBelow(t: TableModel, p: number, l: number): { physical: TableRow[]; logical: LogicalRow[] } | null {
    const rows = t.parsed.rows;
    // Performance: while the rows are single-line (nearly always), one array is both lists (each
    // ShiftedRow is the physical and the logical row): one pass and one array of tens of thousands of
    // references less per edit. Rows are never added to it afterwards (the caller concatenates).
    // Made at its final size and cut if a joined row ends the single-line run (pushes grew it in steps).
    const single = new Array<ShiftedRow>(t.rows.length - l);
    let j = l;
    for (; j < t.rows.length; j++) {
      const r = t.rows[j];
      const first = firstLine(r);
      if (rows[p]?.line !== first || first < this.at) return null;
      const one = this.singleRow(r);
      if (!one) break;
      single[j - l] = one;
      p++;
    }
    if (j === t.rows.length) return p === rows.length ? { physical: single, logical: single } : null;
    single.length = j - l;
    const physical: TableRow[] = single.slice();
    const logical: LogicalRow[] = single.slice();
    for (; j < t.rows.length; j++) {
      const r = t.rows[j];
      const first = firstLine(r);
      if (rows[p]?.line !== first || first < this.at) return null;
      const one = this.singleRow(r);
      if (one) {
        physical.push(one);
        logical.push(one);
        p++;
        continue;
      }
      for (let k = 0; k < r.lines.length; k++) physical.push(this.tableRow(rows[p++]));
      logical.push(this.logicalRow(r, undefined, t.header.length));
    }
    return p === rows.length ? { physical, logical } : null;
  }

  /** A whole table below the edit (its rows all move). */
  table(t: TableModel): TableModel {
    if (t.parsed.endLine < this.at) return t;
    const fast = t.parsed.kind === 'gfm' && t.parsed.startLine >= this.at ? this.rowsBelow(t, 0, 0) : null;
    let rows: TableRow[];
    let logical: LogicalRow[];
    if (fast) {
      rows = fast.physical;
      logical = fast.logical;
    } else {
      rows = t.parsed.rows.map((r) => this.tableRow(r));
      const byLine = new Map(rows.map((r) => [r.line, r]));
      logical = t.rows.map((r) => this.logicalRow(r, byLine.get(this.line(r.lines[0])), t.header.length));
    }
    const moved = tableModel({ ...t, parsed: this.parsed(t.parsed, rows), rows: logical });
    keepLayout(t, moved);
    return moved;
  }

  /** A date: a table cell's date is made again over its moved cell; any other date moves once, whoever refers to it. */
  date(d: PageDate): PageDate {
    // A date of a one-line cell: its line without making its range (made only when read, see CellDate).
    if (d instanceof CellDate && d.cell instanceof RowCell) return d.cell.line + d.by < this.at ? d : d.moved(this.by);
    if (d.range.start.line < this.at && d.range.end.line < this.at) return d;
    if (d instanceof CellDate) return d.moved(this.by);
    const known = this.movedDates.get(d);
    if (known) return known;
    const by = this.by;
    const moved: PageDate = {
      token: d.token,
      range: this.range(d.range),
      context: d.context,
      label: d.label,
      posAt: (offset) => {
        const p = d.posAt(offset);
        return { line: p.line + by, character: p.character };
      },
    };
    this.movedDates.set(d, moved);
    return moved;
  }

  maybeDate(d: PageDate | null): PageDate | null {
    return d && this.date(d);
  }

  milestone(m: Milestone): Milestone {
    return {
      ...m,
      labelRange: this.range(m.labelRange),
      date: this.maybeDate(m.date),
      superseded: m.superseded.map((d) => this.date(d)),
      valueRange: this.range(m.valueRange),
      line: this.line(m.line),
      actual: this.maybeDate(m.actual),
    };
  }

  timeline(t: Timeline): Timeline {
    const tableLine = t.tableLine === null ? null : this.line(t.tableLine);
    return { ...t, line: this.line(t.line), tableLine, milestones: t.milestones.map((m) => this.milestone(m)) };
  }

  criterion(c: Criterion): Criterion {
    return c.line < this.at ? c : { ...c, keywordRange: this.range(c.keywordRange), line: c.line + this.by };
  }

  heading(h: Heading): Heading {
    return h.line < this.at ? h : { ...h, line: h.line + this.by };
  }

  orphans(o: OrphanRows): OrphanRows {
    return {
      tableEnd: this.line(o.tableEnd),
      blankFrom: this.line(o.blankFrom),
      blankTo: this.line(o.blankTo),
      firstLine: this.line(o.firstLine),
      lastLine: this.line(o.lastLine),
    };
  }

  legend(l: Legend | null): Legend | null {
    return l && l.line >= this.at ? { ...l, line: l.line + this.by } : l;
  }

  plan(p: PlanMilestone): PlanMilestone {
    return p.line < this.at ? p : { ...p, line: p.line + this.by, status: p.status && this.cell(p.status) };
  }

  directive(d: DisableDirective): DisableDirective {
    return d.line < this.at ? d : { ...d, line: d.line + this.by };
  }

  degraded(d: DegradedBlock): DegradedBlock {
    return d.endLine < this.at ? d : { ...d, startLine: this.line(d.startLine), endLine: this.line(d.endLine) };
  }

  detection(d: Detection): Detection {
    if (!d.evidence.some((e) => e.line !== null && e.line >= this.at)) return d;
    return { ...d, evidence: d.evidence.map((e) => (e.line !== null && e.line >= this.at ? { ...e, line: e.line + this.by } : e)) };
  }

  literalLines(s: Set<number>): Set<number> {
    let any = false;
    for (const l of s) if (l >= this.at) any = true;
    if (!any) return s;
    return new Set([...s].map((l) => this.line(l)));
  }
}
