/** Small array helpers the engine uses on big pages (tens of thousands of lines, rows and dates). */

/** Index of the first item whose key is >= x in a list sorted by that key (items.length if none). */
export function firstAtOrAfter<T>(items: readonly T[], x: number, keyOf: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keyOf(items[mid]) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether two arrays hold the same elements (===) in the same order. */
export function sameElements<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A copy of `items` with [from, to) replaced by `fresh`, made at its final size (no regrowing copies of
 * a 50,000-element array on every keystroke).
 */
export function spliced<T>(items: readonly T[], from: number, to: number, fresh: readonly T[]): T[] {
  return joined(items, from, fresh, items, to);
}

/**
 * items[0, from) followed by `fresh` and rest[restFrom…], made at its final size. Performance: a row
 * inserted in a 50,000-row table joined `slice(0, from).concat(…)` for its rows, which made a temporary
 * copy of the rows above the edit besides the result (about 1 MB less to collect per edit, with the dates').
 */
export function joined<T>(items: readonly T[], from: number, fresh: readonly T[], rest: readonly T[], restFrom = 0): T[] {
  const out = new Array<T>(from + fresh.length + rest.length - restFrom);
  for (let i = 0; i < from; i++) out[i] = items[i];
  for (let i = 0; i < fresh.length; i++) out[from + i] = fresh[i];
  for (let i = restFrom, k = from + fresh.length; i < rest.length; i++, k++) out[k] = rest[i];
  return out;
}
