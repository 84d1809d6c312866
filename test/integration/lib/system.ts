// Debian packages the test stages need (Chromium, the headers code-server's native modules build
// against, Neovim, pre-commit). A missing one is installed with apt-get when this user may (root, or
// password-less sudo), in one printed line; otherwise the caller gets a PrerequisiteError with the
// exact command to run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastLines } from './util';

/** A stage cannot run here; the message says what is missing and the command that fixes it. */
export class PrerequisiteError extends Error {}

/** A Debian package; present when `command` is on PATH (or is an existing file), else when dpkg has it installed. */
export interface SystemNeed {
  package: string;
  command?: string;
}

/** What code-server's native modules need to build for Node 24 (see install.ts). */
export const NATIVE_BUILD_NEEDS: readonly SystemNeed[] = [
  { package: 'libkrb5-dev' },
  { package: 'libxkbfile-dev' },
  { package: 'libsecret-1-dev' },
  { package: 'pkg-config', command: 'pkg-config' },
  { package: 'make', command: 'make' },
  { package: 'g++', command: 'g++' },
  { package: 'python3', command: 'python3' },
];

function onPath(command: string): boolean {
  if (command.startsWith('/')) return existsSync(command);
  return spawnSync('sh', ['-c', 'command -v "$1"', 'sh', command], { stdio: 'ignore' }).status === 0;
}

function dpkgInstalled(pkg: string): boolean {
  // Node leaves stdout null when dpkg-query cannot be started (not Debian), whatever its type says.
  const out = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' }).stdout as string | null;
  return out?.includes('install ok installed') === true;
}

/** The packages of `needs` that are missing here, in order, without duplicates. */
export function missingPackages(needs: readonly SystemNeed[]): string[] {
  const missing = needs.filter((n) => !(n.command ? onPath(n.command) : dpkgInstalled(n.package))).map((n) => n.package);
  return [...new Set(missing)];
}

/** How this user runs apt-get: '' as root, 'sudo -n' with password-less sudo, undefined when it cannot. */
function aptRunner(): { prefix: string[] } | undefined {
  if (!onPath('apt-get')) return undefined;
  if (process.getuid?.() === 0) return { prefix: [] };
  if (onPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0) return { prefix: ['sudo', '-n'] };
  return undefined;
}

/** The command a user runs to install `packages` by hand. */
export function installCommand(packages: readonly string[]): string {
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  return `${sudo}apt-get update && ${sudo}apt-get install -y --no-install-recommends ${packages.join(' ')}`;
}

let updated = false;

/**
 * Installs the missing packages of `needs` (`why` says what needs them) and prints one line, or throws a
 * PrerequisiteError with the command to run. Returns the packages it installed.
 */
export function ensurePackages(needs: readonly SystemNeed[], why: string): string[] {
  const missing = missingPackages(needs);
  if (missing.length === 0) return [];
  const runner = process.env.RELEASE_PAGES_NO_APT === '1' ? undefined : aptRunner();
  if (!runner) {
    throw new PrerequisiteError(`missing Debian packages ${missing.join(' ')} (${why}); install them with: ${installCommand(missing)}`);
  }
  console.log(`[system] installing ${missing.join(' ')} with apt-get (${why}) …`);
  const log = join(mkdtempSync(join(tmpdir(), 'release-pages-apt-')), 'apt.log');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Another engineer's run may hold dpkg's lock: wait for it rather than fail.
  const lock = ['-o', 'DPkg::Lock::Timeout=600'];
  const run = (args: string[]): void => {
    const argv = [...runner.prefix, 'apt-get', ...args];
    const r = spawnSync(argv[0] ?? 'apt-get', argv.slice(1), { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    // Node leaves stdout and stderr null when the command cannot be started, whatever their type says.
    const output = `${(r.stdout as string | null) ?? ''}${(r.stderr as string | null) ?? ''}`;
    writeFileSync(log, output, { flag: 'a' });
    if (r.status !== 0) {
      throw new PrerequisiteError(
        `apt-get ${args.join(' ')} failed (exit ${r.status ?? r.signal}); log: ${log}\n${lastLines(output, 15)}\n  install by hand: ${installCommand(missing)}`,
      );
    }
  };
  if (!updated) run(['-q', ...lock, 'update']);
  updated = true;
  run(['install', '-y', '-q', '--no-install-recommends', ...lock, ...missing]);
  const still = missingPackages(needs);
  if (still.length) throw new PrerequisiteError(`apt-get installed ${missing.join(' ')} but ${still.join(' ')} still missing; log: ${log}`);
  return missing;
}
