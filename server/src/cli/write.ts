/** Atomic file writes that keep the file's mode, and refuse when the file changed since it was read. */
import { chmodSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface ReadPage {
  path: string;
  /** Text without the BOM (positions match what editors show). */
  text: string;
  bom: boolean;
  raw: Buffer;
}

export function readPage(path: string): ReadPage {
  const raw = readFileSync(path);
  const decoded = raw.toString('utf8');
  const bom = decoded.charCodeAt(0) === 0xfeff;
  return { path, text: bom ? decoded.slice(1) : decoded, bom, raw };
}

/** Writes `text` over `page.path` via a temp file + rename. Throws when the file changed on disk. */
export function writePageAtomic(page: ReadPage, text: string): void {
  const current = readFileSync(page.path);
  if (!current.equals(page.raw)) throw new Error('the file changed on disk since it was read; not written');
  const mode = statSync(page.path).mode & 0o7777;
  const tmp = join(dirname(page.path), `.${basename(page.path)}.${process.pid}.release-pages.tmp`);
  try {
    writeFileSync(tmp, (page.bom ? '\uFEFF' : '') + text, { encoding: 'utf8', mode });
    chmodSync(tmp, mode);
    renameSync(tmp, page.path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to clean up
    }
    throw e;
  }
}
