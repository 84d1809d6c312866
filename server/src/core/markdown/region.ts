/**
 * Parses one Markdown region into the few facts the page model needs (headings, list items, tables).
 * Tables take the fast path (our own GFM row splitter) whenever `scanTables` says it is exact; the rest
 * of the region goes through remark-parse + remark-gfm. Results are cached by the region's text.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Nodes, Root, RootContent, Table as MdTable } from 'mdast';
import { sameElements } from '../arrays';
import { drain, shouldYield, type Steps } from '../incremental/steps';
import { parsedTable, parseDelimiterRow, scanTablesSteps, tableRowAt, type ParsedTable, type TableRow } from './table';

export interface HeadingInfo {
  /** Line of the page. */
  line: number;
  level: number;
  text: string;
}

export interface ListItemInfo {
  line: number;
  /** Column of the item's content (after the marker). */
  contentColumn: number;
  depth: number;
}

export interface RegionInfo {
  headings: HeadingInfo[];
  listItems: ListItemInfo[];
  /** Tables (lines of the page). */
  tables: ParsedTable[];
  /** Lines inside indented code blocks or raw HTML, where values are not read. */
  literalLines: number[];
  /** Why the region was read line by line instead of parsed (too large, or nested too deeply). */
  degraded?: string;
}

/** Larger prose than this is read line by line: remark parses about 0.3 MB/s, a typist must not wait. */
export const MAX_PARSE_CHARS = 200_000;

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const LIST_ITEM = /^([ \t]*)([*+-]|\d{1,9}[.)])([ \t]+)\S/;

/** Deeper block nesting than this is read line by line: the parser recurses once per level. */
export const MAX_NESTING = 100;

/**
 * A cheap estimate of block nesting: block-quote and list markers at the start of a line, plus the
 * indentation before a marker (each nested list level indents its items). Indented text without a
 * marker (a wrapped table cell) is not nesting.
 */
function maxNesting(lines: readonly string[]): number {
  let max = 0;
  for (const line of lines) {
    let depth = 0;
    let indent = 0;
    let i = 0;
    for (;;) {
      const c = line.charCodeAt(i);
      if (c === 32 || c === 9) {
        indent += c === 9 ? 4 : 1;
        i++;
      } else if (c === 62 /* > */) {
        depth++;
        i++;
      } else if ((c === 45 || c === 42 || c === 43) && (line.charCodeAt(i + 1) === 32 || line.charCodeAt(i + 1) === 9)) {
        depth += 1 + (indent >> 1);
        indent = 0;
        i++;
      } else break;
    }
    max = Math.max(max, depth);
  }
  return max;
}

/** The line-by-line reading used when a region cannot be parsed: ATX headings and list items only. */
function collectByLines(lines: readonly string[], into: RegionInfo, offset: number): void {
  lines.forEach((text, i) => {
    const line = i + offset;
    const h = HEADING.exec(text);
    if (h) {
      into.headings.push({ line, level: h[1].length, text: (h[2] ?? '').trim() });
      return;
    }
    const li = LIST_ITEM.exec(text);
    if (li) into.listItems.push({ line, contentColumn: li[1].length + li[2].length + li[3].length, depth: Math.floor(li[1].length / 2) });
  });
}

/** Parses with remark, or reads line by line when the text is too large or nests too deeply for the parser. */
function parseOrDegrade(lines: readonly string[], info: RegionInfo, withTables: boolean, offset: number): void {
  const text = lines.join('\n');
  if (text.length > MAX_PARSE_CHARS) {
    info.degraded = `${Math.round(text.length / 1024)} KB of text in one block (over ${MAX_PARSE_CHARS / 1000} K characters)`;
    collectByLines(lines, info, offset);
    return;
  }
  const depth = maxNesting(lines);
  if (depth > MAX_NESTING) {
    info.degraded = `nesting ${depth} levels deep (over ${MAX_NESTING})`;
    collectByLines(lines, info, offset);
    return;
  }
  try {
    collect(processor.parse(text), lines, info, withTables, offset);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    info.headings = [];
    info.listItems = [];
    info.literalLines = [];
    info.tables = info.tables.filter((t) => t.kind !== 'gfm' || !withTables);
    info.degraded = 'nesting too deep to parse';
    collectByLines(lines, info, offset);
  }
}

const processor = unified().use(remarkParse).use(remarkGfm);

export function mdastText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(mdastText).join('');
  return '';
}

function tableFromMdast(node: MdTable, lines: readonly string[], offset: number): ParsedTable | null {
  const rows: TableRow[] = [];
  for (const row of node.children) {
    const pos = row.position;
    if (!pos) return null;
    const line = pos.start.line - 1;
    rows.push(tableRowAt(line + offset, lines[line], pos.start.column - 1));
  }
  if (rows.length === 0) return null;
  const header = rows[0];
  const delimiterLine = header.line + 1;
  const align = parseDelimiterRow(lines[delimiterLine - offset]?.trim() ?? '') ?? header.cells.map(() => null);
  const body = rows.slice(1);
  return parsedTable({
    kind: 'gfm', fromMdast: true, startLine: header.line, endLine: body.length ? body[body.length - 1].line : delimiterLine,
    header, delimiterLine, align, rows: body,
  });
}

function collect(root: Root, lines: readonly string[], into: RegionInfo, withTables: boolean, offset: number): void {
  const walk = (node: Root | RootContent, depth: number, phrasing = false): void => {
    const pos = node.position;
    switch (node.type) {
      case 'heading':
        if (pos) into.headings.push({ line: pos.start.line - 1 + offset, level: node.depth, text: mdastText(node).trim() });
        return;
      case 'listItem': {
        const first = node.children[0];
        if (pos) {
          into.listItems.push({
            line: pos.start.line - 1 + offset,
            contentColumn: first?.position && first.position.start.line === pos.start.line ? first.position.start.column - 1 : pos.start.column - 1,
            depth,
          });
        }
        for (const c of node.children) walk(c, depth + 1);
        return;
      }
      case 'table':
        if (withTables) {
          const t = tableFromMdast(node, lines, offset);
          if (t) into.tables.push(t);
        }
        return;
      case 'html':
      case 'code':
        // Inline HTML (`<s>`, `<br>`) inside text is not literal: the values around it are still read.
        if (pos && !(node.type === 'html' && phrasing)) for (let l = pos.start.line - 1; l <= pos.end.line - 1; l++) into.literalLines.push(l + offset);
        return;
      default:
        if ('children' in node) for (const c of node.children as RootContent[]) walk(c, depth, phrasing || node.type === 'paragraph');
    }
  };
  walk(root, 0);
}

/** The facts of one region whose first line is line `offset` of the page (all line numbers are the page's). */
export function parseRegion(lines: readonly string[], offset = 0): RegionInfo {
  return drain(parseRegionSteps(lines, offset));
}

/** parseRegion, yielding while it scans a long region (remark's parse of the prose cannot yield). */
export function* parseRegionSteps(lines: readonly string[], offset = 0): Steps<RegionInfo> {
  const info: RegionInfo = { headings: [], listItems: [], tables: [], literalLines: [] };
  const scan = yield* scanTablesSteps(lines, offset);
  if (scan.exact) {
    const rest = lines.slice();
    for (const t of scan.tables) {
      if (t.kind === 'gfm') for (let l = t.startLine; l <= t.endLine; l++) rest[l - offset] = '';
      info.tables.push(t);
    }
    yield;
    if (rest.some((l) => l.trim() !== '')) parseOrDegrade(rest, info, false, offset);
  } else {
    parseOrDegrade(lines, info, true, offset);
    // Read line by line, the tables the scanner found before it stopped are still the best reading.
    for (const t of scan.tables) if (t.kind === 'delimiter-first' || info.degraded) info.tables.push(t);
  }
  info.tables.sort((a, b) => a.startLine - b.startLine);
  return info;
}

function moveRow(r: TableRow, by: number): TableRow {
  return { line: r.line + by, cells: r.cells.map((c) => c.moved(by)), leadingPipe: r.leadingPipe, trailingPipe: r.trailingPipe };
}

/** The region's facts `by` lines further down (a region met again after lines were added or removed above it). */
function* moveInfo(info: RegionInfo, by: number): Steps<RegionInfo> {
  const tables: ParsedTable[] = [];
  for (const t of info.tables) {
    const rows: TableRow[] = [];
    for (let i = 0; i < t.rows.length; i++) {
      rows.push(moveRow(t.rows[i], by));
      if (shouldYield(i)) yield; // a pause point for the language server (see incremental/steps)
    }
    tables.push(parsedTable({ ...t, startLine: t.startLine + by, endLine: t.endLine + by, delimiterLine: t.delimiterLine + by, header: t.header && moveRow(t.header, by), rows }));
  }
  return {
    ...info,
    headings: info.headings.map((h) => ({ ...h, line: h.line + by })),
    listItems: info.listItems.map((it) => ({ ...it, line: it.line + by })),
    literalLines: info.literalLines.map((l) => l + by),
    tables,
  };
}

/** A cheap key of a region's lines (count, lengths, a character of each); entries are verified line by line. */
function regionKey(lines: readonly string[]): number {
  let h = lines.length;
  for (const t of lines) h = Math.imul(h ^ t.length ^ (t.charCodeAt(t.length >> 1) << 8) ^ (t.charCodeAt(t.length - 1) << 16), 0x01000193);
  return h >>> 0;
}

interface RegionEntry {
  lines: readonly string[];
  /** The page line the region started on when its facts were read. */
  offset: number;
  info: RegionInfo;
}

/**
 * A region cache keyed by content; entries not used by the latest page are dropped. It holds the
 * region's line strings (shared with the page), not a joined copy of its text.
 */
export class RegionCache {
  private current = new Map<number, RegionEntry[]>();
  private previous = new Map<number, RegionEntry[]>();

  get(lines: readonly string[], offset = 0): RegionInfo {
    return drain(this.getSteps(lines, offset));
  }

  /** The facts of the region starting on page line `offset` (read again, or moved from where it was seen). */
  *getSteps(lines: readonly string[], offset: number): Steps<RegionInfo> {
    const key = regionKey(lines);
    const find = (m: Map<number, RegionEntry[]>): RegionEntry | undefined => {
      const bucket = m.get(key);
      return bucket?.find((e) => e.offset === offset && sameElements(e.lines, lines)) ?? bucket?.find((e) => sameElements(e.lines, lines));
    };
    let entry = find(this.current);
    if (entry?.offset === offset) return entry.info;
    entry ??= find(this.previous);
    if (entry?.offset !== offset) {
      entry = { lines, offset, info: entry ? yield* moveInfo(entry.info, offset - entry.offset) : yield* parseRegionSteps(lines, offset) };
    }
    const bucket = this.current.get(key);
    if (bucket) bucket.push(entry);
    else this.current.set(key, [entry]);
    return entry.info;
  }

  /** Call after each full pass: keeps only what that pass used. */
  sweep(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}
