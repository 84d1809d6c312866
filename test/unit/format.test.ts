// The GFM table formatter on hand-written examples: alignment, widths, GFM edge cases, untouched rows, edits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyFixGroups,
  checkText,
  DEFAULT_FORMAT_OPTIONS,
  Engine,
  fixAllGroups,
  type FormatOptions,
  formatTables,
  formatText,
  tableAtLine,
  tablesInLines,
} from '../../server/src/core';
import { clusterWidth, displayWidth } from '../../server/src/core/format/width';
import { codeSpanPipes } from '../../server/src/core/markdown/code-pipes';
import * as fc from 'fast-check';
import { budget, fuzzLabel, params } from '../helpers/fuzz';

const WIDTH_STRINGS = budget(2_000, 100_000);

const ALIGNED: FormatOptions = { style: 'aligned', maxColumnWidth: 0 };
const fmt = (text: string, options: FormatOptions = ALIGNED): string => formatText(text, options).text;
const lines = (...l: string[]): string => `${l.join('\n')}\n`;

test('default options: aligned, columns wider than 120 display columns not padded', () => {
  assert.deepEqual(DEFAULT_FORMAT_OPTIONS, { style: 'aligned', maxColumnWidth: 120 });
});

test('displayWidth: wide, fullwidth, emoji sequences 2; combining, zero-width, format characters 0', () => {
  const cases: Array<[string, number]> = [
    ['abc', 3],
    ['日本語', 6],
    ['한국어', 6],
    ['ｶﾀｶﾅ', 4],
    ['ＡＢ', 4],
    ['\u3000', 2],
    ['🎉', 2],
    ['👍🏽', 2],
    ['👨‍👩‍👧', 2],
    ['🇯🇵', 2],
    ['1️⃣', 2],
    ['❤', 1],
    ['❤️', 2],
    ['e\u0301', 1],
    ['\u0301', 0],
    ['a\u0308\u0304', 1],
    ['\u200b', 0],
    ['a\u200db', 2],
    ['soft\u00adhyphen', 10],
    ['\u1100\u1161\u11a8', 2],
    ['a\tb', 3],
    ['\ufeff', 0],
    ['café ☕', 7],
    ['Ω≈ç', 3],
  ];
  for (const [s, w] of cases) assert.equal(displayWidth(s), w, JSON.stringify(s));
});

test(`displayWidth: the fast paths agree with Intl.Segmenter clusters (fast-check, ${fuzzLabel(WIDTH_STRINGS, 'strings')})`, () => {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const slow = (s: string): number => [...segmenter.segment(s)].reduce((w, g) => w + clusterWidth(g.segment), 0);
  const text = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc
      .array(
        fc.constantFrom(
          'a',
          '日',
          'ｶ',
          '🎉',
          '🏽',
          '\u200d',
          '\ufe0f',
          '\u0301',
          '\u1100',
          '\u1161',
          '\u11a8',
          '가',
          '🇯',
          '🇵',
          'ﾞ',
          'ำ',
          '\t',
          ' ',
        ),
        { maxLength: 10 },
      )
      .map((a) => a.join('')),
  );
  fc.assert(
    fc.property(text, (s) => displayWidth(s) === slow(s)),
    params(WIDTH_STRINGS),
  );
});

test('aligns pipes, pads cells to the column width and normalises the delimiter row', () => {
  const input = lines('# T', '', '|Feature|Status|', '|-|-|', '| Snapshots | Green |', '|x|Orange - in progress|', '', 'after');
  assert.equal(
    fmt(input),
    lines(
      '# T',
      '',
      '| Feature   | Status               |',
      '| --------- | -------------------- |',
      '| Snapshots | Green                |',
      '| x         | Orange - in progress |',
      '',
      'after',
    ),
  );
});

test('honours the delimiter alignment: left, center, right and none', () => {
  const input = lines('| a | b | c | d |', '|:-|:-:|-:|-|', '| long text | xy | 1 | z |');
  assert.equal(fmt(input), lines('| a         |  b  |   c | d   |', '| :-------- | :-: | --: | --- |', '| long text | xy  |   1 | z   |'));
  const centered = fmt(lines('| h |', '|:---:|', '| abcdefg |', '| ab |'));
  assert.equal(centered, lines('|    h    |', '| :-----: |', '| abcdefg |', '|   ab    |'));
});

test('display width: CJK and emoji count 2, combining and zero-width characters 0, clusters once', () => {
  const input = lines(
    '| k | v |',
    '|---|---|',
    '| 日本語 | x |',
    '| 🎉 | x |',
    '| e\u0301e\u0301 | x |',
    '| a\u200bb | x |',
    '| 👨‍👩‍👧 | x |',
    '| 🇫🇷 | x |',
    '| abcdef | x |',
  );
  assert.equal(
    fmt(input),
    lines(
      '| k      | v   |',
      '| ------ | --- |',
      '| 日本語 | x   |',
      '| 🎉     | x   |',
      '| e\u0301e\u0301     | x   |',
      '| a\u200bb     | x   |',
      '| 👨‍👩‍👧     | x   |',
      '| 🇫🇷     | x   |',
      '| abcdef | x   |',
    ),
  );
});

test('escaped pipes are content; rows with a pipe inside a code span are left as they are', () => {
  const input = lines('| op | meaning |', '|---|---|', '| a \\| b | or |', '| `a|b` | code |', '|  x  |  y  |');
  assert.equal(
    fmt(input),
    lines('| op     | meaning |', '| ------ | ------- |', '| a \\| b | or      |', '| `a|b` | code |', '| x      | y       |'),
  );
  assert.deepEqual(codeSpanPipes('| `a|b` | code |'), [4]);
  assert.deepEqual(codeSpanPipes('| `a\\|b` | \\`x|y\\` | ``a`|`b`` |'), [25]);
  // A header with a code-span pipe: the whole table is left alone.
  const header = lines('| `a|b` |', '|---|---|', '|x|y|');
  assert.equal(fmt(header), header);
});

test('rows with too many or too few cells and broken rows keep their text; they do not widen columns', () => {
  const input = lines('| a | b |', '|---|---|', '| 1 | 2 | extra stray cell |', '| only one |', '| broken | row', 'continues |', '|x|y|');
  assert.equal(
    fmt(input),
    lines(
      '| a   | b   |',
      '| --- | --- |',
      '| 1 | 2 | extra stray cell |',
      '| only one |',
      '| broken | row',
      'continues |',
      '| x   | y   |',
    ),
  );
});

test('leading and trailing pipes are added; a table without them is idempotent even with a malformed row', () => {
  const input = lines('a | b', '--|--', '1 | 2', 'stray', '3 | 4');
  const once = fmt(input);
  // `1 | 2` stays: once the header has a leading pipe, `stray` reads as its continuation (table-broken-row).
  assert.equal(once, lines('| a   | b   |', '| --- | --- |', '1 | 2', 'stray', '| 3   | 4   |'));
  assert.equal(fmt(once), once);
});

test('tables inside list items and block quotes keep their indentation and markers', () => {
  const input = lines('- item', '', '  | a | b |', '  |:-|-:|', '  | long | 1 |', '', '> | q | r |', '> |---|---|', '> | x | yy |');
  assert.equal(
    fmt(input),
    lines(
      '- item',
      '',
      '  | a    |   b |',
      '  | :--- | --: |',
      '  | long |   1 |',
      '',
      '> | q   | r   |',
      '> | --- | --- |',
      '> | x   | yy  |',
    ),
  );
});

test('line endings, the final newline, text outside tables and fenced tables are kept', () => {
  const crlf = '# T\r\n\r\n|a|b|\r\n|-|-|\r\n|1|2|\r\n\r\n```\r\n|a|b|\r\n|-|-|\r\n```';
  assert.equal(fmt(crlf), '# T\r\n\r\n| a   | b   |\r\n| --- | --- |\r\n| 1   | 2   |\r\n\r\n```\r\n|a|b|\r\n|-|-|\r\n```');
  const bom = '\uFEFFtext\n\n|a|\n|-|\n';
  assert.equal(fmt(bom), '\uFEFFtext\n\n| a   |\n| --- |\n');
});

test('compact style and maxColumnWidth', () => {
  const input = lines('| a | b | c |', '|:-:|---|--:|', '| x | a long remark | 1 |');
  assert.equal(
    fmt(input, { style: 'compact', maxColumnWidth: 0 }),
    lines('| a | b | c |', '| :-: | --- | --: |', '| x | a long remark | 1 |'),
  );
  assert.equal(
    fmt(input, { style: 'aligned', maxColumnWidth: 5 }),
    lines('|  a  | b |   c |', '| :-: | --- | --: |', '|  x  | a long remark |   1 |'),
  );
  assert.equal(fmt(lines('| a |', '|-|', '|  |')), lines('| a   |', '| --- |', '|     |'));
});

test('minimal edits: only the changed part of changed lines; none when already formatted', () => {
  const input = lines('| a | b |', '|---|---|', '| 1 | 2 |', '| 3 |  4 |');
  const page = new Engine().model(input);
  const edits = formatTables(page, ALIGNED);
  const line = (l: number, from: number, to: number, newText: string): unknown => ({
    range: { start: { line: l, character: from }, end: { line: l, character: to } },
    newText,
  });
  assert.deepEqual(edits, [line(0, 4, 7, '  | b  '), line(1, 1, 8, ' --- | --- '), line(2, 4, 7, '  | 2  '), line(3, 4, 8, '  | 4  ')]);
  for (const e of edits) assert.equal(e.range.start.line, e.range.end.line);
  const formatted = formatText(input, ALIGNED).text;
  assert.deepEqual(formatTables(new Engine().model(formatted), ALIGNED), []);
  const already = lines('| a   | b   |', '| --- | --- |', '| 1   | 2   |');
  assert.deepEqual(formatText(already, ALIGNED).edits, []);
});

test('tableAtLine and tablesInLines pick the tables under the cursor or the selection', () => {
  const page = new Engine().model(lines('|a|', '|-|', '', 'text', '', '|b|', '|-|', '|c|'));
  assert.equal(tableAtLine(page, 1)?.parsed.startLine, 0);
  assert.equal(tableAtLine(page, 3), null);
  assert.equal(tableAtLine(page, 7)?.parsed.startLine, 5);
  assert.deepEqual(tablesInLines(page, 3, 3), []);
  assert.deepEqual(
    tablesInLines(page, 2, 6).map((t) => t.parsed.startLine),
    [5],
  );
  assert.deepEqual(
    tablesInLines(page, 0, 9).map((t) => t.parsed.startLine),
    [0, 5],
  );
});

test('table-code-pipe: a pipe inside a code span is reported with the \\| fix; fixed, the row formats', () => {
  const page = lines(
    '---',
    'category: release',
    '---',
    '| Option | Meaning |',
    '|---|---|',
    '| `--format json|sarif` | output |',
    '| `a` | b |',
  );
  const found = checkText(page).findings.filter((f) => f.rule === 'table-code-pipe');
  assert.equal(found.length, 1);
  assert.deepEqual(found[0].range, { start: { line: 5, character: 16 }, end: { line: 5, character: 17 } });
  assert.equal(found[0].severity, 'warning');
  const fixed = applyFixGroups(page, fixAllGroups(found)).text;
  assert.match(fixed, /\| `--format json\\\|sarif` \| output \|/);
  assert.equal(checkText(fixed).findings.filter((f) => f.rule === 'table-code-pipe' || f.rule === 'table-cell-count').length, 0);
  assert.equal(fmt(fixed).split('\n')[5], '| `--format json\\|sarif` | output  |');
  // In a header the pipe also makes a column: reported without a fix.
  const header = checkText(lines('---', 'category: release', '---', '| `a|b` | c |', '|---|---|---|')).findings.filter(
    (f) => f.rule === 'table-code-pipe',
  );
  assert.equal(header.length, 1);
  assert.deepEqual(header[0].fixes, []);
});
