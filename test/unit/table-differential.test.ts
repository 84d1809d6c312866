// Over 300 lines: the differential test needs its own reading of remark's tree beside the cases it compares.
// Differential test: scanTables against remark-parse@11 + remark-gfm@4 on the real corpus and on generated tables.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as fc from 'fast-check';
import { budget, fuzzLabel, params } from '../helpers/fuzz';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Root, Table, TableCell as MdCell } from 'mdast';
import { scanTables, type ParsedTable, type TableRow } from '../../server/src/core/markdown/table';

const processor = unified().use(remarkParse).use(remarkGfm);

/** A table reduced to what both sides must agree on: row lines and, per cell, [text, start, end] (start/end -1 when unknown). */
interface Shape {
  startLine: number;
  rows: { line: number; cells: [string, number, number][] }[];
}

function fixturesDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'test', 'fixtures');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return join(process.cwd(), 'test', 'fixtures');
}

/** Leading `---` … `---` front matter replaced by blank lines (line numbers kept). */
function stripFrontMatter(lines: string[]): string[] {
  if (lines[0]?.trim() !== '---') return lines;
  const end = lines.findIndex((l, i) => i > 0 && (l.trim() === '---' || l.trim() === '...'));
  if (end < 0) return lines;
  return lines.map((l, i) => (i <= end ? '' : l));
}

const isBlank = (s: string): boolean => /^[ \t]*$/.test(s);
const lineStarts = (lines: string[]): number[] => {
  const starts: number[] = [];
  let offset = 0;
  for (const l of lines) {
    starts.push(offset);
    offset += l.length + 1;
  }
  return starts;
};

/**
 * Regions as the caller makes them: split at a blank line followed by a column-0 line, top-level fenced code left out.
 * The caller finds fenced code itself; here remark's top-level `code` (fenced) and `html` nodes say where they are, so that
 * a fence line inside an HTML block or a blank line inside a multi-line HTML block is not mistaken for a boundary.
 */
function regions(lines: string[], tree: Root): [number, number][] {
  const fenced = new Set<number>();
  const protectedLine = new Set<number>();
  for (const node of tree.children) {
    const a = (node.position?.start.line ?? 1) - 1;
    const b = (node.position?.end.line ?? 1) - 1;
    const isFence = node.type === 'code' && /^ {0,3}(`{3,}|~{3,})/.test(lines[a]);
    if (!isFence && node.type !== 'html') continue;
    for (let i = a; i <= b; i++) (isFence ? fenced : protectedLine).add(i);
  }
  const out: [number, number][] = [];
  let start = 0;
  const flush = (end: number): void => {
    if (end > start) out.push([start, end]);
  };
  for (let i = 0; i < lines.length; i++) {
    if (fenced.has(i)) {
      flush(i);
      start = i + 1;
      continue;
    }
    if (i > start && !protectedLine.has(i) && isBlank(lines[i - 1]) && !isBlank(lines[i]) && !/^[ \t]/.test(lines[i])) {
      flush(i);
      start = i;
    }
  }
  flush(lines.length);
  return out;
}

const isSpaceOrTab = (c: string): boolean => c === ' ' || c === '\t';

/**
 * The text of a cell spanning [start, end) of `src`: after its opening pipe, before its closing pipe (the last
 * cell's, when that pipe is not escaped), without the spaces and tabs around it.
 */
function cellTextBounds(src: string, start: number, end: number, last: boolean): [number, number] {
  let a = start;
  let b = end;
  if (src[a] === '|') a++;
  while (b > a && isSpaceOrTab(src[b - 1])) b--;
  if (last && b > a && src[b - 1] === '|') {
    let k = b - 1;
    while (k > a && src[k - 1] === '\\') k--;
    if ((b - 1 - k) % 2 === 0) b--;
  }
  while (a < b && isSpaceOrTab(src[a])) a++;
  while (b > a && isSpaceOrTab(src[b - 1])) b--;
  return [a, b];
}

/** The source text of a mdast cell between its delimiting pipes, trimmed like micromark (spaces and tabs only). */
function mdCell(src: string, cell: MdCell, last: boolean, lineStart: number): [string, number, number] {
  const pos = cell.position;
  assert.ok(pos);
  const [a, b] = cellTextBounds(src, pos.start.offset ?? 0, pos.end.offset ?? 0, last);
  const text = src.slice(a, b);
  const kids = cell.children;
  if (kids.length === 0) return [text, -1, -1];
  const first = kids[0].position?.start.offset ?? -1;
  const end = kids[kids.length - 1].position?.end.offset ?? -1;
  assert.equal(src.slice(first, end), text, 'cell children span = trimmed cell slice');
  return [text, first - lineStart, end - lineStart];
}

function remarkTables(src: string, tree: Root, starts: number[]): Shape[] {
  const out: Shape[] = [];
  const visit = (node: { type: string; children?: unknown[] }): void => {
    if (node.type === 'table') {
      const t = node as Table;
      const rows = t.children.map((r) => {
        const line = (r.position?.start.line ?? 0) - 1;
        return { line, cells: r.children.map((c, k) => mdCell(src, c, k === r.children.length - 1, starts[line])) };
      });
      out.push({ startLine: rows[0].line, rows });
      return;
    }
    for (const c of node.children ?? []) visit(c as { type: string; children?: unknown[] });
  };
  visit(tree);
  return out;
}

function scannerShape(t: ParsedTable): Shape {
  const rows: TableRow[] = t.header ? [t.header, ...t.rows] : t.rows;
  return {
    startLine: t.startLine,
    rows: rows.map((r) => ({
      line: r.line,
      cells: r.cells.map((c): [string, number, number] => [c.text, c.text ? c.start : -1, c.text ? c.end : -1]),
    })),
  };
}

interface Outcome {
  compared: number;
  fallbackRegions: number;
  fallbackTables: number;
  regions: number;
  pseudo: number;
}
const zero = (): Outcome => ({ compared: 0, fallbackRegions: 0, fallbackTables: 0, regions: 0, pseudo: 0 });
function add(total: Outcome, o: Outcome): void {
  total.compared += o.compared;
  total.fallbackRegions += o.fallbackRegions;
  total.fallbackTables += o.fallbackTables;
  total.regions += o.regions;
  total.pseudo += o.pseudo;
}

/** Compares remark's tables with the scanner's, region by region; throws on the first disagreement in an exact region. */
function compareDocument(text: string): Outcome {
  const lines = stripFrontMatter(text.split(/\r\n|\r|\n/));
  const src = lines.join('\n');
  const starts = lineStarts(lines);
  const tree = processor.parse(src);
  const expected = remarkTables(src, tree, starts);
  const outcome = zero();
  const claimed = new Set<number>();
  for (const [a, b] of regions(lines, tree)) {
    outcome.regions++;
    const result = scanTables(lines.slice(a, b));
    outcome.pseudo += result.tables.filter((t) => t.kind === 'delimiter-first').length;
    const inRegion = expected.filter((t) => t.startLine >= a && t.startLine < b);
    inRegion.forEach((t) => claimed.add(t.startLine));
    if (!result.exact) {
      outcome.fallbackRegions++;
      outcome.fallbackTables += inRegion.length;
      continue;
    }
    const got = result.tables
      .filter((t) => t.kind === 'gfm')
      .map(scannerShape)
      .map((s) => ({
        startLine: s.startLine + a,
        rows: s.rows.map((r) => ({ line: r.line + a, cells: r.cells })),
      }));
    assert.deepEqual(got, inRegion, `tables of region ${a + 1}-${b} (1-based lines):\n${lines.slice(a, b).join('\n')}`);
    outcome.compared += got.length;
  }
  const lost = expected.filter((t) => !claimed.has(t.startLine));
  assert.deepEqual(lost, [], 'every remark table lies in some region');
  return outcome;
}

function pages(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const sub of ['corpus', 'seeds']) {
    const dir = join(fixturesDir(), sub);
    for (const name of readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .sort()) {
      out.push({ name: `${sub}/${name}`, text: readFileSync(join(dir, name), 'utf8') });
    }
  }
  return out;
}

test('corpus and seed pages: scanner tables = remark-gfm tables in every exact region', () => {
  const total = zero();
  const list = pages();
  assert.ok(list.length >= 50, 'corpus present');
  for (const { name, text } of list) {
    let o: Outcome;
    try {
      o = compareDocument(text);
    } catch (e) {
      throw new Error(`${name}: ${(e as Error).message}`, { cause: e });
    }
    add(total, o);
  }
  console.log(
    `corpus: ${list.length} pages, ${total.regions} regions, ${total.compared} tables compared, ` +
      `${total.fallbackRegions} regions fell back (${total.fallbackTables} remark tables in them), ${total.pseudo} delimiter-first pseudo-tables`,
  );
  assert.ok(total.compared >= 70);
});

// ---- Generated tables ----

const cellContent = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'a',
    'Green',
    'Must',
    '**2015-05-06**',
    '<s>2014-11-12</s>',
    '<s>x</s><br> **y**',
    '\\|',
    'a \\| b',
    '`a|b`',
    '`x`',
    '\\\\',
    'x\\',
    '\\',
    '[link](http://example.com)',
    '[a|b](x)',
    '日本語',
    '🎉 emoji',
    'e\u0301',
    '\u00a0',
    'a\tb',
    ':',
    '-',
    '---',
    ':-:',
    '*',
    '#',
    '>',
    '<span>',
    '&amp;',
    '[^1]',
    '~~s~~',
    '\\\\|',
    'http://x.y/z',
  ),
  fc.stringMatching(/^[a-z ]{0,6}$/),
);

const cellsArb = (k: number): fc.Arbitrary<string[]> => fc.array(cellContent, { minLength: Math.max(0, k), maxLength: Math.max(0, k) });

interface RowStyle {
  indent: string;
  lead: boolean;
  trail: boolean;
  pad: string;
}
const rowStyle: fc.Arbitrary<RowStyle> = fc.record({
  indent: fc.constantFrom('', '', '', '', ' ', '  ', '   ', '    ', '\t', ' \t'),
  lead: fc.boolean(),
  trail: fc.boolean(),
  pad: fc.constantFrom(' ', ' ', '', '  ', '\t'),
});
const render = (cells: string[], st: RowStyle): string =>
  st.indent + (st.lead ? '|' : '') + cells.map((c) => st.pad + c + st.pad).join('|') + (st.trail ? '|' : '');

const alignCell = fc
  .record({ l: fc.boolean(), r: fc.boolean(), n: fc.integer({ min: 1, max: 4 }) })
  .map(({ l, r, n }) => (l ? ':' : '') + '-'.repeat(n) + (r ? ':' : ''));

// Lines before and after a table: paragraphs, headings and every construct that may end or contain a table.
// Containers (block quote, list item, footnote definition) are rarer: the rest of their region falls back to remark.
const pick = (plain: string[][], containers: string[][]): fc.Arbitrary<string[]> =>
  fc.oneof({ arbitrary: fc.constantFrom(...plain), weight: 6 }, { arbitrary: fc.constantFrom(...containers), weight: 1 });
const before = pick(
  [
    [],
    [],
    [],
    ['Some paragraph text.'],
    ['# Heading'],
    ['Para one', 'para two'],
    ['Text', ''],
    ['    code'],
    ['    code', ''],
    ['<div>'],
    ['<!-- note -->'],
    ['<!--', 'a | b', '-->'],
    ['<pre>', 'x|y', '</pre>'],
    ['[a]: http://x'],
    ['|---|---|'],
    ['***'],
    ['Text:'],
    ['<span>'],
    ['<a href="x">'],
    ['Title', '==='],
  ],
  [['- item'], ['> quote'], ['2. two'], ['[^n]: note']],
);
const after = pick(
  [
    [],
    [],
    [],
    [''],
    ['', 'After.'],
    ['Tail text'],
    ['# Heading'],
    ['#NoHeading'],
    ['```', 'code | x', '```'],
    ['~~~'],
    ['<div>'],
    ['<span>'],
    ['<span> x'],
    ['</span>'],
    ['<s>a</s>'],
    ['    indented'],
    ['***'],
    ['---'],
    ['- - -'],
    ['==='],
    ['[^1] text'],
    ['| x | y |'],
    ['a | b', '--|--'],
    ['<!-- c -->', '| z |'],
    ['<!-- c', '| z |', '-->', '| w |'],
    ['<?x ?>'],
    ['<![CDATA[ ]]] ]]>', '| q |'],
    ['<!-->', '| z |'],
    ['<!--->'],
    ['<div/x'],
    ['``` a`b'],
    ['[^a b]: x'],
    ['<a b=c=d>'],
    ['<a b="c"d>'],
    ['<!DOCTYPE html>', '| d |'],
    ['<?php', '| p |', '?>'],
    ['|'],
    ['\\|'],
    ['\t| t |'],
    [' \t| t |'],
    ['   | three |'],
    ['Para', '| h1 | h2 |', '| - | - |'],
    ['Para', '| h1 | h2 |', '- | -'],
  ],
  [['> quote'], ['- item'], ['-'], ['2. two'], ['1. one'], ['1) '], ['+\tx'], ['[^1]: note']],
);

const bodyLine = fc.oneof(
  { arbitrary: fc.tuple(fc.integer({ min: -2, max: 2 }), rowStyle).map(([d, st]) => ({ d, st, raw: null as string | null })), weight: 8 },
  {
    arbitrary: fc
      .constantFrom('broken continuation', ' <s>2015-05-12</s>  ', '**bold** only', '  trailing | pipe', '<br>', '===', ':-', '|---|---|')
      .map((raw) => ({ d: 0, st: { indent: '', lead: false, trail: false, pad: '' }, raw })),
    weight: 1,
  },
);

const segment = fc
  .integer({ min: 1, max: 5 })
  .chain((k) =>
    fc.record({
      before,
      headerCells: cellsArb(k),
      headerStyle: rowStyle,
      delimCount: fc.constantFrom(k, k, k, k, k + 1, Math.max(1, k - 1)),
      delimCells: fc.array(alignCell, { minLength: k + 1, maxLength: k + 1 }),
      delimStyle: rowStyle,
      body: fc.array(
        bodyLine.chain((b) => cellsArb(k + b.d).map((cells) => b.raw ?? render(cells, b.st))),
        { maxLength: 6 },
      ),
      after,
    }),
  )
  .map((d) => [
    ...d.before,
    render(d.headerCells, d.headerStyle),
    render(d.delimCells.slice(0, d.delimCount), d.delimStyle),
    ...d.body,
    ...d.after,
  ]);
const tableDoc = fc.array(segment, { minLength: 1, maxLength: 3 }).map((segs) => segs.flat().join('\n'));

// A case is a document of 1-3 table segments parsed by the scanner and by remark-gfm (about 5 ms).
const DOCS = budget(800, 50_000);

test(`generated tables: scanner = remark-gfm (fast-check, ${fuzzLabel(DOCS, 'documents')})`, () => {
  const total = zero();
  fc.assert(
    fc.property(tableDoc, (doc) => {
      add(total, compareDocument(doc));
    }),
    params(DOCS),
  );
  console.log(
    `generated: ${total.regions} regions, ${total.compared} tables compared, ${total.fallbackRegions} regions fell back (${total.fallbackTables} remark tables in them)`,
  );
  assert.ok(total.compared > DOCS / 5, `only ${total.compared} tables compared in ${DOCS} documents`);
});

test('speed: 10,000-row 8-column table (printed, not asserted)', () => {
  const row = (i: number): string =>
    `| **2015-05-${String((i % 28) + 1).padStart(2, '0')}** | cell ${i} | Green | Must | \`code\` | <s>x</s> | a \\| b | end |`;
  const lines = ['| A | B | C | D | E | F | G | H |', '|---|:--|:-:|--:|---|---|---|---|'];
  for (let i = 0; i < 10000; i++) lines.push(row(i));
  const bytes = lines.reduce((n, l) => n + l.length + 1, 0);
  const time = (): number => {
    const t0 = performance.now();
    assert.equal(scanTables(lines).tables[0].rows.length, 10000);
    return performance.now() - t0;
  };
  const cold = time();
  const warm = Array.from({ length: 15 }, time).sort((a, b) => a - b);
  const mbs = (ms: number): string => (bytes / 1e6 / (ms / 1000)).toFixed(0);
  console.log(
    `speed: scanTables on 10,000 rows x 8 columns (${(bytes / 1e6).toFixed(2)} MB): first call ${cold.toFixed(1)} ms, ` +
      `then best ${warm[0].toFixed(1)} ms (${mbs(warm[0])} MB/s), median ${warm[7].toFixed(1)} ms (${mbs(warm[7])} MB/s)`,
  );
});
