/** Milestone vocabulary: what kind of milestone a label (or a phase column's header) names, and its ordinal. */
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
  const base = release.replace(/\.z$/i, '').replace(/^v/i, '');
  for (const m of label.matchAll(/(?<![\d.])(\d+\.\d+(?:\.\d+)?)(?![\d.]*\d)/g)) {
    if (!(m[1] === base || m[1].startsWith(`${base}.`) || base.startsWith(`${m[1]}.`))) return true;
  }
  return false;
}

/** A pre-release named by its version suffix (`1.29.0-alpha.1 released`, `v2.0.0-rc.0`). */
const SUFFIX = /\d-(alpha|beta|rc)\b/;
const SUFFIX_KIND: Record<string, MilestoneKind> = { alpha: 'alpha', beta: 'beta', rc: 'rc' };

const EOL =
  /\bend[- ]of[- ]life\b|\beol\b|\bend[- ]of[- ]support\b|\bsupport ends\b|\bend of (?:maintenance|security) support\b|\bunsupported\b/;
const MAINTENANCE = /\bmaintenance(?: (?:start|begins|phase|lts|mode))?\b|\bmaintenance lts start\b/;
const START =
  /\brelease cycle (?:begins|starts)\b|\bstart of (?:the )?(?:release )?cycle\b|\bcycle (?:begins|starts)\b|\bkick-?off\b|\bplanning (?:begins|starts)\b|\bdevelopment (?:begins|starts|opens)\b/;
const FREEZE =
  /\b(?:feature|code|enhancements?|docs?|documentation|test|string|ui|api|production readiness|blog|abi) freeze\b|\bfreeze\b|^branching\b|\bbranch(?:ing)? cut\b|\bbranch (?:is )?created\b/;
const GA =
  /\bgeneral availability\b|\bga\b|\bfinal release\b|\binitial release\b|\bstable release\b|^(?:stable|final|release|release date|released|first release)$|\bv?\d+(?:\.\d+)+ (?:is )?released\b|\brelease day\b/;

/** The kind of milestone a label names (a timeline's label, or the header of a phase column). */
export function classifyMilestone(label: string, release: string | null): MilestoneKind {
  const l = label.toLowerCase().trim();
  if (mentionsOtherRelease(label, release)) return 'other';
  if (/\btest[ -]?day\b/.test(l)) return 'test-day';
  const suffix = SUFFIX.exec(l);
  if (suffix) return SUFFIX_KIND[suffix[1]];
  if (EOL.test(l)) return 'eol';
  if (MAINTENANCE.test(l)) return 'maintenance';
  if (/\bgeneral availability\b|\bga\b|\bfinal release\b/.test(l)) return 'ga';
  if (/\brelease candidate\b|\brc\s?\.?\d*\b|\bfirst pre-?release\b/.test(l)) return 'rc';
  if (/\bbeta\b/.test(l)) return 'beta';
  if (/\bfeature freeze\b|^branching\b/.test(l)) return 'freeze';
  if (/\balpha\b/.test(l)) return 'alpha';
  if (START.test(l)) return 'start';
  if (FREEZE.test(l)) return 'freeze';
  if (GA.test(l)) return 'ga';
  return 'other';
}

/** A freeze that oVirt's order ranks between alpha and beta; other freezes (code, test, docs…) only come before the release. */
export function isFeatureFreeze(label: string): boolean {
  return /\bfeature freeze\b|^branching\b/i.test(label.trim());
}

/**
 * The kind of phase a per-version table's column holds, from its header (`-alpha.1`, `Stable`,
 * `Initial Release`, `Active LTS Start`, `Maintenance Start`, `End-of-life`). Node's "Active LTS Start"
 * begins a support phase after the first release: it is kept as `other` (drawn, not ordered).
 */
export function phaseKind(header: string): MilestoneKind {
  const h = header.toLowerCase().replace(/[-_]+/g, ' ').trim();
  if (/\bactive\b/.test(h)) return 'other';
  const kind = classifyMilestone(h.replace(/^\W+/, ''), null);
  if (kind !== 'other') return kind;
  if (/^(?:release|released|stable|ga|initial|first|launch)\b|\brelease date\b|\breleased\b/.test(h)) return 'ga';
  if (/^start\b|\bstart$/.test(h)) return 'start';
  if (/\bcherry[- ]?picks? deadline\b|\bcode cut-?off\b/.test(h)) return 'freeze';
  return 'other';
}

export function milestoneOrdinal(label: string): number | null {
  const l = label.toLowerCase();
  const word = /\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b/.exec(l);
  if (word) return ORDINAL_WORDS[word[1]];
  const pre = /\d-(?:alpha|beta|rc)\.(\d+)\b/.exec(l);
  if (pre) return Number(pre[1]);
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
  'Release cycle begins',
  'Code freeze',
  'End of life',
];
