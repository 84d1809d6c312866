/**
 * Tabular text in and out of Markdown tables: CSV and TSV (a spreadsheet's copy) read with quoted
 * fields, an HTML table read by a small tolerant reader (no DOM: tags found by a linear scan, entities
 * decoded), rows written as an aligned GFM table with pipes escaped; a table written back as CSV.
 */
import type { Align } from '../../markdown/table';
import type { FormatOptions } from '../../format';
import { renderGrid, type Grid } from './grid';

export type TabularKind = 'csv' | 'tsv' | 'html';

/** Rows of a delimited text (RFC 4180 quoting: `"a, b"`, `""` for a quote, line breaks inside quotes). */
export function readDelimited(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  const endRow = (): void => {
    row.push(field);
    rows.push(row);
    row = [];
    field = '';
  };
  while (i < n) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      endRow();
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else field += ch;
    i++;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|<!--[\s\S]*?-->/g;

/** Builds rows from the tags of one HTML table as they come (missing end tags close what they must). */
class HtmlRows {
  readonly rows: string[][] = [];
  private row: string[] | null = null;
  /** The open cell's raw text, or null outside a cell. */
  cell: string | null = null;
  private span = 1;

  closeCell(): void {
    if (this.row && this.cell !== null) {
      this.row.push(decodeEntities(this.cell).replace(/\s+/g, ' ').trim());
      for (let k = 1; k < this.span; k++) this.row.push('');
    }
    this.cell = null;
  }

  closeRow(): void {
    this.closeCell();
    if (this.row && this.row.length > 0) this.rows.push(this.row);
    this.row = null;
  }

  /** A tag of the table itself (not of a nested table). */
  tag(name: string, closing: boolean, attributes: string): void {
    if (name === 'tr') {
      this.closeRow();
      if (!closing) this.row = [];
    } else if (name === 'td' || name === 'th') {
      this.closeCell();
      if (closing) return;
      this.row ??= [];
      this.cell = '';
      const colspan = /colspan\s*=\s*["']?(\d+)/i.exec(attributes);
      this.span = colspan ? Math.min(Number(colspan[1]), 100) : 1;
    } else if (BREAKS.has(name)) this.space();
  }

  /** Keeps words of a cell apart where a tag separated them. */
  space(): void {
    if (this.cell !== null) this.cell += ' ';
  }
}

const BREAKS = new Set(['br', 'p', 'div', 'li']);

/** Rows of the first HTML table of a text (its `<tr>`s, cells `<td>`/`<th>`, `colspan` as empty cells), or null when it has none. */
export function readHtmlTable(html: string): string[][] | null {
  const start = html.search(/<table[\s>]/i);
  if (start < 0) return null;
  const out = new HtmlRows();
  let depth = 0;
  let last = start;
  TAG.lastIndex = start;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    if (out.cell !== null) out.cell += html.slice(last, m.index);
    last = TAG.lastIndex;
    if (m[0].startsWith('<!--')) continue;
    const name = m[2].toLowerCase();
    const closing = m[1] === '/';
    if (name === 'table') {
      out.space();
      depth += closing ? -1 : 1;
      if (depth === 0) break;
    } else if (depth === 1) out.tag(name, closing, m[3]);
    else out.space(); // a nested table's cells: words kept apart
  }
  out.closeRow();
  return out.rows.length > 0 ? out.rows : null;
}

/** What a pasted text is: HTML with a table, TSV (a tab in its first line), CSV (commas or semicolons and at least two rows), or null. */
export function detectTabular(text: string): { kind: TabularKind; separator: string } | null {
  if (/<table[\s>]/i.test(text)) return { kind: 'html', separator: '' };
  const first = text.split(/\r?\n|\r/, 1)[0];
  if (first.includes('\t')) return { kind: 'tsv', separator: '\t' };
  const rows = text.split(/\r?\n|\r/).filter((l) => l.trim() !== '');
  if (rows.length < 2) return null;
  for (const sep of [',', ';']) {
    const counts = readDelimited(text, sep).map((r) => r.length);
    if (counts.length >= 2 && counts[0] > 1 && counts.every((c) => c === counts[0])) return { kind: 'csv', separator: sep };
  }
  return null;
}

/** Rows of a CSV, TSV or HTML text (auto-detected when `kind` is absent), or null when it is none of them. */
export function readTabular(text: string, kind?: TabularKind): string[][] | null {
  const found = kind
    ? { kind, separator: kind === 'tsv' ? '\t' : kind === 'csv' ? (detectTabular(text)?.separator ?? ',') : '' }
    : detectTabular(text);
  if (!found) return null;
  const rows = found.kind === 'html' ? readHtmlTable(text) : readDelimited(text, found.separator);
  return rows && rows.length > 0 ? rows : null;
}

/** A value as a GFM cell: one line, every `|` escaped (a run of backslashes before it made odd). */
export function escapeCell(value: string): string {
  return value
    .replace(/\r\n|\r|\n/g, '<br>')
    .replace(/(\\*)\|/g, (_m, bs: string) => `${bs}${bs.length % 2 === 0 ? '\\' : ''}|`)
    .trim();
}

/** A cell's text as a value: `\|` read as `|`. */
export function unescapeCell(text: string): string {
  return text.replace(/\\\|/g, '|');
}

/** Rows (the first is the header) as the lines of an aligned GFM table; `prefix` starts every line (a block quote's `> `). */
export function tableLines(rows: readonly (readonly string[])[], options: FormatOptions, prefix = ''): string[] {
  const columns = Math.max(1, ...rows.map((r) => r.length));
  const cells = rows.map((r) => Array.from({ length: columns }, (_, c) => escapeCell(r[c] ?? '')));
  const grid: Grid = {
    startLine: 0,
    rows: cells.map((c) => ({ prefix, cells: c })),
    delimiterPrefix: prefix,
    align: new Array<Align>(columns).fill(null),
    eol: '\n',
  };
  return renderGrid(grid, options).lines;
}

function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The grid's rows as CSV (header first), cells unescaped, with `eol` after each row. */
export function gridToCsv(grid: Grid, eol = '\n'): string {
  const columns = grid.align.length;
  return grid.rows
    .map(
      (r) =>
        r.cells
          .slice(0, columns)
          .map((c) => csvField(unescapeCell(c)))
          .join(',') + eol,
    )
    .join('');
}
