/**
 * Findings of big tables' slices kept between checks (see slices.ts): a slice whose rows were read from
 * the very row objects of the last check (the edit did not touch them; rows moved by an edit above them
 * are still read from the same objects, model/shift.ts) costs a pointer comparison per row, and gets the
 * old findings moved if its rows moved; one whose lines have the same texts (a page built again) gets the
 * old findings too; only the rest is checked.
 */
import { sameElements } from '../arrays';
import type { LogicalRow, PageModel } from '../model/page-model';
import { rowIdentity } from '../model/shift';
import { sliceTexts, type Slice } from './slices';
import type { Finding, Fix, Position, Range } from '../findings';
import { compareFindings } from './finding-parts';

interface SliceEntry {
  context: string;
  /** The rows the findings were made from. */
  rows: readonly LogicalRow[];
  texts: string[];
  from: number;
  /** Sorted by compareFindings. */
  findings: Finding[];
}

/**
 * A finding of a slice moved `by` lines (rows inserted or deleted above it): its range and fixes are
 * moved only when read (a moved slice below an edit keeps thousands of findings; most fixes are never
 * asked for). A finding moved again is moved from its origin, so moves never chain.
 */
class MovedFinding implements Finding {
  #range: Range | null = null;
  #fixes: Fix[] | null = null;

  constructor(
    readonly rule: string,
    readonly severity: Finding['severity'],
    readonly message: string,
    private readonly origin: Finding,
    private readonly by: number,
  ) {}

  /** Made when first read: the server publishes at most 1,000 of a page's findings and reads no other's range. */
  get range(): Range {
    return (this.#range ??= moveRange(this.origin.range, this.by));
  }

  get fixes(): Fix[] {
    return (this.#fixes ??= this.origin.fixes.map((x) => ({
      ...x,
      edits: x.edits.map((e) => ({ ...e, range: moveRange(e.range, this.by) })),
    })));
  }

  /** `by` lines further down, from the origin. */
  moved(by: number): MovedFinding {
    return new MovedFinding(this.rule, this.severity, this.message, this.origin, this.by + by);
  }

  toJSON(): Finding {
    return { rule: this.rule, severity: this.severity, message: this.message, range: this.range, fixes: this.fixes };
  }
}

function moveRange(r: Range, by: number): Range {
  const move = (p: Position): Position => ({ line: p.line + by, character: p.character });
  return { start: move(r.start), end: move(r.end) };
}

function shifted(findings: readonly Finding[], by: number): Finding[] {
  return findings.map((f) => (f instanceof MovedFinding ? f.moved(by) : new MovedFinding(f.rule, f.severity, f.message, f, by)));
}

/** Whether two slices' rows were read from the same rows (the same texts), in order. */
function sameRows(a: readonly LogicalRow[], b: readonly LogicalRow[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && rowIdentity(a[i]) !== rowIdentity(b[i])) return false;
  return true;
}

export class SliceCache {
  /** By the identity (model/shift.ts rowIdentity) of the slice's first row. */
  private byRow = new Map<object, SliceEntry>();
  private byText = new Map<string, SliceEntry[]>();
  private nextByRow = new Map<object, SliceEntry>();
  private nextByText = new Map<string, SliceEntry[]>();

  /** The slice's findings; `check` runs the rules on it when nothing cached fits. */
  findings(page: PageModel, s: Slice, context: string, check: () => Finding[]): readonly Finding[] {
    const entry = this.entry(page, s, context, check);
    this.nextByRow.set(rowIdentity(entry.rows[0]), entry);
    const bucket = this.nextByText.get(entry.texts[0]);
    if (bucket) bucket.push(entry);
    else this.nextByText.set(entry.texts[0], [entry]);
    return entry.findings;
  }

  private entry(page: PageModel, s: Slice, context: string, check: () => Finding[]): SliceEntry {
    const kept = this.byRow.get(rowIdentity(s.rows[0]));
    if (kept && kept.context === context && sameRows(kept.rows, s.rows)) {
      if (kept.from === s.from) return kept;
      return { ...kept, rows: s.rows, from: s.from, findings: shifted(kept.findings, s.from - kept.from) };
    }
    const texts = sliceTexts(page, s);
    const moved = this.byText.get(texts[0])?.find((e) => e.context === context && sameElements(e.texts, texts));
    if (moved)
      return {
        ...moved,
        rows: s.rows,
        from: s.from,
        findings: moved.from === s.from ? moved.findings : shifted(moved.findings, s.from - moved.from),
      };
    return { context, rows: s.rows, texts, from: s.from, findings: check().sort(compareFindings) };
  }

  /** After a complete check: keep what it used, drop the rest. */
  commit(): void {
    this.byRow = this.nextByRow;
    this.byText = this.nextByText;
    this.nextByRow = new Map();
    this.nextByText = new Map();
  }

  /** After an abandoned check: forget what it started. */
  abandon(): void {
    this.nextByRow = new Map();
    this.nextByText = new Map();
  }
}
