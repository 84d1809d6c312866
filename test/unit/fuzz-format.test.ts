// The table formatter over whole generated pages (tables inside lists, quotes, next to fences, HTML,
// front matter, broken rows, every line ending): idempotent, every line outside tables and every line
// ending kept, every table cell kept, only whitespace, pipes and delimiter dashes changed, and the
// checker reads the formatted page the same way. Budget and seed: test/helpers/fuzz.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { Engine, type FormatOptions, formatText, type PageModel, splitLines } from '../../server/src/core';
import { assertProperty, strictCheck } from '../fuzz/check';
import { page } from '../fuzz/pages';
import { budget, fuzzLabel, params } from '../helpers/fuzz';

// A case formats a page twice and checks it twice (about 30-80 ms).
const RUNS = budget(100, 2_500);

const options: fc.Arbitrary<FormatOptions> = fc.record({
  style: fc.constantFrom('aligned' as const, 'compact' as const),
  maxColumnWidth: fc.constantFrom(0, 0, 8, 40),
});

function gfmTables(page: PageModel): Array<{ lines: Set<number>; cells: string[][] }> {
  return page.tables
    .filter((t) => t.parsed.kind === 'gfm' && t.parsed.header)
    .map((t) => {
      const lines = new Set<number>();
      for (let l = t.parsed.startLine; l <= t.parsed.endLine; l++) lines.add(l);
      return { lines, cells: [t.parsed.header!, ...t.parsed.rows].map((r) => r.cells.map((c) => c.text.trim())) };
    });
}

/** What may differ between a table line and its formatted form. */
const layout = (s: string): string => s.replace(/[\s|:-]/g, '');

test(`fuzz: formatting whole generated pages is idempotent and keeps every character that is not table layout (${fuzzLabel(RUNS, 'pages')})`, () => {
  const started = performance.now();
  let formatted = 0;
  assertProperty(
    fc.property(page, options, (text, o) => {
      const once = formatText(text, o).text;
      assert.equal(formatText(once, o).text, once, 'formatting twice changes nothing');
      if (once === text) return;
      formatted++;
      assert.equal(once.charCodeAt(0) === 0xfeff, text.charCodeAt(0) === 0xfeff, 'BOM kept');
      const body = (s: string): string => s.replace(/^\uFEFF/, '');
      const engine = new Engine();
      const before = strictCheck(engine, body(text), { force: true });
      const tables = gfmTables(before.page);
      const inTable = new Set(tables.flatMap((t) => [...t.lines]));
      const a = splitLines(body(text));
      const b = splitLines(body(once));
      assert.equal(b.length, a.length, 'same number of lines');
      a.forEach((l, i) => {
        assert.equal(b[i].eol, l.eol, `line ending of line ${i}`);
        if (inTable.has(i)) assert.equal(layout(b[i].text), layout(l.text), `only layout changed on table line ${i}`);
        else assert.equal(b[i].text, l.text, `line ${i} outside tables unchanged`);
      });
      const after = strictCheck(new Engine(), body(once), { force: true });
      assert.deepEqual(
        gfmTables(after.page).map((t) => t.cells),
        tables.map((t) => t.cells),
        'every cell kept',
      );
      // Same findings (rules, lines and messages; columns move with the padding), when every row was well
      // formed. Rows with the wrong number of cells are left as they are, but the outer pipes added to the
      // header change which table-* rule explains them (a missing cell, or a row broken across lines, whose
      // joined cells are then read as values): such pages are not compared.
      if (before.findings.some((f) => f.rule.startsWith('table-'))) return;
      const summary = (fs: typeof before.findings): string[] => fs.map((f) => `${f.range.start.line} ${f.rule} ${f.message}`);
      assert.deepEqual(summary(after.findings), summary(before.findings), 'the checker reads the formatted page the same way');
    }),
    params(RUNS),
  );
  console.log(
    `fuzz format: ${fuzzLabel(RUNS, 'generated pages')} (${formatted} changed by formatting), ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
});
