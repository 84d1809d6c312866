/**
 * Long work as a generator that yields now and then: a caller with an event loop (the language server)
 * runs a few milliseconds of it at a time and answers requests in between, or drops it when a newer
 * version arrives; everyone else drains it at once. A yield costs next to nothing.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps to the end. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Whether a loop over lines or rows should yield at its `i`th turn: once every 4,096 turns, about a
 * millisecond of parsing. A yield per turn would cost more than the work; a bit mask, not `%`, as the
 * parsing loops of a 50,000-row page ask this 50,000 times.
 */
export function shouldYield(i: number): boolean {
  return (i & 4095) === 4095;
}
