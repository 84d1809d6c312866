/**
 * What a check keeps alive: the engine keeps the last check (to move findings with their rows or
 * columns) and caches, never every check before it. A chain of checks, each holding the one before, grew
 * the server's heap by 76 MB per column move of a 50,000-row table, and every later collection paid for
 * it (a row inserted after a few whole-table edits took twice as long). Asserted with weak references
 * and a forced collection: an earlier check's page model must be collectable.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Engine, type PageModel } from '../../server/src/core';
import { generatePage } from '../../bench/generate';
import { moveColumn, sortBy } from '../helpers/moved-findings';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Collects garbage once the current job is over (a weak reference keeps its target until then). */
async function collect(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  gc();
}

/** Checks `lines` with `engine` and returns a weak reference to the page model checked. */
function checkRef(engine: Engine, lines: readonly string[]): WeakRef<PageModel> {
  return new WeakRef(engine.check(lines.join('\n')).page);
}

test('column moves and sorts do not keep every earlier check alive', async () => {
  const g = generatePage(400, 1);
  const lines = g.text.split('\n');
  const engine = new Engine();
  const refs: Array<[string, WeakRef<PageModel>]> = [];
  const step = (label: string): void => {
    refs.push([label, checkRef(engine, lines)]);
    assert.ok(engine.lastMovedSlices > 0 || engine.lastMovedRows > 0 || refs.length === 1, `${label}: findings moved`);
  };
  step('first check');
  moveColumn(lines, g.headerLine, 1, 2);
  step('column moved');
  moveColumn(lines, g.headerLine, 2, 1);
  step('column moved back');
  sortBy(lines, g.headerLine, 4, false);
  step('sorted');
  moveColumn(lines, g.headerLine, 1, 3);
  step('column moved after the sort');
  sortBy(lines, g.headerLine, 4, true);
  step('sorted descending');
  await collect();
  // The last check is kept (the next edit moves its findings); the one before may be, through the
  // findings moved from it; every earlier one must be gone.
  const alive = refs.slice(0, -2).filter(([, ref]) => ref.deref() !== undefined);
  assert.deepEqual(
    alive.map(([label]) => label),
    [],
    'earlier checks kept alive',
  );
});

const AGAIN: Array<[string, (lines: string[], header: number, k: number) => void]> = [
  ['sorted', (lines, header, k) => sortBy(lines, header, [4, 1, 2][k % 3], k % 2 === 1)],
  ['with its columns moved', (lines, header, k) => moveColumn(lines, header, 1 + (k % 2), 2 - (k % 2))],
];

for (const [how, edit] of AGAIN)
  test(`a table ${how} again and again does not keep every earlier table alive`, async () => {
    const g = generatePage(400, 1);
    const lines = g.text.split('\n');
    const engine = new Engine();
    engine.check(lines.join('\n'));
    const tables: Array<WeakRef<object>> = [];
    for (let k = 0; k < 5; k++) {
      edit(lines, g.headerLine, k);
      const page = engine.check(lines.join('\n')).page;
      assert.ok(engine.lastMovedRows > 0 || engine.lastMovedSlices > 0, `${how} ${k}: findings moved`);
      tables.push(new WeakRef(page.tables.find((t) => t.rows.length >= 400) ?? {}));
    }
    await collect();
    const alive = tables
      .slice(0, -2)
      .map((t, k) => (t.deref() ? `${how} ${k}` : null))
      .filter((x) => x !== null);
    assert.deepEqual(alive, [], 'tables of earlier edits kept alive');
  });
