import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText } from '../../server/src/core/engine';
import { applyFixGroups, fixAllGroups } from '../../server/src/core/fix';

/** Each hostile page must check without throwing, within a generous bound (a hang guard, not a benchmark). */
const BOUND_MS = 20_000;
const fm = (body = ''): string => `---\ntitle: x\ncategory: release\n${body}---\n\n# oVirt 1.0 Release Management\n`;

const CASES: Array<{ name: string; text: () => string; expect: (rules: string[]) => void }> = [
  {
    name: 'YAML alias bomb in front matter: refused with frontmatter-syntax, nothing expanded',
    text: () => fm(['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefg'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`)].join('\n') + '\n'),
    expect: (r) => assert.deepEqual(r, ['frontmatter-syntax']),
  },
  { name: '1 MB front matter: reported, not read', text: () => fm(`x: "${'a'.repeat(1_000_000)}"\n`), expect: (r) => assert.deepEqual(r, ['frontmatter-syntax']) },
  { name: 'a single 10 MB line: read line by line (parse-limit)', text: () => `${fm()}\n${'word '.repeat(2_000_000)}\n`, expect: (r) => assert.deepEqual(r, ['parse-limit']) },
  { name: 'NUL bytes in values', text: () => `${fm()}\n## Timeline\n\n*   General availability: **2020-02-30\u0000**\n`, expect: (r) => assert.ok(r.includes('date-invalid')) },
  { name: 'lone UTF-16 surrogates in a table', text: () => `${fm()}\n| Feature | Status |\n|---|---|\n| \ud800 | \udc00Green |\n`, expect: (r) => assert.deepEqual(r, ['status-unknown']) },
  { name: 'CR-only line endings', text: () => `${fm()}\n## Timeline\n\n*   General availability: **2013-13-01**\n`.replace(/\n/g, '\r'), expect: (r) => assert.deepEqual(r, ['date-invalid']) },
  { name: 'mixed line endings', text: () => '---\r\ntitle: x\ncategory: release\r---\n\n## Timeline\r\n\r\n*   General availability: **2013-02-30**\n', expect: (r) => assert.deepEqual(r, ['date-invalid']) },
  { name: 'tabs in tables', text: () => `${fm()}\n|\tFeature\t|\tStatus\t|\n|\t---\t|\t---\t|\n|\tx\t|\tred\t|\n`, expect: (r) => assert.deepEqual(r, ['status-case']) },
  { name: '10,000-deep nested block quotes: no stack overflow', text: () => `${fm()}\n${'>'.repeat(10_000)} deep\n`, expect: (r) => assert.deepEqual(r, ['parse-limit']) },
  { name: '2,000-deep nested lists: no stack overflow', text: () => `${fm()}\n${Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i * 2)}- item`).join('\n')}\n`, expect: (r) => assert.deepEqual(r, ['parse-limit']) },
  { name: 'a table with 1,000 columns', text: () => `${fm()}\n| Feature |${' Status |'.repeat(999)}\n|${'---|'.repeat(1000)}\n| x |${' red |'.repeat(999)}\n`, expect: (r) => assert.deepEqual([...new Set(r)], ['status-case']) },
  { name: 'a 2 MB table row of pipes', text: () => `${fm()}\n| a | b |\n|---|---|\n| ${'x | '.repeat(500_000)}\n`, expect: (r) => assert.deepEqual(r, ['table-cell-count']) },
];

for (const c of CASES) {
  test(`hostile input: ${c.name}`, () => {
    const text = c.text();
    const t = performance.now();
    const r = checkText(text);
    const ms = performance.now() - t;
    assert.ok(ms < BOUND_MS, `took ${ms.toFixed(0)} ms`);
    c.expect(r.findings.map((f) => f.rule));
    // Fixing keeps every character it is not meant to change: applying fixes twice is stable.
    const once = applyFixGroups(text, fixAllGroups(r.findings)).text;
    const again = applyFixGroups(once, fixAllGroups(checkText(once).findings)).text;
    assert.equal(typeof again, 'string');
  });
}

test('a BOM is not part of the first line for the editor, and the page still checks', () => {
  const r = checkText(`\uFEFF${fm()}\n## Timeline\n\n*   General availability: **2013-02-30**\n`);
  assert.equal(r.page.kind, 'release-management');
  assert.deepEqual(r.findings.map((f) => f.rule), ['date-invalid']);
});
