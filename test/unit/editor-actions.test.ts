// Code actions: quick fixes, fix all of one rule, the file-wide fix-all, and "disable <rule> for this line",
// checked on every finding of every seed, corpus and fixture page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyFixGroups,
  checkText,
  codeActions,
  disableEdit,
  type EditorAction,
  Engine,
  type Finding,
  fixAllEdits,
  kindMatches,
} from '../../server/src/core';
import { pagesIn, readFixture } from '../helpers/paths';

const SEED0 = readFixture('seeds', '000_015c11820e0fe26e.md');

function apply(text: string, edits: Parameters<typeof applyFixGroups>[1][number]): string {
  return applyFixGroups(text, [edits]).text;
}

/** An action's edits (a fix-all's are made from the page's text and findings, as when it is picked). */
function editsOf(a: EditorAction, text: string, findings: readonly Finding[]): Parameters<typeof applyFixGroups>[1][number] {
  return 'fixAll' in a ? fixAllEdits(text, findings, a.fixAll.rule) : a.edits;
}

test('the quick fixes of a finding, the preferred one marked, plus fix-all-of-rule and disable', () => {
  const r = checkText(SEED0);
  const f = r.findings.find((x) => x.rule === 'status-case');
  assert.ok(f);
  const actions = codeActions({ page: r.page, findings: r.findings, range: f.range });
  const titles = actions.map((a) => `${a.kind}: ${a.title}${a.preferred ? ' (preferred)' : ''}`);
  assert.deepEqual(
    titles.filter((t) => t.includes('status-case') || t.includes('Write "Red"')),
    [
      'quickfix: Write "Red" (preferred)',
      'quickfix: Fix all status-case problems in this file',
      'quickfix: Disable status-case for this line',
    ],
  );
  const fixed = apply(SEED0, editsOf(actions[0], SEED0, r.findings));
  assert.equal(fixed.length, SEED0.length);
  const at = SEED0.split('\n').slice(0, f.range.start.line).join('\n').length + 1 + f.range.start.character;
  assert.equal(fixed.slice(0, at) + fixed.slice(at + 3), SEED0.slice(0, at) + SEED0.slice(at + 3), 'only the targeted text changes');
  assert.equal(fixed.slice(at, at + 3), 'Red');
});

test('fix all of one rule fixes every finding of that rule and nothing else', () => {
  const r = checkText(SEED0);
  const f = r.findings.find((x) => x.rule === 'date-format');
  assert.ok(f);
  const all = codeActions({ page: r.page, findings: r.findings, range: f.range }).find(
    (a) => a.title === 'Fix all date-format problems in this file',
  );
  assert.ok(all);
  assert.ok('fixAll' in all && all.fixAll.rule === 'date-format');
  const after = checkText(apply(SEED0, editsOf(all, SEED0, r.findings))).findings;
  assert.equal(after.filter((x) => x.rule === 'date-format').length, 0);
  const count = (fs: Finding[], rule: string): number => fs.filter((x) => x.rule === rule).length;
  for (const rule of ['status-case', 'priority-case', 'link-target-space', 'table-cell-count'])
    assert.equal(count(after, rule), count(r.findings, rule), rule);
});

test('source.fixAll.releasePages: offered for `source`, `source.fixAll` and itself, edits never overlap, fixes all', () => {
  const r = checkText(SEED0);
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  for (const only of [['source.fixAll.releasePages'], ['source.fixAll'], ['source']]) {
    const actions = codeActions({ page: r.page, findings: r.findings, range, only });
    assert.deepEqual(
      actions.map((a) => a.kind),
      ['source.fixAll.releasePages'],
      only.join(),
    );
  }
  assert.deepEqual(codeActions({ page: r.page, findings: r.findings, range, only: ['quickfix'] }), []);
  const [fixAll] = codeActions({ page: r.page, findings: r.findings, range, only: ['source.fixAll'] });
  assert.ok('fixAll' in fixAll && fixAll.fixAll.rule === null);
  const fixed = apply(SEED0, editsOf(fixAll, SEED0, r.findings));
  const left = checkText(fixed).findings.filter((f) => f.fixes.some((x) => x.preferred) || f.fixes.length === 1);
  // Fixes that overlap wait for the next round (link fixes inside rows joined by other fixes): none here.
  assert.deepEqual(
    left.map((f) => f.rule),
    [],
  );
  assert.ok(kindMatches('source', 'source.fixAll.releasePages') && !kindMatches('source.fixAll.other', 'source.fixAll.releasePages'));
});

test('disable comments: above prose and list lines (same indentation), before the final pipe in table rows', () => {
  const r = checkText(SEED0);
  const link = r.findings.find((f) => f.rule === 'link-target-space' && f.range.start.line === 55);
  assert.ok(link);
  assert.deepEqual(disableEdit(r.page, 55, 'link-target-space'), {
    range: { start: { line: 55, character: 0 }, end: { line: 55, character: 0 } },
    newText: '    <!-- release-pages-disable-next-line link-target-space -->\n',
  });
  const row = disableEdit(r.page, 109, 'status-case');
  assert.ok(row);
  const line = SEED0.split('\n')[109];
  assert.equal(row.range.start.character, line.lastIndexOf('|'));
  assert.equal(row.newText, '<!-- release-pages-disable-line status-case --> ');
  // Inside a list of siblings a line above would split the list: the comment goes at the end of the line.
  const sibling = disableEdit(r.page, 168, 'link-target-space');
  assert.equal(sibling?.newText, ' <!-- release-pages-disable-line link-target-space -->');
  // Front matter and a table's delimiter row take no comment.
  assert.equal(disableEdit(r.page, 3, 'frontmatter-field'), null);
  assert.equal(disableEdit(r.page, 85, 'table-cell-count'), null);
});

test('a second rule joins a disable comment already there', () => {
  const lines = SEED0.split('\n');
  const line = lines.findIndex((l) => l.includes('| red - in progress') && l.includes('1/7/2013'));
  const pipe = lines[line].lastIndexOf('|');
  lines[line] = `${lines[line].slice(0, pipe)}<!-- release-pages-disable-line status-case --> ${lines[line].slice(pipe)}`;
  const text = lines.join('\n');
  const r = checkText(text);
  assert.ok(!r.findings.some((f) => f.rule === 'status-case' && f.range.start.line === line));
  const e = disableEdit(r.page, line, 'date-format');
  assert.ok(e);
  assert.match(apply(text, [e]).split('\n')[line], /<!-- release-pages-disable-line status-case date-format --> \|\s*$/);
});

test('every disable action on every page removes exactly its finding and changes no other finding', () => {
  let checked = 0;
  const sig = (f: Finding, shift: number): string =>
    `${f.rule}|${f.range.start.line + shift}|${f.message.replace(/\b([Ll]ines?) \d+(?:–\d+)?/g, '$1 N')}`;
  for (const folder of ['seeds', 'corpus', 'pages']) {
    for (const name of pagesIn(folder)) {
      const text = readFixture(folder, name);
      const engine = new Engine(); // one per page: an edited text re-parses only the region it touched
      const r = engine.check(text);
      const done = new Set<string>();
      for (const f of r.findings) {
        const line = f.range.start.line;
        // parse-limit reports a whole block from its first line: a comment line above joins the block and moves the report.
        if (f.rule === 'parse-limit') continue;
        if (done.has(`${f.rule}:${line}`)) continue;
        done.add(`${f.rule}:${line}`);
        const edit = disableEdit(r.page, line, f.rule);
        const fm = r.page.frontMatter;
        if (!edit) {
          assert.ok(fm && line <= fm.endLine, `${folder}/${name}:${line + 1} ${f.rule}: no disable comment outside front matter`);
          continue;
        }
        const added = edit.newText.endsWith('\n') ? 1 : 0;
        const expected = r.findings
          .filter((x) => !(x.rule === f.rule && x.range.start.line === line))
          .map((x) => sig(x, x.range.start.line >= line ? added : 0))
          .sort();
        const actual = engine
          .check(apply(text, [edit]))
          .findings.map((x) => sig(x, 0))
          .sort();
        assert.deepEqual(actual, expected, `${folder}/${name}:${line + 1} ${f.rule} ${JSON.stringify(edit)}`);
        checked++;
      }
    }
  }
  assert.ok(checked > 400, `${checked} disable actions checked`);
});
