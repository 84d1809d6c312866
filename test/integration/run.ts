// Chooses the launcher for the integration suites: @vscode/test-electron when $VSCODE_EXECUTABLE is
// set or with --electron, otherwise code-server + headless Chromium (works offline). Each launcher
// is its own program; this one runs it and passes its exit code on.
// Usage: node out/test/integration/run.js [--electron]
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { errorMessage } from './lib/util';

function choose(): { script: string; why: string } {
  if (process.argv.includes('--electron')) return { script: 'runElectron.js', why: '--electron was given' };
  if (process.env.VSCODE_EXECUTABLE)
    return { script: 'runElectron.js', why: `VSCODE_EXECUTABLE is set (${process.env.VSCODE_EXECUTABLE})` };
  return {
    script: 'runCodeServer.js',
    why: 'no VSCODE_EXECUTABLE and no --electron: desktop VS Code cannot be downloaded offline, code-server can be installed from npm',
  };
}

const { script, why } = choose();
console.log(`integration launcher: ${script.replace(/\.js$/, '')} (${why})`);
const child = spawn(process.execPath, [join(__dirname, script)], { stdio: 'inherit' });
// The launcher cleans up (kills code-server, closes the browser) on SIGINT/SIGTERM: forward them and
// wait for it instead of exiting first.
const forward = (signal: NodeJS.Signals): void => {
  child.kill(signal);
};
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
child.once('error', (e) => {
  console.error(`run: cannot start ${script}: ${errorMessage(e)}`);
  process.exit(1);
});
child.once('exit', (code, signal) => process.exit(code ?? (signal ? 130 : 1)));
