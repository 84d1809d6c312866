/**
 * The lines of a new version of a page, sharing the unchanged lines (the same SourceLine objects) with
 * the previous version. Only the changed middle is split anew, so an edit costs what it touches plus a
 * fast comparison of the two texts, and everything keyed by a line object or its string stays warm.
 */
import { firstAtOrAfter, spliced } from './arrays';
import { lineStarts, splitLines, type SourceLine } from './lines';

export interface LineDiff {
  lines: SourceLine[];
  /** Old lines [from, oldTo) were replaced by new lines [from, newTo). */
  from: number;
  oldTo: number;
  newTo: number;
}

const CHUNK = 8192;

/** Length of the common prefix of a and b (whole chunks compared at memcmp speed, then characters). */
function commonPrefix(a: string, b: string, max: number): number {
  let i = 0;
  while (i + CHUNK <= max && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common suffix of a and b, at most max characters. */
function commonSuffix(a: string, b: string, max: number): number {
  let k = 0;
  const la = a.length;
  const lb = b.length;
  while (k + CHUNK <= max && a.slice(la - k - CHUNK, la - k) === b.slice(lb - k - CHUNK, lb - k)) k += CHUNK;
  while (k < max && a.charCodeAt(la - k - 1) === b.charCodeAt(lb - k - 1)) k++;
  return k;
}

/** The new text's lines, reusing `oldLines` (the lines of `oldText`) before and after the change. */
export function diffLines(oldText: string, oldLines: readonly SourceLine[], newText: string): LineDiff {
  if (oldText === newText) return { lines: oldLines.slice(), from: oldLines.length, oldTo: oldLines.length, newTo: oldLines.length };
  const max = Math.min(oldText.length, newText.length);
  const p = commonPrefix(oldText, newText, max);
  const q = commonSuffix(oldText, newText, max - p);
  const starts = lineStarts(oldLines);
  // Lines kept before the change end (line ending included) before p: the character after them is common
  // too, so a `\r` ending cannot turn into `\r\n`. Lines kept after it start after the first changed character.
  const from = Math.max(0, firstAtOrAfter(starts, p, (n) => n) - 1);
  let oldTo = firstAtOrAfter(starts, oldText.length - q + 1, (n) => n);
  if (oldTo < from) oldTo = from;
  const begin = from < starts.length ? starts[from] : oldText.length;
  const tailOld = oldTo < starts.length ? oldText.length - starts[oldTo] : 0;
  let middle = newText.slice(begin, newText.length - tailOld);
  // The new lines would be slices of newText and keep all of it alive next to the old text they share
  // lines with: a small middle is copied into a string of its own.
  if (middle.length < newText.length >> 1) middle = (' ' + middle).slice(1);
  const fresh = splitLines(middle);
  // The middle ends with a line ending when old lines follow it: its last, empty piece is not a line.
  if (oldTo < oldLines.length) fresh.pop();
  return { lines: spliced(oldLines, from, oldTo, fresh), from, oldTo, newTo: from + fresh.length };
}
