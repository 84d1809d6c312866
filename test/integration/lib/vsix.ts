// Reads the file list of a .vsix (a zip) from its central directory, and names the package file.
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { repoRoot } from './util';

export interface VsixEntry {
  name: string;
  size: number;
  /** Offset of the entry's local header in the zip, its compressed size and method (from the central directory: a local header may leave them to a data descriptor). */
  offset: number;
  compressedSize: number;
  method: number;
}

export function packageVersion(root = repoRoot()): string {
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: unknown }).version;
  if (typeof version !== 'string') throw new Error('package.json has no version');
  return version;
}

/** The .vsix that `npm run package` writes: release-pages-<version>.vsix at the repository root. */
export function vsixPath(root = repoRoot()): string {
  return join(root, `release-pages-${packageVersion(root)}.vsix`);
}

export function listVsix(file: string): VsixEntry[] {
  const zip = readFileSync(file);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip file (no end of central directory)`);
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: VsixEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: corrupt central directory at entry ${n}`);
    const size = zip.readUInt32LE(at + 24);
    const offset = zip.readUInt32LE(at + 42);
    const compressedSize = zip.readUInt32LE(at + 20);
    const method = zip.readUInt16LE(at + 10);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({ name: zip.toString('utf8', at + 46, at + 46 + nameLength), size, offset, compressedSize, method });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The bytes of one entry of a .vsix (stored or deflated, as vsce writes them). */
export function readVsixEntry(file: string, entry: VsixEntry): Buffer {
  const zip = readFileSync(file);
  const at = entry.offset;
  if (zip.readUInt32LE(at) !== 0x04034b50) throw new Error(`${file}: no local header for ${entry.name}`);
  const { method, compressedSize: compressed } = entry;
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const data = zip.subarray(start, start + compressed);
  if (method === 0) return Buffer.from(data);
  if (method === 8) return inflateRawSync(data);
  throw new Error(`${file}: ${entry.name} uses compression method ${method}`);
}
