// Over 300 lines: one status model per case, written out by hand so each expectation is read beside its data.
// The release bars of per-version phase tables and the timeline's slips, ranges and owners, drawn from
// status models made by hand (the shapes `buildStatus` gives), checked on the HTML the renderer writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isoDay } from '../../shared/calendar';
import {
  isPageStatus,
  renderDashboard,
  renderReleases,
  renderTimeline,
  type MilestoneStatus,
  type PageStatus,
  type ReleaseSpan,
} from '../../shared/status';
import { calendarTicks } from '../../shared/status/axis';
import { withOneBasedLines } from '../../server/src/cli/report';
import { buildStatus, checkText } from '../../server/src/core';
import { readFixture, ROOT } from '../helpers/paths';

type Phase = ReleaseSpan['phases'][number];

const date = (iso: string | null, text = iso ?? 'TBD'): { text: string; iso: string | null } => ({ text, iso });
const phase = (label: string, kind: Phase['kind'], iso: string | null): Phase => ({ label, kind, date: iso === null ? null : date(iso) });

function release(version: string, line: number, phases: Phase[], tableLine = 10): ReleaseSpan {
  const dated = phases.filter((p) => p.date?.iso);
  return { line, version, timeline: line, tableLine, start: dated.at(0)?.date ?? null, end: dated.at(-1)?.date ?? null, phases };
}

/** A real status model of an empty page, with the releases and milestones given. */
function status(asOf: string, releases: ReleaseSpan[], milestones: MilestoneStatus[] = []): PageStatus {
  const [year, month, day] = asOf.split('-').map(Number);
  return { ...buildStatus(checkText('# A page\n'), { today: { year, month, day } }), releases, milestones };
}

function milestone(label: string, line: number, fields: Partial<MilestoneStatus>): MilestoneStatus {
  return {
    line,
    label,
    kind: 'other',
    release: null,
    timeline: 0,
    date: null,
    superseded: [],
    cancelled: false,
    days: null,
    owner: null,
    actual: null,
    slipDays: null,
    ...fields,
  };
}

/** The phase rectangles of each bar row, in order: class, x and width in percent. */
function bars(html: string): Array<Array<{ cls: string; x: number; w: number; title: string }>> {
  return [...html.matchAll(/<tr class="rp-gantt-row[^"]*"[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1].matchAll(/<rect class="([^"]*)" x="([-\d.]+)%" y="[\d.]+" width="([\d.]+)%" height="[\d.]+"><title>([^<]*)<\/title>/g)].map(
      (m) => ({ cls: m[1], x: Number(m[2]), w: Number(m[3]), title: m[4] }),
    ),
  );
}

const NODE_LIKE = [
  release('v20', 3, [
    phase('Release', 'ga', '2023-04-18'),
    phase('Maintenance', 'maintenance', '2024-10-22'),
    phase('End of life', 'eol', '2026-04-30'),
  ]),
  release('v22', 4, [
    phase('Release', 'ga', '2024-04-24'),
    phase('Maintenance', 'maintenance', '2025-10-21'),
    phase('End of life', 'eol', '2027-04-30'),
  ]),
];

test('release bars: each phase a segment whose position and width are proportional to its dates, on one axis', () => {
  const s = status('2025-06-01', NODE_LIKE);
  const html = renderReleases(s, false);
  const [lo, hi] = [isoDay('2023-04-18'), isoDay('2027-04-30')];
  const x = (iso: string): number => 1 + ((isoDay(iso) - lo) / (hi - lo)) * 98;
  const rows = bars(html);
  assert.equal(rows.length, 2);
  const [v20, v22] = rows;
  assert.deepEqual(
    v20.map((r) => r.cls),
    ['rp-ph rp-ph-active', 'rp-ph rp-ph-maintenance', 'rp-ph-mark rp-ph-eol'],
  );
  assert.ok(
    Math.abs(v20[0].x - x('2023-04-18')) < 0.01 && Math.abs(v20[0].w - (x('2024-10-22') - x('2023-04-18'))) < 0.01,
    JSON.stringify(v20[0]),
  );
  assert.ok(Math.abs(v20[1].x - x('2024-10-22')) < 0.01 && Math.abs(v20[1].w - (x('2026-04-30') - x('2024-10-22'))) < 0.01);
  assert.ok(Math.abs(v22[0].x - x('2024-04-24')) < 0.01 && Math.abs(v22[1].x + v22[1].w - x('2027-04-30')) < 0.01);
  assert.ok(Math.abs(v22[2].x + 0.25 - x('2027-04-30')) < 0.01, 'the end of life is a mark at its day');
  assert.equal(v20[1].title, 'Maintenance: 2024-10-22 to 2026-04-30');
  // The version is the row header; the last column says where each release is today.
  assert.match(html, /<th scope="row" class="rp-gantt-version"><bdi>v20<\/bdi><\/th>/);
  assert.match(html, /Maintenance until 2026-04-30/);
  assert.match(html, /Active until 2025-10-21/);
  // Ticks per year over four years, per quarter over two, per month within a year.
  assert.deepEqual(
    calendarTicks(lo, hi).map((t) => t.label),
    ['2024', '2025', '2026', '2027'],
  );
  assert.deepEqual(
    calendarTicks(isoDay('2024-02-10'), isoDay('2025-08-01')).map((t) => t.label),
    ['Q2 2024', 'Q3', 'Q4', 'Q1 2025', 'Q2', 'Q3'],
  );
  assert.equal(calendarTicks(isoDay('2024-02-10'), isoDay('2024-08-01'))[0].label, 'Mar 2024');
  assert.match(html, /<text class="rp-tick-label" x="[\d.]+%" y="28" text-anchor="middle">2025<\/text>/);
});

test('release bars: today marked on every row and above the axis; off the axis, an arrow says where', () => {
  const s = status('2025-06-01', NODE_LIKE);
  const html = renderReleases(s, true);
  const [lo, hi] = [isoDay('2023-04-18'), isoDay('2027-04-30')];
  const tx = 1 + ((isoDay('2025-06-01') - lo) / (hi - lo)) * 98;
  const lines = [...html.matchAll(/<line class="rp-today" x1="([\d.]+)%"/g)].map((m) => Number(m[1]));
  assert.equal(lines.length, 3, 'the axis and both rows');
  for (const l of lines) assert.ok(Math.abs(l - tx) < 0.01);
  assert.match(html, /Today 2025-06-01<\/text>/);
  assert.match(html, /<li><span class="rp-swatch rp-sw-today" aria-hidden="true"><\/span>Today<\/li>/);
  // Decades later, today is off the axis: no line, an arrow label at the right end; every release ended.
  const late = renderReleases(status('2060-01-01', NODE_LIKE), false);
  assert.doesNotMatch(late, /class="rp-today"/);
  assert.match(late, /Today 2060-01-01 →/);
  assert.equal((late.match(/rp-gantt-row rp-ended/g) ?? []).length, 2);
  assert.match(late, /Ended 2026-04-30/);
  const early = renderReleases(status('1990-01-01', NODE_LIKE), false);
  assert.match(early, /← Today 1990-01-01/);
  assert.match(early, /Release on 2023-04-18/);
});

test('release bars: an empty table draws nothing, one release draws one row, undated phases are said and skipped', () => {
  assert.equal(renderReleases(status('2025-06-01', []), true), '');
  const one = renderReleases(status('2025-06-01', [NODE_LIKE[0]]), false);
  assert.equal(bars(one).length, 1);
  assert.match(one, /<span class="rp-count">1<\/span>/);
  const gap = release('1.29', 7, [
    phase('Release', 'ga', '2023-12-13'),
    phase('Maintenance', 'maintenance', null),
    phase('End of life', 'eol', '2025-02-28'),
  ]);
  const html = renderReleases(status('2024-06-01', [gap]), false);
  const [row] = bars(html);
  assert.deepEqual(
    row.map((r) => r.cls),
    ['rp-ph rp-ph-active', 'rp-ph-mark rp-ph-eol'],
    'the release runs to the next dated phase',
  );
  assert.match(html, /\(1 phase without a date\)/);
  assert.match(html, /aria-label="1\.29: Release 2023-12-13, Maintenance no date, End of life 2025-02-28\. Active until 2025-02-28\."/);
  // The end of life not known yet: the last phase runs on to the axis' end, faded.
  const open = release('1.31', 8, [phase('Release', 'ga', '2024-08-13'), phase('End of life', 'eol', null)]);
  const [openRow] = bars(renderReleases(status('2024-09-01', [open]), false));
  assert.equal(openRow[0].cls, 'rp-ph rp-ph-active rp-ph-open');
  assert.ok(Math.abs(openRow[0].x + openRow[0].w - 99) < 0.01);
  // A table of release dates only: a dot at each release, no bar running on.
  const dates = renderReleases(status('2019-06-01', [release('v2.4', 8, [phase('Release date', 'ga', '2018-09-06')])]), false);
  assert.deepEqual(bars(dates), [[]]);
  assert.match(
    dates,
    /<circle class="rp-ph-dot rp-ph-active" cx="[\d.]+%" cy="11" r="5"><title>Release date: 2018-09-06<\/title><\/circle>/,
  );
  assert.match(dates, /<td class="rp-gantt-state">Release date 2018-09-06<\/td>/);
  const none = renderReleases(status('2024-09-01', [release('2.0', 9, [phase('Release', 'ga', null)])]), false);
  assert.match(none, /1 release without a dated phase: <bdi>2\.0<\/bdi>/);
  // Two tables: one axis, a row group each.
  const two = renderReleases(status('2025-06-01', [...NODE_LIKE, release('x', 30, [phase('GA', 'ga', '2019-04-18')], 29)]), false);
  assert.equal((two.match(/<table class="rp-gantt">/g) ?? []).length, 1);
  assert.equal((two.match(/<tbody>/g) ?? []).length, 2);
  assert.match(two, /<text class="rp-tick-label" x="[\d.]+%" y="28" text-anchor="middle">2020<\/text>/, 'the axis spans both tables');
});

test('release bars and timeline: page text escaped and bidi-isolated in rows, titles and labels', () => {
  const evil = '<img src=x onerror=alert(1)>\u202egnp.exe';
  const s = status(
    '2025-06-01',
    [release(evil, 3, [phase(`"${evil}`, 'ga', '2024-01-01'), phase('EOL', 'eol', '2026-01-01')])],
    [milestone(`GA ${evil}`, 2, { kind: 'ga', timeline: 0, date: date('2025-01-10'), owner: evil })],
  );
  for (const interactive of [true, false]) {
    const html = renderDashboard(s, { interactive });
    assert.doesNotMatch(html, /<img/);
    assert.ok(html.includes('<bdi>&lt;img src=x onerror=alert(1)&gt;\u202egnp.exe</bdi>'), 'the version as escaped, isolated text');
    assert.ok(html.includes('\u2068&lt;img src=x onerror=alert(1)&gt;\u202egnp.exe\u2069: \u2068&quot;&lt;img'), 'attribute text isolated');
    assert.ok(html.includes('<span class="rp-ms-owner"><bdi>&lt;img'), 'the owner is shown, escaped');
    assert.doesNotMatch(html.replace(/\u2068[^\u2069]*\u202e[^\u2069]*\u2069+/g, '').replace(/<bdi>[^<]*<\/bdi>/g, ''), /\u202e/);
  }
});

test('timeline: a slip drawn from the planned day (ghosted, struck in the list) to the actual one, ranges as bars', () => {
  const s = status(
    '2024-03-20',
    [],
    [
      milestone('Code freeze', 5, {
        kind: 'freeze',
        date: date('2024-03-01'),
        actual: date('2024-03-06'),
        slipDays: 5,
        days: -19,
        owner: 'Release team',
      }),
      milestone('Beta', 6, { kind: 'beta', date: date('2024-03-12'), actual: date('2024-03-11'), slipDays: -1, days: -8 }),
      milestone('KubeCon', 7, {
        date: { text: 'Tuesday 19th - Friday 22nd March 2024', iso: '2024-03-19', endIso: '2024-03-22' },
        days: -1,
      }),
      milestone('Release', 8, { kind: 'ga', date: date('2024-04-17'), days: 28 }),
      milestone('v1.30.0-rc.2 candidate', 9, { kind: 'rc', date: date('2024-03-15'), actual: date('2024-03-15'), slipDays: 0, days: -5 }),
    ],
  );
  const html = renderTimeline(s, true);
  assert.match(html, /<text class="rp-slip-text"[^>]*>\+5 days<\/text>/);
  assert.match(html, /<text class="rp-slip-text"[^>]*>−1 day<\/text>/);
  assert.equal((html.match(/<circle class="rp-ghost rp-planned"/g) ?? []).length, 2, 'the planned days ghosted');
  assert.match(html, /<del class="rp-planned-date">2024-03-01<\/del> 2024-03-06<\/span>/);
  assert.match(
    html,
    /<bdi>Code freeze<\/bdi> <span class="rp-slip-badge rp-late">\+5 days<\/span> <span class="rp-ms-owner"><bdi>Release team<\/bdi>/,
  );
  assert.match(html, /<span class="rp-slip-badge">−1 day<\/span>/);
  assert.match(
    html,
    /<span class="rp-ms-date">2024-03-15<\/span><span class="rp-ms-name"><bdi>v1\.30\.0-rc\.2 candidate<\/bdi> <span class="rp-slip-badge">on time<\/span>/,
  );
  assert.equal((html.match(/class="rp-slip"/g) ?? []).length, 2, 'no slip drawn for a milestone on time');
  assert.match(html, /text-anchor="[a-z]+">RC2<\/text>/, 'the short label takes the number after the kind');
  assert.match(html, /Code freeze: planned 2024-03-01 \(19 days ago\); actual 2024-03-06 \(\+5 days\); owner Release team/);
  // The freeze's dot is at its actual day, the slip line from the planned day to it.
  const slip = /<line class="rp-slip" x1="([\d.]+)%" x2="([\d.]+)%"/.exec(html);
  const dot = /<g class="rp-ms rp-k-freeze[^"]*"[^>]*><title>[^<]*<\/title><circle cx="([\d.]+)%"/.exec(html);
  assert.ok(slip && dot && Number(slip[2]) > Number(slip[1]) && slip[2] === dot[1], 'the arrow ends at the dot');
  const range = /<line class="rp-range" x1="([\d.]+)%" x2="([\d.]+)%"/.exec(html);
  assert.ok(range && Number(range[2]) > Number(range[1]));
  assert.match(html, /2024-03-19 – 2024-03-22/);
  assert.match(html, /KubeCon: 2024-03-19 to 2024-03-22/);
});

test('timeline: every milestone of a long schedule is drawn, phase-table rows go to the release bars instead', () => {
  const many = Array.from({ length: 40 }, (_, i) =>
    milestone(`Week ${i + 1} milestone`, 10 + i, {
      date: date(`2024-${String(1 + Math.floor(i / 10)).padStart(2, '0')}-${String(1 + (i % 10) * 2).padStart(2, '0')}`),
    }),
  );
  const html = renderTimeline(status('2024-02-01', [], many), false);
  assert.equal((html.match(/<g class="rp-ms /g) ?? []).length, 40, 'a dot for each');
  assert.equal((html.match(/<li class="rp-ms-item /g) ?? []).length, 40);
  assert.ok((html.match(/<text class="rp-ms-text"/g) ?? []).length > 20, 'more label rows on a crowded lane');
  // A page whose only milestones are phase-table rows: no timeline strip, the bars instead.
  const rows = NODE_LIKE.flatMap((r) =>
    r.phases.map((p, i) =>
      milestone(p.label, r.line, { kind: p.kind, timeline: r.timeline, date: p.date, release: r.version, line: r.line + i }),
    ),
  );
  const s = status('2025-06-01', NODE_LIKE, rows);
  assert.equal(renderTimeline(s, false), '');
  const dash = renderDashboard(s, { interactive: false });
  assert.match(dash, /<h2 id="rp-h-releases">Releases/);
  assert.doesNotMatch(dash, /rp-timeline-section/);
});

test('validation: the webview refuses malformed releases', () => {
  const good = JSON.parse(JSON.stringify(status('2025-06-01', NODE_LIKE))) as PageStatus;
  assert.ok(isPageStatus(good));
  const broken: Array<(r: Record<string, unknown>) => void> = [
    (r) => (r.version = 20),
    (r) => (r.line = -1),
    (r) => (r.timeline = 1.5),
    (r) => (r.tableLine = '10'),
    (r) => (r.start = { text: 'x', iso: '2023-4-18' }),
    (r) => (r.end = 'soon'),
    (r) => (r.phases = {}),
    (r) => ((r.phases as Array<Record<string, unknown>>)[0].kind = 'ga" onclick="x'),
    (r) => ((r.phases as Array<Record<string, unknown>>)[1].label = null),
    (r) => ((r.phases as Array<Record<string, unknown>>)[2].date = { text: 'x', iso: null, endIso: 'x' }),
    (r) => delete r.phases,
  ];
  for (const [i, breakIt] of broken.entries()) {
    const copy = JSON.parse(JSON.stringify(good)) as { releases: Array<Record<string, unknown>> };
    breakIt(copy.releases[0]);
    assert.equal(isPageStatus(copy), false, `change ${i}`);
  }
  assert.equal(isPageStatus({ ...good, releases: null }), false);
});

test('report --format json: releases with 1-based lines, as every other line of the JSON', () => {
  const s = withOneBasedLines(status('2025-06-01', NODE_LIKE));
  assert.deepEqual(
    s.releases.map((r) => [r.version, r.line, r.tableLine]),
    [
      ['v20', 4, 11],
      ['v22', 5, 11],
    ],
  );
  assert.deepEqual(s.releases[0].phases, NODE_LIKE[0].phases);
});

test('real phase tables: buildStatus gives one release per row, and report carries them (JSON with 1-based lines, HTML bars)', () => {
  const text = readFixture(join('projects', 'release'), 'cert-manager-supported-releases.md');
  const s = buildStatus(checkText(text), { today: { year: 2025, month: 6, day: 1 } });
  assert.equal(s.releases.length, 26);
  assert.deepEqual(
    [...new Set(s.releases.map((r) => r.tableLine))].map((l) => text.split('\n')[l].startsWith('| Release')),
    [true, true, true, true],
    'four tables, each row group keyed by its header line',
  );
  const old = s.releases.find((r) => r.version === '1.15');
  assert.ok(old);
  assert.deepEqual(
    old.phases.map((p) => [p.kind, p.date?.iso]),
    [
      ['ga', old.start?.iso],
      ['eol', old.end?.iso],
    ],
  );
  assert.ok(old.start?.iso && old.end?.iso && old.start.iso < old.end.iso);
  for (const r of s.releases) {
    assert.match(
      text.split('\n')[r.line],
      new RegExp(`\\b${r.version.split(' ')[0].replace(/\./g, '\\.')}\\b`),
      `row line of ${r.version}`,
    );
    assert.ok(
      s.milestones.some((m) => m.timeline === r.timeline && m.release === r.version),
      `${r.version}: its phases are milestones too`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'release-pages-releases-'));
  writeFileSync(join(dir, 'support.md'), text);
  const run = (args: string[]): string => {
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'bin', 'release-pages.js'), 'report', 'support.md', '--as-of', '2025-06-01', ...args],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    assert.equal(r.status, 0, r.stderr);
    return r.stdout;
  };
  const json = JSON.parse(run(['--format', 'json'])) as PageStatus;
  assert.deepEqual(
    json.releases.map((r) => [r.version, r.line, r.tableLine]),
    s.releases.map((r) => [r.version, r.line + 1, r.tableLine + 1]),
  );
  assert.deepEqual(json.releases[0].phases, s.releases[0].phases);
  const html = run([]);
  assert.equal((html.match(/<tr class="rp-gantt-row/g) ?? []).length, 26);
  assert.match(html, /<td class="rp-gantt-state">Ended 2025-02-03<\/td>/);
});
