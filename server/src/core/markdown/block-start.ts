/**
 * The one block-start recogniser (CommonMark 0.31 + GFM, as micromark reads them at the top level): what
 * block a line starts, given where it stands. The table scanner, the region splitter and the line-by-line
 * reading of a region that cannot be parsed all ask it.
 *
 * `blockStart` is asked about a line whose first non-whitespace character is at i, with less than 4
 * columns of indentation (4 or more is indented code) and not blank.
 */
import {
  BACKTICK,
  blankFrom,
  CARET,
  COLON,
  DASH,
  DOT,
  EQ,
  GT,
  HASH,
  isDigit,
  isWs,
  LBRACKET,
  PLUS,
  RBRACKET,
  RPAREN,
  runOf,
  STAR,
  TILDE,
  UNDERSCORE,
  BACKSLASH,
  SPACE,
} from './chars';
import { htmlStart, type HtmlKind } from './html-start';

export { completeTag, endsAtBlankLine, htmlEnds, htmlEndsOnOpeningLine, htmlStart, type HtmlKind } from './html-start';

/**
 * Where the line stands, which decides what may start on it: in a paragraph a list item must start with
 * `1` or a bullet and have content, kind 7 HTML cannot start, and `===`/`---` underline a setext heading.
 * After indented code micromark reads list items as if interrupting (even after blank lines).
 */
export type StartContext = 'document' | 'paragraph' | 'after-indented-code';

/** An opening code fence: its character (backtick or tilde) and length (3 or more). */
export interface Fence {
  readonly marker: number;
  readonly length: number;
}

export type BlockStart =
  | { readonly kind: 'none' }
  | { readonly kind: 'block-quote' }
  | { readonly kind: 'list-item' }
  | { readonly kind: 'footnote-definition' }
  | { readonly kind: 'setext-underline' }
  | { readonly kind: 'html'; readonly html: HtmlKind }
  | { readonly kind: 'fence'; readonly fence: Fence }
  | { readonly kind: 'atx-heading'; readonly level: number }
  | { readonly kind: 'thematic-break' };

// Performance: every answer but a fence is one of these constants, so classifying a line allocates nothing.
const NONE: BlockStart = { kind: 'none' };
const BLOCK_QUOTE: BlockStart = { kind: 'block-quote' };
const LIST_ITEM: BlockStart = { kind: 'list-item' };
const FOOTNOTE: BlockStart = { kind: 'footnote-definition' };
const SETEXT: BlockStart = { kind: 'setext-underline' };
const THEMATIC: BlockStart = { kind: 'thematic-break' };
const HTML: { readonly [K in HtmlKind]: BlockStart } = {
  raw: { kind: 'html', html: 'raw' },
  comment: { kind: 'html', html: 'comment' },
  instruction: { kind: 'html', html: 'instruction' },
  declaration: { kind: 'html', html: 'declaration' },
  cdata: { kind: 'html', html: 'cdata' },
  block: { kind: 'html', html: 'block' },
  complete: { kind: 'html', html: 'complete' },
};
const HEADINGS: readonly BlockStart[] = [1, 2, 3, 4, 5, 6].map((level) => ({ kind: 'atx-heading', level }));

/** The block the line starts at i (first non-whitespace, indentation < 4 columns, line not blank). Containers are asked first. */
export function blockStart(s: string, i: number, context: StartContext): BlockStart {
  const container = containerStart(s, i, context !== 'document');
  if (container) return container;
  if (context === 'paragraph' && isSetextUnderline(s, i)) return SETEXT;
  const html = htmlStart(s, i, context === 'paragraph');
  if (html) return HTML[html];
  const fence = fenceOpen(s, i);
  if (fence) return { kind: 'fence', fence };
  const level = atxHeadingLevel(s, i);
  if (level > 0) return HEADINGS[level - 1];
  return isThematicBreak(s, i) ? THEMATIC : NONE;
}

/** Whether a start opens a container (block quote, list item, footnote definition) rather than a leaf block. */
export function isContainer(start: BlockStart): boolean {
  return start.kind === 'block-quote' || start.kind === 'list-item' || start.kind === 'footnote-definition';
}

/** The container starting at i, or null; list items are limited when interrupting (a paragraph, or after indented code). */
function containerStart(s: string, i: number, interrupt: boolean): BlockStart | null {
  const c = s.charCodeAt(i);
  if (c === GT) return BLOCK_QUOTE;
  if (c === LBRACKET) return isFootnoteDefinition(s, i) ? FOOTNOTE : null;
  const k = listMarkerEnd(s, i, interrupt);
  if (k < 0 || (k < s.length && !isWs(s.charCodeAt(k))) || (k === i + 1 && isThematicBreak(s, i))) return null;
  return interrupt && blankFrom(s, k) ? null : LIST_ITEM;
}

/**
 * The index after a list marker at i (`*`, `+`, `-`, or 1-9 digits and `.` or `)`), or -1; when
 * interrupting, an ordered marker must be `1`. (A line of bullets may still be a thematic break.)
 */
export function listMarkerEnd(s: string, i: number, interrupt: boolean): number {
  const c = s.charCodeAt(i);
  if (c === STAR || c === PLUS || c === DASH) return i + 1;
  let digits = 0;
  while (isDigit(s.charCodeAt(i + digits))) digits++;
  if (digits === 0 || digits > 9 || (interrupt && (digits > 1 || c !== 49))) return -1;
  const m = s.charCodeAt(i + digits);
  return m === DOT || m === RPAREN ? i + digits + 1 : -1;
}

/** `[^label]:` as micromark-extension-gfm-footnote reads it (label: no whitespace or `[`, escapes `\[ \\ \]`, < 1000 chars). */
function isFootnoteDefinition(s: string, i: number): boolean {
  if (s.charCodeAt(i + 1) !== CARET) return false;
  for (let k = i + 2, size = 0; ; size++) {
    const c = k < s.length ? s.charCodeAt(k) : -1;
    if (size > 999 || c === -1 || c === LBRACKET || isWs(c) || (c === RBRACKET && size === 0)) return false;
    if (c === RBRACKET) return s.charCodeAt(k + 1) === COLON;
    k++;
    const e = s.charCodeAt(k);
    if (c === BACKSLASH && (e === LBRACKET || e === BACKSLASH || e === RBRACKET)) {
      k++;
      size++;
    }
  }
}

/** The level (1-6) of an ATX heading opening at i, or 0. */
export function atxHeadingLevel(s: string, i: number): number {
  const k = runOf(s, i, HASH);
  return k >= 1 && k <= 6 && (i + k === s.length || isWs(s.charCodeAt(i + k))) ? k : 0;
}

/** The text of an ATX heading of `level` opening at i: without its opening and closing sequences and the whitespace around them. */
export function atxHeadingText(s: string, i: number, level: number): string {
  let start = i + level;
  while (start < s.length && isWs(s.charCodeAt(start))) start++;
  let end = s.length;
  while (end > start && isWs(s.charCodeAt(end - 1))) end--;
  let close = end;
  while (close > start && s.charCodeAt(close - 1) === HASH) close--;
  if (close === start || isWs(s.charCodeAt(close - 1))) {
    end = close;
    while (end > start && isWs(s.charCodeAt(end - 1))) end--;
  }
  return s.slice(start, end);
}

/** From a marker to the end of the line: one marker three times or more, spaces and tabs between (sticky). */
const THEMATIC_BREAK = /(?:\*[ \t]*){3,}$|(?:-[ \t]*){3,}$|(?:_[ \t]*){3,}$/y;

/** A thematic break: 3 or more of one of `*`, `-`, `_` with only spaces or tabs between. */
export function isThematicBreak(s: string, i: number): boolean {
  const m = s.charCodeAt(i);
  if (m !== STAR && m !== DASH && m !== UNDERSCORE) return false;
  // Speed: one sticky search, not a step of our code per character (asked of every list item's line).
  THEMATIC_BREAK.lastIndex = i;
  return THEMATIC_BREAK.test(s);
}

function isSetextUnderline(s: string, i: number): boolean {
  const m = s.charCodeAt(i);
  return (m === EQ || m === DASH) && blankFrom(s, i + runOf(s, i, m));
}

/** The code fence opening at i, or null (a backtick fence's info string may not hold a backtick). */
export function fenceOpen(s: string, i: number): Fence | null {
  const marker = s.charCodeAt(i);
  if (marker !== BACKTICK && marker !== TILDE) return null;
  const length = runOf(s, i, marker);
  if (length < 3 || (marker === BACKTICK && s.indexOf('`', i + length) >= 0)) return null;
  return { marker, length };
}

/** Whether the line closes `fence`: indentation < 4 columns, a run of its marker at least as long, then only whitespace. */
export function fenceCloses(s: string, fence: Fence): boolean {
  let i = 0;
  while (i < 3 && s.charCodeAt(i) === SPACE) i++;
  const run = runOf(s, i, fence.marker);
  return run >= fence.length && blankFrom(s, i + run);
}
