/**
 * Reads one Markdown region into the few facts the page model needs (headings, list items, tables).
 * Tables take the fast path (our own GFM scanner) whenever `scanTables` says it is exact; the rest of
 * the region is read by the line reader (line-read.ts) when it accepts it, else by remark
 * (remark-adapter.ts), which is then loaded. A region too large or nested too deeply for the parser is
 * read line by line (degraded). Which regions are read again is the region cache's business (region.ts).
 */
import { drain, type Steps } from '../incremental/steps';
import { atxHeadingLevel, atxHeadingText, listMarkerEnd } from './block-start';
import { columnOf, firstNonWs, isWs } from './chars';
import { readByLines } from './line-read';
import { readWithRemark } from './remark-adapter';
import { scanTablesSteps } from './table-scan';
import type { ParsedTable } from './table-row';

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

/** How regions are read. */
export interface RegionReadOptions {
  /** Every region through remark, never the line reader: the reference the differential test compares with. */
  readonly alwaysParse?: boolean;
  /** Told of each text given to remark, with the reason the line reader refused it (null: not asked). Counting tools use it. */
  readonly onParse?: (text: string, refused: string | null) => void;
}

/** Larger prose than this is read line by line: remark parses about 0.3 MB/s, a typist must not wait. */
export const MAX_PARSE_CHARS = 200_000;

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

/**
 * Each character of a line's leading run of spaces, tabs, `>` and list markers adds at most two levels to
 * maxNesting's estimate (a marker one, and one per two columns of indentation before it, a tab being four):
 * a region in which no line starts with MAX_NESTING / 2 of them nests no deeper than MAX_NESTING. Speed: one
 * search of the region's text instead of a step of our code per line.
 */
const DEEP_PREFIX = new RegExp(`^[ \\t>*+-]{${Math.ceil(MAX_NESTING / 2)}}`, 'm');

const NOT_SPACE = /\S/;

/**
 * The line-by-line reading used when a region cannot be parsed: ATX headings, and list items at any
 * indentation (a marker, whitespace, then content; depth from the indentation).
 */
function collectByLines(lines: readonly string[], into: RegionInfo, offset: number): void {
  lines.forEach((text, i) => {
    const line = i + offset;
    const idx = firstNonWs(text);
    const level = columnOf(text, idx) < 4 ? atxHeadingLevel(text, idx) : 0;
    if (level > 0) {
      into.headings.push({ line, level, text: atxHeadingText(text, idx, level).trim() });
      return;
    }
    const marker = listMarkerEnd(text, idx, false);
    let content = marker;
    while (content >= 0 && content < text.length && isWs(text.charCodeAt(content))) content++;
    if (marker >= 0 && content > marker && NOT_SPACE.test(text.charAt(content))) {
      into.listItems.push({ line, contentColumn: content, depth: Math.floor(idx / 2) });
    }
  });
}

/**
 * Reads with the line reader when it accepts the region (only the rest of the region beside the tables
 * the scanner read: `withTables` false), else parses with remark, or reads line by line when the text is
 * too large or nests too deeply for the parser.
 */
function parseOrDegrade(lines: readonly string[], info: RegionInfo, withTables: boolean, offset: number, options: RegionReadOptions): void {
  const text = lines.join('\n');
  if (text.length > MAX_PARSE_CHARS) {
    info.degraded = `${Math.round(text.length / 1024)} KB of text in one block (over ${MAX_PARSE_CHARS / 1000} K characters)`;
    collectByLines(lines, info, offset);
    return;
  }
  const depth = DEEP_PREFIX.test(text) ? maxNesting(lines) : 0;
  if (depth > MAX_NESTING) {
    info.degraded = `nesting ${depth} levels deep (over ${MAX_NESTING})`;
    collectByLines(lines, info, offset);
    return;
  }
  let refused: string | null = null;
  if (!withTables && !options.alwaysParse) {
    const facts = readByLines(lines, offset);
    if (typeof facts !== 'string') {
      info.headings = facts.headings;
      info.listItems = facts.listItems;
      info.literalLines = facts.literalLines;
      return;
    }
    refused = facts;
  }
  options.onParse?.(text, refused);
  try {
    readWithRemark(text, lines, info, withTables, offset);
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

/** The facts of one region whose first line is line `offset` of the page (all line numbers are the page's). */
export function parseRegion(lines: readonly string[], offset = 0, options: RegionReadOptions = {}): RegionInfo {
  return drain(parseRegionSteps(lines, offset, options));
}

/** parseRegion, yielding while it scans a long region (remark's parse of the prose cannot yield). */
export function* parseRegionSteps(lines: readonly string[], offset = 0, options: RegionReadOptions = {}): Steps<RegionInfo> {
  const info: RegionInfo = { headings: [], listItems: [], tables: [], literalLines: [] };
  const scan = yield* scanTablesSteps(lines, offset);
  if (scan.exact) {
    const rest = lines.slice();
    for (const t of scan.tables) {
      if (t.kind === 'gfm') for (let l = t.startLine; l <= t.endLine; l++) rest[l - offset] = '';
      info.tables.push(t);
    }
    yield;
    if (rest.some((l) => l.trim() !== '')) parseOrDegrade(rest, info, false, offset, options);
  } else {
    parseOrDegrade(lines, info, true, offset, options);
    // Read line by line, the tables the scanner found before it stopped are still the best reading.
    for (const t of scan.tables) if (t.kind === 'delimiter-first' || info.degraded) info.tables.push(t);
  }
  info.tables.sort((a, b) => a.startLine - b.startLine);
  return info;
}
