// Reads the file list of a .vsix (a zip) from its central directory, and names the package file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './util';

export interface VsixEntry {
  name: string;
  size: number;
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
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({ name: zip.toString('utf8', at + 46, at + 46 + nameLength), size });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
