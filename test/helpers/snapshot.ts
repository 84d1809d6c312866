/**
 * Reviewed snapshots: a test compares what it computed with a file in the repository. A missing or
 * different snapshot fails; snapshots are written only when asked (`npm run test:update`, which sets
 * UPDATE_SNAPSHOTS=1), and never when CI is set. Review the diff of a written snapshot before committing it.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { ROOT } from './paths';

/** UPDATE_SNAPSHOTS as asked: '' (compare), '1' or 'all' (see the tests that honour 'all'). */
export const UPDATE_MODE = process.env.UPDATE_SNAPSHOTS ?? '';

/** True when snapshots may be written; throws when asked to under CI. */
export function updating(): boolean {
  if (UPDATE_MODE === '' || UPDATE_MODE === '0') return false;
  if (process.env.CI) throw new Error(`UPDATE_SNAPSHOTS=${UPDATE_MODE} with CI=${process.env.CI}: snapshots are never written in CI`);
  return true;
}

const HOW = 'review the change, then run `npm run test:update` (or UPDATE_SNAPSHOTS=1 node --test <file>)';

/** Writes `actual` to `file` (when updating). */
export function writeSnapshot(file: string, actual: string | Buffer): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, actual);
  console.log(`snapshot written: ${relative(ROOT, file)}`);
}

/** The first `max` lines that only one side has, as a unified-diff-like list (order kept). */
export function lineDiff(expected: string, actual: string, max = 30): string {
  const want = expected.split('\n');
  const got = actual.split('\n');
  const wantSet = new Set(want);
  const gotSet = new Set(got);
  const out = [...want.filter((l) => !gotSet.has(l)).map((l) => `- ${l}`), ...got.filter((l) => !wantSet.has(l)).map((l) => `+ ${l}`)];
  if (out.length === 0) return '  (same lines, in another order or with other line endings)';
  return out.slice(0, max).join('\n') + (out.length > max ? `\n  … and ${out.length - max} more` : '');
}

/** A text snapshot: `actual` must equal the file; with UPDATE_SNAPSHOTS=1 (not in CI) the file is written. */
export function matchTextSnapshot(file: string, actual: string): void {
  const name = relative(ROOT, file);
  if (updating()) {
    if (!existsSync(file) || readFileSync(file, 'utf8') !== actual) writeSnapshot(file, actual);
    return;
  }
  assert.ok(existsSync(file), `snapshot ${name} is missing: ${HOW}`);
  const want = readFileSync(file, 'utf8');
  if (want !== actual) assert.fail(`${name} differs (- snapshot, + now):\n${lineDiff(want, actual)}\n${HOW}`);
}
