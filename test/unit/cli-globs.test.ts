// Which pages the CLI reads: glob forms (picomatch semantics), ! negations, build folders skipped only in
// folder walks, .gitignore files (nested, .git/info/exclude; --no-gitignore), .release-pagesignore files
// and `ignores:` in the configuration.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFixture } from '../helpers/paths';
import { reportedFiles, runCli, tempFolder } from '../helpers/cli-run';

// A release page with six warnings: every page checked appears in a --format json report.
const SEED1 = readFixture('seeds', '001_dc88aac92be68e04.md');
const SEED0 = readFixture('seeds', '000_015c11820e0fe26e.md');

function pagesFound(args: readonly string[], cwd: string): string[] {
  const r = runCli(['check', '--format', 'json', ...args], cwd);
  assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
  return reportedFiles(r.stdout);
}

test('glob forms: ?, [ab], nested braces, escaped \\*, dot files only when named, ** and ! negations', () => {
  const names = ['a.md', 'b.md', 'c.md', 'a*.md', '.hidden.md', 'sub/d.md', 'sub/e.markdown', 'sub/.dot/f.md'];
  const dir = tempFolder(Object.fromEntries(names.map((n) => [`docs/${n}`, SEED1])));
  const cases: Array<[string[], string[]]> = [
    [['docs/?.md'], ['docs/a.md', 'docs/b.md', 'docs/c.md']],
    [['docs/[ab].md'], ['docs/a.md', 'docs/b.md']],
    [['docs/[!ab].md'], ['docs/c.md']],
    [['docs/{a,sub/{d,x}}.md'], ['docs/a.md', 'docs/sub/d.md']],
    [['docs/a\\*.md'], ['docs/a*.md']],
    [['docs/*.md'], ['docs/a*.md', 'docs/a.md', 'docs/b.md', 'docs/c.md']],
    [['docs/.*.md'], ['docs/.hidden.md']],
    [['docs/**/*.{md,markdown}'], ['docs/a*.md', 'docs/a.md', 'docs/b.md', 'docs/c.md', 'docs/sub/d.md', 'docs/sub/e.markdown']],
    [
      ['docs/**/*.md', '!docs/sub/**', '!**/a*'],
      ['docs/b.md', 'docs/c.md'],
    ],
    [
      ['docs', '!docs/[bc].md'],
      ['docs/.hidden.md', 'docs/a*.md', 'docs/a.md', 'docs/sub/.dot/f.md', 'docs/sub/d.md', 'docs/sub/e.markdown'],
    ],
  ];
  for (const [args, expected] of cases) assert.deepEqual(pagesFound(args, dir), expected, args.join(' '));
  const onlyNegation = runCli(['check', '--format', 'json', '!docs/**'], dir);
  assert.equal(onlyNegation.code, 0, 'only negations: the current folder minus them');
  assert.equal(onlyNegation.stdout.trim(), '[]');
});

test('dist/, out/, node_modules/ are skipped in folder walks but found by an explicit glob', () => {
  const dir = tempFolder({ 'site/page.md': SEED1, 'site/dist/x.md': SEED1, 'site/out/y.md': SEED1, 'site/node_modules/pkg/z.md': SEED1 });
  assert.deepEqual(pagesFound(['site'], dir), ['site/page.md']);
  assert.deepEqual(pagesFound(['site/**/*.md'], dir), ['site/dist/x.md', 'site/node_modules/pkg/z.md', 'site/out/y.md', 'site/page.md']);
  assert.deepEqual(pagesFound(['site/dist/*.md'], dir), ['site/dist/x.md']);
});

test('.gitignore files of the repository (nested ones, .git/info/exclude) leave pages out of folder walks; --no-gitignore', () => {
  const dir = tempFolder({
    '.gitignore': 'drafts/\n*.tmp.md\n',
    '.git/info/exclude': 'excluded.md\n',
    'docs/.gitignore': 'local.md\n!keep.tmp.md\n',
    'page.md': SEED1,
    'excluded.md': SEED1,
    'x.tmp.md': SEED1,
    'drafts/d.md': SEED1,
    'docs/local.md': SEED1,
    'docs/keep.tmp.md': SEED1,
    'docs/ok.md': SEED1,
    'docs/drafts/deep.md': SEED1,
  });
  assert.deepEqual(pagesFound([], dir), ['docs/keep.tmp.md', 'docs/ok.md', 'page.md']);
  assert.deepEqual(pagesFound(['docs'], dir), ['docs/keep.tmp.md', 'docs/ok.md'], "a sub-folder walk still reads the root's .gitignore");
  assert.deepEqual(pagesFound(['.'], join(dir, 'docs')), ['keep.tmp.md', 'ok.md'], 'from inside the repository: its root is found');
  const all = [
    'docs/drafts/deep.md',
    'docs/keep.tmp.md',
    'docs/local.md',
    'docs/ok.md',
    'drafts/d.md',
    'excluded.md',
    'page.md',
    'x.tmp.md',
  ];
  assert.deepEqual(pagesFound(['--no-gitignore'], dir), all);
  assert.deepEqual(pagesFound(['**/*.md'], dir), all, 'a glob matches what it says');
  assert.deepEqual(pagesFound(['drafts/d.md'], dir), ['drafts/d.md'], 'a page named on the command line is read');
  for (const f of all) writeFileSync(join(dir, f), SEED0); // tables format changes
  const fmt = runCli(['format', '--check'], dir);
  assert.equal(fmt.code, 1);
  assert.deepEqual(fmt.stdout.trim().split('\n'), ['docs/keep.tmp.md', 'docs/ok.md', 'page.md'], 'format walks the same pages');
});

test('.release-pagesignore leaves pages out of walks, globs and names (said on stderr); --no-gitignore keeps it', () => {
  const dir = tempFolder({
    '.release-pagesignore': '# old pages\nlegacy/\nold-*.md\n',
    'sub/.release-pagesignore': '!old-kept.md\n',
    'new.md': SEED1,
    'old-1.md': SEED1,
    'legacy/l.md': SEED1,
    'sub/old-kept.md': SEED1,
  });
  assert.deepEqual(pagesFound([], dir), ['new.md', 'sub/old-kept.md']);
  assert.deepEqual(pagesFound(['--no-gitignore'], dir), ['new.md', 'sub/old-kept.md']);
  assert.deepEqual(pagesFound(['**/*.md'], dir), ['new.md', 'sub/old-kept.md']);
  const named = runCli(['check', 'old-1.md', 'legacy/l.md', 'new.md', '--format', 'json'], dir);
  assert.equal(named.code, 0, named.stderr);
  assert.deepEqual(reportedFiles(named.stdout), ['new.md']);
  assert.match(named.stderr, /old-1\.md: ignored \(a \.release-pagesignore file/);
  assert.match(named.stderr, /legacy\/l\.md: ignored/);
  const onlyIgnored = runCli(['check', 'legacy'], dir);
  assert.equal(onlyIgnored.code, 0, 'a folder whose pages are all ignored is no error');
  assert.match(onlyIgnored.stdout, /0 pages checked/);
});

test('`ignores:` in .release-pages.yaml: globs relative to its folder; a folder name leaves out all under it', () => {
  const dir = tempFolder({
    'project/.release-pages.yaml': "ignores:\n  - archive\n  - '**/*.draft.md'\n",
    'project/keep.md': SEED1,
    'project/archive/2019/a.md': SEED1,
    'project/x.draft.md': SEED1,
    'project/sub/y.draft.md': SEED1,
    'other/archive/b.md': SEED1,
  });
  assert.deepEqual(pagesFound([], dir), ['other/archive/b.md', 'project/keep.md']);
  assert.deepEqual(pagesFound(['**/*.md'], dir), ['other/archive/b.md', 'project/keep.md']);
  const named = runCli(['check', 'project/x.draft.md', '--format', 'json'], dir);
  assert.equal(named.stdout.trim(), '[]');
  assert.match(named.stderr, /x\.draft\.md: ignored \(`ignores` in .*\.release-pages\.yaml\)/);
  mkdirSync(join(dir, 'bad'));
  writeFileSync(join(dir, 'bad', '.release-pages.yaml'), 'ignores: archive\n');
  writeFileSync(join(dir, 'bad', 'p.md'), SEED1);
  const bad = runCli(['check', 'bad'], dir);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /\.release-pages\.yaml:1:10: `ignores` must be a list of strings/);
});
