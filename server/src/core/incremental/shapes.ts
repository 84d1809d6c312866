/**
 * One instance of each class the engine makes per page (cells, rows, dates, findings), kept for the
 * process's lifetime.
 *
 * Why: V8 gives the objects of a class a chain of hidden classes (one per field a constructor sets), and
 * that chain is held only by the instances. When the last page is dropped, a few full collections later
 * the hidden classes die, and with them the optimized code of every function that read those objects.
 * The next page then runs in the interpreter until the JIT has warmed up again: measured on a 10,000-row
 * page checked after other work (the CLI between files, the server after a document was closed), the cold
 * check took twice as long (about 230 ms instead of 110 ms). A kept instance costs a few dozen bytes.
 *
 * Each class registers its sample where it is defined, made the way the engine makes its instances (the
 * same constructor, so the same chain).
 */
const KEPT: object[] = [];

/** Keeps `sample` alive for good (see above); returns it. */
export function keepShape<T extends object>(sample: T): T {
  KEPT.push(sample);
  return sample;
}
