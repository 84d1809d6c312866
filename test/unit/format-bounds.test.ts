// Formatting stays proportional to the page: the tester's case (a 2,000-row table with one
// 100,000-character cell) used to pad every row to 100,000 characters (488 KB in, 192 MB out). With the
// default column width limit the output is the input plus a little padding per cell, and the edits touch
// only the lines that change, each no larger than its line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_FORMAT_OPTIONS, Engine, formatTables, formatText } from '../../server/src/core';
import { bigTablePage } from '../helpers/big-pages';

const ROWS = 2000;
/**
 * Output allowed per input character. Aligning this page's short columns (at most 30 display columns)
 * adds about 22% (measured: 298,436 characters in, 363,600 out); 1.5 leaves room for a change of the
 * page generator. Without the limit the output was about 400 times the input.
 */
const GROWTH = 1.5;

test("the tester's page (2,000 rows, one 100,000-character cell): output at most 1.5 times the input", () => {
  const input = bigTablePage(ROWS, 100_000);
  const t0 = performance.now();
  const { text, edits } = formatText(input, DEFAULT_FORMAT_OPTIONS);
  const ms = performance.now() - t0;
  const bound = Math.ceil(input.length * GROWTH);
  console.log(`format-bounds: ${input.length} chars in, ${text.length} out (bound ${bound}), ${edits.length} edits in ${ms.toFixed(0)} ms`);
  assert.ok(text.length <= bound, `output ${text.length} chars for ${input.length} in (bound ${bound})`);
  const editChars = edits.reduce((n, e) => n + e.newText.length, 0);
  assert.ok(editChars <= bound, `edits carry ${editChars} chars`);
  // The huge cell's line is not re-padded: its line changes only around the short cells.
  const hugeLine = input.split('\n').findIndex((l) => l.includes('x'.repeat(1000)));
  for (const e of edits) if (e.range.start.line === hugeLine) assert.ok(e.newText.length < 1000, 'no edit carries the huge cell');
});

test('edits only for lines that change, each within one line and no larger than the line it makes', () => {
  const input = bigTablePage(300, 5_000);
  const page = new Engine().model(input);
  const edits = formatTables(page, DEFAULT_FORMAT_OPTIONS);
  const out = formatText(input, DEFAULT_FORMAT_OPTIONS).text.split('\n');
  const before = input.split('\n');
  const changed = new Set<number>();
  for (let i = 0; i < before.length; i++) if (before[i] !== out[i]) changed.add(i);
  const edited = new Set(edits.map((e) => e.range.start.line));
  assert.deepEqual(
    [...edited].sort((a, b) => a - b),
    [...changed].sort((a, b) => a - b),
  );
  for (const e of edits) {
    assert.equal(e.range.start.line, e.range.end.line);
    assert.ok(e.newText.length <= out[e.range.start.line].length);
  }
  // The formatted page gets no edit at all.
  assert.deepEqual(formatTables(new Engine().model(out.join('\n')), DEFAULT_FORMAT_OPTIONS), []);
});

test('maxColumnWidth 0 still means no limit (the user asked for it)', () => {
  const input = bigTablePage(20, 500);
  const { text } = formatText(input, { style: 'aligned', maxColumnWidth: 0 });
  const rows = text.split('\n').filter((l) => l.startsWith('| Team'));
  assert.ok(
    rows.every((l) => l.length > 500),
    'every row padded to the huge cell',
  );
});
