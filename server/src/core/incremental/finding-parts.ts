/**
 * A checked page's findings in sorted parts (the page outside big tables, then each slice of a big
 * table's rows), and the merge that reads them in page order without making the whole list.
 */
import type { Finding } from '../findings';

/** A sliced check's findings in sorted parts: the page outside big tables, then each slice of rows. */
export interface FindingParts {
  rest: readonly Finding[];
  slices: ReadonlyArray<readonly Finding[]>;
}

/** Page order: line, character, then rule and message (a total order, so merging equals sorting). */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

/**
 * Visits `rest` (sorted) merged into the slices' findings (each sorted, the slices in page order);
 * stops when `visit` returns false.
 */
export function visitMerged(
  rest: readonly Finding[],
  slices: ReadonlyArray<readonly Finding[]>,
  visit: (f: Finding) => boolean | void,
): void {
  let r = 0;
  for (const list of slices) {
    for (const f of list) {
      while (r < rest.length && compareFindings(rest[r], f) < 0) if (visit(rest[r++]) === false) return;
      if (visit(f) === false) return;
    }
  }
  while (r < rest.length) if (visit(rest[r++]) === false) return;
}

/** The merged findings as one list. */
export function mergeFindings(rest: readonly Finding[], slices: ReadonlyArray<readonly Finding[]>): Finding[] {
  const out: Finding[] = [];
  visitMerged(rest, slices, (f) => {
    out.push(f);
  });
  return out;
}
