// Over 300 lines: the cases of one model (the status model), one test per section of the preview.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { buildStatus, checkText, DEFAULT_CONFIG, Engine, mergeConfig } from '../../server/src/core';
import {
  applyView,
  type ColourCounts,
  DEFAULT_SORT,
  EMPTY_FILTER,
  isPageStatus,
  nextSort,
  NO_PRIORITY,
  type PageStatus,
} from '../../shared/status';
import { displayText } from '../../server/src/core/status/display-text';
import { budget, params } from '../helpers/fuzz';
import { readFixture } from '../helpers/paths';
import { editCell, generatePage, STATUS_COLUMN } from '../../bench/generate';

const S000 = '000_015c11820e0fe26e.md';
const S001 = '001_dc88aac92be68e04.md';
const S004 = '004_9116975cb6519a9e.md';

function status(name: string, today: string): { s: PageStatus; lines: string[] } {
  const text = readFixture('seeds', name);
  const [year, month, day] = today.split('-').map(Number);
  return { s: buildStatus(checkText(text), { today: { year, month, day } }), lines: text.split(/\r?\n/) };
}

const counts = (green: number, orange: number, red: number, other: number, unset: number): ColourCounts => ({
  green,
  orange,
  red,
  other,
  unset,
  total: green + orange + red + other + unset,
});

test('seed 000: header facts, GA countdown and the next milestone (as of 2013-06-10)', () => {
  const { s, lines } = status(S000, '2013-06-10');
  assert.equal(s.title, 'OVirt 3.3 release-management');
  assert.equal(s.release, '3.3');
  assert.equal(s.kind, 'release-management');
  assert.equal(s.asOf, '2013-06-10');
  assert.equal(s.updated, '2013-08-27');
  assert.deepEqual(s.ga, { line: 21, date: { text: '2013-07-01', iso: '2013-07-01' }, days: 21 });
  assert.match(lines[21], /General availability: \*\*2013-07-01\*\*/);
  assert.deepEqual(s.next, { line: 25, label: 'RC Build', iso: '2013-06-14', days: 4 });
  assert.deepEqual(
    s.milestones.map((m) => [m.label, m.kind, m.date?.iso, m.days]),
    [
      ['General availability', 'ga', '2013-07-01', 21],
      ['Beta release', 'beta', '2013-05-31', -10],
      ['Feature freeze', 'freeze', '2013-05-31', -10],
      ['Test Day', 'test-day', '2013-06-05', -5],
      ['RC Build', 'rc', '2013-06-14', 4],
    ],
  );
  for (const m of s.milestones) assert.ok(lines[m.line].includes(m.label), `milestone line ${m.line + 1} holds "${m.label}"`);
  assert.ok(isPageStatus(JSON.parse(JSON.stringify(s))), 'the model survives JSON and passes the webview check');
});

test('seed 000: counts by status colour overall, per team and per priority (pinned)', () => {
  const { s } = status(S000, '2013-06-10');
  assert.equal(s.features.length, 36);
  assert.deepEqual(s.counts, counts(6, 16, 12, 0, 2));
  assert.deepEqual(
    s.byTeam.map((g) => [g.name, g.counts]),
    [
      ['Virt', counts(1, 2, 1, 0, 1)],
      ['Infra', counts(0, 4, 0, 0, 0)],
      ['Networking', counts(1, 3, 3, 0, 0)],
      ['Storage', counts(1, 3, 2, 0, 1)],
      ['SLA', counts(0, 1, 3, 0, 0)],
      ['Gluster', counts(0, 2, 0, 0, 0)],
      ['Node', counts(2, 0, 0, 0, 0)],
      ['Integration', counts(0, 1, 1, 0, 0)],
      ['UX', counts(1, 0, 2, 0, 0)],
    ],
  );
  assert.deepEqual(
    s.byPriority.map((g) => [g.name, g.counts]),
    [
      ['Must', counts(4, 6, 5, 0, 0)],
      ['Should', counts(0, 4, 3, 0, 0)],
      ['Optional', counts(1, 4, 3, 0, 1)],
      [null, counts(1, 2, 1, 0, 1)],
    ],
  );
});

test('seed 000: each feature keeps its source line; lower-case values read as the vocabulary writes them', () => {
  const { s, lines } = status(S000, '2013-06-10');
  for (const f of s.features) assert.ok(lines[f.line].includes(f.team ?? ''), `line ${f.line + 1} is ${f.team}'s row`);
  const scheduler = s.features.find((f) => f.name === 'oVirt scheduler');
  assert.ok(scheduler);
  assert.equal(scheduler.line, 109);
  assert.equal(scheduler.colour, 'red');
  assert.equal(scheduler.statusLabel, 'Red');
  assert.equal(scheduler.statusComment, 'in progress');
  assert.equal(scheduler.priority, 'Must');
  assert.deepEqual(scheduler.target, { text: '1/7/2013', iso: '2013-07-01' }, 'slash dates read day-first, as the page does');
  const device = s.features.find((f) => f.name === 'Device Custom Properties');
  assert.equal(device?.statusComment, 'In progress, see comment');
  assert.equal(device.priority, 'Must', '`must` is read as Must');
  const branding = s.features.find((f) => f.name === 'Branding Support');
  assert.deepEqual(branding?.target, { text: '31/06/2013', iso: null }, 'an impossible date is kept as text, not a day');
  assert.equal(branding.overdue, false);
});

test('seed 000: the three stray-pipe rows are read with the empty cell dropped and flagged', () => {
  const { s } = status(S000, '2013-06-10');
  const malformed = s.features.filter((f) => f.malformed);
  assert.deepEqual(
    malformed.map((f) => [f.line, f.name, f.colour, f.repaired]),
    [
      [87, 'noVNC console', 'orange', true],
      [88, 'Non Plugin RDP Invocation', 'green', true],
      [93, 'ExternalTasks', 'orange', true],
    ],
  );
  assert.equal(malformed[0].owner, 'Frantisek Kobzik');
});

test('seed 000: Must features not Green and overdue features (as of 2013-06-10)', () => {
  const { s } = status(S000, '2013-06-10');
  const name = (line: number): string => s.features.find((f) => f.line === line)?.name ?? '?';
  assert.deepEqual(s.mustNotGreen.map(name), [
    'Device Custom Properties',
    'ExternalTasks',
    'Normalized ovirtmgmt Initialization',
    'Quantum Integration',
    'Multiple Gateways',
    'Edit Connection Properties',
    'oVirt scheduler',
    'Scheduling API',
    'Network QoS',
    'Watchdog engine support',
    'Otopi Infra Migration',
  ]);
  assert.deepEqual(
    s.overdue.map((l) => [name(l), s.features.find((f) => f.line === l)?.overdueDays]),
    [
      ['Device Custom Properties', 7],
      ['Supervdsm service', 7],
      ['Normalized ovirtmgmt Initialization', 7],
      ['Multiple Gateways', 1],
      ['Gluster Hooks Management', 10],
      ['Gluster Swift Management', 10],
      ['Otopi Infra Migration', 11],
    ],
  );
  assert.ok(
    s.features.filter((f) => f.overdue).every((f) => f.colour !== 'green'),
    'a Green feature is never overdue',
  );
  const early = status(S000, '2013-05-01').s;
  assert.deepEqual(early.overdue, [], 'nothing is overdue before the first target date');
  assert.equal(early.ga?.days, 61);
  assert.equal(status(S000, '2014-03-01').s.ga?.days, -243, 'days since GA are negative');
});

test('seed 000: criteria and findings by severity (pinned)', () => {
  const { s, lines } = status(S000, '2013-06-10');
  assert.equal(s.criteria.length, 28);
  assert.deepEqual(s.criteriaCounts, [
    { keyword: 'MUST', count: 20 },
    { keyword: 'SHOULD', count: 8 },
  ]);
  for (const c of s.criteria) assert.ok(lines[c.line].includes(c.keyword), `criterion line ${c.line + 1}`);
  assert.equal(
    s.criteria[0].text,
    'No blockers on the lower level components - libvirt, lvm,device-mapper,qemu-kvm, Jboss, postgres, iscsi-initiator',
  );
  assert.deepEqual(
    s.problems.counts,
    { error: 4, warning: 47, information: 24, hint: 0 },
    'Now in a Target date is a value (value-unset); legend-mismatch reports Optional once, not on 9 rows',
  );
  assert.equal(s.problems.items.length, 75, '86 before Now stopped being value-unset and legend-mismatch reported once per value');
  assert.equal(s.plan.length, 0);
  assert.equal(s.planProgress, null);
});

test('seed 001: placeholder milestones have no day; no feature table; criteria and problems (pinned)', () => {
  const { s } = status(S001, '2014-03-01');
  assert.equal(s.title, 'oVirt 3.4 release management');
  assert.deepEqual(s.ga, { line: 15, date: { text: '2014-03-27', iso: '2014-03-27' }, days: 26 });
  assert.equal(s.milestones.length, 11);
  assert.deepEqual(
    s.milestones.filter((m) => m.date?.iso === null).map((m) => [m.line, m.date?.text]),
    [
      [16, '\\1'],
      [17, '\\1'],
      [18, '\\1'],
      [19, '\\1'],
      [20, '\\1'],
      [22, '\\1'],
    ],
  );
  assert.deepEqual(s.next, { line: 15, label: 'General availability', iso: '2014-03-27', days: 26 });
  assert.deepEqual(s.counts, counts(0, 0, 0, 0, 0));
  assert.deepEqual(s.byTeam, []);
  assert.deepEqual(s.criteriaCounts, [
    { keyword: 'MUST', count: 20 },
    { keyword: 'SHOULD', count: 7 },
  ]);
  assert.deepEqual(s.problems.counts, { error: 0, warning: 6, information: 0, hint: 0 });
  assert.ok(s.problems.items.every((p) => p.rule === 'date-placeholder'));
});

test('seed 004: milestone plan progress (4 of 5 complete), each item at its line', () => {
  const { s, lines } = status(S004, '2008-03-01');
  assert.equal(s.kind, 'milestone-plan');
  assert.deepEqual(s.planProgress, { done: 4, total: 5 });
  assert.deepEqual(
    s.plan.map((p) => [p.line, p.title, p.when, p.status, p.state]),
    [
      [1, 'Milestone 1', 'First week Nov', 'Complete', 'done'],
      [30, 'Milestone 2', 'Last week November 2007', 'Complete', 'done'],
      [46, 'Milestone 3', 'December 21, 2007', 'Complete', 'done'],
      [58, 'Milestone 4', 'Mid February 2008', 'Complete', 'done'],
      [87, 'Milestone 5', 'end of February 2008', null, 'unset'],
    ],
  );
  for (const p of s.plan) assert.ok(lines[p.line].startsWith(p.title));
  assert.equal(s.plan[0].goal, 'Bootstrap initial development process');
  assert.deepEqual([s.features.length, s.milestones.length, s.criteria.length, s.ga], [0, 0, 0, null]);
  assert.deepEqual(s.problems.counts, { error: 0, warning: 0, information: 0, hint: 0 });
});

test('struck values: status history, rescheduled targets and milestones keep the old dates', () => {
  const page = [
    '# oVirt 9.9 release management',
    '',
    '## Timeline',
    '',
    '*   General availability: <s>**2020-03-01**</s> **2020-04-01**',
    '*   Beta release: ~~2020-01-10~~ **2020-02-01**',
    '',
    '## Features Status Table',
    '',
    '| Functional team | Feature | Release priority | Owner | Status | Target date |',
    '|---|---|---|---|---|---|',
    '| Virt | Alpha | Must | me | <s>Red</s> Green - done | <s>2020-01-01</s> 2020-02-15 |',
    '| Virt | Beta | Should | you | Yellow | 2020-02-15 |',
  ].join('\n');
  const s = buildStatus(checkText(page), { today: { year: 2020, month: 3, day: 1 } });
  assert.deepEqual(
    s.milestones.map((m) => [m.label, m.date?.iso, m.superseded.map((d) => d.iso)]),
    [
      ['General availability', '2020-04-01', ['2020-03-01']],
      ['Beta release', '2020-02-01', ['2020-01-10']],
    ],
  );
  const [alpha, beta] = s.features;
  assert.deepEqual([alpha.colour, alpha.statusLabel, alpha.statusComment, alpha.statusHistory], ['green', 'Green', 'done', ['Red']]);
  assert.deepEqual([alpha.target?.iso, alpha.targetHistory.map((d) => d.iso), alpha.overdue], ['2020-02-15', ['2020-01-01'], false]);
  assert.deepEqual([beta.colour, beta.statusLabel, beta.overdue, beta.overdueDays], ['orange', 'Yellow', true, 15]);
  assert.deepEqual(s.counts, counts(1, 1, 0, 0, 0));
});

test('view: filters by team, colour, priority, attention and text; sorts worst first; ties keep page order', () => {
  const { s } = status(S000, '2013-06-10');
  const names = (rows: ReturnType<typeof applyView>): string[] => rows.map((f) => f.name);
  assert.equal(applyView(s, EMPTY_FILTER, DEFAULT_SORT).length, 36);
  assert.deepEqual(names(applyView(s, { ...EMPTY_FILTER, team: 'Node' }, DEFAULT_SORT)), ['Universal Node Image', 'Node VDSM Plugin']);
  assert.equal(applyView(s, { ...EMPTY_FILTER, colour: 'red' }, DEFAULT_SORT).length, 12);
  assert.equal(applyView(s, { ...EMPTY_FILTER, priority: NO_PRIORITY }, DEFAULT_SORT).length, 5);
  assert.equal(applyView(s, { ...EMPTY_FILTER, only: 'must' }, DEFAULT_SORT).length, 11);
  assert.equal(applyView(s, { ...EMPTY_FILTER, only: 'overdue', team: 'Gluster' }, DEFAULT_SORT).length, 2);
  assert.deepEqual(names(applyView(s, { ...EMPTY_FILTER, text: 'gluster swift' }, DEFAULT_SORT)), ['Gluster Swift Management']);
  const byStatus = applyView(s, EMPTY_FILTER, { key: 'status', dir: 'asc' });
  assert.deepEqual([byStatus[0].colour, byStatus[11].colour, byStatus[12].colour, byStatus[35].colour], ['red', 'red', 'orange', 'green']);
  assert.equal(byStatus[0].name, 'Instance Types', 'equal keys keep page order');
  const byTarget = applyView(s, EMPTY_FILTER, { key: 'target', dir: 'desc' });
  assert.equal(byTarget[0].target?.iso, '2013-07-01');
  assert.equal(byTarget.at(-1)?.target?.iso ?? null, null, 'rows without a date stay last, also descending');
  assert.deepEqual(
    [nextSort(DEFAULT_SORT, 'team'), nextSort({ key: 'team', dir: 'asc' }, 'team'), nextSort({ key: 'team', dir: 'desc' }, 'team')],
    [{ key: 'team', dir: 'asc' }, { key: 'team', dir: 'desc' }, DEFAULT_SORT],
  );
});

test('a big table edited in one cell: unchanged rows keep their status items, and the result equals a fresh build', () => {
  const generated = generatePage(1000, 5);
  const today = { year: 2013, month: 8, day: 1 };
  const engine = new Engine();
  const before = buildStatus(engine.check(generated.text), { today });
  const edited = editCell(generated.text, generated.middleLine, STATUS_COLUMN, 'Red - blocked on review').text;
  const after = buildStatus(engine.check(edited), { today });
  assert.equal(engine.lastModel, 'patched');
  const changed = after.features.findIndex((f) => f.line === generated.middleLine);
  assert.equal(after.features[changed].colour, 'red');
  assert.equal(after.features[changed].statusComment, 'blocked on review');
  assert.equal(after.features.length, before.features.length);
  after.features.forEach((f, i) =>
    i === changed ? assert.notEqual(f, before.features[i]) : assert.equal(f, before.features[i], `item ${i} was read again`),
  );
  assert.deepEqual(after, buildStatus(checkText(edited), { today }));
  // Another day: every item is read again (overdue days depend on it); both days stay memoised (the
  // preview's as-of day and the code lens's today alternate on the same rows).
  const later = buildStatus(engine.check(edited), { today: { ...today, day: 2 } });
  assert.ok(later.features.every((f, i) => f !== after.features[i]));
  const again = buildStatus(engine.check(edited), { today });
  assert.ok(
    again.features.every((f, i) => f === after.features[i]),
    "the first day's items are kept",
  );
  // The first row of the table (the head of its first run of rows) edited: still equal to a fresh build.
  const firstRow = generated.headerLine + 2;
  const head = editCell(edited, firstRow, STATUS_COLUMN, 'Green').text;
  const headStatus = buildStatus(engine.check(head), { today });
  assert.equal(engine.lastModel, 'patched');
  assert.equal(headStatus.features.find((f) => f.line === firstRow)?.colour, 'green');
  assert.deepEqual(headStatus, buildStatus(checkText(head), { today }));
});

test('status values of the rule options (status-unknown, priority-unknown) are read like the configured ones', () => {
  const text =
    '# oVirt 9.9 Release Management\n\n| Feature | Release priority | Status |\n|---|---|---|\n| A | Must | Done - merged |\n| B | Blocker | Green |\n';
  const config = mergeConfig(DEFAULT_CONFIG, {
    rules: {
      'status-unknown': { options: { statuses: ['Done', 'Green'] } },
      'priority-unknown': { options: { priorities: ['Blocker', 'Must'] } },
    },
  });
  const s = buildStatus(checkText(text, { config }), { today: { year: 2030, month: 1, day: 1 }, config });
  assert.deepEqual(
    s.features.map((f) => [f.statusLabel, f.statusComment, f.priority]),
    [
      ['Done', 'merged', 'Must'],
      ['Green', '', 'Blocker'],
    ],
  );
});

test('display text of a lone link: its text with whitespace runs made one space, trimmed (fast path equals the regex reading)', () => {
  const piece = fc.constantFrom('a', 'B', ' ', '  ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u0001', 'é', '-', '1');
  fc.assert(
    fc.property(
      fc.array(piece, { maxLength: 12 }).map((xs) => xs.join('')),
      (t) => {
        assert.equal(displayText(`[${t}](Features/${t})`), t.replace(/\s+/g, ' ').trim());
      },
    ),
    params(budget(2_000, 100_000)),
  );
});

test('a short row is read as GFM shows it (padded); a short row that moves a date under Status stays unreadable', () => {
  const text = [
    '# oVirt 9.9 Release Management',
    '',
    '| Functional team | Feature | Release priority | Owner | Status | Target date | Test page | Remarks |',
    '|---|---|---|---|---|---|---|---|',
    '| Infra | [Quota](Features/Quota) | Must | doron | Green | 2013-07-03 |',
    '| Storage | [Disk Profiles](Features/Disk_Profiles) | Should | gilad | 2013-07-24 | ? |',
    '',
  ].join('\n');
  const s = buildStatus(checkText(text), { today: { year: 2013, month: 7, day: 1 } });
  const [quota, disks] = s.features;
  assert.deepEqual(
    [quota.name, quota.colour, quota.statusLabel, quota.target?.iso, quota.malformed, quota.repaired],
    ['Quota', 'green', 'Green', '2013-07-03', true, true],
  );
  assert.deepEqual([disks.name, disks.statusLabel, disks.repaired], ['Disk Profiles', 'Unreadable row', false]);
});

test('colour emoji and GitHub shortcodes give a status its colour on the dashboard', () => {
  const rows = ['🟢 On track', ':red_circle: Blocked', ':white_check_mark:', '🟡 At risk', ':warning: waiting', '❌ dropped', 'Shipped'];
  const text = [
    '# oVirt 9.9 Release Management',
    '',
    '| Feature | Owner | Status | Target date |',
    '|---|---|---|---|',
    ...rows.map((r, i) => `| F${i} | o | ${r} | 2013-07-0${i + 1} |`),
    '',
  ].join('\n');
  const s = buildStatus(checkText(text), { today: { year: 2013, month: 7, day: 1 } });
  assert.deepEqual(
    s.features.map((f) => f.colour),
    // `Shipped` is a common status word (status/colours.ts).
    ['green', 'red', 'green', 'orange', 'orange', 'red', 'green'],
  );
});
