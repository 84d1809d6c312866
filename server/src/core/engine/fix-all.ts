/** Fixing a page until nothing is left to fix: apply every fix, check again, repeat. */
import { applyFixGroups, fixAllGroups } from '../fix';
import type { CheckResult } from './check-result';

export interface FixAllResult {
  text: string;
  /** Fixes applied over all passes. */
  fixed: number;
  passes: number;
  /** False when fixes were still left after the last pass. */
  converged: boolean;
  /** The check of the final text. */
  result: CheckResult;
}

/**
 * Applies every fix (the preferred or only one per finding) and checks again, until nothing is left to
 * fix or `maxPasses` is reached (one fix can reveal another, e.g. a row rejoining its table).
 */
export function fixAll(text: string, check: (text: string) => CheckResult, maxPasses: number): FixAllResult {
  let current = text;
  let result = check(current);
  let fixed = 0;
  for (let pass = 1; pass <= maxPasses; pass++) {
    const groups = fixAllGroups(result.findings);
    if (groups.length === 0) return { text: current, fixed, passes: pass - 1, converged: true, result };
    const applied = applyFixGroups(current, groups);
    if (applied.applied === 0 || applied.text === current) return { text: current, fixed, passes: pass - 1, converged: true, result };
    fixed += applied.applied;
    current = applied.text;
    result = check(current);
  }
  return { text: current, fixed, passes: maxPasses, converged: fixAllGroups(result.findings).length === 0, result };
}
