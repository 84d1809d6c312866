/**
 * Replacing a file without losing data, for every file the CLI writes (`check --fix`, `format`,
 * `report -o`): refused when the user may not write the file (also as root: a file without any write bit
 * is read-only) or when its owner could not be kept; under a lock file (lock.ts) so two release-pages
 * processes cannot both write it; the new bytes go to a temp file in the same folder, all of them (a short
 * write is an error, never a truncated page), are fsynced, read back and compared (size and SHA-256), and
 * the file is renamed over only if it is still exactly what was read (inode, size, mtime, bytes); then the
 * folder is fsynced. On any failure the temp file is removed and the file is left byte for byte as it was.
 */
import { crypto } from '../node/builtins';
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  unlinkSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { acquireLock, errorCode, PageWriteError, writeAll } from './lock';

export { PageWriteError };

/** What identifies one version of a file on disk (a rewrite in place changes mtime; a replacement the inode). */
export interface FileIdentity {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

export function identityOf(st: Stats): FileIdentity {
  return { dev: st.dev, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs };
}

/** The file as the caller read it: it must still be exactly this right before the rename. */
export interface Expected {
  raw: Buffer;
  /** Null when unknown (then the bytes alone are compared). */
  identity: FileIdentity | null;
}

/** Test hooks, to put a failure or a concurrent writer at an exact point. */
export interface WriteHooks {
  /** After the temp file is written, fsynced and closed, before it is read back (a write that went wrong unnoticed). */
  afterTempWritten?: (tmp: string) => void;
  /** Before the final check that the file is unchanged (a concurrent editor). */
  beforeWrite?: () => void;
  /** After that final check, right before the rename (the race window another writer could use). */
  beforeRename?: () => void;
}

export interface ReplaceOptions {
  /** What the caller read. Absent: the file may be missing (it is created) or hold anything (it is replaced). */
  expected?: Expected;
  hooks?: WriteHooks;
}

const CHANGED = 'not written: the file changed on disk meanwhile (since it was read); run again';

const PHRASES: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EIO: 'input/output error',
  EFBIG: 'file too large',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is not a folder',
};

function describe(e: unknown): string {
  const code = errorCode(e);
  const phrase = code === undefined ? undefined : PHRASES[code];
  if (phrase !== undefined) return `${phrase} (${code})`;
  return e instanceof Error ? e.message : String(e);
}

function octal(mode: number): string {
  return `0${(mode & 0o7777).toString(8).padStart(3, '0')}`;
}

function sha256(b: Uint8Array): string {
  return crypto().createHash('sha256').update(b).digest('hex');
}

/** The real file to replace (through symbolic links); a file that does not exist yet only if `mayCreate`. */
function resolveTarget(path: string, mayCreate: boolean): string {
  try {
    return realpathSync(path);
  } catch (e) {
    if (errorCode(e) !== 'ENOENT' || !mayCreate) throw new PageWriteError(`not written: ${describe(e)}`);
  }
  let link = false;
  try {
    link = lstatSync(path).isSymbolicLink();
  } catch {
    // no such file: it is created
  }
  if (link) throw new PageWriteError('not written: a symbolic link to a file that does not exist');
  try {
    return join(realpathSync(dirname(path)), basename(path));
  } catch (e) {
    throw new PageWriteError(`not written: its folder: ${describe(e)}`);
  }
}

interface Seen {
  st: Stats;
  raw: Buffer;
}

/** The file's stat now (a regular file), or null when there is none. */
function statOf(target: string): Stats | null {
  let st: Stats;
  try {
    st = lstatSync(target);
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return null;
    throw e;
  }
  if (!st.isFile()) throw new PageWriteError('not written: not a regular file');
  return st;
}

/** The file now, or null when there is none. */
function look(target: string): Seen | null {
  const st = statOf(target);
  return st && { st, raw: readFileSync(target) };
}

function sameIdentity(a: FileIdentity, b: FileIdentity): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

function matches(now: Seen | null, was: Expected | null): boolean {
  if (now === null || was === null) return now === was;
  return (was.identity === null || sameIdentity(identityOf(now.st), was.identity)) && now.raw.equals(was.raw);
}

/** Refuses a file this user may not write; root, too, leaves a file without any write bit alone. */
function checkWritable(target: string, st: Stats): void {
  if ((st.mode & 0o222) === 0) throw new PageWriteError(`not written: the file is read-only (mode ${octal(st.mode)})`);
  try {
    accessSync(target, constants.W_OK);
  } catch (e) {
    if (errorCode(e) === 'EROFS') throw new PageWriteError(`not written: ${describe(e)}`);
    throw new PageWriteError(`not written: no permission to write it (owner uid ${st.uid}, group gid ${st.gid}, mode ${octal(st.mode)})`);
  }
}

/** Gives the temp file the owner of the file it replaces, or refuses: a replacement never changes the owner. */
function keepOwner(fd: number, st: Stats): void {
  if (process.platform === 'win32') return; // no POSIX owners
  let now = fstatSync(fd);
  if (now.uid === st.uid && now.gid === st.gid) return;
  try {
    fchownSync(fd, st.uid, st.gid);
  } catch {
    // only root (or the owner, for a group it is in) may: checked below
  }
  now = fstatSync(fd);
  if (now.uid !== st.uid || now.gid !== st.gid) {
    throw new PageWriteError(
      `not written: it belongs to uid ${st.uid} gid ${st.gid} and a replacement written by uid ${now.uid} would belong to uid ${now.uid} gid ${now.gid} (the owner cannot be kept)`,
    );
  }
}

/**
 * Reads the temp file back: every byte must have arrived (size and SHA-256). After the fsync this reads the
 * kernel's copy: it catches writes that were lost or cut without an error, not a disk that lies later.
 */
function verify(tmp: string, data: Buffer): void {
  const back = readFileSync(tmp);
  if (back.length !== data.length) throw new PageWriteError(`not written: the temp file holds ${back.length} of ${data.length} bytes`);
  if (sha256(back) !== sha256(data)) throw new PageWriteError('not written: the temp file reads back different bytes than were written');
}

/** Makes the rename durable: fsync the folder (file systems that cannot are fine: EINVAL, ENOTSUP). */
function syncFolder(dir: string): void {
  if (process.platform === 'win32') return; // folders cannot be opened for fsync there
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } catch (e) {
    const code = errorCode(e);
    if (code !== 'EINVAL' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw e;
  } finally {
    closeSync(fd);
  }
}

/** Gives the temp file the owner and mode of the file it replaces. */
function keepOwnerAndMode(fd: number, st: Stats): void {
  keepOwner(fd, st);
  fchmodSync(fd, st.mode & 0o7777); // after the chown, which clears set-id bits
}

/** After a replace, failed or not: closes the temp file if still open, removes it if not renamed, unlocks. */
function cleanUp(fd: number | null, tmp: string | null, release: (() => void) | null): void {
  if (fd !== null) {
    try {
      closeSync(fd);
    } catch {
      // the write already failed: that is the error to report
    }
  }
  if (tmp !== null) {
    try {
      unlinkSync(tmp);
    } catch {
      // never created
    }
  }
  release?.();
}

/**
 * Replaces the file at `path` (through symbolic links) with `data`, or throws a PageWriteError with one
 * line saying why; the file is then untouched and no temp or lock file is left.
 */
export function replaceFile(path: string, data: Buffer, options: ReplaceOptions = {}): void {
  const { expected, hooks = {} } = options;
  const target = resolveTarget(path, expected === undefined);
  const dir = dirname(target);
  let step = 'reading the file';
  let existed = false;
  let release: (() => void) | null = null;
  let tmp: string | null = null;
  let fd: number | null = null;
  try {
    const first = statOf(target);
    existed = first !== null;
    if (first === null && expected !== undefined) throw new PageWriteError(CHANGED);
    if (first !== null) checkWritable(target, first);
    step = 'creating the lock file';
    release = acquireLock(target);
    step = 'reading the file';
    const seen = look(target); // under the lock: from here on only writers that ignore it can change it
    if (expected !== undefined && !matches(seen, expected)) throw new PageWriteError(CHANGED);
    const was = seen && { raw: seen.raw, identity: identityOf(seen.st) };
    step = 'creating the temp file';
    tmp = join(dir, `.${basename(target)}.${crypto().randomBytes(6).toString('hex')}.release-pages.tmp`);
    fd = openSync(tmp, 'wx', seen ? 0o600 : 0o666); // exclusive: never through a file or link someone placed there
    if (seen) keepOwnerAndMode(fd, seen.st);
    step = 'writing the temp file';
    writeAll(fd, data);
    fsyncSync(fd);
    const written = fd;
    fd = null;
    closeSync(written);
    hooks.afterTempWritten?.(tmp);
    step = 'reading the temp file back';
    verify(tmp, data);
    hooks.beforeWrite?.();
    step = 'checking the file again';
    if (!matches(look(target), was)) throw new PageWriteError(CHANGED);
    hooks.beforeRename?.();
    step = 'replacing the file';
    renameSync(tmp, target);
    tmp = null;
  } catch (e) {
    if (e instanceof PageWriteError) throw e;
    throw new PageWriteError(`not written: ${describe(e)} while ${step}${existed ? '; the file is unchanged' : ''}`);
  } finally {
    cleanUp(fd, tmp, release);
  }
  try {
    syncFolder(dir);
  } catch (e) {
    throw new PageWriteError(`written, but syncing its folder to disk failed: ${describe(e)}`);
  }
}
