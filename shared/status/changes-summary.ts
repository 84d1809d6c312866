/**
 * The one-line summary of a page's changes ("3 features worse, 2 better, GA slipped 14 days"): in
 * English for `release-pages changes` and the JSON (`PageChanges.summary`, made by the core), and in the
 * user's language in the preview's and the report's Changes section. Pure.
 */
import { english, type Translate } from '../l10n';
import type { PageChanges } from './changes';

function gaPhrase(ga: PageChanges['ga'], t: Translate): string | null {
  if (!ga) return null;
  if (ga.days === null) return t('GA changed from {0} to {1}', ga.from?.text ?? t('unset'), ga.to?.text ?? t('unset'));
  if (ga.days === 0) return null;
  const n = Math.abs(ga.days);
  if (ga.days > 0) return n === 1 ? t('GA slipped {0} day', n) : t('GA slipped {0} days', n);
  return n === 1 ? t('GA pulled in {0} day', n) : t('GA pulled in {0} days', n);
}

/** The features' part of the summary: worse, better, other status changes, slipped, added, removed. */
function featureParts(n: PageChanges['counts'], t: Translate): string[] {
  const parts: string[] = [];
  if (n.worse) parts.push(n.worse === 1 ? t('{0} feature worse', n.worse) : t('{0} features worse', n.worse));
  if (n.better)
    parts.push(
      parts.length ? t('{0} better', n.better) : n.better === 1 ? t('{0} feature better', n.better) : t('{0} features better', n.better),
    );
  if (n.statusChanged)
    parts.push(n.statusChanged === 1 ? t('{0} other status change', n.statusChanged) : t('{0} other status changes', n.statusChanged));
  if (n.slipped) parts.push(n.slipped === 1 ? t('{0} target slipped', n.slipped) : t('{0} targets slipped', n.slipped));
  if (n.added) parts.push(t('{0} added', n.added));
  if (n.removed) parts.push(t('{0} removed', n.removed));
  return parts;
}

/** The summary of `c` (everything but its own summary). */
export function changesSummary(c: Omit<PageChanges, 'summary'>, t: Translate = english): string {
  const n = c.counts;
  const parts = featureParts(n, t);
  const ga = gaPhrase(c.ga, t);
  if (ga) parts.push(ga);
  const others = c.milestones.filter((m) => m.kind !== 'ga' && m.days !== 0).length;
  if (others) {
    if (ga) parts.push(others === 1 ? t('{0} other milestone moved', others) : t('{0} other milestones moved', others));
    else parts.push(others === 1 ? t('{0} milestone moved', others) : t('{0} milestones moved', others));
  }
  if (c.criteriaAdded.length + c.criteriaRemoved.length)
    parts.push(t('criteria: {0} added, {1} removed', c.criteriaAdded.length, c.criteriaRemoved.length));
  if (!parts.length) {
    const m = n.priority + n.owner;
    if (m === 0) return t('No changes');
    return m === 1 ? t('{0} priority or owner change', m) : t('{0} priority or owner changes', m);
  }
  const text = parts.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
