/**
 * Findings as the engine makes them from the rules' reports, and a check's result: its findings in page
 * order, made into one list only when read (a 50,000-row page has about 100,000).
 */
import type { PageModel } from '../model/page-model';
import type { Report } from '../rules/rule';
import type { Finding, Fix, Range, Severity } from '../findings';
import { mergeFindings, visitMerged, type FindingParts } from '../incremental/finding-parts';

export interface CheckResult {
  page: PageModel;
  isReleasePage: boolean;
  /** All findings in page order (a big page's list is made when first read: see eachFinding). */
  readonly findings: Finding[];
  /** The findings in sorted parts (the page outside big tables, then each slice of rows), when sliced. */
  readonly parts?: FindingParts;
}

/** The result of a check: findings in parts are merged into one list when first read. */
export function checkResult(page: PageModel, isReleasePage: boolean, parts: FindingParts & { rest: Finding[] }): CheckResult {
  // Checked whole: the one part is the list.
  if (parts.slices.length === 0) return { page, isReleasePage, findings: parts.rest };
  let merged: Finding[] | null = null;
  return {
    page,
    isReleasePage,
    parts,
    get findings(): Finding[] {
      return (merged ??= mergeFindings(parts.rest, parts.slices));
    },
  };
}

/** How many findings a check has, without making its list. */
export function findingCount(result: CheckResult): number {
  if (!result.parts) return result.findings.length;
  let n = result.parts.rest.length;
  for (const s of result.parts.slices) n += s.list.length;
  return n;
}

/** Visits the findings in page order without making the list (a 50,000-row page has about 100,000). */
export function eachFinding(result: CheckResult, visit: (f: Finding) => void): void {
  // `visit` returns nothing: it must not stop the walk by returning false.
  if (result.parts)
    visitMerged(result.parts.rest, result.parts.slices, (f) => {
      visit(f);
    });
  else for (const f of result.findings) visit(f);
}

export const NO_FIXES: Fix[] = [];

/**
 * A finding whose fixes are made when first read (rules with thousands of findings and costly fixes).
 * The maker, then the fixes, sit in a private field (not a property: such findings compare equal whether
 * or not their fixes were read, and keep one compact shape); `toJSON` lists the fixes.
 */
export class LazyFinding implements Finding {
  #fixes: Fix[] | (() => Fix[]);

  constructor(
    readonly rule: string,
    readonly severity: Severity,
    readonly message: string,
    readonly range: Range,
    make: () => Fix[],
  ) {
    this.#fixes = make;
  }

  get fixes(): Fix[] {
    if (typeof this.#fixes === 'function') this.#fixes = this.#fixes();
    return this.#fixes;
  }

  toJSON(): Finding {
    return { rule: this.rule, severity: this.severity, message: this.message, range: this.range, fixes: this.fixes };
  }
}

/** A finding of a report; fixes given as a function are made on first read (and kept). */
export function finding(rule: string, severity: Severity, r: Report): Finding {
  // Messages are built by concatenation: reading a character makes V8 flatten the rope into one string,
  // a third of the memory (a page of 50,000 rows keeps about 100,000 findings).
  r.message.charCodeAt(0);
  const fixes = r.fixes;
  if (typeof fixes === 'function') return new LazyFinding(rule, severity, r.message, r.range, fixes);
  return { rule, severity, message: r.message, range: r.range, fixes: fixes ?? NO_FIXES };
}
