/**
 * A checked page's findings in sorted parts (the page outside big tables, then each slice of a big
 * table's rows), and the merge that reads them in page order without making the whole list.
 */
import type { Finding, Fix, Position, Range } from '../findings';

/**
 * One slice's findings: `list` as the rules made them (sorted), and how many lines the slice has moved
 * since (rows inserted or deleted above it). Performance: a slice below an inserted row keeps its very
 * list and gets a new `by`, so an insert costs one small object per slice below it, not one moved
 * finding per finding (a 50,000-row page has about 90,000); a finding is moved when it is visited
 * (see moveFinding), and the editor is shown at most 1,000.
 */
export interface SliceFindings {
  readonly list: readonly Finding[];
  readonly by: number;
}

/** A sliced check's findings in sorted parts: the page outside big tables, then each slice of rows. */
export interface FindingParts {
  rest: readonly Finding[];
  slices: readonly SliceFindings[];
}

/**
 * A finding that moves itself by whole lines without chaining (a moved finding moves from what it was
 * made from): MovedFinding below, and a finding moved with its table's columns (moved-columns.ts).
 */
export interface LineMovable extends Finding {
  movedLines(by: number): Finding;
  /** Its range's first and last lines, without making its range. */
  readonly startLine: number;
  readonly endLine: number;
}

function isLineMovable(f: Finding): f is LineMovable {
  return typeof (f as Partial<LineMovable>).movedLines === 'function';
}

/**
 * A finding `by` lines below where it was made: its range and fixes are made only when read (most
 * visited findings are only counted or compared). Always made from a finding as the rules made it (or
 * from a finding moved with its columns), so moves never chain.
 */
class MovedFinding implements LineMovable {
  #range: Range | null = null;
  #fixes: Fix[] | null = null;

  constructor(
    readonly rule: string,
    readonly severity: Finding['severity'],
    readonly message: string,
    private readonly origin: Finding,
    private readonly by: number,
  ) {}

  get range(): Range {
    return (this.#range ??= moveRange(this.origin.range, this.by));
  }

  get startLine(): number {
    return this.origin.range.start.line + this.by;
  }

  get endLine(): number {
    return this.origin.range.end.line + this.by;
  }

  movedLines(by: number): Finding {
    return moveFinding(this.origin, this.by + by);
  }

  get fixes(): Fix[] {
    return (this.#fixes ??= this.origin.fixes.map((x) => ({
      ...x,
      edits: x.edits.map((e) => ({ ...e, range: moveRange(e.range, this.by) })),
    })));
  }

  toJSON(): Finding {
    return { rule: this.rule, severity: this.severity, message: this.message, range: this.range, fixes: this.fixes };
  }
}

/** `r` moved `by` whole lines. */
export function moveRange(r: Range, by: number): Range {
  const move = (p: Position): Position => ({ line: p.line + by, character: p.character });
  return { start: move(r.start), end: move(r.end) };
}

/** A finding of a slice's list, where the slice is now (`by` lines from where it was checked). */
export function moveFinding(f: Finding, by: number): Finding {
  if (by === 0) return f;
  return isLineMovable(f) ? f.movedLines(by) : new MovedFinding(f.rule, f.severity, f.message, f, by);
}

/** The first line of `f`'s range, without making the range of a moved finding. */
export function startLine(f: Finding): number {
  return isLineMovable(f) ? f.startLine : f.range.start.line;
}

/** The last line of `f`'s range, without making the range of a moved finding. */
export function endLine(f: Finding): number {
  return isLineMovable(f) ? f.endLine : f.range.end.line;
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
 * compareFindings(a, b moved `by` lines), without moving b; b's range is read only when both start on the
 * same line (performance: a finding a sort moved makes its range when first read, and most are never shown).
 */
function compareMoved(a: Finding, b: Finding, by: number): number {
  return (
    a.range.start.line - (startLine(b) + by) ||
    a.range.start.character - b.range.start.character ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

/**
 * Visits `rest` (sorted) merged into the slices' findings (each sorted, the slices in page order), each
 * slice's moved where the slice is now; stops when `visit` returns false.
 */
export function visitMerged(rest: readonly Finding[], slices: readonly SliceFindings[], visit: (f: Finding) => boolean | void): void {
  let r = 0;
  for (const { list, by } of slices) {
    for (const f of list) {
      while (r < rest.length && compareMoved(rest[r], f, by) < 0) if (visit(rest[r++]) === false) return;
      if (visit(moveFinding(f, by)) === false) return;
    }
  }
  while (r < rest.length) if (visit(rest[r++]) === false) return;
}

/** The merged findings as one list. */
export function mergeFindings(rest: readonly Finding[], slices: readonly SliceFindings[]): Finding[] {
  const out: Finding[] = [];
  visitMerged(rest, slices, (f) => {
    out.push(f);
  });
  return out;
}
