/**
 * Small vocabularies named by both the core and the view: a finding's severity, a page's kind, a
 * milestone's kind. Defined here so that the status view model (shared/status/) needs nothing from the
 * core; the core re-exports them.
 */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/**
 * What a page is. `release-schedule` is a release page of any project read from its schedule (dated
 * milestones with release vocabulary), `support-policy` a page of releases with their support phases.
 */
export type PageKind =
  | 'release-management'
  | 'z-stream'
  | 'test-day'
  | 'milestone-plan'
  | 'announcement'
  | 'roadmap'
  | 'feature'
  | 'release-schedule'
  | 'support-policy'
  | 'other';

/**
 * A milestone's phase: `start` a cycle's beginning, `maintenance` the end of active support (maintenance
 * or LTS phase begins), `eol` the end of life / end of support.
 */
export type MilestoneKind = 'start' | 'alpha' | 'freeze' | 'beta' | 'test-day' | 'rc' | 'ga' | 'maintenance' | 'eol' | 'other';

/** One piece of evidence for or against a page being a release page: a sentence, its weight, its line (0-based) when it has one. */
export interface DetectionEvidence {
  why: string;
  weight: number;
  line: number | null;
}

/**
 * Why a page is or is not a release page: the evidence found (positive weights for, negative against),
 * their sum, and the verdict (`release-page` when the score reaches the threshold, 3).
 */
export interface Detection {
  score: number;
  verdict: 'release-page' | 'not-release-page';
  evidence: DetectionEvidence[];
}
