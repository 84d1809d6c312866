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

import { drain, shouldYield, type Steps } from '../incremental/steps';
import {
  blockStart,
  endsAtBlankLine,
  fenceCloses,
  htmlEnds,
  htmlEndsOnOpeningLine,
  htmlStart,
  isContainer,
  type BlockStart,
  type Fence,
  type HtmlKind,
  type StartContext,
} from './block-start';
import { blankFrom, columnOf, firstNonWs, LBRACKET, PIPE, runOf, SPACE } from './chars';
import { parseDelimiterRow, parsedTable, tableRowAt, type ParsedTable, type TableRow } from './table-row';

export interface ScanResult {
  tables: ParsedTable[];
  /** false: the region has table-like lines in a context this scanner does not reproduce (containers, …); parse it with remark. */
  exact: boolean;
}

/** Whether a line after a body row of a top-level GFM table is another body row (else it ends the table). */
export function continuesTable(s: string): boolean {
  const idx = firstNonWs(s);
  if (idx === s.length || columnOf(s, idx) >= 4) return false;
  return blockStart(s, idx, 'document').kind === 'none';
}

/** A line starting with `|` after at most 3 spaces: always a body row when a table is open. */
function pipeRow(s: string): boolean {
  const i = runOf(s, 0, SPACE);
  return i < 4 && s.charCodeAt(i) === PIPE;
}

/** A line that could belong to a table inside a container: any delimiter row has `|`, `:-` or `-:`. */
function tableLike(s: string): boolean {
  return s.includes('|') || s.includes(':-') || s.includes('-:');
}

/**
 * GFM tables (and delimiter-first pseudo-tables) of one top-level region, exactly as remark-gfm parses
 * them. Line numbers in the result are indexes into `lines` plus `offset` (the region's first line).
 */
export function scanTables(lines: readonly string[], offset = 0): ScanResult {
  return drain(scanTablesSteps(lines, offset));
}

/** scanTables, yielding every few thousand lines. */
export function* scanTablesSteps(lines: readonly string[], offset = 0): Steps<ScanResult> {
  const scan = new TableScan(lines, offset);
  for (let i = 0; i < lines.length; i++) {
    if (shouldYield(i)) yield; // a pause point for the language server (see incremental/steps)
    i = scan.read(i);
  }
  return scan.finish();
}

/** What the lines read so far leave open. */
type ScanState = 'none' | 'paragraph' | 'table' | 'indented-code' | 'fenced-code' | 'html';

/** The scanner's state between lines; `read` takes one line (or a run of body rows) at a time. */
class TableScan {
  private readonly tables: ParsedTable[] = [];
  private exact = true;
  private state: ScanState = 'none';
  /** micromark checks containers in interrupt mode after indented code (even after blanks). */
  private afterCode = false;
  /** The paragraph may be only definitions: a setext underline is then uncertain. */
  private paraBracket = false;
  private table: ParsedTable | null = null;
  private pseudo: ParsedTable | null = null;
  private fence: Fence = { marker: 0, length: 0 };
  private html: HtmlKind = 'block';

  constructor(
    private readonly lines: readonly string[],
    private readonly offset: number,
  ) {}

  /** Reads line i, and maybe body rows after it; returns the last line read (lines.length: stop). */
  read(i: number): number {
    const s = this.lines[i];
    if (this.state === 'fenced-code') {
      if (fenceCloses(s, this.fence)) this.state = 'none';
      return i;
    }
    if (this.state === 'html') {
      if (endsAtBlankLine(this.html) ? blankFrom(s, 0) : htmlEnds(this.html, s, 0)) this.state = 'none';
      return i;
    }
    const idx = firstNonWs(s);
    if (idx === s.length) this.blank(i);
    else if (idx > 0 && columnOf(s, idx) >= 4) this.indented(i);
    else return this.blockLine(i, s, idx);
    return i;
  }

  finish(): ScanResult {
    this.close(this.lines.length - 1);
    return { tables: this.tables, exact: this.exact };
  }

  private row(i: number): TableRow {
    return tableRowAt(i + this.offset, this.lines[i]);
  }

  /** Ends the open table and pseudo-table at line `last`. */
  private close(last: number): void {
    for (const t of [this.table, this.pseudo])
      if (t) {
        t.endLine = last + this.offset;
        this.tables.push(t);
      }
    this.table = this.pseudo = null;
  }

  /** Stops scanning at line i: the rest of the region lies in a container (sure: the open table ends here) or is unsure. */
  private bail(i: number, sure: boolean): number {
    const lines = this.lines;
    if (!sure && this.table) this.exact = false;
    this.close(i - 1);
    for (let k = i; k < lines.length && this.exact; k++) if (tableLike(lines[k])) this.exact = false;
    return lines.length;
  }

  private blank(i: number): void {
    this.close(i - 1);
    if (this.state !== 'indented-code') this.state = 'none';
  }

  /** 4+ columns of indentation: a paragraph continues, anything else becomes indented code. */
  private indented(i: number): void {
    if (this.state === 'paragraph') {
      if (this.pseudo) this.pseudo.rows.push(this.row(i));
      return;
    }
    this.close(i - 1);
    this.state = 'indented-code';
    this.afterCode = true;
  }

  /** A line indented less than 4 columns: a block start, a body row, a table's header, or paragraph text. */
  private blockLine(i: number, s: string, idx: number): number {
    const context: StartContext = this.state === 'paragraph' ? 'paragraph' : this.afterCode ? 'after-indented-code' : 'document';
    const start = blockStart(s, idx, context);
    if (isContainer(start)) return this.bail(i, true);
    this.afterCode = false;
    if (this.state === 'indented-code') this.state = 'none';
    if (start.kind === 'setext-underline' && this.paraBracket) return this.bail(i, false);
    if (start.kind !== 'none') {
      this.leafBlock(i, s, idx, start);
      return i;
    }
    if (this.state === 'table' && this.table) return this.bodyRows(i, this.table);
    const last = this.tableStart(i, s, idx);
    if (last >= 0) return last;
    this.paragraphLine(i, s, idx);
    return i;
  }

  /** A heading, thematic break, setext underline, fence or HTML block: ends what is open, maybe opens a fence or HTML block. */
  private leafBlock(i: number, s: string, idx: number, start: BlockStart): void {
    this.close(i - 1);
    this.state = 'none';
    if (start.kind === 'fence') {
      this.state = 'fenced-code';
      this.fence = start.fence;
    } else if (start.kind === 'html' && (endsAtBlankLine(start.html) || !htmlEndsOnOpeningLine(start.html, s, idx))) {
      this.state = 'html';
      this.html = start.html;
    }
  }

  /** Body row i and the pipe rows right after it (up to the next yield); returns the last one. */
  private bodyRows(i: number, table: ParsedTable): number {
    const lines = this.lines;
    table.rows.push(this.row(i));
    while (i + 1 < lines.length && !shouldYield(i + 1) && pipeRow(lines[i + 1])) table.rows.push(this.row(++i));
    return i;
  }

  /**
   * Opens a table when line i (no table open; the paragraph, if any, is interrupted) is its header: the next
   * line is a delimiter row with as many cells. Returns the last line read, or -1 when no table starts.
   * A header that is one `|` is rejected; a delimiter row that starts a list item (`- | -`) is no delimiter row.
   */
  private tableStart(i: number, s: string, idx: number): number {
    const lines = this.lines;
    const next = i + 1 < lines.length && !(s.charCodeAt(idx) === PIPE && blankFrom(s, idx + 1)) ? lines[i + 1] : '';
    const align = parseDelimiterRow(next);
    if (!align || isContainer(blockStart(next, firstNonWs(next), 'paragraph'))) return -1;
    const header = this.row(i);
    if (header.cells.length !== align.length) return -1;
    this.close(i - 1);
    if (this.state === 'paragraph' && htmlStart(s, idx, false) === 'complete') {
      this.state = 'html';
      this.html = 'complete';
      return i;
    }
    const o = this.offset;
    this.table = parsedTable({ kind: 'gfm', startLine: i + o, endLine: i + 1 + o, header, delimiterLine: i + 1 + o, align, rows: [] });
    this.state = 'table';
    return i + 1;
  }

  /** A line of a paragraph: a row of the open pseudo-table, or a `|---|` line that opens one. */
  private paragraphLine(i: number, s: string, idx: number): void {
    if (this.state === 'none') {
      this.state = 'paragraph';
      this.paraBracket = s.charCodeAt(idx) === LBRACKET;
    }
    if (this.pseudo) this.pseudo.rows.push(this.row(i));
    else if (s.charCodeAt(idx) === PIPE) {
      const align = parseDelimiterRow(s);
      const o = this.offset;
      if (align)
        this.pseudo = parsedTable({
          kind: 'delimiter-first',
          startLine: i + o,
          endLine: i + o,
          header: null,
          delimiterLine: i + o,
          align,
          rows: [],
        });
    }
  }
}
