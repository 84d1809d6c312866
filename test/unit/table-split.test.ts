// A table row's cells (core/markdown/table-row.ts) are found from pipe to pipe with indexOf and trimmed with
// trimStart/trimEnd when the row holds no whitespace but spaces and tabs; this test holds
// them equal to the plain reading, one character at a time (a pipe splits unless an odd run of backslashes is
// right before it, as micromark does), on every line of the fixture pages and on generated rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { splitRow, type TableCell } from '../../server/src/core/markdown/table';
import { budget, fuzzLabel, params } from '../helpers/fuzz';
import { FIXTURES, markdownUnder } from '../helpers/paths';

const isWs = (c: string | undefined): boolean => c === ' ' || c === '\t';

/** A cell of s[a, b): its text without the spaces and tabs around it (an empty cell sits after one space). */
function cell(s: string, a: number, b: number): TableCell {
  let st = a;
  let en = b;
  while (st < en && isWs(s[st])) st++;
  while (en > st && isWs(s[en - 1])) en--;
  if (st === en) st = en = a < b && isWs(s[a]) ? a + 1 : a;
  return { text: s.slice(st, en), start: st, end: en, rawStart: a, rawEnd: b };
}

/** The reference: every character in turn. */
function reference(text: string): ReturnType<typeof splitRow> {
  const n = text.length;
  let first = 0;
  while (first < n && isWs(text[first])) first++;
  const leadingPipe = text[first] === '|';
  let seg = leadingPipe ? first + 1 : first;
  let backslashes = 0;
  const cells: TableCell[] = [];
  for (let k = seg; k < n; k++) {
    if (text[k] === '|' && backslashes % 2 === 0) {
      cells.push(cell(text, seg, k));
      seg = k + 1;
    }
    backslashes = text[k] === '\\' ? backslashes + 1 : 0;
  }
  let rest = seg;
  while (rest < n && isWs(text[rest])) rest++;
  const trailingPipe = cells.length > 0 && rest === n;
  if (!trailingPipe) cells.push(cell(text, seg, n));
  return { cells, leadingPipe, trailingPipe };
}

function same(text: string): number {
  const got = splitRow(text);
  assert.deepEqual({ ...got, cells: got.cells.map((c) => ({ ...c })) }, reference(text), JSON.stringify(text));
  return got.cells.length;
}

test('row cells = the reading one character at a time, on every fixture line', () => {
  let cells = 0;
  for (const file of markdownUnder(FIXTURES)) for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) cells += same(line);
  assert.ok(cells > 20_000, `${cells} cells`);
});

const RUNS = budget(5000, 200_000);

test(`row cells = the reading one character at a time, on generated rows (${fuzzLabel(RUNS)})`, () => {
  const piece = fc.constantFrom(
    '|',
    '|',
    '\\',
    '\\\\',
    '\\|',
    '\\\\|',
    ' ',
    '  ',
    '\t',
    'a',
    'bc',
    '`',
    '`x|y`',
    '\u00a0',
    '\u3000',
    '**b**',
    '',
  );
  let escaped = 0;
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 16 }), (pieces) => {
      const text = pieces.join('');
      same(text);
      if (/(^|[^\\])(\\\\)*\\\|/.test(text)) escaped++;
    }),
    params(RUNS),
  );
  assert.ok(escaped > RUNS / 10, `${escaped} rows with an escaped pipe`);
});
