/**
 * Reading one configuration file within bounds: regular files only (stat first: a device, FIFO or socket
 * is never opened), at most CONFIG_LIMITS.maxBytes, parsed as data by the core.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { parseConfigText, type ParsedConfig } from '../core';

export const CONFIG_LIMITS = {
  /** Bytes of one configuration file. */
  maxBytes: 1024 * 1024,
  /** Files in one chain (the file, its base, the base's base…). */
  maxDepth: 32,
  /** Distinct files one load may name through `extends`. */
  maxFiles: 100,
  /** Bytes of all files of one load together. */
  maxTotalBytes: 8 * 1024 * 1024,
  /** `extends` entries one load looks at (each costs a few stats, on every check while it is cached). */
  maxEntries: 1000,
  /** Problems shown per file (the rest are counted). */
  maxProblemsPerFile: 100,
};

/** Parsed files by real path, with the identity (fstat) they were read with. */
export type ParseCache = Map<string, { signature: string; parsed: ParsedConfig; bytes: number }>;

export type Read = { ok: true; parsed: ParsedConfig; bytes: number } | { ok: false; reason: string; overBudget?: true };

export function codeOf(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : 'EUNKNOWN';
}

/** The identity of a file as seen now: a load is reused only while every file it touched has the same one. */
export function signatureOf(path: string): string {
  try {
    return statSignature(statSync(path));
  } catch (e) {
    return `!${codeOf(e)}`;
  }
}

function statSignature(st: Stats): string {
  return `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`;
}

/** Why a path cannot be followed (it failed to resolve). */
export function unresolvable(path: string, e: unknown): string {
  const code = codeOf(e);
  if (code === 'ELOOP') return 'is a symbolic link loop';
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    try {
      if (lstatSync(path).isSymbolicLink()) return 'is a dangling symbolic link (its target does not exist)';
    } catch {
      // not there at all
    }
    return 'not found';
  }
  return `cannot be read (${code})`;
}

export const MB = (n: number): string => `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MB`;

/**
 * Reads one regular file within the size limit. Stat first (never open a device, FIFO or socket),
 * then open without blocking, fstat the descriptor (the path may have been replaced meanwhile) and read
 * at most maxBytes + 1 bytes.
 */
/** Reads one configuration file; a file larger than `budget` (what is left of a load's bytes) is not opened. */
export function readConfigFile(real: string, cache: ParseCache, budget = CONFIG_LIMITS.maxBytes): Read {
  let st: Stats;
  try {
    st = statSync(real);
  } catch (e) {
    return { ok: false, reason: unresolvable(real, e) };
  }
  const kind = (s: Stats): string | null =>
    s.isDirectory()
      ? 'is a folder'
      : !s.isFile()
        ? 'is not a regular file (a device, pipe or socket is never read)'
        : s.size > CONFIG_LIMITS.maxBytes
          ? `is larger than ${MB(CONFIG_LIMITS.maxBytes)} (${s.size} bytes): not read`
          : null;
  const before = kind(st);
  if (before) return { ok: false, reason: before };
  if (st.size > budget)
    return { ok: false, reason: `would pass the ${MB(CONFIG_LIMITS.maxTotalBytes)} all files of a load may hold`, overBudget: true };
  let fd: number;
  try {
    // O_NONBLOCK is not defined on Windows (its typings say it always is).
    fd = openSync(real, constants.O_RDONLY | ((constants.O_NONBLOCK as number | undefined) ?? 0));
  } catch (e) {
    return { ok: false, reason: unresolvable(real, e) };
  }
  try {
    const fst = fstatSync(fd);
    const now = kind(fst);
    if (now) return { ok: false, reason: now };
    const signature = statSignature(fst);
    const hit = cache.get(real);
    if (hit && hit.signature === signature) return { ok: true, parsed: hit.parsed, bytes: hit.bytes };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const want = Math.min(64 * 1024, CONFIG_LIMITS.maxBytes + 1 - total);
      if (want <= 0) break;
      const chunk = Buffer.allocUnsafe(want);
      const n = readSync(fd, chunk, 0, want, null);
      if (n === 0) break;
      chunks.push(n === want ? chunk : chunk.subarray(0, n));
      total += n;
    }
    if (total > CONFIG_LIMITS.maxBytes) return { ok: false, reason: `is larger than ${MB(CONFIG_LIMITS.maxBytes)}: not read` };
    const parsed = parseConfigText(
      Buffer.concat(chunks, total)
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
      real,
    );
    cache.set(real, { signature, parsed, bytes: total });
    return { ok: true, parsed, bytes: total };
  } catch (e) {
    return { ok: false, reason: `cannot be read (${codeOf(e)})` };
  } finally {
    closeSync(fd);
  }
}
