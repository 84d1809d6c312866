// Runs the same integration suites with @vscode/test-electron (desktop VS Code). Uses
// $VSCODE_EXECUTABLE when set; otherwise test-electron downloads VS Code (needs the internet).
// Usage: node out/test/integration/runElectron.js
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSandbox, type Sandbox } from './lib/codeServer';
import { errorMessage, repoRoot, runMain } from './lib/util';
import type { SuiteResults } from './suite/index';

let sandbox: Sandbox | undefined;

/** Runs the suites in desktop VS Code in a new sandbox: the exit code of VS Code (1 when test-electron itself failed) and the results file. */
async function runInElectron(root: string, extensionTestsPath: string): Promise<{ exitCode: number; resultsFile: string }> {
  const { runTests } = await import('@vscode/test-electron');
  const box = createSandbox();
  sandbox = box;
  const resultsFile = join(box.dir, 'results.json');
  const executable = process.env.VSCODE_EXECUTABLE;
  console.log(`launcher: @vscode/test-electron, VS Code ${executable ? `at ${executable}` : 'downloaded by test-electron (stable)'}`);
  try {
    const exitCode = await runTests({
      ...(executable ? { vscodeExecutablePath: executable } : {}),
      extensionDevelopmentPath: root,
      extensionTestsPath,
      extensionTestsEnv: { RELEASE_PAGES_TEST_RESULTS: resultsFile },
      launchArgs: [
        box.workspace,
        '--user-data-dir',
        box.userData,
        '--extensions-dir',
        box.extensions,
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-gpu',
        '--no-sandbox',
      ],
    });
    return { exitCode, resultsFile };
  } catch (e) {
    console.log(`ERROR: @vscode/test-electron: ${errorMessage(e)}`);
    return { exitCode: 1, resultsFile };
  }
}

/** Prints each test and the summary line of the suites' results file; 0 when VS Code exited cleanly and every test passed. */
function reportResults(resultsFile: string, exitCode: number): number {
  const results = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as SuiteResults) : undefined;
  if (!results || results.state !== 'done') {
    console.log('ERROR: the suites did not finish (no results file)');
    console.log(`${results?.passed ?? 0} passed, ${(results?.failed ?? 0) + 1} failed`);
    return 1;
  }
  for (const t of results.tests)
    console.log(`  ${t.state === 'passed' ? '✔ PASS' : t.state === 'failed' ? '✘ FAIL' : '- SKIP'} ${t.title}`);
  for (const f of results.failures) console.log(`FAILED: ${f.title}\n${f.error ?? ''}`);
  if (results.passed + results.failed === 0) console.log('ERROR: no integration test ran');
  console.log(`${results.passed} passed, ${results.failed} failed${results.pending ? `, ${results.pending} skipped` : ''}`);
  return exitCode === 0 && results.failed === 0 && results.passed > 0 ? 0 : 1;
}

async function main(): Promise<number> {
  const root = repoRoot();
  const extensionTestsPath = join(root, 'out', 'test', 'integration', 'suite', 'index.js');
  if (!existsSync(extensionTestsPath)) {
    console.error(`${extensionTestsPath} is missing: run \`npm run build\` first`);
    return 1;
  }
  const { exitCode, resultsFile } = await runInElectron(root, extensionTestsPath);
  return reportResults(resultsFile, exitCode);
}

runMain('runElectron', main, () => {
  sandbox?.remove();
  sandbox = undefined;
  return Promise.resolve();
});
