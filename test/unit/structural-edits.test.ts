/**
 * Structural edits of a big table (rows inserted, deleted, pasted, moved; a column moved; the rows
 * sorted) through one Engine, as the language server applies them: the model is patched where it should
 * be (the test proves the fast path is taken), and the patched model and its findings equal a fresh
 * Engine's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine, type Finding, type PageModel } from '../../server/src/core';
import { generatePage } from '../../bench/generate';
import { structuralEdits, type StructuralEdit } from '../fuzz/structural';
import { modelShape } from '../fuzz/model-shape';

const show = (fs: readonly Finding[]): string[] =>
  fs.map(
    (f) =>
      `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.rule} ${f.message} ${JSON.stringify(f.fixes)}`,
  );

/** Models and checks `text` with `engine` and with a fresh Engine; returns how `engine` got its model. */
function assertSame(engine: Engine, text: string, label: string): Engine['lastModel'] {
  const fresh = new Engine();
  const model: PageModel = engine.model(text);
  const how = engine.lastModel;
  assert.deepEqual(modelShape(model), modelShape(fresh.model(text)), `${label}: model`);
  assert.deepEqual(show(engine.check(text).findings), show(fresh.check(text).findings), `${label}: findings`);
  return how;
}

const EXPECTED: Record<StructuralEdit['kind'], 'patched' | 'built' | 'either'> = {
  insertRows: 'patched',
  deleteRows: 'patched',
  pasteRows: 'patched',
  moveRow: 'patched',
  moveColumn: 'built',
  sort: 'patched',
};

test('structural edits of a 1,000-row table are patched and equal a fresh check (model and findings)', () => {
  const g = generatePage(1000, 3);
  let text = g.text;
  const engine = new Engine();
  engine.check(text);
  const edits = structuralEdits(g.headerLine, 40);
  for (const [k, e] of edits.entries()) {
    const before = text;
    text = e.apply(text);
    const label = `edit ${k} ${e.kind} ${JSON.stringify(e.args)}`;
    const how = assertSame(engine, text, label);
    const expected = text === before ? 'same' : EXPECTED[e.kind];
    if (expected !== 'either') assert.equal(how, expected, label);
  }
});

test('row edits below the first lines of the page that a detection reads, after the last row or in a small table are built again and stay equal', () => {
  const g = generatePage(100, 2);
  const engine = new Engine();
  let text = g.text;
  engine.check(text);
  const lines = text.split('\n');
  // Insert a row in the middle of a 100-row table: the table ends before line 200, so the page is built.
  lines.splice(g.middleLine, 0, lines[g.middleLine]);
  text = lines.join('\n');
  assert.equal(assertSame(engine, text, 'small table'), 'built');
});
