/** Picking the findings an editor shows of a big page (core/incremental/shown-findings.ts) equals sorting the whole list. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine, type Finding, severest } from '../../server/src/core';
import { editCell, generatePage, STATUS_COLUMN } from '../../bench/generate';

const RANK = { error: 0, warning: 1, information: 2, hint: 3 } as const;
const show = (fs: readonly Finding[]): string[] =>
  fs.map((f) => `${f.range.start.line}:${f.range.start.character} ${f.severity} ${f.rule}`);
const expected = (all: readonly Finding[], max: number): string[] =>
  show(
    all
      .map((f, i) => ({ f, i }))
      .sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.i - b.i)
      .slice(0, max)
      .map(({ f }) => f),
  );

test('the most severe findings, in page order within a severity, whether the check is sliced or whole', () => {
  const page = generatePage(3000, 9);
  for (const wholeTables of [false, true]) {
    const engine = new Engine();
    const result = engine.check(page.text, { wholeTables });
    assert.equal(result.parts !== undefined, !wholeTables);
    const severities = new Set(result.findings.map((f) => f.severity));
    assert.ok(severities.has('error') && severities.has('warning') && severities.has('information'), [...severities].join());
    for (const max of [0, 1, 7, 100, 1000, 4000, result.findings.length, result.findings.length + 5]) {
      assert.deepEqual(show(severest(result, max)), expected(result.findings, max), `max ${max}, wholeTables ${wholeTables}`);
    }
    // After an edit (unchanged slices keep their split), again equal to sorting.
    const edited = engine.check(editCell(page.text, page.middleLine, STATUS_COLUMN, '31/06/2013').text, { wholeTables });
    assert.deepEqual(show(severest(edited, 1000)), expected(edited.findings, 1000));
  }
});
