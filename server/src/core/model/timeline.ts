/** Timelines from bullets (`Label: **date**`) and from `Date | Milestone` tables. */
import { scanDates, type DateToken } from '../dates';
import type { Position } from '../findings';
import { isStruck, plainText } from './inline';
import { classifyMilestone, milestoneOrdinal } from './milestones';
import type { CellRef, Milestone, PageDate, TableModel, Timeline } from './page-model';

const VALUE_KINDS = new Set<DateToken['kind']>(['date', 'invalid', 'placeholder']);

export function placeDate(token: DateToken, at: (offset: number) => Position, context: PageDate['context'], label: string): PageDate {
  return { token, range: { start: at(token.start), end: at(token.end) }, context, label, posAt: (offset) => at(token.start + offset) };
}

function splitCurrent(dates: PageDate[]): { date: PageDate | null; superseded: PageDate[] } {
  const live = dates.filter((d) => !d.token.struck);
  return { date: live.length ? live[live.length - 1] : null, superseded: dates.filter((d) => d.token.struck) };
}

/** A timeline bullet: returns null when the item has no date-like value after a label. */
export function milestoneFromBullet(
  content: string,
  line: number,
  column: number,
  release: string | null,
  inTimelineSection: boolean,
): Milestone | null {
  const tokens = scanDates(content).filter((t) => VALUE_KINDS.has(t.kind));
  if (tokens.length === 0) return null;
  const first = tokens[0];
  const before = content.slice(0, first.start);
  const bold = /\*\*\s*$|\*'\s*$|__\s*$/.test(before);
  if (!inTimelineSection && !bold) return null;
  const labelRaw = before.replace(/[\s*_:'`]+$/, '').replace(/^[\s*_]+/, '');
  const label = plainText(labelRaw).replace(/[:.]$/, '').trim();
  if (!/\p{L}/u.test(label) || label.length > 120) return null;
  const labelStart = content.indexOf(labelRaw);
  const at = (o: number): Position => ({ line, character: column + o });
  const placed = tokens.map((t) => placeDate(t, at, 'timeline', label));
  const { date, superseded } = splitCurrent(placed);
  return {
    label,
    labelRange: { start: at(Math.max(0, labelStart)), end: at(Math.max(0, labelStart) + labelRaw.length) },
    kind: classifyMilestone(label, release),
    ordinal: milestoneOrdinal(label),
    date,
    superseded,
    valueRange: { start: at(first.start), end: at(content.length) },
    cancelled: isStruck(labelRaw),
    line,
    owner: null,
    actual: null,
  };
}

function milestoneFromRow(dateCell: CellRef, labelCell: CellRef | undefined, release: string | null): Milestone | null {
  const labelRaw = labelCell?.text ?? '';
  const label = plainText(labelRaw);
  const tokens = scanDates(dateCell.text).filter((t) => VALUE_KINDS.has(t.kind));
  const placed = tokens.map((t) => placeDate(t, (o) => dateCell.posAt(o), 'timeline', label));
  const { date, superseded } = splitCurrent(placed);
  if (!label && placed.length === 0) return null;
  return {
    label,
    labelRange: labelCell?.range ?? dateCell.range,
    kind: classifyMilestone(label, release),
    ordinal: milestoneOrdinal(label),
    date,
    superseded,
    valueRange: dateCell.range,
    cancelled: labelRaw !== '' && isStruck(labelRaw),
    line: dateCell.range.start.line,
    owner: null,
    actual: null,
  };
}

export function timelineFromTable(table: TableModel, release: string | null): Timeline | null {
  const dc = table.columns.date;
  const mc = table.columns.milestone;
  if (!table.isDateTable || dc === undefined) return null;
  const milestones: Milestone[] = [];
  for (const row of table.rows) {
    if (row.malformed) continue;
    const cell = row.cells[dc] as CellRef | undefined; // a row may have fewer cells than the header
    if (!cell) continue;
    const m = milestoneFromRow(cell, mc !== undefined ? row.cells[mc] : undefined, release);
    if (m) milestones.push(m);
  }
  return { release, heading: table.heading, line: table.parsed.startLine, source: 'table', tableLine: null, milestones };
}
