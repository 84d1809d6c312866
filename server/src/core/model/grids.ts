/**
 * Month grids: a calendar written as a table whose columns are the days of the week (`Mon | Tue | … |
 * Sun`, a `Week` column first allowed) under a heading that names the month (`### March 2024`), each
 * cell a day number and what happens that day (`8 Beta 1`, `**15** Final release`). Read only when that
 * is unambiguous: the heading names one month of one year, and every day number falls on its column's
 * weekday in that month, in order; otherwise the grid is skipped with the reason (detection says it).
 */
import { monthName, scanDates, weekdayFromName, weekdayName, weekdayOf, type DateToken } from '../dates';
import { placeDate } from './bullets';
import { isStruck, plainText } from './inline';
import { classifyMilestone, milestoneOrdinal } from './milestones';
import type { CellRef, Milestone, TableModel, Timeline } from './page-model';

export type GridReading = { timeline: Timeline } | { skipped: string };

/** `4 Beta 1`, `**15** Final release`, `~~9~~`: a day number first, then the events of that day. */
const CELL = /^\s*(?:\*\*|__)?(\d{1,2})(?:\*\*|__)?(?![\d.:/-])\s*[:—–-]?\s*(.*)$/s;

/** The weekday of each column (null for a `Week` column), when the header is a week: seven weekdays in order. */
function weekColumns(header: readonly string[]): Array<number | null> | null {
  const days = header.map((h) => {
    const text = plainText(h).trim();
    return /^[a-z]{2,9}\.?$/i.test(text) ? weekdayFromName(text.replace(/\.$/, '')) : null;
  });
  const named = days.filter((d): d is number => d !== null);
  if (named.length !== 7 || new Set(named).size !== 7) return null;
  const first = days.findIndex((d) => d !== null);
  const extra = header.length - 7;
  if (extra > 1 || (extra === 1 && !/^(?:w(?:ee)?k|week\s*#?|#)$/i.test(plainText(header[0]).trim()))) return null;
  // The seven in calendar order from the first (Mon…Sun or Sun…Sat).
  for (let i = 0; i < 7; i++) if (days[first + i] !== (named[0] + i) % 7) return null;
  return days;
}

/** The one month of one year a heading names (`March 2024`, `Calendar — March 2024`), or null. */
function headingMonth(heading: string | null): { year: number; month: number } | null {
  const months = heading === null ? [] : scanDates(heading).filter((t) => t.kind === 'date' && t.precision === 'month');
  const only = months.length === 1 ? months[0] : null;
  return only && only.year !== null ? { year: only.year, month: only.month } : null;
}

function dayToken(cell: CellRef, day: number, year: number, month: number, start: number, text: string): DateToken {
  return { start, end: start + text.length, text, kind: 'date', format: 'grid-day', year, month, day, struck: isStruck(cell.text) };
}

/** The timeline of a month grid, the reason it is skipped, or null when the table is no month grid. */
export function gridReading(table: TableModel, release: string | null): GridReading | null {
  const columns = weekColumns(table.header);
  if (!columns) return null;
  const ym = headingMonth(table.heading);
  if (!ym) return { skipped: `the heading above it ("${table.heading ?? ''}") does not name one month of one year` };
  const milestones: Milestone[] = [];
  let last = 0;
  for (const row of table.rows) {
    for (let col = 0; col < columns.length; col++) {
      const weekday = columns[col];
      const cell = row.cells.at(col);
      const m = weekday === null || !cell ? null : CELL.exec(cell.text);
      if (!m || weekday === null || !cell) continue;
      const day = Number(m[1]);
      const at = `line ${cell.range.start.line + 1}`;
      if (day < 1 || day > 31 || day <= last) return { skipped: `its days are not in order (${day}, ${at})` };
      const actual = weekdayOf(ym.year, ym.month, day);
      if (actual !== weekday) {
        const when = `${day} ${monthName(ym.month)} ${ym.year}`;
        return { skipped: `${day} is under ${weekdayName(weekday)} but ${when} is a ${weekdayName(actual)} (${at})` };
      }
      last = day;
      const label = plainText(m[2]).trim();
      if (!label) continue;
      const start = cell.text.indexOf(m[1]);
      const date = placeDate(dayToken(cell, day, ym.year, ym.month, start, m[1]), (o) => cell.posAt(o), 'timeline', label);
      const labelStart = cell.text.length - m[2].length;
      milestones.push({
        label,
        labelRange: { start: cell.posAt(labelStart), end: cell.posAt(cell.text.length) },
        kind: classifyMilestone(label, release),
        ordinal: milestoneOrdinal(label),
        date,
        superseded: [],
        valueRange: cell.range,
        cancelled: isStruck(cell.text),
        line: cell.range.start.line,
        owner: null,
        actual: null,
      });
    }
  }
  return { timeline: { release, heading: table.heading, line: table.parsed.startLine, source: 'table', tableLine: null, milestones } };
}
