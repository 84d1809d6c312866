/**
 * A sort moves every row of the table below its first changed row, and the moved rows' cells are made
 * only when something reads them (model/shift.ts: ShiftedRow). The counts of statuses and priorities
 * after a sort read the cells' texts alone (model/learned.ts, `cellText`); reading them through the moved
 * rows made and kept a moved copy of every cell of every row passed: at 10,000 rows about 6 MB per sort
 * that the next young-generation collections copied. Counted here by the cells moved while the sorted
 * page is checked, which must stay far below one row's cells per row.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../../server/src/core';
import { RowCell } from '../../server/src/core/markdown/table-row';
import { generatePage } from '../../bench/generate';
import { sortBy } from '../helpers/moved-findings';

test("a sort's check does not move the cells of the rows it moved", () => {
  const g = generatePage(2_000, 1);
  const lines = g.text.split('\n');
  const engine = new Engine();
  engine.check(lines.join('\n'));
  sortBy(lines, g.headerLine, 4, false);
  const text = lines.join('\n');
  const original = Object.getOwnPropertyDescriptor(RowCell.prototype, 'moved');
  assert.ok(original && typeof original.value === 'function');
  const moved = original.value as RowCell['moved'];
  let count = 0;
  RowCell.prototype.moved = function (this: RowCell, by: number): RowCell {
    count++;
    return moved.call(this, by);
  };
  try {
    engine.check(text);
  } finally {
    Object.defineProperty(RowCell.prototype, 'moved', original);
  }
  assert.equal(engine.lastModel, 'patched', 'the sort is patched, not built again');
  assert.ok(engine.lastMovedRows > 1_000, `findings moved with their rows (${engine.lastMovedRows})`);
  // Rows re-checked (slices the sort could not move findings for) read their cells: a few slices' worth.
  assert.ok(count < 2_000, `cells moved while checking the sorted page: ${count}`);
});
