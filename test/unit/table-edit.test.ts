// Spreadsheet table editing in the core: navigation, rows, columns, alignment, sort, CSV/TSV/HTML conversion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  convertToTable,
  Engine,
  reorderTableRows,
  type Position,
  type TableEditOptions,
  type TableOp,
  tableEdit,
  type TextEdit,
} from '../../server/src/core';
import { readDelimited, readHtmlTable, detectTabular, escapeCell } from '../../server/src/core/editor/table-edit';
import { gridToCsv } from '../../server/src/core/editor/table-edit/convert';
import { readGrid } from '../../server/src/core/editor/table-edit/grid';
import { parseWebviewMessage } from '../../shared/preview-messages';

const OPTIONS: TableEditOptions = {
  format: { style: 'aligned', maxColumnWidth: 0 },
  vocabulary: { statuses: ['Green', 'Orange', 'Red'], priorities: ['Must', 'Should', 'Optional'] },
  locale: 'en',
};

/** Applies edits (original coordinates, non-overlapping) to a text. */
function apply(text: string, edits: readonly TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') continue;
    if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  const offset = (p: Position): number => starts[p.line] + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** Runs `op` with the cursor at `line`/`character`; returns the new text and the line text at the cursor with a `‸` mark. */
function run(text: string, line: number, character: number, op: TableOp, options: TableEditOptions = OPTIONS) {
  const page = new Engine().model(text);
  const r = tableEdit(page, { line, character }, op, options);
  assert.ok(r, 'a table at the position');
  const out = apply(text, r.edits);
  const l = out.split(/\r?\n/)[r.cursor.line];
  return { text: out, at: `${l.slice(0, r.cursor.character)}‸${l.slice(r.cursor.character)}`, result: r };
}

const T = (...l: string[]): string => `${l.join('\n')}\n`;

const TABLE = T(
  '# Features',
  '',
  '| Feature | Priority | Status |',
  '|---|---|---|',
  '| Login | Must | Green |',
  '| Search | Should | Red |',
  '',
  'After.',
);

test('Tab: next cell, the table aligned as it goes, the cursor at the cell text', () => {
  const { text, at } = run(TABLE, 4, 3, 'nextCell');
  assert.equal(
    text,
    T(
      '# Features',
      '',
      '| Feature | Priority | Status |',
      '| ------- | -------- | ------ |',
      '| Login   | Must     | Green  |',
      '| Search  | Should   | Red    |',
      '',
      'After.',
    ),
  );
  assert.equal(at, '| Login   | ‸Must     | Green  |');
});

test('Tab in the last cell adds a row; Shift+Tab goes back, across rows; header to body skips the delimiter', () => {
  const added = run(TABLE, 5, 20, 'nextCell');
  assert.equal(added.text.split('\n')[6], '|         |          |        |');
  assert.equal(added.at, '| ‸        |          |        |');
  assert.equal(run(TABLE, 4, 2, 'previousCell').at, '| Feature | Priority | ‸Status |');
  assert.equal(run(TABLE, 2, 24, 'nextCell').at, '| ‸Login   | Must     | Green  |');
  assert.equal(run(TABLE, 2, 2, 'previousCell').at, '| ‸Feature | Priority | Status |');
});

test('Enter at the end of a row adds a row below; Alt+Up/Down move between cells vertically', () => {
  const r = run(TABLE, 4, 26, 'newRowBelow');
  assert.deepEqual(r.text.split('\n').slice(4, 7), [
    '| Login   | Must     | Green  |',
    '|         |          |        |',
    '| Search  | Should   | Red    |',
  ]);
  assert.equal(r.result.cursor.line, 5);
  assert.equal(run(TABLE, 4, 12, 'cellBelow').at, '| Search  | ‸Should   | Red    |');
  assert.equal(run(TABLE, 4, 12, 'cellAbove').at, '| Feature | ‸Priority | Status |');
  assert.equal(run(TABLE, 3, 6, 'cellBelow').at, '| Login   | ‸Must     | Green  |', 'the delimiter row counts as the header');
});

test('rows: insert above/below, delete, move up/down; the header stays', () => {
  const lines = (text: string): string[] => text.split('\n').slice(2, -3);
  assert.deepEqual(lines(run(TABLE, 5, 3, 'insertRowAbove').text).slice(2), [
    '| Login   | Must     | Green  |',
    '|         |          |        |',
    '| Search  | Should   | Red    |',
  ]);
  assert.deepEqual(lines(run(TABLE, 2, 3, 'insertRowAbove').text).slice(2, 3), ['|         |          |        |']);
  assert.deepEqual(lines(run(TABLE, 4, 3, 'deleteRow').text).slice(2), ['| Search  | Should   | Red    |']);
  assert.deepEqual(lines(run(TABLE, 5, 3, 'moveRowUp').text).slice(2), [
    '| Search  | Should   | Red    |',
    '| Login   | Must     | Green  |',
  ]);
  assert.deepEqual(lines(run(TABLE, 4, 3, 'moveRowDown').text).slice(2), [
    '| Search  | Should   | Red    |',
    '| Login   | Must     | Green  |',
  ]);
  const header = run(TABLE, 2, 3, 'deleteRow');
  assert.equal(header.text, TABLE);
  assert.match(header.result.note ?? '', /header/);
  assert.equal(run(TABLE, 4, 3, 'moveRowUp').result.note, 'This is the first row.');
});

test('columns: insert left/right, delete, move left/right, alignment', () => {
  const table = (text: string): string[] => text.split('\n').slice(2, 6);
  assert.deepEqual(table(run(TABLE, 4, 12, 'insertColumnLeft').text), [
    '| Feature |     | Priority | Status |',
    '| ------- | --- | -------- | ------ |',
    '| Login   |     | Must     | Green  |',
    '| Search  |     | Should   | Red    |',
  ]);
  assert.equal(run(TABLE, 4, 12, 'insertColumnRight').at, '| Login   | Must     | ‸    | Green  |');
  assert.deepEqual(table(run(TABLE, 4, 12, 'deleteColumn').text), [
    '| Feature | Status |',
    '| ------- | ------ |',
    '| Login   | Green  |',
    '| Search  | Red    |',
  ]);
  const moved = run(TABLE, 4, 12, 'moveColumnRight');
  assert.deepEqual(table(moved.text), [
    '| Feature | Status | Priority |',
    '| ------- | ------ | -------- |',
    '| Login   | Green  | Must     |',
    '| Search  | Red    | Should   |',
  ]);
  assert.equal(moved.at, '| Login   | Green  | ‸Must     |');
  assert.equal(run(TABLE, 4, 3, 'moveColumnLeft').result.note, 'This is the first column.');
  const right = run(TABLE, 4, 12, 'alignColumn', { ...OPTIONS, align: 'right' });
  assert.deepEqual(table(right.text).slice(1, 3), ['| ------- | -------: | ------ |', '| Login   |     Must | Green  |']);
});

test('escaped pipes and code spans with a pipe move with their column', () => {
  const text = T('| A | B `x\\|y` | C |', '|:-|-|-:|', '| a \\| b | `c\\|d` | e |');
  const r = run(text, 2, 2, 'moveColumnRight');
  assert.equal(r.text, T('| B `x\\|y` | A      |   C |', '| -------- | :----- | --: |', '| `c\\|d`   | a \\| b |   e |'));
  assert.equal(
    gridToCsv(readGrid(new Engine().model(r.text).lines, new Engine().model(r.text).tables[0].parsed)!),
    'B `x|y`,A,C\n`c|d`,a | b,e\n',
  );
});

test('CJK and emoji cells are aligned by display width', () => {
  const text = T('| 名前 | 状態 |', '|---|---|', '| 検索 🎉 | Green |', '| x | y |');
  assert.equal(
    run(text, 3, 2, 'nextCell').text,
    T('| 名前    | 状態  |', '| ------- | ----- |', '| 検索 🎉 | Green |', '| x       | y     |'),
  );
});

test('tables in block quotes and list items keep their prefixes; new rows get the continuation prefix', () => {
  const quote = T('> | A | B |', '> |---|---|', '> | 1 | 2 |');
  assert.equal(run(quote, 2, 8, 'nextCell').text, T('> | A   | B   |', '> | --- | --- |', '> | 1   | 2   |', '> |     |     |'));
  const list = T('- item', '', '  | A | B |', '  |---|---|', '  | 1 | 2 |');
  const r = run(list, 4, 4, 'newRowBelow');
  assert.equal(r.text, T('- item', '', '  | A   | B   |', '  | --- | --- |', '  | 1   | 2   |', '  |     |     |'));
  assert.equal(r.at, '  | ‸    |     |');
});

test('CRLF pages: new rows get CRLF, other line endings unchanged', () => {
  const text = '| A | B |\r\n|---|---|\r\n| 1 | 2 |\r\n\r\nafter\r\n';
  assert.equal(run(text, 2, 8, 'newRowBelow').text, '| A   | B   |\r\n| --- | --- |\r\n| 1   | 2   |\r\n|     |     |\r\n\r\nafter\r\n');
  assert.equal(run(text, 2, 2, 'deleteRow').text, '| A   | B   |\r\n| --- | --- |\r\n\r\nafter\r\n');
});

test('edits are minimal: an aligned table gets only the new row inserted', () => {
  const text = T('| A   | B   |', '| --- | --- |', '| 1   | 2   |', '', 'x');
  const r = run(text, 2, 3, 'newRowBelow');
  assert.deepEqual(r.result.edits, [
    { range: { start: { line: 2, character: 13 }, end: { line: 2, character: 13 } }, newText: '\n|     |     |' },
  ]);
  const m = run(text, 2, 3, 'moveColumnRight');
  assert.equal(m.result.edits.length, 2, 'header and row: the delimiter row is the same');
  assert.ok(m.result.edits.every((e) => e.range.start.line === e.range.end.line));
});

test('no table at the position: null', () => {
  assert.equal(tableEdit(new Engine().model(TABLE), { line: 0, character: 0 }, 'nextCell', OPTIONS), null);
});

const SORTABLE = T(
  '| Feature | Priority | Status | Date | Count |',
  '|---|---|---|---|---|',
  '| a | Should | Red | 2024-03-10 | 10 |',
  '| b | Must | Green | March 2, 2024 | 9 |',
  '| c | Optional | Orange | | 100 |',
  '| d | Must | Red | 2024-01-31 | 1,000 |',
  '| é | Should | Green | 2024-03-10 | -1 |',
);
const firstColumn = (text: string): string =>
  text
    .split('\n')
    .slice(2, 7)
    .map((l) => l.split('|')[1].trim())
    .join('');

test('sort by a date column: dates as dates, empty last, stable; descending', () => {
  const r = run(SORTABLE, 0, 34, 'sortAscending');
  assert.equal(r.result.sortedAs, 'date');
  assert.equal(firstColumn(r.text), 'dbaéc');
  assert.equal(firstColumn(run(SORTABLE, 0, 34, 'sortDescending').text), 'aébdc');
  assert.equal(r.text.split('\n')[0], '| Feature | Priority | Status | Date          | Count |', 'header stays');
});

test('sort by priority and status follow the vocabulary order; numbers as numbers; text collated', () => {
  const pr = run(SORTABLE, 0, 14, 'sortAscending');
  assert.equal(pr.result.sortedAs, 'priority');
  assert.equal(firstColumn(pr.text), 'bdaéc');
  const st = run(SORTABLE, 0, 24, 'sortAscending');
  assert.equal(st.result.sortedAs, 'status');
  assert.equal(firstColumn(st.text), 'bécad');
  assert.equal(firstColumn(run(SORTABLE, 0, 24, 'sortDescending').text), 'adcbé', 'descending reverses, still stable');
  assert.equal(firstColumn(run(SORTABLE, 0, 40, 'sortAscending').text), 'éba cd'.replace(' ', ''));
  assert.equal(firstColumn(run(SORTABLE, 0, 2, 'sortDescending').text), 'édcba');
});

test('CSV: quoted fields, doubled quotes, line breaks inside quotes; TSV; detection', () => {
  assert.deepEqual(readDelimited('a,"b, c","say ""hi"""\r\n1,"two\nlines",3\n', ','), [
    ['a', 'b, c', 'say "hi"'],
    ['1', 'two\nlines', '3'],
  ]);
  assert.deepEqual(detectTabular('a\tb\n1\t2'), { kind: 'tsv', separator: '\t' });
  assert.deepEqual(detectTabular('a,b\n1,2'), { kind: 'csv', separator: ',' });
  assert.deepEqual(detectTabular('a;b\n1;2'), { kind: 'csv', separator: ';' });
  assert.equal(detectTabular('just, a sentence'), null);
  assert.equal(escapeCell('a|b\\|c\nd'), 'a\\|b\\|c<br>d');
});

test('HTML tables without a DOM: th/td, missing end tags, entities, colspan, nested tables skipped', () => {
  const html =
    '<meta charset="utf-8"><table><thead><tr><th>Name<th>Note</tr></thead><tbody>' +
    '<tr><td>A &amp; B</td><td>x<br>y &#x1F389;</td></tr><tr><td colspan="2">wide</td></tr>' +
    '<tr><td><table><tr><td>inner</td></tr></table>outer</td><td>a|b</td></tr></tbody></table>';
  assert.deepEqual(readHtmlTable(html), [
    ['Name', 'Note'],
    ['A & B', 'x y 🎉'],
    ['wide', ''],
    ['inner outer', 'a|b'],
  ]);
});

test('convert a pasted TSV (CRLF page) to an aligned table with pipes escaped', () => {
  const page = new Engine().model('before\r\nName\tStatus\r\nA|B\tGreen\r\nafter\r\n');
  const range = { start: { line: 1, character: 0 }, end: { line: 2, character: 9 } };
  const r = convertToTable(page, range, 'Name\tStatus\nA|B\tGreen', OPTIONS.format);
  assert.ok(r);
  assert.equal(r.text, '| Name | Status |\r\n| ---- | ------ |\r\n| A\\|B | Green  |');
  assert.equal(convertToTable(page, range, 'no table here', OPTIONS.format), null);
});

test('copy a table as CSV: quotes where needed, pipes unescaped', () => {
  const text = T('| A | B |', '|---|---|', '| x, y | a \\| b |', '| "q" | |');
  const r = run(text, 2, 2, 'copyCsv');
  assert.equal(r.result.text, 'A,B\n"x, y",a | b\n"""q""",\n');
  assert.deepEqual(r.result.edits, []);
});

test("the status preview's order applied to the page: listed rows take the listed places, others stay", () => {
  const text = T(
    '| F | S |',
    '|---|---|',
    '| a | Red |',
    '| b | Green |',
    '| c | Orange |',
    '',
    '| G | S |',
    '|---|---|',
    '| x | Red |',
    '| y | Green |',
  );
  const page = new Engine().model(text);
  const r = reorderTableRows(page, [9, 8, 4, 2], OPTIONS.format);
  assert.ok(r);
  assert.equal(r.tables, 2);
  assert.equal(
    apply(text, r.edits),
    T(
      '| F   | S      |',
      '| --- | ------ |',
      '| c   | Orange |',
      '| b   | Green  |',
      '| a   | Red    |',
      '',
      '| G   | S     |',
      '| --- | ----- |',
      '| y   | Green |',
      '| x   | Red   |',
    ),
  );
  assert.equal(reorderTableRows(page, [0], OPTIONS.format), null, 'the header is not a body row');
  assert.equal(reorderTableRows(page, [5], OPTIONS.format), null, 'not in a table');
});

test('the preview\'s "Apply to the page" message is validated', () => {
  assert.deepEqual(parseWebviewMessage({ type: 'applySort', version: 3, lines: [4, 2] }), { type: 'applySort', version: 3, lines: [4, 2] });
  assert.equal(parseWebviewMessage({ type: 'applySort', version: 3, lines: [-1] }), null);
  assert.equal(parseWebviewMessage({ type: 'applySort', version: 3, lines: ['4'] }), null);
  assert.equal(parseWebviewMessage({ type: 'applySort', lines: [] }), null);
});
