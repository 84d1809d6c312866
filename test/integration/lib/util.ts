// Small helpers shared by the integration launchers and scripts (Node side, outside VS Code).
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

/** The repository root: the nearest folder above this bundle whose package.json is release-pages. */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown };
      if (parsed.name === 'release-pages') return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`release-pages package.json not found above ${__dirname}`);
    dir = parent;
  }
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function seconds(startMs: number): string {
  return `${((Date.now() - startMs) / 1000).toFixed(1)} s`;
}

/** Polls `condition` until it returns a value other than undefined, or throws after `timeoutMs`. */
export async function pollUntil<T>(
  what: string,
  condition: () => T | undefined | Promise<T | undefined>,
  timeoutMs: number,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise<void>((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}

export interface RunResult {
  code: number;
  output: string;
}

/**
 * Runs a command to completion. Its output goes to `logFile` (when given) and is returned;
 * with `echo` it is also streamed to this process's stdout.
 */
export function runCommand(
  command: string,
  args: readonly string[],
  options: SpawnOptions & { logFile?: string; echo?: boolean } = {},
): Promise<RunResult> {
  const { logFile, echo, ...spawnOptions } = options;
  return new Promise((resolve, reject) => {
    // ChildProcess, not the piped overload's type: when the spawn fails with EMFILE/ENFILE, Node leaves stdout/stderr null.
    const child: ChildProcess = spawn(command, args, { ...spawnOptions, stdio: ['ignore', 'pipe', 'pipe'] });
    const log = logFile ? createWriteStream(logFile, { flags: 'a' }) : undefined;
    log?.write(`$ ${command} ${args.join(' ')}\n`);
    const chunks: Buffer[] = [];
    const onData = (chunk: Buffer): void => {
      chunks.push(chunk);
      log?.write(chunk);
      if (echo) process.stdout.write(chunk);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', (e) => {
      log?.end();
      reject(e);
    });
    child.once('close', (code, signal) => {
      log?.end();
      resolve({ code: code ?? (signal ? 128 : 1), output: Buffer.concat(chunks).toString('utf8') });
    });
  });
}

export function lastLines(text: string, count: number): string {
  return text.trimEnd().split('\n').slice(-count).join('\n');
}

/** Exit code a launcher uses when it cannot run here (missing browser, packages…): the stage is skipped. */
export const EXIT_SKIP = 77;

/** Runs `fn` as the program: exit code from its result, cleanup on SIGINT/SIGTERM, errors reported. */
export function runMain(name: string, fn: () => Promise<number>, cleanup: () => Promise<void> = async () => {}): void {
  let finishing = false;
  const finish = async (code: number): Promise<void> => {
    if (finishing) return;
    finishing = true;
    try {
      await cleanup();
    } catch (e) {
      console.error(`${name}: cleanup failed: ${errorMessage(e)}`);
    }
    process.exit(code);
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    if (finishing) return;
    console.error(`${name}: ${signal}, cleaning up`);
    void finish(130);
  };
  // `on`, not `once`: a second Ctrl-C while cleaning up must not kill us before the cleanup ends.
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  fn().then(
    (code) => finish(code),
    (e: unknown) => {
      console.error(`${name}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return finish(1);
    },
  );
}

/** A run of dependent checks: each prints PASS/FAIL with its time; a failure is counted and rethrown. */
export class Checks {
  passed = 0;
  failed = 0;

  async check<T>(what: string, fn: () => Promise<T>): Promise<T> {
    const start = Date.now();
    try {
      const value = await fn();
      this.passed++;
      console.log(`  ✔ PASS ${what} (${seconds(start)})`);
      return value;
    } catch (e) {
      this.failed++;
      console.log(`  ✘ FAIL ${what}\n      ${errorMessage(e).replace(/\n/g, '\n      ')}`);
      throw e;
    }
  }
}
