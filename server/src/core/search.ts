/** Binary search over a list sorted by a numeric key. */

/** Index of the first item whose key is >= x (items.length if none). */
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
