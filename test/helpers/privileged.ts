/**
 * For tests that need root (mounting a small tmpfs, running the CLI as another user). They run as root
 * here and in CI. Elsewhere such a test FAILS with the reason, unless RELEASE_PAGES_ALLOW_SKIP=1 (as for
 * the test stages in scripts/test.ts): then it is skipped, loudly.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmdirSync, statfsSync, ftruncateSync, fstatSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { ROOT } from './paths';

export const CLI = join(ROOT, 'dist', 'cli.js');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI (dist/cli.js) with `args` in `cwd`, optionally behind a command prefix (setpriv …). */
export function runCli(args: readonly string[], cwd: string, prefix: readonly string[] = []): Run {
  const [cmd, ...rest] = [...prefix, process.execPath, CLI, ...args];
  const r = spawnSync(cmd, rest, { cwd, encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Fails the test with `reason`, or skips it loudly when RELEASE_PAGES_ALLOW_SKIP=1. Returns false when skipped. */
export function cannotRun(t: TestContext, reason: string): false {
  if (process.env.RELEASE_PAGES_ALLOW_SKIP === '1') {
    process.stderr.write(`\nSKIPPED: ${t.name}: ${reason}\n`);
    t.skip(`SKIPPED: ${reason}`);
    return false;
  }
  assert.fail(`${reason} (set RELEASE_PAGES_ALLOW_SKIP=1 to skip this test instead)`);
}

export function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** True when this runs as root; else the test fails (or is skipped) saying that `what` needs root. */
export function requireRoot(t: TestContext, what: string): boolean {
  return isRoot() || cannotRun(t, `${what} needs root; this runs as uid ${process.getuid?.() ?? '?'}`);
}

/** A fresh tmpfs of `kib` KiB mounted on a new folder, or null (the test has failed or is skipped). */
export function mountTmpfs(t: TestContext, kib: number): string | null {
  if (!requireRoot(t, 'mounting a small tmpfs (a full disk)')) return null;
  const dir = mkdtempSync(join(tmpdir(), 'release-pages-tmpfs-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kib}k,mode=0755`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) {
    rmdirSync(dir);
    cannotRun(t, `mount -t tmpfs failed: ${(r.stderr || r.error?.message || `exit ${r.status}`).trim()}`);
    return null;
  }
  return dir;
}

export function unmount(dir: string): void {
  const r = spawnSync('umount', [dir], { encoding: 'utf8' });
  assert.equal(r.status, 0, `umount ${dir}: ${r.stderr}`);
  rmdirSync(dir);
}

/** Free bytes of the file system holding `dir`. */
export function freeBytes(dir: string): number {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
}

/**
 * Fills the file system of `dir` with the file `name` so that exactly `leave` blocks stay free (tmpfs
 * counts whole 4 KiB pages). Returns the block size.
 */
export function fillLeaving(dir: string, name: string, leave: number): number {
  const bsize = statfsSync(dir).bsize;
  const fd = openSync(join(dir, name), 'w');
  try {
    const chunk = Buffer.alloc(bsize, 0x2e);
    for (;;) {
      let n: number;
      try {
        n = writeSync(fd, chunk);
      } catch {
        break; // ENOSPC: full
      }
      if (n < chunk.length) break;
    }
    const full = fstatSync(fd).size;
    ftruncateSync(fd, Math.floor(full / bsize) * bsize - leave * bsize);
  } finally {
    closeSync(fd);
  }
  assert.equal(statfsSync(dir).bavail, leave, `${leave} blocks should be free`);
  return bsize;
}

/** The command prefix that runs a program as `nobody:nogroup` with no supplementary groups, or null. */
export function asNobody(): string[] | null {
  if (spawnSync('setpriv', ['--version']).status === 0) return ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups'];
  if (spawnSync('runuser', ['--version']).status === 0) return ['runuser', '-u', 'nobody', '-g', 'nogroup', '--'];
  return null;
}
