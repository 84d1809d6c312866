// Over 300 lines: one file for the table schemas' whole path (config text → model → rules → completion and hover) over the three documented examples, so the docs test and the examples stay together.
/**
 * Table schemas (`tables:` in a configuration, the built-in profiles): the config parser's messages, the
 * model's `schema` and typed columns, the schema rules, completion and hover — over the three real tables
 * docs/configuration.md shows (test/fixtures/schemas/*.yaml over pages of test/fixtures/projects/release).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildStatus,
  completionsAt,
  DEFAULT_CONFIG,
  Engine,
  hoverAt,
  mergeConfig,
  parseConfigText,
  tablesFromSettings,
  type ResolvedConfig,
} from '../../server/src/core';
import { columnVocabulary } from '../../server/src/core/vocabulary';
import { ROOT, readFixture } from '../helpers/paths';
import { positionOf } from '../helpers/positions';

const SCHEMA_RULES = ['value-unknown', 'value-required', 'column-type'];

function configOf(name: string): ResolvedConfig {
  const parsed = parseConfigText(readFixture('schemas', name), `/project/${name}`);
  assert.deepEqual(parsed.problems, [], `${name} reads without problems`);
  return mergeConfig(DEFAULT_CONFIG, parsed.config);
}

function schemaFindings(page: string, config: ResolvedConfig): string[] {
  const r = new Engine().check(page, { config, force: true });
  return r.findings.filter((f) => SCHEMA_RULES.includes(f.rule)).map((f) => `${f.range.start.line + 1} ${f.rule} ${f.message}`);
}

function release(name: string): string {
  return readFixture(join('projects', 'release'), name);
}

/** The page with the first occurrence of `from` on the line holding `marker` replaced by `to`. */
function edit(page: string, marker: string, from: string, to: string): string {
  const lines = page.split('\n');
  const i = lines.findIndex((l) => l.includes(marker));
  assert.ok(i >= 0, marker);
  lines[i] = lines[i].replace(from, to);
  return lines.join('\n');
}

function hoverText(page: string, config: ResolvedConfig, needle: string, lineMarker?: string): string {
  const model = new Engine().model(page, config);
  const h = hoverAt(model, positionOf(page, needle, { lineMarker, offset: 1 }), { config, today: 0 });
  return h?.markdown ?? '';
}

function labelsAt(
  page: string,
  config: ResolvedConfig,
  needle: string,
  lineMarker?: string,
  offset = 1,
): Array<{ label: string; detail: string }> {
  const model = new Engine().model(page, config);
  return completionsAt(model, positionOf(page, needle, { lineMarker, offset }), config).map((c) => ({
    label: c.label,
    detail: c.detail ?? '',
  }));
}

test('docs/configuration.md shows each example fixture verbatim, each in 10 lines of YAML or fewer', () => {
  const docs = readFileSync(join(ROOT, 'docs', 'configuration.md'), 'utf8');
  for (const name of ['dapr.yaml', 'electron.yaml', 'kubernetes.yaml']) {
    const yaml = readFixture('schemas', name);
    assert.ok(docs.includes(`\`\`\`yaml\n${yaml}\`\`\``), `${name} in docs/configuration.md`);
    assert.ok(yaml.trimEnd().split('\n').length <= 10, `${name}: at most 10 lines`);
  }
});

test('Dapr supported releases: the real table passes; a misspelt status, an empty date and a wrong version are reported', () => {
  const config = configOf('dapr.yaml');
  const page = release('dapr-supported-releases.md');
  const table = new Engine().model(page, config).tables[0];
  assert.equal(table.schema?.name, 'Dapr supported releases');
  assert.deepEqual(table.schema.origin, { kind: 'config', file: '/project/dapr.yaml', line: 1 });
  assert.deepEqual(
    table.schema.columns.map((c) => [c.index, c.type, c.required]),
    [
      [0, 'date', true],
      [1, 'version', false],
      [2, 'version', false],
      [5, 'status', false],
    ],
  );
  // The schema's status and date columns also set the keys existing rules and the dashboard read.
  assert.deepEqual(table.columns, { status: 5, target: 0 });
  assert.deepEqual(schemaFindings(page, config), []);
  let broken = edit(page, '| Mar 4th 2021', '| Supported |', '| Suported |');
  broken = edit(broken, '| Apr 1st 2021', 'Apr 1st 2021', '');
  broken = edit(broken, '| Apr 6th 2021', '1.1.1</br>', 'latest');
  assert.deepEqual(schemaFindings(broken, config), [
    '35 value-unknown Unknown value "Suported" in "Status" in table "Dapr supported releases" (dapr.yaml:8): start the cell with Supported (current), Supported, Unsupported.',
    '36 value-required Required column "Release date" in table "Dapr supported releases" (dapr.yaml:5) is empty.',
    '37 column-type "latest" is not a version (`1.29`, `v2.0.1`): "Runtime" in table "Dapr supported releases" (dapr.yaml:6) holds version values.',
  ]);
});

test('Dapr: completion offers the declared statuses in order with colours; hover says where they are declared', () => {
  const config = configOf('dapr.yaml');
  const page = release('dapr-supported-releases.md');
  assert.deepEqual(labelsAt(page, config, 'Supported |', '| Feb 17th 2021'), [
    { label: 'Supported (current)', detail: 'Status · green (dapr.yaml:8)' },
    { label: 'Supported', detail: 'Status · green (dapr.yaml:8)' },
    { label: 'Unsupported', detail: 'Status · red (dapr.yaml:8)' },
  ]);
  const hover = hoverText(page, config, 'Supported |', '| Feb 17th 2021');
  assert.match(hover, /^\*\*Status: Supported\*\*/);
  assert.match(hover, /_Declared in dapr\.yaml:8: colour green, 2nd in order\._/);
  assert.match(hover, /Column "Status" \(status\) of table "Dapr supported releases", dapr\.yaml:8/);
  // The vocabulary of the column: declared values only (the configuration closes it).
  const model = new Engine().model(page, config);
  assert.deepEqual(
    columnVocabulary(model, config, model.tables[0], 5).map((v) => [v.value, v.colour, v.rank, v.source]),
    [
      ['Supported (current)', 'green', 0, 'schema'],
      ['Supported', 'green', 1, 'schema'],
      ['Unsupported', 'red', 2, 'schema'],
    ],
  );
});

test('Electron releases: emoji statuses with colours; an unknown emoji and a dateless EOL are reported', () => {
  const config = configOf('electron.yaml');
  const page = release('electron-releases.md');
  assert.deepEqual(schemaFindings(page, config), []);
  let broken = edit(page, '| 33.0.0 ', '| ✅ |', '| ⚠️ |');
  broken = edit(broken, '| 33.0.0 ', '2025-Apr-29', 'soon');
  assert.deepEqual(schemaFindings(broken, config), [
    '13 column-type "soon" is not a date: "EOL" in table "Electron releases" (electron.yaml:7) holds date values.',
    '13 value-unknown Unknown value "⚠️" in "Supported" in table "Electron releases" (electron.yaml:9): start the cell with ✅, 🚫.',
  ]);
  assert.deepEqual(
    labelsAt(page, config, '✅', '| 33.0.0 ', 0).map((c) => c.label),
    ['✅', '🚫'],
  );
  const hover = hoverText(page, config, '✅', '| 33.0.0 ');
  assert.match(hover, /^\*\*Supported: ✅\*\*/);
  assert.match(hover, /_Declared in electron\.yaml:9: colour green, 1st in order\._/);
});

test('Kubernetes 1.29 release cycle: required What/When, a link column; completion and hover of the Who column learn from the table', () => {
  const config = configOf('kubernetes.yaml');
  const page = release('kubernetes-1.29.md');
  const model = new Engine().model(page, config);
  const table = model.tables.find((t) => t.schema !== null);
  assert.equal(table?.schema?.name, 'Kubernetes release cycle');
  assert.deepEqual(schemaFindings(page, config), []);
  let broken = edit(page, '| Schedule finalized', 'Friday 8th September 2023', 'TBD');
  broken = edit(broken, '| Start of Release Cycle', '[master-blocking]', 'master-blocking');
  assert.deepEqual(schemaFindings(broken, config), [
    '62 column-type "master-blocking" is not a link: "CI Signal" in table "Kubernetes release cycle" (kubernetes.yaml:8) holds link values.',
    '64 value-required Required column "When" in table "Kubernetes release cycle" (kubernetes.yaml:7) is "TBD".',
  ]);
  const who = labelsAt(page, config, 'Lead', '| Schedule finalized');
  assert.ok(who.length >= 3, JSON.stringify(who));
  assert.deepEqual(who[0], { label: 'Branch Manager', detail: 'Who (used on this page)' }); // the most used first
  assert.ok(who.some((c) => c.label === 'Lead'));
  assert.ok(who.some((c) => c.label === 'Enhancements Lead'));
  const hover = hoverText(page, config, 'Lead', '| Schedule finalized');
  assert.match(hover, /^\*\*Who: Lead\*\* — Used in \d+ rows of this table\./);
  assert.match(hover, /Column "Who" \(person\) of table "Kubernetes release cycle", kubernetes\.yaml:6/);
  // The same header under another heading is not this table (`match.heading`).
  const elsewhere = page.replace('## Timeline', '## Something else');
  assert.equal(
    new Engine().model(elsewhere, config).tables.find((t) => t.schema?.origin.kind === 'config'),
    undefined,
  );
});

test('configuration problems are reported at their place', () => {
  const text = [
    'tables:', //                                 1
    '  - name: T', //                             2
    '    match: { heading: "" }', //              3
    '    columns:', //                            4
    '      A: datum', //                          5
    '      B: { type: status, values: [Ok: purple] }', // 6
    '      C: { type: issue, pattern: "(a+)+" }', // 7
    '      D: { type: date, values: [x] }', //    8
    '      E: { type: text, colour: red }', //    9
    '  - columns: {}', //                         10
    '  - 42', //                                  11
  ].join('\n');
  const problems = parseConfigText(text).problems.map((p) => `${p.line + 1}:${p.column + 1} ${p.message}`);
  assert.deepEqual(problems, [
    '5:10 Unknown column type "datum": use date, date-range, status, priority, person, link, issue, percent, version, text.',
    '6:39 Unknown colour for "Ok": use green, orange, yellow, amber, red, grey, gray, blue, none.',
    '7:34 `pattern` repeats a group that repeats (such as `(a+)+`): it could take very long on some cells; write it without the nesting.',
    '8:32 `values` belong to status, priority or text columns, not to a date column.',
    '9:24 Unknown column setting "colour": use type, values, required, pattern, aliases.',
    '3:23 `heading` must be a text the heading above the table contains.',
    '10:14 A table needs `columns`: a map of header name → type or { type, values, required, pattern }.',
    '11:5 A table is a mapping: `{ name, match, columns }`.',
  ]);
  assert.deepEqual(
    parseConfigText('tables: nope').problems.map((p) => p.message),
    ['`tables` must be a list of tables: `- { name, match, columns }`.'],
  );
});

test('a table declared in the editor settings; a change of declarations builds the model again', () => {
  const settings = tablesFromSettings([
    { name: 'Components', columns: { Component: 'text', Health: { type: 'status', values: ['Fine: green', 'Bad: red'] } } },
  ]);
  assert.deepEqual(settings.problems, []);
  assert.deepEqual(tablesFromSettings([{ columns: { A: 'nope' } }]).problems, [
    'releasePages.tables[0]: Unknown column type "nope": use date, date-range, status, priority, person, link, issue, percent, version, text.',
  ]);
  assert.deepEqual(tablesFromSettings({ name: 'one' }).problems, [
    'releasePages.tables: `tables` must be a list of tables: `- { name, match, columns }`.',
  ]);
  const page = '# Release 1.0\n\n| Component | Health |\n|---|---|\n| API | Fine |\n| UI | Meh |\n';
  const engine = new Engine();
  const config = mergeConfig(DEFAULT_CONFIG, { tables: settings.tables });
  const declared = engine.check(page, { config, force: true });
  assert.equal(declared.page.tables[0].schema?.name, 'Components');
  assert.deepEqual(
    declared.findings.filter((f) => f.rule === 'value-unknown').map((f) => f.message),
    ['Unknown value "Meh" in "Health" in table "Components" (the releasePages.tables setting): start the cell with Fine, Bad.'],
  );
  // Without the declaration the built-in status profile describes the table: nothing is unknown.
  const builtin = engine.check(page, { force: true });
  assert.equal(engine.lastModel, 'built');
  assert.equal(builtin.page.tables[0].schema?.name, 'Status');
  assert.deepEqual(
    builtin.findings.filter((f) => SCHEMA_RULES.includes(f.rule)),
    [],
  );
});

test('built-in profiles: oVirt features, support policy, schedule, generic status with emoji colours', () => {
  const seed = readFixture('seeds', '000_015c11820e0fe26e.md');
  const ovirt = new Engine().model(seed).tables.filter((t) => t.isFeatureTable);
  assert.ok(ovirt.length > 0 && ovirt.every((t) => t.schema?.name === 'oVirt features' && t.schema.origin.kind === 'builtin'));
  const status = new Engine().model('| Area | RAG |\n|---|---|\n| Docs | 🟢 on track |\n| CI | :red_circle: |\n');
  assert.equal(status.tables[0].schema?.name, 'Status');
  assert.equal(status.tables[0].columns.status, 1);
  const vocab = columnVocabulary(status, DEFAULT_CONFIG, status.tables[0], 1);
  assert.deepEqual(
    vocab.filter((v) => v.value === '🟢' || v.value === ':red_circle:').map((v) => [v.value, v.colour, v.declaredAt]),
    [
      ['🟢', 'green', 'built-in profile "Status"'],
      [':red_circle:', 'red', 'built-in profile "Status"'],
    ],
  );
  const support = new Engine().model(release('cert-manager-supported-releases.md')).tables[0];
  assert.equal(support.schema?.name, 'Support policy');
  assert.deepEqual(
    support.schema.columns.map((c) => [c.header.trim(), c.type]),
    [
      ['Release', 'version'],
      ['Release Date', 'date'],
      ['End of Life', 'date'],
    ],
  );
  const schedule = new Engine().model(release('kubernetes-1.29.md')).tables.find((t) => t.isDateTable);
  assert.equal(schedule?.schema?.name, 'Schedule');
});

test('the dashboard of a declared table: every row, its statuses in the colours the declaration gives', () => {
  const today = { year: 2026, month: 12, day: 3 };
  const page = release('electron-releases.md');
  const config = configOf('electron.yaml');
  const result = new Engine().check(page, { config, force: true });
  const s = buildStatus(result, { config, today });
  assert.equal(s.counts.total, result.page.tables[0].rows.length);
  assert.equal(s.counts.other + s.counts.unset, 0, 'every ✅ and 🚫 has its declared colour');
  const yes = s.byStatus.find((g) => g.name === '✅');
  assert.ok(yes && yes.counts.green === yes.counts.total && yes.counts.total > 0);
  // A declaration wins over what the dashboard would guess from the word: Dapr's `Supported` declared orange.
  const dapr = release('dapr-supported-releases.md');
  const orange = mergeConfig(
    DEFAULT_CONFIG,
    parseConfigText(readFixture('schemas', 'dapr.yaml').replace('Supported: green', 'Supported: orange'), '/project/dapr.yaml').config,
  );
  const d = buildStatus(new Engine().check(dapr, { config: orange, force: true }), { config: orange, today });
  const supported = d.byStatus.find((g) => g.name === 'Supported');
  assert.ok(supported && supported.counts.orange === supported.counts.total && supported.counts.total > 0, JSON.stringify(d.byStatus));
});
