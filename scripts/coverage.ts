// Coverage of our own sources (server/src, shared, client/src) from the V8 coverage that Node writes
// for every process when NODE_V8_COVERAGE is set, mapped back through the esbuild source maps (Node 20's
// --experimental-test-coverage cannot map bundles; c8 is not a dependency). Like c8:
// - lines: a source line with generated code is covered when code mapped to it ran, in any process;
// - functions: V8's function ranges, by the source position they start at;
// - branches: V8's block ranges (the arms of if/else, ?:, ||, loops, catch…) that V8 reported; a block
//   V8 does not report ran as often as its function, so it counts as covered wherever its function ran.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

interface V8Range {
  startOffset: number;
  endOffset: number;
  count: number;
}
interface V8Function {
  functionName: string;
  ranges: V8Range[];
  isBlockCoverage: boolean;
}
interface V8Script {
  url: string;
  functions: V8Function[];
}

/** One mapping of a bundle: generated offset → source index, 0-based source line and column. */
interface Segment {
  offset: number;
  source: number;
  line: number;
  column: number;
}
interface Mapped {
  sources: string[];
  segments: Segment[];
}

/** Lines of one source file: how many have code, how many of those ran, the 1-based lines that did not. */
export interface FileLines {
  covered: number;
  total: number;
  missed: number[];
}

export interface CoverageSummary {
  lines: { covered: number; total: number };
  branches: { covered: number; total: number };
  functions: { covered: number; total: number };
  files: number;
  processes: number;
}

const B64 = new Map([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));

/** Decodes one Base64 VLQ field list (`AAAA,CAAC`…) of a source map's `mappings` line. */
function vlq(field: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const c of field) {
    const d = B64.get(c) ?? 0;
    value += (d & 31) << shift;
    if (d & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** The source map of a generated file (`file.js.map` next to it), decoded into segments by generated offset. */
function loadMapped(file: string, root: string, wanted: (path: string) => boolean): Mapped | undefined {
  const mapFile = `${file}.map`;
  if (!existsSync(mapFile) || !existsSync(file)) return undefined;
  const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[]; sourceRoot?: string; mappings: string };
  const sources = map.sources.map((s) =>
    relative(root, resolve(dirname(mapFile), map.sourceRoot ?? '', s))
      .split(sep)
      .join('/'),
  );
  const keep = sources.map(wanted);
  if (!keep.some(Boolean)) return undefined;
  const code = readFileSync(file, 'utf8');
  const lineStarts = [0];
  for (let i = code.indexOf('\n'); i >= 0; i = code.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const segments: Segment[] = [];
  let source = 0;
  let line = 0;
  let column = 0;
  map.mappings.split(';').forEach((generatedLine, g) => {
    let gc = 0;
    for (const field of generatedLine.split(',')) {
      if (!field) continue;
      const v = vlq(field);
      gc += v[0];
      if (v.length < 4) continue;
      source += v[1];
      line += v[2];
      column += v[3];
      // UTF-16 columns, like V8's offsets; the bundles are ASCII-only code with escaped strings mostly.
      if (keep[source]) segments.push({ offset: (lineStarts[g] ?? 0) + gc, source, line, column });
    }
  });
  return { sources, segments };
}

/** The last segment at or before `offset` (segments sorted by offset), if it is within `limit` characters. */
function segmentAt(segments: readonly Segment[], offset: number, end: number): Segment | undefined {
  let lo = 0;
  let hi = segments.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid].offset <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // The segment just after the start when the range opens between two mappings (a function's `(`).
  const next = segments[found + 1] as Segment | undefined; // none after the last
  if (next && next.offset < end && (found < 0 || segments[found].offset < offset)) return next;
  return found >= 0 ? segments[found] : undefined;
}

/** What the processes' reports add up to, keyed by source position (see `summariseCoverage`). */
interface Tally {
  lines: Map<string, boolean>; // "path:line" → covered
  functions: Map<string, boolean>; // "path:line:col" → called
  functionRuns: Map<string, number>; // function key → processes where it ran
  branchZero: Map<string, { fn: string; zeroWhereRan: number; ranSomewhere: boolean }>;
}

/** The scripts of each coverage-*.json of `dir`, one list per process; a report that does not parse is skipped. */
function* processReports(dir: string): Generator<V8Script[]> {
  for (const name of existsSync(dir) ? readdirSync(dir).filter((n) => /^coverage-.*\.json$/.test(n)) : []) {
    let result: V8Script[];
    try {
      result = (JSON.parse(readFileSync(join(dir, name), 'utf8')) as { result: V8Script[] }).result;
    } catch {
      continue; // a process killed while writing its report
    }
    yield result;
  }
}

/** "path:line" (1-based line) of a segment. */
function lineKey(m: Mapped, s: Segment): string {
  return `${m.sources[s.source]}:${s.line + 1}`;
}

/** Marks each mapped line of a script covered when the innermost range around its code ran. */
function tallyLines(m: Mapped, script: V8Script, lines: Tally['lines']): void {
  // Innermost range per segment: ranges sorted outer-first, swept with a stack (V8's ranges nest).
  const ranges = script.functions.flatMap((f) => f.ranges.map((r, i) => ({ ...r, fn: f, block: i > 0 })));
  ranges.sort((a, b) => a.startOffset - b.startOffset || b.endOffset - a.endOffset);
  const stack: typeof ranges = [];
  let next = 0;
  for (const s of m.segments) {
    while (next < ranges.length && ranges[next].startOffset <= s.offset) {
      while (stack.length && stack[stack.length - 1].endOffset <= ranges[next].startOffset) stack.pop();
      stack.push(ranges[next++]);
    }
    while (stack.length && stack[stack.length - 1].endOffset <= s.offset) stack.pop();
    const count = stack.length ? stack[stack.length - 1].count : 1; // module top level: ran
    const k = lineKey(m, s);
    lines.set(k, (lines.get(k) ?? false) || count > 0);
  }
}

/** Counts the blocks (ranges after the first) of one function whose function key is `fk`. */
function tallyBranches(m: Mapped, f: V8Function, whole: V8Range, fk: string, branchZero: Tally['branchZero']): void {
  for (const r of f.ranges.slice(1)) {
    const b = segmentAt(m.segments, r.startOffset, r.endOffset);
    if (!b || b.offset >= r.endOffset) continue;
    const bk = `${lineKey(m, b)}:${b.column + 1}@${r.endOffset - r.startOffset}`;
    const e = branchZero.get(bk) ?? { fn: fk, zeroWhereRan: 0, ranSomewhere: false };
    if (r.count > 0) e.ranSomewhere = true;
    else if (whole.count > 0) e.zeroWhereRan++;
    branchZero.set(bk, e);
  }
}

/** Counts the functions of a script that map to a wanted source, and their blocks. */
function tallyFunctions(m: Mapped, script: V8Script, tally: Tally): void {
  for (const f of script.functions) {
    const whole = f.ranges[0] as V8Range | undefined; // a report's function without a range: nothing to count
    if (!whole) continue;
    const at = segmentAt(m.segments, whole.startOffset, whole.endOffset);
    if (!at || at.offset >= whole.endOffset) continue;
    const fk = `${lineKey(m, at)}:${at.column + 1}`;
    tally.functions.set(fk, (tally.functions.get(fk) ?? false) || whole.count > 0);
    if (whole.count > 0) tally.functionRuns.set(fk, (tally.functionRuns.get(fk) ?? 0) + 1);
    tallyBranches(m, f, whole, fk, tally.branchZero);
  }
}

/** Per source file: lines with code, lines covered, the lines missed. */
function linesPerFile(lines: Tally['lines']): Map<string, FileLines> {
  const perFile = new Map<string, FileLines>();
  for (const [k, covered] of lines) {
    const colon = k.lastIndexOf(':');
    const path = k.slice(0, colon);
    const e = perFile.get(path) ?? { covered: 0, total: 0, missed: [] };
    e.total++;
    if (covered) e.covered++;
    else e.missed.push(Number(k.slice(colon + 1)));
    perFile.set(path, e);
  }
  return perFile;
}

function countTrue(values: Iterable<boolean>): { covered: number; total: number } {
  let covered = 0;
  let total = 0;
  for (const v of values) {
    total++;
    if (v) covered++;
  }
  return { covered, total };
}

/** Reads every coverage-*.json of `dir` and sums coverage of the sources `wanted` accepts (repository-relative paths). */
export function summariseCoverage(
  dir: string,
  root: string,
  wanted: (path: string) => boolean,
): CoverageSummary & { perFile: Map<string, FileLines> } {
  const mapped = new Map<string, Mapped | undefined>();
  const tally: Tally = { lines: new Map(), functions: new Map(), functionRuns: new Map(), branchZero: new Map() };
  let processes = 0;
  for (const result of processReports(dir)) {
    processes++;
    for (const script of result) {
      if (!script.url.startsWith('file://')) continue;
      const file = fileURLToPath(script.url);
      if (!mapped.has(file)) mapped.set(file, loadMapped(file, root, wanted));
      const m = mapped.get(file);
      if (!m) continue;
      tallyLines(m, script, tally.lines);
      tallyFunctions(m, script, tally);
    }
  }
  const perFile = linesPerFile(tally.lines);
  // A reported block is covered when it ran somewhere, or when its function ran in a process that did not report it as not run.
  const branchCovered = [...tally.branchZero.values()].map((e) => e.ranSomewhere || (tally.functionRuns.get(e.fn) ?? 0) > e.zeroWhereRan);
  return {
    lines: countTrue(tally.lines.values()),
    functions: countTrue(tally.functions.values()),
    branches: countTrue(branchCovered),
    files: perFile.size,
    processes,
    perFile,
  };
}

const pct = (x: { covered: number; total: number }): string => (x.total ? ((100 * x.covered) / x.total).toFixed(1) : '100.0');

/** `coverage: lines N%, branches N%, functions N%` */
export function coverageLine(s: CoverageSummary): string {
  return `coverage: lines ${pct(s.lines)}%, branches ${pct(s.branches)}%, functions ${pct(s.functions)}%`;
}
