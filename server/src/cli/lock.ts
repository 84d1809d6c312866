/**
 * A lock file next to a file the CLI is about to replace, so two `release-pages` processes (a `format` and
 * a `check --fix` on the same page) cannot both pass the "unchanged on disk" check and then rename over
 * each other: the second one is refused while the first holds the lock. Created with O_EXCL; holds
 * `pid hostname`; removed in `finally`. A lock whose process is gone (a crash, `kill -9`) is stale and
 * taken over.
 */
import { crypto } from '../node/builtins';
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

export class PageWriteError extends Error {
  override name = 'PageWriteError';
}

export function lockPathOf(target: string): string {
  return join(dirname(target), `.${basename(target)}.release-pages.lock`);
}

export function errorCode(e: unknown): string | undefined {
  return e instanceof Error && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

/** Whether process `pid` of this host still runs (EPERM: it runs, as another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errorCode(e) !== 'ESRCH';
  }
}

interface Holder {
  pid: number | null;
  host: string | null;
}

function holderOf(content: string): Holder {
  const m = /^(\d+) (\S*)(?: \S+)?\n?$/.exec(content);
  return m ? { pid: Number(m[1]), host: m[2] } : { pid: null, host: null };
}

/** How old a lock file without a readable pid must be to count as stale (its writer died while making it). */
const UNREADABLE_LOCK_STALE_MS = 10_000;

/** Writes all of `data` at the fd's position; a write that makes no progress is an error, never a silent stop. */
export function writeAll(fd: number, data: Uint8Array): void {
  let done = 0;
  while (done < data.length) {
    const n = writeSync(fd, data, done, data.length - done);
    if (n <= 0) throw Object.assign(new Error('no space left on device, write'), { code: 'ENOSPC' });
    done += n;
  }
}

/**
 * Takes the lock of `target` or throws a PageWriteError naming its holder. Returns the release function
 * (it removes the lock file only if it is still ours).
 */
export function acquireLock(target: string): () => void {
  const path = lockPathOf(target);
  // A random token makes each lock file's content its own: the release and a stale takeover compare the
  // content, not the inode (a file system may give a new lock the inode number of a removed one).
  const me = `${process.pid} ${hostname()} ${crypto().randomBytes(8).toString('hex')}\n`;
  for (let attempt = 0; ; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o644);
    } catch (e) {
      if (errorCode(e) !== 'EEXIST') throw e;
      takeOverIfStale(path, attempt < 3);
      continue;
    }
    let written = false;
    try {
      writeAll(fd, Buffer.from(me, 'utf8'));
      written = true;
    } finally {
      closeSync(fd);
      if (!written) unlinkSync(path);
    }
    return () => {
      try {
        if (readFileSync(path, 'utf8') === me) unlinkSync(path);
      } catch {
        // already gone
      }
    };
  }
}

/** Removes the lock at `path` if its process is gone (and `mayRemove`); else throws who holds it. */
function takeOverIfStale(path: string, mayRemove: boolean): void {
  let holder: Holder;
  let content: string;
  let ageMs: number;
  try {
    ageMs = Date.now() - statSync(path).mtimeMs;
    content = readFileSync(path, 'utf8');
    holder = holderOf(content);
  } catch (gone) {
    if (errorCode(gone) === 'ENOENT' && mayRemove) return; // released meanwhile: try again
    throw gone;
  }
  const sameHost = holder.host === hostname();
  // A lock without a readable pid is one whose writer died between creating and filling it: stale once old.
  const unreadableAndOld = holder.pid === null && ageMs > UNREADABLE_LOCK_STALE_MS;
  if (!unreadableAndOld && (holder.pid === null || !sameHost || alive(holder.pid) || !mayRemove)) {
    const who =
      holder.pid === null
        ? 'another release-pages'
        : `another release-pages (pid ${holder.pid}${sameHost ? '' : ` on ${holder.host ?? '?'}`})`;
    throw new PageWriteError(
      `not written: ${who} is writing it meanwhile (lock file ${basename(path)}; remove it if no release-pages runs)`,
    );
  }
  if (!mayRemove) throw new PageWriteError(`not written: the lock file ${basename(path)} could not be taken over`);
  // Stale: its process is gone. Remove it only if it still holds what we read (not a fresh lock another
  // process made after removing the same stale one: its token differs); a race left over here is caught
  // by the unchanged-on-disk check just before the rename.
  try {
    if (readFileSync(path, 'utf8') === content) unlinkSync(path);
  } catch (gone) {
    if (errorCode(gone) !== 'ENOENT') throw gone;
  }
}
