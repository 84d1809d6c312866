/**
 * The one registry of kept shapes: one instance of each class the engine makes per page (cells, rows,
 * dates, findings, status readings), kept for the process's lifetime.
 *
 * Why: V8 gives the objects of a class a chain of hidden classes (one per field a constructor sets), and
 * that chain is held only by the instances. When the last page is dropped, a few full collections later
 * the hidden classes die, and with them the optimized code of every function that read those objects.
 * The next page then runs in the interpreter until the JIT has warmed up again: measured on a 10,000-row
 * page checked after other work (the CLI between files, the server after a document was closed), the cold
 * check took twice as long (about 230 ms instead of 110 ms). A kept instance costs a few dozen bytes.
 *
 * Each sample is made the way the engine makes its instances (the same constructor, so the same chain,
 * and field values of the same kinds). The classes stay in their domain modules; only this file keeps
 * them, so it imports upwards (its own lint zone, `core/shapes`) and is imported by the engine alone.
 * The Engine class keeps its own sample (engine/index.ts): this file is imported by it.
 */
import { scanDates } from '../dates';
import { LazyFinding, NO_FIXES } from '../engine/check-result';
import { RowCell } from '../markdown/table';
import { CellDate } from '../model/page-dates';
import { ShiftedRow } from '../model/shift';
import { SingleLineRow } from '../model/tables';
import { FeatureReader } from '../status/features';

const KEPT: object[] = [];

/** Keeps `sample` alive for good (see above); returns it. */
export function keepShape<T extends object>(sample: T): T {
  KEPT.push(sample);
  return sample;
}

let kept = false;

/**
 * Makes and keeps the samples, once: when the first Engine is made (engine/index.ts), not when the core
 * is imported, so that a run that checks no page (`--version`, a folder of pages that are no release
 * pages) does not pay for them (the date sample compiles the date scanner's expressions).
 */
export function keepSamples(): void {
  if (kept) return;
  kept = true;
  const at = { line: 0, character: 0 };
  keepShape(new RowCell(0, '', 0, 0, 0));
  keepShape(new SingleLineRow({ line: 0, cells: [], leadingPipe: false, trailingPipe: false }, false));
  keepShape(new ShiftedRow({ line: 0, cells: [], leadingPipe: false, trailingPipe: false }, 1, false));
  keepShape(new CellDate(scanDates('2013-01-01')[0], new RowCell(0, '2013-01-01', 0, 0, 10), ''));
  keepShape(new LazyFinding('', 'hint', '', { start: at, end: at }, () => NO_FIXES));
  keepShape(new FeatureReader({ statuses: [], priorities: [] }));
}
