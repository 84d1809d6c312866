// Runs a bundle of integration suites inside a real VS Code: code-server 4.139.1 (VS Code 1.139.1) under
// Node 24, its workbench in headless Chromium, in the Node extension host (runCodeServer.ts) or in the
// web worker extension host (runWeb.ts). Prints one line per test, saves a screenshot of the workbench
// to test-results/, then `N passed, N failed`.
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  createSandbox,
  writeUserSettings,
  launchBrowser,
  prerequisites,
  remoteUri,
  Session,
  startCodeServer,
  testResultsDir,
  workbenchUrl,
} from './codeServer';
import { serveDriver } from './driver';
import { EXIT_SKIP, lastLines, pollUntil, repoRoot } from './util';
import type { SuiteResults } from '../suite/index';

const START_TIMEOUT_MS = 120_000; // page load until the suite's run() has started
const TOTAL_TIMEOUT_MS = 20 * 60_000; // whole run, from opening the page: at load 30 on 2 cores the suites took 9 to 10 minutes, 2.5 of them the keyboard-driven table suite
const TEST_PREFIX = '[release-pages-test] ';

export interface SuitesRun {
  /** The suites' bundle, relative to the repository (it exports `run()`). */
  suiteIndex: string;
  /** What the launcher is, for the first line. */
  launcher: string;
  /** Payload entries besides the extension and the tests (e.g. `extensionDevelopmentKind`). */
  payload?: readonly (readonly [string, string])[];
  /** The screenshot's file name in test-results/. */
  screenshot: string;
  /** Files written into the sandbox before the workbench opens (relative path → text). */
  sandboxFiles?: Record<string, string>;
  /** User settings besides the quiet defaults (e.g. `remote.extensionKind`). */
  userSettings?: Record<string, unknown>;
  /** Milliseconds from opening the page until the suites start, and for the whole run (a busy machine needs more). */
  startTimeoutMs?: number;
  totalTimeoutMs?: number;
}

function readResults(file: string): SuiteResults | undefined {
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as SuiteResults;
}

/** Saves the logs the workbench hands to codeAutomationExit ({ relativePath, contents }[]). */
function saveLogs(logs: unknown, dir: string): void {
  if (!Array.isArray(logs)) return;
  for (const entry of logs as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { relativePath, contents } = entry as { relativePath?: unknown; contents?: unknown };
    if (typeof relativePath !== 'string' || typeof contents !== 'string' || relativePath.includes('..')) continue;
    const target = join(dir, relativePath);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, contents);
  }
}

function timeouts(options: SuitesRun): { start: number; total: number } {
  return { start: options.startTimeoutMs ?? START_TIMEOUT_MS, total: options.totalTimeoutMs ?? TOTAL_TIMEOUT_MS };
}

export async function runSuites(session: Session, options: SuitesRun): Promise<number> {
  const root = repoRoot();
  const suiteIndex = join(root, options.suiteIndex);
  const limits = timeouts(options);
  if (!existsSync(suiteIndex)) {
    console.error(`${suiteIndex} is missing: run \`npm run build\` first`);
    return 1;
  }
  const install = await prerequisites('integration (code-server)');
  if (!install) return EXIT_SKIP;
  console.log(
    `VS Code ${install.vscodeVersion} (code-server ${install.codeServerVersion}, Node ${install.nodeVersion}) — launcher: ${options.launcher}`,
  );

  const out = testResultsDir();
  const hostLog = join(out, 'extension-host.log');
  writeFileSync(hostLog, '');
  const sandbox = (session.sandbox = createSandbox());
  const resultsFile = join(sandbox.dir, 'results.json');
  const ackFile = join(sandbox.dir, 'ack');
  const driverDir = join(sandbox.dir, 'driver');
  for (const [rel, text] of Object.entries(options.sandboxFiles ?? {})) writeFileSync(join(sandbox.dir, rel), text);
  if (options.userSettings) writeUserSettings(sandbox, options.userSettings);
  const server = (session.server = await startCodeServer(install, sandbox, {
    env: { RELEASE_PAGES_TEST_RESULTS: resultsFile, RELEASE_PAGES_TEST_ACK: ackFile, RELEASE_PAGES_TEST_DRIVER: driverDir },
    logFile: join(out, 'code-server.log'),
    smokeTestDriver: true,
  }));
  console.log(`code-server listening on ${server.origin} (pid ${server.process.pid}, own process group)`);
  const browser = (session.browser = await launchBrowser(sandbox));
  const { page } = browser;

  let hostExit: number | undefined;
  await page.exposeFunction('codeAutomationLog', (type: unknown, message: unknown) => {
    const parts: unknown[] = Array.isArray(message) ? message : [message];
    const text = parts.map((p) => (typeof p === 'string' ? p : JSON.stringify(p))).join(' ');
    appendFileSync(hostLog, `[${String(type)}] ${text}\n`);
    for (const line of text.split('\n')) {
      const at = line.indexOf(TEST_PREFIX);
      if (at >= 0) console.log(`  ${line.slice(at + TEST_PREFIX.length)}`);
    }
  });
  await page.exposeFunction('codeAutomationExit', (code: unknown, logs: unknown) => {
    hostExit = typeof code === 'number' ? code : 1;
    saveLogs(logs, join(out, 'logs'));
  });
  page.on('pageerror', (e) => appendFileSync(hostLog, `[pageerror] ${e.message}\n`));

  const payload = [
    ['extensionDevelopmentPath', remoteUri(server, root)],
    ['extensionTestsPath', remoteUri(server, suiteIndex)],
    ...(options.payload ?? []),
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ] as const;
  const opened = Date.now();
  // Waiting for the page's load event is pointless (and times out on a busy machine): the results file says when the suites start.
  await page.goto(workbenchUrl(server, sandbox.workspaceFile, payload), { waitUntil: 'commit' });
  // Suites that drive the workbench with the keyboard ask for keys here (lib/driver.ts).
  const driver = serveDriver(page, driverDir, { results: out, docsImages: join(root, 'docs', 'images') });

  const failEarly = (): void => {
    if (server.hasExited()) throw new Error(`code-server exited during the run; see test-results/code-server.log`);
    if (hostExit !== undefined && readResults(resultsFile)?.state !== 'done') {
      throw new Error(`the extension host exited with code ${hostExit} before the suites finished; see test-results/logs/`);
    }
  };
  try {
    await pollUntil(
      'the extension host to start the test suites (results file)',
      () => {
        failEarly();
        return readResults(resultsFile) ? true : undefined;
      },
      limits.start,
      250,
    );
    console.log(`suites started ${((Date.now() - opened) / 1000).toFixed(1)} s after opening the workbench`);
    const results = await pollUntil(
      'the test suites to finish',
      () => {
        failEarly();
        const r = readResults(resultsFile);
        return r?.state === 'done' ? r : undefined;
      },
      Math.max(0, limits.total - (Date.now() - opened)),
      250,
    );

    await driver.stop();
    const shot = join(out, options.screenshot);
    await page.screenshot({ path: shot });
    console.log(`screenshot: ${shot.slice(root.length + 1)}`);
    writeFileSync(ackFile, 'ok\n');
    const exitCode = await pollUntil('the extension host to exit after the acknowledgement', () => hostExit, 60_000, 100);

    for (const f of results.failures) console.log(`FAILED: ${f.title}\n${f.error ?? ''}`);
    console.log(`extension host exit code ${exitCode}; suites took ${(results.durationMs / 1000).toFixed(1)} s; logs in test-results/`);
    if (results.passed + results.failed === 0) console.log('ERROR: no integration test ran');
    console.log(`${results.passed} passed, ${results.failed} failed${results.pending ? `, ${results.pending} skipped` : ''}`);
    return results.failed === 0 && results.passed > 0 && exitCode === 0 ? 0 : 1;
  } catch (e) {
    await driver.stop();
    await page.screenshot({ path: join(out, 'workbench-failure.png') }).catch(() => undefined);
    console.log(`ERROR: ${e instanceof Error ? e.message : String(e)}`);
    console.log(`--- last lines of test-results/extension-host.log ---\n${lastLines(readFileSync(hostLog, 'utf8'), 30)}`);
    const partial = readResults(resultsFile);
    console.log(`${partial?.passed ?? 0} passed, ${(partial?.failed ?? 0) + 1} failed`);
    return 1;
  }
}
