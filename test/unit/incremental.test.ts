import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine, type Finding } from '../../server/src/core';

/** A big feature table with every kind of row defect, deterministic. */
function page(rows: number, legendOptional = false): string {
  const st = ['Green', 'Orange - In progress', 'red', '?', 'Done', '<s>orange</s> Green', ''];
  const pr = ['Must', 'should', 'Optional', '?', 'Critical'];
  const dt = ['2030-05-01', '1/7/2030', '31/06/2030', 'June 25th', 'TBD', '2031-01-01', '\\1'];
  let body = '';
  for (let i = 0; i < rows; i++) {
    const stray = i % 97 === 5 ? ' |' : '';
    body += `| Virt | [Feature ${i}](Features/Feature ${i % 3 ? 'X' : 'Y'}) | ${pr[i % pr.length]} | [Owner](User:o${i})${stray} | ${st[i % st.length]} | ${dt[i % dt.length]} | ? | remark ${i} |\n`;
  }
  return `---\ntitle: oVirt 9.9 Release Management\ncategory: release\n---\n\n# oVirt 9.9 Release Management\n\n## Timeline\n\n*   General availability: **2030-07-01**\n    -   Beta release: **2030-05-31**\n\n## Features Status Table\n\n| Functional team | Feature | Release priority | Owner | Status | Target date | Test page | Remarks |\n|---|---|---|---|---|---|---|---|\n${body}\n### Feature Table Mapping\n\n#### Release priority:\n\n*   Must - absence delays the release\n*   Should - absence does not delay the release\n${legendOptional ? '*   Optional - nice to have\n' : ''}`;
}

const show = (fs: Finding[]): string[] =>
  fs.map(
    (f) =>
      `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.rule} ${f.message} ${JSON.stringify(f.fixes)}`,
  );
const whole = (text: string): string[] => show(new Engine().check(text, { wholeTables: true }).findings);

test('checking big tables in cached slices gives exactly the findings of checking them whole', () => {
  const text = page(1500);
  const engine = new Engine();
  const sliced = show(engine.check(text).findings);
  assert.ok(sliced.length > 3000, `${sliced.length} findings`);
  assert.deepEqual(sliced, whole(text));
});

test('after edits (a cell, an inserted row, a deleted row, a legend change) the incremental result equals a cold check', () => {
  const engine = new Engine();
  let text = page(1500);
  engine.check(text);
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.includes('remark 700 '));
  const edits: Array<(ls: string[]) => string[]> = [
    (ls) => ls.map((l, i) => (i === at ? l.replace('| red |', '| Red |').replace('| Orange', '| orange') : l)),
    (ls) => [...ls.slice(0, at), '| Net | [New](Features/New) | must | x | green | 2030-02-30 | ? | added |', ...ls.slice(at)],
    (ls) => [...ls.slice(0, at + 10), ...ls.slice(at + 11)],
    (ls) => ls.map((l) => (l.startsWith('*   Should - ') ? `${l}\n*   Optional - nice to have` : l)),
    (ls) => ls.map((l) => (l.includes('General availability') ? l.replace('2030-07-01', '2030-04-01') : l)),
    (ls) => [...ls.slice(0, at - 300), '<!-- release-pages-disable value-unset -->', '', ...ls.slice(at - 300)],
  ];
  for (const edit of edits) {
    text = edit(text.split('\n')).join('\n');
    assert.deepEqual(show(engine.check(text).findings), whole(text));
  }
});

test('findings about a table as a whole (its header) are reported once, however its rows are divided', () => {
  let body = '';
  for (let i = 0; i < 600; i++) body += `| Virt | [F ${i}](Features/F ${i}) | Must | \`a|b\` ${i} | Green |\n`;
  const text = `---\ncategory: release\n---\n\n# oVirt 9.9 Release Management\n\n| Functional team | Feature | Release priority | \`x|y\` Owner | Status |\n|---|---|---|---|---|---|\n${body}\nSee [the plan](Release plan).\n`;
  const result = new Engine().check(text);
  assert.ok(result.parts && result.parts.slices.length > 1, 'the table is checked in slices');
  const header = result.findings.filter((f) => f.rule === 'table-code-pipe' && f.range.start.line === 6);
  assert.equal(header.length, 1, 'the header cell once');
  assert.equal(result.findings.filter((f) => f.rule === 'table-code-pipe').length, 601);
  assert.equal(result.findings.filter((f) => f.rule === 'link-target-space').length, 601, 'every line read once');
  assert.deepEqual(show(result.findings), whole(text));
});
