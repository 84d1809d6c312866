/**
 * Table rows as GFM reads them (micromark-extension-gfm-table 2.1.2): the shapes of a parsed table, cells
 * split at every `|` not escaped by an odd run of backslashes (also inside code spans), delimiter rows.
 */
import type { Complete, Position, Range } from '../findings';
import { BACKSLASH, blankFrom, COLON, columnOf, DASH, firstNonWs, isWs, PIPE } from './chars';

export type Align = 'left' | 'center' | 'right' | null;
export interface TableCell {
  /** Cell content with surrounding whitespace trimmed, exactly as in the source (escapes kept: `\|` stays `\|`). */
  text: string;
  /** UTF-16 columns in the line: [start, end) of `text`; for an empty cell start === end (where content would go). */
  start: number;
  end: number;
  /** Columns [rawStart, rawEnd) of the whole cell between its delimiting pipes (untrimmed); a first cell without a leading pipe starts after the indentation. */
  rawStart: number;
  rawEnd: number;
}
/** A cell of a row of the page: its line as well, so it is the CellRef the rules read (no wrapper). */
export class RowCell implements TableCell {
  constructor(
    readonly line: number,
    readonly text: string,
    readonly start: number,
    readonly rawStart: number,
    readonly rawEnd: number,
  ) {}

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
  leadingPipe: boolean;
  trailingPipe: boolean;
}
export interface ParsedTable {
  /** `delimiter-first`: a paragraph from a `|---|` line on; not a table in Markdown (header null, rows = every following line of that paragraph). */
  kind: 'gfm' | 'delimiter-first';
  /** Read from remark's tree (a table inside a container) rather than by scanTables. */
  fromMdast?: boolean;
  /** Inclusive lines (indexes into the given lines plus the offset). */
  startLine: number;
  endLine: number;
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
  return {
    kind: t.kind,
    fromMdast: t.fromMdast,
    startLine: t.startLine,
    endLine: t.endLine,
    header: t.header,
    delimiterLine: t.delimiterLine,
    align: t.align,
    rows: t.rows,
  };
}

/** Makes a cell of s[a, b) (between its pipes): its text trimmed, [start, end) the text's columns. */
type MakeCell<C> = (s: string, a: number, b: number, st: number, en: number) => C;

const plainCell: MakeCell<TableCell> = (s, a, b, st, en) => ({ text: s.slice(st, en), start: st, end: en, rawStart: a, rawEnd: b });

/** Whitespace other than space and tab: what trimStart and trimEnd strip besides them. */
const OTHER_WS = /[^\S \t]/;

/**
 * A cell of s[a, b). With `trims` (the row holds no whitespace but spaces and tabs) its spaces are measured with
 * trimStart and trimEnd, not a step of our code per character: padded columns (`| Feature          |`) made
 * this the most called place of charCodeAt after the pipe search.
 */
function makeCell<C>(s: string, a: number, b: number, make: MakeCell<C>, trims: boolean): C {
  let st = a,
    en = b;
  if (trims) {
    const raw = s.slice(a, b);
    en = a + raw.trimEnd().length;
    st = en === a ? a : a + raw.length - raw.trimStart().length;
  } else {
    while (st < en && isWs(s.charCodeAt(st))) st++;
    while (en > st && isWs(s.charCodeAt(en - 1))) en--;
  }
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
  const trims = !OTHER_WS.test(text);
  // Speed: from pipe to pipe with indexOf, not a step of our code per character (which was 40 % of a folder
  // check's charCodeAt calls, in code a one-shot run seldom optimizes). The backslashes right before a pipe are
  // counted back to the cell's start: the character before it is a pipe, a space or none, never a backslash.
  for (let k = text.indexOf('|', seg); k >= 0; k = text.indexOf('|', k + 1)) {
    let j = k;
    while (j > seg && text.charCodeAt(j - 1) === BACKSLASH) j--;
    if (((k - j) & 1) === 0) {
      cells.push(makeCell(text, seg, k, make, trims));
      seg = k + 1;
    }
  }
  const trailingPipe = cells.length > 0 && blankFrom(text, seg);
  if (!trailingPipe) cells.push(makeCell(text, seg, n, make, trims));
  return (leadingPipe ? 1 : 0) | (trailingPipe ? 2 : 0);
}

/** Any character but a dash (global: searched from lastIndex). */
const NOT_DASH = /[^-]/g;

/** Alignments of a GFM delimiter row, or null when the line is not one (`---` alone is not: it needs a `|` or `:`). */
export function parseDelimiterRow(text: string): Align[] | null {
  const idx = firstNonWs(text);
  if (columnOf(text, idx) > 3) return null;
  const n = text.length;
  const align: Align[] = [];
  let i = idx,
    seen = false;
  const skipWs = (): void => {
    while (i < n && isWs(text.charCodeAt(i))) i++;
  };
  if (i < n && text.charCodeAt(i) === PIPE) {
    seen = true;
    i++;
    skipWs();
  }
  while (i < n) {
    let left = false,
      right = false;
    if (text.charCodeAt(i) === COLON) {
      left = seen = true;
      i++;
    }
    if (i >= n || text.charCodeAt(i) !== DASH) return null;
    // Speed: the end of the dashes by one native search, not a step per dash (delimiter rows are long).
    NOT_DASH.lastIndex = i;
    i = NOT_DASH.test(text) ? NOT_DASH.lastIndex - 1 : n;
    if (i < n && text.charCodeAt(i) === COLON) {
      right = seen = true;
      i++;
    }
    align.push(left ? (right ? 'center' : 'left') : right ? 'right' : null);
    skipWs();
    if (i === n) break;
    if (text.charCodeAt(i) !== PIPE) return null;
    seen = true;
    i++;
    skipWs();
  }
  return seen && align.length > 0 ? align : null;
}

/** The row of a table at `line` whose text is `text`; `from` skips a prefix (a container's markers). */
export function tableRowAt(line: number, text: string, from = 0): TableRow {
  const cells: RowCell[] = [];
  const make: MakeCell<RowCell> = (s, a, b, st, en) => new RowCell(line, s.slice(st, en), st + from, a + from, b + from);
  const pipes = splitCells(from === 0 ? text : text.slice(from), cells, make);
  return { line, cells, leadingPipe: (pipes & 1) !== 0, trailingPipe: (pipes & 2) !== 0 };
}
