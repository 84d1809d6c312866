// Starts code-server under Node 24 in its own process group and drives its workbench with headless
// Chromium (playwright-core, Debian's /usr/bin/chromium). Facts: shared docs real-vscode.md.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, closeSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ensureCodeServer, PrerequisiteError, type CodeServerInstall } from './install';
import { ensurePackages, type SystemNeed } from './system';
import { freePort, pollUntil, repoRoot, runCommand, type RunResult } from './util';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's chromium, unless CHROMIUM_PATH names another browser (which must then exist). */
export function chromiumNeeds(): SystemNeed[] {
  return process.env.CHROMIUM_PATH ? [] : [{ package: 'chromium', command: CHROMIUM }];
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The seed pages copied into every test workspace. */
export const SEEDS = ['001_dc88aac92be68e04.md', '000_015c11820e0fe26e.md'] as const;

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
};

export interface Sandbox {
  dir: string;
  /** The first folder: copies of the seed pages. */
  workspace: string;
  /** A second folder whose own settings differ (`.vscode/settings.json` turns `date-invalid` off), with a copy of seed 000. */
  second: string;
  /** A multi-root workspace file naming both folders (the integration run opens it; other runs open `workspace`). */
  workspaceFile: string;
  userData: string;
  extensions: string;
  profile: string;
  config: string;
  remove(): void;
}

/** Writes the sandbox's user settings: a quiet, deterministic workbench (no chat side bar, no welcome page, no telemetry), plus `extra`. */
export function writeUserSettings(sandbox: Sandbox, extra: Record<string, unknown> = {}): void {
  mkdirSync(join(sandbox.userData, 'User'), { recursive: true });
  writeFileSync(join(sandbox.userData, 'User', 'settings.json'), `${JSON.stringify({ ...USER_SETTINGS, ...extra }, null, 2)}\n`);
}

/** A fresh temp folder with a workspace holding copies of the seed pages, plus the user/profile dirs. */
export function createSandbox(seeds: readonly (readonly [string, string])[] = SEEDS.map((s) => [s, s] as const)): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'release-pages-it-'));
  const sandbox: Sandbox = {
    dir,
    workspace: join(dir, 'workspace'),
    second: join(dir, 'second'),
    workspaceFile: join(dir, 'release-pages.code-workspace'),
    userData: join(dir, 'user-data'),
    extensions: join(dir, 'extensions'),
    profile: join(dir, 'chromium-profile'),
    config: join(dir, 'config.yaml'),
    remove: () => rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }),
  };
  for (const d of [sandbox.workspace, sandbox.userData, sandbox.extensions, sandbox.profile]) mkdirSync(d, { recursive: true });
  writeUserSettings(sandbox);
  for (const [from, to] of seeds) cpSync(join(repoRoot(), 'test', 'fixtures', 'seeds', from), join(sandbox.workspace, to));
  mkdirSync(join(sandbox.second, '.vscode'), { recursive: true });
  writeFileSync(
    join(sandbox.second, '.vscode', 'settings.json'),
    `${JSON.stringify({ 'releasePages.rules': { 'date-invalid': 'off' } })}\n`,
  );
  cpSync(join(repoRoot(), 'test', 'fixtures', 'seeds', SEEDS[1]), join(sandbox.second, 'other-folder.md'));
  const folders = [{ path: sandbox.workspace }, { path: sandbox.second }];
  writeFileSync(sandbox.workspaceFile, `${JSON.stringify({ folders, settings: {} }, null, 2)}\n`);
  return sandbox;
}

export interface CodeServer {
  port: number;
  origin: string;
  process: ChildProcess;
  /** Resolves with the exit code when the code-server process ends. */
  exited: Promise<number>;
  hasExited(): boolean;
  stop(): Promise<void>;
}

export function codeServerArgs(install: CodeServerInstall, sandbox: Sandbox, port: number, smokeTestDriver: boolean): string[] {
  return [
    install.entry,
    '--config',
    sandbox.config,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--user-data-dir',
    sandbox.userData,
    '--extensions-dir',
    sandbox.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    sandbox.workspace,
  ];
}

/** `code-server --install-extension <vsix>` into the sandbox's extensions dir (offline, about a second). */
export function installExtension(install: CodeServerInstall, sandbox: Sandbox, vsix: string, logFile: string): Promise<RunResult> {
  if (!existsSync(sandbox.config)) writeFileSync(sandbox.config, 'auth: none\ncert: false\n'); // else it writes ~/.config/code-server
  const args = [
    install.entry,
    '--config',
    sandbox.config,
    '--user-data-dir',
    sandbox.userData,
    '--extensions-dir',
    sandbox.extensions,
    '--install-extension',
    vsix,
  ];
  return runCommand(install.node, args, {
    logFile,
    env: { ...process.env, PATH: `${join(install.nodeDir, 'bin')}:${process.env.PATH ?? ''}` },
  });
}

/** Starts code-server in its own process group and waits until GET /healthz answers 200. */
export async function startCodeServer(
  install: CodeServerInstall,
  sandbox: Sandbox,
  options: { env?: Record<string, string>; logFile: string; smokeTestDriver: boolean },
): Promise<CodeServer> {
  const port = await freePort();
  writeFileSync(sandbox.config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const logFd = openSync(options.logFile, 'w');
  const child = spawn(install.node, codeServerArgs(install, sandbox, port, options.smokeTestDriver), {
    detached: true, // own process group: stop() kills the server, its extension host and its pty host together
    stdio: ['ignore', logFd, logFd],
    env: { ...process.env, ...options.env, PATH: `${join(install.nodeDir, 'bin')}:${process.env.PATH ?? ''}` },
  });
  closeSync(logFd);
  let exitCode: number | undefined;
  const exited = new Promise<number>((resolve) => {
    child.once('exit', (code, signal) => resolve((exitCode = code ?? (signal ? 128 : 1))));
    child.once('error', () => resolve((exitCode = 1)));
  });
  const pgid = child.pid;
  const killGroup = (signal: NodeJS.Signals): void => {
    if (pgid === undefined) return;
    try {
      process.kill(-pgid, signal);
    } catch {
      // ESRCH: the group is gone already
    }
  };
  const onExit = (): void => killGroup('SIGKILL'); // last resort if this process dies without stop()
  process.once('exit', onExit);
  const server: CodeServer = {
    port,
    origin: `http://127.0.0.1:${port}`,
    process: child,
    exited,
    hasExited: () => exitCode !== undefined,
    stop: async () => {
      process.removeListener('exit', onExit);
      killGroup('SIGTERM');
      const timer = new Promise<void>((resolve) => setTimeout(resolve, 5000).unref());
      await Promise.race([exited, timer]);
      killGroup('SIGKILL'); // leftovers (extension host, pty host) and a server that ignored SIGTERM
    },
  };
  try {
    await pollUntil(
      'code-server /healthz',
      async () => {
        if (exitCode !== undefined) throw new Error(`code-server exited with ${exitCode} before it was ready; log: ${options.logFile}`);
        try {
          const response = await fetch(`${server.origin}/healthz`);
          return response.status === 200 ? true : undefined;
        } catch {
          return undefined;
        }
      },
      30_000,
      100,
    );
  } catch (e) {
    await server.stop();
    throw e;
  }
  return server;
}

/** The workbench URL that opens `folder` and, with a payload, runs extension tests in the extension host. */
/** The workbench's URL opening a folder, or a multi-root workspace when `folder` is a `.code-workspace` file. */
export function workbenchUrl(server: CodeServer, folder: string, payload?: readonly (readonly [string, string])[]): string {
  const query = [`${folder.endsWith('.code-workspace') ? 'workspace' : 'folder'}=${encodeURIComponent(folder)}`];
  if (payload) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `${server.origin}/?${query.join('&')}`;
}

export function remoteUri(server: CodeServer, absolutePath: string): string {
  return `vscode-remote://127.0.0.1:${server.port}${absolutePath}`;
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Launches headless Chromium with a fresh profile in the sandbox. */
export async function launchBrowser(sandbox: Sandbox, viewport = { width: 1280, height: 800 }): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(sandbox.profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close().catch(() => undefined);
    },
  };
}

export function testResultsDir(): string {
  const dir = join(repoRoot(), 'test-results');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** What a runner starts and must stop: the browser, code-server and the sandbox (kept with RELEASE_PAGES_KEEP_SANDBOX). */
export class Session {
  browser: Browser | undefined;
  server: CodeServer | undefined;
  sandbox: Sandbox | undefined;

  async close(): Promise<void> {
    await this.browser?.close();
    this.browser = undefined;
    await this.server?.stop();
    this.server = undefined;
    if (process.env.RELEASE_PAGES_KEEP_SANDBOX) console.log(`sandbox kept: ${this.sandbox?.dir}`);
    else this.sandbox?.remove();
    this.sandbox = undefined;
  }
}

/** Chromium and code-server for a stage, or null after printing why the stage is SKIPPED. */
export async function prerequisites(stage: string): Promise<CodeServerInstall | null> {
  try {
    ensurePackages(chromiumNeeds(), 'the browser the integration tests drive the workbench in');
    return await ensureCodeServer();
  } catch (e) {
    if (!(e instanceof PrerequisiteError)) throw e;
    console.log(`SKIPPED: ${stage} — ${e.message}`);
    return null;
  }
}
