/**
 * Reading pages and writing them back safely: atomic (a temp file in the same folder, then rename), the
 * same encoding, BOM and file mode (and owner, where allowed), through symbolic links to their target,
 * nothing written when nothing changed, and refused when the file changed on disk since it was read or
 * when its bytes are not text we can write back unchanged (invalid UTF-8).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, closeSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export type PageEncoding = 'utf8' | 'utf16le' | 'utf16be';

export interface ReadPage {
  path: string;
  /** Text without the BOM (positions match what editors show). */
  text: string;
  bom: boolean;
  encoding: PageEncoding;
  /** Why the page cannot be written back byte for byte (invalid UTF-8), or null. */
  unwritable: string | null;
  raw: Buffer;
}

function swapBytes(b: Buffer): Buffer {
  const out = Buffer.from(b.subarray(0, b.length & ~1));
  out.swap16();
  return out;
}

/** Decodes a page: UTF-16 by its BOM, else UTF-8 (with or without BOM). */
export function decodePage(path: string, raw: Buffer): ReadPage {
  if (raw.length >= 2 && raw[0] === 0xff && raw[1] === 0xfe) {
    return { path, text: raw.subarray(2).toString('utf16le'), bom: true, encoding: 'utf16le', unwritable: raw.length % 2 ? 'odd number of bytes for UTF-16' : null, raw };
  }
  if (raw.length >= 2 && raw[0] === 0xfe && raw[1] === 0xff) {
    return { path, text: swapBytes(raw.subarray(2)).toString('utf16le'), bom: true, encoding: 'utf16be', unwritable: raw.length % 2 ? 'odd number of bytes for UTF-16' : null, raw };
  }
  const decoded = raw.toString('utf8');
  const bom = decoded.charCodeAt(0) === 0xfeff;
  // Invalid UTF-8 decodes to U+FFFD: writing that back would change bytes nobody asked to change.
  const lossless = Buffer.from(decoded, 'utf8').equals(raw);
  return { path, text: bom ? decoded.slice(1) : decoded, bom, encoding: 'utf8', unwritable: lossless ? null : 'not valid UTF-8', raw };
}

export function readPage(path: string): ReadPage {
  return decodePage(path, readFileSync(path));
}

/** The bytes of `text` in the page's encoding, with its BOM. */
export function encodePage(page: Pick<ReadPage, 'bom' | 'encoding'>, text: string): Buffer {
  const full = (page.bom ? '\uFEFF' : '') + text;
  if (page.encoding === 'utf16le') return Buffer.from(full, 'utf16le');
  if (page.encoding === 'utf16be') return swapBytes(Buffer.from(full, 'utf16le'));
  return Buffer.from(full, 'utf8');
}

export class PageWriteError extends Error {}

/** Test hook: runs between the final check that the file is unchanged and the write (a concurrent editor). */
export interface WriteHooks {
  beforeWrite?: () => void;
}

/**
 * Writes `text` over the page via a temp file + rename. Returns false (and writes nothing) when the text
 * is unchanged. Throws a PageWriteError when the file changed on disk since it was read or cannot be
 * written back faithfully; the file is then untouched.
 */
export function writePageAtomic(page: ReadPage, text: string, hooks: WriteHooks = {}): boolean {
  if (text === page.text) return false;
  if (page.unwritable) throw new PageWriteError(`${page.unwritable}; not written (the fixes would change bytes they do not target)`);
  const data = encodePage(page, text);
  // Write through a symbolic link to its target: the link stays a link.
  const target = realpathSync(page.path);
  const current = readFileSync(target);
  if (!current.equals(page.raw)) throw new PageWriteError('the file changed on disk since it was read; not written');
  const st = statSync(target);
  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.release-pages.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(tmp, 'wx', st.mode & 0o777); // exclusive: never through a file or link someone placed there
    writeSync(fd, data);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    chmodSync(tmp, st.mode & 0o7777);
    try {
      chownSync(tmp, st.uid, st.gid);
    } catch {
      // only root (or the owner, for the group) may: the new file keeps our owner then
    }
    hooks.beforeWrite?.();
    if (!readFileSync(target).equals(page.raw)) throw new PageWriteError('the file changed on disk while it was being written; not written');
    renameSync(tmp, target);
    return true;
  } catch (e) {
    if (fd !== null) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to clean up
    }
    throw e;
  }
}
