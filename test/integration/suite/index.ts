// Mocha runner executed inside the VS Code extension host (code-server or @vscode/test-electron).
// Loads every *.test.js next to this file, prints one line per test, and writes a JSON results file
// to $RELEASE_PAGES_TEST_RESULTS. With $RELEASE_PAGES_TEST_ACK set, it then waits for that file to
// appear before returning (the workbench drops diagnostics once run() settles, so the launcher takes
// its screenshot in between).
import { existsSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import { PREFIX, recordResults, type SuiteResults } from './results';

export type { SuiteResults, TestRecord } from './results';

const ACK_TIMEOUT_MS = 120_000;

function writeResults(file: string | undefined, results: SuiteResults): void {
  if (!file) return;
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(results, null, 2)}\n`);
  renameSync(tmp, file); // atomic: the launcher never reads a half-written file
}

async function waitForAck(file: string): Promise<void> {
  const deadline = Date.now() + ACK_TIMEOUT_MS;
  while (!existsSync(file)) {
    if (Date.now() > deadline) {
      console.log(`${PREFIX} no acknowledgement in ${ACK_TIMEOUT_MS} ms (${file}); finishing anyway`);
      return;
    }
    await new Promise<void>((resolve) => setTimeout(resolve, 100));
  }
}

export async function run(): Promise<void> {
  const resultsFile = process.env.RELEASE_PAGES_TEST_RESULTS;
  const ackFile = process.env.RELEASE_PAGES_TEST_ACK;
  const started = Date.now();
  const results: SuiteResults = { state: 'running', passed: 0, failed: 0, pending: 0, durationMs: 0, tests: [], failures: [] };
  writeResults(resultsFile, results);

  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: Mocha.reporters.Base });
  const grep = process.env.RELEASE_PAGES_TEST_GREP;
  if (grep) mocha.grep(grep);
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(join(__dirname, f));
  console.log(`${PREFIX} running ${files.length} suite file(s): ${files.join(', ')}`);

  await new Promise<void>((resolve) => {
    recordResults(
      mocha.run(() => resolve()),
      results,
    );
  });

  results.state = 'done';
  results.durationMs = Date.now() - started;
  writeResults(resultsFile, results);
  console.log(`${PREFIX} ${results.passed} passed, ${results.failed} failed, ${results.pending} pending in ${results.durationMs} ms`);
  if (ackFile) await waitForAck(ackFile);
  if (results.failed > 0) throw new Error(`${results.failed} integration test(s) failed`);
  if (results.passed === 0) throw new Error('no integration test ran');
}
