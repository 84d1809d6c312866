import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, type CompletionEntry, completionsAt, DEFAULT_CONFIG, mergeConfig, RULES } from '../../server/src/core';
import { readFixture } from '../helpers/paths';
import { positionOf } from '../helpers/positions';

const SEED0 = readFixture('seeds', '000_015c11820e0fe26e.md');

function complete(
  text: string,
  needle: string,
  o: { lineMarker?: string; offset?: number } = {},
  config = DEFAULT_CONFIG,
): { items: CompletionEntry[]; replaced: string[] } {
  const p = positionOf(text, needle, o);
  const items = completionsAt(checkText(text).page, p, config);
  const line = text.split('\n')[p.line];
  return { items, replaced: [...new Set(items.map((i) => line.slice(i.range.start.character, i.range.end.character)))] };
}

test('status values in the Status column, with their meaning; the word under the cursor is replaced', () => {
  const { items, replaced } = complete(SEED0, 'Orange - In progress, , see comment', { offset: 3 });
  assert.deepEqual(
    items.map((i) => i.label),
    ['Green', 'Orange', 'Red'],
  );
  assert.ok(items.every((i) => i.kind === 'status'));
  assert.equal(items[0].documentation, 'Feature is in code base and ready for testing.');
  assert.deepEqual(replaced, ['Orange']);
});

test('priorities in the Release priority column (the page legend and the configuration)', () => {
  const { items, replaced } = complete(SEED0, 'must ', { lineMarker: 'Device Custom Properties', offset: 2 });
  assert.deepEqual(
    items.map((i) => i.label),
    ['Must', 'Should', 'Optional'],
  );
  assert.deepEqual(replaced, ['must']);
  const config = mergeConfig(DEFAULT_CONFIG, { priorities: ['P1', 'P2'] });
  const custom = complete(SEED0, 'must ', { lineMarker: 'Device Custom Properties', offset: 2 }, config);
  assert.deepEqual(
    custom.items.map((i) => i.label),
    ['P1', 'P2', 'Must', 'Should'],
  );
});

test('an empty status cell of a new row gets the statuses', () => {
  const text =
    '# oVirt 9.9 Release Management\n\n| Feature | Release priority | Status |\n|---|---|---|\n| A | Must | Green |\n| B | Should |  |\n';
  const p = positionOf(text, '|  |', { lineMarker: '| B |', offset: 2 });
  const items = completionsAt(checkText(text).page, p, DEFAULT_CONFIG);
  assert.deepEqual(
    items.map((i) => i.label),
    ['Green', 'Orange', 'Red'],
  );
  assert.deepEqual(items[0].range, { start: p, end: p });
});

test('a status cell completes its value only, not the words of its comment', () => {
  assert.deepEqual(complete(SEED0, 'Orange - In progress, ,', { offset: 9 }).items, []);
  const struck = '# oVirt 9.9 Release Management\n\n| Feature | Status |\n|---|---|\n| A | <s>orange</s> **Gr |\n';
  assert.deepEqual(
    complete(struck, 'Gr ', { offset: 2 }).items.map((i) => i.label),
    ['Green', 'Orange', 'Red'],
  );
});

test('other columns get nothing', () => {
  assert.deepEqual(complete(SEED0, 'Virt ', { lineMarker: 'RAM Snapshots', offset: 1 }).items, []);
  assert.deepEqual(complete(SEED0, 'Functional team', { offset: 3 }).items, [], 'header row');
});

test("milestone labels in a timeline: the page's own first, then the usual ones", () => {
  const { items, replaced } = complete(SEED0, 'Test Day', { offset: 4 });
  const labels = items.map((i) => i.label);
  assert.deepEqual(labels.slice(0, 5), ['General availability', 'Beta release', 'Feature freeze', 'Test Day', 'RC Build']);
  assert.ok(labels.includes('First Release candidate'));
  assert.equal(new Set(labels.map((l) => l.toLowerCase())).size, labels.length, 'no duplicates');
  assert.equal(items[1].detail, 'on this page: 2013-05-31');
  assert.deepEqual(replaced, ['Test Day']);
  // After the colon the value is a date: no label completion.
  assert.deepEqual(complete(SEED0, '2013-06-05', { offset: 2 }).items, []);
  // A list outside a timeline section gets nothing.
  assert.deepEqual(complete(SEED0, 'All sources must', { offset: 3 }).items, []);
});

test('milestone labels in the Milestone column of a Date | Milestone table', () => {
  const text =
    '# oVirt 9.9 Release Management\n\n## Schedule\n\n| Date | Milestone |\n|---|---|\n| 2015-10-28 | Beta |\n| 2015-11-30 | Gen |\n';
  const { items, replaced } = complete(text, 'Gen', { offset: 3 });
  assert.ok(items.some((i) => i.label === 'General availability'));
  assert.ok(items.some((i) => i.label === 'Beta'));
  assert.deepEqual(replaced, ['Gen']);
});

test('rule ids inside disable comments; directive names after <!--', () => {
  const text = `${SEED0.replace('## Tracker Bug', '<!-- release-pages-disable-next-line date-format, dat\n## Tracker Bug')}`;
  const { items, replaced } = complete(text, ', dat', { lineMarker: 'disable-next-line', offset: 5 });
  const ids = items.map((i) => i.label);
  assert.ok(ids.includes('date-invalid') && ids.includes('table-cell-count'));
  assert.ok(!ids.includes('date-format'), 'a rule already listed is not offered again');
  assert.equal(ids.length, RULES.length - 1);
  assert.deepEqual(replaced, ['dat']);
  assert.match(items.find((i) => i.label === 'date-invalid')?.documentation ?? '', /cannot exist/);
  const directive = complete(`${SEED0}\n<!-- rel`, '<!-- rel', { offset: 8 });
  assert.deepEqual(
    directive.items.map((i) => i.label),
    ['release-pages-disable-next-line', 'release-pages-disable-line', 'release-pages-disable', 'release-pages-enable'],
  );
  assert.deepEqual(directive.replaced, ['rel']);
  // Right after the directive name (no space yet): nothing.
  assert.deepEqual(
    complete(`${SEED0}\n<!-- release-pages-disable`, '<!-- release-pages-disable', { offset: 26 }).items.map((i) => i.kind),
    ['directive', 'directive', 'directive', 'directive'],
  );
});

test('code blocks and front matter get nothing', () => {
  assert.deepEqual(complete(SEED0, 'category: release', { offset: 12 }).items, []);
  assert.deepEqual(complete(SEED0, '* Red  - Feature', { offset: 3 }).items, []);
});

test('a page that declares no statuses: completion offers the values it uses twice or more, marked as learned', () => {
  const text = readFixture('pages', 'learned-vocabulary.md');
  const { items } = complete(text, 'On track', { lineMarker: 'Search', offset: 1 });
  const learned = items.filter((i) => i.detail === 'Status (used on this page)').map((i) => [i.label, i.documentation]);
  assert.deepEqual(learned, [
    ['On track', 'Used in 6 rows of this page.'],
    ['At risk', 'Used in 3 rows of this page.'],
    ['Blocked', 'Used in 2 rows of this page.'],
  ]);
});
