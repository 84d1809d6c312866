// What a run of the integration suites reports to its launcher, shared by the extension host's two
// runners (suite/index.ts in the Node host, web/index.ts in the web worker host): no Node module here.
import type { Runner } from 'mocha';

export interface TestRecord {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  error?: string;
}

export interface SuiteResults {
  state: 'running' | 'done';
  passed: number;
  failed: number;
  pending: number;
  durationMs: number;
  tests: TestRecord[];
  failures: TestRecord[];
}

/** Lines the launcher echoes start with this. */
export const PREFIX = '[release-pages-test]';

export function describeError(err: unknown): string {
  if (err instanceof Error) return err.stack ?? `${err.name}: ${err.message}`;
  return String(err);
}

/** Counts every test of `runner` into `results` and prints one line per test for the launcher. */
export function recordResults(runner: Runner, results: SuiteResults): void {
  runner.on('pass', (test) => {
    const record: TestRecord = { title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 };
    results.tests.push(record);
    results.passed++;
    console.log(`${PREFIX} ✔ PASS ${record.title} (${record.durationMs} ms)`);
  });
  runner.on('fail', (test, err: unknown) => {
    const record: TestRecord = { title: test.fullTitle(), state: 'failed', durationMs: test.duration ?? 0, error: describeError(err) };
    results.tests.push(record);
    results.failures.push(record);
    results.failed++;
    console.log(`${PREFIX} ✘ FAIL ${record.title}\n${record.error?.replace(/^/gm, '      ')}`);
  });
  runner.on('pending', (test) => {
    results.tests.push({ title: test.fullTitle(), state: 'pending', durationMs: 0 });
    results.pending++;
    console.log(`${PREFIX} - SKIP ${test.fullTitle()}`);
  });
}
