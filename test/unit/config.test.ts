import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkText, DEFAULT_CONFIG, mergeConfig, parseConfigText } from '../../server/src/core';
import { ConfigLoader, findConfigFile } from '../../server/src/node/config-loader';
import { readFixture } from '../helpers/paths';

test('a config file sets severities, options and vocabularies', () => {
  const { config, problems } = parseConfigText(
    'rules:\n  date-format: off\n  status-unknown:\n    severity: warning\nstatuses: [Green, Orange, Red, Done]\nmilestoneOrder: [alpha, beta, rc, ga]\n',
  );
  assert.deepEqual(problems, []);
  assert.equal(config.rules?.['date-format'].severity, 'off');
  assert.equal(config.rules['status-unknown'].severity, 'warning');
  assert.deepEqual(config.statuses, ['Green', 'Orange', 'Red', 'Done']);
});

test('bad config is reported with line and column, never thrown', () => {
  const cases: Array<[string, RegExp, number]> = [
    ['rules:\n  date-formt: off\n', /Unknown rule "date-formt"/, 1],
    ['rules:\n  date-format: loud\n', /must be one of off, hint/, 1],
    ['statuses: Green\n', /must be a list of strings/, 0],
    ['colour: red\n', /Unknown setting "colour"/, 0],
    ['rules: [\n', /./, 0],
    ['milestoneOrder: [alpha, gamma]\n', /Unknown milestone kind "gamma"/, 0],
    [
      'a: &a [1,2]\nb: &b [*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b]\nrules:\n  date-format:\n    x: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n',
      /./,
      0,
    ],
  ];
  for (const [text, message, line] of cases) {
    const { problems } = parseConfigText(text);
    assert.ok(problems.length > 0, text);
    assert.match(problems[0].message, message);
    if (line) assert.equal(problems[0].line, line);
  }
});

test('the nearest config file applies, with extends chains and cycle detection', () => {
  const dir = mkdtempSync(join(tmpdir(), 'release-pages-config-'));
  mkdirSync(join(dir, 'team', 'pages'), { recursive: true });
  writeFileSync(join(dir, 'base.yaml'), 'statuses: [Green, Orange, Red, Done]\nrules:\n  value-unset: off\n');
  writeFileSync(join(dir, 'team', '.release-pages.yml'), 'extends: ../base.yaml\nrules:\n  date-format: error\n');
  // `extends` may leave the config file's folder only within the scope: here the folder `dir` (a workspace folder).
  const loader = new ConfigLoader(undefined, { roots: [dir], allow: [], projectRoot: 'outside', allowHint: 'the setting' });
  const loaded = loader.forPage(join(dir, 'team', 'pages', 'x.md'));
  assert.deepEqual(loaded.problems, []);
  assert.equal(loaded.files.length, 2);
  assert.deepEqual(loaded.config.statuses, ['Green', 'Orange', 'Red', 'Done']);
  assert.equal(loaded.config.rules['value-unset'].severity, 'off');
  assert.equal(loaded.config.rules['date-format'].severity, 'error');
  writeFileSync(join(dir, 'base.yaml'), 'extends: team/.release-pages.yml\n');
  loader.clear();
  const cyclic = loader.forPage(join(dir, 'team', 'pages', 'x.md'));
  assert.ok(cyclic.problems.some((p) => /cycle/.test(p.message)));
});

test('severity off silences a rule; inline comments disable rules by line and range', () => {
  const seed = readFixture('seeds', '001_dc88aac92be68e04.md');
  const base = checkText(seed).findings.filter((f) => f.rule === 'date-placeholder').length;
  assert.equal(base, 6);
  const off = checkText(seed, { config: mergeConfig(DEFAULT_CONFIG, { rules: { 'date-placeholder': { severity: 'off', options: {} } } }) });
  assert.equal(off.findings.length, 0);
  const lines = seed.split('\n');
  const first = lines.findIndex((l) => l.includes('**\\1**'));
  // Inside a list the comment keeps the item's indentation (at column 0 it would end the list).
  lines.splice(first, 0, '    <!-- release-pages-disable-next-line date-placeholder -->');
  assert.equal(checkText(lines.join('\n')).findings.filter((f) => f.rule === 'date-placeholder').length, 5);
  const same = seed.split('\n');
  same[first] += ' <!-- release-pages-disable-line -->';
  assert.equal(checkText(same.join('\n')).findings.filter((f) => f.rule === 'date-placeholder').length, 5);
  const ranged = seed
    .replace('## Timeline', '## Timeline\n\n<!-- release-pages-disable date-placeholder -->')
    .replace('## Tracker Bug', '<!-- release-pages-enable date-placeholder -->\n\n## Tracker Bug');
  assert.equal(checkText(ranged).findings.filter((f) => f.rule === 'date-placeholder').length, 0);
  const other = seed.replace('## Timeline', '## Timeline\n\n<!-- release-pages-disable status-case -->');
  assert.equal(checkText(other).findings.filter((f) => f.rule === 'date-placeholder').length, 6);
});

test('a one-run loader looks at each folder once and finds what a fresh lookup finds', () => {
  const dir = mkdtempSync(join(tmpdir(), 'release-pages-config-'));
  mkdirSync(join(dir, 'team', 'pages', 'deep'), { recursive: true });
  mkdirSync(join(dir, 'other'), { recursive: true });
  writeFileSync(join(dir, 'team', '.release-pages.yml'), 'rules:\n  date-format: error\n');
  const known = new Map<string, string | null>();
  const pages = [join(dir, 'team', 'pages', 'deep'), join(dir, 'team', 'pages'), join(dir, 'team'), join(dir, 'other'), dir];
  for (const p of pages) assert.equal(findConfigFile(p, known), findConfigFile(p), p);
  // Every folder from the pages up to the config file (or the root) is known: the next lookups touch nothing.
  assert.equal(known.get(join(dir, 'team', 'pages', 'deep')), join(dir, 'team', '.release-pages.yml'));
  assert.equal(known.get(join(dir, 'other')), findConfigFile(join(dir, 'other')));
  const oneRun = new ConfigLoader(
    undefined,
    { roots: [dir], allow: [], projectRoot: 'always', allowHint: '--allow-extends' },
    { oneRun: true },
  );
  const a = oneRun.forPage(join(dir, 'team', 'pages', 'deep', 'a.md'));
  const b = oneRun.forPage(join(dir, 'team', 'pages', 'b.md'));
  assert.equal(a.config.rules['date-format'].severity, 'error');
  assert.equal(a, b, 'pages under one configuration share one load');
  assert.equal(oneRun.forPage(join(dir, 'other', 'c.md')).files.length, findConfigFile(join(dir, 'other')) === null ? 0 : 1);
});
