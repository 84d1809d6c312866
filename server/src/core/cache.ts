/**
 * Content-keyed memo for pure functions of a string (a table row's cells, a cell's dates). Values are
 * shared between callers and must not be mutated. When the map grows past its bound it starts afresh:
 * the working set of a page is rebuilt in one pass, so this costs one miss per entry at worst.
 */
export class TextMemo<V> {
  private map = new Map<string, V>();

  constructor(private readonly compute: (text: string) => V, private readonly limit = 200_000) {}

  get(text: string): V {
    let v = this.map.get(text);
    if (v === undefined) {
      if (this.map.size >= this.limit) this.map = new Map();
      v = this.compute(text);
      this.map.set(text, v);
    }
    return v;
  }
}
