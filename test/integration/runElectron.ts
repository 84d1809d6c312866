// Runs the same integration suites with @vscode/test-electron (desktop VS Code). Uses
// $VSCODE_EXECUTABLE when set; otherwise test-electron downloads VS Code (needs the internet).
// Usage: node out/test/integration/runElectron.js
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSandbox, type Sandbox } from './lib/codeServer';
import { errorMessage, repoRoot, runMain } from './lib/util';
import type { SuiteResults } from './suite/index';

let sandbox: Sandbox | undefined;

async function main(): Promise<number> {
  const root = repoRoot();
  const extensionTestsPath = join(root, 'out', 'test', 'integration', 'suite', 'index.js');
  if (!existsSync(extensionTestsPath)) {
    console.error(`${extensionTestsPath} is missing: run \`npm run build\` first`);
    return 1;
  }
  const { runTests } = await import('@vscode/test-electron');
  sandbox = createSandbox();
  const resultsFile = join(sandbox.dir, 'results.json');
  const executable = process.env.VSCODE_EXECUTABLE;
  console.log(`launcher: @vscode/test-electron, VS Code ${executable ? `at ${executable}` : 'downloaded by test-electron (stable)'}`);
  let exitCode: number;
  try {
    exitCode = await runTests({
      ...(executable ? { vscodeExecutablePath: executable } : {}),
      extensionDevelopmentPath: root,
      extensionTestsPath,
      extensionTestsEnv: { RELEASE_PAGES_TEST_RESULTS: resultsFile },
      launchArgs: [
        sandbox.workspace,
        '--user-data-dir', sandbox.userData,
        '--extensions-dir', sandbox.extensions,
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-gpu',
        '--no-sandbox',
      ],
    });
  } catch (e) {
    exitCode = 1;
    console.log(`ERROR: @vscode/test-electron: ${errorMessage(e)}`);
  }
  const results = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as SuiteResults) : undefined;
  if (!results || results.state !== 'done') {
    console.log('ERROR: the suites did not finish (no results file)');
    console.log(`${results?.passed ?? 0} passed, ${(results?.failed ?? 0) + 1} failed`);
    return 1;
  }
  for (const t of results.tests) console.log(`  ${t.state === 'passed' ? '✔ PASS' : t.state === 'failed' ? '✘ FAIL' : '- SKIP'} ${t.title}`);
  for (const f of results.failures) console.log(`FAILED: ${f.title}\n${f.error ?? ''}`);
  if (results.passed + results.failed === 0) console.log('ERROR: no integration test ran');
  console.log(`${results.passed} passed, ${results.failed} failed${results.pending ? `, ${results.pending} skipped` : ''}`);
  return exitCode === 0 && results.failed === 0 && results.passed > 0 ? 0 : 1;
}

runMain('runElectron', main, async () => {
  sandbox?.remove();
  sandbox = undefined;
});
