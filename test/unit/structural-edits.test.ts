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
  moveColumn: 'patched',
  sort: 'patched',
};

test('structural edits of a 1,000-row table are patched and equal a fresh check (model and findings)', () => {
  const g = generatePage(1000, 3);
  let text = g.text;
  const engine = new Engine();
  engine.check(text);
  const edits = structuralEdits(g.headerLine, 40);
  let moves = 0;
  let sorts = 0;
  for (const [k, e] of edits.entries()) {
    const before = text;
    text = e.apply(text);
    const label = `edit ${k} ${e.kind} ${JSON.stringify(e.args)}`;
    const how = assertSame(engine, text, label);
    const expected = text === before ? 'same' : EXPECTED[e.kind];
    if (expected !== 'either') assert.equal(how, expected, label);
    // A column move keeps the findings of the rows it only moved (incremental/moved-columns.ts): it must
    // not silently fall back to checking every slice again.
    if (e.kind === 'moveColumn' && text !== before) {
      moves++;
      assert.ok(engine.lastMovedSlices > 0, `${label}: slices taken from the column move`);
    }
    // A sort keeps the findings of the rows it moved (incremental/moved-rows.ts): it must not silently fall
    // back to the rules (6 sorts in this sequence; one may leave the text as it was).
    if (e.kind === 'sort' && engine.lastMovedRows > 0) sorts++;
  }
  assert.ok(moves >= 3, `${moves} column moves`);
  assert.ok(sorts >= 5, `${sorts} sorts moved their rows' findings`);
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

test('rows inserted or deleted in a big table keep the findings of every slice around the edit: the same list, moved by an offset', () => {
  const g = generatePage(3000, 4);
  const engine = new Engine();
  const lines = g.text.split('\n');
  const first = engine.check(g.text);
  const lists = new Set(first.parts?.slices.map((s) => s.list));
  assert.ok(lists.size > 8, 'the table is checked in slices');
  // `by`: the lines added above the slices below both edits since the first check.
  for (const [label, by, edit] of [
    [
      'insert 2 rows',
      2,
      (): void =>
        void lines.splice(
          g.middleLine,
          0,
          `| Inserted A |${lines[g.middleLine].split('|').slice(2).join('|')}`,
          `| Inserted B |${lines[g.middleLine].split('|').slice(2).join('|')}`,
        ),
    ],
    ['delete 1 row', 1, (): void => void lines.splice(g.middleLine + 40, 1)],
  ] as const) {
    edit();
    const text = lines.join('\n');
    const result = engine.check(text);
    assert.equal(engine.lastModel, 'patched', label);
    const slices = result.parts?.slices ?? [];
    // Kept: the very list of the last check (not checked again, no finding copied). At most the slices
    // holding the edit are checked again; those below it are moved by the lines the edit added.
    const kept = slices.filter((s) => lists.has(s.list));
    assert.ok(kept.length >= slices.length - 3, `${label}: ${kept.length} of ${slices.length} slices kept`);
    const moved = kept.filter((s) => s.by === by);
    assert.ok(moved.length > slices.length / 4, `${label}: ${moved.length} slices below the edit moved by ${by}`);
    for (const s of slices) lists.add(s.list);
    assert.deepEqual(show(result.findings), show(new Engine().check(text).findings), `${label}: findings`);
  }
});

test('a row inserted with a year or a day/month order the page does not have yet changes the date facts of the page as a build does', () => {
  const g = generatePage(1000, 3);
  const engine = new Engine();
  let text = g.text;
  engine.check(text);
  const at = g.middleLine;
  for (const [label, date] of [
    ['a new year', '2041-03-04'],
    ['a day-first slash date', '25/03/2041'],
    ['a month-first slash date', '03/25/2041'],
  ] as const) {
    const lines = text.split('\n');
    const cells = lines[at].split('|');
    cells[6] = ` ${date} `; // the Target date column
    lines.splice(at, 0, cells.join('|'));
    text = lines.join('\n');
    assert.equal(assertSame(engine, text, label), 'patched', label);
  }
});

// A case is a 600-row page checked twice per edit, with its model compared (about 0.1 s an edit).
const SEQUENCES = budget(10, 200);

test(`fuzz: random structural edits of a big table; one engine equals a fresh one, model and findings (${fuzzLabel(SEQUENCES, 'sequences')})`, () => {
  const g = generatePage(600, 5);
  let patched = 0;
  let edits = 0;
  let movedColumns = 0;
  let movedRows = 0;
  assertProperty(
    fc.property(fc.array(structuralOp, { minLength: 1, maxLength: 4 }), fc.boolean(), (ops, crlf) => {
      let text = crlf ? g.text.replace(/\n/g, '\r\n') : g.text;
      const engine = new Engine();
      engine.check(text);
      for (const e of ops) {
        text = e.apply(text);
        edits++;
        if (assertSame(engine, text, `${e.kind} ${JSON.stringify(e.args)}`) === 'patched') patched++;
        if (engine.lastMovedSlices > 0) movedColumns++;
        if (engine.lastMovedRows > 0) movedRows++;
      }
    }),
    params(SEQUENCES, 17),
  );
  // The property must exercise the patch, not only the build, and the findings moved with the columns.
  assert.ok(patched > edits / 3, `${patched} of ${edits} edits patched`);
  assert.ok(movedColumns > 0, `${movedColumns} of ${edits} edits moved findings with the columns`);
  assert.ok(movedRows > 0, `${movedRows} of ${edits} edits moved findings with their rows`);
});

test('rows inserted and deleted above a row joined from two lines are patched and equal a fresh check', () => {
  // The rows below an edit are moved as one run of single-line rows until a joined row ends it
  // (model/shift.ts rowsBelow): both halves of that path, an edit above the joined row and one below it.
  const g = generatePage(300, 1);
  const lines = g.text.split('\n');
  const broken = g.headerLine + 250;
  const row = lines[broken];
  const cut = Math.floor(row.length / 2);
  lines.splice(broken, 1, row.slice(0, cut), row.slice(cut).replace(/^\s*\|?/, ''));
  const engine = new Engine();
  const table = engine.model(lines.join('\n')).tables.find((t) => t.rows.length > 200);
  assert.ok(
    table?.rows.some((r) => r.lines.length > 1),
    'a row joined from two lines',
  );
  for (const at of [g.headerLine + 20, g.headerLine + 240, g.headerLine + 280]) {
    lines.splice(at, 0, lines[at].replace(/^\|[^|]*\|/, '| Inserted |'));
    assert.equal(assertSame(engine, lines.join('\n'), `insert at ${at}`), 'patched');
    lines.splice(at, 1);
    assert.equal(assertSame(engine, lines.join('\n'), `delete at ${at}`), 'patched');
  }
});
