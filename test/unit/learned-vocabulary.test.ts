/**
 * Learned vocabularies (model/learned.ts, rules/learned-values.ts): a page that declares no statuses is
 * judged by its own usage; the judgement is the same whether big tables are checked whole or in cached
 * slices, also after an edit that changes a count in another slice.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, DEFAULT_CONFIG, Engine, mergeConfig, type Finding } from '../../server/src/core';
import { editDistance } from '../../server/src/core/rules/learned-values';
import { valueKey } from '../../server/src/core/model/learned';
import { readFixture } from '../helpers/paths';

function page(statuses: readonly string[]): string {
  const rows = statuses.map((s, i) => `| Feature ${i} | owner${i} | ${s} | 2024-03-${String((i % 28) + 1).padStart(2, '0')} |`);
  return [
    '---',
    'title: Widget 2.0 Release Management',
    '---',
    '# Widget 2.0 Release Management',
    '',
    '| Feature | Owner | Status | Target date |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

const brief = (fs: readonly Finding[]): string[] => fs.map((f) => `${f.range.start.line}:${f.rule}:${f.severity}:${f.message}`).sort();
const unknowns = (fs: readonly Finding[]): Finding[] => fs.filter((f) => f.rule === 'status-unknown');

test('the value key drops struck history, markup and the comment after the value', () => {
  assert.equal(valueKey.get('<s>Green</s> **Under review** - see PR'), 'Under review');
  assert.equal(valueKey.get('coding (90% complete)'), 'coding');
  assert.equal(valueKey.get('Best effort, may slip'), 'Best effort');
  assert.equal(valueKey.get('?'), '');
});

test('edit distance counts a transposition as one edit', () => {
  assert.equal(editDistance('At risk', 'At rsik', 2), 1);
  assert.equal(editDistance('Maintenance', 'Maintenence', 2), 1);
  assert.equal(editDistance('Blocked', 'On track', 2), 3);
});

test('consistent values are accepted; a value used once among a small set is a warning', () => {
  const statuses = [...Array<string>(40).fill('Done'), ...Array<string>(20).fill('In review'), 'Doen', 'Shipped'];
  const found = unknowns(checkText(page(statuses)).findings);
  assert.deepEqual(
    found.map((f) => [f.severity, f.message]),
    [
      ['warning', 'Status "Doen" looks like a typo of "Done", which this page uses.'],
      ['warning', 'Status "Shipped" is used once; this page\'s statuses are Done, In review.'],
    ],
  );
});

test('a column that mostly uses the known vocabulary keeps calling a one-off value unknown', () => {
  const found = unknowns(checkText(page([...Array<string>(10).fill('Green'), 'Orange', 'Shipped'])).findings);
  assert.deepEqual(
    found.map((f) => [f.severity, f.message]),
    [['error', 'Unknown status "Shipped": start the cell with Green, Orange, Red.']],
  );
});

test('a configured vocabulary turns learning off', () => {
  const config = mergeConfig(DEFAULT_CONFIG, { statuses: ['On track', 'At risk'] });
  const found = unknowns(checkText(page(['On track', 'Done', 'Done']), { config }).findings);
  assert.equal(found.length, 2);
  assert.match(found[0].message, /^Unknown status "Done"/);
});

test('sliced and whole checks agree, also after an edit changes a count in another slice', () => {
  const statuses = [...Array<string>(150).fill('Done'), ...Array<string>(150).fill('In review'), 'Shipped', 'Doen'];
  const before = page(statuses);
  const engine = new Engine();
  const first = engine.check(before).findings;
  assert.deepEqual(brief(first), brief(checkText(before, { wholeTables: true }).findings));
  assert.equal(unknowns(first).length, 2);
  // A second "Shipped" on the first row (another slice than the first one's): it is now consistent.
  const lines = before.split('\n');
  lines[7] = lines[7].replace('| Done |', '| Shipped |');
  const after = lines.join('\n');
  const second = engine.check(after).findings;
  assert.deepEqual(brief(second), brief(checkText(after, { wholeTables: true }).findings));
  assert.deepEqual(
    unknowns(second).map((f) => f.message),
    ['Status "Doen" looks like a typo of "Done", which this page uses.'],
  );
});

test('test-day pages: their own statuses (Done, Under review) are not unknown', () => {
  for (const [name, value] of [
    ['releases__3.5__testday.md', 'Done'],
    ['releases__3.4__test-day.md', 'Under review'],
  ]) {
    const found = unknowns(checkText(readFixture('corpus', name)).findings);
    assert.ok(!found.some((f) => f.message.includes(`"${value}"`)), `${name}: ${value}`);
  }
});

test('legend-mismatch: one finding per value, on its first row, whole or sliced, also after an edit moves the first row', () => {
  const legend = ['', '### Feature Table Mapping', '', '#### Release priority:', '', '*   Must - needed', '*   Should - wanted', ''];
  const rows = Array.from(
    { length: 300 },
    (_, i) => `| Team | Feature ${i} | ${i === 200 || i === 250 ? 'Optional' : 'Must'} | o${i} | Green | 2013-06-09 |`,
  );
  const text = [
    '# oVirt 9.9 Release Management',
    '',
    '| Functional team | Feature | Release priority | Owner | Status | Target date |',
    '|---|---|---|---|---|---|',
    ...rows,
    ...legend,
  ].join('\n');
  const mismatches = (fs: readonly Finding[]): number[] => fs.filter((f) => f.rule === 'legend-mismatch').map((f) => f.range.start.line);
  const engine = new Engine();
  const first = engine.check(text).findings;
  assert.deepEqual(mismatches(first), [204]);
  assert.deepEqual(brief(first), brief(checkText(text, { wholeTables: true }).findings));
  const lines = text.split('\n');
  lines[14] = lines[14].replace('| Must |', '| Optional |');
  const after = lines.join('\n');
  const second = engine.check(after).findings;
  assert.deepEqual(mismatches(second), [14]);
  assert.deepEqual(brief(second), brief(checkText(after, { wholeTables: true }).findings));
});
