// Properties of the table formatter on every seed, corpus and fixture page and on thousands of generated
// tables (fast-check, seeded): idempotent, content-preserving (cells per row, every byte outside tables,
// line endings) and meaning-preserving (remark-gfm parses the formatted document to the same tree).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { Engine, type FormatOptions, formatText, type PageModel, splitLines } from '../../server/src/core';
import { budget, fuzzLabel, params } from '../helpers/fuzz';
import { pagesIn, readFixture } from '../helpers/paths';

const processor = unified().use(remarkParse).use(remarkGfm);

const OPTIONS: readonly FormatOptions[] = [
  { style: 'aligned', maxColumnWidth: 0 },
  { style: 'aligned', maxColumnWidth: 12 },
  { style: 'compact', maxColumnWidth: 0 },
];

/** The mdast tree without positions: what the document means (the last few originals are remembered). */
const meanings = new Map<string, string>();
function meaning(text: string): string {
  const known = meanings.get(text);
  if (known !== undefined) return known;
  const m = JSON.stringify(processor.parse(text), (key, value: unknown) => (key === 'position' ? undefined : value));
  if (meanings.size > 8) meanings.clear();
  meanings.set(text, m);
  return m;
}

function tableLines(page: PageModel): Set<number> {
  const s = new Set<number>();
  for (const t of page.tables)
    if (t.parsed.kind === 'gfm' && t.parsed.header) for (let l = t.parsed.startLine; l <= t.parsed.endLine; l++) s.add(l);
  return s;
}

function cellsOf(page: PageModel): string[][][] {
  return page.tables
    .filter((t) => t.parsed.kind === 'gfm' && t.parsed.header)
    .map((t) => [t.parsed.header!, ...t.parsed.rows].map((r) => [String(r.line), ...r.cells.map((c) => c.text)]));
}

interface Stats {
  docs: number;
  tables: number;
  changedLines: number;
}

/** Checks every property for one document and options; returns how many tables and changed lines it saw. */
function checkProperties(text: string, options: FormatOptions, withMeaning: boolean): { tables: number; changed: number } {
  const engine = new Engine();
  // Editors and the CLI hand the engine the text without its BOM; line numbers stay the same.
  const before = engine.model(text.replace(/^\uFEFF/, ''));
  const { text: out, edits } = formatText(text, options, engine);
  const inTables = tableLines(before);
  // Edits: single-line, inside tables, in order, not overlapping.
  let last = { line: -1, character: -1 };
  for (const e of edits) {
    assert.equal(e.range.start.line, e.range.end.line, 'single-line edit');
    assert.ok(inTables.has(e.range.start.line), `edit outside a table on line ${e.range.start.line}`);
    assert.ok(e.range.start.line > last.line || e.range.start.character >= last.character, 'edits in order');
    last = e.range.end;
  }
  // Every byte outside tables and every line ending is identical.
  const a = splitLines(text);
  const b = splitLines(out);
  assert.equal(b.length, a.length, 'same number of lines');
  for (let i = 0; i < a.length; i++) {
    assert.equal(b[i].eol, a[i].eol, `line ending of line ${i}`);
    if (!inTables.has(i)) assert.equal(b[i].text, a[i].text, `line ${i} outside tables`);
  }
  // Same tables, same trimmed cell texts per row.
  // (One engine throughout: its region cache re-parses only the regions formatting changed.)
  const after = engine.model(out.replace(/^\uFEFF/, ''));
  assert.deepEqual(cellsOf(after), cellsOf(before), 'cells per row');
  // Idempotent.
  assert.deepEqual(formatText(out, options, engine).edits, [], 'formatting twice changes nothing');
  // Same meaning for remark-gfm.
  if (withMeaning && edits.length) assert.equal(meaning(out), meaning(text), 'remark-gfm tree');
  return { tables: cellsOf(before).length, changed: new Set(edits.map((e) => e.range.start.line)).size };
}

function fixtureTest(folder: string): void {
  test(`${folder}: every page formats with the properties holding`, () => {
    const stats: Stats = { docs: 0, tables: 0, changedLines: 0 };
    for (const name of pagesIn(folder).concat(folder === 'corpus' ? ['SOURCES.md'] : [])) {
      const text = readFixture(folder, name);
      for (const options of OPTIONS) {
        try {
          const r = checkProperties(text, options, true);
          stats.docs++;
          stats.tables += r.tables;
          stats.changedLines += r.changed;
        } catch (e) {
          throw new Error(`${folder}/${name} (${options.style}, max ${options.maxColumnWidth}): ${(e as Error).message}`, { cause: e });
        }
      }
    }
    console.log(
      `${folder}: ${stats.docs / OPTIONS.length} pages x ${OPTIONS.length} option sets, ${stats.tables / OPTIONS.length} tables per pass, ${stats.changedLines} changed lines in all`,
    );
    assert.ok(stats.docs > 0);
  });
}

for (const folder of ['seeds', 'corpus', 'pages']) fixtureTest(folder);

// ---- Generated tables ----

const cellContent = fc
  .oneof(
    {
      weight: 6,
      arbitrary: fc.constantFrom('', ' ', 'a', 'Green', 'Orange - in progress', 'Must', '2015-05-06', '**bold**', '<s>x</s><br>y', 'x y z'),
    },
    {
      weight: 4,
      arbitrary: fc.constantFrom('日本語', '한국어', 'ｶﾀｶﾅ', 'ＡＢＣ', '中文 mixed', '🎉', '👍🏽', '👨‍👩‍👧', '🇯🇵', '1️⃣', '❤️', '❤', '✅ done'),
    },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        'e\u0301',
        'a\u0308\u0304',
        '\u0301x',
        '\u200b',
        'a\u200db',
        'soft\u00adhyphen',
        'x\u00a0y',
        'a\tb',
        '\u3000',
      ),
    },
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        '\\|',
        'a \\| b',
        '`a|b`',
        '`x`',
        '``a|b``',
        '`a\\|b`',
        '\\`a|b\\`',
        '\\',
        'x\\',
        '\\\\',
        '\\\\|',
        '`',
        '[a|b](x)',
      ),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(':', '-', '---', ':-:', '#', '>', '*', '- x', '1.', '<div>', '&amp;', '[^1]', '~~s~~', '    x'),
    },
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 5 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  )
  .map((s) => s.replace(/[\r\n]/g, ' '));

interface RowStyle {
  indent: string;
  lead: boolean;
  trail: boolean;
  pad: string;
  tail: string;
}
const rowStyle: fc.Arbitrary<RowStyle> = fc.record({
  indent: fc.constantFrom('', '', '', '', ' ', '  ', '   ', '\t'),
  lead: fc.constantFrom(true, true, true, false),
  trail: fc.constantFrom(true, true, true, false),
  pad: fc.constantFrom(' ', ' ', ' ', '', '  ', '\t', '     '),
  tail: fc.constantFrom('', '', '', ' ', '  \t'),
});
const render = (cells: string[], st: RowStyle): string =>
  st.indent + (st.lead ? '|' : '') + cells.map((c) => st.pad + c + st.pad).join('|') + (st.trail ? '|' : '') + st.tail;

const delimiterCell = fc
  .record({ l: fc.boolean(), r: fc.boolean(), n: fc.integer({ min: 1, max: 5 }) })
  .map(({ l, r, n }) => (l ? ':' : '') + '-'.repeat(n) + (r ? ':' : ''));

const cells = (k: number): fc.Arbitrary<string[]> => fc.array(cellContent, { minLength: k, maxLength: k });

/** Body lines: mostly rows with the header's cell count, some with more or fewer, some broken or odd. */
const bodyLine = (k: number): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 10, arbitrary: fc.tuple(cells(k), rowStyle).map(([c, st]) => render(c, st)) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.integer({ min: Math.max(1, k - 2), max: k + 2 }).chain((n) => cells(n)),
          rowStyle,
        )
        .map(([c, st]) => render(c, st)),
    },
    { weight: 1, arbitrary: fc.constantFrom('continues here |', 'plain text', '===', ':-', '|---|---|', '| `code | span` |', '|') },
  );

/** Container prefixes: [first line, other lines]. */
const container = fc.constantFrom<[string, string]>(
  ['', ''],
  ['', ''],
  ['', ''],
  ['- ', '  '],
  ['> ', '> '],
  ['> ', '>'],
  ['1. ', '   '],
  ['- > ', '  > '],
  ['* ', '  '],
);

/** Header cells without an unescaped pipe, so that most generated headers match their delimiter row. */
const headerCells = (k: number): fc.Arbitrary<string[]> =>
  fc.array(
    cellContent.filter((c) => !/(^|[^\\])(\\\\)*\|/.test(c)),
    { minLength: k, maxLength: k },
  );

const table = fc
  .integer({ min: 1, max: 6 })
  .chain((k) =>
    fc.record({
      header: fc.tuple(headerCells(k), rowStyle).map(([c, st]) => render(c, { ...st, indent: st.indent.replace('\t', '') })),
      delimiter: fc
        .tuple(fc.array(delimiterCell, { minLength: k, maxLength: k }), rowStyle)
        .map(([c, st]) => render(c, { ...st, indent: st.indent.replace('\t', '') })),
      body: fc.array(bodyLine(k), { maxLength: 8 }),
      container,
      before: fc.constantFrom([], [], ['Some text.'], ['# Heading'], ['Para', ''], ['    code', '']),
      after: fc.constantFrom([], [''], ['', 'After.'], ['Tail text'], ['# Next'], ['```', '| a | b |', '|---|---|', '```']),
    }),
  )
  .map((t) => [
    ...t.before,
    // In a container the header and delimiter start right after the marker (more indentation mostly ends the container).
    ...[t.header, t.delimiter, ...t.body].map(
      (l, i) => (i === 0 ? t.container[0] : t.container[1]) + (i < 2 && t.container[0] ? l.trimStart() : l),
    ),
    ...t.after,
  ]);

const doc = fc
  .record({
    tables: fc.array(table, { minLength: 2, maxLength: 5 }),
    eol: fc.constantFrom('\n', '\n', '\r\n'),
    finalNewline: fc.boolean(),
    bom: fc.constantFrom(false, false, false, true),
    options: fc.constantFrom(...OPTIONS),
  })
  .map((d) => ({
    text: (d.bom ? '\uFEFF' : '') + d.tables.map((t) => t.join(d.eol)).join(d.eol + d.eol) + (d.finalNewline ? d.eol : ''),
    options: d.options,
  }));

// A case is a document of 2-5 tables formatted, re-read and parsed by remark-gfm twice (about 20-40 ms).
const DOCS = budget(200, 10_000);

test(`generated tables: idempotent, content- and meaning-preserving (fast-check, ${fuzzLabel(DOCS, 'documents')})`, () => {
  const stats: Stats = { docs: 0, tables: 0, changedLines: 0 };
  fc.assert(
    fc.property(doc, ({ text, options }) => {
      const r = checkProperties(text, options, true);
      stats.docs++;
      stats.tables += r.tables;
      stats.changedLines += r.changed;
    }),
    params(DOCS),
  );
  console.log(`generated: ${stats.docs} documents, ${stats.tables} GFM tables, ${stats.changedLines} changed lines`);
  assert.ok(stats.tables > 2.5 * DOCS, `only ${stats.tables} tables in ${DOCS} documents`);
});
