/** Milestone vocabulary: what kind of milestone a label names, and its ordinal. */
import type { MilestoneKind } from './page-model';

const ORDINAL_WORDS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};

/** Versions named in a label (`oVirt 3.5.0 GA`), to tell another release's milestone from this one's. */
function mentionsOtherRelease(label: string, release: string | null): boolean {
  if (!release) return false;
  const base = release.replace(/\.z$/i, '');
  for (const m of label.matchAll(/\b(\d+\.\d+(?:\.\d+)?)\b/g)) {
    if (!(m[1] === base || m[1].startsWith(`${base}.`) || base.startsWith(`${m[1]}.`))) return true;
  }
  return false;
}

export function classifyMilestone(label: string, release: string | null): MilestoneKind {
  const l = label.toLowerCase();
  if (mentionsOtherRelease(label, release)) return 'other';
  if (/\btest[ -]?day\b/.test(l)) return 'test-day';
  if (/\bgeneral availability\b|\bga\b|\bfinal release\b/.test(l)) return 'ga';
  if (/\brelease candidate\b|\brc\s?\d*\b/.test(l)) return 'rc';
  if (/\bbeta\b/.test(l)) return 'beta';
  if (/\bfeature freeze\b|^branching\b/.test(l)) return 'freeze';
  if (/\balpha\b/.test(l)) return 'alpha';
  return 'other';
}

export function milestoneOrdinal(label: string): number | null {
  const l = label.toLowerCase();
  const word = /\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b/.exec(l);
  if (word) return ORDINAL_WORDS[word[1]];
  const nth = /\b(\d+)(?:st|nd|rd|th)\b/.exec(l);
  if (nth) return Number(nth[1]);
  const suffixed = /\b(?:rc|beta|alpha)\s?(\d+)\b/.exec(l);
  if (suffixed) return Number(suffixed[1]);
  const spaced = /\b(?:beta|alpha)\s+(\d+)\b/.exec(l);
  if (spaced) return Number(spaced[1]);
  return null;
}

/** Default order of milestone kinds; `test-day` is only checked against GA. */
export const DEFAULT_MILESTONE_ORDER: readonly MilestoneKind[] = ['alpha', 'freeze', 'beta', 'rc', 'ga'];

/** Words the completion offers for timeline labels. */
export const MILESTONE_LABELS: readonly string[] = [
  'Alpha release',
  'Feature freeze',
  'Branching / Feature freeze',
  'Beta release',
  'Test Day',
  'RC Build',
  'First Release candidate',
  'Second Release candidate',
  'General availability',
];
