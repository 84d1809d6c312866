import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFixGroups, checkText, Engine, fixAllGroups } from '../../server/src/core';
import { EDITOR_MAX_PER_FILE, MAX_DIAGNOSTICS, pageDiagnostics } from '../../server/src/lsp/diagnostics';
import { withCpuTime } from '../helpers/cpu-time';

/** Each hostile page must check without throwing, within a generous bound of CPU time (a hang guard, not a benchmark; CPU time,
 * so that other processes on a shared machine cannot fail it). */
const BOUND_MS = 20_000;
const fm = (body = ''): string => `---\ntitle: x\ncategory: release\n${body}---\n\n# oVirt 1.0 Release Management\n`;

const CASES: Array<{ name: string; text: () => string; expect: (rules: string[]) => void }> = [
  {
    name: 'YAML alias bomb in front matter: refused with frontmatter-syntax, nothing expanded',
    text: () =>
      fm(
        [
          'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
          ...'bcdefg'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`),
        ].join('\n') + '\n',
      ),
    expect: (r) => assert.deepEqual(r, ['frontmatter-syntax']),
  },
  {
    name: '1 MB front matter: reported, not read',
    text: () => fm(`x: "${'a'.repeat(1_000_000)}"\n`),
    expect: (r) => assert.deepEqual(r, ['frontmatter-syntax']),
  },
  {
    name: 'a single 10 MB line: read line by line (parse-limit)',
    text: () => `${fm()}\n${'word '.repeat(2_000_000)}\n`,
    expect: (r) => assert.deepEqual(r, ['parse-limit']),
  },
  {
    name: 'NUL bytes in values',
    text: () => `${fm()}\n## Timeline\n\n*   General availability: **2020-02-30\u0000**\n`,
    expect: (r) => assert.ok(r.includes('date-invalid')),
  },
  {
    name: 'lone UTF-16 surrogates in a table',
    text: () => `${fm()}\n| Feature | Status |\n|---|---|\n| \ud800 | \udc00Green |\n`,
    expect: (r) => assert.deepEqual(r, ['status-unknown']),
  },
  {
    name: 'CR-only line endings',
    text: () => `${fm()}\n## Timeline\n\n*   General availability: **2013-13-01**\n`.replace(/\n/g, '\r'),
    expect: (r) => assert.deepEqual(r, ['date-invalid']),
  },
  {
    name: 'mixed line endings',
    text: () => '---\r\ntitle: x\ncategory: release\r---\n\n## Timeline\r\n\r\n*   General availability: **2013-02-30**\n',
    expect: (r) => assert.deepEqual(r, ['date-invalid']),
  },
  {
    name: 'tabs in tables',
    text: () => `${fm()}\n|\tFeature\t|\tStatus\t|\n|\t---\t|\t---\t|\n|\tx\t|\tred\t|\n`,
    expect: (r) => assert.deepEqual(r, ['status-case']),
  },
  {
    name: '10,000-deep nested block quotes: no stack overflow',
    text: () => `${fm()}\n${'>'.repeat(10_000)} deep\n`,
    expect: (r) => assert.deepEqual(r, ['parse-limit']),
  },
  {
    name: '2,000-deep nested lists: no stack overflow',
    text: () => `${fm()}\n${Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i * 2)}- item`).join('\n')}\n`,
    expect: (r) => assert.deepEqual(r, ['parse-limit']),
  },
  {
    name: 'a table with 1,000 columns',
    text: () => `${fm()}\n| Feature |${' Status |'.repeat(999)}\n|${'---|'.repeat(1000)}\n| x |${' red |'.repeat(999)}\n`,
    expect: (r) => assert.deepEqual([...new Set(r)], ['status-case']),
  },
  {
    name: 'a 2 MB table row of pipes',
    text: () => `${fm()}\n| a | b |\n|---|---|\n| ${'x | '.repeat(500_000)}\n`,
    expect: (r) => assert.deepEqual(r, ['table-cell-count']),
  },
];

for (const c of CASES) {
  test(`hostile input: ${c.name}`, () => {
    const text = c.text();
    const { value: r, ms } = withCpuTime(() => checkText(text));
    assert.ok(ms < BOUND_MS, `took ${ms.toFixed(0)} ms of CPU`);
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
  assert.deepEqual(
    r.findings.map((f) => f.rule),
    ['date-invalid'],
  );
});

test('hostile input: a 100,000-row features table is checked within the bound, re-checked after a one-cell edit, and at most 1,000 diagnostics (999 and a note) are published', () => {
  const st = ['Green', 'Orange - In progress', 'red', '?', 'Done', ''];
  const rows = Array.from(
    { length: 100_000 },
    (_, i) =>
      `| Virt | Feature ${i} | ${i % 3 ? 'Must' : 'should'} | o${i % 7} | ${st[i % st.length]} | 2030-0${1 + (i % 9)}-1${i % 10} | remark |`,
  );
  const text = `${fm()}\n## Timeline\n\n*   General availability: **2030-07-01**\n\n## Features Status Table\n\n| Functional team | Feature | Release priority | Owner | Status | Target date | Remarks |\n|---|---|---|---|---|---|---|\n${rows.join('\n')}\n`;
  const engine = new Engine();
  const { value: first, ms: cold } = withCpuTime(() => engine.check(text));
  const { value: second, ms: warm } = withCpuTime(() =>
    engine.check(text.replace('| Feature 50001 | should |', '| Feature 50001 | Should |')),
  );
  console.log(
    `100,000-row table (${(text.length / 1e6).toFixed(1)} MB): first check ${cold.toFixed(0)} ms of CPU, after a one-cell edit ${warm.toFixed(0)} ms, ${first.findings.length} findings`,
  );
  assert.ok(cold < BOUND_MS && warm < BOUND_MS, `took ${cold.toFixed(0)} / ${warm.toFixed(0)} ms`);
  assert.equal(first.page.tables[0].parsed.rows.length, 100_000);
  assert.equal(second.findings.length, first.findings.length - 1);
  const published = pageDiagnostics(first);
  // With the note, exactly as many as VS Code shows for a file: more and it would drop the note, the least severe.
  assert.equal(published.length, EDITOR_MAX_PER_FILE);
  assert.equal(published.length, MAX_DIAGNOSTICS + 1);
  const note = published[0].message;
  assert.match(typeof note === 'string' ? note : note.value, /^\d+ problems on this page: only the 999 most severe are shown/);
  // Read from the check's parts without making the list, they are the most severe in page order.
  const rank = { error: 0, warning: 1, information: 2, hint: 3 } as const;
  const expected = first.findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank[a.f.severity] - rank[b.f.severity] || a.i - b.i)
    .slice(0, MAX_DIAGNOSTICS);
  assert.deepEqual(
    published.slice(1).map((d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)}`),
    expected.map(({ f }) => `${f.range.start.line}:${f.range.start.character} ${f.rule}`),
  );
});
