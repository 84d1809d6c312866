/**
 * What changed on a release page between two of its versions (a base revision and the current text):
 * the comparison of two status models, made by the core (`server/src/core/status/compare.ts`), drawn
 * by `render-changes.ts` (preview, report) and printed by `release-pages changes`. Plain JSON data.
 * Lines are 0-based like the status model's; `line` is in the newer version, `oldLine` in the base.
 */
import type { MilestoneKind } from '../kinds';
import type { StatusColour, StatusDate } from './model';

/** Worse or better by the colour order red < orange < green; `changed` when a side is not one of the three. */
export type ChangeDirection = 'worse' | 'better' | 'changed';

/** How a feature of the newer version was found in the base. */
export type FeatureMatch = 'link' | 'name' | 'similar';

export interface ValueChange<T> {
  from: T;
  to: T;
}

export interface FeatureChange {
  name: string;
  /** The name in the base when the row was renamed (matched by link or similarity), else null. */
  oldName: string | null;
  line: number;
  oldLine: number;
  team: string | null;
  match: FeatureMatch;
  status: (ValueChange<StatusColour> & { fromLabel: string; toLabel: string; direction: ChangeDirection }) | null;
  priority: ValueChange<string | null> | null;
  /** Target date moved: `days` later (positive, a slip) or earlier (negative); null when a side names no day. */
  target: (ValueChange<StatusDate | null> & { days: number | null }) | null;
  owner: ValueChange<string | null> | null;
}

/** A feature only one version has. */
export interface FeatureRef {
  name: string;
  line: number;
  team: string | null;
  colour: StatusColour;
  statusLabel: string;
  priority: string | null;
  target: StatusDate | null;
}

export interface MilestoneChange {
  label: string;
  oldLabel: string | null;
  kind: MilestoneKind;
  release: string | null;
  line: number;
  oldLine: number;
  date: ValueChange<StatusDate | null>;
  /** Days moved (positive: later); null when a side names no day. */
  days: number | null;
  cancelled: ValueChange<boolean> | null;
}

export interface MilestoneRef {
  label: string;
  kind: MilestoneKind;
  release: string | null;
  line: number;
  date: StatusDate | null;
}

export interface CriterionRef {
  line: number;
  keyword: string;
  text: string;
}

/** The two versions compared, as the caller names them (a revision, a date, "working tree"). */
export interface ChangesSide {
  label: string;
  /** Commit id when the version is a revision. */
  commit: string | null;
  /** When it was committed (`YYYY-MM-DD`), when known. */
  date: string | null;
}

export interface ChangeCounts {
  worse: number;
  better: number;
  /** Status changes with no direction (to or from an unknown or unset status). */
  statusChanged: number;
  slipped: number;
  pulledIn: number;
  priority: number;
  owner: number;
  added: number;
  removed: number;
  milestonesMoved: number;
}

export interface PageChanges {
  /** Format version, for consumers of `changes --format json`. */
  schema: 1;
  base: ChangesSide;
  head: ChangesSide;
  /** One line: "3 features worse, 2 better, GA slipped 14 days". */
  summary: string;
  counts: ChangeCounts;
  /** GA moved (days positive: later); null when it did not move. */
  ga: (ValueChange<StatusDate | null> & { days: number | null }) | null;
  /** Features that changed, worse first, then better, then the rest, each group in page order. */
  features: FeatureChange[];
  added: FeatureRef[];
  removed: FeatureRef[];
  milestones: MilestoneChange[];
  milestonesAdded: MilestoneRef[];
  milestonesRemoved: MilestoneRef[];
  criteriaAdded: CriterionRef[];
  criteriaRemoved: CriterionRef[];
}

/** One feature's status at one revision of the page (its history strip). */
export interface FeatureHistoryPoint {
  commit: string;
  date: string | null;
  colour: StatusColour;
  statusLabel: string;
  target: string | null;
  /** The feature is not on the page at that revision. */
  absent: boolean;
}

export interface FeatureHistory {
  name: string;
  /** Oldest first. */
  points: FeatureHistoryPoint[];
}

const RANK: Partial<Record<StatusColour, number>> = { red: 0, orange: 1, green: 2 };

/** The direction of a status change by the colour order red < orange < green. */
export function statusDirection(from: StatusColour, to: StatusColour): ChangeDirection {
  const a = RANK[from];
  const b = RANK[to];
  if (a === undefined || b === undefined) return 'changed';
  return b < a ? 'worse' : 'better';
}

/** True when nothing changed. */
export function isUnchanged(c: PageChanges): boolean {
  return (
    c.features.length + c.added.length + c.removed.length + c.milestones.length + c.milestonesAdded.length === 0 &&
    c.milestonesRemoved.length + c.criteriaAdded.length + c.criteriaRemoved.length === 0 &&
    c.ga === null
  );
}
