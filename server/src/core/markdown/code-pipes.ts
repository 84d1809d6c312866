/**
 * Pipes inside code spans of a table row. GFM splits cells at every `|` not escaped by a backslash, also
 * inside backticks, so `` `a|b` `` in a row becomes two cells (`` `a `` and `` b` ``) and no code span.
 * The author almost always meant a code span with a pipe: reading the row as one line of inline Markdown
 * (ignoring the cell split) finds those pipes; `\|` keeps them in the cell (GFM renders it as `|`).
 */
import { BACKSLASH, BACKTICK, PIPE, runOf } from './chars';

/** Indexes of the unescaped `|` that lie inside code spans of `text` read from `from` without splitting cells. */
export function codeSpanPipes(text: string, from = 0): number[] {
  const out: number[] = [];
  const n = text.length;
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) {
      i += 2; // an escaped character (an escaped backtick opens no code span)
      continue;
    }
    if (c !== BACKTICK) {
      i++;
      continue;
    }
    const k = runOf(text, i, BACKTICK);
    // The span closes at the next run of exactly k backticks (backslashes are literal inside code).
    let j = i + k;
    let close = -1;
    while (j < n) {
      if (text.charCodeAt(j) !== BACKTICK) {
        j++;
        continue;
      }
      const r = runOf(text, j, BACKTICK);
      if (r === k) {
        close = j;
        break;
      }
      j += r;
    }
    if (close < 0) {
      i += k;
      continue;
    }
    let backslashes = 0;
    for (let p = i + k; p < close; p++) {
      const d = text.charCodeAt(p);
      if (d === PIPE && (backslashes & 1) === 0) out.push(p);
      backslashes = d === BACKSLASH ? backslashes + 1 : 0;
    }
    i = close + k;
  }
  return out;
}
