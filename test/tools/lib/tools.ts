// What the tools stage shares: the Debian packages its tests drive, the repository's bins, temporary folders.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensurePackages, type SystemNeed } from '../../integration/lib/system';
import { repoRoot } from '../../integration/lib/util';

/** Debian's Neovim (0.7 on Debian 12) and pre-commit, and git for the hooks' repository. */
export const TOOLS_NEEDS: readonly SystemNeed[] = [
  { package: 'neovim', command: 'nvim' },
  { package: 'pre-commit', command: 'pre-commit' },
  { package: 'git', command: 'git' },
];

/** Installs what `needs` lists (the runner normally did already), or throws with the command to run. */
export function need(...commands: string[]): void {
  ensurePackages(
    TOOLS_NEEDS.filter((n) => commands.includes(n.command ?? n.package)),
    'the pre-commit and Neovim tests',
  );
}

export const root = repoRoot();
export const CLI = join(root, 'bin', 'release-pages.js');
export const LANGUAGE_SERVER = join(root, 'bin', 'release-pages-language-server.js');

/** A temporary folder (its real path) that `dispose` removes. */
export function tempDir(prefix: string): { dir: string; dispose: () => void } {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), `release-pages-${prefix}-`)));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs a command to its end (output as text); throws when it cannot start. */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): SpawnSyncReturns<string> {
  const r = spawnSync(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return r;
}

/** Runs git in `cwd` with a fixed identity; throws on failure. */
export function git(cwd: string, ...args: string[]): string {
  const r = run(
    'git',
    ['-c', 'user.name=Release Pages Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args],
    { cwd },
  );
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed (exit ${r.status}): ${r.stderr}`);
  return r.stdout;
}
