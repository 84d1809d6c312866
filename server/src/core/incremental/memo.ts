/**
 * Content-keyed memo for pure functions of a string (a table row's cells, a cell's dates). Values are
 * shared between callers and must not be mutated. Entries live for two generations: `sweepMemos()`
 * (called by the engine after it built a page) drops what neither that build nor the one before used,
 * so the memos hold about one page's worth of strings, not every page ever read (and not the texts
 * those strings are slices of). A memo that grows past its bound starts afresh.
 */
const ALL = new Set<TextMemo<unknown>>();

export class TextMemo<V> {
  private current = new Map<string, V>();
  private previous = new Map<string, V>();

  constructor(
    private readonly compute: (text: string) => V,
    private readonly limit = 200_000,
  ) {
    ALL.add(this);
  }

  /** Stops sweeping this memo (for memos made and dropped at run time). */
  dispose(): void {
    ALL.delete(this);
  }

  get(text: string): V {
    let v = this.current.get(text);
    if (v !== undefined) return v;
    v = this.previous.get(text);
    if (v === undefined) v = this.compute(text);
    if (this.current.size >= this.limit) this.current = new Map();
    this.current.set(text, v);
    return v;
  }

  /** Starts a new generation: entries not read since the last sweep are dropped at the next one. */
  sweep(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}

/** Sweeps every memo (see TextMemo.sweep). */
export function sweepMemos(): void {
  for (const m of ALL) m.sweep();
}
