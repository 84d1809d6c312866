/**
 * A sort (or a moved block of rows) keeps the findings of the rows it only moved (incremental/moved-rows.ts
 * over model/row-moves.ts): the findings, their ranges and their fixes equal a fresh Engine's after sorts
 * by several columns, sorts and column moves in turn (findings moved with their columns, then with their
 * rows, and back), rows edited in the same change, rows inserted above, moved blocks, and on a page whose
 * legend lacks a value (whose first row's findings depend on where it is); and it takes the fast path
 * (the engine's counter).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../../server/src/core';
import { generatePage } from '../../bench/generate';
import { bodyEnd, cells, checkBoth, moveColumn, sortBy } from '../helpers/moved-findings';

/** The generated page without its legend (the legend's first-row findings make a sort change the page's context). */
function withoutLegend(text: string): string {
  return text.slice(0, text.indexOf('\n### Feature Table Mapping'));
}

test('sorts by several columns keep the findings of the rows they moved, equal to a fresh check (ranges and fixes)', () => {
  const g = generatePage(700, 6);
  const lines = withoutLegend(g.text).split('\n');
  const engine = new Engine();
  engine.check(lines.join('\n'));
  const rows = bodyEnd(lines, g.headerLine) - g.headerLine - 2;
  for (const [k, [col, desc]] of (
    [
      [4, false],
      [2, true],
      [0, false],
      [6, true],
      [4, true],
    ] as const
  ).entries()) {
    sortBy(lines, g.headerLine, col, desc);
    // Every other sort reads no fixes before the next: moved findings are then moved again unread.
    const how = checkBoth(engine, lines.join('\n'), `sort ${k}: column ${col}${desc ? ' descending' : ''}`, k % 2 === 1);
    assert.equal(how, 'patched', `sort ${k}: the model patched (model/patch.ts)`);
    // The slices are cut again (by text), so few are found in the cache: most rows must come from the move.
    assert.ok(engine.lastMovedRows > rows / 2, `sort ${k}: ${engine.lastMovedRows} of ${rows} rows' findings moved`);
  }
});

test("sorts and column moves in turn move each other's findings, equal to a fresh check", () => {
  const g = generatePage(600, 9);
  const lines = withoutLegend(g.text).split('\n');
  const engine = new Engine();
  engine.check(lines.join('\n'));
  const steps: Array<[string, () => void]> = [
    ['move column 1 to 3', () => moveColumn(lines, g.headerLine, 1, 3)],
    ['sort by column 4', () => sortBy(lines, g.headerLine, 4, false)],
    ['move column 0 to 6', () => moveColumn(lines, g.headerLine, 0, 6)],
    ['sort by column 2 descending', () => sortBy(lines, g.headerLine, 2, true)],
    ['sort by column 5', () => sortBy(lines, g.headerLine, 5, false)],
    ['move column 6 to 0', () => moveColumn(lines, g.headerLine, 6, 0)],
  ];
  for (const [k, [label, step]] of steps.entries()) {
    step();
    checkBoth(engine, lines.join('\n'), label, k % 3 !== 1);
    if (label.startsWith('sort')) assert.ok(engine.lastMovedRows > 0, `${label}: rows' findings moved`);
    else assert.ok(engine.lastMovedSlices > 0, `${label}: slices moved with the columns`);
  }
});

test('a sort that also edits rows, a sort after rows inserted above, and a moved block equal a fresh check', () => {
  const g = generatePage(500, 7);
  const lines = withoutLegend(g.text).split('\n');
  const engine = new Engine();
  engine.check(lines.join('\n'));
  // Rows inserted in the middle: the slices below keep their findings, moved by two lines.
  lines.splice(g.middleLine, 0, lines[g.middleLine], lines[g.middleLine + 1]);
  checkBoth(engine, lines.join('\n'), 'rows inserted', false);
  // A sort in which some rows also get new text (a remark written; a new status would change the page's
  // learned values, and with them every row's context).
  sortBy(lines, g.headerLine, 4, false);
  const remarks = cells(lines[g.headerLine]).findIndex((c) => c.trim() === 'Remarks');
  for (const l of [g.headerLine + 5, g.middleLine, g.middleLine + 30]) {
    const c = cells(lines[l]);
    c[remarks] = ' see [the plan](Features/Plan B) ';
    lines[l] = `|${c.join('|')}|`;
  }
  checkBoth(engine, lines.join('\n'), 'sorted with edited rows');
  assert.ok(engine.lastMovedRows > 0, 'rows whose findings were moved');
  // A block of 30 rows cut and pasted 50 rows lower (the same lines rewritten, no row added).
  const at = g.middleLine - 100;
  const block = lines.splice(at, 30);
  lines.splice(at + 50, 0, ...block);
  assert.equal(checkBoth(engine, lines.join('\n'), 'moved block'), 'patched');
  assert.ok(engine.lastMovedRows >= 30, `moved block: ${engine.lastMovedRows} rows' findings moved`);
});

test('on a page with a legend, a sort that moves the first row of a value the legend lacks equals a fresh check', () => {
  // legend-mismatch reports such a value on its first row only: that row's findings depend on where it is.
  // The old and the new first rows are checked by the rules, the other rows keep their findings.
  const g = generatePage(400, 6);
  const lines = g.text.split('\n');
  const engine = new Engine();
  engine.check(g.text);
  for (const [col, desc] of [
    [2, false],
    [2, true],
    [4, false],
    [0, true],
  ] as const) {
    sortBy(lines, g.headerLine, col, desc);
    const text = lines.join('\n');
    checkBoth(engine, text, `legend page, sort by column ${col}`);
    assert.ok(engine.lastMovedRows > 0, `legend page, sort by column ${col}: rows' findings moved`);
    assert.ok(
      engine.check(text).findings.some((f) => f.rule === 'legend-mismatch'),
      'the page has a value its legend lacks (else this test proves nothing)',
    );
  }
});

test('on a page with a legend, a block of rows moved from around the first row of such a value equals a fresh check', () => {
  const g = generatePage(1500, 2);
  const engine = new Engine();
  const firsts = engine
    .check(g.text)
    .findings.filter((f) => f.rule === 'legend-mismatch')
    .map((f) => f.range.start.line);
  assert.ok(firsts.length > 0, 'the page has a value its legend lacks');
  let moved = 0;
  for (const line of firsts) {
    for (const back of [0, 3, 10]) {
      // 40 rows cut from just above the value's first row and pasted 300 rows lower: another row becomes its first.
      const lines = g.text.split('\n');
      const at = Math.max(g.headerLine + 2, line - back);
      lines.splice(at + 300, 0, ...lines.splice(at, 40));
      const mine = new Engine();
      mine.check(g.text);
      checkBoth(mine, lines.join('\n'), `block from line ${at}`);
      if (mine.lastMovedRows > 0) moved++;
    }
  }
  assert.ok(moved > 0, `${moved} moved blocks moved their rows' findings`);
});
