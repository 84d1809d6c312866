/**
 * Page detection on small pages written here: each piece of evidence for a release page, each piece
 * against, the kinds a release page gets, the explanation's sentences, and what the configuration's
 * include and exclude decide (the engine's `force` and `exclude`; the CLI's --explain).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine, explainDetection, RELEASE_PAGE_THRESHOLD, type PageModel } from '../../server/src/core';
import { ROOT } from '../helpers/paths';

function model(text: string): PageModel {
  return new Engine().check(text).page;
}

/** The sentences of the evidence found, without weights. */
function why(page: PageModel): string[] {
  return page.detection.evidence.map((e) => e.why);
}

function has(page: PageModel, pattern: RegExp, weightSign: 1 | -1 | 0): void {
  const e = page.detection.evidence.find((x) => pattern.test(x.why));
  assert.ok(e, `no evidence ${pattern} in ${JSON.stringify(why(page))}`);
  assert.equal(Math.sign(e.weight), weightSign, `${e.why}: weight ${e.weight}`);
}

const BULLET_SCHEDULE = `# Widget 2.0

## Schedule

* Feature freeze: 2024-03-01
* Beta release: 2024-03-15
* Release candidate: 2024-04-01
* General availability: 2024-04-15
`;

test('a schedule of dated milestones with release words is a release schedule', () => {
  const page = model(BULLET_SCHEDULE);
  assert.equal(page.kind, 'release-schedule');
  assert.equal(page.detection.verdict, 'release-page');
  has(page, /^4 dated milestones with release words \(first: "Feature freeze"\)$/, 1);
  has(page, /^a section "Schedule"$/, 1);
  const milestone = page.detection.evidence.find((e) => /dated milestones/.test(e.why));
  assert.equal(milestone?.line, 4, 'the line of the first milestone');
  assert.equal(
    page.detection.score,
    page.detection.evidence.reduce((n, e) => n + e.weight, 0),
  );
});

test('dated entries without release words are not a schedule', () => {
  const page = model('# Notes\n\n## Timeline\n\n* Kick: 2024-03-01\n* Lunch: 2024-03-15\n* Walk: 2024-04-01\n');
  assert.equal(page.kind, 'other');
  has(page, /dated entries without release words/, 0);
});

test('a release title alone makes a release page; each kind of title', () => {
  const titles: Array<[string, string]> = [
    ['# Release 1.29', 'release-schedule'],
    ['# v1.29 Release Schedule', 'release-schedule'],
    ['# Kubernetes 1.29 Release Information', 'release-schedule'],
    ['# Release Management', 'release-management'],
    ['# oVirt 4.2.z Release Management', 'z-stream'],
    ['# Support policy', 'support-policy'],
    ['# Supported releases', 'support-policy'],
    ['# LTS', 'support-policy'],
    ['# Product roadmap', 'roadmap'],
  ];
  for (const [title, kind] of titles) assert.equal(model(`${title}\n\nSome text.\n`).kind, kind, title);
  assert.equal(model('# Widget\n\nSome text.\n').kind, 'other');
});

test('release front matter; a post announcing a release', () => {
  const fm = model('---\ntitle: Planning\ncategory: release\n---\n\nText.\n');
  assert.equal(fm.kind, 'release-management');
  has(fm, /^front matter category: release$/, 1);
  const post = model('---\nlayout: post\ntitle: Widget 3.4 is out\ndate: 2014-03-27\nauthor: ann\n---\n\nThe release is here.\n');
  assert.equal(post.kind, 'announcement');
  has(post, /a post announcing release 3\.4/, 1);
});

test('a features table and a milestone plan are oVirt release pages', () => {
  const features = model('# Plans\n\n| Feature | Status | Owner |\n|---|---|---|\n| x | Green | ann |\n');
  assert.equal(features.kind, 'release-management');
  has(features, /a features table/, 1);
  const plan = model('Milestone 1 (First week Nov)\nGoal: Bootstrap\nStatus: Complete\n');
  assert.equal(plan.kind, 'milestone-plan');
});

test('a changelog is not a schedule, even with release words in its headings', () => {
  const keepAChangelog = `# Changelog

All notable changes are documented here; the format follows [Keep a Changelog](https://keepachangelog.com).

## [2.0.0-rc.1] - 2024-02-01
### Added
- x
## [2.0.0-beta.1] - 2024-01-08
### Fixed
- y
## [1.2.3] - 2023-12-01
### Changed
- z
`;
  const page = model(keepAChangelog);
  assert.equal(page.kind, 'other');
  has(page, /names a changelog/, -1);
  has(page, /3 headings that are a version and its date, in series \(a changelog\)/, -1);
  has(page, /Keep a Changelog/, -1);
  // Without the title: the series of dated version headings still outweighs a release word or two.
  const bare = model('## v1.2.3 (2024-01-08)\n\nRelease of x.\n\n## v1.2.2 (2023-12-08)\n\nFix.\n\n## v1.2.1 (2023-11-08)\n\nFix.\n');
  assert.equal(bare.kind, 'other');
  has(bare, /version and its date/, -1);
  const generated = model('# widget\n\n## 1.2.0\n\n### Features\n\n- a\n\n### Bug Fixes\n\n- b\n\n## 1.1.0\n\n### Features\n\n- c\n');
  has(generated, /version headings with sections of changes/, -1);
});

test('a blog post, meeting notes and a decision record are not release pages', () => {
  const blog = model('---\ntitle: Our release train\ndate: 2024-01-08\nauthor: ann\ntags: [ops]\n---\n\nWe release every month.\n');
  assert.equal(blog.kind, 'other');
  has(blog, /blog post/, -1);
  const meeting = model('# Release team meeting notes\n\n* Beta release: 2024-03-15\n* GA: 2024-04-15\n');
  assert.equal(meeting.kind, 'other');
  has(meeting, /names a changelog, notes, a meeting/, -1);
  const adr = model(
    '# ADR 7: Release cadence\n\n## Status\n\nAccepted\n\n## Context\n\nWe release too rarely.\n\n## Decision\n\nMonthly.\n',
  );
  assert.equal(adr.kind, 'other');
  has(adr, /architecture decision record/, -1);
});

test('process and template titles need a schedule to be release pages', () => {
  const process = model('---\ntitle: Release process\ncategory: release-management\n---\n\nHow we do it.\n');
  assert.equal(process.kind, 'other');
  has(process, /names how releases are made/, -1);
  const withSchedule = model(`# Release Process\n\n${BULLET_SCHEDULE.split('\n').slice(2).join('\n')}`);
  assert.equal(withSchedule.kind, 'release-schedule');
  const template = model(
    '---\ntitle: Release Criteria Template\ncategory: release-management\n---\n\n## Alpha Release Criteria\n\n1. MUST: x\n',
  );
  assert.equal(template.kind, 'other');
  has(template, /names a template or a guide/, -1);
});

test('a README whose only dated thing is a table of versions and dates is not a release page', () => {
  const readme = model(
    '# widget\n\nDraws widgets.\n\n## Versions\n\n| Version | Date |\n|---|---|\n| 1.0 | 2020-01-05 |\n| 1.1 | 2020-06-05 |\n',
  );
  assert.equal(readme.kind, 'other');
  assert.ok(readme.detection.score < RELEASE_PAGE_THRESHOLD);
});

const SUPPORT_TABLE = `| Version | Release | End of Life |
|---|---|---|
| 1.0 | 2020-01-05 | 2021-01-05 |
| 1.1 | 2020-06-05 | 2021-06-05 |
`;

test('a per-version table with support phases is a support policy; one date per version is a plan only under a schedule heading', () => {
  const support = model(`# Widget\n\n${SUPPORT_TABLE}`);
  assert.equal(support.kind, 'support-policy');
  has(support, /^a per-version table: 2 releases with their support phases \(end of life\)$/, 1);
  const planned = model('# Widget\n\n## Release schedule\n\n| Version | Date |\n|---|---|\n| 1.0 | 2020-01-05 |\n| 1.1 | 2020-06-05 |\n');
  has(planned, /^a per-version schedule: 2 releases with their phases$/, 1);
  assert.equal(planned.kind, 'release-schedule');
  const history = model('# Widget\n\n## Versions\n\n| Version | Release date |\n|---|---|\n| 1.0 | 2020-01-05 |\n| 1.1 | 2020-06-05 |\n');
  assert.equal(history.kind, 'other');
  has(history, /a table of 2 versions with the day each came out/, 1);
});

test('a README with a support table in one of its sections is not a release page', () => {
  const readme = model(
    `# widget\n\n## Install\n\nnpm i widget\n\n## Usage\n\nCall it.\n\n## Long Term Support\n\n${SUPPORT_TABLE}\n## License\n\nMIT\n`,
  );
  assert.equal(readme.kind, 'other');
  has(readme, /^sections of a project README \(Install, Usage, License\)/, -1);
});

test('the explanation: the verdict, then the reasons strongest first, with 1-based lines', () => {
  const page = model(BULLET_SCHEDULE);
  const { verdict, reasons } = explainDetection(page.detection, true);
  assert.equal(verdict, `release page (score ${page.detection.score}, needs 3)`);
  assert.equal(reasons[0], '+4 4 dated milestones with release words (first: "Feature freeze") (line 5)');
  assert.equal(reasons.at(-1), '+1 a section "Schedule" (line 3)');
  const other = model('# Widget\n\nText.\n');
  assert.deepEqual(explainDetection(other.detection, false), {
    verdict: 'not a release page (score 0, needs 3)',
    reasons: ['no evidence: no release title, release front matter, schedule or per-version table'],
  });
  assert.match(explainDetection(other.detection, true).verdict, /^checked because the configuration includes it/);
  assert.match(explainDetection(page.detection, false).verdict, /^not checked: the configuration excludes it/);
});

test('the engine: force checks a page that is not a release page, exclude skips one that is', () => {
  const broken = `${BULLET_SCHEDULE}* Bad day: 2024-02-31\n`;
  const engine = new Engine();
  assert.ok(engine.check(broken).findings.length > 0);
  const excluded = engine.check(broken, { exclude: true });
  assert.equal(excluded.isReleasePage, false);
  assert.deepEqual(excluded.findings, []);
  assert.equal(engine.check(broken, { exclude: true, force: true }).isReleasePage, true, 'force (include, --all) wins');
});

function cli(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'release-pages.js'), ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('CLI: check --explain says why each page is or is not taken; exclude globs in the config file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'release-pages-detect-'));
  writeFileSync(join(dir, 'schedule.md'), `${BULLET_SCHEDULE}* Bad day: 2024-02-31\n`);
  writeFileSync(join(dir, 'CHANGELOG.md'), '# Changelog\n\n## [1.0.0] - 2024-01-08\n\n- x\n');
  const r = cli(['check', '--explain', '.'], dir);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /^CHANGELOG\.md: not a release page \(score -\d+, needs 3\)\n {2}-4 the title "Changelog" names a changelog/m);
  assert.match(r.stdout, /^schedule\.md: release page \(score \d+, needs 3\) \[release-schedule\]\n {2}\+4 4 dated milestones/m);
  assert.match(r.stdout, /date-invalid/);
  const json = cli(['check', '--explain', '--format', 'json', 'schedule.md'], dir);
  assert.ok(Array.isArray(JSON.parse(json.stdout)), 'stdout stays JSON');
  assert.match(json.stderr, /^schedule\.md: release page/);
  writeFileSync(join(dir, '.release-pages.yaml'), 'exclude:\n  - "sched*.md"\n');
  const excluded = cli(['check', '--explain', 'schedule.md'], dir);
  assert.equal(excluded.code, 0, excluded.stderr);
  assert.match(excluded.stdout, /^schedule\.md: not checked: the configuration excludes it/);
  assert.equal(cli(['check', '--all', 'schedule.md'], dir).code, 1, '--all checks it anyway');
});
