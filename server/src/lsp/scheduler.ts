/**
 * Runs long steps (a check of a big page) a few milliseconds at a time, so the server reads and answers
 * other messages in between; stops early when `stale()` says a newer version made the work useless.
 */
import { type Steps } from '../core';

/** Work done before the event loop gets a turn. */
export const SLICE_MS = 8;

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The steps' result, or null when they were dropped (the steps are closed: their `finally` blocks run). */
export async function runSteps<T>(steps: Steps<T>, stale: () => boolean, sliceMs = SLICE_MS): Promise<T | null> {
  for (;;) {
    const until = performance.now() + sliceMs;
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
      if (performance.now() >= until) break;
    }
    await turn();
    if (stale()) {
      steps.return(undefined as never);
      return null;
    }
  }
}
