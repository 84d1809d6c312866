// Linear GFM table scanner that reproduces remark-parse@11 + remark-gfm@4
// (micromark-extension-gfm-table 2.1.2) at the top level of a document.
//
// Rules (verified against remark; see test/unit/table*.test.ts):
// - A table starts at a line L (indent < 4 columns, not exactly one `|`) followed by a delimiter row
//   D (indent < 4, cells `:?-+:?` split by `|`, at least one `|` or `:`) with as many cells as L.
//   L is tried at every flow start and at every paragraph line (a table interrupts a paragraph),
//   unless another construct claims L first. D must not start a list item (`- | -`).
// - The table ends before: a blank line, 4+ columns of indentation (indented code), an ATX heading,
//   a thematic break, an HTML block start (kinds 1-7), a code fence, a block quote, a list item
//   (any, even empty or `2.`), a footnote definition. Any other line is a body row (one cell if it
//   has no pipe); `===` is a body row.
// - Cells are split at every `|` not escaped by an odd run of backslashes, also inside code spans.
//   A leading pipe opens no cell; a trailing pipe (only whitespace after it) closes the last one.
//   Body rows keep their own cell count in mdast (extra cells are kept, missing ones not added).
// Lines must not contain line endings. Whitespace is only space and tab.

import type { Complete, Position, Range } from '../types';
import { drain, shouldYield, type Steps } from '../incremental/steps';
export type Align = 'left' | 'center' | 'right' | null;
export interface TableCell {
  /** Cell content with surrounding whitespace trimmed, exactly as in the source (escapes kept: `\|` stays `\|`). */
  text: string;
  /** UTF-16 columns in the line: [start, end) of `text`; for an empty cell start === end (where content would go). */
  start: number; end: number;
  /** Columns [rawStart, rawEnd) of the whole cell between its delimiting pipes (untrimmed); a first cell without a leading pipe starts after the indentation. */
  rawStart: number; rawEnd: number;
}
/** A cell of a row of the page: its line as well, so it is the CellRef the rules read (no wrapper). */
export class RowCell implements TableCell {
  constructor(readonly line: number, readonly text: string, readonly start: number, readonly rawStart: number, readonly rawEnd: number) {}

  get end(): number {
    return this.start + this.text.length;
  }

  get range(): Range {
    return { start: { line: this.line, character: this.start }, end: { line: this.line, character: this.end } };
  }

  posAt(offset: number): Position {
    return { line: this.line, character: this.start + offset };
  }

  /** The same cell `by` lines further down. */
  moved(by: number): RowCell {
    return new RowCell(this.line + by, this.text, this.start, this.rawStart, this.rawEnd);
  }
}
export interface TableRow {
  /** Line of the row (offset by the `offset` given to scanTables). */
  line: number;
  cells: RowCell[];
  leadingPipe: boolean; trailingPipe: boolean;
}
export interface ParsedTable {
  /** `delimiter-first`: a paragraph from a `|---|` line on; not a table in Markdown (header null, rows = every following line of that paragraph). */
  kind: 'gfm' | 'delimiter-first';
  /** Read from remark's tree (a table inside a container) rather than by scanTables. */
  fromMdast?: boolean;
  /** Inclusive lines (indexes into the given lines plus the offset). */
  startLine: number; endLine: number;
  header: TableRow | null;
  delimiterLine: number;
  align: Align[];
  rows: TableRow[];
}
/**
 * A parsed table as one object literal of fixed shape, whoever makes it (scanner, remark, a moved region,
 * a slice's view): the rules then meet one hidden class, and it lives as long as this code (see shapes.ts).
 */
export function parsedTable(t: ParsedTable): Complete<ParsedTable> {
  return { kind: t.kind, fromMdast: t.fromMdast, startLine: t.startLine, endLine: t.endLine, header: t.header, delimiterLine: t.delimiterLine, align: t.align, rows: t.rows };
}
export interface ScanResult {
  tables: ParsedTable[];
  /** false: the region has table-like lines in a context this scanner does not reproduce (containers, …); parse it with remark. */
  exact: boolean;
}

const TAB = 9, SPACE = 32, BANG = 33, DQUOTE = 34, HASH = 35, SQUOTE = 39, STAR = 42, PLUS = 43, DASH = 45, DOT = 46,
  SLASH = 47, COLON = 58, LT = 60, EQ = 61, GT = 62, QMARK = 63, LBRACKET = 91, BACKSLASH = 92, RBRACKET = 93,
  CARET = 94, UNDERSCORE = 95, BACKTICK = 96, PIPE = 124, TILDE = 126, RPAREN = 41;

const isWs = (c: number): boolean => c === SPACE || c === TAB;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAlpha = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAlnum = (c: number): boolean => isAlpha(c) || isDigit(c);

const RAW_NAMES = new Set(['pre', 'script', 'style', 'textarea']);
const BLOCK_NAMES = new Set(('address article aside base basefont blockquote body caption center col colgroup dd details '
  + 'dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html '
  + 'iframe legend li link main menu menuitem nav noframes ol optgroup option p param search section summary table '
  + 'tbody td tfoot th thead title tr track ul').split(' '));

/** Index of the first character that is not a space or tab. */
function firstNonWs(s: string): number {
  let i = 0;
  while (i < s.length && isWs(s.charCodeAt(i))) i++;
  return i;
}

/** Column reached by the whitespace s[0, idx) (tabs to the next multiple of 4). */
function columnOf(s: string, idx: number): number {
  let cols = 0;
  for (let i = 0; i < idx; i++) cols = s.charCodeAt(i) === TAB ? cols + 4 - (cols % 4) : cols + 1;
  return cols;
}

function blankFrom(s: string, i: number): boolean {
  while (i < s.length && isWs(s.charCodeAt(i))) i++;
  return i === s.length;
}

/** Length of the run of character c at i. */
function runOf(s: string, i: number, c: number): number {
  let k = i;
  while (k < s.length && s.charCodeAt(k) === c) k++;
  return k - i;
}

/** Makes a cell of s[a, b) (between its pipes): its text trimmed, [start, end) the text's columns. */
type MakeCell<C> = (s: string, a: number, b: number, st: number, en: number) => C;

const plainCell: MakeCell<TableCell> = (s, a, b, st, en) => ({ text: s.slice(st, en), start: st, end: en, rawStart: a, rawEnd: b });

function makeCell<C>(s: string, a: number, b: number, make: MakeCell<C>): C {
  let st = a, en = b;
  while (st < en && isWs(s.charCodeAt(st))) st++;
  while (en > st && isWs(s.charCodeAt(en - 1))) en--;
  if (st === en) st = en = a < b && isWs(s.charCodeAt(a)) ? a + 1 : a;
  return make(s, a, b, st, en);
}

/** Splits one table row like micromark: pipes split cells unless escaped by an odd run of backslashes (code spans too). */
export function splitRow(text: string): { cells: TableCell[]; leadingPipe: boolean; trailingPipe: boolean } {
  const cells: TableCell[] = [];
  const pipes = splitCells(text, cells, plainCell);
  return { cells, leadingPipe: (pipes & 1) !== 0, trailingPipe: (pipes & 2) !== 0 };
}

/** Pushes the cells of a row; returns 1 | 2 for a leading | trailing pipe. */
function splitCells<C>(text: string, cells: C[], make: MakeCell<C>): number {
  const n = text.length;
  const first = firstNonWs(text);
  const leadingPipe = first < n && text.charCodeAt(first) === PIPE;
  let seg = leadingPipe ? first + 1 : first;
  let backslashes = 0;
  for (let k = seg; k < n; k++) {
    const c = text.charCodeAt(k);
    if (c === PIPE && (backslashes & 1) === 0) {
      cells.push(makeCell(text, seg, k, make));
      seg = k + 1;
    }
    backslashes = c === BACKSLASH ? backslashes + 1 : 0;
  }
  const trailingPipe = cells.length > 0 && blankFrom(text, seg);
  if (!trailingPipe) cells.push(makeCell(text, seg, n, make));
  return (leadingPipe ? 1 : 0) | (trailingPipe ? 2 : 0);
}

/** Alignments of a GFM delimiter row, or null when the line is not one (`---` alone is not: it needs a `|` or `:`). */
export function parseDelimiterRow(text: string): Align[] | null {
  const idx = firstNonWs(text);
  if (columnOf(text, idx) > 3) return null;
  const n = text.length;
  const align: Align[] = [];
  let i = idx, seen = false;
  const skipWs = (): void => { while (i < n && isWs(text.charCodeAt(i))) i++; };
  if (i < n && text.charCodeAt(i) === PIPE) { seen = true; i++; skipWs(); }
  while (i < n) {
    let left = false, right = false;
    if (text.charCodeAt(i) === COLON) { left = seen = true; i++; }
    if (i >= n || text.charCodeAt(i) !== DASH) return null;
    i += runOf(text, i, DASH);
    if (i < n && text.charCodeAt(i) === COLON) { right = seen = true; i++; }
    align.push(left ? (right ? 'center' : 'left') : right ? 'right' : null);
    skipWs();
    if (i === n) break;
    if (text.charCodeAt(i) !== PIPE) return null;
    seen = true; i++; skipWs();
  }
  return seen && align.length > 0 ? align : null;
}

// ---- Block starts (s = line, i = first non-whitespace index, indentation < 4 columns) ----

function isAtxHeading(s: string, i: number): boolean {
  const k = runOf(s, i, HASH);
  return k >= 1 && k <= 6 && (i + k === s.length || isWs(s.charCodeAt(i + k)));
}

function isThematicBreak(s: string, i: number): boolean {
  const m = s.charCodeAt(i);
  if (m !== STAR && m !== DASH && m !== UNDERSCORE) return false;
  let count = 0;
  for (let k = i; k < s.length; k++) {
    if (s.charCodeAt(k) === m) count++;
    else if (!isWs(s.charCodeAt(k))) return false;
  }
  return count >= 3;
}

function isSetextUnderline(s: string, i: number): boolean {
  const m = s.charCodeAt(i);
  return (m === EQ || m === DASH) && blankFrom(s, i + runOf(s, i, m));
}

function fenceOpen(s: string, i: number): { ch: number; len: number } | null {
  const ch = s.charCodeAt(i);
  if (ch !== BACKTICK && ch !== TILDE) return null;
  const len = runOf(s, i, ch);
  if (len < 3 || (ch === BACKTICK && s.indexOf('`', i + len) >= 0)) return null;
  return { ch, len };
}

/** Whether a block quote, list item or GFM footnote definition starts at i (list items are limited when interrupting). */
function containerStart(s: string, i: number, interrupt: boolean): boolean {
  const c = s.charCodeAt(i);
  if (c === GT) return true;
  if (c === LBRACKET) return footnoteDefinition(s, i);
  let k: number;
  if (c === STAR || c === PLUS || c === DASH) {
    if (isThematicBreak(s, i)) return false;
    k = i + 1;
  } else {
    let digits = 0;
    while (isDigit(s.charCodeAt(i + digits))) digits++;
    if (digits === 0 || digits > 9 || (interrupt && (digits > 1 || c !== 49))) return false;
    const m = s.charCodeAt(i + digits);
    if (m !== DOT && m !== RPAREN) return false;
    k = i + digits + 1;
  }
  if (k < s.length && !isWs(s.charCodeAt(k))) return false;
  return !(interrupt && blankFrom(s, k));
}

/** `[^label]:` as micromark-extension-gfm-footnote reads it (label: no whitespace or `[`, escapes `\[ \\ \]`, < 1000 chars). */
function footnoteDefinition(s: string, i: number): boolean {
  if (s.charCodeAt(i + 1) !== CARET) return false;
  for (let k = i + 2, size = 0; ; size++) {
    const c = k < s.length ? s.charCodeAt(k) : -1;
    if (size > 999 || c === -1 || c === LBRACKET || isWs(c) || (c === RBRACKET && size === 0)) return false;
    if (c === RBRACKET) return s.charCodeAt(k + 1) === COLON;
    k++;
    const e = s.charCodeAt(k);
    if (c === BACKSLASH && (e === LBRACKET || e === BACKSLASH || e === RBRACKET)) { k++; size++; }
  }
}

/** HTML flow kind (1-7) starting at i, 0 if none; kind 7 only when not interrupting a paragraph. */
function htmlStart(s: string, i: number, interrupt: boolean): number {
  if (s.charCodeAt(i) !== LT) return 0;
  let k = i + 1;
  const c = s.charCodeAt(k);
  if (c === BANG) {
    if (s.startsWith('--', k + 1)) return 2;
    if (s.startsWith('[CDATA[', k + 1)) return 5;
    return isAlpha(s.charCodeAt(k + 1)) ? 4 : 0;
  }
  if (c === QMARK) return 3;
  const closing = c === SLASH;
  if (closing) k++;
  if (!isAlpha(s.charCodeAt(k))) return 0;
  const nameStart = k;
  while (k < s.length && (isAlnum(s.charCodeAt(k)) || s.charCodeAt(k) === DASH)) k++;
  const after = s.charCodeAt(k);
  if (k < s.length && after !== SLASH && after !== GT && !isWs(after)) return 0;
  const name = s.slice(nameStart, k).toLowerCase();
  if (after !== SLASH && !closing && RAW_NAMES.has(name)) return 1;
  if (BLOCK_NAMES.has(name)) return after !== SLASH || s.charCodeAt(k + 1) === GT ? 6 : 0;
  return !interrupt && completeTag(s, k, closing) ? 7 : 0;
}

/** Rest of a complete open/closing tag from after its name, then only whitespace (micromark html-flow kind 7). */
function completeTag(s: string, k: number, closing: boolean): boolean {
  const at = (j: number): number => (j < s.length ? s.charCodeAt(j) : -1);
  // States: 0 before attribute name, 1 in name, 2 after name, 3 before value, 4 quoted value, 5 after quoted value,
  // 6 unquoted value, 7 whitespace after a closing tag's name, 8 end (expects `>`).
  let st = closing ? 7 : 0;
  let quote = 0;
  for (;;) {
    const c = at(k);
    if (st === 0) {
      if (c === SLASH) { k++; st = 8; } else if (c === COLON || c === UNDERSCORE || isAlpha(c)) { k++; st = 1; } else if (isWs(c)) k++; else st = 8;
    } else if (st === 1) {
      if (isAlnum(c) || c === DASH || c === DOT || c === COLON || c === UNDERSCORE) k++; else st = 2;
    } else if (st === 2) {
      if (c === EQ) { k++; st = 3; } else if (isWs(c)) k++; else st = 0;
    } else if (st === 3) {
      if (c === -1 || c === LT || c === EQ || c === GT || c === BACKTICK) return false;
      if (c === DQUOTE || c === SQUOTE) { quote = c; k++; st = 4; } else if (isWs(c)) k++; else st = 6;
    } else if (st === 4) {
      if (c === -1) return false;
      k++;
      if (c === quote) st = 5;
    } else if (st === 5) {
      if (c === SLASH || c === GT || isWs(c)) st = 0; else return false;
    } else if (st === 6) {
      if (c === -1 || c === DQUOTE || c === SQUOTE || c === SLASH || c === LT || c === EQ || c === GT || c === BACKTICK || isWs(c)) st = 2;
      else k++;
    } else if (st === 7) {
      if (isWs(c)) k++; else st = 8;
    } else {
      return c === GT && blankFrom(s, k + 1);
    }
  }
}

/** Whether an HTML block of kind 1-5 ends on this line (searching from `from`), like micromark's continuation states. */
function htmlEnds(kind: number, s: string, from: number): boolean {
  if (kind === 2) return s.indexOf('-->', from) >= 0;
  if (kind === 3) return s.indexOf('?>', from) >= 0;
  if (kind === 4) return s.indexOf('>', from) >= 0;
  if (kind === 5) {
    for (let k = from; k < s.length; k++) {
      if (s.charCodeAt(k) !== RBRACKET) continue;
      const run = runOf(s, k, RBRACKET);
      if (run % 2 === 0 && s.charCodeAt(k + run) === GT) return true;
      k += run - 1;
    }
    return false;
  }
  const lower = s.slice(from).toLowerCase();
  for (const name of RAW_NAMES) if (lower.includes(`</${name}>`)) return true;
  return false;
}

/** Per kind 1-5, where the end marker is searched on the opening line (`<!--` from its `--`: `<!-->` is closed, `<?` from its `?`). */
const HTML_OPENER = [0, 1, 2, 1, 3, 9];

function pipeRow(s: string): boolean { const i = runOf(s, 0, SPACE); return i < 4 && s.charCodeAt(i) === PIPE; }

/** A line that could belong to a table inside a container: any delimiter row has `|`, `:-` or `-:`. */
function tableLike(s: string): boolean {
  return s.includes('|') || s.includes(':-') || s.includes('-:');
}

/** The row of a table at `line` whose text is `text`; `from` skips a prefix (a container's markers). */
export function tableRowAt(line: number, text: string, from = 0): TableRow {
  const cells: RowCell[] = [];
  const make: MakeCell<RowCell> = (s, a, b, st, en) => new RowCell(line, s.slice(st, en), st + from, a + from, b + from);
  const pipes = splitCells(from === 0 ? text : text.slice(from), cells, make);
  return { line, cells, leadingPipe: (pipes & 1) !== 0, trailingPipe: (pipes & 2) !== 0 };
}

/** Whether a line after a body row of a top-level GFM table is another body row (else it ends the table). */
export function continuesTable(s: string): boolean {
  const idx = firstNonWs(s);
  if (idx === s.length || columnOf(s, idx) >= 4 || containerStart(s, idx, false)) return false;
  return !(htmlStart(s, idx, false) || fenceOpen(s, idx) || isAtxHeading(s, idx) || isThematicBreak(s, idx));
}

const NONE = 0, PARA = 1, TABLE = 2, CODE = 3, FENCE = 4, HTML = 5;

/**
 * GFM tables (and delimiter-first pseudo-tables) of one top-level region, exactly as remark-gfm parses
 * them. Line numbers in the result are indexes into `lines` plus `offset` (the region's first line).
 */
export function scanTables(lines: readonly string[], offset = 0): ScanResult {
  return drain(scanTablesSteps(lines, offset));
}

/** scanTables, yielding every few thousand lines. */
export function* scanTablesSteps(lines: readonly string[], offset = 0): Steps<ScanResult> {
  const tables: ParsedTable[] = [];
  const n = lines.length;
  let state = NONE;
  let exact = true;
  let afterCode = false; // micromark checks containers in interrupt mode after indented code (even after blanks)
  let paraBracket = false; // paragraph may be only definitions: a setext underline is then uncertain
  let table: ParsedTable | null = null;
  let pseudo: ParsedTable | null = null;
  let fence = { ch: 0, len: 0 };
  let htmlKind = 0;
  const row = (i: number): TableRow => tableRowAt(i + offset, lines[i]);
  const close = (last: number): void => {
    for (const t of [table, pseudo]) if (t) { t.endLine = last + offset; tables.push(t); }
    table = pseudo = null;
  };
  // Stops scanning: the rest of the region lies in a container (sure: the open table ends here) or is unsure.
  const bail = (i: number, sure: boolean): void => {
    if (!sure && table) exact = false;
    close(i - 1);
    for (let k = i; k < n && exact; k++) if (tableLike(lines[k])) exact = false;
  };
  for (let i = 0; i < n; i++) {
    if (shouldYield(i)) yield; // a pause point for the language server (see incremental/steps)
    const s = lines[i];
    const idx = firstNonWs(s);
    const cols = idx === 0 ? 0 : columnOf(s, idx);
    const blank = idx === s.length;
    if (state === FENCE) {
      const run = cols < 4 ? runOf(s, idx, fence.ch) : 0;
      if (run >= fence.len && blankFrom(s, idx + run)) state = NONE;
      continue;
    }
    if (state === HTML) {
      if (htmlKind >= 6 ? blank : htmlEnds(htmlKind, s, 0)) state = NONE;
      continue;
    }
    if (blank) {
      close(i - 1);
      if (state !== CODE) state = NONE;
      continue;
    }
    if (cols >= 4) {
      if (state === PARA) { if (pseudo) pseudo.rows.push(row(i)); continue; }
      close(i - 1);
      state = CODE; afterCode = true;
      continue;
    }
    if (containerStart(s, idx, state === PARA || afterCode)) { bail(i, true); return { tables, exact }; }
    afterCode = false;
    if (state === CODE) state = NONE;
    const inPara = state === PARA;
    const setext = inPara && isSetextUnderline(s, idx);
    if (setext && paraBracket) { bail(i, false); return { tables, exact }; }
    const html = htmlStart(s, idx, inPara);
    const open = fenceOpen(s, idx);
    if (setext || html || open || isAtxHeading(s, idx) || isThematicBreak(s, idx)) {
      close(i - 1);
      state = NONE;
      if (open) { state = FENCE; fence = open; }
      if (html && (html >= 6 || !htmlEnds(html, s, idx + HTML_OPENER[html]))) { state = HTML; htmlKind = html; }
      continue;
    }
    if (state === TABLE && table) {
      table.rows.push(row(i));
      // Fast path: a line starting with `|` after at most 3 spaces is always a body row.
      while (i + 1 < n && pipeRow(lines[i + 1])) {
        table.rows.push(row(++i));
        if (shouldYield(i)) yield; // a pause point for the language server (see incremental/steps)
      }
      continue;
    }
    // NONE or PARA: is this line the header of a table (the paragraph, if any, is interrupted)?
    // A header that is one `|` is rejected; a delimiter row that starts a list item (`- | -`) is no delimiter row.
    const next = i + 1 < n && !(s.charCodeAt(idx) === PIPE && blankFrom(s, idx + 1)) ? lines[i + 1] : '';
    const align = parseDelimiterRow(next);
    if (align && !containerStart(next, firstNonWs(next), true)) {
      const header = row(i);
      if (header.cells.length === align.length) {
        close(i - 1);
        if (inPara && htmlStart(s, idx, false) === 7) { state = HTML; htmlKind = 7; continue; }
        table = parsedTable({ kind: 'gfm', startLine: i + offset, endLine: i + 1 + offset, header, delimiterLine: i + 1 + offset, align, rows: [] });
        state = TABLE; i++;
        continue;
      }
    }
    if (state === NONE) { state = PARA; paraBracket = s.charCodeAt(idx) === LBRACKET; }
    if (pseudo) pseudo.rows.push(row(i));
    else if (s.charCodeAt(idx) === PIPE) {
      const pAlign = parseDelimiterRow(s);
      if (pAlign) pseudo = parsedTable({ kind: 'delimiter-first', startLine: i + offset, endLine: i + offset, header: null, delimiterLine: i + offset, align: pAlign, rows: [] });
    }
  }
  close(n - 1);
  return { tables, exact };
}
