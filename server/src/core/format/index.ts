/**
 * The GFM table formatter: minimal edits (only the changed part of each changed table line) that align
 * the tables of a page. Text outside tables, line endings, the final newline and the BOM never change.
 */
import { Engine } from '../engine';
import type { PageModel, TableModel } from '../model/page-model';
import type { TextEdit } from '../findings';
import { layoutTable, type FormatOptions } from './layout';

export {
  DEFAULT_FORMAT_OPTIONS,
  DEFAULT_MAX_COLUMN_WIDTH,
  delimiterCell,
  layoutTable,
  MIN_WIDTH,
  pad,
  type FormatOptions,
  type FormatStyle,
  type LineSink,
} from './layout';
export { displayWidth } from './width';

export type FormattablePage = Pick<PageModel, 'lines' | 'tables'>;

/** Inclusive line span of a table. */
export function tableLines(t: TableModel): { start: number; end: number } {
  return { start: t.parsed.startLine, end: t.parsed.endLine };
}

/** The GFM table (with a header) that contains `line`, or null. */
export function tableAtLine(page: FormattablePage, line: number): TableModel | null {
  return (
    page.tables.find(
      (t) => t.parsed.kind === 'gfm' && t.parsed.header !== null && t.parsed.startLine <= line && line <= t.parsed.endLine,
    ) ?? null
  );
}

/** GFM tables that intersect the inclusive line span. */
export function tablesInLines(page: FormattablePage, start: number, end: number): TableModel[] {
  return page.tables.filter(
    (t) => t.parsed.kind === 'gfm' && t.parsed.header !== null && t.parsed.startLine <= end && start <= t.parsed.endLine,
  );
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/**
 * The edit that replaces `old` from column `from` on with `text`: only the differing middle part (never
 * splitting a surrogate pair), or null when nothing differs.
 */
export function lineEdit(line: number, old: string, from: number, text: string): TextEdit | null {
  const oldLength = old.length - from;
  const max = Math.min(oldLength, text.length);
  let p = 0;
  while (p < max && old.charCodeAt(from + p) === text.charCodeAt(p)) p++;
  if (p === oldLength && p === text.length) return null;
  if (p > 0 && isHigh(text.charCodeAt(p - 1))) p--;
  let s = 0;
  while (s < max - p && old.charCodeAt(old.length - 1 - s) === text.charCodeAt(text.length - 1 - s)) s++;
  if (s > 0 && isLow(text.charCodeAt(text.length - s))) s--;
  return {
    range: { start: { line, character: from + p }, end: { line, character: old.length - s } },
    newText: text.slice(p, text.length - s),
  };
}

/** Edits that format `tables` (all GFM tables of the page when omitted), in document order; none when already formatted. */
export function formatTables(page: FormattablePage, options: FormatOptions, tables: readonly TableModel[] = page.tables): TextEdit[] {
  const texts = page.lines.map((l) => l.text);
  const edits: TextEdit[] = [];
  const emit = (line: number, from: number, text: string): void => {
    const edit = lineEdit(line, texts[line], from, text);
    if (edit) edits.push(edit);
  };
  for (const t of tables) {
    // A BOM left in the text (editors and the CLI strip it) would read as part of a first-line table's first cell.
    if (t.parsed.startLine === 0 && texts[0].charCodeAt(0) === 0xfeff) continue;
    layoutTable(texts, t, options, emit);
  }
  edits.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return edits;
}

/** Applies non-overlapping single-line edits in document order (as returned by formatTables). */
export function applyLineEdits(page: Pick<PageModel, 'lines'>, edits: readonly TextEdit[]): string {
  const parts: string[] = [];
  let e = 0;
  for (let i = 0; i < page.lines.length; i++) {
    const l = page.lines[i];
    let text = l.text;
    let shift = 0;
    for (; e < edits.length && edits[e].range.start.line === i; e++) {
      const { range, newText } = edits[e];
      text = text.slice(0, range.start.character + shift) + newText + text.slice(range.end.character + shift);
      shift += newText.length - (range.end.character - range.start.character);
    }
    parts.push(text, l.eol);
  }
  return parts.join('');
}

/**
 * The text with all its GFM tables formatted (CLI, tests), and the edits (positions in `text`). A BOM is
 * kept and not read as text. `engine` keeps its region cache between calls.
 */
export function formatText(text: string, options: FormatOptions, engine: Engine = new Engine()): { text: string; edits: TextEdit[] } {
  const bom = text.charCodeAt(0) === 0xfeff;
  const body = bom ? text.slice(1) : text;
  const page = engine.model(body);
  const edits = formatTables(page, options);
  if (edits.length === 0) return { text, edits };
  const out = applyLineEdits(page, edits);
  if (!bom) return { text: out, edits };
  const shift = (p: { line: number; character: number }): { line: number; character: number } =>
    p.line === 0 ? { line: 0, character: p.character + 1 } : p;
  return {
    text: `\uFEFF${out}`,
    edits: edits.map((e) => ({ range: { start: shift(e.range.start), end: shift(e.range.end) }, newText: e.newText })),
  };
}
