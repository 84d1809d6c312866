/** The typed page model: every element keeps its exact source range. */
import type { DateToken } from '../dates';
import type { ParsedTable } from '../markdown/table';
import type { SourceLine } from '../lines';
import type { Position, Range } from '../findings';
import type { FrontMatter } from './frontmatter';
import type { TableSchema } from './schema';

export type { Detection, DetectionEvidence, MilestoneKind, PageKind } from '../../../../shared/kinds';
import type { Detection, MilestoneKind, PageKind } from '../../../../shared/kinds';

/** Where a date was read; `prose` is a date written with a weekday (or a dual-zone time) in a page's other lines. */
export type DateContext = 'timeline' | 'table' | 'frontmatter' | 'plan' | 'prose';

/** A date (or date-like token) placed in the page. */
export interface PageDate {
  token: DateToken;
  range: Range;
  context: DateContext;
  /** The milestone label, column name or front matter key the date belongs to. */
  label: string;
  /** The position of an offset in the token's text (a date in a row broken across lines spans lines). */
  posAt(offset: number): Position;
}

export interface Milestone {
  label: string;
  labelRange: Range;
  kind: MilestoneKind;
  /** 1 for "First"/"RC1", 2 for "Second"/"RC2"… when the label says so. */
  ordinal: number | null;
  /** The date that counts: the last date not struck through. */
  date: PageDate | null;
  superseded: PageDate[];
  /** The raw value's range (after the label). */
  valueRange: Range;
  /** A struck-through label: the milestone was cancelled. */
  cancelled: boolean;
  line: number;
  /** Who owns it (a `Who`/`Owner`/`Lead` column), when the page says. */
  owner: string | null;
  /** The date it happened, when the page keeps planned and actual dates apart (`Expected | Actual`); `date` is then the planned one. */
  actual: PageDate | null;
  /**
   * An end written as another version's release (`Release of 1.18` in an `End of Life` column): that
   * version. `date` is then that release's date where the page gives it (the same PageDate), else null.
   */
  releaseOf?: string;
}

export interface Timeline {
  /** Release the timeline belongs to (`3.5.6` in a z-stream page), or the page's release. */
  release: string | null;
  heading: string | null;
  line: number;
  /**
   * Where it was read: a bullet list, a table with a date column, dated headings, or one row of a
   * per-version phase table (`Version | Release | EOL`): each such row is a timeline of its own whose
   * `release` is the row's version and whose milestones are the row's phases.
   */
  source: 'bullets' | 'table' | 'headings' | 'phases';
  /** For `phases`: the first line of the table the row belongs to (rows of one table share it); else null. */
  tableLine: number | null;
  milestones: Milestone[];
}

export interface Criterion {
  keyword: string;
  keywordRange: Range;
  text: string;
  line: number;
}

export interface CellRef {
  /** Trimmed raw Markdown of the cell. */
  text: string;
  range: Range;
  /** Position of an offset into `text` (cells of joined broken rows span several lines). */
  posAt(offset: number): Position;
}

export type ColumnKey = 'status' | 'priority' | 'target' | 'owner' | 'feature' | 'team' | 'testPage' | 'remarks' | 'date' | 'milestone';

export interface LogicalRow {
  /** Physical lines of the row; more than one when the row was broken across lines. */
  lines: number[];
  cells: CellRef[];
  /** Lines that continue the row without a leading pipe (each is its own GFM row). */
  continuationLines: number[];
  /** Cell count differs from the header's even after joining broken lines. */
  malformed: boolean;
}

export interface TableModel {
  parsed: ParsedTable;
  /** Header cell texts (for delimiter-first tables: inferred). */
  header: string[];
  headerInferred: boolean;
  columns: Partial<Record<ColumnKey, number>>;
  isFeatureTable: boolean;
  isDateTable: boolean;
  rows: LogicalRow[];
  /** The nearest heading above the table. */
  heading: string | null;
  /**
   * The declaration that describes the table (a configuration's `tables:` entry, else a built-in profile:
   * model/profiles.ts) and its typed columns; null when none matches. Its status, priority, date and person
   * columns also set `columns.status`, `.priority`, `.target`, `.owner` when the header names did not.
   */
  schema: TableSchema | null;
}

/** Rows after a table that a blank or deeply indented line cut off: they render as text. */
export interface OrphanRows {
  /** Last line of the table that was cut. */
  tableEnd: number;
  /** The lines between the table and the rows: blank, or text indented 4+ spaces (a wrapped cell). */
  blankFrom: number;
  blankTo: number;
  firstLine: number;
  lastLine: number;
}

/** A value a column of the page uses, and how many rows use it. */
export interface LearnedValue {
  value: string;
  count: number;
  /** The first row that uses it, and where: [index of the table in the page, index of the row in the table]. */
  first: LogicalRow;
  at: [number, number];
}

/** The statuses and priorities the page's feature tables use (model/learned.ts), most used first. */
export interface LearnedVocabulary {
  statuses: LearnedValue[];
  priorities: LearnedValue[];
}

export interface Legend {
  statuses: string[];
  priorities: string[];
  line: number;
}

export interface PlanMilestone {
  title: string;
  when: string;
  line: number;
  status: CellRef | null;
  goal: string | null;
}

export interface Heading {
  level: number;
  text: string;
  line: number;
}

export interface DisableDirective {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  rules: string[] | null;
  line: number;
}

/** A block read line by line because it was too large or nested too deeply to parse. */
export interface DegradedBlock {
  startLine: number;
  endLine: number;
  reason: string;
}

export interface PageModel {
  lines: SourceLine[];
  kind: PageKind;
  isReleasePage: boolean;
  /** Why the page is (or is not) a release page: the evidence for and against, scored (model/detect.ts). */
  detection: Detection;
  title: string | null;
  /** Release version from the title (`3.3`, `3.5.z`). */
  release: string | null;
  frontMatter: FrontMatter | null;
  headings: Heading[];
  timelines: Timeline[];
  criteria: Criterion[];
  tables: TableModel[];
  orphanRows: OrphanRows[];
  legend: Legend | null;
  /** The values its feature tables use, learned from the page (for pages that declare none). */
  learned: LearnedVocabulary;
  plan: PlanMilestone[];
  dates: PageDate[];
  /** Lines where values are literal (code, raw HTML, front matter). */
  literalLines: Set<number>;
  directives: DisableDirective[];
  /** The page's day/month order for slash dates, inferred from the dates only one order allows. */
  slashOrder: 'dmy' | 'mdy' | null;
  /** The release's year: the GA date's, else the newest year in the timelines and tables. */
  releaseYear: number | null;
  /** The years written in the page's dates, ascending, each once: the evidence for a yearless date's year (`dayOf`). */
  pageYears: number[];
  /** Blocks read line by line instead of parsed (their structure is only partly checked). */
  degraded: DegradedBlock[];
  /** The page's general availability date (first timeline's GA). */
  gaDate: PageDate | null;
}
