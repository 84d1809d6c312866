// Installs code-server (VS Code 1.139.1) and Node 24 into .vscode-test/ for the integration tests.
// Idempotent: a marker file records a complete install, so a second run takes about a second.
// Usage: node out/scripts/setup-vscode.js [--force]
import { ensureCodeServer, PrerequisiteError } from '../test/integration/lib/install';
import { EXIT_SKIP, runMain } from '../test/integration/lib/util';

runMain('setup-vscode', async () => {
  const start = Date.now();
  try {
    const install = await ensureCodeServer({ force: process.argv.includes('--force') });
    console.log(
      `[setup] ready: VS Code ${install.vscodeVersion} (code-server ${install.codeServerVersion}), Node ${install.nodeVersion}; ${((Date.now() - start) / 1000).toFixed(1)} s`,
    );
    return 0;
  } catch (e) {
    if (e instanceof PrerequisiteError) {
      console.error(`[setup] SKIPPED: ${e.message}`);
      return EXIT_SKIP;
    }
    throw e;
  }
});
