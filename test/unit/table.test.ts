// Over 300 lines: the cases of one component (the GFM table scanner), grouped by rule of the GFM spec.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDelimiterRow, scanTables, splitRow, type ParsedTable, type ScanResult } from '../../server/src/core/markdown/table';

const texts = (line: string): string[] => splitRow(line).cells.map((c) => c.text);
const scan = (src: string): ScanResult => scanTables(src.split('\n'));
/** Compact view of a table: kind, lines, header texts, body texts. */
function view(t: ParsedTable): { kind: string; lines: [number, number]; header: string[] | null; rows: string[][] } {
  return {
    kind: t.kind,
    lines: [t.startLine, t.endLine],
    header: t.header ? t.header.cells.map((c) => c.text) : null,
    rows: t.rows.map((r) => r.cells.map((c) => c.text)),
  };
}
const views = (src: string): ReturnType<typeof view>[] => scan(src).tables.map(view);
const gfm = (src: string): ReturnType<typeof view>[] => views(src).filter((t) => t.kind === 'gfm');

// ---- splitRow ----

test('splitRow: leading and trailing pipes open/close no cell; columns of text and raw cell', () => {
  const r = splitRow('| a | bc |');
  assert.equal(r.leadingPipe, true);
  assert.equal(r.trailingPipe, true);
  assert.deepEqual(r.cells, [
    { text: 'a', start: 2, end: 3, rawStart: 1, rawEnd: 4 },
    { text: 'bc', start: 6, end: 8, rawStart: 5, rawEnd: 9 },
  ]);
});

test('splitRow: without outer pipes; a first cell starts after the indentation', () => {
  const r = splitRow('  a | b');
  assert.equal(r.leadingPipe, false);
  assert.equal(r.trailingPipe, false);
  assert.deepEqual(
    r.cells.map((c) => [c.text, c.rawStart, c.rawEnd]),
    [
      ['a', 2, 4],
      ['b', 5, 7],
    ],
  );
});

test('splitRow: whitespace after the trailing pipe belongs to no cell', () => {
  const r = splitRow('| a | b |   ');
  assert.equal(r.trailingPipe, true);
  assert.deepEqual(texts('| a | b |   '), ['a', 'b']);
  assert.equal(r.cells[1].rawEnd, 8);
});

test('splitRow: `\\|` is content (kept escaped), `\\\\|` is an escaped backslash then a pipe (GFM: odd backslash run escapes)', () => {
  assert.deepEqual(texts('| a \\| b | c |'), ['a \\| b', 'c']);
  assert.deepEqual(texts('| a \\\\| b |'), ['a \\\\', 'b']);
  assert.deepEqual(texts('| a \\\\\\| b |'), ['a \\\\\\| b']);
  // An escaped last pipe is no trailing pipe.
  const r = splitRow('| a \\|');
  assert.equal(r.trailingPipe, false);
  assert.deepEqual(
    r.cells.map((c) => c.text),
    ['a \\|'],
  );
});

test('splitRow: pipes inside code spans still split cells (GFM: the table row is split before inline parsing)', () => {
  assert.deepEqual(texts('| `a|b` | c |'), ['`a', 'b`', 'c']);
  assert.deepEqual(texts('| `a\\|b` | c |'), ['`a\\|b`', 'c']);
});

test('splitRow: empty cells; start === end where content would go (after one space)', () => {
  const r = splitRow('| a |  | |');
  assert.deepEqual(
    r.cells.map((c) => c.text),
    ['a', '', ''],
  );
  assert.deepEqual([r.cells[1].start, r.cells[1].end, r.cells[1].rawStart, r.cells[1].rawEnd], [6, 6, 5, 7]);
  const tight = splitRow('|a||');
  assert.deepEqual(
    tight.cells.map((c) => [c.text, c.start, c.end]),
    [
      ['a', 1, 2],
      ['', 3, 3],
    ],
  );
});

test('splitRow: a lone pipe is one empty cell, `||` too (micromark body rows)', () => {
  assert.deepEqual(texts('|'), ['']);
  assert.deepEqual(splitRow('|').trailingPipe, false);
  assert.deepEqual(texts('||'), ['']);
  assert.deepEqual(texts('| |'), ['']);
});

test('splitRow: a line without pipe is one cell (a broken row in a table body)', () => {
  assert.deepEqual(texts(' <s>2015-05-12</s>  '), ['<s>2015-05-12</s>']);
});

test('splitRow: trailing backslash, tabs trimmed, other whitespace (NBSP) is content', () => {
  assert.deepEqual(texts('| a\\ | b\\'), ['a\\', 'b\\']);
  assert.deepEqual(texts('|\ta\t|\u00a0b\u00a0|'), ['a', '\u00a0b\u00a0']);
});

test('splitRow: columns are UTF-16 indexes (CJK, emoji, combining marks)', () => {
  const r = splitRow('| 日本 | 🎉 | e\u0301 |');
  assert.deepEqual(
    r.cells.map((c) => [c.text, c.start, c.end]),
    [
      ['日本', 2, 4],
      ['🎉', 7, 9],
      ['e\u0301', 12, 14],
    ],
  );
});

// ---- parseDelimiterRow ----

test('parseDelimiterRow: alignments from colons', () => {
  assert.deepEqual(parseDelimiterRow('| --- | :-- | :-: | --: |'), [null, 'left', 'center', 'right']);
  assert.deepEqual(parseDelimiterRow('-|-'), [null, null]);
  assert.deepEqual(parseDelimiterRow('|-'), [null]);
  assert.deepEqual(parseDelimiterRow('-:'), ['right']);
  assert.deepEqual(parseDelimiterRow('|---|---|   '), [null, null]);
});

test('parseDelimiterRow: needs a `|` or a `:` (`---` is a thematic break / setext underline)', () => {
  assert.equal(parseDelimiterRow('---'), null);
  assert.equal(parseDelimiterRow('-'), null);
  assert.deepEqual(parseDelimiterRow(':-'), ['left']);
});

test('parseDelimiterRow: no empty cell, no other characters, no space inside a cell', () => {
  for (const bad of ['|', '||', '|-||', '|-| |', '| x |', ':', '::', '|:|', '- -|-', '|-:-|', '|-|a', '']) {
    assert.equal(parseDelimiterRow(bad), null, JSON.stringify(bad));
  }
});

test('parseDelimiterRow: up to 3 columns of indentation (a tab reaches column 4)', () => {
  assert.deepEqual(parseDelimiterRow('   |-|'), [null]);
  assert.equal(parseDelimiterRow('    |-|'), null);
  assert.equal(parseDelimiterRow('\t|-|'), null);
  assert.equal(parseDelimiterRow(' \t|-|'), null);
});

// ---- scanTables: where a table starts ----

test('a region that is just a table', () => {
  const r = scan('| Date | Milestone |\n|---|:-:|\n| 2015-05-06 | Alpha |\n| 2015-06-01 | Beta |');
  assert.equal(r.exact, true);
  assert.equal(r.tables.length, 1);
  const t = r.tables[0];
  assert.deepEqual(view(t), {
    kind: 'gfm',
    lines: [0, 3],
    header: ['Date', 'Milestone'],
    rows: [
      ['2015-05-06', 'Alpha'],
      ['2015-06-01', 'Beta'],
    ],
  });
  assert.equal(t.delimiterLine, 1);
  assert.deepEqual(t.align, [null, 'center']);
  assert.deepEqual(
    t.rows.map((row) => row.line),
    [2, 3],
  );
});

test('a heading line, then a table in the same region (ATX heading is one line)', () => {
  assert.deepEqual(gfm('## Key Milestones\n| a | b |\n|---|---|\n| c | d |'), [
    { kind: 'gfm', lines: [1, 3], header: ['a', 'b'], rows: [['c', 'd']] },
  ]);
});

test('a table interrupts a paragraph: the header is the line after the paragraph line', () => {
  assert.deepEqual(gfm('Some text\nmore text\n| a | b |\n|---|---|\n| c | d |'), [
    { kind: 'gfm', lines: [2, 4], header: ['a', 'b'], rows: [['c', 'd']] },
  ]);
  // The first paragraph line itself is a header when the next line is a matching delimiter row.
  assert.deepEqual(gfm('Date | Milestone\n--|--'), [{ kind: 'gfm', lines: [0, 1], header: ['Date', 'Milestone'], rows: [] }]);
});

test('header and delimiter need the same number of cells', () => {
  assert.deepEqual(gfm('| a | b | c |\n|---|---|\n| x |'), []);
  assert.deepEqual(gfm('| a | | |\n|-|-|-|'), [{ kind: 'gfm', lines: [0, 1], header: ['a', '', ''], rows: [] }]);
});

test('one-column tables: without any pipe the delimiter needs a colon; a header that is one `|` is rejected', () => {
  assert.deepEqual(gfm('a\n:--\nb'), [{ kind: 'gfm', lines: [0, 2], header: ['a'], rows: [['b']] }]);
  assert.deepEqual(gfm('x\n|-'), [{ kind: 'gfm', lines: [0, 1], header: ['x'], rows: [] }]);
  assert.deepEqual(gfm('|\n|-'), []);
  assert.deepEqual(gfm('a\n---'), []); // setext heading
});

test('indentation: header, delimiter and body rows up to 3 columns; 4+ is indented code or paragraph continuation', () => {
  assert.deepEqual(gfm('   a | b\n   -|-\n   c | d'), [{ kind: 'gfm', lines: [0, 2], header: ['a', 'b'], rows: [['c', 'd']] }]);
  assert.deepEqual(gfm('a|b\n    -|-'), []);
  assert.deepEqual(gfm('a|b\n\t-|-'), []);
  assert.deepEqual(gfm('p\n    a|b\n-|-'), []); // the header would be a paragraph continuation line
  assert.deepEqual(gfm('    a|b\n-|-'), []); // indented code, then a paragraph
});

test('a delimiter row that starts a list item (`- | -`) is a list item: no table', () => {
  const r = scan('a | b\n- | -');
  assert.deepEqual(r.tables, []);
  assert.equal(r.exact, false); // a list item with a pipe: left to remark
});

test('an HTML block start wins over a table header, even after a paragraph line (kind 7 alone on its line)', () => {
  assert.deepEqual(gfm('<span>\n:-'), []);
  assert.deepEqual(gfm('p\n<span>\n:-'), []);
  assert.deepEqual(gfm('<span> x | y\n--|--'), [{ kind: 'gfm', lines: [0, 1], header: ['<span> x', 'y'], rows: [] }]);
});

test('a list marker that cannot interrupt a paragraph is a table header (`2.` after a paragraph line or indented code)', () => {
  assert.deepEqual(gfm('p\n2. a | b\n--|--'), [{ kind: 'gfm', lines: [1, 2], header: ['2. a', 'b'], rows: [] }]);
  assert.deepEqual(gfm('    code\n\n2. a | b\n--|--'), [{ kind: 'gfm', lines: [2, 3], header: ['2. a', 'b'], rows: [] }]);
  const r = scan('p\n1. a | b\n--|--');
  assert.deepEqual(r.tables, []);
  assert.equal(r.exact, false);
});

// ---- scanTables: where a table ends ----

const T = '| a | b |\n|---|---|\n| c | d |\n';

test('blank line ends a table; body lines without pipe are one-cell rows (broken rows)', () => {
  assert.deepEqual(gfm(`${T}continued here\n\n| x | y |`), [
    { kind: 'gfm', lines: [0, 3], header: ['a', 'b'], rows: [['c', 'd'], ['continued here']] },
  ]);
});

test('block constructs end a table body: ATX heading, thematic break, fence, HTML, indented code, block quote, list, footnote', () => {
  for (const end of [
    '# h',
    '***',
    '- - -',
    '---',
    '```',
    '~~~',
    '<div>',
    '<span>',
    '<!-- c -->',
    '    code',
    '\tcode',
    '> q',
    '- item',
    '-',
    '2. x',
    '* x',
    '[^1]: note',
  ]) {
    const r = scan(T + end);
    assert.deepEqual(r.tables.map(view), [{ kind: 'gfm', lines: [0, 2], header: ['a', 'b'], rows: [['c', 'd']] }], end);
    assert.equal(r.exact, true, end);
  }
});

test('lines that do not start a block are body rows: `#x`, `===`, `<span> x`, `--`, `[^1] x`, 3-space indent', () => {
  for (const row of ['#x', '===', '<span> x', '--', '[^1] x', '   e | f']) {
    const t = gfm(T + row)[0];
    assert.equal(t.lines[1], 3, row);
  }
});

test('body rows keep their own cell count (mdast keeps extra cells and does not pad missing ones)', () => {
  assert.deepEqual(gfm('| a | b |\n|---|---|\n| c |\n| d | e | f |\n|\n||')[0].rows, [['c'], ['d', 'e', 'f'], [''], ['']]);
});

test('a later header + delimiter inside a table body are just body rows', () => {
  assert.deepEqual(gfm('|a|b|\n|-|-|\n|c|d|\n|-|-|')[0].rows, [
    ['c', 'd'],
    ['-', '-'],
  ]);
});

test('a table after an HTML comment line (kind 2 ends on its line; `<!-->` is a whole comment in micromark)', () => {
  assert.deepEqual(
    gfm(`${T}<!-- expect: x -->\n| e | f |\n|---|---|`).map((t) => t.lines),
    [
      [0, 2],
      [4, 5],
    ],
  );
  assert.deepEqual(
    gfm(`${T}<!-->\n| e | f |\n|---|---|`).map((t) => t.lines),
    [
      [0, 2],
      [4, 5],
    ],
  );
  assert.deepEqual(
    gfm(`${T}<!--x->\n| e | f |\n|---|---|`).map((t) => t.lines),
    [[0, 2]],
  );
});

test('table-like lines inside HTML blocks and fenced code are no tables', () => {
  assert.deepEqual(scan('<pre>\na | b\n-|-\n</pre>\nc | d\n-|-').tables.map(view), [
    { kind: 'gfm', lines: [4, 5], header: ['c', 'd'], rows: [] },
  ]);
  assert.deepEqual(
    gfm('<div>\na|b\n-|-\n\na|b\n-|-').map((t) => t.lines),
    [[4, 5]],
  );
  assert.deepEqual(
    gfm('<!--\na|b\n-|-\n-->\na|b\n-|-').map((t) => t.lines),
    [[4, 5]],
  );
  assert.deepEqual(
    gfm('```\na|b\n-|-\n```\na|b\n-|-').map((t) => t.lines),
    [[4, 5]],
  );
});

// ---- exactness ----

test('exact: a list after a table without any table-like line; inexact when a container holds table-like lines', () => {
  assert.equal(scan(`${T}- one\n- two`).exact, true);
  assert.equal(scan('- item\n| a | b |\n|---|---|').exact, false);
  assert.equal(scan('> | a | b |\n> |---|---|').exact, false);
  assert.equal(scan('Text\n- item\n  continued :-').exact, false);
});

test('inexact (conscious rule): a setext underline after a paragraph that may be only link definitions', () => {
  // `[a]: b` + `===` + `|-` is a table with header `===` in remark (a definition is no paragraph); we do not model that.
  const r = scan('[a]: b\n===\n|-');
  assert.equal(r.exact, false);
  assert.equal(scan('Title\n===\n|-').exact, true);
});

// ---- delimiter-first pseudo-tables ----

test('delimiter-first: a `|---|` line that is no table delimiter starts a pseudo-table over the rest of its paragraph', () => {
  const src =
    '## Key Milestones\n\n|---|---|\n| **2015-05-06** | Alpha release |\n| <s>2015-05-12</s>\n <s>2015-05-19</s> | Beta |\n\nAfter';
  const r = scan(src);
  assert.equal(r.exact, true);
  assert.deepEqual(r.tables.map(view), [
    {
      kind: 'delimiter-first',
      lines: [2, 5],
      header: null,
      rows: [['**2015-05-06**', 'Alpha release'], ['<s>2015-05-12</s>'], ['<s>2015-05-19</s>', 'Beta']],
    },
  ]);
  assert.equal(r.tables[0].delimiterLine, 2);
  assert.deepEqual(r.tables[0].align, [null, null]);
});

test('delimiter-first: ends where a real table interrupts the paragraph; two delimiter rows form a real table', () => {
  assert.deepEqual(
    views('|---|---|\n| a | b |\n| h | i |\n|---|---|\n| x | y |').map((t) => [t.kind, t.lines]),
    [
      ['delimiter-first', [0, 1]],
      ['gfm', [2, 4]],
    ],
  );
  assert.deepEqual(
    views('|---|---|\n|---|---|').map((t) => t.kind),
    ['gfm'],
  );
});

test('delimiter-first: not inside a table body, not from a line without a pipe', () => {
  assert.deepEqual(
    views(`${T}|---|---|`).map((t) => t.kind),
    ['gfm'],
  );
  assert.deepEqual(views('text\n:--'), [{ kind: 'gfm', lines: [0, 1], header: ['text'], rows: [] }]);
});
