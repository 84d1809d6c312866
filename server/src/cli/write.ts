/**
 * Reading pages and writing them back safely: the same encoding and BOM, nothing written when nothing
 * changed, refused when the bytes are not text we can write back unchanged (invalid UTF-8); the write
 * itself (atomic, complete, permissions, owner and mode kept, under a lock, only if the file is unchanged
 * on disk) is replace.ts.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { identityOf, PageWriteError, replaceFile, type FileIdentity, type WriteHooks } from './replace';

export { PageWriteError, type WriteHooks };

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
  /** The file's inode, size and mtime when it was read (null: unknown, only the bytes are compared). */
  identity: FileIdentity | null;
}

function swapBytes(b: Buffer): Buffer {
  const out = Buffer.from(b.subarray(0, b.length & ~1));
  out.swap16();
  return out;
}

/** Decodes a page: UTF-16 by its BOM, else UTF-8 (with or without BOM). */
export function decodePage(path: string, raw: Buffer): ReadPage {
  if (raw.length >= 2 && raw[0] === 0xff && raw[1] === 0xfe) {
    return {
      path,
      text: raw.subarray(2).toString('utf16le'),
      bom: true,
      encoding: 'utf16le',
      unwritable: raw.length % 2 ? 'odd number of bytes for UTF-16' : null,
      raw,
      identity: null,
    };
  }
  if (raw.length >= 2 && raw[0] === 0xfe && raw[1] === 0xff) {
    return {
      path,
      text: swapBytes(raw.subarray(2)).toString('utf16le'),
      bom: true,
      encoding: 'utf16be',
      unwritable: raw.length % 2 ? 'odd number of bytes for UTF-16' : null,
      raw,
      identity: null,
    };
  }
  const decoded = raw.toString('utf8');
  const bom = decoded.charCodeAt(0) === 0xfeff;
  // Invalid UTF-8 decodes to U+FFFD: writing that back would change bytes nobody asked to change. Text
  // without U+FFFD was valid UTF-8, which encodes back to the same bytes (no need to encode it to compare).
  const lossless = !decoded.includes('\uFFFD') || Buffer.from(decoded, 'utf8').equals(raw);
  return {
    path,
    text: bom ? decoded.slice(1) : decoded,
    bom,
    encoding: 'utf8',
    unwritable: lossless ? null : 'not valid UTF-8',
    raw,
    identity: null,
  };
}

/**
 * Reads a page. Opened without blocking and checked on its descriptor: a page swapped for a FIFO after
 * the paths were expanded is refused, never waited on.
 */
export function readPage(path: string): ReadPage {
  // O_NONBLOCK is not defined on Windows (its typings say it always is).
  const fd = openSync(path, constants.O_RDONLY | ((constants.O_NONBLOCK as number | undefined) ?? 0));
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw Object.assign(new Error('not a regular file (a pipe or a device is never read)'), { code: 'EINVAL' });
    const identity = identityOf(st); // of the bytes read: the same open file
    return { ...decodePage(path, readFileSync(fd)), identity };
  } finally {
    closeSync(fd);
  }
}

/** The bytes of `text` in the page's encoding, with its BOM. */
export function encodePage(page: Pick<ReadPage, 'bom' | 'encoding'>, text: string): Buffer {
  const full = (page.bom ? '\uFEFF' : '') + text;
  if (page.encoding === 'utf16le') return Buffer.from(full, 'utf16le');
  if (page.encoding === 'utf16be') return swapBytes(Buffer.from(full, 'utf16le'));
  return Buffer.from(full, 'utf8');
}

/**
 * Writes `text` over the page (replace.ts). Returns false (and writes nothing) when the text is unchanged.
 * Throws a PageWriteError, with the file untouched, when it cannot be written back faithfully or safely.
 */
export function writePageAtomic(page: ReadPage, text: string, hooks: WriteHooks = {}): boolean {
  if (text === page.text) return false;
  if (page.unwritable) throw new PageWriteError(`${page.unwritable}; not written (the fixes would change bytes they do not target)`);
  replaceFile(page.path, encodePage(page, text), { expected: { raw: page.raw, identity: page.identity }, hooks });
  return true;
}
