/** The dates of a page's tables and the page-wide facts derived from all its dates (shared by build and patch). */
import { inferSlashOrder, resolveSlash, scanDates, yearFromWeekday, type DateToken } from '../dates';
import type { Position, Range } from '../findings';
import { RowCell } from '../markdown/table';
import { plainText } from './inline';
import type { CellRef, LogicalRow, PageDate, PageModel, TableModel } from './page-model';

export interface DateColumn {
  col: number;
  name: string;
}

/** The columns of a (non-timeline) table whose cells hold dates: the target column and any "date" column. */
export function dateColumns(t: TableModel): DateColumn[] {
  if (t.isDateTable) return [];
  const out: DateColumn[] = [];
  t.header.forEach((h, col) => {
    const name = plainText(h);
    if (col === t.columns.target || /\bdate\b|updated|deadline/i.test(name)) out.push({ col, name });
  });
  return out;
}

/**
 * A date in a table cell: its positions come from the cell (no closures: a big table has tens of
 * thousands), `by` lines further down when rows were inserted or deleted above it since the cell was read
 * (model/shift.ts moves the date without making its cell again).
 */
export class CellDate implements PageDate {
  readonly context = 'table' as const;
  /**
   * Made when first read for a moved date (performance: the rows below an inserted row keep their dates
   * as one small object each; most of them are never read again, since their slice's findings are kept).
   */
  #range: Range | null = null;

  constructor(
    readonly token: DateToken,
    /** The cell as it was read (a moved date keeps its first cell and adds `by`). */
    readonly cell: CellRef,
    readonly label: string,
    readonly by = 0,
  ) {}

  get range(): Range {
    return (this.#range ??= { start: this.posAt(0), end: this.posAt(this.token.end - this.token.start) });
  }

  posAt(offset: number): Position {
    const p = this.cell.posAt(this.token.start + offset);
    return this.by === 0 ? p : { line: p.line + this.by, character: p.character };
  }

  /** The same date `by` lines further down (from the cell it was read in: moves never chain). */
  moved(by: number): CellDate {
    return new CellDate(this.token, this.cell, this.label, this.by + by);
  }
}

/** The line of a one-line table cell's date, without making its range; null for another date (a joined row's cell, prose). */
export function cellDateLine(d: PageDate): number | null {
  return d instanceof CellDate && d.cell instanceof RowCell ? d.cell.line + d.by : null;
}

/** Cheap test before scanning a cell of another column: does it name a weekday? */
const WEEKDAY_WORD = /\b(?:mon|tue|wed|thu|fri|sat|sun)/i;

/**
 * Appends the dates in one row's date columns, and the dates written with a weekday or as a dual-zone
 * time in its other cells (`| Begin Code Freeze | 01:00 UTC Wednesday 15th March 2023 / … |`): a
 * weekday makes a value a date for certain, whatever the column is called.
 */
export function pushRowDates(row: LogicalRow, columns: readonly DateColumn[], into: PageDate[], header: readonly string[] = []): void {
  if (row.malformed) return;
  const before = into.length;
  for (const { col, name } of columns) {
    const cell = row.cells[col] as CellRef | undefined; // a row may have fewer cells than the header
    if (!cell) continue;
    for (const tok of scanDates(cell.text)) if (tok.kind !== 'unset') into.push(new CellDate(tok, cell, name));
  }
  row.cells.forEach((cell, col) => {
    if (columns.some((c) => c.col === col) || !WEEKDAY_WORD.test(cell.text)) return;
    const tokens = scanDates(cell.text);
    const paired = new Set(tokens.flatMap((t) => (t.zonePair ? [t, t.zonePair] : [])));
    for (const tok of tokens) {
      if ((tok.kind === 'date' || tok.kind === 'invalid') && (tok.weekday || tok.until?.weekday || paired.has(tok))) {
        into.push(new CellDate(tok, cell, plainText(header[col] ?? '')));
      }
    }
  });
  if (into.length - before > 1) into.splice(before, into.length - before, ...into.slice(before).sort(byPosition));
}

export function byPosition(a: PageDate, b: PageDate): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** Page-wide facts read from all dates: the slash order they agree on and the release's year. */
export function dateFacts(
  dates: readonly PageDate[],
  gaDate: PageDate | null,
): Pick<PageModel, 'slashOrder' | 'releaseYear' | 'pageYears'> {
  let newestYear: number | null = null;
  const years = new Set<number>();
  for (const d of dates) {
    if (!d.token.year || d.token.kind !== 'date') continue;
    years.add(d.token.year);
    if (d.context !== 'frontmatter') newestYear = Math.max(newestYear ?? 0, d.token.year);
  }
  const slashOrder = inferSlashOrder(dates, (d) => d.token);
  return { slashOrder, releaseYear: gaDate?.token.year ?? newestYear, pageYears: [...years].sort((a, b) => a - b) };
}

/** The page's day/month order (computed once with the page model, over all its dates). */
export function pageSlashOrder(page: PageModel): 'dmy' | 'mdy' | null {
  return page.slashOrder;
}

/** The page's release year: from the GA date, else the newest year written in the timelines and tables. */
export function releaseYear(page: PageModel): number | null {
  return page.releaseYear;
}

/**
 * The day a date token names on this page (slash dates read in the page's order; a yearless date with a
 * weekday in the year its weekday fits, nearest the page's years: `yearFromWeekday`), or null (also for a
 * month or a quarter).
 */
export function dayOf(page: PageModel, t: DateToken): { year: number; month: number; day: number } | null {
  if (t.kind === 'date' && t.year === null && t.month > 0 && t.day > 0) {
    const year = yearFromWeekday(t, page.pageYears);
    return year === null ? null : { year, month: t.month, day: t.day };
  }
  if (t.kind !== 'date' || t.year === null || t.month === 0 || (t.precision ?? 'day') !== 'day') return null;
  if (t.format !== 'slash' || !t.slash) return { year: t.year, month: t.month, day: t.day };
  const order =
    t.slash.order === 'both' ? (t.slash.a === t.slash.b ? 'dmy' : pageSlashOrder(page)) : t.slash.order === 'none' ? null : t.slash.order;
  if (!order) return null;
  const r = resolveSlash(t, order);
  return r.kind === 'date' && r.year !== null ? { year: r.year, month: r.month, day: r.day } : null;
}

/** The kinds of the oVirt wiki write ISO dates with years; schedules of other projects keep their own style. */
export const OWN_DATE_STYLE_KINDS: ReadonlySet<PageModel['kind']> = new Set(['release-schedule', 'support-policy', 'other']);
