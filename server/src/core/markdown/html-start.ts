/**
 * HTML blocks (CommonMark 4.6, as micromark's html-flow reads them): which of the seven kinds starts on a
 * line, whether a kind ends on a line, and the small state machine that decides whether a line opens
 * with a complete tag (kind 7).
 */
import {
  BACKTICK,
  BANG,
  blankFrom,
  COLON,
  DASH,
  DOT,
  DQUOTE,
  EQ,
  GT,
  isAlnum,
  isAlpha,
  isWs,
  LT,
  QMARK,
  RBRACKET,
  runOf,
  SLASH,
  SQUOTE,
  UNDERSCORE,
} from './chars';

/**
 * The seven kinds of HTML block, in CommonMark's order: 1 `raw` (`<pre` `<script` `<style` `<textarea`),
 * 2 `comment` (`<!--`), 3 `instruction` (`<?`), 4 `declaration` (`<!X`), 5 `cdata` (`<![CDATA[`),
 * 6 `block` (a block-level tag name), 7 `complete` (any complete open or closing tag alone on its line).
 */
export type HtmlKind = 'raw' | 'comment' | 'instruction' | 'declaration' | 'cdata' | 'block' | 'complete';

const RAW_NAMES = new Set(['pre', 'script', 'style', 'textarea']);
const BLOCK_NAMES = new Set(
  (
    'address article aside base basefont blockquote body caption center col colgroup dd details ' +
    'dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html ' +
    'iframe legend li link main menu menuitem nav noframes ol optgroup option p param search section summary table ' +
    'tbody td tfoot th thead title tr track ul'
  ).split(' '),
);

/** The kind of HTML block starting at i (first non-whitespace of the line), or null; `complete` only when not interrupting a paragraph. */
export function htmlStart(s: string, i: number, interrupt: boolean): HtmlKind | null {
  if (s.charCodeAt(i) !== LT) return null;
  const c = s.charCodeAt(i + 1);
  if (c === BANG) return markupDeclaration(s, i + 2);
  if (c === QMARK) return 'instruction';
  const closing = c === SLASH;
  const nameStart = closing ? i + 2 : i + 1;
  if (!isAlpha(s.charCodeAt(nameStart))) return null;
  const k = tagNameEnd(s, nameStart);
  const after = s.charCodeAt(k);
  if (k < s.length && after !== SLASH && after !== GT && !isWs(after)) return null;
  const name = s.slice(nameStart, k).toLowerCase();
  if (after !== SLASH && !closing && RAW_NAMES.has(name)) return 'raw';
  if (BLOCK_NAMES.has(name)) return after !== SLASH || s.charCodeAt(k + 1) === GT ? 'block' : null;
  return !interrupt && completeTag(s, k, closing) ? 'complete' : null;
}

/** The end of the tag name that starts at `start` (letters, digits and dashes). */
function tagNameEnd(s: string, start: number): number {
  let k = start;
  while (k < s.length && (isAlnum(s.charCodeAt(k)) || s.charCodeAt(k) === DASH)) k++;
  return k;
}

/** `<!` then `--` (comment), `[CDATA[` or a letter (declaration); k is after the `!`. */
function markupDeclaration(s: string, k: number): HtmlKind | null {
  if (s.startsWith('--', k)) return 'comment';
  if (s.startsWith('[CDATA[', k)) return 'cdata';
  return isAlpha(s.charCodeAt(k)) ? 'declaration' : null;
}

/** Whether an HTML block of this kind ends only at a blank line (kinds 6 and 7) rather than at an end marker. */
export function endsAtBlankLine(kind: HtmlKind): boolean {
  return kind === 'block' || kind === 'complete';
}

/**
 * Where the end marker is searched on the opening line, from the `<`: `<!--` from its `--` (`<!-->` is
 * closed), `<?` from its `?`, after `<!` and after `<![CDATA[`.
 */
const OPENER_SKIP: { readonly [K in HtmlKind]: number } = {
  raw: 1,
  comment: 2,
  instruction: 1,
  declaration: 3,
  cdata: 9,
  block: 0,
  complete: 0,
};

/** Whether an HTML block of a kind with an end marker (1-5) that opens at i also ends on its opening line. */
export function htmlEndsOnOpeningLine(kind: HtmlKind, s: string, i: number): boolean {
  return htmlEnds(kind, s, i + OPENER_SKIP[kind]);
}

/** Whether an HTML block of kind 1-5 ends on this line (searching from `from`), like micromark's continuation states. */
export function htmlEnds(kind: HtmlKind, s: string, from: number): boolean {
  switch (kind) {
    case 'comment':
      return s.indexOf('-->', from) >= 0;
    case 'instruction':
      return s.indexOf('?>', from) >= 0;
    case 'declaration':
      return s.indexOf('>', from) >= 0;
    case 'cdata':
      return cdataEnds(s, from);
    default:
      return rawEnds(s, from);
  }
}

/** `]]>`, where an even run of `]` before the `>` ends it (micromark pairs them). */
function cdataEnds(s: string, from: number): boolean {
  for (let k = from; k < s.length; k++) {
    if (s.charCodeAt(k) !== RBRACKET) continue;
    const run = runOf(s, k, RBRACKET);
    if (run % 2 === 0 && s.charCodeAt(k + run) === GT) return true;
    k += run - 1;
  }
  return false;
}

/** Any of `</pre>`, `</script>`, `</style>`, `</textarea>` (whichever opened the block), any case. */
function rawEnds(s: string, from: number): boolean {
  const lower = s.slice(from).toLowerCase();
  for (const name of RAW_NAMES) if (lower.includes(`</${name}>`)) return true;
  return false;
}

// ---- Kind 7: the rest of a complete tag, read by a state machine ----

/** Where the tag reader stands; `complete` and `incomplete` are its answers. */
type TagState =
  | 'before-attribute'
  | 'attribute-name'
  | 'after-attribute-name'
  | 'before-value'
  | 'quoted-value'
  | 'after-quoted-value'
  | 'unquoted-value'
  | 'after-closing-name'
  | 'tag-end'
  | 'complete'
  | 'incomplete';

type ReadingState = Exclude<TagState, 'complete' | 'incomplete'>;

interface TagReader {
  readonly s: string;
  /** The next character to read. */
  k: number;
  /** The quote that opened the attribute value being read. */
  quote: number;
}

const isAttributeNameChar = (c: number): boolean => isAlnum(c) || c === DASH || c === DOT || c === COLON || c === UNDERSCORE;
const endsUnquotedValue = (c: number): boolean =>
  c === -1 || c === DQUOTE || c === SQUOTE || c === SLASH || c === LT || c === EQ || c === GT || c === BACKTICK || isWs(c);

/** One step per state: reads the character c at t.k (-1 at the end of the line), moves t.k on if it takes it, says the next state. */
const TAG_STEPS: { readonly [S in ReadingState]: (t: TagReader, c: number) => TagState } = {
  'before-attribute': (t, c) => {
    if (c === SLASH) {
      t.k++;
      return 'tag-end';
    }
    if (c === COLON || c === UNDERSCORE || isAlpha(c)) {
      t.k++;
      return 'attribute-name';
    }
    if (isWs(c)) {
      t.k++;
      return 'before-attribute';
    }
    return 'tag-end';
  },
  'attribute-name': (t, c) => {
    if (!isAttributeNameChar(c)) return 'after-attribute-name';
    t.k++;
    return 'attribute-name';
  },
  'after-attribute-name': (t, c) => {
    if (c === EQ) {
      t.k++;
      return 'before-value';
    }
    if (isWs(c)) {
      t.k++;
      return 'after-attribute-name';
    }
    return 'before-attribute';
  },
  'before-value': (t, c) => {
    if (c === -1 || c === LT || c === EQ || c === GT || c === BACKTICK) return 'incomplete';
    if (c === DQUOTE || c === SQUOTE) {
      t.quote = c;
      t.k++;
      return 'quoted-value';
    }
    if (isWs(c)) {
      t.k++;
      return 'before-value';
    }
    return 'unquoted-value';
  },
  'quoted-value': (t, c) => {
    if (c === -1) return 'incomplete';
    t.k++;
    return c === t.quote ? 'after-quoted-value' : 'quoted-value';
  },
  'after-quoted-value': (_t, c) => (c === SLASH || c === GT || isWs(c) ? 'before-attribute' : 'incomplete'),
  'unquoted-value': (t, c) => {
    if (endsUnquotedValue(c)) return 'after-attribute-name';
    t.k++;
    return 'unquoted-value';
  },
  'after-closing-name': (t, c) => {
    if (!isWs(c)) return 'tag-end';
    t.k++;
    return 'after-closing-name';
  },
  'tag-end': (t, c) => (c === GT && blankFrom(t.s, t.k + 1) ? 'complete' : 'incomplete'),
};

/** Whether the rest of an open or closing tag, from after its name at k, completes it with only whitespace after (kind 7). */
export function completeTag(s: string, k: number, closing: boolean): boolean {
  const t: TagReader = { s, k, quote: 0 };
  let state: TagState = closing ? 'after-closing-name' : 'before-attribute';
  while (state !== 'complete' && state !== 'incomplete') state = TAG_STEPS[state](t, t.k < s.length ? s.charCodeAt(t.k) : -1);
  return state === 'complete';
}
