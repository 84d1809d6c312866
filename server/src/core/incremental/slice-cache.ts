/**
 * Findings of big tables' slices kept between checks (see slices.ts): a slice whose rows were read from
 * the very row objects of the last check (the edit did not touch them; rows moved by an edit above them
 * are still read from the same objects, model/shift.ts) costs a pointer comparison per row, and keeps
 * the old list with the number of lines it moved (finding-parts.ts: SliceFindings, no finding is copied);
 * one whose lines have the same texts (a page built again) gets the old findings too; only the rest is
 * checked.
 */
import { sameElements } from '../arrays';
import type { LogicalRow, PageModel } from '../model/page-model';
import { rowIdentity } from '../model/shift';
import { sliceTexts, type Slice } from './slices';
import type { Finding } from '../findings';
import type { SliceFindings } from './finding-parts';

interface SliceEntry {
  context: string;
  /** The rows the findings were made from. */
  rows: readonly LogicalRow[];
  texts: string[];
  /** Where the slice starts now. */
  from: number;
  /** Where it started when its findings were made: they are `from - checkedFrom` lines off. */
  checkedFrom: number;
  /** As the rules made them, sorted by compareFindings. */
  findings: Finding[];
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

  /** The slice's findings; `check` gives them, sorted by compareFindings, when nothing cached fits. */
  findings(page: PageModel, s: Slice, context: string, check: () => Finding[]): SliceFindings {
    const entry = this.entry(page, s, context, check);
    this.nextByRow.set(rowIdentity(entry.rows[0]), entry);
    const bucket = this.nextByText.get(entry.texts[0]);
    if (bucket) bucket.push(entry);
    else this.nextByText.set(entry.texts[0], [entry]);
    return { list: entry.findings, by: entry.from - entry.checkedFrom };
  }

  private entry(page: PageModel, s: Slice, context: string, check: () => Finding[]): SliceEntry {
    const kept = this.byRow.get(rowIdentity(s.rows[0]));
    if (kept && kept.context === context && sameRows(kept.rows, s.rows)) {
      if (kept.from === s.from) return kept;
      return { ...kept, rows: s.rows, from: s.from };
    }
    const texts = sliceTexts(page, s);
    const moved = this.byText.get(texts[0])?.find((e) => e.context === context && sameElements(e.texts, texts));
    if (moved) return { ...moved, rows: s.rows, from: s.from };
    return { context, rows: s.rows, texts, from: s.from, checkedFrom: s.from, findings: check() };
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
