// Counterexamples the fuzz tests found (shrunk by fast-check), kept as plain tests once fixed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFixGroups, Engine } from '../../server/src/core';
import { assertFindingsValid, strictCheck } from '../fuzz/check';

const CASES: Array<{ found: string; text: string; rule: string; at: [number, number, number, number] }> = [
  {
    // A YAML error on an empty line of the front matter ended one character past the line (FUZZ_SEED=20240501, corpus edits).
    found: 'front matter errors on an empty line end at the line end',
    text: '---\ntitle: FeatureList\nauthors: a, b\n| % Complete | Name |\n\n# Feature List\n\n---\n',
    rule: 'frontmatter-syntax',
    at: [4, 0, 4, 0],
  },
  {
    // A weekday written on the continuation line of a broken table row was placed on the row's first line,
    // past its end (FUZZ_SEED=99, path 20203:…).
    found: 'a weekday on the continuation line of a broken row is placed on that line',
    text: '# oVirt 3.3 Release Management\n\n| Feature | Target date |\n| --- | --- |\n| x | 1999-01-01\n (Mon) |\n',
    rule: 'weekday-mismatch',
    at: [5, 2, 5, 5],
  },
];

for (const c of CASES) {
  test(`fuzz regression: ${c.found}`, () => {
    const r = strictCheck(new Engine(), c.text, { force: true });
    assertFindingsValid(c.text, r.findings);
    const f = r.findings.find((x) => x.rule === c.rule && x.range.start.line === c.at[0]);
    assert.ok(f, `${c.rule} on line ${c.at[0]}: ${JSON.stringify(r.findings.map((x) => [x.rule, x.range]))}`);
    assert.deepEqual([f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character], c.at);
    for (const fix of f.fixes) {
      const fixed = applyFixGroups(c.text, [fix.edits]).text;
      assert.ok(
        !strictCheck(new Engine(), fixed, { force: true }).findings.some((x) => x.rule === c.rule && x.range.start.line === c.at[0]),
        `fix "${fix.title}"`,
      );
    }
  });
}
