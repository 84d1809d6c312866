/**
 * The findings an editor shows when it shows at most `max` of a big page's: the most severe first, in
 * page order within a severity. A sliced check's parts are split by severity once (an unchanged slice
 * keeps its findings array from check to check, so its split is kept too); picking then touches about
 * `max` findings, not the page's 100,000.
 */
import { visitMerged, type FindingParts } from './finding-parts';
import { SEVERITIES, type Finding, type Severity } from '../findings';

type Split = Record<Severity, Finding[]>;

const SPLITS = new WeakMap<readonly Finding[], Split>();

function split(list: readonly Finding[]): Split {
  let s = SPLITS.get(list);
  if (s) return s;
  s = { error: [], warning: [], information: [], hint: [] };
  for (const f of list) s[f.severity].push(f);
  SPLITS.set(list, s);
  return s;
}

/** The `max` most severe findings (all of them when there are no more), by severity, then in page order. */
export function severest(result: { readonly findings: readonly Finding[]; readonly parts?: FindingParts }, max: number): Finding[] {
  const rest = split(result.parts?.rest ?? result.findings);
  // Split by the slice's list as checked: a slice that only moved keeps its split (its `by` moves the picked findings).
  const slices = (result.parts?.slices ?? []).map((s) => ({ split: split(s.list), by: s.by }));
  const shown: Finding[] = [];
  for (const severity of SEVERITIES) {
    if (shown.length >= max) break;
    // In page order within the severity, until `max` are shown.
    visitMerged(
      rest[severity],
      slices.map((s) => ({ list: s.split[severity], by: s.by })),
      (f) => shown.push(f) < max,
    );
  }
  return shown;
}
