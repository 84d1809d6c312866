// A page's history from a real Git repository built here from several revisions of a corpus page (the
// two oVirt 3.3 snapshots and hand-made ones between and after them), with a rename, an untracked file,
// a file outside any repository and a shallow clone; then `release-pages changes` and `report --since`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gitPage, GitError, pageAt, pageRevisions, resolveBase, isDateBase, type GitErrorKind } from '../../server/src/node/git';
import { ROOT } from '../helpers/paths';
import { buildPageHistory, commit, git, LATER, MID, NEW, OLD } from '../helpers/page-history';

const CLI = join(ROOT, 'dist', 'cli.js');

// Git must not look above the test's folders for a repository (the worktree itself is one).
process.env.GIT_CEILING_DIRECTORIES = realpathSync(tmpdir());

/** old (2013-06-01, tag v3.3-plan) → mid (2013-06-20) → new (2013-07-10) → renamed and later (2013-07-20). */
function history(): { dir: string; commits: string[] } {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'rp-history-')));
  return { dir, commits: buildPageHistory(dir) };
}

const repo = history();
const PAGE = join(repo.dir, 'release-management.md');

function failsWith(kind: GitErrorKind, fn: () => unknown, message?: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof GitError, String(e));
    assert.equal(e.kind, kind, e.message);
    if (message) assert.match(e.message, message);
    return true;
  });
}

function cli(args: string[], cwd = repo.dir): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('revisions of a renamed page, newest first, each with its path then', () => {
  const page = gitPage(PAGE);
  assert.equal(page.path, 'release-management.md');
  assert.equal(page.shallow, false);
  const revs = pageRevisions(page);
  assert.deepEqual(
    revs.map((r) => [r.commit, r.date, r.path]),
    [
      [repo.commits[3], '2013-07-20', 'release-management.md'],
      [repo.commits[2], '2013-07-10', 'rm.md'],
      [repo.commits[1], '2013-06-20', 'rm.md'],
      [repo.commits[0], '2013-06-01', 'rm.md'],
    ],
  );
  assert.equal(pageAt(page, revs[2].commit, revs[2].path), MID);
});

test('bases by name: previous, a tag, a commit, dates', () => {
  const page = gitPage(PAGE);
  assert.equal(resolveBase(page, 'previous').commit, repo.commits[2]);
  const tag = resolveBase(page, 'v3.3-plan');
  assert.deepEqual([tag.commit, tag.path, tag.text === OLD], [repo.commits[0], 'rm.md', true]);
  assert.equal(resolveBase(page, repo.commits[1].slice(0, 10)).text, MID);
  assert.equal(resolveBase(page, '2013-06-25').commit, repo.commits[1]);
  assert.equal(resolveBase(page, '2013-07-10 13:00').commit, repo.commits[2]);
  assert.equal(resolveBase(page, 'HEAD~1').commit, repo.commits[2]);
  assert.ok(isDateBase('7 days ago') && isDateBase('last week') && isDateBase('yesterday') && !isDateBase('v1.0'));
  // Relative dates count from now: every revision here is years older, so the base is the newest one.
  assert.equal(resolveBase(page, '7 days ago').commit, repo.commits[3]);
});

test('unknown revisions and dates before the page: clear errors', () => {
  const page = gitPage(PAGE);
  failsWith('unknown-revision', () => resolveBase(page, 'no-such-tag'), /"no-such-tag" is not a revision/);
  failsWith('unknown-revision', () => resolveBase(page, '--output=x'));
  failsWith('unknown-revision', () => resolveBase(page, '2012-01-01'), /did not exist yet on 2012-01-01/);
});

test('an untracked file and a file outside any repository', () => {
  failsWith('untracked', () => gitPage(join(repo.dir, 'notes.md')), /not tracked by Git/);
  const outside = realpathSync(mkdtempSync(join(tmpdir(), 'rp-nogit-')));
  writeFileSync(join(outside, 'page.md'), NEW);
  failsWith('not-a-repository', () => gitPage(join(outside, 'page.md')), /not inside a Git repository/);
  const r = cli(['changes', 'page.md'], outside);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /not inside a Git repository/);
});

test('a shallow clone: the base is not there, and the message says how to fetch it', () => {
  const clone = realpathSync(mkdtempSync(join(tmpdir(), 'rp-shallow-')));
  git(clone, ['clone', '-q', '--depth', '1', `file://${repo.dir}`, 'c']);
  const page = gitPage(join(clone, 'c', 'release-management.md'));
  assert.equal(page.shallow, true);
  failsWith('shallow', () => resolveBase(page, 'previous'), /git fetch --unshallow/);
  failsWith('shallow', () => resolveBase(page, '2013-06-25'));
  failsWith('shallow', () => resolveBase(page, repo.commits[0]));
});

test('uncommitted edits: previous is the last commit', () => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'rp-dirty-')));
  git(dir, ['init', '-q']);
  const first = commit(dir, 'p.md', OLD, '2013-06-01', 'one');
  writeFileSync(join(dir, 'p.md'), NEW);
  assert.equal(resolveBase(gitPage(join(dir, 'p.md')), 'previous').commit, first);
  const r = cli(['changes', 'p.md', '--format', 'json'], dir);
  assert.equal(r.code, 0, r.stderr);
  const json = JSON.parse(r.stdout) as { head: { label: string }; ga: { days: number } };
  assert.deepEqual([json.head.label, json.ga.days], ['working tree', 21]);
});

test('changes: the weekly note in Markdown, worse first', () => {
  const r = cli(['changes', 'release-management.md', '--since', 'v3.3-plan', '--as-of', '2013-07-21']);
  assert.equal(r.code, 0, r.stderr);
  const note = r.stdout;
  assert.match(note, /^## .*changes since v3\.3-plan \([0-9a-f]{12}, 2013-06-01\)\n/);
  assert.match(note, /GA slipped 21 days/);
  assert.ok(note.indexOf('### Worse') < note.indexOf('### Better'), note);
  assert.match(note, /- \*\*RAM Snapshots\*\* \(Virt\): Green → \*\*Red\*\*/);
  assert.match(note, /### New features\n\n- \*\*Live merge\*\* \(Virt\): Orange, target 2013-08-01/);
  assert.match(note, /General availability: ~~2013-08-14~~ → 2013-09-04 \(\+21 days\)/);
});

test('changes --format json: the typed result with 1-based lines; --format html: the section', () => {
  const r = cli(['changes', 'release-management.md', '--since', 'previous', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const json = JSON.parse(r.stdout) as {
    schema: number;
    file: string;
    base: { commit: string };
    features: Array<{ name: string; line: number; status: { direction: string } | null }>;
    added: Array<{ name: string; line: number }>;
  };
  assert.equal(json.schema, 1);
  assert.equal(json.file, 'release-management.md');
  assert.equal(json.base.commit, repo.commits[2]);
  assert.deepEqual(
    json.features.map((f) => [f.name, f.status?.direction]),
    [['RAM Snapshots', 'worse']],
  );
  const lines = LATER.split('\n');
  assert.match(lines[json.added[0].line - 1], /Live merge/);
  const html = cli(['changes', 'release-management.md', '--format', 'html']);
  assert.match(html.stdout, /^<section class="rp-section rp-changes"/);
  assert.match(html.stdout, /<del><bdi>2013-07-10|RAM Snapshots/);
});

test('report --since adds the changes section; bad bases exit 2 with one line', () => {
  const r = cli(['report', 'release-management.md', '--since', '2013-06-25', '--as-of', '2013-07-21']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /<section class="rp-section rp-changes"[^]*Changes since[^]*2013-06-20[^]*<\/section><\/main>/);
  const bad = cli(['changes', 'release-management.md', '--since', 'nope']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /"nope" is not a revision/);
  assert.equal(cli(['changes', 'notes.md']).code, 2);
});

test('changes --feature: one feature over the revisions, oldest first, through the rename', () => {
  const r = cli(['changes', 'release-management.md', '--feature', 'Cloud-Init Integration', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const h = JSON.parse(r.stdout) as { points: Array<{ date: string; colour: string }> };
  assert.deepEqual(
    h.points.map((p) => [p.date, p.colour]),
    [
      ['2013-06-01', 'red'],
      ['2013-06-20', 'orange'],
      ['2013-07-10', 'green'],
      ['2013-07-20', 'green'],
    ],
  );
});
