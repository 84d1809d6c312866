/**
 * CPU time instead of wall time for the tests that bound how long something takes (a hang, a quadratic
 * blow-up): the machine is shared, and another process's work stretches wall time but hardly the CPU
 * time this process spends. The benchmark (`npm run bench`), not these tests, measures speed.
 */

/** Runs `fn` and returns its value with the CPU time (user + system, ms) this process spent meanwhile. */
export function withCpuTime<T>(fn: () => T): { value: T; ms: number } {
  const since = process.cpuUsage();
  const value = fn();
  const used = process.cpuUsage(since);
  return { value, ms: (used.user + used.system) / 1000 };
}

/** A preload script's source that prints the process's peak RSS (KB) and CPU time (ms) on stderr at exit. */
export const USAGE_HOOK_SOURCE =
  "process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeSync(2, `\\n[usage ${u.maxRSS} ${Math.round((u.userCPUTime + u.systemCPUTime) / 1000)}]\\n`); });\n";

/** Reads what USAGE_HOOK_SOURCE printed; `rest` is stderr without it. */
export function readUsage(stderr: string): { rssKb: number; cpuMs: number; rest: string } {
  const m = /\n\[usage (\d+) (\d+)\]\n/.exec(stderr);
  return {
    rssKb: m ? Number(m[1]) : Number.POSITIVE_INFINITY,
    cpuMs: m ? Number(m[2]) : Number.POSITIVE_INFINITY,
    rest: m ? stderr.replace(m[0], '') : stderr,
  };
}
