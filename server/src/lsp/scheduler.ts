/**
 * Runs long steps (a check of a big page) a few milliseconds at a time, so the server reads and answers
 * other messages in between; stops early when `stale()` says a newer version made the work useless.
 */
import { type Steps } from '../core';

/**
 * Work done before the event loop gets a turn. A request that arrives during a check waits for about two
 * slices (the one running, and the one queued before the reply's write). Measured on a cold 50,000-row page
 * (a hover sent 20 ms after didOpen, 10 trials, twice): 4 ms answered in 77–91 ms (medians) where 8 ms took
 * 98–103, with the same check time and the same structural-edit figures.
 */
export const SLICE_MS = 4;

/**
 * A turn of the event loop: `setImmediate` in Node; in a web worker (no `setImmediate`) a message to
 * itself, which, unlike `setTimeout(0)`, is not clamped to 4 ms after a few nested calls.
 */
export const turn: () => Promise<void> =
  typeof setImmediate === 'function'
    ? () => new Promise((resolve) => setImmediate(resolve))
    : () =>
        new Promise((resolve) => {
          // Typed as the web's MessageChannel (Node's typings describe its own ports).
          const channel = new MessageChannel() as unknown as {
            port1: { onmessage: (() => void) | null; close(): void };
            port2: { postMessage(message: null): void };
          };
          channel.port1.onmessage = () => {
            channel.port1.close();
            resolve();
          };
          channel.port2.postMessage(null);
        });

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
