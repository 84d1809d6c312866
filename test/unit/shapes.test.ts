/**
 * The page model's objects have one shape (V8's hidden class) whoever makes them: the build,
 * a patch, the views of slices, the scanner or remark, a region moved down. V8 then gives them one hidden
 * class, made from an object literal that lives as long as the code (see server/src/core/incremental/model-literals.ts); the
 * rules stay monomorphic, and their optimized code is not thrown away when a page is dropped.
 * (The kept class instances of incremental/shapes.ts are not tested here: what they prevent is a slowdown, which the
 * benchmark shows — `node --trace-deopt` counts "reason: weak objects" without them.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { Engine, type PageModel } from '../../server/src/core';
import { restPage, slicePage, sliceTables } from '../../server/src/core/incremental/slices';
import { generatePage, editCell, statusEdit, STATUS_COLUMN } from '../../bench/generate';

// V8's own answer: do two objects have the same hidden class ("map")?
setFlagsFromString('--allow-natives-syntax');
const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

function shapesOf(page: PageModel, into: Map<string, object[]>): void {
  const add = (kind: string, o: object): void => {
    const list = into.get(kind) ?? [];
    list.push(o);
    into.set(kind, list);
  };
  add('page', page);
  for (const t of page.tables) {
    add('table', t);
    add('parsed table', t.parsed);
  }
}

test('pages, tables and parsed tables have one shape whether built, patched, sliced, parsed by remark or moved', () => {
  const generated = generatePage(300, 3);
  // A table in a block quote is read by remark, not the scanner.
  const quoted = `${generated.text}\n> | a | b |\n> |---|---|\n> | 1 | 2 |\n`;
  const engine = new Engine();
  const built = engine.model(quoted);
  assert.ok(
    built.tables.some((t) => t.parsed.fromMdast),
    'a table read by remark',
  );
  const patched = engine.model(editCell(quoted, generated.middleLine, STATUS_COLUMN, statusEdit(1)).text);
  assert.equal(engine.lastModel, 'patched');
  // Lines added above: the regions below are moved, not read again.
  const moved = engine.model(`Intro.\n\n${quoted}`);
  assert.equal(engine.lastModel, 'built');

  const shapes = new Map<string, object[]>();
  for (const page of [built, patched, moved]) {
    shapesOf(page, shapes);
    const slices = sliceTables(page);
    assert.ok(slices.length > 1, 'the big table is sliced');
    shapesOf(restPage(page, slices), shapes);
    for (const s of slices) shapesOf(slicePage(page, s), shapes);
  }
  for (const [kind, list] of shapes) {
    assert.ok(list.length > 3, kind);
    list.forEach((o, i) => assert.ok(haveSameMap(list[0], o), `${kind} ${i} has another hidden class: ${Object.keys(o).join(',')}`));
  }
});
