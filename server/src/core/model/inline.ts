/** Light inline helpers over raw cell/bullet Markdown: no parser, linear regexes. */
import { TextMemo } from '../incremental/memo';

/** Where a cell's `|` sits inside a code span (GFM splits the row there all the same). */
export { codeSpanPipes } from '../markdown/code-pipes';

// Speed: memoised by text (see incremental/memo.ts), as a column repeats a few dozen values over thousands of
// rows; the memo stays beside the function it wraps (the incremental layer cannot import this module).
const PLAIN = new TextMemo(computePlainText, 50_000);

/** Plain text of a short Markdown value: emphasis, strike, HTML tags, links and escapes removed (memoised: cell values repeat). */
export function plainText(raw: string): string {
  // Most values have no markup and single spaces: nothing to remove, no memo lookup.
  return MARKUP_OR_SPACES.test(raw) ? PLAIN.get(raw) : raw.trim();
}

/** Characters the plain and display readings change: markup, escapes, entities, runs of whitespace. */
export const MARKUP_OR_SPACES = /[<[\\*_~`&]|\s\s|[^\S ]/;

function computePlainText(raw: string): string {
  return raw
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<([A-Za-z][\w+.-]*:[^<>\s]*)>/g, '$1')
    .replace(/<\/?[a-zA-Z][^>]*>/g, ' ')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/[*_~`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether the whole value is struck through (`<s>…</s>`, `~~…~~`, `<del>…</del>`). */
export function isStruck(raw: string): boolean {
  const t = raw.trim();
  return /^<(s|del|strike)>[\s\S]*<\/\1>$/i.test(t) || /^~~[\s\S]*~~$/.test(t);
}

/** Offset of the first character of content after leading markup (`**`, `_`, `<b>`, spaces). */
export function leadingMarkupEnd(raw: string): number {
  const m = /^(?:[\s*_~]|<(?!\/)[a-zA-Z][^>]*>)*/.exec(raw);
  return m ? m[0].length : 0;
}

/**
 * Entries of a large vocabulary by length, then by lower case (the first entry of each): matchLeading
 * then tries each distinct length once instead of every entry, so a configuration with thousands of
 * statuses costs per cell the number of distinct lengths, not the number of statuses.
 */
const LEADING_INDEX = new WeakMap<readonly string[], Array<{ length: number; byLower: Map<string, string> }>>();
const INDEX_FROM = 32;

function leadingIndex(known: readonly string[]): Array<{ length: number; byLower: Map<string, string> }> {
  let index = LEADING_INDEX.get(known);
  if (index) return index;
  const byLength = new Map<number, Map<string, string>>();
  for (const k of known) {
    let m = byLength.get(k.length);
    if (!m) byLength.set(k.length, (m = new Map()));
    const kl = k.toLowerCase();
    if (!m.has(kl)) m.set(kl, k);
  }
  index = [...byLength].map(([length, byLower]) => ({ length, byLower })).sort((a, b) => b.length - a.length);
  LEADING_INDEX.set(known, index);
  return index;
}

/** The entry of `known` that `value` starts with (case-insensitive, whole words), with exact-case flag. */
export function matchLeading(value: string, known: readonly string[]): { match: string; exact: boolean; length: number } | null {
  if (known.length >= INDEX_FROM) {
    // Longest first, as the loop below prefers the longest entry (and the first of equal ones).
    for (const { length, byLower } of leadingIndex(known)) {
      if (length > value.length) continue;
      const k = byLower.get(value.slice(0, length).toLowerCase());
      if (k === undefined) continue;
      const next = value.charAt(k.length);
      if (next !== '' && /[\p{L}\p{N}]/u.test(next)) continue;
      return { match: k, exact: value.startsWith(k), length: k.length };
    }
    return null;
  }
  let best: { match: string; exact: boolean; length: number } | null = null;
  const lower = value.toLowerCase();
  for (const k of known) {
    const kl = k.toLowerCase();
    if (!lower.startsWith(kl)) continue;
    const next = value.charAt(k.length);
    if (next !== '' && /[\p{L}\p{N}]/u.test(next)) continue;
    if (!best || k.length > best.length) best = { match: k, exact: value.startsWith(k), length: k.length };
  }
  return best;
}

/** Levenshtein distance, bounded (returns max+1 when larger). */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
