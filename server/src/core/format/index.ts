/**
 * The GFM table formatter: minimal edits (only the changed part of each changed table line) that align
 * the tables of a page. Text outside tables, line endings, the final newline and the BOM never change.
 */
import { Engine } from '../engine';
import type { PageModel, TableModel } from '../model/types';
import type { TextEdit } from '../types';
import { layoutTable, type FormatOptions } from './table';

export { DEFAULT_FORMAT_OPTIONS, layoutTable, type FormatOptions, type FormatStyle } from './table';
export { displayWidth } from './width';

export type FormattablePage = Pick<PageModel, 'lines' | 'tables'>;

/** Inclusive line span of a table. */
export function tableLines(t: TableModel): { start: number; end: number } {
  return { start: t.parsed.startLine, end: t.parsed.endLine };
}

/** The GFM table (with a header) that contains `line`, or null. */
export function tableAtLine(page: FormattablePage, line: number): TableModel | null {
  return page.tables.find((t) => t.parsed.kind === 'gfm' && t.parsed.header !== null && t.parsed.startLine <= line && line <= t.parsed.endLine) ?? null;
}

/** GFM tables that intersect the inclusive line span. */
export function tablesInLines(page: FormattablePage, start: number, end: number): TableModel[] {
  return page.tables.filter((t) => t.parsed.kind === 'gfm' && t.parsed.header !== null && t.parsed.startLine <= end && start <= t.parsed.endLine);
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** The edit turning `old` into `next` on one line: only the differing middle part (never splitting a surrogate pair), or null. */
function lineEdit(line: number, old: string, next: string, from: number): TextEdit | null {
  if (old.length === next.length && old === next) return null;
  let p = from;
  const max = Math.min(old.length, next.length);
  while (p < max && old.charCodeAt(p) === next.charCodeAt(p)) p++;
  if (p > from && isHigh(old.charCodeAt(p - 1))) p--;
  let s = 0;
  while (s < max - p && old.charCodeAt(old.length - 1 - s) === next.charCodeAt(next.length - 1 - s)) s++;
  if (s > 0 && isLow(old.charCodeAt(old.length - s))) s--;
  return {
    range: { start: { line, character: p }, end: { line, character: old.length - s } },
    newText: next.slice(p, next.length - s),
  };
}

/** Edits that format `tables` (all GFM tables of the page when omitted), in document order; none when already formatted. */
export function formatTables(page: FormattablePage, options: FormatOptions, tables: readonly TableModel[] = page.tables): TextEdit[] {
  const texts = page.lines.map((l) => l.text);
  const edits: TextEdit[] = [];
  for (const t of tables) {
    const layout = layoutTable(texts, t, options);
    if (!layout) continue;
    for (const l of layout) {
      const old = texts[l.line];
      const edit = lineEdit(l.line, old, old.slice(0, l.from) + l.text, l.from);
      if (edit) edits.push(edit);
    }
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

/** The text with all its GFM tables formatted (CLI, tests). `engine` keeps its region cache between calls. */
export function formatText(text: string, options: FormatOptions, engine: Engine = new Engine()): { text: string; edits: TextEdit[] } {
  const page = engine.model(text);
  const edits = formatTables(page, options);
  return { text: edits.length ? applyLineEdits(page, edits) : text, edits };
}
