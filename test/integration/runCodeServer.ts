// Runs the integration suites (out/test/integration/suite/index.js) inside a real VS Code: code-server
// 4.139.1 (VS Code 1.139.1) under Node 24, its workbench in headless Chromium. Prints one line per
// test, saves a screenshot of the workbench to test-results/, then `N passed, N failed`.
// Suites may drive the workbench with the keyboard through lib/driver.ts.
// Usage: node out/test/integration/runCodeServer.js [--update-docs-images]   (env RELEASE_PAGES_TEST_GREP=<pattern> to filter)
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  createSandbox,
  launchBrowser,
  prerequisites,
  remoteUri,
  Session,
  startCodeServer,
  testResultsDir,
  workbenchUrl,
} from './lib/codeServer';
import { serveDriver } from './lib/driver';
import { EXIT_SKIP, lastLines, pollUntil, repoRoot, runMain } from './lib/util';
import type { SuiteResults } from './suite/index';

const START_TIMEOUT_MS = 120_000; // page load until the suite's run() has started
const TOTAL_TIMEOUT_MS = 12 * 60_000; // whole run, from opening the page (the keyboard-driven table suite is long on a loaded machine)
const TEST_PREFIX = '[release-pages-test] ';

const session = new Session();

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

async function main(): Promise<number> {
  const root = repoRoot();
  const suiteIndex = join(root, 'out', 'test', 'integration', 'suite', 'index.js');
  if (!existsSync(suiteIndex)) {
    console.error(`${suiteIndex} is missing: run \`npm run build\` first`);
    return 1;
  }
  const install = await prerequisites('integration (code-server)');
  if (!install) return EXIT_SKIP;
  console.log(
    `VS Code ${install.vscodeVersion} (code-server ${install.codeServerVersion}, Node ${install.nodeVersion}) — launcher: code-server + headless Chromium`,
  );

  const out = testResultsDir();
  const hostLog = join(out, 'extension-host.log');
  writeFileSync(hostLog, '');
  const sandbox = (session.sandbox = createSandbox());
  const resultsFile = join(sandbox.dir, 'results.json');
  const ackFile = join(sandbox.dir, 'ack');
  const driverDir = join(sandbox.dir, 'driver');
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
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ] as const;
  const opened = Date.now();
  // A loaded machine can take longer than Playwright's 30 s default to load the workbench.
  await page.goto(workbenchUrl(server, sandbox.workspaceFile, payload), { timeout: START_TIMEOUT_MS });
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
      START_TIMEOUT_MS,
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
      Math.max(0, TOTAL_TIMEOUT_MS - (Date.now() - opened)),
      250,
    );

    await driver.stop();
    const shot = join(out, 'workbench.png');
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

runMain('runCodeServer', main, () => session.close());
