// The CLI on awkward file systems: exit 2 (with a message) for pages it cannot read, folders without
// pages, patterns that match nothing, pipes; symbolic link loops end; --fix keeps encodings and links and
// never rewrites bytes it does not understand. Root ignores file permissions, so "unreadable" is a
// dangling link, a folder named like a page, or a pipe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodePage, readPage } from '../../server/src/cli/write';
import { ROOT, readFixture } from '../helpers/paths';

const CLI = join(ROOT, 'bin', 'release-pages.js');
const SEED0 = readFixture('seeds', '000_015c11820e0fe26e.md');
const SEED1 = readFixture('seeds', '001_dc88aac92be68e04.md');

function run(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function folder(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'release-pages-cli-io-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

test('unreadable pages: a dangling link (named or inside a folder) and a folder named like a page are exit 2 with a message', () => {
  const dir = folder({ 'docs/good.md': SEED1 });
  symlinkSync('missing.md', join(dir, 'dangling.md'));
  symlinkSync('../nowhere.md', join(dir, 'docs', 'broken.md'));
  mkdirSync(join(dir, 'folder.md'));
  const named = run(['check', 'dangling.md'], dir);
  assert.equal(named.code, 2);
  assert.match(named.stderr, /dangling\.md: no such file or folder/);
  const inside = run(['check', 'docs'], dir);
  assert.equal(inside.code, 2, inside.stderr);
  assert.match(inside.stderr, /broken\.md: cannot read/);
  assert.match(inside.stdout, /checked, no problems|problem/, 'the readable page is still checked');
  const dirAsFile = run(['check', 'folder.md'], dir);
  assert.equal(dirAsFile.code, 2);
  assert.match(dirAsFile.stderr, /folder\.md: folder has no \.md or \.markdown pages/);
});

test('a folder without pages, a pattern that matches nothing, a malformed pattern: exit 2, no crash', () => {
  const dir = folder({ 'notes/readme.txt': 'x', 'docs/a.md': SEED1 });
  const empty = run(['check', 'notes'], dir);
  assert.equal(empty.code, 2);
  assert.match(empty.stderr, /notes: folder has no \.md or \.markdown pages/);
  for (const pattern of ['nothing/**/*.md', 'docs/{a,b', 'docs/[x-z].md', 'docs/**/**/*.{md', 'docs/[a-']) {
    const r = run(['check', pattern], dir);
    assert.equal(r.code, 2, `${pattern}: ${r.stderr}`);
    assert.match(r.stderr, /no files match this pattern|no such file or folder/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  }
});

test('a named pipe is never opened (it would block forever): exit 2', (t) => {
  const dir = folder();
  if (spawnSync('mkfifo', [join(dir, 'pipe.md')]).status !== 0) {
    t.skip('mkfifo is not available');
    return;
  }
  const r = run(['check', 'pipe.md'], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /pipe\.md: not a regular file/);
  const inFolder = run(['check', '.'], dir);
  assert.equal(inFolder.code, 2, 'a folder holding only a pipe has no pages');
});

test('symbolic link loops in folders end; each page is checked once', () => {
  const dir = folder({ 'docs/sub/page.md': SEED1 });
  symlinkSync('..', join(dir, 'docs', 'sub', 'up'));
  symlinkSync('.', join(dir, 'docs', 'self'));
  const r = run(['check', 'docs', '--format', 'json'], dir);
  assert.equal(r.code, 0, r.stderr);
  const files = (JSON.parse(r.stdout) as Array<{ file: string }>).map((f) => f.file);
  assert.deepEqual([...new Set(files)], ['docs/sub/page.md']);
  const glob = run(['check', 'docs/**/*.md', '--format', 'json'], dir);
  assert.equal(glob.code, 0, glob.stderr);
  const globbed = (JSON.parse(glob.stdout) as Array<{ file: string }>).map((f) => f.file);
  assert.deepEqual([...new Set(globbed)], ['docs/sub/page.md'], 'a glob through the same loops: the page once, by its shortest path');
});

test('--fix keeps UTF-16 pages in UTF-16 and symbolic links as links; a page that is not valid UTF-8 is not written (exit 2)', () => {
  const utf16 = encodePage({ bom: true, encoding: 'utf16le' }, SEED0);
  const latin1 = Buffer.concat([Buffer.from(SEED0, 'utf8'), Buffer.from('\nZo\xeb\n', 'latin1')]);
  const dir = folder({ 'wide.md': utf16, 'latin1.md': latin1, 'real/target.md': SEED0 });
  symlinkSync('real/target.md', join(dir, 'link.md'));
  const wide = run(['check', 'wide.md', '--fix'], dir);
  assert.match(wide.stderr, /wide\.md: fixed \d+ problems/);
  const back = readPage(join(dir, 'wide.md'));
  assert.equal(back.encoding, 'utf16le');
  assert.notEqual(back.text, SEED0);
  assert.equal(back.text.split('\n').length, SEED0.split('\n').length);
  const linked = run(['check', 'link.md', '--fix'], dir);
  assert.match(linked.stderr, /link\.md: fixed/);
  assert.ok(lstatSync(join(dir, 'link.md')).isSymbolicLink());
  assert.notEqual(readFileSync(join(dir, 'real', 'target.md'), 'utf8'), SEED0);
  const before = statSync(join(dir, 'latin1.md'));
  const lossy = run(['check', 'latin1.md', '--fix'], dir);
  assert.equal(lossy.code, 2);
  assert.match(lossy.stderr, /latin1\.md: not valid UTF-8; not written/);
  assert.ok(readFileSync(join(dir, 'latin1.md')).equals(latin1));
  assert.equal(statSync(join(dir, 'latin1.md')).ino, before.ino);
});
