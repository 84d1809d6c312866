// The comparison of two status models of one page: matching rows that moved or were renamed, status
// directions, slips, milestones, criteria and the summary line; on hand-made pages and on the corpus's
// two snapshots of the oVirt 3.3 features table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildStatus, checkText, compareStatus } from '../../server/src/core';
import { similarity } from '../../server/src/core/status/match';
import { statusDirection, type PageChanges, type PageStatus } from '../../shared/status';
import { readFixture } from '../helpers/paths';

const TODAY = { year: 2024, month: 3, day: 1 };

function model(text: string): PageStatus {
  return buildStatus(checkText(text), { today: TODAY });
}

interface Row {
  team?: string;
  name: string;
  owner?: string;
  priority?: string;
  status: string;
  target?: string;
}

function page(rows: readonly Row[], opts: { ga?: string; beta?: string; criteria?: string[] } = {}): string {
  const criteria = opts.criteria ?? ['MUST: no blocker bugs', 'SHOULD: release notes written'];
  return [
    '---',
    'title: Example 1.0 Release Management',
    'category: release',
    '---',
    '# Example 1.0 Release Management',
    '',
    '## Timeline',
    '',
    `* Beta release: **${opts.beta ?? '2024-04-01'}**`,
    `* General availability: **${opts.ga ?? '2024-05-01'}**`,
    '',
    '## Release criteria',
    '',
    ...criteria.map((c) => `* ${c}`),
    '',
    '## Features Status Table',
    '',
    '| Functional team | Feature | Owner | Release priority | Status | Target date |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.team ?? 'Core'} | ${r.name} | ${r.owner ?? 'Ann'} | ${r.priority ?? 'Must'} | ${r.status} | ${r.target ?? '2024-04-15'} |`,
    ),
    '',
  ].join('\n');
}

const ROWS: Row[] = [
  { name: '[Live migration](features/live-migration.md)', status: 'Green' },
  { name: 'Snapshot export', status: 'Orange - in review' },
  { name: 'Dialog redesign', status: 'Red - blocked' },
  { name: 'Storage domains', status: 'Orange' },
  { name: 'Network labels', status: 'Green', owner: 'Bob' },
];

function compare(base: string, head: string): PageChanges {
  return compareStatus(model(base), model(head));
}

test('the same page twice: no changes', () => {
  const c = compare(page(ROWS), page(ROWS));
  assert.equal(c.summary, 'No changes');
  assert.deepEqual(
    [c.features, c.added, c.removed, c.milestones, c.criteriaAdded, c.criteriaRemoved, c.ga],
    [[], [], [], [], [], [], null],
  );
});

test('rows moved to other places are the same features: only real changes are reported', () => {
  const moved = [ROWS[4], ROWS[2], ROWS[0], ROWS[3], ROWS[1]];
  const c = compare(page(ROWS), page(moved));
  assert.equal(c.features.length, 0);
  assert.equal(c.summary, 'No changes');
  const head = [{ ...ROWS[4], status: 'Red' }, ROWS[2], ROWS[0], ROWS[3], ROWS[1]];
  const d = compare(page(ROWS), page(head));
  assert.deepEqual(
    d.features.map((f) => [f.name, f.status?.direction, f.match]),
    [['Network labels', 'worse', 'name']],
  );
  assert.equal(d.features[0].line - d.features[0].oldLine, -4, 'the row moved up four lines');
});

test('renamed rows: matched by link, by case and punctuation, and by similarity', () => {
  const head: Row[] = [
    { name: '[Live VM migration](features/live-migration.md)', status: 'Green' },
    { name: 'snapshot-export', status: 'Orange - in review' },
    { name: 'Dialog redesing', status: 'Red - blocked' },
    ROWS[3],
    ROWS[4],
  ];
  const c = compare(page(ROWS), page(head));
  assert.deepEqual(
    c.features.map((f) => [f.oldName, f.name, f.match]),
    [
      ['Live migration', 'Live VM migration', 'link'],
      ['Snapshot export', 'snapshot-export', 'name'],
      ['Dialog redesign', 'Dialog redesing', 'similar'],
    ],
  );
  assert.deepEqual([c.added, c.removed], [[], []]);
  assert.ok(similarity('Dialog redesign', 'Dialog redesing') >= 0.75);
  assert.ok(similarity('Storage domains', 'Network labels') < 0.75);
});

test('a different feature is added and removed, not a rename', () => {
  const head = [...ROWS.slice(0, 4), { name: 'Power management', status: 'Red' }];
  const c = compare(page(ROWS), page(head));
  assert.deepEqual(
    c.added.map((f) => [f.name, f.colour]),
    [['Power management', 'red']],
  );
  assert.deepEqual(
    c.removed.map((f) => f.name),
    ['Network labels'],
  );
  assert.equal(c.summary, '1 added, 1 removed');
});

test('status directions by red < orange < green; worse listed first, then better', () => {
  assert.equal(statusDirection('green', 'red'), 'worse');
  assert.equal(statusDirection('red', 'orange'), 'better');
  assert.equal(statusDirection('unset', 'green'), 'changed');
  const head = [
    { ...ROWS[0], status: 'Orange' },
    { ...ROWS[1], status: 'Green - merged' },
    { ...ROWS[2], status: 'Orange' },
    { ...ROWS[3], status: 'Red' },
    { ...ROWS[4], status: 'Unknown yet' },
  ];
  const c = compare(page(ROWS), page(head));
  assert.deepEqual(
    c.features.map((f) => [f.name, f.status?.direction]),
    [
      ['Live migration', 'worse'],
      ['Storage domains', 'worse'],
      ['Snapshot export', 'better'],
      ['Dialog redesign', 'better'],
      ['Network labels', 'changed'],
    ],
  );
  assert.deepEqual([c.counts.worse, c.counts.better, c.counts.statusChanged], [2, 2, 1]);
  assert.match(c.summary, /^2 features worse, 2 better, 1 other status change$/);
});

test('target slips in days, priority and owner changes; owner handles in parentheses are not a change', () => {
  const head = [
    { ...ROWS[0], target: '2024-04-29' },
    { ...ROWS[1], target: '2024-04-10' },
    { ...ROWS[2], priority: 'Should' },
    { ...ROWS[3], owner: 'Ann (ann42)' },
    { ...ROWS[4], owner: 'Carol' },
  ];
  const c = compare(page(ROWS), page(head));
  const by = (name: string) => c.features.find((f) => f.name === name);
  assert.equal(by('Live migration')?.target?.days, 14);
  assert.equal(by('Snapshot export')?.target?.days, -5);
  assert.deepEqual(by('Dialog redesign')?.priority, { from: 'Must', to: 'Should' });
  assert.equal(by('Storage domains'), undefined);
  assert.deepEqual(by('Network labels')?.owner, { from: 'Bob', to: 'Carol' });
  assert.deepEqual([c.counts.slipped, c.counts.pulledIn, c.counts.priority, c.counts.owner], [1, 1, 1, 1]);
  assert.equal(c.summary, '1 target slipped');
});

test('milestones matched by kind and moved by days; GA slip in the summary; criteria added and removed', () => {
  const base = page(ROWS);
  const head = page([{ ...ROWS[0], status: 'Red' }, ...ROWS.slice(1)], {
    ga: '2024-05-15',
    beta: '2024-03-25',
    criteria: ['MUST: no blocker bugs', 'MUST: upgrade from 0.9 tested'],
  });
  const c = compare(base, head);
  assert.deepEqual(
    c.milestones.map((m) => [m.kind, m.date.from?.iso, m.date.to?.iso, m.days]),
    [
      ['beta', '2024-04-01', '2024-03-25', -7],
      ['ga', '2024-05-01', '2024-05-15', 14],
    ],
  );
  assert.equal(c.ga?.days, 14);
  assert.deepEqual(
    c.criteriaAdded.map((x) => x.text),
    ['upgrade from 0.9 tested'],
  );
  assert.deepEqual(
    c.criteriaRemoved.map((x) => x.text),
    ['release notes written'],
  );
  assert.equal(c.summary, '1 feature worse, GA slipped 14 days, 1 other milestone moved, criteria: 1 added, 1 removed');
});

test('corpus: the two snapshots of the oVirt 3.3 features table', () => {
  const older = model(readFixture('corpus', 'release__3.3__release-management.html.md'));
  const newer = model(readFixture('corpus', 'releases__3.3__release-management.md'));
  const c = compareStatus(older, newer);
  assert.equal(c.ga?.from?.iso, '2013-08-14');
  assert.equal(c.ga.to?.iso, '2013-09-04');
  assert.equal(c.ga.days, 21);
  // The links moved from wiki names to site paths, and owners gained their handles: the rows still match.
  assert.ok(c.removed.length <= 2, `removed: ${c.removed.map((f) => f.name).join(', ')}`);
  assert.ok(newer.features.length - c.added.length >= 39);
  assert.ok(!c.features.some((f) => f.name === 'RAM Snapshots'));
  const cloudInit = c.features.find((f) => /cloud-init/i.test(f.name));
  assert.equal(cloudInit?.status?.from, 'red');
  assert.match(c.summary, /GA slipped 21 days/);
  // The other way round, every slip is a pull-in.
  const back = compareStatus(newer, older);
  assert.equal(back.ga?.days, -21);
  assert.equal(back.counts.worse, c.counts.better);
  assert.equal(back.added.length, c.removed.length);
});
