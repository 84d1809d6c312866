/**
 * The region cache: which regions' facts are reused between versions of a page. A region met again with
 * the same lines is taken as it was (or moved, when lines were added or removed above it); any other
 * region is read again (region-read.ts).
 */
import { sameElements } from '../arrays';
import { drain, shouldYield, type Steps } from '../incremental/steps';
import { parseRegionSteps, type RegionInfo, type RegionReadOptions } from './region-read';
import { parsedTable, type ParsedTable, type TableRow } from './table-row';

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
    tables.push(
      parsedTable({
        ...t,
        startLine: t.startLine + by,
        endLine: t.endLine + by,
        delimiterLine: t.delimiterLine + by,
        header: t.header && moveRow(t.header, by),
        rows,
      }),
    );
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

  constructor(private readonly options: RegionReadOptions = {}) {}

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
      entry = {
        lines,
        offset,
        info: entry ? yield* moveInfo(entry.info, offset - entry.offset) : yield* parseRegionSteps(lines, offset, this.options),
      };
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
