/** Timelines from schedule tables: one date column (`Date | Milestone`, `What | Who | When`) or per-version phase rows. */
import { scanDates, type DateToken } from '../dates';
import { placeDate, splitCurrent } from './bullets';

/** Moved to bullets.ts; still exported here for the modules that import it from this one. */
export { placeDate } from './bullets';
import { isStruck, plainText } from './inline';
import { classifyMilestone, milestoneOrdinal } from './milestones';
import type { CellRef, LogicalRow, Milestone, PageDate, TableModel, Timeline } from './page-model';
import { cellText, RELEASE_OF, type PhaseColumn } from './schedule-columns';
import { layoutOf } from './tables';

const VALUE_KINDS = new Set<DateToken['kind']>(['date', 'invalid', 'placeholder']);

/** The dates of a cell: the one that counts and the struck ones it replaced. */
function cellDates(cell: CellRef | undefined, label: string): { date: PageDate | null; superseded: PageDate[] } {
  if (!cell) return { date: null, superseded: [] };
  const tokens = scanDates(cell.text).filter((t) => VALUE_KINDS.has(t.kind));
  return splitCurrent(tokens.map((t) => placeDate(t, (o) => cell.posAt(o), 'timeline', label)));
}

function ownerOf(cell: CellRef | undefined): string | null {
  const text = cell ? plainText(cell.text) : '';
  return text && !/^[-–—?]+$/.test(text) ? text : null;
}

interface RowCells {
  date: CellRef;
  label: CellRef | undefined;
  owner: CellRef | undefined;
  actual: CellRef | undefined;
}

function milestoneFromRow(cells: RowCells, release: string | null): Milestone | null {
  const labelRaw = cells.label?.text ?? '';
  const label = plainText(labelRaw);
  const { date, superseded } = cellDates(cells.date, label);
  const actual = cellDates(cells.actual, label).date;
  if (!label && !date && superseded.length === 0) return null;
  return {
    label,
    labelRange: cells.label?.range ?? cells.date.range,
    kind: classifyMilestone(label, release),
    ordinal: milestoneOrdinal(label),
    date,
    superseded,
    valueRange: cells.date.range,
    cancelled: labelRaw !== '' && isStruck(labelRaw),
    line: cells.date.range.start.line,
    owner: ownerOf(cells.owner),
    actual,
  };
}

/** One phase cell of a per-version row: labelled by its column's header. */
function phaseMilestone(row: LogicalRow, phase: PhaseColumn, label: string): Milestone | null {
  const cell = row.cells.at(phase.col); // a row may have fewer cells than the header
  if (!cell) return null;
  const { date, superseded } = cellDates(cell, label);
  const actual = phase.actual !== null ? cellDates(row.cells.at(phase.actual), label).date : null;
  const releaseOf = !date && phase.kind === 'eol' ? RELEASE_OF.exec(cellText(cell.text))?.[1] : undefined;
  if (!date && superseded.length === 0 && !actual && releaseOf === undefined) return null;
  const m: Milestone = {
    label,
    labelRange: cell.range,
    kind: phase.kind,
    ordinal: null,
    date,
    superseded,
    valueRange: cell.range,
    cancelled: isStruck(cell.text),
    line: cell.range.start.line,
    owner: null,
    actual,
  };
  if (releaseOf !== undefined) m.releaseOf = releaseOf;
  return m;
}

/** A per-version row's version as written (`[18.x][]` → `18.x`, `v1.29` → `v1.29`). */
function rowVersion(cell: CellRef | undefined): string | null {
  const text = cell ? cellText(cell.text) : '';
  return text && !/^[-–—?]+$/.test(text) ? text : null;
}

/**
 * A row the schedule is read from: one of the header's width, or a one-line row with stray cells after
 * the last (GFM shows the first cells and drops the rest, so the columns still line up).
 */
function readable(row: LogicalRow, width: number): boolean {
  return !row.malformed || (row.lines.length === 1 && row.cells.length > width);
}

/** The timelines a schedule table gives: one for a table with one date column, one per row for a per-version phase table. */
export function timelinesFromTable(table: TableModel, release: string | null): Timeline[] {
  const layout = table.isDateTable ? layoutOf(table) : null;
  if (!layout) return [];
  const tableLine = table.parsed.startLine;
  if (layout.shape === 'phases') {
    const out: Timeline[] = [];
    for (const row of table.rows) {
      if (!readable(row, table.header.length)) continue;
      const version = rowVersion(row.cells.at(layout.version));
      if (!version) continue;
      const milestones: Milestone[] = [];
      for (const phase of layout.phases) {
        const m = phaseMilestone(row, phase, plainText(table.header[phase.col]));
        if (m) milestones.push(m);
      }
      out.push({ release: version, heading: table.heading, line: row.lines[0], source: 'phases', tableLine, milestones });
    }
    return out;
  }
  const milestones: Milestone[] = [];
  const at = (row: LogicalRow, col: number | null): CellRef | undefined => (col === null ? undefined : row.cells.at(col)); // a row may have fewer cells than the header
  for (const row of table.rows) {
    if (!readable(row, table.header.length)) continue;
    const date = at(row, layout.date);
    if (!date) continue;
    const m = milestoneFromRow(
      { date, label: at(row, layout.label), owner: at(row, layout.owner), actual: at(row, layout.actual) },
      release,
    );
    if (m) milestones.push(m);
  }
  return [{ release, heading: table.heading, line: tableLine, source: 'table', tableLine: null, milestones }];
}

/** A version as rows write it (`[1.18][]`, `v1.18`, `1.18 LTS`) reduced to its number. */
function versionNumber(text: string | null): string | null {
  return text === null ? null : (/(\d+\.\d+(?:\.\d+)?)/.exec(text)?.[1] ?? null);
}

/**
 * Ends written as another version's release (`Release of 1.18`) take that release's date when a
 * per-version row of the page gives it (any of its tables: current and upcoming releases are often
 * apart); otherwise they stay undated, the end still to come.
 */
export function resolveReleaseOf(timelines: readonly Timeline[]): void {
  const releases = new Map<string, PageDate>();
  for (const tl of timelines) {
    const v = tl.source === 'phases' ? versionNumber(tl.release) : null;
    const ga = tl.milestones.find((m) => m.kind === 'ga' && m.date?.token.kind === 'date');
    if (v !== null && ga?.date && !releases.has(v)) releases.set(v, ga.date);
  }
  for (const tl of timelines)
    for (const m of tl.milestones) if (m.releaseOf !== undefined && !m.date) m.date = releases.get(m.releaseOf) ?? null;
}
