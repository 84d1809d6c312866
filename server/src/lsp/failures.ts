/**
 * Failures the server survives, logged once each: a rule that throws on a page (once per page and rule),
 * a check that fails outright (once per page), and unhandled promise rejections or exceptions, which
 * would otherwise end the process on the next keystroke.
 */

export function describeError(e: unknown): string {
  return e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e);
}

export class FailureLog {
  private readonly seen = new Set<string>();

  constructor(private readonly log: (message: string) => void) {}

  /** Logs `message()` the first time `key` fails; later failures with the same key are not logged. Returns whether it logged. */
  once(key: string, message: () => string): boolean {
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    this.log(message());
    return true;
  }
}

/** Node's process events the server logs instead of dying (the client would restart it, and lose the open pages' state). */
export interface ProcessEvents {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
}

export function logProcessFailures(events: ProcessEvents, log: (message: string) => void): void {
  let inside = false;
  const guarded =
    (what: string) =>
    (e: unknown): void => {
      if (inside) return; // a failure while logging a failure: do not loop
      inside = true;
      try {
        log(`${what}: ${describeError(e)}`);
      } catch {
        // the connection is gone: nothing left to tell
      } finally {
        inside = false;
      }
    };
  events.on('unhandledRejection', guarded('unhandled promise rejection'));
  events.on('uncaughtException', guarded('uncaught exception'));
}
