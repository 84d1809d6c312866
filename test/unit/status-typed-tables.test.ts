/**
 * The status dashboard for any table with a Status column, not only the oVirt features table: real
 * pages (a support-policy table, a learned On track / At risk / Blocked vocabulary) and written ones (a
 * legend giving colours by emoji, emoji and shortcode statuses): colours, value groups, filters, typed
 * sorting, and the rendered report.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { buildStatus, checkText } from '../../server/src/core';
import { applyView, EMPTY_FILTER, renderReport, renderSummary, type PageStatus } from '../../shared/status';
import { readFixture } from '../helpers/paths';

function status(folder: string, name: string): PageStatus {
  return buildStatus(checkText(readFixture(folder, name)), { today: { year: 2024, month: 6, day: 1 } });
}

const rows = (s: PageStatus, f = s.features): string[] => f.map((x) => `${x.name}|${x.colour}|${x.statusLabel}|${x.statusComment}`);
const groups = (s: PageStatus): string[] => s.byStatus.map((g) => `${g.name ?? '-'}:${g.counts.total}`);

test('a support-policy table (Dapr, real): its rows are read, named by their version, Supported is green', () => {
  const s = status(join('projects', 'release'), 'dapr-supported-releases.md');
  assert.deepEqual(rows(s), [
    '1.0.0|green|Supported|',
    '1.0.1|green|Supported|',
    '1.1.0|green|Supported|',
    '1.1.1|green|Supported|(current)',
    '1.1.2|green|Supported|(current)',
  ]);
  assert.deepEqual(groups(s), ['Supported:5']);
  assert.equal(s.counts.green, 5);
});

test('a learned vocabulary (On track / At risk / Blocked) gets colours, groups in the learned order, and filters by value', () => {
  const s = status('pages', 'learned-vocabulary.md');
  assert.deepEqual(
    { green: s.counts.green, orange: s.counts.orange, red: s.counts.red, other: s.counts.other },
    // `on track` (a case slip) reads as On track; `Shipped` is a known word (green); `At rsik` stays other.
    { green: 8, orange: 3, red: 2, other: 1 },
  );
  assert.deepEqual(groups(s), ['On track:7', 'At risk:3', 'Blocked:2', 'At rsik:1', 'Shipped:1']);
  const atRisk = applyView(s, { ...EMPTY_FILTER, status: 'At risk' }, { key: null, dir: 'asc' });
  assert.deepEqual(
    atRisk.map((f) => f.name),
    ['Billing', 'Quotas', 'SSO'],
  );
  // The comment after the value is kept apart; HTML comments are not shown.
  assert.equal(s.features.find((f) => f.name === 'SSO')?.statusComment, 'waiting on legal');
  assert.equal(s.features.find((f) => f.name === 'Themes')?.statusLabel, 'At rsik');
});

test('a per-version table (Node-like): statuses sort by colour, then in their order; ties keep page order', () => {
  const s = status('pages', 'schedule-phases.md');
  assert.deepEqual(rows(s), ['18.x|orange|Maintenance|', '20.x|green|Active LTS|', '22.x|green|Current|']);
  const sorted = applyView(s, EMPTY_FILTER, { key: 'status', dir: 'asc' }).map((f) => f.name);
  assert.deepEqual(sorted, ['18.x', '20.x', '22.x']);
  const desc = applyView(s, EMPTY_FILTER, { key: 'status', dir: 'desc' }).map((f) => f.name);
  assert.deepEqual(desc, ['22.x', '20.x', '18.x']);
});

test('a legend gives colours by emoji to values no built-in word knows; emoji and shortcodes colour their cells', () => {
  const s = status('pages', 'status-any-table.md');
  assert.deepEqual(rows(s), [
    'Sidecar containers|green|On track|',
    'Structured authentication|orange|Exception requested|',
    'Pod scheduling readiness|green|On track|',
    'Dynamic resource allocation|red|Blocked|',
    'In-place resize|orange|Exception requested|',
    'parser|green|🟢|',
    'renderer|orange|🟡|',
    // Shortcodes are shown as the emoji GitHub draws for them.
    'exporter|red|🔴|',
    'cli|green|✅|',
  ]);
  // Worst first: red, orange, then green; within a colour, the groups' order.
  const sorted = applyView(s, EMPTY_FILTER, { key: 'status', dir: 'asc' }).map((f) => f.name);
  assert.deepEqual(sorted, [
    'Dynamic resource allocation',
    'exporter',
    'Structured authentication',
    'In-place resize',
    'renderer',
    'Sidecar containers',
    'Pod scheduling readiness',
    'parser',
    'cli',
  ]);
});

test('the summary lists the status values when they are not the colour names, and only then', () => {
  const typed = renderSummary(status('pages', 'status-any-table.md'), { interactive: true });
  assert.match(typed, /Status values/);
  assert.match(typed, /data-filter-status="1"[^>]*>.*Exception requested.*?<span class="rp-count">2<\/span>/);
  const ovirt = renderSummary(status('seeds', '000_015c11820e0fe26e.md'), { interactive: true });
  assert.doesNotMatch(ovirt, /Status values/);
});

test('the HTML report of a support-policy table shows its rows and status values', () => {
  const html = renderReport(status(join('projects', 'release'), 'dapr-supported-releases.md'), {
    css: '',
    styleSource: "'sha256-AAAA'",
    fileName: 'dapr-supported-releases.md',
    generator: 'test',
  });
  assert.match(html, /Status values/);
  assert.match(html, /rp-c-green[^]*Supported/);
  assert.match(html, /1\.1\.2/);
  // The table has no team and no priority column: no breakdown that would only say "No team".
  assert.doesNotMatch(html, /No team|No priority|class="rp-breakdown"/);
});

test('sorting by target date compares days, by name uses numeric collation; rows without a value stay last', () => {
  const s = status('pages', 'learned-vocabulary.md');
  const byTarget = applyView(s, EMPTY_FILTER, { key: 'target', dir: 'desc' }).map((f) => f.target?.iso);
  assert.deepEqual(byTarget, [...byTarget].sort().reverse());
  const versions = applyView(status(join('projects', 'release'), 'dapr-supported-releases.md'), EMPTY_FILTER, {
    key: 'name',
    dir: 'desc',
  }).map((f) => f.name);
  assert.deepEqual(versions, ['1.1.2', '1.1.1', '1.1.0', '1.0.1', '1.0.0']);
});
