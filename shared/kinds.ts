/**
 * Small vocabularies named by both the core and the view: a finding's severity, a page's kind, a
 * milestone's kind. Defined here so that the status view model (shared/status/) needs nothing from the
 * core; the core re-exports them.
 */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

export type PageKind = 'release-management' | 'z-stream' | 'test-day' | 'milestone-plan' | 'announcement' | 'roadmap' | 'feature' | 'other';

export type MilestoneKind = 'alpha' | 'freeze' | 'beta' | 'test-day' | 'rc' | 'ga' | 'other';
