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
import * as fc from 'fast-check';
import { structuralEdits, structuralOp, type StructuralEdit } from '../fuzz/structural';
import { assertProperty } from '../fuzz/check';
import { budget, fuzzLabel, params } from '../helpers/fuzz';
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

// A case is a 600-row page checked twice per edit, with its model compared (about 0.1 s an edit).
const SEQUENCES = budget(10, 200);

test(`fuzz: random structural edits of a big table; one engine equals a fresh one, model and findings (${fuzzLabel(SEQUENCES, 'sequences')})`, () => {
  const g = generatePage(600, 5);
  let patched = 0;
  let edits = 0;
  assertProperty(
    fc.property(fc.array(structuralOp, { minLength: 1, maxLength: 4 }), fc.boolean(), (ops, crlf) => {
      let text = crlf ? g.text.replace(/\n/g, '\r\n') : g.text;
      const engine = new Engine();
      engine.check(text);
      for (const e of ops) {
        text = e.apply(text);
        edits++;
        if (assertSame(engine, text, `${e.kind} ${JSON.stringify(e.args)}`) === 'patched') patched++;
      }
    }),
    params(SEQUENCES, 17),
  );
  // The property must exercise the patch, not only the build.
  assert.ok(patched > edits / 3, `${patched} of ${edits} edits patched`);
});
