// Random edits of the real corpus and seed pages (insert, delete, swap lines, cut a table in half, grow a
// table past the slice size, paste generated text, retype a cell): nothing throws, and one Engine kept
// across the edits (the incremental path the server takes) reports exactly what a fresh Engine checking
// tables whole reports. Budget and seed: test/helpers/fuzz.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { Engine, type Finding } from '../../server/src/core';
import { assertFindingsValid, assertProperty, strictCheck } from '../fuzz/check';
import { applyOp, op } from '../fuzz/edits';
import { budget, fuzzLabel, params } from '../helpers/fuzz';
import { pagesIn, readFixture } from '../helpers/paths';

const PAGES = [...pagesIn('corpus').map((n) => readFixture('corpus', n)), ...pagesIn('seeds').map((n) => readFixture('seeds', n))];
// A case is a whole corpus page checked three times per edit (about 0.1-0.3 s).
const SEQUENCES = budget(12, 200);

const show = (fs: readonly Finding[]): string[] =>
  fs.map(
    (f) =>
      `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.rule} ${f.message} ${JSON.stringify(f.fixes)}`,
  );

test(`fuzz: random edits of corpus pages; one engine across the edits equals a fresh whole-table check (${fuzzLabel(SEQUENCES, 'pages')})`, () => {
  const started = performance.now();
  let edits = 0;
  assertProperty(
    fc.property(fc.nat(PAGES.length - 1), fc.array(op, { minLength: 1, maxLength: 5 }), fc.boolean(), (index, ops, crlf) => {
      const engine = new Engine();
      let text = crlf ? PAGES[index].replace(/\n/g, '\r\n') : PAGES[index];
      strictCheck(engine, text, { force: true });
      for (const o of ops) {
        text = applyOp(text, o);
        edits++;
        const incremental = strictCheck(engine, text, { force: true });
        assertFindingsValid(text, incremental.findings);
        const fresh = strictCheck(new Engine(), text, { force: true, wholeTables: true });
        assert.deepEqual(show(incremental.findings), show(fresh.findings), `after ${JSON.stringify(o).slice(0, 200)}`);
      }
    }),
    params(SEQUENCES),
  );
  console.log(
    `fuzz corpus edits: ${fuzzLabel(SEQUENCES, 'pages')}, ${edits} edits, ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
});
