// Mocha runner for the web worker extension host (code-server's workbench with extensionDevelopmentKind
// "web"): the same suites as suite/index.ts where they apply, bundled for the browser (no Node built-in:
// node:assert/strict is ./assert.ts in this bundle). No environment variables in a web worker: results go
// to `results.json` next to the first workspace folder through vscode.workspace.fs, and the run waits for
// an `ack` file there before returning (the launcher takes its screenshot in between), as suite/index.ts.
import * as vscode from 'vscode';
import { PREFIX, recordResults, type SuiteResults } from '../suite/results';

const ACK_TIMEOUT_MS = 120_000;

/** The suites that apply in the browser (recovery kills a server process: there is none). */
async function loadSuites(): Promise<string[]> {
  // Loaded after mocha.setup() (their top-level suite() calls need its globals): the bundle runs each on import().
  await import('../suite/diagnostics.test');
  await import('../suite/editor.test');
  await import('../suite/format.test');
  await import('../suite/preview.test');
  await import('../suite/workspace.test');
  await import('./web.test');
  return ['diagnostics', 'editor', 'format', 'preview', 'workspace', 'web'];
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) throw new Error('no workspace folder: the web runner writes its results next to it');
  const dir = vscode.Uri.joinPath(folder, '..');
  const resultsFile = vscode.Uri.joinPath(dir, 'results.json');
  const ackFile = vscode.Uri.joinPath(dir, 'ack');
  const tmp = vscode.Uri.joinPath(dir, 'results.json.tmp');
  // Written whole, then renamed: the launcher never reads a half-written file.
  const write = async (r: SuiteResults): Promise<void> => {
    await vscode.workspace.fs.writeFile(tmp, new TextEncoder().encode(`${JSON.stringify(r, null, 2)}\n`));
    await vscode.workspace.fs.rename(tmp, resultsFile, { overwrite: true });
  };
  const started = Date.now();
  const results: SuiteResults = { state: 'running', passed: 0, failed: 0, pending: 0, durationMs: 0, tests: [], failures: [] };
  await write(results);

  await import('mocha/mocha.js'); // the browser build: defines the global `mocha`
  mocha.setup({ ui: 'tdd', timeout: 60_000, reporter: undefined });
  const optionsFile = vscode.Uri.joinPath(dir, 'web-options.json');
  if (await exists(optionsFile)) {
    const { grep } = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(optionsFile))) as { grep?: string };
    if (grep) mocha.grep(grep);
  }
  const suites = await loadSuites();
  console.log(`${PREFIX} running ${suites.length} suite file(s) in the web worker extension host: ${suites.join(', ')}`);

  // mocha's browser build reads its options from `location.search`, which the extension host's worker does not define.
  const scope = globalThis as { location?: { search?: string } };
  if (!scope.location) scope.location = { search: '' };
  await new Promise<void>((resolve) => {
    recordResults(
      mocha.run(() => resolve()),
      results,
    );
  });

  results.state = 'done';
  results.durationMs = Date.now() - started;
  await write(results);
  console.log(`${PREFIX} ${results.passed} passed, ${results.failed} failed, ${results.pending} pending in ${results.durationMs} ms`);
  const deadline = Date.now() + ACK_TIMEOUT_MS;
  while (!(await exists(ackFile)) && Date.now() < deadline) await new Promise<void>((resolve) => setTimeout(resolve, 100));
  if (results.failed > 0) throw new Error(`${results.failed} integration test(s) failed`);
  if (results.passed === 0) throw new Error('no integration test ran');
}
