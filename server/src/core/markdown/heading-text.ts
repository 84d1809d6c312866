/**
 * A heading's plain text as remark gives it (mdastText: the values joined, markup dropped), read from its
 * source text by the line reader, or null for markup it does not read (the region then goes to remark).
 * Read: code spans (CommonMark 6.1); inline links whose text and destination are plain
 * (`### [sig-release](https://testgrid.k8s.io/…)`: the text); and, in a region without link definitions,
 * brackets that make no link (`## [1.1.0] - 2023-03-05`, `[optional]`), written as they are, as remark
 * leaves a reference that refers to nothing. Anything else (emphasis, escapes, HTML, images, entities,
 * strikethrough, a link with markup or a title) is refused.
 */
import { BACKTICK, runOf, SPACE } from './chars';

/** Characters after which a heading's plain text may differ from its source. */
const INLINE = /[\\`*_[\]<~]|&[#A-Za-z0-9]/;

/** Markup outside code spans that is not read (INLINE without the backtick and the brackets). */
const NOT_READ = /[\\*_<~]|&[#A-Za-z0-9]/;

/**
 * An inline link of plain text to a plain destination: no brackets or markup in the text, no space, parenthesis,
 * angle bracket, backslash or backtick in the destination (so no title either). CommonMark pairs a `]` with
 * the nearest `[` before it, so such a link is one whatever brackets are around it, and the brackets
 * before it can no longer open a link.
 */
const PLAIN_LINK = /\[([^[\]\\`*_<>~&\n]*)\]\([^\s()<>\\`]*\)/g;

/** `t` with each plain link written as its text. */
function withoutPlainLinks(t: string): string {
  return t.includes('](') ? t.replace(PLAIN_LINK, '$1') : t;
}

/** Where a GFM literal autolink may start (remark-gfm): a link then reads differently. */
const AUTOLINK = /www\.|:\/\/|@/i;

/**
 * The plain text of a heading's source text `t`, or null. `definitions`: the region may define a link
 * (a line holds `]:`), so brackets might make a reference link.
 */
export function headingText(t: string, definitions: boolean): string | null {
  if (!INLINE.test(t)) return t;
  // A GFM literal autolink (`www.`, `https://`, an e-mail address) may run on into the markup after it; one
  // in a plain link's destination is the link's.
  if (AUTOLINK.test(withoutPlainLinks(t))) return null;
  let out = '';
  let i = 0;
  for (;;) {
    const b = t.indexOf('`', i);
    const text = plainText(b < 0 ? t.slice(i) : t.slice(i, b), definitions);
    if (text === null) return null;
    out += text;
    if (b < 0) return out;
    const n = runOf(t, b, BACKTICK);
    let close = -1;
    for (let j = b + n; j < t.length;) {
      const k = t.indexOf('`', j);
      if (k < 0) break;
      const m = runOf(t, k, BACKTICK);
      if (m === n) {
        close = k;
        break;
      }
      j = k + m;
    }
    if (close < 0) {
      out += t.slice(b, b + n); // a run with no closing run of its length is text
      i = b + n;
      continue;
    }
    const code = t.slice(b + n, close);
    if (code.includes('\n')) return null;
    const strip = code.length >= 2 && code.charCodeAt(0) === SPACE && code.charCodeAt(code.length - 1) === SPACE && /[^ ]/.test(code);
    out += strip ? code.slice(1, -1) : code;
    i = close + n;
  }
}

/** A stretch of heading text outside code spans, links replaced by their text; null when it holds markup not read. */
function plainText(text: string, definitions: boolean): string | null {
  if (NOT_READ.test(text)) return null;
  if (!text.includes('[') && !text.includes(']')) return text;
  // An image (`![`) has no text of its own; a `](` left after the plain links is a link not read.
  if (text.includes('![')) return null;
  const linked = withoutPlainLinks(text);
  if (linked.includes('](')) return null;
  if (definitions && (linked.includes('[') || linked.includes(']'))) return null;
  return linked;
}
