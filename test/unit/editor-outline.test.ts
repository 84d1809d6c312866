// Document symbols and the features-table code lens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildStatus,
  checkText,
  dayNumber,
  DEFAULT_CONFIG,
  documentSymbols,
  type Position,
  type Range,
  type SymbolNode,
  tableSummaries,
} from '../../server/src/core';
import { pagesIn, readFixture } from '../helpers/paths';

const TODAY = dayNumber(2013, 6, 10);

const SEED0 = readFixture('seeds', '000_015c11820e0fe26e.md');

function within(outer: Range, inner: Range): boolean {
  const le = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

function assertWellFormed(nodes: readonly SymbolNode[], where: string): void {
  for (const n of nodes) {
    assert.ok(n.name.trim().length > 0, `${where}: empty name`);
    assert.ok(within(n.range, n.selectionRange), `${where}: ${n.name}: selection outside range`);
    for (const c of n.children) assert.ok(within(n.range, c.range), `${where}: ${n.name} > ${c.name}: child outside range`);
    assertWellFormed(n.children, where);
  }
}

test('seed 000: timeline milestones with dates, features grouped by team with status, criteria', () => {
  const r = checkText(SEED0);
  const symbols = documentSymbols(r.page, DEFAULT_CONFIG);
  assert.deepEqual(
    symbols.map((s) => [s.kind, s.name]),
    [
      ['timeline', 'Timeline'],
      ['criteria', 'Release criteria'],
      ['features', 'Features Status Table'],
    ],
  );
  const [timeline, criteria, features] = symbols;
  assert.deepEqual(
    timeline.children.map((m) => `${m.name} ${m.detail}`),
    [
      'General availability 2013-07-01',
      'Beta release 2013-05-31',
      'Feature freeze 2013-05-31',
      'Test Day 2013-06-05',
      'RC Build 2013-06-14',
    ],
  );
  assert.equal(timeline.children[0].selectionRange.start.line, 21);
  assert.deepEqual(
    features.children.map((t) => t.name),
    ['Virt', 'Infra', 'Networking', 'Storage', 'SLA', 'Gluster', 'Node', 'Integration', 'UX'],
  );
  assert.equal(features.detail, '33 features', 'malformed rows (cell count) are left out');
  const sla = features.children.find((t) => t.name === 'SLA');
  assert.deepEqual(
    sla?.children.map((f) => `${f.name}: ${f.detail}`),
    ['oVirt scheduler: Red', 'Scheduling API: Red', 'Network QoS: Red', 'Watchdog engine support: Orange'],
  );
  assert.equal(criteria.detail, '20 MUST, 8 SHOULD');
  assert.match(criteria.children[0].name, /^MUST: No blockers on the lower level components/);
  assert.ok(criteria.children.every((c) => c.name.length <= 90));
  assertWellFormed(symbols, 'seed 000');
});

test('a table without a team column lists its features directly; unset statuses say so', () => {
  const text = '# oVirt 9.9 Release Management\n\n## Features\n\n| Feature | Status |\n|---|---|\n| A | Green |\n| B | ? |\n';
  const [table] = documentSymbols(checkText(text).page, DEFAULT_CONFIG);
  assert.equal(table.name, 'Features');
  assert.deepEqual(
    table.children.map((c) => [c.kind, c.name, c.detail]),
    [
      ['feature', 'A', 'Green'],
      ['feature', 'B', 'status not set'],
    ],
  );
});

test('symbols are well formed on every seed, corpus and fixture page', () => {
  for (const folder of ['seeds', 'corpus', 'pages']) {
    for (const name of pagesIn(folder)) {
      const r = checkText(readFixture(folder, name));
      assertWellFormed(documentSymbols(r.page, DEFAULT_CONFIG), `${folder}/${name}`);
    }
  }
});

test('code lens summary of the seed features table', () => {
  const r = checkText(SEED0);
  const [s] = tableSummaries(r.page, DEFAULT_CONFIG, TODAY, r.findings);
  assert.equal(s.line, 84);
  // The rows the status preview reads: the three with a stray empty cell too (36 features, as the preview counts).
  assert.deepEqual(
    s.counts.map((c) => `${c.value} ${c.count}`),
    ['Green 6', 'Orange 16', 'Red 12'],
  );
  assert.equal(s.unset, 2);
  assert.equal(s.mustNotGreen, 11);
  const preview = buildStatus(r, { today: { year: 2013, month: 6, day: 10 } });
  assert.equal(s.features, preview.features.length);
  assert.equal(s.mustNotGreen, preview.mustNotGreen.length);
  assert.equal(s.title, '36 features: 6 Green · 16 Orange · 12 Red · 2 not set — 11 Must not Green');
  assert.equal(s.revealLine, 86, 'the first finding in the table');
  // Without findings: the first Must feature that is not Green.
  const [quiet] = tableSummaries(r.page, DEFAULT_CONFIG, TODAY, []);
  const firstMust = SEED0.split('\n')[quiet.revealLine];
  assert.match(firstMust, /\| must /i);
});

test('a features table without a Status column before one with it: the lens counts the right table; an unreadable row is unknown', () => {
  const text =
    '# oVirt 9.9 Release Management\n\n| Feature | Release priority |\n|---|---|\n| D | Must |\n| E | Should |\n\n' +
    '| Feature | Release priority | Status |\n|---|---|---|\n| A | Must | Green |\n| B | must | orange - wip |\n| C | Should | Red | extra | cells |\n';
  const r = checkText(text);
  const summaries = tableSummaries(r.page, DEFAULT_CONFIG, TODAY, r.findings);
  assert.deepEqual(
    summaries.map((s) => [s.table, s.line, s.title]),
    [[1, 7, '3 features: 1 Green · 1 Orange · 1 unknown — 1 Must not Green']],
  );
});

test('tables without a Status column get no lens; Must features that are Green do not count', () => {
  const text =
    '# oVirt 9.9 Release Management\n\n| Feature | Release priority | Status |\n|---|---|---|\n| A | Must | Green |\n| B | must | orange - wip |\n| C | Should | Red |\n\n| Feature | Release priority |\n|---|---|\n| D | Must |\n';
  const r = checkText(text);
  const summaries = tableSummaries(r.page, DEFAULT_CONFIG, TODAY, r.findings);
  assert.equal(summaries.length, 1);
  assert.equal(summaries[0].title, '3 features: 1 Green · 1 Orange · 1 Red — 1 Must not Green');
});

test('a table of emoji statuses without a Priority column: each coloured value counted (as the preview does), no Must part', () => {
  const text =
    '# Widget 4.0 Release Tracking\n\n## Components\n\n| Component | Health | Notes |\n|---|---|---|\n' +
    '| parser | 🟢 | stable |\n| renderer | 🟡 | rewrite |\n| exporter | 🔴 | |\n| cli | 🚫 | dropped |\n| docs | 🟢 | |\n| tests | ⬜ | |\n| ui | Meh | |\n';
  const r = checkText(text);
  const [s] = tableSummaries(r.page, DEFAULT_CONFIG, TODAY, r.findings);
  assert.equal(s.title, '7 features: 2 🟢 · 1 🟡 · 1 🔴 · 1 🚫 · 2 unknown');
  assert.equal(s.hasPriority, false);
  const preview = buildStatus(r, { today: { year: 2026, month: 12, day: 3 } });
  assert.equal(s.unknown, preview.features.filter((f) => f.colour === 'other').length, 'unknown is what the preview calls Other');
});
