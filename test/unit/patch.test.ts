/**
 * The incremental page model: lines shared between versions (diffLines) and edits inside table rows
 * patched into the last model (patchPage). Whatever path a version takes, its findings must equal a
 * fresh Engine's; the tests also prove the fast path is really taken where it should be.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { applyChanges, drain, Engine, type Finding, lineStarts, splitLines } from '../../server/src/core';
import { diffLines } from '../../server/src/core/diff';
import { generatePage } from '../../bench/generate';
import { budget, params } from '../helpers/fuzz';
import { readFixture } from '../helpers/paths';

const show = (fs: readonly Finding[]): string[] =>
  fs.map(
    (f) =>
      `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.rule} ${f.message} ${JSON.stringify(f.fixes)}`,
  );

test('diffLines gives the lines of the new text and keeps the unchanged lines as the same objects', () => {
  const piece = fc.constantFrom('a', 'b', '|', ' ', '\n', '\r', '\r\n', 'é');
  const text = fc.array(piece, { maxLength: 30 }).map((xs) => xs.join(''));
  fc.assert(
    fc.property(text, fc.nat(), fc.nat(), text, (a, i0, len, ins) => {
      const i = i0 % (a.length + 1);
      const b = a.slice(0, i) + ins + a.slice(Math.min(a.length, i + (len % 6)));
      const old = splitLines(a);
      const d = diffLines(a, old, b);
      assert.deepEqual(
        d.lines.map((l) => [l.text, l.eol]),
        splitLines(b).map((l) => [l.text, l.eol]),
      );
      for (let k = 0; k < d.from; k++) assert.equal(d.lines[k], old[k]);
      for (let k = d.oldTo; k < old.length; k++) assert.equal(d.lines[k - d.oldTo + d.newTo], old[k]);
    }),
    params(budget(2_000, 100_000)),
  );
});

/** Line edits inside a table row that keep it a row, and ones that do not (the model is then built again). */
const ROW_EDITS: Array<{ name: string; patched: boolean; edit: (line: string) => string }> = [
  {
    name: 'status value',
    patched: true,
    edit: (l) => l.replace(/\| (Green|Orange|Red|green|orange|red|\?|Done|)([^|]*)\|( [^|]*\|[^|]*\|[^|]*\|)$/, '| Gren $2|$3'),
  },
  { name: 'a new date', patched: true, edit: (l) => l.replace(/\|([^|]*)\|([^|]*)\|([^|]*)\|$/, '| 31/06/2013 |$2|$3|') },
  { name: 'an extra cell', patched: true, edit: (l) => `${l} extra |` },
  { name: 'a missing cell', patched: true, edit: (l) => l.replace(/\|[^|]*\|$/, '|') },
  { name: 'a code span with a pipe', patched: true, edit: (l) => l.replace(/\|[^|]*\|$/, '| `a|b` |') },
  { name: 'no leading pipe', patched: false, edit: (l) => l.replace(/^\s*\|/, '') },
  { name: 'a heading', patched: false, edit: (l) => `## ${l}` },
  { name: 'blank', patched: false, edit: () => '   ' },
  { name: 'a list item', patched: false, edit: (l) => `- ${l}` },
  { name: 'a disable comment', patched: false, edit: (l) => `${l} <!-- release-pages-disable-line -->` },
  { name: 'a fence', patched: false, edit: () => '```' },
  { name: 'indented code', patched: false, edit: (l) => `    ${l}` },
];

function checkEdits(text: string, rowLines: readonly number[], label: string): void {
  const engine = new Engine();
  engine.check(text);
  const current = text;
  for (const [k, e] of ROW_EDITS.entries()) {
    const lines = current.split('\n');
    const at = rowLines[(k * 7) % rowLines.length];
    const edited = e.edit(lines[at]);
    if (edited === lines[at]) continue;
    lines[at] = edited;
    const next = lines.join('\n');
    const got = show(engine.check(next).findings);
    if (e.patched) assert.equal(engine.lastModel, 'patched', `${label}: ${e.name} on line ${at + 1} should take the fast path`);
    else assert.equal(engine.lastModel, 'built', `${label}: ${e.name} on line ${at + 1} must rebuild the model`);
    assert.deepEqual(got, show(new Engine().check(next).findings), `${label}: ${e.name} on line ${at + 1}`);
    // Undo: back to the previous text (also an edit inside the table when it was patched).
    assert.deepEqual(show(engine.check(current).findings), show(new Engine().check(current).findings), `${label}: undo ${e.name}`);
  }
}

test('edits in the rows of the benchmark page: patched where they keep the row, and equal to a fresh check', () => {
  const page = generatePage(1000, 3);
  const lines = page.text.split('\n');
  const rows = lines
    .map((l, i) => (i > page.middleLine - 400 && i < page.middleLine + 400 && l.startsWith('| ') ? i : -1))
    .filter((i) => i >= 0);
  checkEdits(page.text, rows, 'bench page');
});

test('edits in the rows of real pages equal a fresh check', () => {
  for (const [folder, name] of [
    ['seeds', '000_015c11820e0fe26e.md'],
    ['corpus', 'releases__3.3__release-management.md'],
  ]) {
    const text = readFixture(folder, name);
    const page = new Engine().model(text);
    const rows = page.tables
      .filter((t) => !t.isDateTable && t.parsed.kind === 'gfm')
      .flatMap((t) => t.rows.filter((r) => r.lines.length === 1).map((r) => r.lines[0]));
    assert.ok(rows.length > 10, name);
    checkEdits(text, rows, name);
  }
});

test('an unchanged text gives the same model; a change outside tables rebuilds it', () => {
  const text = generatePage(100, 1).text;
  const engine = new Engine();
  const first = engine.model(text);
  assert.equal(engine.model(`${text}`), first);
  assert.equal(engine.lastModel, 'same');
  engine.model(text.replace('# ', '# Edited '));
  assert.equal(engine.lastModel, 'built');
});

test("applyChanges (the editor's incremental changes) gives the lines of the edited text and keeps the other line objects", () => {
  const piece = fc.constantFrom('a', 'b', '|', '\n', '\r', '\r\n');
  const text = fc.array(piece, { maxLength: 16 }).map((xs) => xs.join(''));
  const pos = fc.record({ line: fc.nat(6), character: fc.nat(6) });
  const change = fc.record({ a: pos, b: pos, text });
  fc.assert(
    fc.property(text, fc.array(change, { minLength: 1, maxLength: 3 }), (start, specs) => {
      const old = splitLines(start);
      let current = start;
      const changes = specs.map(({ a, b, text: inserted }) => {
        const ls = splitLines(current);
        const starts = lineStarts(ls);
        const off = (p: { line: number; character: number }): number =>
          p.line >= ls.length ? current.length : starts[p.line] + Math.min(p.character, ls[p.line].text.length);
        const [s, e] = off(a) <= off(b) ? [a, b] : [b, a];
        current = current.slice(0, off(s)) + inserted + current.slice(off(e));
        return { range: { start: s, end: e }, text: inserted };
      });
      const d = applyChanges(old, changes);
      assert.deepEqual(
        d.lines.map((l) => [l.text, l.eol]),
        splitLines(current).map((l) => [l.text, l.eol]),
      );
      for (let k = 0; k < d.from; k++) assert.equal(d.lines[k], old[k]);
      for (let k = d.oldTo; k < old.length; k++) assert.equal(d.lines[k - d.oldTo + d.newTo], old[k]);
    }),
    params(budget(2_000, 100_000), 1),
  );
});

test("an Engine fed a document's edited lines (as the server does) checks like a fresh Engine given the whole text, and a dropped check leaves it consistent", () => {
  const page = generatePage(1000, 5);
  const engine = new Engine();
  let text = page.text;
  // The server's documents keep their lines and apply the editor's changes to them; the engine is given those lines.
  let current = splitLines(text);
  engine.setLines(current);
  drain(engine.checkSteps());
  const lines = text.split('\n');
  const row = lines[page.middleLine];
  const cell = row.indexOf('|', 30);
  const edits = [
    {
      range: { start: { line: page.middleLine, character: cell + 1 }, end: { line: page.middleLine, character: cell + 1 } },
      text: ' gren',
    },
    { range: { start: { line: page.middleLine, character: 0 }, end: { line: page.middleLine, character: 0 } }, text: `${row}\n` },
    { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '## Inserted heading\n' },
  ];
  for (const [k, e] of edits.entries()) {
    const ls = splitLines(text);
    const starts = lineStarts(ls);
    const at = (p: { line: number; character: number }): number => starts[p.line] + p.character;
    text = text.slice(0, at(e.range.start)) + e.text + text.slice(at(e.range.end));
    current = applyChanges(current, [e]).lines;
    engine.setLines(current);
    if (k === 1) {
      // Start a check and drop it half way: the next one must still see this edit.
      const steps = engine.checkSteps();
      for (let i = 0; i < 3; i++) steps.next();
      steps.return(undefined as never);
      continue;
    }
    const got = drain(engine.checkSteps());
    assert.deepEqual(show(got.findings), show(new Engine().check(text).findings), `edit ${k}`);
  }
  assert.equal(engine.model(text).lines.length, text.split('\n').length);
  assert.equal(engine.lastModel, 'same');
});

test('edits the patch must not take: a plan `Status:` line in a table without pipes, a row in a region read line by line', () => {
  const plan = '# Notes\n\nMilestone 1 (2024-01-05)\nItem | Owner\n--- | ---\nFoo | Ann\nBar | Bob\n';
  const engine = new Engine();
  engine.check(plan);
  const edited = plan.replace('Bar | Bob', 'Status: Bogus | Bob');
  assert.deepEqual(show(engine.check(edited).findings), show(new Engine().check(edited).findings));
  assert.equal(engine.lastModel, 'built');
  // A table, then a list and a pipe line: the region is not scanned exactly; over 200,000 characters it is
  // read line by line and described by its size, which a longer cell changes.
  const rows = Array.from(
    { length: 3000 },
    (_, i) => `| Virt | Feature ${i} | Must | Owner ${i} | Green | 2030-01-01 | remark number ${i} |`,
  ).join('\n');
  const big = `# oVirt 9.9 Release Management\n\n| Team | Feature | Release priority | Owner | Status | Target date | Remarks |\n|---|---|---|---|---|---|---|\n${rows}\n- item\n  a | b\n`;
  engine.check(big);
  const longer = big.replace('remark number 1500 |', `remark number 1500 ${'x'.repeat(1500)} |`);
  assert.deepEqual(show(engine.check(longer).findings), show(new Engine().check(longer).findings));
});

test('lines inserted above a big table: slices moved down keep findings equal to a fresh check (messages too)', () => {
  // Without the legend after the table (its line is part of every slice's context, so it moving would
  // make every slice be checked again anyway).
  const all = generatePage(2000, 8).text.split('\n');
  const end = all.findLastIndex((l) => l.startsWith('| '));
  const engine = new Engine();
  engine.check(all.slice(0, end + 1).join('\n'));
  const lines = all.slice(0, end + 1);
  const at = lines.findIndex((l) => l.startsWith('| ')) - 1;
  for (const inserted of [['<!-- note -->', ''], ['one more line']]) {
    lines.splice(at, 0, ...inserted);
    const text = lines.join('\n');
    assert.deepEqual(show(engine.check(text).findings), show(new Engine().check(text).findings));
  }
});
