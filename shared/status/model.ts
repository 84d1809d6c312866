/**
 * The status model: what a release page says about the release, ready to be drawn (preview panel,
 * HTML report) or printed (`report --format json`). Plain JSON data: it crosses the LSP connection
 * and the webview boundary. Every item keeps its 0-based source line.
 */
import type { MilestoneKind, PageKind, Severity } from '../kinds';

/** A status cell's colour: the first word of the value (`Orange - in progress` → orange). */
export type StatusColour = 'green' | 'orange' | 'red' | 'other' | 'unset';

export const STATUS_COLOURS: readonly StatusColour[] = ['green', 'orange', 'red', 'other', 'unset'];

/** Counts per colour, and their total. */
export interface ColourCounts {
  green: number;
  orange: number;
  red: number;
  other: number;
  unset: number;
  total: number;
}

/** Counts for one functional team or one priority; `name` null is "not set". */
export interface CountGroup {
  name: string | null;
  counts: ColourCounts;
}

/** A date as the page writes it and, when it names a day, that day in ISO form. */
export interface StatusDate {
  /** The text as written (`16/6/2013`, `**2013-06-14**` without the markup). */
  text: string;
  /** `YYYY-MM-DD`, or null when the text names no day (placeholder, invalid, ambiguous, no year). */
  iso: string | null;
  /** For a range (`March 4–8`, `Tuesday 19th - Friday 22nd March 2024`): its last day; absent otherwise. */
  endIso?: string | null;
}

export interface FeatureStatus {
  /** First source line of the row (broken rows span more lines, up to `endLine`). */
  line: number;
  endLine: number;
  /** Index of the feature table on the page (0-based, in page order). */
  table: number;
  team: string | null;
  name: string;
  /** The first link target of the name cell, when it has one (matches a renamed row between versions). */
  link?: string;
  owner: string | null;
  /** The priority as the vocabulary writes it (`Must`), the plain text when unknown, null when unset. */
  priority: string | null;
  colour: StatusColour;
  /** The status value (`Orange`, or the unknown text); empty when unset. */
  statusLabel: string;
  /** What follows the status value (`In progress, see comment`). */
  statusComment: string;
  /** Struck-through earlier values (`<s>Red</s> Green` → `['Red']`). */
  statusHistory: string[];
  target: StatusDate | null;
  /** Struck-through earlier target dates. */
  targetHistory: StatusDate[];
  /** Target date passed and the feature is not Green. */
  overdue: boolean;
  /** Days past the target date (0 when not overdue). */
  overdueDays: number;
  /** A Must feature that is not Green. */
  mustNotGreen: boolean;
  /** The row has more or fewer cells than the header; `repaired` when one stray empty cell was dropped to read it. */
  malformed: boolean;
  repaired: boolean;
}

export interface MilestoneStatus {
  line: number;
  label: string;
  kind: MilestoneKind;
  /** The release the timeline belongs to (z-stream pages hold several). */
  release: string | null;
  /** Index of the timeline on the page (0-based). */
  timeline: number;
  /** The date that counts (null when none is written). */
  date: StatusDate | null;
  /** Dates struck through: the milestone was rescheduled from these. */
  superseded: StatusDate[];
  cancelled: boolean;
  /** Days from the as-of day to the date (negative: in the past); null without a day. */
  days: number | null;
  /** Who owns it, when the page says. */
  owner: string | null;
  /** When it happened, where the page keeps planned (`date`) and actual dates apart. */
  actual: StatusDate | null;
  /** Days the actual date is after the planned one (negative: early); null without both. */
  slipDays: number | null;
}

/** One release of a support-policy or per-version phase table: its phases on one time axis. */
export interface ReleaseSpan {
  /** Source line of the row. */
  line: number;
  version: string;
  /** Index of the row's timeline in the page's timelines (as `MilestoneStatus.timeline`). */
  timeline: number;
  /** First line of the table: rows of one table share it and draw on one axis. */
  tableLine: number;
  /** The first and last dated phases (`iso` null when undated). */
  start: StatusDate | null;
  end: StatusDate | null;
  phases: Array<{ label: string; kind: MilestoneKind; date: StatusDate | null }>;
}

export interface CriterionStatus {
  line: number;
  keyword: string;
  text: string;
}

export type PlanState = 'done' | 'active' | 'planned' | 'blocked' | 'cancelled' | 'other' | 'unset';

export interface PlanItemStatus {
  line: number;
  title: string;
  when: string;
  goal: string | null;
  status: string | null;
  state: PlanState;
}

export interface ProblemItem {
  line: number;
  severity: Severity;
  rule: string;
  message: string;
}

export interface PageStatus {
  /** Format version of this model, for consumers of `report --format json`. */
  schema: 1;
  title: string | null;
  release: string | null;
  kind: PageKind;
  isReleasePage: boolean;
  /** The day the relative numbers count from (`YYYY-MM-DD`). */
  asOf: string;
  /** The page's last update as its front matter says (`wiki_last_updated`, `last_updated`, `updated`). */
  updated: string | null;
  ga: {
    line: number;
    date: StatusDate;
    /** Days from the as-of day to GA: positive before GA, negative after. */
    days: number | null;
  } | null;
  milestones: MilestoneStatus[];
  /** Releases of per-version phase tables (support-policy pages), in page order. */
  releases: ReleaseSpan[];
  /** The first dated, not cancelled milestone on or after the as-of day. */
  next: { line: number; label: string; iso: string; days: number } | null;
  features: FeatureStatus[];
  counts: ColourCounts;
  byTeam: CountGroup[];
  byPriority: CountGroup[];
  /**
   * Counts per status value (`On track`, `Active LTS`, `Green`), the page's vocabulary order first (declared,
   * legend, learned), then values it does not know in page order; `name` null: not set. Each group's
   * colours say how the value is drawn.
   */
  byStatus: CountGroup[];
  /** Source lines of the features in `features` that are Must and not Green / overdue. */
  mustNotGreen: number[];
  overdue: number[];
  criteria: CriterionStatus[];
  criteriaCounts: Array<{ keyword: string; count: number }>;
  plan: PlanItemStatus[];
  planProgress: { done: number; total: number } | null;
  problems: {
    counts: Record<Severity, number>;
    /** Every finding in page order; empty when the model was built without the list (`problemList: false`). */
    items: ProblemItem[];
  };
}
