// Debian's pre-commit with this repository's .pre-commit-hooks.yaml, as a user's repository uses them:
// `repo:` this repository (pre-commit clones it at `rev:` HEAD and installs it with npm), `pre-commit
// install`, then `git commit`. A page with an error is refused, a page whose table is not aligned is
// reformatted (and refused until staged again), a good page is committed. The hooks are those of the
// last commit: uncommitted changes to them are not tested.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { git, need, root, run, tempDir } from './lib/tools';

const GOOD = `---
category: release
title: Example 2.0 release management
---

# Example 2.0 release management

## Timeline

- 2026-01-15: Beta
- 2026-02-01: GA

## Features status

| Feature | Status | Release priority | Target date |
| ------- | ------ | ---------------- | ----------- |
| Login   | Green  | Must             | 2026-01-10  |
| Search  | Green  | Should           | 2026-01-20  |
| Export  | Red    | Optional         | 2026-02-01  |
`;
// Purple among the usual statuses is a slip (a page's own consistent words are learned).
const BAD = GOOD.replace('| Login   | Green  |', '| Login   | Purple |');
const LOOSE = GOOD.replace('| Login   | Green  | Must             | 2026-01-10  |', '| Login | Green | Must | 2026-01-10 |');

test('pre-commit runs the release-pages hooks from this repository', { timeout: 900_000 }, (t) => {
  need('pre-commit', 'git');
  const tmp = tempDir('pre-commit');
  t.after(tmp.dispose);
  const rev = git(root, 'rev-parse', 'HEAD').trim();
  const repo = join(tmp.dir, 'repo');
  mkdirSync(join(repo, 'docs'), { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  writeFileSync(
    join(repo, '.pre-commit-config.yaml'),
    `repos:\n  - repo: ${root}\n    rev: ${rev}\n    hooks:\n      - id: release-pages-check\n      - id: release-pages-format\n`,
  );
  writeFileSync(join(repo, 'README.md'), '# Not a release page\n');
  // pre-commit's clones and Node environment go to a folder of this test, not ~/.cache/pre-commit.
  // npm (run by pre-commit) takes what its cache holds without asking the registry again.
  const env = {
    ...process.env,
    PRE_COMMIT_HOME: join(tmp.dir, 'pre-commit-home'),
    PRE_COMMIT_COLOR: 'never',
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
  };
  const commit = (message: string): { status: number | null; output: string } => {
    const r = run('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.invalid', 'commit', '-q', '-m', message], {
      cwd: repo,
      env,
      timeoutMs: 600_000,
    });
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  };
  const installed = run('pre-commit', ['install'], { cwd: repo, env });
  assert.equal(installed.status, 0, installed.stdout + installed.stderr);
  // The first commit makes pre-commit clone and install the hooks (npm install + build: a minute or two).
  git(repo, 'add', '.pre-commit-config.yaml', 'README.md');
  const first = commit('config');
  assert.equal(first.status, 0, first.output);

  const page = join(repo, 'docs', 'release-management.md');
  writeFileSync(page, BAD);
  git(repo, 'add', 'docs/release-management.md');
  const bad = commit('bad page');
  assert.notEqual(bad.status, 0, `a page with an error was committed:\n${bad.output}`);
  assert.match(bad.output, /release pages \(check\)\.+Failed/);
  assert.match(bad.output, /docs\/release-management\.md\s+17:13\s+error\s+Unknown status "Purple".*status-unknown/);

  writeFileSync(page, LOOSE);
  git(repo, 'add', 'docs/release-management.md');
  const loose = commit('loose table');
  assert.notEqual(loose.status, 0, `a page the format hook changed was committed:\n${loose.output}`);
  assert.match(loose.output, /release pages \(check\)\.+Passed/);
  assert.match(loose.output, /release pages \(format tables\)\.+Failed/);
  assert.equal(readFileSync(page, 'utf8'), GOOD, 'the format hook aligned the table in the working tree');

  git(repo, 'add', 'docs/release-management.md');
  const good = commit('good page');
  assert.equal(good.status, 0, good.output);
  assert.match(good.output, /release pages \(check\)\.+Passed/);
  assert.match(good.output, /release pages \(format tables\)\.+Passed/);
  assert.equal(git(repo, 'show', 'HEAD:docs/release-management.md'), GOOD);
});
