/**
 * A column move keeps the findings of the rows it only moved (incremental/moved-columns.ts over
 * model/permute.ts): the findings, their ranges and their fixes equal a fresh Engine's after moves in a
 * row (the moved findings moved again), with rows of other cell counts and rows edited in the same change
 * among them; and it takes the fast path (the engine's counter), or does not where it must not.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../../server/src/core';
import { cellShift, composeMoves } from '../../server/src/core/model/permute';
import { RowCell } from '../../server/src/core/markdown/table';
import { generatePage } from '../../bench/generate';
import { cells, checkBoth, moveColumn } from '../helpers/moved-findings';

test('cell shifts: a span within one cell moves with it, the whole row stays, a span across cells has no place', () => {
  // Cells [1, 5), [6, 10), [11, 15); the second and third swap places (both 4 wide).
  const cell = (rawStart: number, rawEnd: number): RowCell => new RowCell(0, 'x', rawStart + 1, rawStart, rawEnd);
  const before = [cell(1, 5), cell(6, 10), cell(11, 15)];
  const after = [cell(1, 5), cell(6, 10), cell(11, 15)];
  const swap = [0, 2, 1];
  assert.equal(cellShift(before, after, swap, 7, 9), 5);
  assert.equal(cellShift(before, after, swap, 11, 11), -5);
  assert.equal(cellShift(before, after, swap, 2, 3), 0);
  assert.equal(cellShift(before, after, swap, 0, 16), 0);
  assert.equal(cellShift(before, after, swap, 4, 7), null);
  // Swapping again brings every cell home.
  assert.deepEqual(composeMoves(swap, swap), [0, 1, 2]);
  // Rows of another cell count do not meet.
  assert.equal(cellShift(before, after.slice(1), swap, 7, 9), null);
});

test('columns moved again and again keep the findings of the rows they only moved, equal to a fresh check (ranges and fixes)', () => {
  const g = generatePage(700, 6);
  const lines = g.text.split('\n');
  const engine = new Engine();
  engine.check(g.text);
  const moves: Array<[number, number]> = [
    [1, 2],
    [0, 7],
    [4, 1],
    [7, 0],
    [2, 5],
  ];
  for (const [k, [from, to]] of moves.entries()) {
    moveColumn(lines, g.headerLine, from, to);
    const text = lines.join('\n');
    // Every other move reads no fixes before the next: moved findings are then moved again unread.
    const how = checkBoth(engine, text, `move ${k}: column ${from} to ${to}`, k % 2 === 1);
    assert.equal(how, 'patched', `move ${k}: the model patched (model/patch-columns.ts)`);
    assert.ok(engine.lastMovedSlices > 0, `move ${k}: slices taken from the column move`);
  }
});

test('a column move that also edits rows, or follows rows inserted above the slices, equals a fresh check', () => {
  const g = generatePage(500, 7);
  const lines = g.text.split('\n');
  const engine = new Engine();
  engine.check(g.text);
  // Rows inserted in the middle: the slices below keep their findings, moved by two lines.
  lines.splice(g.middleLine, 0, lines[g.middleLine], lines[g.middleLine + 1]);
  checkBoth(engine, lines.join('\n'), 'rows inserted', false);
  // A column move in which some rows also get new text (a status changed, a template leftover written).
  moveColumn(lines, g.headerLine, 0, 3);
  const statusColumn = cells(lines[g.headerLine]).findIndex((c) => c.trim() === 'Status');
  for (const l of [g.headerLine + 5, g.middleLine, g.middleLine + 30]) {
    const c = cells(lines[l]);
    c[statusColumn] = ' Blocked on X.Y.Z ';
    lines[l] = `|${c.join('|')}|`;
  }
  checkBoth(engine, lines.join('\n'), 'moved with edited rows', true);
  assert.ok(engine.lastMovedSlices > 0, 'slices taken from the column move');
});

test('a header whose columns keep no single meaning, or a changed header name, is checked by the rules again', () => {
  const g = generatePage(300, 8);
  const lines = g.text.split('\n');
  const engine = new Engine();
  engine.check(g.text);
  // Two columns named alike: which one is the Status column depends on their order.
  const header = cells(lines[g.headerLine]);
  const status = header.findIndex((c) => c.trim() === 'Status');
  header[status === 1 ? 2 : 1] = ' Status ';
  lines[g.headerLine] = `|${header.join('|')}|`;
  checkBoth(engine, lines.join('\n'), 'two Status columns', true);
  moveColumn(lines, g.headerLine, 1, status);
  checkBoth(engine, lines.join('\n'), 'two Status columns moved', true);
  assert.equal(engine.lastMovedSlices, 0, 'no column move taken');
  // A header name changed along with the move.
  const h = cells(lines[g.headerLine]);
  h[0] = ' Renamed ';
  lines[g.headerLine] = `|${h.join('|')}|`;
  moveColumn(lines, g.headerLine, 0, 2);
  checkBoth(engine, lines.join('\n'), 'renamed and moved', true);
  assert.equal(engine.lastMovedSlices, 0, 'no column move taken');
});
